package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.account.User;
import org.aisx.catalog.Json;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Slug;
import org.aisx.catalog.Standard;
import org.aisx.submission.Decision;
import org.aisx.submission.Submission;
import org.aisx.submission.Submissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line breaks, paragraphs and list items of real feed text, each feed format the whole way into the
 * catalogue: cleaned once where they enter ({@link PlainText}), never undone by a second cleaner.
 * Fixtures: {@code fixtures/text/README.md}.
 */
class TextCleaningTest {
  private static final ObjectMapper JSON = Json.mapper();

  @TempDir Path dir;
  App app;

  @BeforeEach
  void setUp() {
    app = Fixtures.empty(dir.resolve("data"));
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private ImportSummary importFixture(String name) throws Exception {
    Path file = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/fixtures/text/" + name)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return app.importer().importFiles(Importer.Format.AUTO, List.of(file), null, Progress.SILENT);
  }

  private Standard stored(String identifier) {
    return app.catalog().get(Slug.of(identifier));
  }

  // ---------------------------------------------------------------- Relaton YAML

  private static final String F748_16 =
      "Recommendation ITU-T F.748.16 presents the overview and requirements for applications and"
          + " services in smart manufacturing based on machine vision (MV). It describes the basic"
          + " concept, scenario and ecosystem of machine vision, and identifies several typical"
          + " requirements, such as data acquisition, data preprocessing and data processing. This"
          + " Recommendation also gives a reference model for MV-based applications and services in"
          + " smart manufacturing. The general goals of standardization for the MV service are:\n"
          + "• Defining the requirements of MV-based services and applications;\n"
          + "• Helping end users and providers to specify the MV tasks and solutions;\n"
          + "• Enhancing confidence in the MV ecosystem and opening new applications for MV"
          + " systems.";

  /** ITU-T: plain text, CR LF line breaks, "–\t" and "• " list items. */
  @Test
  void ituPlainTextKeepsItsLinesAndItsListItems() throws Exception {
    ImportSummary s = importFixture("relaton-itu-t.yaml");
    assertThat(s.rejections()).isEmpty();

    assertThat(stored("ITU-T F.748.16 (05/2022)").abstractIn("en")).isEqualTo(F748_16);
    assertThat(stored("ITU-T D.170 (05/2010)").abstractIn("en"))
        .contains(
            "it covers the following issues:\n"
                + "• General remarks on the preparation of accounts;\n"
                + "• Supply of directories;\n")
        .endsWith("• Keeping of vouchers;\n• Settlements of accounts.");
    assertThat(stored("ITU-T D.170 (05/2010)").titleIn("en"))
        .isEqualTo("Monthly telephone and telex accounts");
  }

  /** IEC: declared HTML, paragraphs, a list in a list, {@code <br />} then "- " list items. */
  @Test
  void iecHtmlKeepsItsParagraphsLineBreaksAndListItems() throws Exception {
    ImportSummary s = importFixture("relaton-iec.yaml");
    assertThat(s.rejections()).isEmpty();

    assertThat(stored("ISO/IEC 13249-6:2002").abstractIn("en"))
        .isEqualTo(
            "ISO/IEC 13249-6:2002 specifies an interface for data mining to enable standard access"
                + " to and storage and manipulation of typical data structures in data mining.\n\n"
                + "ISO/IEC 13249-6:2002 specifies\n\n"
                + "• user-defined types for the four major data mining functions\n"
                + "• association rules,\n"
                + "• clustering,\n"
                + "• classification,\n"
                + "• and regression,\n"
                + "• routines to manipulate these user-defined types to allow\n"
                + "• setting parameters for mining activities,\n"
                + "• training of mining models,\n"
                + "• testing of mining models,\n"
                + "• and application of mining models,\n"
                + "• user-defined types for data structures common across these data mining"
                + " functions to capture metadata for data mining input.\n\n"
                + "ISO/IEC 13249-6:2002 provides for interchange of data mining models so that"
                + " models built on one system can be imported and deployed in other"
                + " environments.");
    Standard batteries = stored("IEC 60086-3:2016");
    assertThat(batteries.abstractIn("en"))
        .contains(
            "with respect to the previous edition:\n"
                + "• A harmonization of the cell sizes and service output tests with IEC"
                + " 60086-2;\n"
                + "• Clarifications of Clauses 6: Sampling and Quality Assurance, 7: Test methods,"
                + " and 8: Visual examination and acceptance condition;\n"
                + "• Harmonization of temperature and humidity conditions with IEC 60086-1. This"
                + " publication");
    assertThat(batteries.summary().get("fr"))
        .contains(
            "par rapport à l'édition précédente:\n"
                + "• Harmonisation des tailles des éléments et des essais de capacité avec l'IEC"
                + " 60086-2;\n• Clarification des Articles 6");
    assertThat(batteries.titleIn("en")).isEqualTo("Primary batteries - Part 3: Watch batteries");
  }

  /** ISO's Relaton feed: plain text, line breaks, "—" and no-break spaces before each item. */
  @Test
  void isoPlainTextKeepsItsLinesAndListItems() throws Exception {
    ImportSummary s = importFixture("relaton-iso.yaml");
    assertThat(s.rejections()).isEmpty();

    assertThat(stored("ISO/IEC TR 27563:2023").abstractIn("en"))
        .isEqualTo(
            "This document outlines best practices on assessing security and privacy in"
                + " artificial intelligence use cases, covering in particular those published in"
                + " ISO/IEC TR 24030.\n"
                + "The following aspects are addressed:\n"
                + "• an overall assessment of security and privacy on the AI system of interest;\n"
                + "• security and privacy concerns;\n"
                + "• security and privacy risks;\n"
                + "• security and privacy controls;\n"
                + "• security and privacy assurance; and\n"
                + "• security and privacy plans.\n"
                + "Security and privacy are treated separately as the analysis of security and the"
                + " analysis of privacy can differ.");
    assertThat(stored("ISO/IEC TR 27563:2023").titleIn("en"))
        .isEqualTo("Security and privacy in artificial intelligence use cases - Best practices");
  }

  /** IEEE: text declared plain that holds {@code <br>} line breaks and numbered lines. */
  @Test
  void ieeeBreaksInPlainTextBecomeLines() throws Exception {
    ImportSummary s = importFixture("relaton-ieee.yaml");
    assertThat(s.rejections()).isEmpty();

    assertThat(stored("IEEE Unapproved PC37.17/D-6-2008-10").abstractIn("en"))
        .startsWith(
            "This standard pertains to the requirements for current and voltage protective"
                + " functions of:\n\n"
                + "1) direct-acting overcurrent electromechanical trip devices\n"
                + "2) direct-acting overcurrent electronic trip systems\n"
                + "3) reverse-current trip systems\n"
                + "4) undervoltage trip devices\n\n"
                + "that are integral with low-voltage ac");
  }

  /**
   * Ecma: plain text, "– " list items. The reader's record is checked (the catalogue rejects Ecma
   * records for want of a status, which the feed does not give).
   */
  @Test
  void ecmaPlainTextKeepsItsLinesAndListItems() throws Exception {
    List<Standard> mapped = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/fixtures/text/relaton-ecma.yaml")) {
      new RelatonReader("relaton-ecma")
          .read(
              in,
              o -> {
                if (o instanceof RelatonReader.Outcome.Mapped m) {
                  mapped.add(m.standard());
                }
              });
    }
    assertThat(mapped).hasSize(1);
    assertThat(mapped.get(0).abstractIn("en"))
        .isEqualTo(
            "This Ecma Standard specifies the characteristics of a case for use with a Read-only"
                + " Holographic Versatile Disc (HVD-ROM).\n"
                + "This Ecma Standard specifies\n"
                + "• the environments in which the case is to be operated and stored;\n"
                + "• the dimensional and mechanical characteristics of the case, so as to provide"
                + " mechanical interchangeability between data processing systems.\n"
                + "This Ecma Standard provides for mechanical interchange between holographic disk"
                + " drives.");
  }

