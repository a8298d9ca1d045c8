package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Watching: the Atom feeds and the public change log, over real HTTP and a real store. */
class WatchTest {
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String HOSTILE =
      "<script>alert(1)</script> a < b && c > d \"quotes\" ]]> \u0001 <b>bold</b> &lt;i&gt;";
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = Fixtures.empty(dir);
    Fixtures.load(app, "/fixtures/catalogue/rfc-http.json");
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static ImportSummary importJson(String records) throws java.io.IOException {
    ImportSummary summary = new ImportSummary();
    app.importer()
        .importStream(
            Importer.Format.JSON,
            new ByteArrayInputStream(
                ("{\"format\":\"aisx-json\",\"version\":1,\"records\":[" + records + "]}")
                    .getBytes(StandardCharsets.UTF_8)),
            "test.json",
            "watch-test",
            summary,
            Progress.SILENT);
    assertThat(summary.rejections()).isEmpty();
    return summary;
  }

  static String record(String identifier, String title, String sdo, String status) {
    try {
      return json.writeValueAsString(
          java.util.Map.of(
              "identifier",
              identifier,
              "title",
              java.util.Map.of("en", title),
              "sdo",
              sdo,
              "type",
              "technical-report",
              "status",
              status,
              "published",
              "2025"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses an Atom answer with a real, namespace-aware XML parser. */
  static Document atom(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/atom+xml"));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document d =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    Element feed = d.getDocumentElement();
    assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(feed.getLocalName()).isEqualTo("feed");
    // RFC 4287 §4.1.1: a feed has exactly one id, title and updated.
    for (String required : List.of("id", "title", "updated")) {
      assertThat(children(feed, required)).as(required).hasSize(1);
    }
    Instant.parse(text(feed, "updated"));
    for (Element e : entries(d)) {
      assertThat(text(e, "id")).matches("urn:uuid:[0-9a-f-]{36}");
      Instant.parse(text(e, "updated"));
      assertThat(children(e, "title")).hasSize(1);
      assertThat(children(e, "link").get(0).getAttribute("href")).contains("/standards/");
    }
    return d;
  }

  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e
          && ATOM.equals(e.getNamespaceURI())
          && e.getLocalName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  static String text(Element parent, String name) {
    return children(parent, name).get(0).getTextContent();
  }

  static List<Element> entries(Document d) {
    return children(d.getDocumentElement(), "entry");
  }

  @Test
  void theFeedOfASearchShowsNewRecordsAndThenStatusChangesNewestFirst() throws Exception {
    importJson(record("ETSI GR SAI 099", "Securing AI: watch test", "ETSI", "draft"));
    Document before = atom(http.get("/feeds/search.atom?sdo=ETSI"));
    List<Element> entries = entries(before);
    assertThat(entries).hasSize(1);
    assertThat(text(entries.get(0), "title")).contains("ETSI GR SAI 099", "Securing AI");
    assertThat(children(entries.get(0), "link").get(0).getAttribute("href"))
        .endsWith("/standards/etsi-gr-sai-099");
    String createdId = text(entries.get(0), "id");

    importJson(record("ETSI GR SAI 099", "Securing AI: watch test", "ETSI", "in-force"));
    Document after = atom(http.get("/feeds/search.atom?sdo=ETSI"));
    entries = entries(after);
    assertThat(entries).hasSize(2);
    assertThat(text(entries.get(0), "title")).contains("Draft", "In force");
    assertThat(text(entries.get(1), "id")).isEqualTo(createdId);
    assertThat(Instant.parse(text(entries.get(0), "updated")))
        .isAfterOrEqualTo(Instant.parse(text(entries.get(1), "updated")));
    // The same request gives the same ids: feed readers see nothing new twice.
    assertThat(text(entries(atom(http.get("/feeds/search.atom?sdo=ETSI"))).get(0), "id"))
        .isEqualTo(text(entries.get(0), "id"));
    // Other searches do not see it.
    assertThat(entries(atom(http.get("/feeds/search.atom?sdo=IETF"))))
        .noneMatch(e -> text(e, "title").contains("SAI 099"));
    // The record's feed has both, and a title change too.
    importJson(record("ETSI GR SAI 099", "Securing AI: watch test, renamed", "ETSI", "in-force"));
    List<Element> own = entries(atom(http.get("/feeds/standards/etsi-gr-sai-099.atom")));
    assertThat(own).hasSize(3);
    assertThat(text(own.get(0), "summary")).contains("renamed");
    assertThat(text(own.get(2), "id")).isEqualTo(createdId);
    // The "New" entry names the record as it was created, not as it is called now.
    assertThat(text(own.get(2), "title"))
        .contains("Securing AI: watch test")
        .doesNotContain("renamed");
    // ... which a search feed leaves out (neither new nor a status change).
    assertThat(entries(atom(http.get("/feeds/search.atom?sdo=ETSI")))).hasSize(2);
  }

  /**
   * A feed reader polling a feed gets 304 while nothing changed, by the ETag or by the date it last
   * saw, and the feed again once a record changes.
   */
  @Test
  void aFeedReaderAskingAgainGets304UntilSomethingChanges() throws Exception {
    String path = "/feeds/search.atom?q=polling";
    importJson(record("POLL 1", "Polling feeds", "IETF", "in-force"));
    HttpResponse<String> first = http.get(path);
    atom(first);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
    assertThat(
            java.time.ZonedDateTime.parse(
                    lastModified, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant())
        .isEqualTo(Instant.parse(text(atom(first).getDocumentElement(), "updated")));

    HttpResponse<String> same = http.get(path, "If-None-Match", etag);
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(http.get(path, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
    assertThat(http.get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    assertThat(http.get(path, "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);

    Thread.sleep(1_100); // Last-Modified counts seconds
    importJson(record("POLL 1", "Polling feeds", "IETF", "withdrawn"));
    HttpResponse<String> changed = http.get(path, "If-None-Match", etag);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
    assertThat(http.get(path, "If-Modified-Since", lastModified).statusCode()).isEqualTo(200);
  }

  @Test
  void hostileTitlesAreEscapedAndTheFeedStaysWellFormed() throws Exception {
    importJson(record("NIST AI 999", HOSTILE, "NIST", "draft"));
    Document d = atom(http.get("/feeds/standards/nist-ai-999.atom"));
    String title = text(entries(d).get(0), "title");
    // Imports keep titles as plain text (markup stripped); what is left still has XML's
    // metacharacters, and comes out of the feed exactly as stored.
    String stored = app.catalog().get("nist-ai-999").titleIn("en");
    assertThat(stored).contains("&", "\"", "]]>");
    assertThat(title).isEqualTo("New: NIST AI 999 — " + stored.replace("\u0001", ""));
    assertThat(d.getElementsByTagNameNS("*", "script").getLength()).isZero();
    assertThat(d.getElementsByTagNameNS("*", "b").getLength()).isZero();
    assertThat(title).doesNotContain("\u0001");
    atom(http.get("/feeds/changes.atom"));
    atom(http.get("/feeds/search.atom?q=" + ApiTest.enc(HOSTILE) + "&mode=keyword"));
    // The change log page escapes it too.
    var page = Jsoup.parse(http.get("/changes").body());
    assertThat(page.select("main script")).isEmpty();
    assertThat(page.select("main b")).isEmpty();
  }

  @Test
  void theChangeLogIsPagedNewestFirstAndMatchesTheOpenApi() throws Exception {
    HttpResponse<String> r = http.get("/api/v1/changes?limit=2");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode first = json.readTree(r.body());
    assertThat(ApiTest.validate(http, "ChangesResponse", first)).isEmpty();
    assertThat(first.get("items")).hasSize(2);
    long a = first.get("items").get(0).get("seq").asLong();
    long b = first.get("items").get(1).get("seq").asLong();
    assertThat(a).isGreaterThan(b);
    String next = first.get("next").asText();
    assertThat(next).startsWith("/api/v1/changes?before=" + b);
    JsonNode second = json.readTree(http.get(next).body());
    assertThat(second.get("items").get(0).get("seq").asLong()).isLessThan(b);
    JsonNode created = json.readTree(http.get("/api/v1/changes?kind=created&limit=200").body());
    assertThat(created.get("items"))
        .allMatch(i -> i.get("kind").asText().equals("created"))
        .anyMatch(i -> i.get("identifier").asText().equals("RFC 9110"));
    assertThat(json.readTree(http.get("/api/v1/changes?since=2999-01-01").body()).get("items"))
        .isEmpty();
    assertThat(
            json.readTree(http.get("/api/v1/changes?since=2000-01-01T00:00:00Z").body())
                .get("items"))
        .isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/changes?limit=0",
        "/api/v1/changes?limit=201",
        "/api/v1/changes?limit=ten",
        "/api/v1/changes?since=yesterday",
        "/api/v1/changes?since=2026-13-45",
        "/api/v1/changes?before=0",
        "/api/v1/changes?before=abc",
        "/api/v1/changes?kind=deleted",
        "/api/v1/changes?colour=blue",
        "/api/v1/changes?limit=1&limit=2",
        "/changes?since=yesterday",
        "/feeds/search.atom?status=bogus",
        "/feeds/search.atom?sdo=ACME",
        "/feeds/search.atom?size=abc",
        "/feeds/search.atom?from=20x4",
        "/feeds/search.atom?mode=telepathy",
      })
  void badParametersAre400s(String path) {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(400);
    assertThat(r.body()).doesNotContain("Exception", "\tat org.");
  }

  /**
   * The feeds treat parameters as the API does: one a feed does not take is a 400 naming it and
   * listing those it takes (paging and order on a search's feed, which has neither; any but lang on
   * the others), on the HTML error page in the request's language, instead of a feed that quietly
   * watches something else (the whole log for {@code changes.atom?since=}).
   */
  @ParameterizedTest
  @CsvSource({
    "/feeds/search.atom?sdo=IETF&utm_source=mail, utm_source",
    "/feeds/search.atom?sdo=IETF&page=2, page",
    "/feeds/search.atom?size=50, size",
    "/feeds/search.atom?sort=newest, sort",
    "/feeds/changes.atom?since=2026-01-01, since",
    "/feeds/standards/rfc-9110.atom?kind=created, kind",
  })
  void aParameterAFeedDoesNotTakeIsA400NamingItInThePageLanguage(String path, String name) {
    HttpResponse<String> r = http.get(path + "&lang=fr");
    assertThat(r.statusCode()).as(path).isEqualTo(400);
    org.jsoup.nodes.Document page = Jsoup.parse(r.body());
    assertThat(page.select("html").attr("lang")).isEqualTo("fr");
    assertThat(page.select("main").text()).as(path).contains(name).contains("lang");
    assertThat(http.get(path.replaceAll("[?&]" + name + "=[^&]*", "")).statusCode())
        .as(path)
        .isEqualTo(200);
  }

  @Test
  void theSearchPagesWatchLinkCarriesOnlyWhatTheFeedTakes() {
    var search =
        Jsoup.parse(http.get("/search?sdo=IETF&utm_source=mail&sort=identifier&page=1").body());
    String feed = search.select("head link[rel=alternate][type=application/atom+xml]").attr("href");
    assertThat(feed).isEqualTo("/feeds/search.atom?sdo=IETF");
    assertThat(http.get(feed).statusCode()).isEqualTo(200);
    assertThat(http.get("/feeds/search.atom?sdo=IETF&lang=fr&suggestions=exclude").statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownRecordsAndFeedNamesAre404s() {
    assertThat(http.get("/feeds/standards/no-such-record.atom").statusCode()).isEqualTo(404);
    assertThat(http.get("/feeds/standards/rfc-9110.rss").statusCode()).isEqualTo(404);
    assertThat(http.get("/feeds/standards/rfc-9110").statusCode()).isEqualTo(404);
    assertThat(http.get("/feeds/nothing.atom").statusCode()).isEqualTo(404);
  }

  @Test
  void searchAndRecordPagesAnnounceTheirFeedAndOfferAWatchLink() {
    var search = Jsoup.parse(http.get("/search?sdo=IETF&page=1").body());
    var alternate = search.select("head link[rel=alternate][type=application/atom+xml]");
    assertThat(alternate.attr("href")).isEqualTo("/feeds/search.atom?sdo=IETF");
    assertThat(search.select("main a[href=/feeds/search.atom?sdo=IETF]").text()).contains("Watch");
    var record = Jsoup.parse(http.get("/standards/rfc-9110").body());
    assertThat(record.select("head link[rel=alternate][type=application/atom+xml]").attr("href"))
        .isEqualTo("/feeds/standards/rfc-9110.atom");
    assertThat(record.select("main a[href=/feeds/standards/rfc-9110.atom]").text())
        .contains("Watch");
    var changes = Jsoup.parse(http.get("/changes?lang=fr").body());
    assertThat(changes.select("h1").text()).isEqualTo("Modifications du catalogue");
    assertThat(changes.select("table a[href=/standards/rfc-9110]")).isNotEmpty();
    assertThat(changes.select("head link[rel=alternate]").attr("href"))
        .isEqualTo("/feeds/changes.atom");
  }

  @Test
  void feedsAreInTheRequestedLanguage() throws Exception {
    Document fr = atom(http.get("/feeds/changes.atom?lang=fr"));
    assertThat(
            fr.getDocumentElement().getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"))
        .isEqualTo("fr");
    assertThat(text(fr.getDocumentElement(), "title")).contains("modifications");
  }
}
