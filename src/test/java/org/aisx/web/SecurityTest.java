package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.aisx.semantic.EmbeddingJob;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usual attacks, each shown to fail safely: stored XSS in every text field of a record, CSRF
 * without a token, SQL metacharacters, oversized bodies, forged roles; and no error ever shows a
 * stack trace or an exception's class name.
 */
class SecurityTest {
  static final String XSS =
      "\"'><script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>"
          + "<a href=\"javascript:alert(4)\">x</a>";
  static final String ADMIN = "admin@example.org";
  static final String CONTRIBUTOR = "editor@etsi.org";
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static EmbeddingJob job;
  static String contributorToken;
  static final ObjectMapper json = new ObjectMapper();

  /** Every error answer any test saw, checked for stack traces at the end of each test. */
  static final List<HttpResponse<String>> errors = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    app = Fixtures.empty(dir);
    Fixtures.load(app, "/fixtures/catalogue/rfc-http.json");
    importJson(hostile("ETSI GR SAI 001", "Securing artificial intelligence: mitigation strategy"));
    importJson(hostile("ETSI GR SAI 002", "Securing artificial intelligence: threat ontology"));
    Fixtures.user(app, ADMIN, Role.ADMIN);
    Fixtures.user(app, CONTRIBUTOR, Role.CONTRIBUTOR, "ETSI");
    contributorToken = app.accounts().createToken(CONTRIBUTOR, "test").secret();
    job = app.startEmbedding(Progress.SILENT);
    server = app.web().start(0);
    http = new Http(server.port());
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline
        && !(job.status().waiting() == 0
            && app.classification().suggestions().madeFromCurrentText(record("etsi-gr-sai-001"))
            && app.classification().suggestions().madeFromCurrentText(record("etsi-gr-sai-002")))) {
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    app.close();
  }

  static Standard record(String id) {
    return app.catalog().get(id);
  }

  /** A record with the payload in every text field the import keeps. */
  static String hostile(String identifier, String words) throws Exception {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("identifier", identifier);
    r.put("title", Map.of("en", words + " " + XSS));
    r.put(
        "abstract",
        Map.of(
            "en",
            "This report describes how to secure artificial intelligence systems against attacks "
                + "on privacy and robustness. "
                + XSS));
    r.put("sdo", "ETSI");
    r.put("committee", "ISG SAI " + XSS);
    r.put("type", "technical-report");
    r.put("status", "in-force");
    r.put("published", "2024");
    r.put("keywords", List.of("security " + XSS, XSS));
    r.put("identifiers", List.of(Map.of("type", "<svg onload=alert(5)>", "value", "10.1/" + XSS)));
    r.put("relations", List.of(Map.of("type", "related", "target", "RFC 9110 " + XSS)));
    r.put(
        "useCases",
        List.of(Map.of("description", "Use case " + XSS, "url", "https://example.org/uc")));
    return json.writeValueAsString(r);
  }

  static void importJson(String record) throws Exception {
    ImportSummary summary = new ImportSummary();
    app.importer()
        .importStream(
            Importer.Format.JSON,
            new ByteArrayInputStream(
                ("{\"format\":\"aisx-json\",\"version\":1,\"records\":[" + record + "]}")
                    .getBytes(StandardCharsets.UTF_8)),
            "hostile.json",
            "security-test",
            summary,
            Progress.SILENT);
    assertThat(summary.rejections()).isEmpty();
    assertThat(summary.createdCount()).isEqualTo(1);
  }

  /** Asserts that the page has no element or attribute that the payload could have injected. */
  static Document assertNothingInjected(String path, Browser browser) {
    return assertNothingInjected(path, browser, 200);
  }

  static Document assertNothingInjected(String path, Browser browser, int status) {
    HttpResponse<String> r = browser == null ? http.get(path) : browser.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(status);
    Document page = Jsoup.parse(r.body());
    for (Element script : page.select("script")) {
      assertThat(script.attr("src"))
          .as(path + ": only the site's own script")
          .isEqualTo("/static/app.js");
      assertThat(script.data()).isEmpty();
    }
    assertThat(page.select("img[src=x], svg, iframe, object, embed")).as(path).isEmpty();
    for (Element e : page.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey()).as(path + " " + e.tagName()).doesNotStartWith("on");
        assertThat(a.getValue().strip().toLowerCase(Locale.ROOT))
            .as(path)
            .doesNotStartWith("javascript:");
      }
    }
    return page;
  }

  @Test
  void payloadsInEveryTextFieldAreEscapedOnEveryPage() throws Exception {
    Standard s = record("etsi-gr-sai-001");
    // The import keeps titles, abstracts and keywords as plain text (scripts dropped with their
    // content); the other fields keep the markup as text, so the pages must escape it.
    assertThat(s.committee()).contains("<script>");
    assertThat(s.keywords()).isNotEmpty().noneMatch(k -> k.contains("<") || k.contains("alert"));
    assertThat(s.useCases().get(0).description()).contains("<svg");
    Document recordPage = assertNothingInjected("/standards/etsi-gr-sai-001", null);
    assertThat(recordPage.text()).contains("<script>alert(1)</script>");
    Document search = assertNothingInjected("/search?q=securing&mode=keyword", null);
    assertThat(search.select("ol.hits li")).isNotEmpty();
    assertNothingInjected("/search?q=" + ApiTest.enc(XSS) + "&mode=keyword", null);
    assertNothingInjected("/search?committee=" + ApiTest.enc(s.committee()), null);
    // Related work: each hostile record is the other's closest.
    Document related = assertNothingInjected("/standards/etsi-gr-sai-002", null);
    assertThat(related.select("a[href=/standards/etsi-gr-sai-001]")).isNotEmpty();
    assertNothingInjected("/overlap?record=etsi-gr-sai-001", null);
    assertNothingInjected("/overlap?text=" + ApiTest.enc(XSS), null);
    Document review = assertNothingInjected("/review/suggestions", null);
    assertThat(review.select("a[href=/standards/etsi-gr-sai-001]")).isNotEmpty();
    assertNothingInjected("/changes", null);
    assertNothingInjected("/signin?next=" + ApiTest.enc(XSS), null);
    assertNothingInjected("/no-such-page/" + ApiTest.enc(XSS), null, 404);
    assertNothingInjected("/standards/" + ApiTest.enc(XSS), null, 404);
    assertNothingInjected("/search?sdo=" + ApiTest.enc(XSS), null, 400);
    Browser admin = signedIn(ADMIN);
    assertNothingInjected("/admin/audit?actor=" + ApiTest.enc(XSS), admin);
  }

  static Browser signedIn(String email) {
    Browser b = new Browser(server.port());
    assertThat(b.signIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    return b;
  }

  @Test
  void everyFormPostWithoutTheCsrfTokenIs403AndChangesNothing() {
    Browser admin = signedIn(ADMIN);
    long events = app.catalog().events(null, null, java.util.Set.of(), 1).get(0).seq();
    String suggestion =
        app
            .classification()
            .withSuggestions(record("etsi-gr-sai-001"))
            .suggestions()
            .entrySet()
            .stream()
            .findFirst()
            .map(e -> "etsi-gr-sai-001|" + e.getKey() + "|" + e.getValue().get(0).concept())
            .orElseThrow();
    Map<String, Map<String, String>> forms = new LinkedHashMap<>();
    forms.put("/signin", Map.of("email", ADMIN, "password", Fixtures.PASSWORD));
    forms.put("/signout", Map.of());
    forms.put("/review/suggestions", Map.of("decision", "confirm", "item", suggestion));
    forms.put("/admin/import", Map.of("format", "json"));
    for (var form : forms.entrySet()) {
      for (String token : new String[] {null, "forged-token"}) {
        Map<String, String> fields = new LinkedHashMap<>(form.getValue());
        if (token != null) {
          fields.put("_csrf", token);
        }
        HttpResponse<String> r = admin.postForm(form.getKey(), fields);
        assertThat(r.statusCode()).as(form.getKey() + " " + token).isEqualTo(403);
        errors.add(r);
      }
    }
    // Still signed in, and nothing was written.
    assertThat(admin.get("/api/v1/me").statusCode()).isEqualTo(200);
    assertThat(app.catalog().events(null, null, java.util.Set.of(), 1).get(0).seq())
        .isEqualTo(events);
    assertNoStackTraces();
  }

  @Test
  void sqlMetacharactersInParametersAndBodiesGiveOrdinaryAnswersAndLeaveTheDataIntact()
      throws Exception {
    long count = app.catalog().count();
    String admin = app.accounts().createToken(ADMIN, "sql").secret();
    List<String> payloads =
        List.of(
            "'; DROP TABLE standard; --",
            "\" OR \"1\"=\"1",
            "1' OR '1'='1",
            "1); DELETE FROM history_event; --",
            "%' UNION SELECT * FROM account --",
            "\\'; SELECT pg_sleep(5); --");
    List<String> paths =
        List.of(
            "/api/v1/standards?q=",
            "/api/v1/standards?sdo=",
            "/api/v1/standards?committee=",
            "/api/v1/standards?status=",
            "/api/v1/standards?sort=",
            "/api/v1/standards?page=",
            "/api/v1/standards?from=",
            "/api/v1/standards/",
            "/api/v1/standards/etsi-gr-sai-001/related?limit=",
            "/api/v1/overlap?text=",
            "/api/v1/overlap?record=",
            "/api/v1/overlap?committee=",
            "/api/v1/suggestions?dimension=",
            "/api/v1/suggestions?concept=",
            "/api/v1/suggestions?min=",
            "/api/v1/changes?since=",
            "/api/v1/changes?kind=",
            "/api/v1/changes?before=",
            "/search?q=",
            "/search?sdo=",
            "/standards/",
            "/overlap?text=",
            "/review/suggestions?dimension=",
            "/changes?since=",
            "/feeds/search.atom?q=",
            "/feeds/search.atom?sdo=",
            "/feeds/standards/",
            "/signin?next=");
    for (String payload : payloads) {
      for (String path : paths) {
        HttpResponse<String> r = http.get(path + ApiTest.enc(payload));
        assertThat(r.statusCode()).as(path + payload).isIn(200, 400, 404);
        if (r.statusCode() >= 400) {
          errors.add(r);
        }
      }
      for (String path : List.of("/api/v1/audit?actor=", "/api/v1/audit?action=")) {
        HttpResponse<String> r =
            http.get(path + ApiTest.enc(payload), "Authorization", "Bearer " + admin);
        assertThat(r.statusCode()).as(path + payload).isEqualTo(200);
        assertThat(json.readTree(r.body()).get("items")).isEmpty();
      }
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/suggestions/decisions"))
                  .header("Authorization", "Bearer " + admin)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          json.writeValueAsString(
                              Map.of(
                                  "decisions",
                                  List.of(
                                      Map.of(
                                          "recordId", payload,
                                          "dimension", payload,
                                          "concept", payload,
                                          "decision", "confirm"))))))
                  .build());
      assertThat(r.statusCode()).as(payload).isBetween(400, 404);
      errors.add(r);
      HttpResponse<String> signIn =
          new Browser(server.port()).signIn(payload + "@example.org", payload);
      assertThat(signIn.statusCode()).isIn(401, 429);
    }
    assertThat(app.catalog().count()).isEqualTo(count);
    assertThat(record("etsi-gr-sai-001").revision()).isGreaterThanOrEqualTo(1);
    assertThat(app.accounts().user(ADMIN)).isPresent();
    assertThat(http.get("/api/v1/standards/rfc-9110").statusCode()).isEqualTo(200);
    assertNoStackTraces();
  }

  @Test
  void oversizedBodiesAre413WithTheErrorBody() throws Exception {
    String big = "x".repeat(2_000_000);
    String admin = app.accounts().createToken(ADMIN, "big").secret();
    HttpResponse<String> jsonBody =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/suggestions/decisions"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decisions\":[\"" + big + "\"]}"))
                .build());
    assertThat(jsonBody.statusCode()).isEqualTo(413);
    assertThat(json.readTree(jsonBody.body()).get("error").get("code").asText())
        .isEqualTo("too_large");
    errors.add(jsonBody);
    Browser browser = new Browser(server.port());
    String csrf = browser.csrf("/signin");
    HttpResponse<String> form =
        browser.postForm(
            "/signin", Map.of("_csrf", csrf, "email", "a@example.org", "password", big));
    assertThat(form.statusCode()).isEqualTo(413);
    errors.add(form);
    Browser signedIn = signedIn(ADMIN);
    HttpResponse<String> review =
        signedIn.postForm(
            "/review/suggestions",
            Map.of(
                "_csrf", signedIn.csrf("/review/suggestions"), "decision", "confirm", "item", big));
    assertThat(review.statusCode()).isEqualTo(413);
    errors.add(review);
    assertNoStackTraces();
  }

  @Test
  void forgedRolesAreRefused() throws Exception {
    String[][] contributorRefused = {
      {"POST", "/api/v1/suggestions/decisions", "{\"decisions\":[]}"},
      {"GET", "/api/v1/audit", null},
      {"GET", "/admin/audit", null},
      {"GET", "/admin/import", null},
    };
    for (String[] c : contributorRefused) {
      HttpResponse<String> r = call(c[0], c[1], c[2], "Bearer " + contributorToken, null);
      assertThat(r.statusCode()).as(c[1]).isEqualTo(403);
      errors.add(r);
    }
    for (String auth :
        List.of(
            "Bearer aisx_madeUpTokenThatWasNeverIssued000000000000",
            "Bearer " + contributorToken + "x",
            "Basic YWRtaW46YWRtaW4=",
            "Bearer ")) {
      for (String path : List.of("/api/v1/me", "/api/v1/audit")) {
        HttpResponse<String> r = call("GET", path, null, auth, null);
        assertThat(r.statusCode()).as(auth + " " + path).isEqualTo(401);
        errors.add(r);
      }
    }
    // A tampered session cookie is no session: the public, who may not.
    Browser admin = signedIn(ADMIN);
    String session = admin.cookie(Access.SESSION_COOKIE);
    String tampered = (session.charAt(0) == 'A' ? "B" : "A") + session.substring(1);
    for (String cookie : List.of(tampered, "", "garbage", session + "=", "../../etc/passwd")) {
      HttpResponse<String> me = call("GET", "/api/v1/me", null, null, cookie);
      assertThat(me.statusCode()).as(cookie).isEqualTo(401);
      HttpResponse<String> audit = call("GET", "/admin/audit", null, null, cookie);
      assertThat(audit.statusCode()).as(cookie).isEqualTo(401);
      errors.add(me);
      errors.add(audit);
    }
    assertNoStackTraces();
  }

  static HttpResponse<String> call(
      String method, String path, String body, String authorization, String sessionCookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (sessionCookie != null) {
      b.header("Cookie", Access.SESSION_COOKIE + "=" + sessionCookie);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build());
  }

  @Test
  void errorAnswersNeverCarryAStackTrace() {
    errors.add(http.get("/api/v1/standards?size=%25ZZ%00"));
    errors.add(http.get("/api/v1/standards?size=99999999999999999999"));
    errors.add(http.get("/api/v1/standards/" + "x".repeat(5000)));
    errors.add(http.get("/standards/%00"));
    errors.add(
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/suggestions/decisions"))
                .header("Authorization", "Bearer " + contributorToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                .build()));
    errors.add(
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/tokens/x"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody())
                .build()));
    errors.add(http.post("/api/v1/standards", "[[[[[[[[[[[["));
    assertNoStackTraces();
  }

  static void assertNoStackTraces() {
    for (HttpResponse<String> r : errors) {
      assertThat(r.statusCode()).as(r.uri().toString()).isBetween(400, 499);
      assertThat(r.body())
          .as(r.uri() + " " + r.statusCode())
          .doesNotContain("\tat ", "at org.", "at java.", "at io.javalin")
          .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]+(Exception|Error)")
          .doesNotContain("Exception:", "NullPointer", "SQLException", "JsonParseException");
    }
  }
}