  /** What a feed reader mapped is what the catalogue stores: nothing cleans it a second time. */
  @Test
  void theCatalogueStoresWhatTheFeedReaderCleaned() throws Exception {
    for (String feed :
        List.of(
            "relaton-itu-t.yaml", "relaton-iec.yaml", "relaton-iso.yaml", "relaton-ieee.yaml")) {
      List<Standard> mapped = new ArrayList<>();
      try (InputStream in = getClass().getResourceAsStream("/fixtures/text/" + feed)) {
        new RelatonReader(feed)
            .read(
                in,
                o -> {
                  if (o instanceof RelatonReader.Outcome.Mapped m) {
                    mapped.add(m.standard());
                  }
                });
      }
      importFixture(feed);
      for (Standard m : mapped) {
        Standard s = app.catalog().get(m.id());
        assertThat(s.summary()).as(m.id()).isEqualTo(m.summary());
        assertThat(s.title()).as(m.id()).isEqualTo(m.title());
      }
    }
  }

  // ---------------------------------------------------------------- the other formats

  /** The RFC index has no abstracts; a title wrapped over two lines of the index is one line. */
  @Test
  void rfcIndexTitlesWrappedOverLinesAreOneLine() throws Exception {
    ImportSummary s = importFixture("rfc-index-excerpt.txt");
    assertThat(s.createdCount()).isEqualTo(2);

    Standard detnet = app.catalog().get("rfc-9016");
    assertThat(detnet.titleIn("en"))
        .isEqualTo("Flow and Service Information Model for Deterministic Networking (DetNet)");
    assertThat(detnet.summary()).isEmpty();
    assertThat(app.catalog().get("rfc-9315").titleIn("en"))
        .isEqualTo("Intent-Based Networking - Concepts and Definitions");
  }

