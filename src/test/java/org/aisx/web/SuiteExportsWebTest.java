package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite's exports over real HTTP (CSV, BibTeX, RIS, JSON): what they carry and that typed text
 * leaves them whole. Apart from {@link SuiteWebTest} so that each class's anonymous suites stay
 * within one address's allowance ({@code SuiteApi.ANONYMOUS_PER_ADDRESS}).
 */
class SuiteExportsWebTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = Fixtures.classifiedStarter(dir);
    app.loadCuratedSuites();
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  HttpResponse<String> send(String method, String path, String body, String... headers) {
    return http.send(method, path, body, headers);
  }

  @Test
  void theExportsListEveryMemberWithItsStatus() throws Exception {
    JsonNode s =
        body(
            http.post(
                "/api/v1/suites",
                "{\"title\": \"Export, \\\"quoted\\\"\", \"members\": [{\"id\":"
                    + " \"iso-iec-42001-2023\", \"note\": \"a, b\"}, {\"id\":"
                    + " \"iso-iec-23894-2023\"}]}"));
    String id = s.get("id").asText();
    HttpResponse<String> csv = http.get("/api/v1/suites/" + id + "?format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment", ".csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("position,group,identifier,title,body,status");
    assertThat(lines[1]).contains("ISO/IEC 42001:2023", "in-force", "\"a, b\"");
    String bib = http.get("/api/v1/suites/" + id + "?format=bibtex").body();
    assertThat(bib).contains("@techreport{iso_iec_42001_2023", "number = {ISO/IEC 42001:2023}");
    String ris = http.get("/api/v1/suites/" + id + "?format=ris").body();
    assertThat(ris.split("ER  - ")).hasSize(3);
    assertThat(ris).contains("TY  - STAND", "PB  - ISO/IEC");
    assertThat(http.get("/api/v1/suites/" + id + "?format=pdf").statusCode()).isEqualTo(400);
  }

  /** A CSV export read as RFC 4180 says it, the header first. */
  static List<CSVRecord> csvRows(String body) throws Exception {
    try (CSVParser p = CSVParser.parse(body, CSVFormat.RFC4180)) {
      return p.getRecords();
    }
  }

  /**
   * A suite's CSV, BibTeX and RIS exports carry what its JSON and print view say of the suite
   * itself (QA: they lacked its sectors): CSV in columns after the old ones (the sector's label in
   * the caller's language, and its concept id), BibTeX and RIS as keywords (with the member's
   * concern group) and notes: the suite's title and address, purpose, sectors and attribution.
   */
  @Test
  void everyExportOfASuiteSaysItsSectorsPurposeAndSourceInTheCallersLanguage() throws Exception {
    String text = "a chatbot for bank customers";
    Browser b = new Browser(server.port());
    HttpResponse<String> created =
        b.postForm("/suites", Map.of("_csrf", b.csrf("/suites/new"), "text", text));
    assertThat(created.statusCode()).isEqualTo(303);
    String id = SuiteWebTest.idOf(created);
    JsonNode suite = body(http.get("/api/v1/suites/" + id));
    assertThat(suite.get("verticals").toString()).isEqualTo("[\"finance\"]");
    String title = suite.get("title").asText();
    String page = http.base() + "/suites/" + id;
    String export = "/api/v1/suites/" + id + "?format=";

    List<CSVRecord> csv = csvRows(http.get(export + "csv").body());
    assertThat(csv.get(0).toList())
        .startsWith(
            "position",
            "group",
            "identifier",
            "title",
            "body",
            "status",
            "published",
            "url",
            "page",
            "note",
            "alert",
            "successor")
        .endsWith("suite", "suite_page", "purpose", "sectors", "sector_ids", "attribution");
    assertThat(csv).hasSize(suite.get("members").size() + 1);
    CSVRecord first = csv.get(1);
    List<String> header = csv.get(0).toList();
    assertThat(first.get(header.indexOf("identifier")))
        .isEqualTo(suite.at("/members/0/identifier").asText());
    assertThat(first.get(header.indexOf("suite"))).isEqualTo(title);
    assertThat(first.get(header.indexOf("suite_page"))).isEqualTo(page);
    assertThat(first.get(header.indexOf("purpose"))).isEqualTo(text);
    assertThat(first.get(header.indexOf("sectors"))).isEqualTo("Finance");
    assertThat(first.get(header.indexOf("sector_ids"))).isEqualTo("finance");
    assertThat(first.get(header.indexOf("attribution"))).isEmpty();
    // The label in the language asked for; the concept id stays.
    CSVRecord spanish = csvRows(http.get(export + "csv&lang=es").body()).get(1);
    assertThat(spanish.get(header.indexOf("sectors"))).isEqualTo("Finanzas");
    assertThat(spanish.get(header.indexOf("sector_ids"))).isEqualTo("finance");

    // The member's concern group and the suite's sectors are its keywords.
    String group =
        app.taxonomy()
            .label(
                org.aisx.taxonomy.Dimension.CONCERN, suite.at("/members/0/group").asText(), "en");
    String bib = http.get(export + "bibtex").body();
    assertThat(bib)
        .contains(
            "keywords = {" + group + ", Finance},",
            "annote = {Suite: "
                + title
                + " ("
                + page.replace("_", "\\_")
                + "); Purpose: "
                + text
                + "; Sectors it is for: Finance},");
    String ris = http.get(export + "ris").body();
    assertThat(ris)
        .contains(
            "KW  - Finance\r\n",
            "N1  - Suite: " + title + " (" + page + ")\r\n",
            "N1  - Purpose: " + text + "\r\n",
            "N1  - Sectors it is for: Finance\r\n");
    assertThat(ris.split("ER  - ")).hasSize(suite.get("members").size() + 1);
    assertThat(ris).contains("KW  - " + group + "\r\n");
    assertThat(http.get(export + "ris&lang=fr").body())
        .contains("N1  - Secteurs visés\u00a0: Finance\r\n", "N1  - Ensemble\u00a0: " + title);

    // The curated suite's attribution (CC BY) travels with every export.
    String curated = "/api/v1/suites/eu-ai-act-high-risk?format=";
    List<CSVRecord> eu = csvRows(http.get(curated + "csv").body());
    assertThat(eu.get(1).get(header.indexOf("attribution"))).contains("CC BY 4.0");
    assertThat(http.get(curated + "ris").body())
        .containsPattern("N1  - Source: [^\r\n]*CC BY 4\\.0");
    assertThat(http.get(curated + "bibtex").body())
        .containsPattern("annote = \\{[^\n]*CC BY 4\\.0");
  }

  /**
   * Text people type (a suite's title and purpose, a member's note) with a quote, a line break, a
   * brace, a percent sign, a backslash or a spreadsheet formula leaves each export's syntax whole:
   * the CSV reads back as RFC 4180 with one row per member and no cell a spreadsheet would run; the
   * BibTeX has one entry per member whose every value ends where it should (BibTeX counts every
   * brace, escaped or not); the RIS is tag lines only, one record per member, as the catalogue's
   * own RIS reader reads it.
   */
  @Test
  void untrustedTextInASuiteLeavesItsCsvBibtexAndRisWhole() throws Exception {
    String title = "=HYPERLINK(\"http://x\") } 100% {\"quoted\"} \\ @misc{evil,";
    String breaking = "first line\nER  - \nTY  - JOUR\n} % \\ \"q\" },\n  title = {x";
    ObjectMapper m = json;
    com.fasterxml.jackson.databind.node.ObjectNode in = m.createObjectNode();
    in.put("title", title);
    in.put("purpose", "For \"x\"}\n%% @comment{");
    in.putArray("verticals").add("finance");
    var members = in.putArray("members");
    members.addObject().put("id", "iso-iec-42001-2023").put("note", breaking);
    members.addObject().put("id", "iso-iec-23894-2023").put("note", "=cmd|' /C calc'!A0");
    members.addObject().put("id", "iso-iec-22989-2022").put("note", "@SUM(1+1)");
    HttpResponse<String> created = http.post("/api/v1/suites", in.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode s = body(created);
    String id = s.get("id").asText();
    String export = "/api/v1/suites/" + id + "?format=";
    String storedTitle = s.get("title").asText();
    String storedNote = s.at("/members/0/note").asText();
    assertThat(storedTitle).contains("}", "%", "\"");
    assertThat(storedNote).contains("\n", "}", "%");

    // CSV: one row per member, every row as wide as the header, the text as it was, no formula.
    List<CSVRecord> csv = csvRows(http.get(export + "csv").body());
    assertThat(csv).hasSize(4);
    List<String> header = csv.get(0).toList();
    for (CSVRecord row : csv) {
      assertThat(row.size()).isEqualTo(header.size());
      for (String cell : row) {
        assertThat(cell).as(cell).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("+");
      }
    }
    int note = header.indexOf("note");
    assertThat(csv.get(1).get(note)).isEqualTo(storedNote);
    assertThat(csv.get(2).get(note)).isEqualTo("'=cmd|' /C calc'!A0");
    assertThat(csv.get(3).get(note)).isEqualTo("'@SUM(1+1)");
    assertThat(csv.get(1).get(header.indexOf("suite"))).isEqualTo("'" + storedTitle);

    // BibTeX: three entries of known fields, each value closed by its own brace.
    String bib = http.get(export + "bibtex").body();
    List<Map<String, String>> entries = BibTexEntries.read(bib);
    assertThat(entries).hasSize(3);
    for (Map<String, String> e : entries) {
      assertThat(e.keySet())
          .isSubsetOf(
              "@type",
              "@key",
              "title",
              "number",
              "institution",
              "year",
              "url",
              "type",
              "note",
              "keywords",
              "annote");
      e.values().forEach(v -> assertThat(v).as(v).doesNotContainPattern("(?<!\\\\)%"));
    }
    assertThat(entries.get(0).get("note")).contains("\\textbraceright{}", "\\%");
    assertThat(entries.get(0).get("annote")).contains("\\textbraceleft{}", "\\textbackslash{}");

    // RIS: tag lines only, three records, each read as one entry by the catalogue's RIS reader.
    String ris = http.get(export + "ris").body();
    for (String line : ris.split("\r\n")) {
      assertThat(line).matches("[A-Z][A-Z0-9]  - .*");
    }
    assertThat(ris.split("\r\nTY  - ", -1)).hasSize(3);
    // The note's line breaks are spaces: its "ER" and "TY" lines are text of one N1 line.
    assertThat(ris).containsPattern("\r\nN1  - first line ER +- TY +- JOUR } % ");
    List<org.aisx.ingest.FeedRecord> read = new ArrayList<>();
    new org.aisx.ingest.RisReader("export")
        .read(
            new java.io.ByteArrayInputStream(ris.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            read::add);
    assertThat(read).hasSize(3);
    assertThat(read).allSatisfy(r -> assertThat(r.where()).startsWith("record at line"));
  }

  @Test
  void aSuiteExportedAsJsonAndPostedBackKeepsItsAttribution() throws Exception {
    HttpResponse<String> exported = http.get("/api/v1/suites/eu-ai-act-high-risk?format=json");
    assertThat(exported.statusCode()).isEqualTo(200);
    String attribution = body(exported).get("attribution").asText();
    assertThat(attribution).contains("CC BY 4.0");
    HttpResponse<String> copy = http.post("/api/v1/suites", exported.body());
    assertThat(copy.statusCode()).as(copy.body()).isEqualTo(201);
    JsonNode copied = body(copy);
    assertThat(ApiTest.validate(http, "Suite", copied)).isEmpty();
    assertThat(copied.get("attribution").asText()).isEqualTo(attribution);
    assertThat(copied.get("members")).hasSameSizeAs(body(exported).get("members"));
    // A change that leaves the attribution out keeps it.
    String id = copied.get("id").asText();
    HttpResponse<String> renamed =
        send(
            "PUT",
            "/api/v1/suites/" + id,
            "{\"title\": \"My copy\", \"members\": []}",
            "Authorization",
            "Suite-Key " + copied.get("editKey").asText(),
            "If-Match",
            "\"1\"");
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(body(renamed).get("attribution").asText()).isEqualTo(attribution);

    // A suite for a sector, exported and sent back as it is, is for the same sector.
    HttpResponse<String> health = http.get("/api/v1/suites/ai-in-health?format=json");
    assertThat(body(health).get("verticals").toString()).isEqualTo("[\"health\"]");
    HttpResponse<String> healthCopy = http.post("/api/v1/suites", health.body());
    assertThat(healthCopy.statusCode()).as(healthCopy.body()).isEqualTo(201);
    JsonNode copiedHealth = body(healthCopy);
    assertThat(copiedHealth.get("verticals").toString()).isEqualTo("[\"health\"]");
    assertThat(copiedHealth.get("purpose")).isEqualTo(body(health).get("purpose"));
    assertThat(copiedHealth.get("concerns")).isEqualTo(body(health).get("concerns"));
    assertThat(copiedHealth.at("/coverage/verticals/0/concept").asText()).isEqualTo("health");
    // And its exports say so as the original's do.
    String copyCsv =
        http.get("/api/v1/suites/" + copiedHealth.get("id").asText() + "?format=csv").body();
    assertThat(
            csvRows(copyCsv)
                .get(1)
                .get(org.aisx.suite.SuiteExports.CSV_COLUMNS.indexOf("sector_ids")))
        .isEqualTo("health");
  }
}
