package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
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
 * Records a feed gave without a title (ISO Open Data's deliverables files carry none), over real
 * HTTP: their page, search card and feed name them by their identifier, search finds them by it and
 * by the words of their abstract, the API answers them as its schema says, and a person who edits
 * one must give the title, which then stays.
 */
class UntitledRecordsWebTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static String coordinator;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    app = Fixtures.empty(dir);
    for (String file : List.of("62085.json", "88821-88915.jsonl")) {
      assertThat(importIsoOpenData(file).rejections()).isEmpty();
    }
    Fixtures.user(app, "coord@example.org", Role.COORDINATOR);
    coordinator = "Bearer " + app.accounts().createToken("coord@example.org", "test").secret();
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  private static ImportSummary importIsoOpenData(String file) throws Exception {
    ImportSummary summary = new ImportSummary();
    try (InputStream in =
        UntitledRecordsWebTest.class.getResourceAsStream("/fixtures/iso-open-data/" + file)) {
      app.importer()
          .importStream(
              Importer.Format.ISO_OPEN_DATA, in, file, "iso-open-data", summary, Progress.SILENT);
    }
    return summary;
  }

  private static Document page(String path) {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** No link to a record without text, and no "null" where a title would be. */
  private static void noEmptyRecordLinkOrNull(String path, Document d) {
    for (Element a : d.select("a[href^=/standards/]")) {
      assertThat(a.text()).as(path + ": " + a).isNotBlank();
    }
    assertThat(d.select("h1, h2, h3")).allSatisfy(h -> assertThat(h.text()).isNotBlank());
    assertThat(d.body().text()).as(path).doesNotContain("null");
  }

  @Test
  void theRecordPageIsHeadedByTheIdentifierAndSaysInEachLanguageThatTheFeedGaveNoTitle() {
    Set<String> notes = new HashSet<>();
    for (String lang : List.of("en", "fr", "es", "ru", "zh", "ar")) {
      String path = "/standards/iso-9001-2015?lang=" + lang;
      Document d = page(path);

      assertThat(d.selectFirst("h1").text()).as(path).isEqualTo("ISO 9001:2015");
      Element note = d.selectFirst("p.untitled");
      assertThat(note).as(path).isNotNull();
      assertThat(note.text()).as(path).isNotBlank().doesNotContain("record.noTitle");
      notes.add(note.text());
      noEmptyRecordLinkOrNull(path, d);
    }
    assertThat(notes).hasSize(6);
  }

  @Test
  void aSearchCardShowsTheIdentifierAndSearchFindsItByIdentifierAndByItsAbstract() {
    for (String q : List.of("ISO 9001:2015", "9001", "customer satisfaction")) {
      String path = "/search?q=" + enc(q);
      Document d = page(path);

      Element card =
          d.select("li.hit").stream()
              .filter(li -> li.select(".identifier").text().equals("ISO 9001:2015"))
              .findFirst()
              .orElse(null);
      assertThat(card).as(path).isNotNull();
      Element link = card.selectFirst("h3 a");
      assertThat(link.attr("href")).isEqualTo("/standards/iso-9001-2015");
      assertThat(link.text()).isEqualTo("ISO 9001:2015");
      noEmptyRecordLinkOrNull(path, d);
    }
    // Sorted by identifier, every record of the catalogue is listed, each with a link.
    Document sorted = page("/search?sort=identifier");
    assertThat(sorted.select("li.hit .identifier"))
        .extracting(Element::text)
        .containsExactly("ISO 9001:2015", "ISO/IEC 19566-7:2022/Amd 1:2025", "ISO/TR 7035-2:2024");
    noEmptyRecordLinkOrNull("/search?sort=identifier", sorted);
  }

  @Test
  void theApiAnswersARecordWithoutTitleAsItsSchemaSays() throws Exception {
    JsonNode search = json.readTree(http.get("/api/v1/standards?q=9001").body());
    assertThat(ApiTest.validate(http, "SearchResponse", search)).isEmpty();
    assertThat(search.at("/items/0/identifier").asText()).isEqualTo("ISO 9001:2015");
    // No empty text where a title would be (QA: the search item said "title": ""): null, as every
    // title in one language the API gives; the record's own per-language title is {}.
    assertThat(search.at("/items/0").has("title")).isTrue();
    assertThat(search.at("/items/0/title").isNull()).as(search.at("/items/0").toString()).isTrue();

    JsonNode record = json.readTree(http.get("/api/v1/standards/iso-9001-2015").body());
    assertThat(ApiTest.validate(http, "RecordResponse", record)).isEmpty();
    assertThat(record.get("title").isObject()).isTrue();
    assertThat(record.get("title")).isEmpty();

    JsonNode changes = json.readTree(http.get("/api/v1/changes").body());
    assertThat(changes.get("items").findValues("title"))
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.isNull() || !t.asText().isEmpty()).as(t.toString()).isTrue());
  }

  @Test
  void theRecordsFeedNamesItByItsIdentifierAlone() {
    HttpResponse<String> atom = http.get("/feeds/standards/iso-9001-2015.atom");

    assertThat(atom.statusCode()).isEqualTo(200);
    assertThat(atom.body())
        .contains("ISO 9001:2015")
        .doesNotContain("ISO 9001:2015 —", "— <", "— \n", "null");
  }

  /**
   * A coordinator's PUT of the record as the API gave it, still without a title, is refused for the
   * title (SPEC §4); with a title it is saved, and importing the feed again, which gives none,
   * keeps it.
   */
  @Test
  void aPutWithoutATitleIsRefusedAndOneWithATitleFillsItInForGood() throws Exception {
    String path = "/api/v1/standards/iso-tr-7035-2-2024";
    Standard before = app.catalog().get("iso-tr-7035-2-2024");
    ObjectNode read = (ObjectNode) json.readTree(http.get(path).body());

    HttpResponse<String> untitled = put(path, read, before.revision());
    assertThat(untitled.statusCode()).as(untitled.body()).isBetween(400, 499);
    JsonNode error = json.readTree(untitled.body()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("validation_failed");
    assertThat(error.get("details"))
        .anySatisfy(
            d -> {
              assertThat(d.get("field").asText()).isEqualTo("title");
              assertThat(d.get("problem").asText()).isEqualTo("required");
            });
    assertThat(app.catalog().get(before.id()).revision()).isEqualTo(before.revision());

    read.putObject("title").put("en", "Ductile iron pipes — Part 2: Design and operation");
    HttpResponse<String> titled = put(path, read, before.revision());
    assertThat(titled.statusCode()).as(titled.body()).isEqualTo(200);
    assertThat(app.catalog().get(before.id()).titleIn("en"))
        .isEqualTo("Ductile iron pipes — Part 2: Design and operation");

    assertThat(importIsoOpenData("88821-88915.jsonl").rejections()).isEmpty();
    Standard after = app.catalog().get(before.id());
    assertThat(after.titleIn("en")).isEqualTo("Ductile iron pipes — Part 2: Design and operation");
    assertThat(page("/standards/" + before.id()).select("p.untitled")).isEmpty();
  }

  private static HttpResponse<String> put(String path, JsonNode body, int revision) {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
            .header("Content-Type", "application/json")
            .header("Authorization", coordinator)
            .header("If-Match", "\"" + revision + "\"")
            .build());
  }
}