  /** ISO Open Data: Word HTML whose list items are paragraphs starting with "—". */
  @Test
  void isoOpenDataScopeKeepsParagraphsAndListItems() throws Exception {
    Path known = dir.resolve("known.json");
    Files.writeString(
        known,
        """
        [{"identifier": "ISO/TR 7035-2:2024",
          "title": {"en": "Ductile iron pipeline systems - Part 2: Design, installation and operation"},
          "sdo": "ISO", "type": "technical-report", "status": "in-force"}]
        """);
    app.importer().importFiles(Importer.Format.AUTO, List.of(known), "catalogue", Progress.SILENT);
    Path feed = dir.resolve("88821-88915.jsonl");
    try (InputStream in =
        getClass().getResourceAsStream("/fixtures/iso-open-data/88821-88915.jsonl")) {
      Files.copy(in, feed);
    }
    ImportSummary s =
        app.importer().importFiles(Importer.Format.AUTO, List.of(feed), null, Progress.SILENT);
    assertThat(s.updatedCount()).isEqualTo(1);

    assertThat(app.catalog().get("iso-tr-7035-2-2024").abstractIn("en"))
        .contains(
            "for water supply:\n\n"
                + "• introduce practices for design, installation and operation of new ductile iron"
                + " pipe water supply systems, rehabilitation or renovation;\n\n"
                + "• refers to existing standards that specify products’ design, installation and"
                + " site testing, materials and coatings.\n\n"
                + "This document gives efficient support");
  }

  /** CSV: real abstracts in quoted cells, CR LF line breaks and tab or no-break spaces. */
  @Test
  void csvCellsKeepTheirLinesAndListItems() throws Exception {
    ImportSummary s = importFixture("lines.csv");
    assertThat(s.rejections()).isEmpty();
    assertThat(s.createdCount()).isEqualTo(2);

    assertThat(stored("ITU-T F.748.16 (05/2022)").abstractIn("en")).isEqualTo(F748_16);
    assertThat(stored("ISO/IEC TR 27563:2023").abstractIn("en"))
        .contains(
            "The following aspects are addressed:\n"
                + "• an overall assessment of security and privacy on the AI system of interest;\n"
                + "• security and privacy concerns;\n");
  }

