package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duplication signals over real HTTP on a catalogue of three pairs of near-identical records of
 * different bodies, embedded by the real model, with ISO's bundled register of committees: a pair
 * of records a feed gave no title answers {@code title: null}, as the rest of the API does; and a
 * pair of two committees says whether the register records them as in liaison (ISO/TC 215 and
 * ISO/IEC JTC 1/SC 42 are, ISO/TC 34 and SC 42 are not), and says nothing where the register lacks
 * one of them.
 */
class DuplicationSignalsWebTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static final ObjectMapper json = new ObjectMapper();

  static final String SC42 = "ISO/IEC JTC 1/SC 42";
  static final String HEALTH = "ISO/TC 215";
  static final String FOOD = "ISO/TC 34";

  static final String XRAYS =
      "Machine learning models that read chest radiographs and flag suspected pneumonia so that"
          + " radiologists review those images first.";
  static final String SALMONELLA =
      "Microbiology of the food chain: horizontal method for the detection of Salmonella in"
          + " cheese and other dairy products.";
  static final String SC29 = "ISO/IEC JTC 1/SC 29";
  static final String SG21 = "ITU-T SG21";
  static final String JPEG =
      "A learning-based image coding system: the compression of photographs by trained neural"
          + " networks for both human viewing and machine vision tasks.";
  static final String TURBINES =
      "Acoustics: measurement of the noise that wind turbines make at night near homes.";
  static final String BRAILLE =
      "Rendering web pages as refreshable braille for blind readers: how a browser maps headings,"
          + " tables and links to braille cells.";

  @BeforeAll
  static void start() throws Exception {
    app = Fixtures.empty(dir);
    app.loadCommitteesIfEmpty();
    List<Map<String, Object>> records =
        List.of(
            // Untitled, as ISO Open Data gives records: named by the abstract alone.
            record("ISO 90001", null, XRAYS, "ISO", HEALTH),
            record("ISO/IEC 90002", null, XRAYS, "ISO/IEC", SC42),
            record("ISO 90003", "Salmonella in cheese", SALMONELLA, "ISO", FOOD),
            record("ISO/IEC 90004", "Salmonella in cheese", SALMONELLA, "ISO/IEC", SC42),
            record("ISO 90005", "Wind turbine noise", TURBINES, "ISO", "ISO/TC 43"),
            record("IEEE 90006", "Wind turbine noise", TURBINES, "IEEE", "PES/WPC"),
            // A series both bodies publish as common text, part by part (as ITU-T T.840.x and
            // ISO/IEC 6048-x): ITU-T's parts name ISO's undated, and ISO's part 2 is a draft.
            record("ISO/IEC 90010-1:2025", "Learned image coding: Part 1", JPEG, "ISO/IEC", SC29),
            draft(
                record(
                    "ISO/IEC DIS 90010-2", "Learned image coding: Part 2", JPEG, "ISO/IEC", SC29)),
            identicalTo(
                record(
                    "ITU-T X.9010.1 (03/2025)",
                    "Learned image coding: Part 1",
                    JPEG,
                    "ITU-T",
                    SG21),
                "ISO/IEC 90010-1"),
            identicalTo(
                record(
                    "ITU-T X.9010.2 (01/2026)",
                    "Learned image coding: Part 2",
                    JPEG,
                    "ITU-T",
                    SG21),
                "ISO/IEC 90010-2"),
            // ITU-T's part 3 names ISO's only as its other identifier, and ISO's is a draft.
            draft(
                record(
                    "ISO/IEC DIS 90010-3", "Learned image coding: Part 3", JPEG, "ISO/IEC", SC29)),
            alsoNamed(
                record(
                    "ITU-T X.9010.3 (01/2026)",
                    "Learned image coding: Part 3",
                    JPEG,
                    "ITU-T",
                    SG21),
                "ISO/IEC 90010-3"),
            // A document W3C publishes twice, its latest version and the dated edition of that
            // date (the rules link them as identical), close to an IEEE project: one pair.
            relatedTo(
                w3c(record("W3C tactile-web", "Tactile web", BRAILLE, "W3C", "APA WG")),
                "W3C REC-tactile-web-20240110"),
            w3c(record("W3C REC-tactile-web-20240110", "Tactile web", BRAILLE, "W3C", "APA WG")),
            record("IEEE 90020", "Tactile web", BRAILLE, "IEEE", "C/LT"));
    ImportSummary summary = new ImportSummary();
    byte[] feed =
        json.writeValueAsBytes(Map.of("format", "aisx-json", "version", 1, "records", records));
    app.importer()
        .importStream(
            Importer.Format.JSON,
            new ByteArrayInputStream(feed),
            "pairs.json",
            "duplication-test",
            summary,
            Progress.SILENT);
    assertThat(summary.rejections()).isEmpty();
    assertThat(app.catalog().get("iso-90001").untitled()).isTrue();
    Fixtures.awaitClassified(app, app.startEmbedding(Progress.SILENT));
    app.startTopics(Progress.SILENT);
    long deadline = System.nanoTime() + 300_000_000_000L;
    while ((app.topics().current().isEmpty() || app.topics().pending())
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    // The W3C dated edition folded into its latest version is not a record of the topics of its
    // own (editions/Twins): every other record is.
    assertThat(app.topics().current().orElseThrow().embedded()).isEqualTo(records.size() - 1);
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  private static Map<String, Object> record(
      String identifier, String title, String summary, String sdo, String committee) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("identifier", identifier);
    if (title != null) {
      r.put("title", Map.of("en", title));
    }
    r.put("abstract", Map.of("en", summary));
    r.put("sdo", sdo);
    r.put("committee", committee);
    r.put("type", "international-standard");
    r.put("status", "in-force");
    r.put("published", "2024-01");
    return r;
  }

  private static Map<String, Object> w3c(Map<String, Object> r) {
    r.put("type", "other");
    r.put("published", "2024-01-10");
    return r;
  }

  private static Map<String, Object> relatedTo(Map<String, Object> r, String target) {
    r.put("relations", List.of(Map.of("type", "related", "target", target)));
    return r;
  }

  private static Map<String, Object> draft(Map<String, Object> r) {
    r.put("status", "draft");
    r.remove("published");
    return r;
  }

  private static Map<String, Object> identicalTo(Map<String, Object> r, String target) {
    r.put("relations", List.of(Map.of("type", "identical", "target", target)));
    return r;
  }

  private static Map<String, Object> alsoNamed(Map<String, Object> r, String isoIdentifier) {
    r.put("identifiers", List.of(Map.of("type", "ISO", "value", isoIdentifier)));
    return r;
  }

  /** The pair of the two records named {@code x} and {@code y}, in either order. */
  private static JsonNode pair(JsonNode body, String x, String y) {
    for (JsonNode p : body.get("pairs")) {
      Set<String> ids =
          Set.of(p.get("a").get("identifier").asText(), p.get("b").get("identifier").asText());
      if (ids.equals(Set.of(x, y))) {
        return p;
      }
    }
    throw new AssertionError("no pair of " + x + " and " + y + ": " + body);
  }

  @Test
  void partsOfASeriesPublishedAsCommonTextAreNotDuplicationWhicheverPartsAreCompared()
      throws Exception {
    JsonNode b = ApiTest.body(http.get("/api/v1/landscape/duplicates"));
    List<String> flagged = new ArrayList<>();
    for (JsonNode p : b.get("pairs")) {
      flagged.add(
          p.get("a").get("identifier").asText() + " / " + p.get("b").get("identifier").asText());
    }
    // The undated link names the dated edition and the draft; the parts not linked one to one
    // are still one joint series.
    assertThat(flagged).noneMatch(p -> p.contains("90010")).hasSize(4);
    assertThat(Jsoup.parse(http.get("/landscape/duplicates?lang=en").body()).select("tbody").text())
        .doesNotContain("90010");
  }

  @Test
  void aPairOfUntitledRecordsAnswersTitleNullAsItsSchemaSays() throws Exception {
    JsonNode b = ApiTest.body(http.get("/api/v1/landscape/duplicates"));
    assertThat(ApiTest.validate(http, "DuplicatesResponse", b)).isEmpty();
    JsonNode untitled = pair(b, "ISO 90001", "ISO/IEC 90002");
    for (String side : List.of("a", "b")) {
      assertThat(untitled.get(side).has("title")).as(untitled.toString()).isTrue();
      assertThat(untitled.get(side).get("title").isNull()).as(untitled.toString()).isTrue();
    }
    JsonNode titled = pair(b, "ISO 90003", "ISO/IEC 90004");
    assertThat(titled.get("a").get("title").asText()).isEqualTo("Salmonella in cheese");
    // The page and the CSV name the untitled records by their identifiers, with no "null".
    Document page = Jsoup.parse(http.get("/landscape/duplicates?lang=en").body());
    assertThat(page.select("tbody").text()).contains("ISO 90001").doesNotContain("null");
    assertThat(http.get("/landscape/duplicates.csv").body()).doesNotContain("null");
  }

  @Test
  void aPairOfTwoCommitteesSaysWhetherTheRegisterRecordsThemInLiaison() throws Exception {
    // The register's own word on the three pairs of committees, as the test's premise.
    assertThat(app.committees().inLiaison(HEALTH, SC42)).isTrue();
    assertThat(app.committees().inLiaison(FOOD, SC42)).isFalse();
    assertThat(app.committees().find("PES/WPC")).isEmpty();

    JsonNode b = ApiTest.body(http.get("/api/v1/landscape/duplicates"));
    assertThat(ApiTest.validate(http, "DuplicatesResponse", b)).isEmpty();
    assertThat(pair(b, "ISO 90001", "ISO/IEC 90002").get("inLiaison").asBoolean()).isTrue();
    assertThat(pair(b, "ISO 90003", "ISO/IEC 90004").get("inLiaison").isBoolean()).isTrue();
    assertThat(pair(b, "ISO 90003", "ISO/IEC 90004").get("inLiaison").asBoolean()).isFalse();
    JsonNode unknown = pair(b, "ISO 90005", "IEEE 90006");
    assertThat(unknown.has("inLiaison")).isTrue();
    assertThat(unknown.get("inLiaison").isNull()).isTrue();

    Map<String, String> inLiaison = new LinkedHashMap<>();
    Map<String, String> noLiaison = new LinkedHashMap<>();
    Map<String, String> unsaid = new LinkedHashMap<>();
    for (String lang : List.of("en", "fr", "es", "ru", "zh", "ar")) {
      Document d = Jsoup.parse(http.get("/landscape/duplicates?lang=" + lang).body());
      inLiaison.put(lang, liaisonCell(d, "ISO 90001").text());
      noLiaison.put(lang, liaisonCell(d, "ISO 90003").text());
      // Where the register cannot say, the cell says so (a phone shows no empty labelled field).
      unsaid.put(lang, liaisonCell(d, "ISO 90005").text());
      assertThat(liaisonCell(d, "ISO 90005").attr("data-label")).as(lang).isNotBlank();
      // An isolated name is followed by its punctuation, not by a space ("ISO, ISO/TC 215, ...").
      String first = liaisonCell(d, "ISO 90003").parent().select("td").get(1).text();
      assertThat(first).as(lang).doesNotContain(" ,", " )", " ،").doesNotContain(" (ISO (");
      // Each record shows the committee the pair is judged by, isolated from the sentence.
      Element row = liaisonCell(d, "ISO 90001").parent();
      assertThat(row.select("bdi.committee").eachText()).as(lang).contains(HEALTH, SC42);
      assertThat(liaisonCell(d, "ISO 90001").attr("data-label")).as(lang).isNotBlank();
    }
    assertThat(inLiaison.get("en")).isEqualTo("In liaison");
    assertThat(noLiaison.get("en")).isEqualTo("No liaison recorded");
    assertThat(new java.util.HashSet<>(inLiaison.values())).hasSize(6);
    assertThat(new java.util.HashSet<>(noLiaison.values())).hasSize(6);
    assertThat(unsaid.get("en")).isEqualTo("Not known (a committee not in the register)");
    assertThat(new java.util.HashSet<>(unsaid.values())).hasSize(6);
    for (String lang : inLiaison.keySet()) {
      assertThat(inLiaison.get(lang)).as(lang).isNotBlank().isNotEqualTo(noLiaison.get(lang));
    }
  }

  @Test
  void aDocumentItsBodyPublishesTwiceIsOneSideOfOnePairNamingBothIdentifiers() throws Exception {
    // The premise: the rules linked the latest version and its dated edition as one text.
    assertThat(app.catalog().get("w3c-tactile-web").relations())
        .contains(
            org.aisx.catalog.Relation.of(
                org.aisx.catalog.RelationType.IDENTICAL, "W3C REC-tactile-web-20240110"));
    JsonNode b = ApiTest.body(http.get("/api/v1/landscape/duplicates"));
    assertThat(ApiTest.validate(http, "DuplicatesResponse", b)).isEmpty();
    List<JsonNode> withIeee = new ArrayList<>();
    for (JsonNode p : b.get("pairs")) {
      if (p.toString().contains("IEEE 90020")) {
        withIeee.add(p);
      }
    }
    assertThat(withIeee).hasSize(1);
    assertThat(b.get("total").asInt()).isEqualTo(b.get("pairs").size());
    JsonNode w3c = pair(b, "W3C tactile-web", "IEEE 90020");
    JsonNode card = w3c.get("a").get("sdo").asText().equals("W3C") ? w3c.get("a") : w3c.get("b");
    assertThat(card.get("also")).hasSize(1);
    assertThat(card.get("also").get(0).get("identifier").asText())
        .isEqualTo("W3C REC-tactile-web-20240110");
    assertThat(card.get("also").get(0).get("id").asText())
        .isEqualTo("w3c-rec-tactile-web-20240110");

    // The page and the CSV say the same: one row, naming both texts.
    Document page = Jsoup.parse(http.get("/landscape/duplicates?lang=en").body());
    List<Element> rows = new ArrayList<>();
    for (Element tr : page.select("tbody tr")) {
      if (tr.text().contains("IEEE 90020")) {
        rows.add(tr);
      }
    }
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).text())
        .contains("W3C tactile-web (Also published as W3C REC-tactile-web-20240110)");
    assertThat(rows.get(0).select("a[href=/standards/w3c-rec-tactile-web-20240110]")).hasSize(1);
    assertThat(page.select("tbody tr")).hasSize(b.get("pairs").size());
    String csv = http.get("/landscape/duplicates.csv").body();
    assertThat(csv.lines().filter(l -> l.contains("IEEE 90020"))).hasSize(1);
    assertThat(csv).contains("W3C REC-tactile-web-20240110");
  }

  /** The liaison cell of the row of the pair in which the record {@code identifier} takes part. */
  private static Element liaisonCell(Document d, String identifier) {
    List<Element> rows = new ArrayList<>();
    for (Element tr : d.select("tbody tr")) {
      if (tr.select("a[href^=/standards/] bdi").eachText().contains(identifier)) {
        rows.add(tr);
      }
    }
    assertThat(rows).as(identifier).hasSize(1);
    return rows.get(0).selectFirst("td.liaison");
  }
}
