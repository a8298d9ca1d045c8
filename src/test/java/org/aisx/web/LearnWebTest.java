package org.aisx.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learning resources (SPEC §10) over real HTTP on the starter catalogue with its bundled resources:
 * the record page's block, {@code /learn} and its facets, the API against openapi.json, the
 * downloads and the admins' import, and a resource going through submission and review.
 */
class LearnWebTest {
  static final String AI_SECURITY_WORKSHOP =
      "https://aiforgood.itu.int/event/challenging-the-status-quo-of-ai-security/";

  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static final ObjectMapper json = new ObjectMapper();
  static String adminToken;
  static String contributorToken;

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
    server = app.web().start(0);
    http = new Http(server.port());
    Fixtures.user(app, "itu@example.org", Role.CONTRIBUTOR, "ITU-T");
    Fixtures.user(app, "coord@example.org", Role.COORDINATOR);
    Fixtures.user(app, "admin@example.org", Role.ADMIN);
    adminToken = "Bearer " + app.accounts().createToken("admin@example.org", "t").secret();
    contributorToken = "Bearer " + app.accounts().createToken("itu@example.org", "t").secret();
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  static void assertValid(String schema, JsonNode value) throws Exception {
    assertThat(ApiTest.validate(http, schema, value)).as(schema + ": " + value).isEmpty();
  }

  @Test
  void aPagePastTheEndIsEmptySaysSoAndLinksToTheLastPageAsSearchDoes() {
    PagesTest.assertAPagePastTheEndLinksToTheLastPage(http, "/learn");
  }

