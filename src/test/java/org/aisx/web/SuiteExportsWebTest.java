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
        .containsSubsequence(
            "successor", "suite", "suite_page", "purpose", "sectors", "sector_ids", "attribution");
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
                + "; Sectors it is for: Finance; ");
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

  /** A CSV cell of a row by its column's name in the header. */
  static String cell(List<CSVRecord> csv, int row, String column) {
    int at = csv.get(0).toList().indexOf(column);
    assertThat(at).as("column " + column).isNotNegative();
    return csv.get(row).get(at);
  }

  /** The RIS lines of {@code tag} of the record that starts at the {@code n}th TY (from 0). */
  static List<String> risValues(String ris, int n, String tag) {
    String record = ris.split("\r\nER  - \r\n")[n];
    List<String> out = new ArrayList<>();
    for (String line : record.split("\r\n")) {
      if (line.startsWith(tag + "  - ")) {
        out.add(line.substring(tag.length() + 4));
      }
    }
    return out;
  }

  /**
   * A compliance person filing an export can tell which state of the suite it is and what it covers
   * (QA: the exports had neither): each export says the suite's version and when it was made, the
   * concerns its members cover, the gaps its page shows (the rows of its coverage table that no
   * member covers, concerns and sectors) and how many rows are covered; CSV in columns after the
   * old ones, which stay where they were; BibTeX and RIS in every entry's notes, read back with a
   * strict BibTeX reader and the catalogue's RIS reader. A change makes a new version; a published
   * suite read by the public is its publication, of the day it was published.
   */
  @Test
  void everyExportSaysWhichVersionOfTheSuiteItIsAndItsConcernsGapsAndCoverageAsItsPageShows()
      throws Exception {
    HttpResponse<String> created =
        http.post(
            "/api/v1/suites",
            "{\"title\": \"Filed\", \"verticals\": [\"finance\"], \"concerns\": [\"safety\"],"
                + " \"members\": [{\"id\": \"iso-iec-42001-2023\"},"
                + " {\"id\": \"iso-iec-23894-2023\"}]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = body(created).get("id").asText();
    String key = "Suite-Key " + body(created).get("editKey").asText();
    // A change: the export is of version 2.
    JsonNode v1 = body(http.get("/api/v1/suites/" + id, "Authorization", key));
    ((com.fasterxml.jackson.databind.node.ObjectNode) v1).put("title", "Filed, version 2");
    HttpResponse<String> changed =
        send(
            "PUT",
            "/api/v1/suites/" + id,
            v1.toString(),
            "Authorization",
            key,
            "If-Match",
            "\"1\"");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    JsonNode suite = body(http.get("/api/v1/suites/" + id));
    assertThat(suite.get("version").asInt()).isEqualTo(2);
    java.time.Instant updated = java.time.Instant.parse(suite.get("updated").asText());

    // What the suite's page shows as its coverage: its rows, those that are gaps.
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(http.get("/suites/" + id).body());
    List<String> rows = page.select("table.coverage-table tbody tr th").eachText();
    List<String> gapRows = page.select("table.coverage-table tbody tr.gap th").eachText();
    assertThat(gapRows).isNotEmpty(); // two members cover few of the concerns of every system
    assertThat(rows).hasSizeGreaterThan(gapRows.size());
    List<String> coveredIds = new ArrayList<>();
    List<String> gapIds = new ArrayList<>();
    for (JsonNode c : suite.at("/coverage/concerns")) {
      (c.get("members").isEmpty() ? gapIds : coveredIds).add(c.get("concept").asText());
    }
    for (JsonNode c : suite.at("/coverage/verticals")) {
      if (c.get("members").isEmpty()) {
        gapIds.add(c.get("concept").asText());
      }
    }
    assertThat(coveredIds).contains("management-systems", "risk-management");
    String export = "/api/v1/suites/" + id + "?format=";

    List<CSVRecord> csv = csvRows(http.get(export + "csv").body());
    // The old columns where they were, the new ones after them.
    List<String> header = csv.get(0).toList();
    assertThat(header.subList(0, 18))
        .containsExactly(
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
            "successor",
            "suite",
            "suite_page",
            "purpose",
            "sectors",
            "sector_ids",
            "attribution");
    for (int row = 1; row < csv.size(); row++) {
      assertThat(cell(csv, row, "version")).isEqualTo("2");
      assertThat(cell(csv, row, "publication")).isEmpty();
      assertThat(java.time.Instant.parse(cell(csv, row, "version_date"))).isEqualTo(updated);
      assertThat(cell(csv, row, "gaps")).isEqualTo(String.join("; ", gapRows));
      assertThat(cell(csv, row, "gap_ids")).isEqualTo(String.join(";", gapIds));
      assertThat(cell(csv, row, "concern_ids")).isEqualTo(String.join(";", coveredIds));
      assertThat(cell(csv, row, "concerns")).contains("Risk management");
      assertThat(cell(csv, row, "covered"))
          .isEqualTo(Integer.toString(rows.size() - gapRows.size()));
      assertThat(cell(csv, row, "to_cover")).isEqualTo(Integer.toString(rows.size()));
    }
    // The labels in the language asked for, the ids as they are.
    List<CSVRecord> fr = csvRows(http.get(export + "csv&lang=fr").body());
    List<String> frGapRows =
        org.jsoup.Jsoup.parse(http.get("/suites/" + id + "?lang=fr").body())
            .select("table.coverage-table tbody tr.gap th")
            .eachText();
    assertThat(frGapRows).isNotEqualTo(gapRows);
    assertThat(cell(fr, 1, "gaps")).isEqualTo(String.join("; ", frGapRows));
    assertThat(cell(fr, 1, "gap_ids")).isEqualTo(String.join(";", gapIds));

    String when = new Messages(java.util.Locale.ENGLISH).dayAndTime(updated);
    String covered = (rows.size() - gapRows.size()) + " of " + rows.size();
    String gaps = "Gaps (no member covers them): " + String.join(", ", gapRows);
    List<Map<String, String>> entries = BibTexEntries.read(http.get(export + "bibtex").body());
    assertThat(entries).hasSize(2);
    for (Map<String, String> e : entries) {
      assertThat(e.get("annote"))
          .contains(
              "Version 2 of " + when,
              gaps,
              "Coverage: " + covered + " concerns and sectors covered",
              "Concerns it covers: ");
    }
    String ris = http.get(export + "ris").body();
    assertThat(readRis(ris)).hasSize(2);
    for (int n = 0; n < 2; n++) {
      assertThat(risValues(ris, n, "N1"))
          .contains(
              "Version 2 of " + when,
              gaps,
              "Coverage: " + covered + " concerns and sectors covered");
    }

    // The public reads a published suite as its publication, of the day it was published.
    JsonNode history = body(http.get("/api/v1/suites/eu-ai-act-high-risk/history"));
    int publication = history.at("/items/0/version").asInt();
    java.time.Instant publishedAt =
        java.time.Instant.parse(history.at("/items/0/publishedAt").asText());
    List<CSVRecord> eu = csvRows(http.get("/api/v1/suites/eu-ai-act-high-risk?format=csv").body());
    assertThat(cell(eu, 1, "publication")).isEqualTo(Integer.toString(publication));
    assertThat(java.time.Instant.parse(cell(eu, 1, "version_date"))).isEqualTo(publishedAt);
    assertThat(risValues(http.get("/api/v1/suites/eu-ai-act-high-risk?format=ris").body(), 0, "N1"))
        .anySatisfy(
            n ->
                assertThat(n)
                    .contains(
                        "(publication " + publication + ") of ",
                        new Messages(java.util.Locale.ENGLISH).dayAndTime(publishedAt)));
  }

  static List<org.aisx.ingest.FeedRecord> readRis(String ris) throws Exception {
    List<org.aisx.ingest.FeedRecord> read = new ArrayList<>();
    new org.aisx.ingest.RisReader("export")
        .read(
            new java.io.ByteArrayInputStream(ris.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            read::add);
    // One entry per record, as the catalogue's reader finds where each starts and ends (it then
    // wants an SN or DOI as the identifier, which a suite's export, naming it in M1, has not).
    assertThat(read).allSatisfy(r -> assertThat(r.where()).startsWith("record at line"));
    return read;
  }

  /**
   * BibTeX and RIS name a member by its title in the caller's language where the record has one
   * (its English title where it has none), and say its status and "not in the catalogue" in that
   * language (QA: they were English whatever was asked); the CSV's title follows the language too,
   * its status stays the machine's value.
   */
  @Test
  void bibtexAndRisSayMembersTitlesAndStatusesInTheCallersLanguage() throws Exception {
    HttpResponse<String> created =
        http.post(
            "/api/v1/suites",
            "{\"title\": \"Titres\", \"members\": [{\"id\": \"iso-iec-22989-2022\"},"
                + " {\"id\": \"iso-iec-42001-2023\"}]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = body(created).get("id").asText();
    JsonNode terms = body(http.get("/api/v1/standards/iso-iec-22989-2022"));
    String french = terms.at("/title/fr").asText();
    assertThat(french).startsWith("Technologies de l'information");
    JsonNode aims = body(http.get("/api/v1/standards/iso-iec-42001-2023"));
    assertThat(aims.at("/title/fr").isMissingNode()).isTrue();
    String english = aims.at("/title/en").asText();
    String export = "/api/v1/suites/" + id + "?format=";

    List<Map<String, String>> bib = BibTexEntries.read(http.get(export + "bibtex&lang=fr").body());
    assertThat(bib).hasSize(2);
    assertThat(bib.get(0).get("title")).isEqualTo(french);
    assertThat(bib.get(1).get("title")).isEqualTo(english);
    assertThat(bib.get(0).get("note")).isEqualTo("Statut\u00a0: En vigueur");
    String ris = http.get(export + "ris&lang=fr").body();
    assertThat(readRis(ris)).hasSize(2);
    assertThat(risValues(ris, 0, "TI")).containsExactly(french);
    assertThat(risValues(ris, 1, "TI")).containsExactly(english);
    assertThat(risValues(ris, 0, "N1")).contains("Statut\u00a0: En vigueur");
    assertThat(ris).doesNotContain("Status: ");
    List<CSVRecord> csv = csvRows(http.get(export + "csv&lang=fr").body());
    assertThat(cell(csv, 1, "title")).isEqualTo(french);
    assertThat(cell(csv, 1, "status")).isEqualTo("in-force");
    // Spanish: the record has no Spanish title, so its English one; the status in Spanish.
    String es = http.get(export + "ris&lang=es").body();
    assertThat(risValues(es, 0, "TI")).containsExactly(terms.at("/title/en").asText());
    assertThat(risValues(es, 0, "N1")).contains("Estado: En vigor");
  }

  /**
   * The note of a member the suggester proposed is generated text (why it was proposed): it was
   * stored in the language of whoever made the suite, and read so in every other (QA). It is kept
   * as the reason's facts, and each reader is told it in their language: on the page, the print
   * view, the API (its {@code reason}, while {@code note} is what a person typed) and each export.
   * A note a person types replaces it and is shown as typed to everyone; the reason sent back
   * unchanged (from the note form, or a PUT of what the API answered) stays a reason.
   */
  @Test
  void aSuggestedMembersNoteIsSaidInEachReadersLanguageAndANoteTypedForItAsTyped()
      throws Exception {
    Browser b = new Browser(server.port());
    HttpResponse<String> created =
        b.postForm(
            "/suites",
            Map.of("_csrf", b.csrf("/suites/new"), "text", "a chatbot for bank customers"));
    assertThat(created.statusCode()).isEqualTo(303);
    String id = SuiteWebTest.idOf(created);
    String api = "/api/v1/suites/" + id;
    JsonNode en = body(http.get(api));
    assertThat(en.get("members").size()).isGreaterThan(2);
    String first = en.at("/members/0/id").asText();
    String second = en.at("/members/1/id").asText();
    assertThat(en.at("/members/0/note").isNull()).as(en.toString()).isTrue();
    assertThat(en.at("/members/0/reason/text").asText()).startsWith("Suggested: ");
    assertThat(body(http.get(api + "?lang=es")).at("/members/0/reason/text").asText())
        .startsWith("Sugerido: ");

    // Each export in the language asked for.
    String export = api + "?format=";
    assertThat(cell(csvRows(http.get(export + "csv").body()), 1, "note")).startsWith("Suggested: ");
    assertThat(cell(csvRows(http.get(export + "csv&lang=fr").body()), 1, "note"))
        .startsWith("Proposé\u00a0: ");
    String ris = http.get(export + "ris&lang=ru").body();
    assertThat(readRis(ris)).hasSize(en.get("members").size());
    assertThat(risValues(ris, 0, "N1")).anySatisfy(n -> assertThat(n).startsWith("Предложено: "));
    List<Map<String, String>> bib = BibTexEntries.read(http.get(export + "bibtex&lang=zh").body());
    assertThat(bib.get(0).get("note")).contains("建议理由：");
    // The pages too.
    org.jsoup.nodes.Document es = org.jsoup.Jsoup.parse(b.get("/suites/" + id + "?lang=es").body());
    assertThat(es.select("#m-" + first + " .note").text()).startsWith("Sugerido: ");
    assertThat(http.get("/suites/" + id + "/print?lang=ar").body()).contains("مقترح: ");

    // Its editor types a note for the first member: everyone reads it as typed.
    String page = "/suites/" + id;
    assertThat(
            b.postForm(
                    page,
                    Map.of(
                        "_csrf",
                        b.csrf(page),
                        "op",
                        "note",
                        "member",
                        first,
                        "note",
                        "Lire d'abord"))
                .statusCode())
        .isEqualTo(303);
    // And sends the second's note form back as it shows it (in Spanish, the language this browser
    // chose by opening the page with ?lang=es above): unchanged, it stays a reason.
    String shown =
        org.jsoup.Jsoup.parse(b.get(page).body()).select("#note-" + second).attr("value");
    assertThat(shown).startsWith("Sugerido: ");
    assertThat(
            b.postForm(
                    page,
                    Map.of("_csrf", b.csrf(page), "op", "note", "member", second, "note", shown))
                .statusCode())
        .isEqualTo(303);
    JsonNode fr = body(http.get(api + "?lang=fr"));
    assertThat(fr.at("/members/0/note").asText()).isEqualTo("Lire d'abord");
    assertThat(fr.at("/members/0/reason").isNull()).isTrue();
    assertThat(fr.at("/members/1/note").isNull()).isTrue();
    assertThat(fr.at("/members/1/reason/text").asText()).startsWith("Proposé\u00a0: ");
    List<CSVRecord> zh = csvRows(http.get(export + "csv&lang=zh").body());
    assertThat(cell(zh, 1, "note")).isEqualTo("Lire d'abord");
    assertThat(cell(zh, 2, "note")).startsWith("建议理由：");

    // What the API answered, sent back as it is, keeps the reasons.
    String key = "Suite-Key " + b.cookie(SuiteApi.KEY_COOKIE + id);
    JsonNode current = body(http.get(api, "Authorization", key));
    HttpResponse<String> put =
        send(
            "PUT",
            api,
            current.toString(),
            "Authorization",
            key,
            "If-Match",
            "\"" + current.get("version").asInt() + "\"");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(body(http.get(api + "?lang=es")).at("/members/1/reason/text").asText())
        .startsWith("Sugerido: ");
    // A reason that is not one is refused naming its field.
    HttpResponse<String> bad =
        http.post(
            "/api/v1/suites",
            "{\"title\": \"Bad\", \"members\": [{\"id\": \"iso-iec-42001-2023\","
                + " \"reason\": {\"similarity\": \"high\"}}]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("members[0].reason.similarity");
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
