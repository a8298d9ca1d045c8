package org.aisx.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Json;
import org.aisx.catalog.Kind;
import org.aisx.catalog.Progress;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.catalog.Suggestion;
import org.aisx.catalog.UseCase;
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
    // An export carries the catalogue's records: a W3C dated edition that a search lists as its
    // latest version's card (editions/Twins) is exported as a record of its own too.
    AtomicLong folded = new AtomicLong();
    app.catalog()
        .forEach(
            s -> {
              if (org.aisx.editions.Twins.foldedInto(s).isPresent()) {
                folded.incrementAndGet();
              }
            });
    long total = app.hybridSearch().search(request).total();
    assertThat(n).isBetween(total, total + folded.get());
    return out.toByteArray();
  }

  private static SearchRequest all(App app) {
    return app.searchParams().forExport(Map.of());
  }

  /** Exports {@code app}'s whole catalogue as JSON and reads its records back, by id. */
  private static Map<String, JsonNode> records(App app) throws IOException {
    Map<String, JsonNode> out = new TreeMap<>();
    Json.mapper()
        .readTree(export(app, all(app), ExportFormat.JSON))
        .get("records")
        .forEach(r -> out.put(r.get("id").asText(), r));
    return out;
  }

  /** A record as the JSON round trip keeps it: without the importing feed and store's counts. */
  private static JsonNode kept(JsonNode record) {
    ObjectNode copy = record.deepCopy();
    copy.remove(List.of("source", "revision"));
    return copy;
  }

  private static void importInto(App app, Importer.Format format, byte[] file) throws IOException {
    ImportSummary summary = new ImportSummary();
    app.importer()
        .importStream(
            format,
            new ByteArrayInputStream(file),
            "export",
            "round-trip",
            summary,
            Progress.SILENT);
    assertThat(summary.rejections()).isEmpty();
  }

  /**
   * A sample of the bundled corpus (every JIS record, with Japanese titles and abstracts, and the
   * first records of every other body: secondary identifiers, French texts, inferred statuses,
   * relations, keywords), and a record holding what the corpus does not (texts in the six UN
   * languages, suggestions, use cases, open source), exported as CSV and imported into an empty
   * catalogue: its JSON export is the original's but for the record's source (the importing feed)
   * and revision (counted by the store), which a JSON round trip does not keep either.
   */
  @Test
  void aCsvExportImportedIntoAnEmptyCatalogueExportsTheSameJson() throws IOException {
    ObjectMapper json = Json.mapper();
    ArrayNode sample = json.createArrayNode();
    Map<String, Integer> perBody = new HashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/corpus/starter.json")) {
      for (JsonNode r : json.readTree(in).get("records")) {
        String sdo = r.get("sdo").asText();
        if (sdo.equals("JIS") || perBody.merge(sdo, 1, Integer::sum) <= 12) {
          sample.add(r);
        }
      }
    }
    try (App a = Fixtures.empty(dir.resolve("a"))) {
      importInto(a, Importer.Format.JSON, json.writeValueAsBytes(sample));
      a.catalog()
          .save(
              Standard.builder("ISO/IEC 42001:2023")
                  .title(
                      Map.of(
                          "en", "AI, \"management\" systems",
                          "fr", "Systèmes de management",
                          "es", "Sistemas de gestión",
                          "ru", "Системы менеджмента",
                          "zh", "管理体系",
                          "ar", "أنظمة الإدارة"))
                  .summary(
                      Map.of("en", "First paragraph, with a comma.\n\nSecond; paragraph:\n\n• one"))
                  .identifiers(List.of(new Identifier("URN", "urn:iso:std:iso-iec:42001:ed-1:v1")))
                  .sdo("ISO/IEC")
                  .committee("ISO/IEC JTC 1/SC 42")
                  .type(PublicationType.INTERNATIONAL_STANDARD)
                  .status(Status.IN_FORCE)
                  .stage("60.60")
                  .published("2023-12")
                  .edition("1")
                  .url("https://www.iso.org/standard/81230.html")
                  .keywords(List.of("management system", "safety; security"))
                  .concerns(List.of("management-systems"))
                  .suggestions(
                      Map.of(
                          "concern",
                          List.of(
                              new Suggestion(
                                  "risk-management", 0.83, "Risk, managed.", List.of("risk")))))
                  .useCases(
                      List.of(new UseCase("Certification; audits", "https://example.org/use")))
                  .relations(List.of(Relation.of(RelationType.COMPLEMENTS, "ISO/IEC 22989:2022")))
                  .openSource(false)
                  .codeRepository("https://github.com/example/aims")
                  .kind(Kind.STANDARD)
                  .build(),
              "test",
              "test",
              null);
      Map<String, JsonNode> original = records(a);
      // What the corpus gives and a CSV once lost.
      assertThat(original.values())
          .anyMatch(r -> !r.get("identifiers").isEmpty())
          .anyMatch(r -> r.get("title").has("ja") && r.get("abstract").has("ja"))
          .anyMatch(r -> r.path("statusInferred").asBoolean())
          .anyMatch(r -> !r.get("suggestions").isEmpty() && !r.get("useCases").isEmpty());
      byte[] csv = export(a, all(a), ExportFormat.CSV);

      try (App b = Fixtures.empty(dir.resolve("b"))) {
        importInto(b, Importer.Format.CSV, csv);
        Map<String, JsonNode> again = records(b);
        assertThat(again.keySet()).isEqualTo(original.keySet());
        for (String id : original.keySet()) {
          assertThat(kept(again.get(id))).as(id).isEqualTo(kept(original.get(id)));
        }
      }
    }
  }

  /**
   * The ISO Open Data deliverables (no title in the feed) are records without a title; exported as
   * JSON and as CSV, each imports into an empty catalogue as the same records, still without a
   * title (the CSV has no title column at all), and the JSON-LD names no empty title.
   */
  @Test
  void recordsWithoutATitleComeBackFromAJsonAndACsvExport() throws IOException {
    try (App a = Fixtures.empty(dir.resolve("a"))) {
      for (String file : List.of("62085.json", "88821-88915.jsonl")) {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/iso-open-data/" + file)) {
          importInto(a, Importer.Format.ISO_OPEN_DATA, in.readAllBytes());
        }
      }
      Map<String, JsonNode> original = records(a);
      assertThat(original).hasSize(3);
      assertThat(original.values()).allSatisfy(r -> assertThat(r.get("title")).isEmpty());

      for (ExportFormat format : List.of(ExportFormat.JSON, ExportFormat.CSV)) {
        byte[] file = export(a, all(a), format);
        try (App b = Fixtures.empty(dir.resolve("b-" + format))) {
          importInto(
              b, format == ExportFormat.JSON ? Importer.Format.JSON : Importer.Format.CSV, file);
          Map<String, JsonNode> again = records(b);
          assertThat(again.keySet()).as(format.toString()).isEqualTo(original.keySet());
          for (String id : original.keySet()) {
            assertThat(kept(again.get(id))).as(format + " " + id).isEqualTo(kept(original.get(id)));
          }
        }
      }

      JsonNode datasets =
          Json.mapper().readTree(export(a, all(a), ExportFormat.JSONLD)).get("dcat:dataset");
      assertThat(datasets).hasSize(3);
      for (JsonNode dataset : datasets) {
        // No empty title: the dataset is named by its identifier.
        assertThat(dataset.has("dct:title")).as(dataset.toString()).isFalse();
        assertThat(dataset.get("dct:identifier").asText()).isNotBlank();
      }
    }
  }

  /** The header names a column for every field, and a text per language for each language. */
  @Test
  void aCsvExportHasAColumnForEveryFieldAndEachLanguageOfTheRecords() throws IOException {
    try (App a = Fixtures.empty(dir.resolve("a"))) {
      Fixtures.load(a, "/fixtures/catalogue/rfc-http.json");
      a.catalog()
          .save(
              Standard.builder("JIS X 0028:1999")
                  .title(Map.of("en", "Vocabulary", "ja", "情報処理用語"))
                  .sdo("JIS")
                  .type(PublicationType.NATIONAL_STANDARD)
                  .status(Status.IN_FORCE)
                  .build(),
              "test",
              "test",
              null);
      String csv = new String(export(a, all(a), ExportFormat.CSV), StandardCharsets.UTF_8);
      List<String> header = List.of(csv.substring(0, csv.indexOf("\r\n")).split(","));
      assertThat(header)
          .startsWith("id", "identifier", "identifiers", "title_en", "title_ja", "abstract_en")
          .contains("status_inferred", "suggestions", "use_cases", "open_source", "field_sources")
          .endsWith("source", "revision")
          .hasSize(Standard.FIELDS.size() + 2);
    }
  }

  /** Saves ISO/IEC 42001:2023 in force into {@code app} with these texts and keywords. */
  private static void saveAiManagement(
      App app, Map<String, String> title, Map<String, String> summary, List<String> keywords) {
    app.catalog()
        .save(
            Standard.builder("ISO/IEC 42001:2023")
                .title(title)
                .summary(summary)
                .sdo("ISO/IEC")
                .type(PublicationType.INTERNATIONAL_STANDARD)
                .status(Status.IN_FORCE)
                .keywords(keywords)
                .build(),
            "test",
            "test",
            null);
  }

  /** Keywords are one cell, joined by ";": a ";" (or a backslash) in a keyword comes back whole. */
  @Test
  void aKeywordHoldingASemicolonComesBackWholeFromACsvExport() throws IOException {
    List<String> keywords = List.of("safety; security", "C:\\path\\", "a\\;b", "plain");
    try (App a = Fixtures.empty(dir.resolve("a"))) {
      saveAiManagement(a, Map.of("en", "AI management systems"), Map.of(), keywords);
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

  /**
   * A title, abstract and keyword a spreadsheet would run as formulas are written as text (an
   * apostrophe in front) and come back from the import exactly as they were.
   */
  @Test
  void aValueASpreadsheetWouldRunIsDefusedInTheCsvAndImportsBackUnchanged() throws IOException {
    String title = "=HYPERLINK(\"http://evil.example\",\"AI\")";
    String abstractText = "-40 °C: AI sensors in the cold";
    List<String> keywords = List.of("@risk", "+safety", "'=quoted");
    try (App a = Fixtures.empty(dir.resolve("a"))) {
      saveAiManagement(a, Map.of("en", title), Map.of("en", abstractText), keywords);
      Standard before = a.catalog().get("iso-iec-42001-2023");
      byte[] csv = export(a, all(a), ExportFormat.CSV);
      String text = new String(csv, StandardCharsets.UTF_8);
      assertThat(text)
          .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",")
          .contains(",'-40 °C: AI sensors");
      assertThat(text).doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");

      try (App b = Fixtures.empty(dir.resolve("b"))) {
        importInto(b, Importer.Format.CSV, csv);
        Standard after = b.catalog().get("iso-iec-42001-2023");
        assertThat(after.title()).isEqualTo(before.title());
        assertThat(after.summary()).isEqualTo(before.summary());
        assertThat(after.keywords()).isEqualTo(keywords);
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
      // The body's records, its joint publications included.
      records.forEach(r -> assertThat(Standard.bodiesOf(r.get("sdo").asText())).contains(sdo));

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

  /**
   * An export writes the records the API's search of the same parameters counts in its total, in
   * its mode: by meaning, words no record holds still find work on the subject; the API's default
   * mode (hybrid) is the export's.
   */
  @Test
  void anExportWritesTheRecordsTheSearchOfItsModeFinds() throws IOException {
    try (App app = Fixtures.starter(dir)) {
      Map<SearchRequest.Mode, Integer> written = new java.util.EnumMap<>(SearchRequest.Mode.class);
      for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
        SearchRequest request =
            app.searchParams()
                .forExport(
                    Map.of(
                        "q", List.of("bias in hiring algorithms"), "mode", List.of(mode.wire())));
        Set<String> ids = new HashSet<>();
        Json.mapper()
            .readTree(export(app, request, ExportFormat.JSON))
            .get("records")
            .forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids)
            .as(mode.wire())
            .isEqualTo(app.index().matchingIds(request, app.hybridSearch().queryVector(request)));
        written.put(mode, ids.size());
      }
      assertThat(written.get(SearchRequest.Mode.SEMANTIC))
          .isGreaterThan(written.get(SearchRequest.Mode.KEYWORD));
      assertThat(written.get(SearchRequest.Mode.HYBRID))
          .isGreaterThanOrEqualTo(written.get(SearchRequest.Mode.SEMANTIC));

      SearchRequest byDefault =
          app.searchParams().forExport(Map.of("q", List.of("autonomous driving safety")));
      assertThat(byDefault.mode()).isEqualTo(SearchRequest.Mode.HYBRID);
      long keyword =
          app.index()
              .search(
                  app.searchParams()
                      .forExport(
                          Map.of(
                              "q", List.of("autonomous driving safety"),
                              "mode", List.of("keyword"))))
              .total();
      assertThat(
              Json.mapper()
                  .readTree(export(app, byDefault, ExportFormat.JSON))
                  .get("records")
                  .size())
          .isGreaterThan((int) keyword);
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

  /**
   * ISO's feed gives "Titre manque" as the French title of drafts it has not translated (ISO/CD
   * 18374), and its English abstract again as the French one: the DCAT export says neither is
   * French.
   */
  @Test
  void aJsonLdExportGivesNoFeedPlaceholderAsATitleNorEnglishAsFrench() throws IOException {
    try (App app = Fixtures.starter(dir)) {
      Standard draft = app.catalog().get("iso-cd-18374");
      assertThat(draft.title()).containsEntry("fr", "Titre manque"); // as the feed gave it
      byte[] jsonld =
          export(
              app,
              app.searchParams().forExport(Map.of("q", List.of("18374"))),
              ExportFormat.JSONLD);
      Model model = ModelFactory.createDefaultModel();
      RDFParser.create()
          .source(new ByteArrayInputStream(jsonld))
          .lang(Lang.JSONLD)
          .base("https://aisx.example.org/")
          .parse(model);
      assertThat(model.listObjectsOfProperty(DCTerms.title).toList())
          .isNotEmpty()
          .extracting(n -> n.asLiteral().getString())
          .noneMatch(Standard::isPlaceholderTitle);
      Resource d = model.createResource("https://aisx.example.org/standards/iso-cd-18374");
      assertThat(model.listObjectsOfProperty(d, DCTerms.title).toList())
          .extracting(n -> n.asLiteral().getLanguage())
          .containsExactly("en");
      assertThat(model.listObjectsOfProperty(d, DCTerms.description).toList())
          .extracting(n -> n.asLiteral().getLanguage())
          .containsExactly("en");
      assertThat(model.listObjectsOfProperty(d, DCTerms.language).toList())
          .extracting(n -> n.asResource().getURI())
          .containsExactly(JsonLdExport.LANGUAGE + "en");
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