  /**
   * JSON: texts as another system exports them unprocessed (CR LF, tabs, HTML) are cleaned once on
   * import; exported and imported again, nothing changes.
   */
  @Test
  void jsonImportCleansOnceAndARoundTripChangesNothing() throws Exception {
    ImportSummary first = importFixture("lines.json");
    assertThat(first.rejections()).isEmpty();
    assertThat(first.createdCount()).isEqualTo(2);

    assertThat(stored("ITU-T F.748.16 (05/2022)").abstractIn("en")).isEqualTo(F748_16);
    assertThat(stored("IEC 60086-3:2016").abstractIn("en"))
        .contains(
            "with respect to the previous edition:\n"
                + "• A harmonization of the cell sizes and service output tests with IEC"
                + " 60086-2;\n• Clarifications of Clauses 6:");

    ByteArrayOutputStream exported = new ByteArrayOutputStream();
    try (JsonFormat.Writer w = app.jsonFormat().writer(exported, null)) {
      w.write(stored("ITU-T F.748.16 (05/2022)"));
      w.write(stored("IEC 60086-3:2016"));
    }
    ImportSummary again = new ImportSummary();
    app.importer()
        .importStream(
            Importer.Format.JSON,
            new ByteArrayInputStream(exported.toByteArray()),
            "export.json",
            "lines",
            again,
            Progress.SILENT);
    assertThat(again.unchangedCount()).isEqualTo(2);
    assertThat(again.createdCount() + again.updatedCount()).isZero();
  }

  /** A submission (API body or form): cleaned once when read, approved as it was read. */
  @Test
  void aSubmissionKeepsItsLinesAndListItemsUntilApproved() throws Exception {
    JsonNode record;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/text/lines.json")) {
      record = JSON.readTree(in).get("records").get(0);
    }
    JsonNode body = JSON.createObjectNode().put("action", "create").set("record", record);
    User author = Fixtures.user(app, "author@example.org", Role.CONTRIBUTOR, "ITU-T");
    User coordinator = Fixtures.user(app, "coord@example.org", Role.COORDINATOR);

    Submissions submissions = app.submissions();
    Submission s = submissions.submit(submissions.draft(body), author);
    assertThat(submissions.get(s.id()).record().abstractIn("en")).isEqualTo(F748_16);

