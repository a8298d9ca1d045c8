package org.aisx.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Json;
import org.aisx.catalog.Kind;
import org.aisx.catalog.Progress;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.ingest.CsvReader;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.aisx.search.Facet;
import org.aisx.search.SearchRequest;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} (SPEC §3): the search API's parameters choose the records; CSV imports again to
 * the same fields, JSON is the import format, JSON-LD is a DCAT catalogue that Apache Jena parses.
 */
class ExportTest {
  @TempDir Path dir;

  private static byte[] export(App app, SearchRequest request, ExportFormat format)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long n =
        app.exporter().export(request, format, "https://aisx.example.org/", out, Progress.SILENT);
    assertThat(n).isEqualTo(app.index().search(request).total());
    return out.toByteArray();
  }

  private static SearchRequest all(App app) {
    return app.searchParams().forExport(Map.of());
  }

  @Test
  void aCsvExportImportsAgainToTheSameCells() throws IOException {
    List<Standard> written = new ArrayList<>();
    try (App a = Fixtures.empty(dir.resolve("a"))) {
      Fixtures.load(a, "/fixtures/catalogue/rfc-http.json");
      a.catalog()
          .save(
              Standard.builder("ISO/IEC 42001:2023")
                  .title(Map.of("en", "AI, \"management\" systems", "fr", "Systèmes de management"))
                  .summary(Map.of("en", "First paragraph, with a comma.\n\nSecond; paragraph."))
                  .sdo("ISO/IEC")
                  .committee("ISO/IEC JTC 1/SC 42")
                  .type(PublicationType.INTERNATIONAL_STANDARD)
                  .status(Status.IN_FORCE)
                  .stage("60.60")
                  .published("2023-12")
                  .edition("1")
                  .url("https://www.iso.org/standard/81230.html")
                  .keywords(List.of("management system", "AI"))
                  .relations(List.of(Relation.of(RelationType.COMPLEMENTS, "ISO/IEC 22989:2022")))
                  .openSource(false)
                  .kind(Kind.STANDARD)
                  .build(),
              "test",
              "test",
              null);
      byte[] csv = export(a, all(a), ExportFormat.CSV);
      assertThat(new String(csv, StandardCharsets.UTF_8))
          .startsWith(String.join(",", CsvReader.COLUMNS) + "\r\n");
      a.catalog().forEach(written::add);

      try (App b = Fixtures.empty(dir.resolve("b"))) {
        ImportSummary summary = new ImportSummary();
        b.importer()
            .importStream(
                Importer.Format.CSV,
                new ByteArrayInputStream(csv),
                "export.csv",
                "round-trip",
                summary,
                Progress.SILENT);
        assertThat(summary.rejections()).isEmpty();
        assertThat(b.catalog().count()).isEqualTo(written.size()).isEqualTo(3);
        for (Standard s : written) {
          Standard again = b.catalog().get(s.id());
          for (String column : CsvReader.COLUMNS) {
            assertThat(CsvExport.cell(again, column))
                .as(s.id() + " " + column)
                .isEqualTo(CsvExport.cell(s, column));
          }
        }
      }
    }
  }

  /** Keywords are one cell, joined by ";": a ";" (or a backslash) in a keyword comes back whole. */
  @Test
  void aKeywordHoldingASemicolonComesBackWholeFromACsvExport() throws IOException {
    List<String> keywords = List.of("safety; security", "C:\\path\\", "a\\;b", "plain");
    try (App a = Fixtures.empty(dir.resolve("a"))) {
      a.catalog()
          .save(
              Standard.builder("ISO/IEC 42001:2023")
                  .title(Map.of("en", "AI management systems"))
                  .sdo("ISO/IEC")
                  .type(PublicationType.INTERNATIONAL_STANDARD)
                  .status(Status.IN_FORCE)
                  .keywords(keywords)
                  .build(),
              "test",
              "test",
              null);
      assertThat(a.catalog().get("iso-iec-42001-2023").keywords()).isEqualTo(keywords);
      byte[] csv = export(a, all(a), ExportFormat.CSV);

      try (App b = Fixtures.empty(dir.resolve("b"))) {
        ImportSummary summary = new ImportSummary();
        b.importer()
            .importStream(
                Importer.Format.CSV,
                new ByteArrayInputStream(csv),
                "export.csv",
                "round-trip",
                summary,
                Progress.SILENT);
        assertThat(summary.rejections()).isEmpty();
        assertThat(b.catalog().get("iso-iec-42001-2023").keywords()).isEqualTo(keywords);
      }
    }
  }

  @Test
  void theSearchParametersOfTheApiChooseTheRecords() throws IOException {
    try (App app = Fixtures.starter(dir)) {
      String sdo = app.index().values(Facet.SDO).get(0);
      SearchRequest bySdo = app.searchParams().forExport(Map.of("sdo", List.of(sdo)));
      byte[] json = export(app, bySdo, ExportFormat.JSON);
      var records = Json.mapper().readTree(json).get("records");
      assertThat(records.size()).isPositive().isLessThan((int) app.catalog().count());
      records.forEach(r -> assertThat(r.get("sdo").asText()).isEqualTo(sdo));

      SearchRequest words = app.searchParams().forExport(Map.of("q", List.of("privacy")));
      long hits = app.index().search(words).total();
      assertThat(hits).isPositive();
      assertThat(
              Json.mapper().readTree(export(app, words, ExportFormat.JSON)).get("records").size())
          .isEqualTo((int) hits);

      assertThatThrownBy(() -> app.searchParams().forExport(Map.of("colour", List.of("red"))))
          .isInstanceOf(CatalogException.BadParameter.class)
          .hasMessageContaining("colour");
      assertThatThrownBy(() -> app.searchParams().forExport(Map.of("status", List.of("lost"))))
          .isInstanceOf(CatalogException.BadParameter.class)
          .hasMessageContaining("status");
    }
  }

  @Test
  void aJsonLdExportIsADcatCatalogueThatJenaParses() throws IOException {
    try (App app = Fixtures.starter(dir)) {
      byte[] jsonld = export(app, all(app), ExportFormat.JSONLD);
      Model model = ModelFactory.createDefaultModel();
      RDFParser.create()
          .source(new ByteArrayInputStream(jsonld))
          .lang(Lang.JSONLD)
          .base("https://aisx.example.org/")
          .parse(model);

      Resource catalog = model.createResource("https://aisx.example.org/");
      assertThat(model.contains(catalog, RDF.type, DCAT.Catalog)).isTrue();
      List<Resource> datasets = model.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList();
      assertThat(datasets).hasSize((int) app.catalog().count());
      assertThat(model.listObjectsOfProperty(catalog, DCAT.dataset).toList())
          .hasSize(datasets.size());

      Standard s = firstWithUrl(app);
      Resource d = model.createResource("https://aisx.example.org/standards/" + s.id());
      assertThat(model.contains(d, RDF.type, DCAT.Dataset)).isTrue();
      assertThat(model.getProperty(d, DCTerms.identifier).getString()).isEqualTo(s.identifier());
      assertThat(model.listObjectsOfProperty(d, DCTerms.title).toList())
          .extracting(RDFNode::asLiteral)
          .anySatisfy(
              l -> {
                assertThat(l.getLanguage()).isEqualTo("en");
                assertThat(l.getString()).isEqualTo(s.title().get("en"));
              });
      assertThat(model.getProperty(d, DCAT.landingPage).getResource().getURI()).isEqualTo(s.url());
      Resource publisher = model.getProperty(d, DCTerms.publisher).getResource();
      assertThat(
              publisher.getProperty(model.createProperty(JsonLdExport.FOAF + "name")).getString())
          .isEqualTo(s.sdo());
      if (s.published() != null && s.published().length() == 4) {
        assertThat(model.getProperty(d, DCTerms.issued).getLiteral().getDatatypeURI())
            .isEqualTo(JsonLdExport.XSD + "gYear");
      }
      assertThat(model.listObjectsOfProperty(d, DCTerms.language).toList())
          .extracting(n -> n.asResource().getURI())
          .contains(JsonLdExport.LANGUAGE + "en");
    }
  }

  private static Standard firstWithUrl(App app) {
    Standard[] found = new Standard[1];
    app.catalog()
        .forEach(
            s -> {
              if (found[0] == null && s.url() != null && s.title().containsKey("en")) {
                found[0] = s;
              }
            });
    return found[0];
  }
}
