package org.aisx.web;

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

    assertThat(
            send("POST", "/api/v1/resources/import", contributorToken, "text/csv", bad)
                .statusCode())
        .isEqualTo(403);
    assertThat(send("POST", "/api/v1/resources/import", null, "text/csv", bad).statusCode())
        .isEqualTo(401);
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

  private static Map<String, String> withChoice(Map<String, String> fields, String kind) {
    Map<String, String> out = new LinkedHashMap<>(fields);
    out.put("kind", kind);
    return out;
  }
}
