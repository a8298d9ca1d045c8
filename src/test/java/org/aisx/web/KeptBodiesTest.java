package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.search.SearchResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search pages of kept answers, sent again to visitors not signed in: over real HTTP on the
 * bundled catalogue, a repeated page is sent kept, and nothing that makes a page differ (a write,
 * who is signed in, the language, a taxonomy edit) gets a kept page of something else.
 */
class KeptBodiesTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static String coordinatorToken;

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
    Fixtures.user(app, "kept-pages@example.org", Role.COORDINATOR);
    coordinatorToken = app.accounts().createToken("kept-pages@example.org", "test").secret();
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  private static long sends(String result) {
    Matcher m =
        Pattern.compile("aisx_search_kept_page_sends_total\\{result=\"" + result + "\"\\} (\\d+)")
            .matcher(http.get("/metrics").body());
    assertThat(m.find()).as("kept page sends (" + result + ") in /metrics").isTrue();
    return Long.parseLong(m.group(1));
  }

  /** A coordinator renames the vertical "health" in {@code lang} through the API. */
  private static void renameHealth(String lang, String label) {
    HttpResponse<String> edit =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/taxonomy/changes"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + coordinatorToken)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"rename\",\"dimension\":\"vertical\",\"concept\":\"health\","
                            + "\"labels\":{\""
                            + lang
                            + "\":\""
                            + label
                            + "\"}}"))
                .build());
    assertThat(edit.statusCode()).as(edit.body()).isEqualTo(201);
  }

  /** Writes a record with {@code title} and {@code verticals}, and publishes it. */
  private static void publish(String identifier, String title, List<String> verticals) {
    app.catalog()
        .save(
            Standard.builder(identifier)
                .title(Map.of("en", title))
                .sdo("Test body")
                .type(PublicationType.OTHER)
                .status(Status.IN_FORCE)
                .verticals(verticals)
                .build(),
            "test",
            "test",
            null);
    app.catalog().publish();
  }

  private static List<String> hitTitles(HttpResponse<String> page) {
    assertThat(page.statusCode()).isEqualTo(200);
    return Jsoup.parse(page.body()).select("ol.hits h3").eachText();
  }

  @Test
  void aRepeatedPageIsSentKeptAndAWriteIsShownByTheNextOne() {
    String path = "/search?q=tidal+turbine+gearbox&mode=keyword";
    long hits = sends("hit");
    HttpResponse<String> first = http.get(path);
    HttpResponse<String> again = http.get(path);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(sends("hit")).isEqualTo(hits + 1);
    assertThat(hitTitles(again)).noneMatch(t -> t.contains("Tidal turbine gearbox"));

    publish("KEPT 1:2026", "Tidal turbine gearbox monitoring with machine learning", List.of());
    assertThat(hitTitles(http.get(path)))
        .first()
        .isEqualTo("Tidal turbine gearbox monitoring with machine learning");
  }

  @Test
  void theApiBodyOfARepeatedSearchIsSentKeptAndAWriteIsShownByTheNextOne() throws Exception {
    String path = "/api/v1/standards?q=offshore+kelp+harvester&mode=keyword";
    HttpResponse<String> first = http.get(path);
    long hits = sends("hit");
    HttpResponse<String> again = http.get(path);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(sends("hit")).isEqualTo(hits + 1);
    assertThat(app.json().readTree(again.body()).path("total").asInt()).isZero();

    publish("KEPT 2:2026", "Offshore kelp harvester vision with machine learning", List.of());
    var after = app.json().readTree(http.get(path).body());
    assertThat(after.path("total").asInt()).isEqualTo(1);
    assertThat(after.path("items").path(0).path("identifier").asText()).isEqualTo("KEPT 2:2026");
  }

  @Test
  void theApiBodyIsKeptPerLanguageAndATaxonomyEditIsShownByTheNextOne() throws Exception {
    publish(
        "KEPT 3:2026", "Hospital triage queue forecasting with neural networks", List.of("health"));
    String path = "/api/v1/standards?q=hospital+triage+queue&mode=keyword&lang=";
    String english = http.get(path + "en").body();
    String french = http.get(path + "fr").body();
    assertThat(http.get(path + "en").body()).isEqualTo(english);
    assertThat(http.get(path + "fr").body()).isEqualTo(french).isNotEqualTo(english);
    assertThat(healthLabel(english)).isNotEqualTo(healthLabel(french));

    String before = http.get(path + "zh").body();
    assertThat(http.get(path + "zh").body()).isEqualTo(before);
    renameHealth("zh", "卫生（已改名）");
    assertThat(healthLabel(before)).isNotEqualTo("卫生（已改名）");
    assertThat(healthLabel(http.get(path + "zh").body())).isEqualTo("卫生（已改名）");
  }

  /** The label the API gives the vertical facet's value "health". */
  private static String healthLabel(String body) throws Exception {
    for (var v : app.json().readTree(body).path("facets").path("vertical")) {
      if (v.path("value").asText().equals("health")) {
        return v.path("label").asText();
      }
    }
    throw new AssertionError("no vertical facet value 'health' in " + body);
  }

  @Test
  void aSignedInVisitorGetsTheirOwnPageAndAnAnonymousOneNeverNamesThem() {
    String path = "/search?q=risk+management";
    Browser visitor = new Browser(server.port());
    visitor.get(path);
    visitor.get(path);
    Fixtures.user(app, "signed-in@example.org", Role.CONTRIBUTOR, "IEEE");
    Browser member = new Browser(server.port());
    assertThat(member.signIn("signed-in@example.org", Fixtures.PASSWORD).statusCode())
        .isEqualTo(303);
    Document theirs = Jsoup.parse(member.get(path).body());
    assertThat(theirs.select("nav.account-nav .who").text()).contains("signed-in@example.org");
    assertThat(theirs.select("input[name=_csrf]")).isNotEmpty();
    // Asked again by the visitor after the member: still the page of no one.
    String anonymous = visitor.get(path).body();
    assertThat(anonymous).doesNotContain("signed-in@example.org").doesNotContain("_csrf");
  }

  @Test
  void eachLanguageGetsThePageInItsLanguage() {
    String path = "/search?q=machine+learning";
    Document english = Jsoup.parse(http.get(path, "Accept-Language", "en").body());
    Document french = Jsoup.parse(http.get(path, "Accept-Language", "fr").body());
    Document englishAgain = Jsoup.parse(http.get(path, "Accept-Language", "en").body());
    assertThat(english.select("html").attr("lang")).isEqualTo("en");
    assertThat(french.select("html").attr("lang")).isEqualTo("fr");
    assertThat(englishAgain.select("html").attr("lang")).isEqualTo("en");
    assertThat(french.select("#filters-heading").text())
        .isNotEqualTo(english.select("#filters-heading").text());
  }

  @Test
  void aTaxonomyEditIsShownByTheNextPage() {
    String path = "/search?q=health&lang=ru";
    String before = http.get(path).body();
    http.get(path);
    renameHealth("ru", "Здоровье (переименовано)");
    assertThat(before).doesNotContain("Здоровье (переименовано)");
    assertThat(Jsoup.parse(http.get(path).body()).select("#facet-vertical").text())
        .contains("Здоровье (переименовано)");
  }

  @Test
  void keptBodiesStayWithinTheirBoundAndTheirVariantsPerAnswer() {
    SearchResult answer = app.index().search(org.aisx.search.SearchRequest.all());
    int[] renders = {0};
    java.util.function.Supplier<byte[]> render =
        () -> {
          renders[0]++;
          return new byte[3_000];
        };
    // 5,000 bytes hold one page of 3,000 with its key, not two.
    KeptBodies small = new KeptBodies(5_000);
    KeptBodies.Variant a = new KeptBodies.Variant("en", "/search", null, 0);
    KeptBodies.Variant b = new KeptBodies.Variant("fr", "/search", null, 0);
    byte[] page = small.body(answer, a, render);
    assertThat(small.body(answer, a, render)).isSameAs(page);
    assertThat(renders[0]).isEqualTo(1);
    small.body(answer, b, render);
    assertThat(small.stats().answers()).isZero();
    small.body(answer, a, render);
    assertThat(renders[0]).as("evicted beyond the bound, so rendered anew").isEqualTo(3);

    // Ample bytes: still no more than MAX_VARIANTS ways of showing one answer are kept.
    KeptBodies ample = new KeptBodies(KeptBodies.DEFAULT_MAX_BYTES);
    renders[0] = 0;
    for (int i = 0; i <= KeptBodies.MAX_VARIANTS; i++) {
      ample.body(answer, new KeptBodies.Variant("en", "/search", "q=" + i, 0), render);
    }
    ample.body(answer, new KeptBodies.Variant("en", "/search", "q=0", 0), render);
    ample.body(
        answer, new KeptBodies.Variant("en", "/search", "q=" + KeptBodies.MAX_VARIANTS, 0), render);
    assertThat(renders[0]).isEqualTo(KeptBodies.MAX_VARIANTS + 2);
    assertThat(ample.stats().hits()).isEqualTo(1);
  }
}