    submissions.decide(s.id(), Decision.APPROVE, null, coordinator);
    assertThat(stored("ITU-T F.748.16 (05/2022)").abstractIn("en")).isEqualTo(F748_16);
  }

  // ---------------------------------------------------------------- markup that is not text

  private static final String SCRIPT = "<script>alert(1)</script>";

  /** A record as JSON with a script in its title, abstract and keywords. */
  private static com.fasterxml.jackson.databind.node.ObjectNode scripted(
      String identifier, String sdo) {
    com.fasterxml.jackson.databind.node.ObjectNode r = JSON.createObjectNode();
    r.put("identifier", identifier);
    r.putObject("title").put("en", "Safe " + SCRIPT + "title");
    r.putObject("abstract").put("en", "First line" + SCRIPT + "\r\n- item");
    r.put("sdo", sdo).put("type", "international-standard").put("status", "in-force");
    r.putArray("keywords").add("<b>bold</b>").add(SCRIPT).add("kept " + SCRIPT + "word");
    return r;
  }

  private void assertCleaned(String identifier) {
    Standard s = stored(identifier);
    assertThat(s.titleIn("en")).as(identifier).isEqualTo("Safe title");
    assertThat(s.abstractIn("en")).as(identifier).isEqualTo("First line\n• item");
    assertThat(s.keywords()).as(identifier).containsExactly("bold", "kept word");
  }

  /**
   * A script in a title, an abstract or a keyword is dropped with its content and other tags with
   * it, as {@code <b>} is, by every way a record comes in (CSV, JSON, a submission): the one
   * cleaner, and the abstract keeps its lines and list items.
   */
  @Test
  void scriptsAreDroppedFromTitlesAbstractsAndKeywordsByEveryEntryPath() throws Exception {
    String csv =
        "identifier,title_en,abstract_en,sdo,type,status,keywords\r\n"
            + "ISO 1:2020,Safe "
            + SCRIPT
            + "title,\"First line"
            + SCRIPT
            + "\r\n- item\",ISO,international-standard,in-force,<b>bold</b>; "
            + SCRIPT
            + "; kept "
            + SCRIPT
            + "word\r\n";
    ImportSummary fromCsv = new ImportSummary();
    app.importer()
        .importStream(
            Importer.Format.CSV,
            new ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            "scripts.csv",
            "qa",
            fromCsv,
            Progress.SILENT);
    assertThat(fromCsv.rejections()).isEmpty();
    assertCleaned("ISO 1:2020");

    com.fasterxml.jackson.databind.node.ObjectNode file = JSON.createObjectNode();
    file.put("format", "aisx-json").put("version", 1);
    file.putArray("records").add(scripted("ISO 2:2020", "ISO"));
    ImportSummary fromJson = new ImportSummary();
    app.importer()
        .importStream(
            Importer.Format.JSON,
            new ByteArrayInputStream(JSON.writeValueAsBytes(file)),
            "scripts.json",
            "qa",
            fromJson,
            Progress.SILENT);
    assertThat(fromJson.rejections()).isEmpty();
    assertCleaned("ISO 2:2020");

    JsonNode body =
        JSON.createObjectNode()
            .put("action", "create")
            .set("record", scripted("ITU-T X.1 (01/2020)", "ITU-T"));
    User author = Fixtures.user(app, "author@example.org", Role.CONTRIBUTOR, "ITU-T");
    User coordinator = Fixtures.user(app, "coord@example.org", Role.COORDINATOR);
    Submissions submissions = app.submissions();
    Submission s = submissions.submit(submissions.draft(body), author);
    assertThat(submissions.get(s.id()).record().titleIn("en")).isEqualTo("Safe title");
    submissions.decide(s.id(), Decision.APPROVE, null, coordinator);
    assertCleaned("ITU-T X.1 (01/2020)");
  }

  // ---------------------------------------------------------------- the bundled corpus

  private static final Pattern LINE_BREAK = Pattern.compile("(?<!\n)\n(?!\n)");

  /**
   * The bundled corpus holds texts the feed readers cleaned; loading it (a json import) stores them
   * as they are. The two cleaners in a row used to turn every single line break into a space.
   */
  @Test
  void theBundledCorpusKeepsItsLineBreaks() throws Exception {
    app.loadStarterCorpusIfEmpty(Progress.SILENT);
    JsonNode corpus;
    try (InputStream in = getClass().getResourceAsStream("/corpus/starter.json")) {
      corpus = JSON.readTree(in);
    }
    int withLineBreaks = 0;
    int withBullets = 0;
    int records = 0;
    for (JsonNode r : corpus.get("records")) {
      Standard s = app.catalog().get(r.get("id").asText());
      Map<String, String> file = JSON.convertValue(r.get("abstract"), Map.class);
      assertThat(s.summary()).as(s.id()).isEqualTo(file);
      for (String text : file.values()) {
        assertThat(PlainText.isClean(text, PlainText.Field.ABSTRACT)).as(s.id()).isTrue();
        withLineBreaks += LINE_BREAK.matcher(text).find() ? 1 : 0;
        withBullets += text.contains("\n• ") ? 1 : 0;
      }
      records++;
    }
    assertThat(records).isGreaterThan(500);
    // ITU-T abstracts write their paragraphs as single line breaks (92 when the issue was found).
    assertThat(withLineBreaks).isGreaterThanOrEqualTo(92);
    assertThat(withBullets).isGreaterThan(0);
  }
}