  static HttpResponse<String> send(
      String method, String path, String token, String type, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(http.base() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", type);
    if (token != null) {
      b.header("Authorization", token);
    }
    return http.send(b.build());
  }

  @Test
  void theIso42001PageListsARealLearningResourceInItsOwnBlock() {
    HttpResponse<String> r = http.get("/standards/iso-iec-42001-2023?lang=en");
    assertThat(r.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(r.body());
    Element block = page.selectFirst("section#learn");
    assertThat(block).isNotNull();
    assertThat(block.selectFirst("h2").text()).isEqualTo("Learn about this standard");
    assertThat(block.select("li.resource h3 a").eachAttr("href")).contains(AI_SECURITY_WORKSHOP);
    assertThat(block.select("li.resource .teaches a").eachAttr("href"))
        .contains("/standards/iso-iec-42001-2023", "/standards/itu-t-f-748-46-03-2025");
    assertThat(block.select("a[href=/learn?standard=iso-iec-42001-2023]")).hasSize(1);
    // A record no resource teaches says so, in the page's language.
    Document other = Jsoup.parse(http.get("/standards/iso-iec-22989-2022?lang=fr").body());
    assertThat(other.selectFirst("section#learn h2").text()).isEqualTo("Se former à cette norme");
    assertThat(other.select("section#learn li.resource")).isEmpty();
  }

  /**
   * A coordinator removes a resource from /learn with a reason (no script); the public and a
   * contributor may not; it is then gone from /learn, the record page and the API, and the removal
   * is in the audit trail.
   */
  @Test
  void aCoordinatorRemovesAResourceFromLearnAndItIsGoneEverywhere() throws Exception {
    String id = "qa-removable-workshop";
    String resource =
        "{\"resources\": [{\"id\": \""
            + id
            + "\", \"title\": {\"en\": \"QA removable workshop\"}, \"provider\": \"QA"
            + " Removals\", \"kind\": \"workshop\", \"url\": \"https://qa.example.org/w\","
            + " \"standards\": [\"iso-iec-42001-2023\"]}]}";
    JsonNode imported =
        body(send("POST", "/api/v1/resources/import", adminToken, "application/json", resource));
    assertThat(imported.get("created").asInt()).as(imported.toString()).isEqualTo(1);
    String learn = "/learn?provider=" + encode("QA Removals");

    assertThat(send("DELETE", "/api/v1/resources/" + id, null, "text/plain", "").statusCode())
        .isEqualTo(401);
    assertThat(
            send("DELETE", "/api/v1/resources/" + id, contributorToken, "text/plain", "")
                .statusCode())
        .isEqualTo(403);
    Browser author = new Browser(server.port());
    author.signIn("itu@example.org", Fixtures.PASSWORD);
    assertThat(Jsoup.parse(author.get(learn).body()).select("form[action$=/remove]")).isEmpty();

    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    Document list = Jsoup.parse(coord.get(learn + "&lang=fr").body());
    Element form = list.selectFirst("li#resource-" + id + " form#remove-" + id);
    assertThat(form).isNotNull();
    assertThat(form.attr("action")).isEqualTo("/learn/" + id + "/remove");
    assertThat(list.selectFirst("li#resource-" + id + " details.remove summary").text())
        .startsWith(PagesTest.shown("fr", "learn.remove"));
    HttpResponse<String> removed =
        coord.postForm(
            form.attr("action") + "?lang=fr",
            Map.of(
                "_csrf",
                form.selectFirst("input[name=_csrf]").attr("value"),
                "reason",
                "dead link"));
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(303);
    String back = removed.headers().firstValue("Location").orElseThrow();
    assertThat(back).isEqualTo("/learn?removed=" + id);
    Document after = Jsoup.parse(coord.get(back + "&lang=fr").body());
    assertThat(after.selectFirst("p.notice[role=status]").text())
        .isEqualTo(PagesTest.shown("fr", "learn.removed", id));
    assertThat(after.select("li#resource-" + id)).isEmpty();
    assertThat(after.select("main a[href*=removed=]")).isEmpty();

    assertThat(http.get("/api/v1/resources/" + id).statusCode()).isEqualTo(404);
    assertThat(
            Jsoup.parse(http.get("/standards/iso-iec-42001-2023").body())
                .select("li#resource-" + id))
        .isEmpty();
    assertThat(send("DELETE", "/api/v1/resources/" + id, adminToken, "text/plain", "").statusCode())
        .isEqualTo(404);
    HttpResponse<String> audit =
        send("GET", "/api/v1/audit?action=resource-removed", adminToken, "text/plain", "");
    assertThat(audit.body()).contains("resource-removed", id, "dead link");
  }

  /**
   * The bundled resources say which language each is in, and a card on {@code /learn} names it, in
   * that language and marked as such, so that an Arabic reader knows the course is in English.
   */
  @Test
  void theBundledResourcesSayTheirLanguageAndTheirCardsShowIt() {
    String id = "ai-for-good-2025-ai-for-health";
    assertThat(app.resources().get(id).languages()).containsExactly("en");
    assertThat(app.resources().get("amas-policy-paper-trust-multimedia-authenticity").languages())
        .containsExactly("en");
    for (String lang : List.of("ar", "fr", "zh")) {
      Element card =
          Jsoup.parse(http.get("/learn?lang=" + lang + "&language=en&concept=health").body())
              .getElementById("resource-" + id);
      assertThat(card).as(lang).isNotNull();
      Element name = card.selectFirst(".facts .languages bdi[lang=en]");
      assertThat(name).as(lang + " " + card.outerHtml()).isNotNull();
      assertThat(name.text()).isEqualTo("English");
    }
  }

  /** A label and its value are set as each language sets them: "Public : ...", "面向：...". */
  @Test
  void aLabelBeforeItsValueIsPunctuatedAsItsLanguageDoes() {
    Map<String, String> expected =
        Map.of("en", "For: ", "fr", "Public\u00a0: ", "zh", "面向\uff1a", "ar", ": ");
    expected.forEach(
        (lang, shown) -> {
          String page = http.get("/learn?lang=" + lang).body();
          Element audience = Jsoup.parse(page).selectFirst("p.audience");
          assertThat(audience).as(lang).isNotNull();
          assertThat(audience.wholeText()).as(lang).contains(shown);
        });
    assertThat(Jsoup.parse(http.get("/learn?lang=fr").body()).selectFirst("p.audience").wholeText())
        .doesNotContain("Public:");
  }

  /**
   * The language filter names each language in that language ("English" on a French page), so the
   * label says which language it is in (WCAG 3.1.2), as each resource's language does.
   */
  @Test
  void theLanguageFilterMarksEachLanguageNameWithItsLanguage() {
    for (String lang : List.of("fr", "ar", "zh")) {
      Document page = Jsoup.parse(http.get("/learn?lang=" + lang).body());
      var boxes = page.select("#facet-language input[name=language]");
      assertThat(boxes).as(lang).isNotEmpty();
      for (Element box : boxes) {
        Element label = page.selectFirst("label[for=" + box.id() + "] .facet-label");
        assertThat(label).as(lang).isNotNull();
        assertThat(label.attr("lang")).as(lang + " " + label.text()).isEqualTo(box.val());
      }
      // Other filters' values are words of the page's language: no lang of their own.
      assertThat(page.select("#facet-kind .facet-label[lang]")).as(lang).isEmpty();
    }
  }

  /** The record page's block offers a correction of each resource to those who may propose one. */
  @Test
  void theRecordPagesLearningBlockOffersACorrectionToThoseWhoMayProposeOne() {
    String path = "/standards/iso-iec-42001-2023?lang=en";
    assertThat(Jsoup.parse(http.get(path).body()).select("section#learn a[id^=correct-]"))
        .isEmpty();
    Browser author = new Browser(server.port());
    author.signIn("itu@example.org", Fixtures.PASSWORD);
    Element block = Jsoup.parse(author.get(path).body()).selectFirst("section#learn");
    assertThat(block.select("li.resource")).isNotEmpty();
    assertThat(block.select("li.resource a[id^=correct-]"))
        .hasSameSizeAs(block.select("li.resource"));
    for (Element item : block.select("li.resource")) {
      String id = item.id().substring("resource-".length());
      assertThat(item.selectFirst("a#correct-" + id).attr("href"))
          .isEqualTo("/submissions/new?proposal=resource&resource=" + id);
    }
  }

  @Test
  void learnListsTheResourcesWithFacetsThatFilterWithoutScript() {
    long total = app.resources().count();
    assertThat(total).isGreaterThanOrEqualTo(20);
    Document all = Jsoup.parse(http.get("/learn?lang=en").body());
    assertThat(all.select("li.resource")).hasSize((int) Math.min(total, LearnRoutes.PAGE_SIZE));
    assertThat(all.select("fieldset.facet").eachAttr("id"))
        .contains(
            "facet-kind", "facet-format", "facet-provider", "facet-standard", "facet-concept");
    // The filter panel is a plain GET form.
    Element form = all.selectFirst("form#filter-form");
    assertThat(form.attr("method")).isEqualTo("get");
    assertThat(form.attr("action")).startsWith("/learn");
    assertThat(all.select("input[name=kind][value=guide]")).hasSize(1);

    Document guides = Jsoup.parse(http.get("/learn?lang=en&kind=guide").body());
    assertThat(guides.select("li.resource .badge-kind").eachText())
        .isNotEmpty()
        .containsOnly("Guide");
    assertThat(guides.select("input[name=kind][value=guide]").attr("checked")).isNotNull();
    assertThat(guides.select("input[name=kind][value=guide][checked]")).hasSize(1);
    // Drill-sideways: the other kinds still count, so they can be added.
    assertThat(guides.select("input[name=kind][value=workshop]")).hasSize(1);

    Document byStandard = Jsoup.parse(http.get("/learn?standard=iso-iec-42001-2023").body());
    // Only resources that teach it (other tests may add some).
    assertThat(byStandard.select("li.resource h3 a").eachAttr("href"))
        .contains(AI_SECURITY_WORKSHOP);
    assertThat(byStandard.select("li.resource"))
        .isNotEmpty()
        .allSatisfy(
            li ->
                assertThat(li.select(".teaches a[href=/standards/iso-iec-42001-2023]")).hasSize(1));

    if (total > LearnRoutes.PAGE_SIZE) {
      String next = all.selectFirst("nav.pager a[rel=next]").attr("href");
      Document second = Jsoup.parse(http.get(next).body());
      assertThat(second.select("li.resource")).hasSize((int) (total - LearnRoutes.PAGE_SIZE));
    }
    Document arabic = Jsoup.parse(http.get("/learn?lang=ar").body());
    assertThat(arabic.selectFirst("html").attr("dir")).isEqualTo("rtl");
    assertThat(arabic.selectFirst("h1").text()).isEqualTo("موارد التعلّم");
    assertThat(http.get("/learn?kind=lecture").statusCode()).isEqualTo(400);
  }

  @Test
  void theApiListsAndFiltersResourcesAsOpenapiDescribes() throws Exception {
    HttpResponse<String> r = http.get("/api/v1/resources?standard=iso-iec-42001-2023");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode list = body(r);
    assertValid("ResourceList", list);
    assertThat(list.get("items").findValuesAsText("url")).contains(AI_SECURITY_WORKSHOP);
    for (JsonNode item : list.get("items")) {
      assertThat(item.get("standards").toString()).contains("iso-iec-42001-2023");
    }

    JsonNode page = body(http.get("/api/v1/resources?kind=workshop&kind=course&limit=5"));
    assertValid("ResourceList", page);
    assertThat(page.get("items")).hasSize(5);
    for (JsonNode item : page.get("items")) {
      assertThat(item.get("kind").asText()).isIn("workshop", "course");
    }
    String next = page.get("next").asText();
    JsonNode second = body(http.get(next));
    assertThat(second.get("offset").asInt()).isEqualTo(5);
    assertThat(second.get("total").asInt()).isEqualTo(page.get("total").asInt());

    String id = list.at("/items/0/id").asText();
    HttpResponse<String> one = http.get("/api/v1/resources/" + id);
    assertThat(one.statusCode()).isEqualTo(200);
    assertValid("Resource", body(one));

    HttpResponse<String> missing = http.get("/api/v1/resources/no-such-resource");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertValid("Error", body(missing));
    HttpResponse<String> badKind = http.get("/api/v1/resources?kind=lecture");
    assertThat(badKind.statusCode()).isEqualTo(400);
    assertThat(body(badKind).at("/error/details/0/field").asText()).isEqualTo("kind");
    HttpResponse<String> unknown = http.get("/api/v1/resources?colour=red");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(body(unknown).at("/error/details/0/field").asText()).isEqualTo("colour");
  }

  /**
   * A provider no resource has is refused naming {@code provider}, as an unknown {@code sdo} is on
   * the search, rather than answered as an empty list; one a resource has (from the facets)
   * filters.
   */
  @Test
  void aProviderNoResourceHasIsA400NamingProviderAsAnUnknownBodyIsOnTheSearch() throws Exception {
    HttpResponse<String> search = http.get("/api/v1/standards?sdo=nope");
    HttpResponse<String> r = http.get("/api/v1/resources?provider=nope");
    assertThat(r.statusCode()).isEqualTo(search.statusCode()).isEqualTo(400);
    assertValid("Error", body(r));
    assertThat(body(r).at("/error/details/0/field").asText()).isEqualTo("provider");
    assertThat(body(r).at("/error/details/0/problem").asText())
        .isEqualTo(body(search).at("/error/details/0/problem").asText())
        .contains("'nope'");
    assertThat(http.get("/learn?provider=nope").statusCode()).isEqualTo(400);

    JsonNode all = body(http.get("/api/v1/resources?limit=1"));
    String provider = all.at("/facets/provider/0/value").asText();
    int count = all.at("/facets/provider/0/count").asInt();
    JsonNode some =
        body(
            http.get(
                "/api/v1/resources?provider="
                    + java.net.URLEncoder.encode(provider, UTF_8)
                    + "&provider=nope"));
    assertThat(some.has("error")).as(some.toString()).isTrue();
    JsonNode one =
        body(http.get("/api/v1/resources?provider=" + java.net.URLEncoder.encode(provider, UTF_8)));
    assertThat(one.get("total").asInt()).isEqualTo(count).isPositive();
  }

  @Test
  void theDownloadsImportBackAndABadLineIsRejectedByLineAndField() throws Exception {
    HttpResponse<String> exported = http.get("/api/v1/resources/export.json");
    assertThat(exported.statusCode()).isEqualTo(200);
    JsonNode doc = body(exported);
    assertValid("MoocHubDocument", doc);
    long before = app.resources().count();
    assertThat(doc.get("data")).hasSize((int) before);

    HttpResponse<String> csv = http.get("/api/v1/resources/export.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");

    HttpResponse<String> again =
        send("POST", "/api/v1/resources/import", adminToken, "application/json", exported.body());
    assertThat(again.statusCode()).isEqualTo(200);
    JsonNode report = body(again);
    assertValid("ResourceImportReport", report);
    assertThat(report.get("unchanged").asLong()).isEqualTo(before);
    assertThat(report.get("rejected")).isEmpty();

    String bad =
        csv.body().lines().findFirst().orElseThrow()
            + "\r\n"
            + "web-bad-kind,lecture,A lecture,,,,,,ITU,,,,,,,,,\r\n";
    HttpResponse<String> rejected =
        send("POST", "/api/v1/resources/import", adminToken, "text/csv", bad);
    assertThat(rejected.statusCode()).isEqualTo(200);
    JsonNode r = body(rejected);
    assertValid("ResourceImportReport", r);
    assertThat(r.at("/rejected/0/line").asInt()).isEqualTo(2);
    assertThat(r.at("/rejected/0/problems/0/field").asText()).isEqualTo("kind");
    assertThat(app.resources().count()).isEqualTo(before);

    // Asked in another language, the report says its problems in it.
    JsonNode header =
        body(
            send(
                "POST",
                "/api/v1/resources/import?lang=fr",
                adminToken,
                "text/csv",
                "id,colour\r\nx,red\r\n"));
    assertThat(header.at("/rejected/0/problems").findValuesAsText("problem"))
        .containsExactly(
            PagesTest.say("fr", "resources.problem.unknownColumn"),
            PagesTest.say("fr", "resources.problem.needsKindAndTitle"));
    JsonNode notAList =
        body(
            send("POST", "/api/v1/resources/import?lang=zh", adminToken, "application/json", "42"));
    assertThat(notAList.at("/rejected/0/problems/0/problem").asText())
        .isEqualTo(PagesTest.say("zh", "resources.problem.notObjectOrList"));
    assertThat(app.resources().count()).isEqualTo(before);

    assertThat(
            send("POST", "/api/v1/resources/import", contributorToken, "text/csv", bad)
                .statusCode())
        .isEqualTo(403);
    assertThat(send("POST", "/api/v1/resources/import", null, "text/csv", bad).statusCode())
        .isEqualTo(401);
  }

  /**
   * A resource whose only title is not in the language the import assumes for a bare name (its
   * first language, else English) comes back from the JSON download with its title's language: QA
   * found export.json wrote a lone French title as a bare {@code name}, which the import read as
   * English, so the round trip rewrote the resource ("updated") under the wrong language.
   */
  @Test
  void aLoneTitleInAnotherLanguageKeepsItsLanguageThroughTheJsonDownload() throws Exception {
    String resources =
        "[{\"id\": \"qa-lone-fr\", \"title\": {\"fr\": \"Cours sur la gestion des risques\"},"
            + " \"provider\": \"QA Lone\", \"kind\": \"course\", \"languages\": [\"en\", \"fr\"]},"
            + " {\"id\": \"qa-lone-zh\", \"title\": {\"zh\": \"人工智能风险管理\"},"
            + " \"provider\": \"QA Lone\", \"kind\": \"guide\"},"
            + " {\"id\": \"qa-lone-es\", \"title\": {\"es\": \"Gestión de riesgos\"},"
            + " \"provider\": \"QA Lone\", \"kind\": \"guide\", \"languages\": [\"es\"]}]";
    JsonNode created =
        body(send("POST", "/api/v1/resources/import", adminToken, "application/json", resources));
    assertThat(created.get("created").asInt()).as(created.toString()).isEqualTo(3);
    long before = app.resources().count();

    HttpResponse<String> exported = http.get("/api/v1/resources/export.json");
    assertValid("MoocHubDocument", body(exported));
    JsonNode again =
        body(
            send(
                "POST",
                "/api/v1/resources/import",
                adminToken,
                "application/json",
                exported.body()));
    assertThat(again.get("updated").asInt()).as(again.toString()).isZero();
    assertThat(again.get("unchanged").asLong()).isEqualTo(before);
    assertThat(body(http.get("/api/v1/resources/qa-lone-fr")).get("title").toString())
        .isEqualTo("{\"fr\":\"Cours sur la gestion des risques\"}");
    assertThat(body(http.get("/api/v1/resources/qa-lone-zh")).get("title").toString())
        .isEqualTo("{\"zh\":\"人工智能风险管理\"}");
    assertThat(body(http.get("/api/v1/resources/qa-lone-es")).get("title").toString())
        .isEqualTo("{\"es\":\"Gestión de riesgos\"}");
  }

  /**
   * A CSV import whose bytes are not UTF-8 was read with each bad byte replaced by U+FFFD, and the
   * resource stored with a title holding "\uFFFD": it is refused naming the body, as a JSON body
   * is, in the asked language, and nothing is stored.
   */
  @Test
  void aCsvImportThatIsNotUtf8IsA400NamingTheBodyAndNothingIsStored() throws Exception {
    List<String> lines = http.get("/api/v1/resources/export.csv").body().lines().toList();
    // An exported resource under a new id, with two bytes that are not UTF-8 opening its title.
    String row = lines.get(1);
    String afterId = row.substring(row.indexOf(','));
    int title = afterId.indexOf(',', 1) + 1;
    if (afterId.charAt(title) == '"') {
      title++;
    }
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        (lines.get(0) + "\r\nweb-not-utf8" + afterId.substring(0, title)).getBytes(UTF_8));
    body.write(0xff);
    body.write(0xfe);
    body.writeBytes((afterId.substring(title) + "\r\n").getBytes(UTF_8));
    long before = app.resources().count();
    for (String lang : List.of("en", "fr", "zh")) {
      for (String type : List.of("text/csv", "text/csv; charset=utf-8")) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(http.base() + "/api/v1/resources/import?lang=" + lang))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .header("Content-Type", type)
                    .header("Authorization", adminToken)
                    .build());
        assertThat(r.statusCode()).as(lang + " " + type + " " + r.body()).isEqualTo(400);
        assertValid("Error", body(r));
        assertThat(body(r).at("/error/details/0/field").asText()).isEqualTo("body");
        assertThat(body(r).at("/error/details/0/problem").asText())
            .isEqualTo(PagesTest.say(lang, "problem.bodyNotUtf8"));
      }
    }
    assertThat(app.resources().count()).isEqualTo(before);
    assertThat(http.get("/api/v1/resources/web-not-utf8").statusCode()).isEqualTo(404);
  }

  @Test
  void aContributorProposesAResourceACoordinatorApprovesItAndLearnListsIt() throws Exception {
    Browser author = new Browser(server.port());
    author.signIn("itu@example.org", Fixtures.PASSWORD);
    Document form =
        Jsoup.parse(
            author.get("/submissions/new?proposal=resource&standard=iso-iec-42001-2023").body());
    assertThat(form.selectFirst("input#standards").attr("value")).isEqualTo("iso-iec-42001-2023");
    String csrf = form.selectFirst("input[name=_csrf]").attr("value");

    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", csrf);
    fields.put("proposal", "resource");
    fields.put("action", "create");
    fields.put("title_en", "Implementing an AI management system");
    fields.put("standards", "iso-iec-42001-2023, no-such-record");
    HttpResponse<String> refused = author.postForm("/submissions", withChoice(fields, ""));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document problems = Jsoup.parse(refused.body());
    assertThat(problems.select(".error-summary a").eachAttr("href"))
        .contains("#provider", "#kind", "#standards");
    assertThat(problems.selectFirst("input#title_en").attr("value"))
        .isEqualTo("Implementing an AI management system");

    fields.put("provider", "ITU Academy");
    fields.put("standards", "iso-iec-42001-2023");
    fields.put("concepts", "management-systems");
    fields.put("languages", "en, fr");
    fields.put("url", "https://academy.example.org/ai-management-systems");
    HttpResponse<String> sent = author.postForm("/submissions", withChoice(fields, "course"));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    String location = sent.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);

    // Pending: not listed yet. The API shows it as a resource submission.
    assertThat(http.get("/learn?standard=iso-iec-42001-2023").body())
        .doesNotContain("Implementing an AI management system");
    JsonNode view =
        body(
            http.send(
                HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/submissions/" + id))
                    .header("Authorization", contributorToken)
                    .build()));
    assertValid("Submission", view);
    assertThat(view.get("kind").asText()).isEqualTo("resource");
    assertThat(view.at("/resource/provider").asText()).isEqualTo("ITU Academy");

    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    Document queue = Jsoup.parse(coord.get("/review/submissions?lang=en").body());
    assertThat(queue.select("a[href=/submissions/" + id + "]")).hasSize(1);
    Document detail = Jsoup.parse(coord.get("/submissions/" + id + "?lang=en").body());
    assertThat(detail.select("#diff th[data-field]").eachAttr("data-field"))
        .contains("title", "provider", "standards");
    String coordCsrf = detail.selectFirst("form.decision input[name=_csrf]").attr("value");
    HttpResponse<String> approved =
        coord.postForm(
            "/submissions/" + id + "/decision",
            Map.of("_csrf", coordCsrf, "decision", "approve", "comment", "welcome"));
    assertThat(approved.statusCode()).isEqualTo(303);

    Document listed = Jsoup.parse(http.get("/learn?standard=iso-iec-42001-2023&lang=en").body());
    assertThat(listed.select("li.resource h3").eachText())
        .contains("Implementing an AI management system");
    Document record = Jsoup.parse(http.get("/standards/iso-iec-42001-2023?lang=en").body());
    assertThat(record.select("section#learn li.resource h3").eachText())
        .contains("Implementing an AI management system");
    assertThat(app.resources().get("implementing-an-ai-management-system").languages())
        .containsExactly("en", "fr");
    assertThat(app.submissions().get(id).state().wire()).isEqualTo("approved");
  }

  /**
   * A resource's texts are cleaned by the records' one cleaner: a script goes with its content, as
   * {@code <b>} and an image do; what is left that looks like markup is text, escaped on the pages.
   */
  @Test
  void markupInAResourceIsCleanedAsARecordsAndWhatLooksLikeMarkupComesOutEscaped()
      throws Exception {
    String xss = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    String literal = "<x onerror=alert(1)>";
    var node = json.createObjectNode();
    node.put("id", "escaped-resource");
    node.putObject("title").put("en", "Title " + literal + " " + xss);
    node.put("provider", "Provider " + xss);
    node.put("audience", "Audience " + xss);
    node.put("kind", "guide");
    node.putArray("standards").add("iso-iec-42001-2023");
    HttpResponse<String> imported =
        send("POST", "/api/v1/resources/import", adminToken, "application/json", "[" + node + "]");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    var stored = app.resources().get("escaped-resource");
    assertThat(stored.title()).containsExactly(Map.entry("en", "Title " + literal));
    assertThat(stored.provider()).isEqualTo("Provider");
    assertThat(stored.audience()).isEqualTo("Audience");
    for (String path : List.of("/learn?kind=guide", "/standards/iso-iec-42001-2023")) {
      Document page = Jsoup.parse(http.get(path).body());
      assertThat(page.select("li#resource-escaped-resource script")).as(path).isEmpty();
      assertThat(page.select("li#resource-escaped-resource img, [onerror]")).as(path).isEmpty();
      assertThat(page.selectFirst("li#resource-escaped-resource h3").text())
          .as(path)
          .isEqualTo("Title " + literal);
    }
    // And a javascript: link is refused before it is stored.
    node.put("url", "javascript:alert(1)");
    HttpResponse<String> r =
        send("POST", "/api/v1/resources/import", adminToken, "application/json", "[" + node + "]");
    assertThat(body(r).at("/rejected/0/problems/0/field").asText()).isEqualTo("url");
  }

  static final String AI_FOR_GOOD = "ITU – AI for Good";

  /** What a form sends as it is shown: every named input's value and every select's choice. */
  static Map<String, String> asShown(Document page, String formSelector) {
    Element form = page.selectFirst(formSelector);
    assertThat(form).as(formSelector).isNotNull();
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[name]")) {
      fields.put(input.attr("name"), input.attr("value"));
    }
    for (Element select : form.select("select[name]")) {
      Element chosen = select.selectFirst("option[selected]");
      fields.put(select.attr("name"), chosen == null ? "" : chosen.attr("value"));
    }
    return fields;
  }

  static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  static JsonNode apiGet(String path, String token) throws Exception {
    return body(
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Authorization", token)
                .build()));
  }

  /**
   * An ITU contributor, signed in, and the correction form of resource {@code id} as it shows it.
   */
  record Correction(Browser author, Map<String, String> fields) {}

  Correction correctionForm(String id) {
    Browser author = new Browser(server.port());
    author.signIn("itu@example.org", Fixtures.PASSWORD);
    Document form =
        Jsoup.parse(author.get("/submissions/new?proposal=resource&resource=" + id).body());
    return new Correction(author, asShown(form, "form.submission-form"));
  }

  static String submissionId(HttpResponse<String> redirect) {
    assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(303);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /**
   * The form has title inputs for English and French only: a correction of another field of a
   * resource titled in Spanish too keeps its Spanish title. QA found the correction rebuilt the
   * title from the two inputs, so that approving a new provider dropped the Spanish title.
   */
  @Test
  void aCorrectionThroughTheFormKeepsTheTitlesInLanguagesTheFormHasNoInputFor() throws Exception {
    String id = "qa-titled-in-spanish";
    JsonNode imported =
        body(
            send(
                "POST",
                "/api/v1/resources/import",
                adminToken,
                "application/json",
                "[{\"id\": \""
                    + id
                    + "\", \"title\": {\"en\": \"Risk management course\", \"es\": \"Curso de"
                    + " gestión de riesgos\"}, \"provider\": \"QA Spanish\", \"kind\": \"course\","
                    + " \"languages\": [\"es\", \"en\"]}]"));
    assertThat(imported.get("created").asInt()).as(imported.toString()).isEqualTo(1);

    Correction correction = correctionForm(id);
    Browser author = correction.author();
    Map<String, String> fields = correction.fields();
    fields.put("provider", "QA Spanish, corrected");
    String sid = submissionId(author.postForm("/submissions", fields));
    JsonNode proposed = apiGet("/api/v1/submissions/" + sid, contributorToken).get("resource");
    assertThat(proposed.get("provider").asText()).isEqualTo("QA Spanish, corrected");
    assertThat(json.convertValue(proposed.get("title"), Map.class))
        .isEqualTo(Map.of("en", "Risk management course", "es", "Curso de gestión de riesgos"));

    // Emptying the English input still removes the English title, and only it.
    fields.put("title_fr", "Cours de gestion des risques");
    fields.put("title_en", "");
    HttpResponse<String> noEnglish = author.postForm("/submissions", fields);
    JsonNode second =
        apiGet("/api/v1/submissions/" + submissionId(noEnglish), contributorToken).get("resource");
    assertThat(json.convertValue(second.get("title"), Map.class))
        .isEqualTo(
            Map.of("es", "Curso de gestión de riesgos", "fr", "Cours de gestion des risques"));
  }

  /**
   * The QA tester's case: a listed resource with a wrong link and provider. A contributor follows
   * "Propose a correction" on /learn to the form filled with the resource as it is, changes the
   * two, and sends it; the coordinator sees exactly those two rows changed and approves; /learn and
   * the API then show the new values and every other field as it was.
   */
  @Test
  void aContributorCorrectsAResourcesLinkAndProviderAndTheApprovedCorrectionIsListed()
      throws Exception {
    String id = "ai-for-good-2025-women-leaders-ai-standards";
    String fixedUrl = "https://aiforgood.itu.int/event/women-leaders-in-ai-and-standards-2025/";
    JsonNode before = body(http.get("/api/v1/resources/" + id));
    String learn = "/learn?lang=en&provider=" + encode(AI_FOR_GOOD);

    // The public is offered no correction; a contributor one on each resource.
    Document anonymous = Jsoup.parse(http.get(learn).body());
    assertThat(anonymous.select("li#resource-" + id)).hasSize(1);
    assertThat(anonymous.select("a[id^=correct-]")).isEmpty();
    Browser author = new Browser(server.port());
    author.signIn("itu@example.org", Fixtures.PASSWORD);
    Document list = Jsoup.parse(author.get(learn).body());
    assertThat(list.select("li.resource a[id^=correct-]"))
        .hasSameSizeAs(list.select("li.resource"));
    Element link = list.selectFirst("li#resource-" + id + " a#correct-" + id);
    assertThat(link.attr("href")).isEqualTo("/submissions/new?proposal=resource&resource=" + id);
    assertThat(link.text()).startsWith("Propose a correction");

    // The form is filled with the resource as it is; the id stays.
    Document form = Jsoup.parse(author.get(link.attr("href") + "&lang=en").body());
    assertThat(form.selectFirst("input#url").attr("value")).isEqualTo(before.get("url").asText());
    assertThat(form.selectFirst("input#provider").attr("value")).isEqualTo(AI_FOR_GOOD);
    assertThat(form.selectFirst("input#title_en").attr("value"))
        .isEqualTo(before.at("/title/en").asText());
    assertThat(form.selectFirst("select#kind option[selected]").attr("value"))
        .isEqualTo("workshop");
    assertThat(form.selectFirst("input#id").attr("value")).isEqualTo(id);
    assertThat(form.selectFirst("input#id").hasAttr("readonly")).isTrue();
    assertThat(form.selectFirst("input[name=action]").attr("value")).isEqualTo("update");

    Map<String, String> fields = asShown(form, "form.submission-form");
    fields.put("url", fixedUrl);
    fields.put("provider", "ITU Academy");
    String sid = submissionId(author.postForm("/submissions", fields));

    // Pending: the API says it corrects the resource, which is listed as it was.
    JsonNode view = apiGet("/api/v1/submissions/" + sid, contributorToken);
    assertValid("Submission", view);
    assertThat(view.get("kind").asText()).isEqualTo("resource");
    assertThat(view.get("action").asText()).isEqualTo("update");
    assertThat(view.at("/resource/url").asText()).isEqualTo(fixedUrl);
    assertThat(body(http.get("/api/v1/resources/" + id))).isEqualTo(before);

    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    Document detail = Jsoup.parse(coord.get("/submissions/" + sid + "?lang=en").body());
    assertThat(detail.select("#diff tr.changed th[data-field]").eachAttr("data-field"))
        .containsExactly("provider", "url");
    assertThat(detail.select("#diff tr.same th[data-field]").eachAttr("data-field"))
        .contains("id", "title", "kind", "format", "start", "end");
    Element urlRow = detail.selectFirst("#diff th[data-field=url]").parent();
    assertThat(urlRow.selectFirst("td.before").text()).isEqualTo(before.get("url").asText());
    assertThat(urlRow.selectFirst("td.after").text()).isEqualTo(fixedUrl);
    assertThat(detail.select("#diff thead th").eachText()).contains("Resource as listed now");
    assertThat(detail.selectFirst("#diff-h").text())
        .isEqualTo("Submitted against the resource as listed now");
    assertThat(detail.selectFirst("dl.submission-facts").text())
        .contains("Correction of a learning resource", id);

    // The same comparison in French.
    Document french = Jsoup.parse(coord.get("/submissions/" + sid + "?lang=fr").body());
    assertThat(french.selectFirst("html").attr("lang")).isEqualTo("fr");
    assertThat(french.select("#diff tr.changed th[data-field]").eachAttr("data-field"))
        .containsExactly("provider", "url");
    assertThat(french.select("#diff thead th").eachText())
        .contains(PagesTest.shown("fr", "submission.resourceNow"));
    assertThat(french.selectFirst("dl.submission-facts").text())
        .contains(PagesTest.shown("fr", "action.resource.update"))
        .doesNotContain("Correction of a learning resource");

    String coordCsrf = detail.selectFirst("form.decision input[name=_csrf]").attr("value");
    HttpResponse<String> approved =
        coord.postForm(
            "/submissions/" + sid + "/decision",
            Map.of("_csrf", coordCsrf, "decision", "approve", "comment", "thanks"));
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
    assertThat(app.submissions().get(sid).state().wire()).isEqualTo("approved");

    Document listed = Jsoup.parse(http.get("/learn?lang=en&provider=ITU+Academy").body());
    Element card = listed.selectFirst("li#resource-" + id);
    assertThat(card).isNotNull();
    assertThat(card.selectFirst("h3 a").attr("href")).isEqualTo(fixedUrl);
    assertThat(card.selectFirst(".provider").text()).isEqualTo("ITU Academy");
    JsonNode after = body(http.get("/api/v1/resources/" + id));
    assertValid("Resource", after);
    assertThat(after.get("url").asText()).isEqualTo(fixedUrl);
    assertThat(after.get("provider").asText()).isEqualTo("ITU Academy");
    var unchanged = ((com.fasterxml.jackson.databind.node.ObjectNode) after.deepCopy());
    unchanged.put("url", before.get("url").asText());
    unchanged.put("provider", before.get("provider").asText());
    assertThat(unchanged).isEqualTo(before);
  }

  @Test
  void theCorrectionLinkAndFormAreInThePageLanguage() throws Exception {
    String id = "ai-for-good-2025-edge-ai";
    Browser author = new Browser(server.port());
    author.signIn("itu@example.org", Fixtures.PASSWORD);
    Document list =
        Jsoup.parse(author.get("/learn?lang=fr&provider=" + encode(AI_FOR_GOOD)).body());
    Element link = list.selectFirst("a#correct-" + id);
    assertThat(link.ownText()).isEqualTo(PagesTest.shown("fr", "learn.correct"));
    Document form = Jsoup.parse(author.get(link.attr("href") + "&lang=fr").body());
    assertThat(form.selectFirst("h1").text())
        .isEqualTo(PagesTest.shown("fr", "submit.resourceCorrectTitle", id));
    assertThat(form.selectFirst("p.lead").text())
        .isEqualTo(PagesTest.shown("fr", "submit.resourceCorrectLead"));
    assertThat(form.selectFirst("#id-stays").text())
        .isEqualTo(PagesTest.shown("fr", "submit.resource.idStays"));
    // Sent unchanged, it is refused in French: it proposes nothing.
    HttpResponse<String> same =
        author.postForm("/submissions?lang=fr", asShown(form, "form.submission-form"));
    assertThat(same.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(same.body()).selectFirst(".error-summary").text())
        .contains(PagesTest.shown("fr", "resource.problem.noChange"));
  }

  @Test
  void theApiRefusesACorrectionOfNoResourceAnUnknownActionAndANewResourceWithATakenId()
      throws Exception {
    JsonNode current = body(http.get("/api/v1/resources/ai-for-good-2025-future-networked-car"));
    var unknown = (com.fasterxml.jackson.databind.node.ObjectNode) current.deepCopy();
    unknown.put("id", "no-such-resource");
    HttpResponse<String> notFound = propose("update", unknown);
    assertThat(notFound.statusCode()).as(notFound.body()).isEqualTo(404);
    assertValid("Error", body(notFound));
    assertThat(body(notFound).at("/error/code").asText()).isEqualTo("not_found");
    assertThat(body(notFound).at("/error/details/0/field").asText()).isEqualTo("resource.id");

    HttpResponse<String> wrongAction = propose("delete", current);
    assertThat(wrongAction.statusCode()).isEqualTo(400);
    assertThat(body(wrongAction).at("/error/details/0/field").asText()).isEqualTo("action");

    HttpResponse<String> taken = propose("create", current);
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(body(taken).at("/error/code").asText()).isEqualTo("already_exists");

    HttpResponse<String> nothing = propose("update", current);
    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(body(nothing).at("/error/details/0/field").asText()).isEqualTo("resource");

    var corrected = (com.fasterxml.jackson.databind.node.ObjectNode) current.deepCopy();
    corrected.put("audience", "car makers and regulators");
    HttpResponse<String> created = propose("update", corrected);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertValid("Submission", body(created));
    assertThat(body(created).get("action").asText()).isEqualTo("update");

    // The form for a resource there is not is a 404.
    Browser author = new Browser(server.port());
    author.signIn("itu@example.org", Fixtures.PASSWORD);
    assertThat(
            author.get("/submissions/new?proposal=resource&resource=no-such-resource").statusCode())
        .isEqualTo(404);
  }

  static HttpResponse<String> propose(String action, JsonNode resource) {
    var body = json.createObjectNode();
    body.put("kind", "resource");
    body.put("action", action);
    body.set("resource", resource);
    return send(
        "POST", "/api/v1/submissions", contributorToken, "application/json", body.toString());
  }

  /**
   * The comparison is made when the coordinator looks: a resource changed since the proposal shows
   * its current values; one deleted since cannot be approved (409, the page saying why, the comment
   * kept), and nothing comes back; it can still be rejected.
   */
  @Test
  void theReviewComparesWithTheResourceAsItIsNowAndACorrectionOfADeletedOneIsRefused()
      throws Exception {
    String id = "ai-for-good-2025-citiverse";
    JsonNode current = body(http.get("/api/v1/resources/" + id));
    var corrected = (com.fasterxml.jackson.databind.node.ObjectNode) current.deepCopy();
    corrected.put("audience", "city planners");
    String sid = body(propose("update", corrected)).get("id").asText();

    // An admin's import changes the provider meanwhile.
    var moved = (com.fasterxml.jackson.databind.node.ObjectNode) current.deepCopy();
    moved.put("provider", "ITU-T");
    assertThat(
            send(
                    "POST",
                    "/api/v1/resources/import",
                    adminToken,
                    "application/json",
                    "[" + moved + "]")
                .statusCode())
        .isEqualTo(200);
    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    Document detail = Jsoup.parse(coord.get("/submissions/" + sid + "?lang=en").body());
    assertThat(detail.select("#diff tr.changed th[data-field]").eachAttr("data-field"))
        .containsExactly("provider", "audience");
    Element provider = detail.selectFirst("#diff th[data-field=provider]").parent();
    assertThat(provider.selectFirst("td.before").text()).isEqualTo("ITU-T");
    assertThat(provider.selectFirst("td.after").text()).isEqualTo(AI_FOR_GOOD);
    assertThat(detail.select("#resource-gone")).isEmpty();

    Fixtures.deleteResource(app, id);
    Document gone = Jsoup.parse(coord.get("/submissions/" + sid + "?lang=en").body());
    assertThat(gone.selectFirst("#resource-gone").text()).contains("was deleted");
    String csrf = gone.selectFirst("form.decision input[name=_csrf]").attr("value");
    HttpResponse<String> refused =
        coord.postForm(
            "/submissions/" + sid + "/decision",
            Map.of("_csrf", csrf, "decision", "approve", "comment", "looks right"));
    assertThat(refused.statusCode()).isEqualTo(409);
    Document again = Jsoup.parse(refused.body());
    assertThat(again.selectFirst("#resource-gone")).isNotNull();
    assertThat(again.selectFirst("textarea#comment").text()).isEqualTo("looks right");
    var coordToken = "Bearer " + app.accounts().createToken("coord@example.org", "t").secret();
    HttpResponse<String> api =
        send(
            "POST",
            "/api/v1/submissions/" + sid + "/decision",
            coordToken,
            "application/json",
            "{\"decision\": \"approve\"}");
    assertThat(api.statusCode()).isEqualTo(409);
    assertValid("Error", body(api));
    assertThat(body(api).at("/error/code").asText()).isEqualTo("gone");
    assertThat(body(api).at("/error/details/0/field").asText()).isEqualTo("resource.id");
    assertThat(http.get("/api/v1/resources/" + id).statusCode()).isEqualTo(404);
    assertThat(app.submissions().get(sid).state().wire()).isEqualTo("pending");
    assertThat(app.submissions().decisions(sid)).isEmpty();

    HttpResponse<String> rejected =
        coord.postForm(
            "/submissions/" + sid + "/decision",
            Map.of("_csrf", csrf, "decision", "reject", "comment", "the resource was withdrawn"));
    assertThat(rejected.statusCode()).isEqualTo(303);
    assertThat(app.submissions().get(sid).state().wire()).isEqualTo("rejected");
  }

  /** Changes requested on a correction: the author's form is the correction again, as sent. */
  @Test
  void aCorrectionSentBackForChangesIsResubmittedAsACorrectionAndCanBeRejected() throws Exception {
    String id = "ai-for-good-2025-brain-computer-interface";
    JsonNode before = body(http.get("/api/v1/resources/" + id));
    Correction correction = correctionForm(id);
    Browser author = correction.author();
    Map<String, String> fields = correction.fields();
    fields.put("url", "https://example.org/bci");
    String sid = submissionId(author.postForm("/submissions", fields));

    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    Document detail = Jsoup.parse(coord.get("/submissions/" + sid + "?lang=en").body());
    String csrf = detail.selectFirst("form.decision input[name=_csrf]").attr("value");
    assertThat(
            coord
                .postForm(
                    "/submissions/" + sid + "/decision",
                    Map.of(
                        "_csrf",
                        csrf,
                        "decision",
                        "changes-requested",
                        "comment",
                        "the provider is ITU-T"))
                .statusCode())
        .isEqualTo(303);

    Document edit = Jsoup.parse(author.get("/submissions/" + sid + "/edit?lang=en").body());
    assertThat(edit.selectFirst("input[name=action]").attr("value")).isEqualTo("update");
    assertThat(edit.selectFirst("input#id").hasAttr("readonly")).isTrue();
    assertThat(edit.selectFirst("input#url").attr("value")).isEqualTo("https://example.org/bci");
    Map<String, String> resent = asShown(edit, "form.submission-form");
    resent.put("provider", "ITU-T");
    HttpResponse<String> again = author.postForm("/submissions/" + sid, resent);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
    JsonNode view = apiGet("/api/v1/submissions/" + sid, contributorToken);
    assertThat(view.get("state").asText()).isEqualTo("pending");
    assertThat(view.get("action").asText()).isEqualTo("update");
    assertThat(view.at("/resource/provider").asText()).isEqualTo("ITU-T");

    Document second = Jsoup.parse(coord.get("/submissions/" + sid + "?lang=en").body());
    assertThat(second.select("#diff tr.changed th[data-field]").eachAttr("data-field"))
        .containsExactly("provider", "url");
    HttpResponse<String> rejected =
        coord.postForm(
            "/submissions/" + sid + "/decision",
            Map.of("_csrf", csrf, "decision", "reject", "comment", "the old link works"));
    assertThat(rejected.statusCode()).isEqualTo(303);
    assertThat(app.submissions().get(sid).state().wire()).isEqualTo("rejected");
    assertThat(body(http.get("/api/v1/resources/" + id))).isEqualTo(before);
  }

  private static Map<String, String> withChoice(Map<String, String> fields, String kind) {
    Map<String, String> out = new LinkedHashMap<>(fields);
    out.put("kind", kind);
    return out;
  }
}
