package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.suite.Suites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standards suites over real HTTP: the API (against openapi.json), the exports and the pages. */
class SuiteWebTest {
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

  static List<String> ids(JsonNode proposal) {
    List<String> out = new ArrayList<>();
    proposal
        .get("groups")
        .forEach(g -> g.get("members").forEach(m -> out.add(m.get("id").asText())));
    return out;
  }

  @Test
  void theChatbotOfARetailBankGetsManagementRiskTransparencyAndDataQualityWork() throws Exception {
    HttpResponse<String> r =
        http.post(
            "/api/v1/suites/suggest",
            "{\"text\": \"customer-service chatbot for a retail bank\", \"vertical\": [\"finance\"]}");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode p = body(r);
    assertThat(ApiTest.validate(http, "SuggestResponse", p)).isEmpty();
    assertThat(ids(p)).contains("iso-iec-42001-2023", "iso-iec-23894-2023").doesNotHaveDuplicates();
    List<String> groups = new ArrayList<>();
    p.get("groups").forEach(g -> groups.add(g.get("concern").asText()));
    assertThat(groups).contains("transparency-explainability", "data-quality");
    // In force before drafts within each group, and every pick says why it was chosen.
    for (JsonNode g : p.get("groups")) {
      boolean draftSeen = false;
      for (JsonNode m : g.get("members")) {
        boolean coming = m.get("coming").asBoolean();
        assertThat(!coming && draftSeen).as("in force after a draft in " + g).isFalse();
        draftSeen |= coming;
        assertThat(m.get("reason").get("similarity").isNumber()).isTrue();
      }
    }
  }

  @Test
  void aDescriptionThatMeansNothingIsNotUnderstoodAndMakesNoSuite() throws Exception {
    HttpResponse<String> r =
        http.post("/api/v1/suites/suggest", "{\"text\": \"qwzx blorp fnarg\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode p = body(r);
    assertThat(ApiTest.validate(http, "SuggestResponse", p)).isEmpty();
    assertThat(p.get("understood").asBoolean()).isFalse();
    assertThat(p.get("groups")).isEmpty();

    Browser b = new Browser(server.port());
    HttpResponse<String> page =
        b.postForm("/suites", Map.of("_csrf", b.csrf("/suites/new"), "text", "qwzx blorp fnarg"));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("could not understand the description");
    // What the problems stand in the way of is the suite, in every language (the form said a
    // submission, which is something else: a proposed change to the catalogue).
    for (String[] lang :
        new String[][] {
          {"en", "before the suite can be made"},
          {"fr", "avant de créer l'ensemble"},
          {"ar", "قبل إنشاء المجموعة"}
        }) {
      HttpResponse<String> refused =
          b.postForm(
              "/suites?lang=" + lang[0],
              Map.of("_csrf", b.csrf("/suites/new"), "text", "qwzx blorp fnarg"));
      assertThat(refused.statusCode()).isEqualTo(400);
      String heading = Jsoup.parse(refused.body()).select(".error-summary h2").text();
      assertThat(heading).as(lang[0]).contains("1").contains(lang[1]);
    }
  }

  @Test
  void aRefusedSuiteFormIsShownAgainWithEverythingTheUserTypedAndChoseEscaped() throws Exception {
    Browser b = new Browser(server.port());
    Document fresh = Jsoup.parse(b.get("/suites/new").body());
    String csrf = fresh.select("input[name=_csrf]").attr("value");
    String vertical = fresh.select("select#vertical option[value~=.+]").get(1).attr("value");
    List<String> concerns =
        fresh.select("input[type=checkbox][name=concern]").stream()
            .map(e -> e.attr("value"))
            .limit(2)
            .toList();
    assertThat(concerns).hasSize(2);
    String title = "Mine <script>alert(1)</script> & \"quoted\"";
    String description = "qwzx blorp fnarg";
    List<String> fields =
        new ArrayList<>(
            List.of(
                "_csrf=" + enc(csrf),
                "text=" + enc(description),
                "title=" + enc(title),
                "vertical=" + enc(vertical)));
    concerns.forEach(c -> fields.add("concern=" + enc(c)));
    HttpResponse<String> refused =
        b.send(
            HttpRequest.newBuilder(URI.create(b.base() + "/suites"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields)))
                .build());

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).doesNotContain("<script>alert(1)");
    Document page = Jsoup.parse(refused.body());
    assertThat(page.select("textarea#text").text()).isEqualTo(description);
    assertThat(page.select("input#title").attr("value")).isEqualTo(title);
    assertThat(page.select("select#vertical option[selected]").eachAttr("value"))
        .containsExactly(vertical);
    assertThat(page.select("input[name=concern][checked]").eachAttr("value"))
        .containsExactlyElementsOf(concerns);
    // The form shown again is still the one to send.
    assertThat(page.select("form[action=/suites] input[name=_csrf]").attr("value")).isNotEmpty();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aLaneKeepingSuiteIsForSafetyAndItsReportCoversIt() throws Exception {
    String text = "lane keeping assist for passenger cars using camera-based perception";
    JsonNode p = body(http.post("/api/v1/suites/suggest", "{\"text\": \"" + text + "\"}"));
    assertThat(ApiTest.validate(http, "SuggestResponse", p)).isEmpty();
    assertThat(p.get("understood").asBoolean()).isTrue();
    List<String> groups = new ArrayList<>();
    p.get("groups").forEach(g -> groups.add(g.get("concern").asText()));
    assertThat(groups).contains("safety", "sector-specific");
    assertThat(p.get("sectors").toString()).contains("transport-mobility");

    Browser b = new Browser(server.port());
    HttpResponse<String> created =
        b.postForm("/suites", Map.of("_csrf", b.csrf("/suites/new"), "text", text));
    assertThat(created.statusCode()).isEqualTo(303);
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring("/suites/".length(), location.indexOf('?'));
    JsonNode suite = body(http.get("/api/v1/suites/" + id));
    assertThat(suite.get("concerns").toString()).contains("\"safety\"");
    List<String> covered = new ArrayList<>();
    suite
        .get("coverage")
        .get("concerns")
        .forEach(
            c -> {
              if (!c.get("members").isEmpty()) {
                covered.add(c.get("concept").asText());
              }
            });
    assertThat(covered).contains("safety");

    // Without the members that cover it, safety is a gap of the suite: it is for safety.
    List<String> safety = new ArrayList<>();
    suite
        .get("coverage")
        .get("concerns")
        .forEach(
            c -> {
              if (c.get("concept").asText().equals("safety")) {
                c.get("members").forEach(m -> safety.add(m.asText()));
              }
            });
    String suitePage = "/suites/" + id;
    for (String member : safety) {
      assertThat(
              b.postForm(
                      suitePage,
                      Map.of("_csrf", b.csrf(suitePage), "op", "remove", "member", member))
                  .statusCode())
          .isEqualTo(303);
    }
    assertThat(body(http.get("/api/v1/suites/" + id)).get("gaps").toString())
        .contains("\"safety\"");
    // The page says the gap is the suite's (the catalogue has safety work), and where to find it.
    org.jsoup.nodes.Element row =
        org.jsoup.Jsoup.parse(b.get(suitePage).body())
            .select(".coverage-table tr.gap:has(a[href=/search?concern=safety])")
            .first();
    assertThat(row).isNotNull();
    assertThat(row.text()).contains("Gap: no member of this suite covers it");
  }

  @Test
  void aSuggestionWithoutTextOrWithAnUnknownSectorIsA400NamingTheField() throws Exception {
    JsonNode e = body(http.post("/api/v1/suites/suggest", "{\"vertical\": [\"banking\"]}"));
    assertThat(ApiTest.validate(http, "Error", e)).isEmpty();
    List<String> fields = new ArrayList<>();
    e.get("error").get("details").forEach(d -> fields.add(d.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("text", "vertical[0]");

    // A misspelt field is named, not read as a suggestion for no sector.
    HttpResponse<String> misspelt =
        http.post(
            "/api/v1/suites/suggest", "{\"text\": \"bank chatbot\", \"verticals\": [\"finance\"]}");
    assertThat(misspelt.statusCode()).isEqualTo(400);
    assertThat(body(misspelt).at("/error/details/0/field").asText()).isEqualTo("verticals");
  }

  /**
   * A sector or concern named twice is named once: the proposal is the one for naming it once. A
   * concern listed twice was picked twice, the second time from what the first had left, and its
   * group came out with fewer members (privacy: 1 instead of 3).
   */
  @Test
  void aSectorOrConcernNamedTwiceGetsTheProposalOfNamingItOnce() throws Exception {
    String text = "hospital triage chatbot";
    JsonNode once =
        body(
            http.post(
                "/api/v1/suites/suggest",
                "{\"text\": \""
                    + text
                    + "\", \"vertical\": [\"health\"], \"concern\": [\"privacy\"]}"));
    HttpResponse<String> r =
        http.post(
            "/api/v1/suites/suggest",
            "{\"text\": \""
                + text
                + "\", \"vertical\": [\"health\", \"health\"],"
                + " \"concern\": [\"privacy\", \"privacy\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode twice = body(r);
    assertThat(ApiTest.validate(http, "SuggestResponse", twice)).isEmpty();
    assertThat(twice.get("verticals").toString()).isEqualTo("[\"health\"]");
    assertThat(twice.get("concerns").toString()).isEqualTo("[\"privacy\"]");
    assertThat(twice.get("sectors")).isEqualTo(once.get("sectors"));
    assertThat(twice.get("groups")).isEqualTo(once.get("groups"));
  }

  /**
   * On an Arabic (right-to-left) page the suite's share link, edit key and edit link are shown left
   * to right: a key ending in "-" or "_" or a link ending in one is not shown with it moved to the
   * front, where someone copying it by eye would take it wrong.
   */
  @Test
  void theShareLinkTheEditKeyAndTheEditLinkReadLeftToRightOnAnArabicPage() {
    Browser b = new Browser(server.port());
    HttpResponse<String> created =
        b.postForm(
            "/suites?lang=ar",
            Map.of("_csrf", b.csrf("/suites/new?lang=ar"), "text", "chatbot for a retail bank"));
    assertThat(created.statusCode()).isEqualTo(303);
    Document page =
        Jsoup.parse(b.get(created.headers().firstValue("Location").orElseThrow()).body());
    assertThat(page.select("html").attr("dir")).isEqualTo("rtl");
    assertThat(page.select("#share-link").attr("dir")).isEqualTo("ltr");
    assertThat(page.select("#edit-key").attr("dir")).isEqualTo("ltr");
    assertThat(page.select("#edit-link").attr("dir")).isEqualTo("ltr");
    assertThat(page.select("#edit-link").text())
        .endsWith("?key=" + page.select("#edit-key").text());
  }

  /**
   * A suite made by a visitor, holding ISO/IEC 42001: its id and the {@code Authorization} value of
   * its edit key.
   */
  record Made(String id, String key) {}

  Made anonymousSuite(String title) throws Exception {
    HttpResponse<String> created =
        http.post(
            "/api/v1/suites",
            "{\"title\": \"" + title + "\", \"members\": [{\"id\": \"iso-iec-42001-2023\"}]}");
    assertThat(created.statusCode()).isEqualTo(201);
    return new Made(
        body(created).get("id").asText(), "Suite-Key " + body(created).get("editKey").asText());
  }

  /**
   * If-Match given on two lines names two versions, as {@code If-Match: "1", "2"} does, and is
   * refused as that is, naming the header: the first line was taken and the second ignored, so the
   * change was made although the client had also named a version it was not at.
   */
  @Test
  void aSuiteChangeWithIfMatchGivenTwiceIsA400NamingTheHeaderAndChangesNothing() throws Exception {
    Made made = anonymousSuite("Twice matched");
    String id = made.id();
    String key = made.key();
    String change =
        "{\"title\": \"Twice matched, 2\", \"members\": [{\"id\": \"iso-iec-42001-2023\"}]}";
    HttpResponse<String> twice =
        send(
            "PUT",
            "/api/v1/suites/" + id,
            change,
            "Authorization",
            key,
            "If-Match",
            "\"1\"",
            "If-Match",
            "\"2\"");
    assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
    assertThat(body(twice).at("/error/details/0/field").asText()).isEqualTo("If-Match");
    JsonNode suite = body(http.get("/api/v1/suites/" + id));
    assertThat(suite.get("version").asInt()).isEqualTo(1);
    assertThat(suite.get("title").asText()).isEqualTo("Twice matched");
  }

  /**
   * A change of a suite without If-Match, or on a version that moved on, says so of the suite and
   * its version, in the language asked for: not of "the record" and its "revision".
   */
  @Test
  void aSuiteChangeWithoutOrOnAStaleVersionSpeaksOfTheSuiteAndItsVersion() throws Exception {
    Made made = anonymousSuite("Stale suite");
    String id = made.id();
    String key = made.key();
    String change =
        "{\"title\": \"Stale suite, 2\", \"members\": [{\"id\": \"iso-iec-42001-2023\"}]}";
    assertThat(
            send("PUT", "/api/v1/suites/" + id, change, "Authorization", key, "If-Match", "\"1\"")
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> unconditional =
        send("PUT", "/api/v1/suites/" + id, change, "Authorization", key);
    assertThat(unconditional.statusCode()).isEqualTo(428);
    assertThat(body(unconditional).at("/error/message").asText())
        .contains("suite")
        .contains("version")
        .doesNotContain("record");

    HttpResponse<String> stale =
        send("PUT", "/api/v1/suites/" + id, change, "Authorization", key, "If-Match", "\"1\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(body(stale).at("/error/message").asText())
        .startsWith("The suite is at version 2, not at version 1 that the change was based on.")
        .endsWith("Reload it and apply the change again.");

    HttpResponse<String> french =
        send(
            "PUT",
            "/api/v1/suites/" + id + "?lang=fr",
            change,
            "Authorization",
            key,
            "If-Match",
            "\"1\"",
            "Accept-Language",
            "fr");
    assertThat(french.statusCode()).isEqualTo(412);
    assertThat(body(french).at("/error/message").asText())
        .startsWith("L'ensemble est à la version 2")
        .doesNotContain("notice");
  }

  @Test
  void anAnonymousSuiteIsChangedWithItsKeyAndIfMatchOnly() throws Exception {
    HttpResponse<String> created =
        http.post(
            "/api/v1/suites",
            "{\"title\": \"Bank chatbot\", \"purpose\": \"compliance\", \"members\":"
                + " [{\"id\": \"iso-iec-42001-2023\", \"note\": \"start here\"}]}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode s = body(created);
    assertThat(ApiTest.validate(http, "Suite", s)).isEmpty();
    String id = s.get("id").asText();
    String key = s.get("editKey").asText();
    assertThat(key).isNotBlank();
    assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
    // A read's ETag is the version and a digest of the answer (the members as they are now): a
    // 304 to If-None-Match with it, and If-Match takes it.
    HttpResponse<String> reading = http.get("/api/v1/suites/" + id);
    String readTag = reading.headers().firstValue("ETag").orElseThrow();
    assertThat(readTag).matches("\"1-[0-9a-f]{16}\"");
    assertThat(http.get("/api/v1/suites/" + id, "If-None-Match", "W/" + readTag).statusCode())
        .isEqualTo(304);
    assertThat(http.get("/api/v1/suites/" + id, "If-None-Match", "\"1\"").statusCode())
        .isEqualTo(200);
    HttpResponse<String> csv = http.get("/api/v1/suites/" + id + "?format=csv");
    assertThat(csv.headers().firstValue("ETag").orElseThrow())
        .startsWith("\"1-")
        .isNotEqualTo(readTag);
    // The key is shown once: reading the suite does not show it.
    JsonNode read = body(reading);
    assertThat(read.get("editKey").isNull()).isTrue();
    assertThat(read.get("members").get(0).get("status").asText()).isEqualTo("in-force");
    String change =
        "{\"title\": \"Bank chatbot v2\", \"members\": [{\"id\": \"iso-iec-42001-2023\"},"
            + " {\"id\": \"iso-iec-23894-2023\"}]}";
    assertThat(send("PUT", "/api/v1/suites/" + id, change).statusCode()).isEqualTo(401);
    assertThat(
            send("PUT", "/api/v1/suites/" + id, change, "Authorization", "Suite-Key wrong")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send("PUT", "/api/v1/suites/" + id, change, "Authorization", "Suite-Key " + key)
                .statusCode())
        .isEqualTo(428);
    assertThat(
            send(
                    "PUT",
                    "/api/v1/suites/" + id,
                    change,
                    "Authorization",
                    "Suite-Key " + key,
                    "If-Match",
                    "\"7\"")
                .statusCode())
        .isEqualTo(412);
    HttpResponse<String> put =
        send(
            "PUT",
            "/api/v1/suites/" + id,
            change,
            "Authorization",
            "Suite-Key " + key,
            "If-Match",
            readTag);
    assertThat(put.statusCode()).isEqualTo(200);
    JsonNode after = body(put);
    assertThat(ApiTest.validate(http, "Suite", after)).isEmpty();
    assertThat(after.get("title").asText()).isEqualTo("Bank chatbot v2");
    assertThat(after.get("members")).hasSize(2);
    assertThat(put.headers().firstValue("ETag")).contains("\"2\"");
    List<String> covering = new ArrayList<>();
    after
        .get("coverage")
        .get("concerns")
        .forEach(
            c -> {
              if (c.get("concept").asText().equals("risk-management")) {
                c.get("members").forEach(m -> covering.add(m.asText()));
              }
            });
    assertThat(covering).contains("iso-iec-23894-2023");
    assertThat(
            send("DELETE", "/api/v1/suites/" + id, null, "Authorization", "Suite-Key " + key)
                .statusCode())
        .isEqualTo(204);
    assertThat(http.get("/api/v1/suites/" + id).statusCode()).isEqualTo(404);
  }

  /**
   * Two clients of one suite: one changes it, the other, still holding the version it read, asks to
   * delete it with that version in If-Match. QA found the deletion went through (204), so the
   * change the second client never saw was lost with the suite; it is 412 as a stale PUT is, and
   * the suite stays. Without If-Match, or with the current version, it is deleted.
   */
  @Test
  void aDeletionBasedOnAVersionThatMovedOnIsA412AndTheSuiteStays() throws Exception {
    // Made by a signed-in owner: the class's anonymous suites are many for the limit per address.
    Fixtures.user(app, "two-clients@aisx.example", org.aisx.account.Role.CONTRIBUTOR, "IEEE");
    String key =
        "Bearer " + app.accounts().createToken("two-clients@aisx.example", "test").secret();
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/suites",
            "{\"title\": \"Two clients\", \"members\": [{\"id\": \"iso-iec-42001-2023\"}]}",
            "Authorization",
            key);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = body(created).get("id").asText();
    String readTag = http.get("/api/v1/suites/" + id).headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> changed =
        send(
            "PUT",
            "/api/v1/suites/" + id,
            "{\"title\": \"Two clients, changed\", \"members\": [{\"id\": \"iso-iec-42001-2023\","
                + " \"note\": \"the other client's note\"}]}",
            "Authorization",
            key,
            "If-Match",
            readTag);
    assertThat(changed.statusCode()).isEqualTo(200);

    HttpResponse<String> stale =
        send("DELETE", "/api/v1/suites/" + id, null, "Authorization", key, "If-Match", readTag);
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
    assertThat(ApiTest.validate(http, "Error", body(stale))).isEmpty();
    assertThat(stale.headers().firstValue("ETag")).contains("\"2\"");
    assertThat(body(http.get("/api/v1/suites/" + id)).at("/members/0/note").asText())
        .isEqualTo("the other client's note");

    assertThat(
            send("DELETE", "/api/v1/suites/" + id, null, "Authorization", key, "If-Match", "\"2\"")
                .statusCode())
        .isEqualTo(204);
    assertThat(http.get("/api/v1/suites/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void aPublishedSuiteIsNoLongerChangedOrDeletedWithItsAnonymousKey() throws Exception {
    JsonNode s =
        body(
            http.post(
                "/api/v1/suites",
                "{\"title\": \"Lane keeping\", \"members\": [{\"id\":"
                    + " \"iso-iec-42001-2023\"}]}"));
    String id = s.get("id").asText();
    String key = s.get("editKey").asText();
    Fixtures.user(app, "publisher@aisx.example", org.aisx.account.Role.COORDINATOR);
    String coordinator =
        "Bearer " + app.accounts().createToken("publisher@aisx.example", "test").secret();
    assertThat(
            send("POST", "/api/v1/suites/" + id + "/publish", null, "Authorization", coordinator)
                .statusCode())
        .isEqualTo(200);
    String defaced = "{\"title\": \"Buy cheap pills\", \"members\": []}";
    HttpResponse<String> put =
        send(
            "PUT",
            "/api/v1/suites/" + id,
            defaced,
            "Authorization",
            "Suite-Key " + key,
            "If-Match",
            "\"2\"");
    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(body(put).at("/error/message").asText()).contains("published");
    assertThat(
            send("DELETE", "/api/v1/suites/" + id, null, "Authorization", "Suite-Key " + key)
                .statusCode())
        .isEqualTo(403);
    assertThat(body(http.get("/api/v1/suites/" + id)).get("title").asText())
        .isEqualTo("Lane keeping");
    // The page in the browser that holds the key says why it cannot edit, and offers no form.
    String page = http.get("/suites/" + id, "Cookie", SuiteApi.KEY_COOKIE + id + "=" + key).body();
    assertThat(page).contains("id=\"key-refused\"").doesNotContain("name=\"op\"");
    // A coordinator still may.
    assertThat(
            send(
                    "DELETE",
                    "/api/v1/suites/" + id,
                    null,
                    "Authorization",
                    coordinator,
                    "If-Match",
                    "\"2\"")
                .statusCode())
        .isEqualTo(204);
  }

  /**
   * The browser's key cookie, which it sends by itself, does not change or delete a suite through
   * the API without the CSRF token that the API asks of no caller without a session (QA: DELETE
   * /api/v1/suites/ID with the cookie alone deleted the suite); the key given as {@code Suite-Key}
   * does, and the pages' forms still take the cookie with their CSRF token.
   */
  @Test
  void theKeyCookieAloneChangesNothingThroughTheApi() throws Exception {
    JsonNode created = body(http.post("/api/v1/suites", "{\"title\": \"Cookie only\"}"));
    String id = created.get("id").asText();
    String cookie = SuiteApi.KEY_COOKIE + id + "=" + created.get("editKey").asText();
    HttpResponse<String> put =
        send(
            "PUT",
            "/api/v1/suites/" + id,
            "{\"title\": \"Taken\"}",
            "Cookie",
            cookie,
            "If-Match",
            "\"1\"");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(401);
    HttpResponse<String> delete = send("DELETE", "/api/v1/suites/" + id, null, "Cookie", cookie);
    assertThat(delete.statusCode()).as(delete.body()).isEqualTo(401);
    assertThat(body(http.get("/api/v1/suites/" + id)).get("title").asText())
        .isEqualTo("Cookie only");
    assertThat(
            send(
                    "DELETE",
                    "/api/v1/suites/" + id,
                    null,
                    "Authorization",
                    "Suite-Key " + created.get("editKey").asText())
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void anInvalidSuiteIsA400NamingEachField() throws Exception {
    HttpResponse<String> r =
        http.post(
            "/api/v1/suites",
            "{\"members\": [{\"id\": \"no-such-record\"}, {\"note\": \"x\"}],"
                + " \"concerns\": [\"nope\"], \"vertical\": [\"finance\"]}");
    assertThat(r.statusCode()).isEqualTo(400);
    List<String> fields = new ArrayList<>();
    body(r).get("error").get("details").forEach(d -> fields.add(d.get("field").asText()));
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "title", "members[0].id", "members[1].id", "concerns[0]", "vertical");
    // A misspelt field is named with the fields a suite has, in the caller's language, rather than
    // making a suite for no sector (QA: "vertical", as the suggestion's request names it).
    HttpResponse<String> fr =
        send(
            "POST",
            "/api/v1/suites",
            "{\"title\": \"x\", \"vertical\": [\"finance\"]}",
            "Accept-Language",
            "fr");
    assertThat(fr.statusCode()).isEqualTo(400);
    assertThat(body(fr).at("/error/details/0/field").asText()).isEqualTo("vertical");
    assertThat(body(fr).at("/error/details/0/problem").asText())
        .startsWith("champ inconnu")
        .contains("verticals");
    // The suggestion's request says the same of its own fields, in the caller's language too.
    HttpResponse<String> ask =
        send(
            "POST",
            "/api/v1/suites/suggest",
            "{\"text\": \"a chatbot for a bank\", \"verticals\": [\"finance\"]}",
            "Accept-Language",
            "fr");
    assertThat(ask.statusCode()).isEqualTo(400);
    assertThat(body(ask).at("/error/details/0/problem").asText())
        .startsWith("champ inconnu")
        .contains("vertical");
  }

  /**
   * Every problem of a suite's members is said in the caller's language (QA: "not in the
   * catalogue", "listed twice", "not a concern group" and "must be an object with an id" came in
   * English in a French answer).
   */
  @Test
  void aSuitesProblemsAreSaidInTheCallersLanguage() throws Exception {
    HttpResponse<String> r =
        send(
            "POST",
            "/api/v1/suites",
            "{\"title\": \"x\", \"verticals\": \"finance\", \"members\": [{\"id\": \"nope\"},"
                + " {\"id\": \"iso-iec-42001-2023\"}, {\"id\": \"iso-iec-42001-2023\"},"
                + " {\"id\": \"iso-iec-22989-2022\", \"group\": \"zzz\"}, 5]}",
            "Accept-Language",
            "fr");
    assertThat(r.statusCode()).isEqualTo(400);
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    body(r)
        .at("/error/details")
        .forEach(d -> problems.put(d.get("field").asText(), d.get("problem").asText()));
    assertThat(problems)
        .containsEntry("verticals", "doit être une liste de concepts «\u202fvertical\u202f»")
        .containsEntry("members[0].id", "n'est pas dans le catalogue")
        .containsEntry("members[2].id", "figure deux fois")
        .containsEntry("members[3].group", "n'est pas un groupe de sujets transversaux")
        .containsEntry("members[4]", "doit être un objet avec un id");
  }

  @Test
  void theCuratedSuitesArePublishedWithTheirAttributionAndMissingMembersFlagged() throws Exception {
    JsonNode list = body(http.get("/api/v1/suites"));
    assertThat(ApiTest.validate(http, "SuiteList", list)).isEmpty();
    List<String> ids = new ArrayList<>();
    list.get("items").forEach(i -> ids.add(i.get("id").asText()));
    assertThat(ids).contains("eu-ai-act-high-risk", "ai-in-health");
    JsonNode eu = body(http.get("/api/v1/suites/eu-ai-act-high-risk"));
    assertThat(eu.get("attribution").asText()).contains("CC BY 4.0", "Adam Leon Smith");
    List<String> drafts = new ArrayList<>();
    eu.get("members")
        .forEach(
            m -> {
              if (m.get("identifier").asText().startsWith("prEN ")) {
                assertThat(m.get("inCatalogue").asBoolean()).as(m.toString()).isTrue();
                drafts.add(m.get("identifier").asText());
              }
            });
    // The bundled corpus holds the seven CEN-CENELEC drafts since 2026-12-04 (a member missing
    // from the catalogue is flagged, not dropped: SuiteStoreContract covers that case).
    assertThat(drafts).hasSize(7).contains("prEN 18228", "prEN 18286");
    assertThat(body(http.get("/api/v1/suites/eu-ai-act-high-risk/history")).get("items"))
        .hasSize(1);
    String page = http.get("/suites").body();
    assertThat(page).contains("EU AI Act: harmonised standards for high-risk AI systems");
  }

  @Test
  void withoutScriptAnAnonymousVisitorBuildsASuiteAndAShareLinkOpensItReadOnly() throws Exception {
    Browser b = new Browser(server.port());
    String csrf = b.csrf("/suites/new");
    HttpResponse<String> created =
        b.postForm(
            "/suites", Map.of("_csrf", csrf, "text", "customer-service chatbot for a retail bank"));
    assertThat(created.statusCode()).isEqualTo(303);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/suites/[A-Za-z0-9_-]+\\?created=1");
    String id = location.substring("/suites/".length(), location.indexOf('?'));
    String page = b.get(location).body();
    assertThat(page).contains("ISO/IEC 42001", "ISO/IEC 23894", "id=\"edit-key\"");
    // Remove a member, add one from the search's "Add to suite".
    String suitePage = "/suites/" + id;
    csrf = b.csrf(suitePage);
    assertThat(
            b.postForm(
                    suitePage,
                    Map.of("_csrf", csrf, "op", "remove", "member", "iso-iec-23894-2023"))
                .statusCode())
        .isEqualTo(303);
    assertThat(b.get("/search?q=42005").body()).contains("/suites/add?record=iso-iec-42005-2025");
    String add = "/suites/add?record=iso-iec-42005-2025";
    assertThat(b.get(add).body()).contains("value=\"" + id + "\"");
    assertThat(
            b.postForm(
                    "/suites/add",
                    Map.of("_csrf", b.csrf(add), "suite", id, "record", "iso-iec-42005-2025"))
                .statusCode())
        .isEqualTo(303);
    JsonNode now = body(http.get("/api/v1/suites/" + id));
    List<String> members = new ArrayList<>();
    now.get("members").forEach(m -> members.add(m.get("id").asText()));
    assertThat(members).contains("iso-iec-42005-2025").doesNotContain("iso-iec-23894-2023");
    // The suite page's "add a record" takes an identifier as people type it.
    csrf = b.csrf(suitePage);
    assertThat(
            b.postForm(
                    suitePage, Map.of("_csrf", csrf, "op", "add", "record", "ISO/IEC 22989:2022"))
                .statusCode())
        .isEqualTo(303);
    assertThat(body(http.get("/api/v1/suites/" + id)).toString()).contains("iso-iec-22989-2022");
    // The same record again is said to be there already, and the suite's version does not move.
    int version = body(http.get("/api/v1/suites/" + id)).get("version").asInt();
    HttpResponse<String> again =
        b.postForm(
            suitePage,
            Map.of("_csrf", b.csrf(suitePage), "op", "add", "record", "ISO/IEC 22989:2022"));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("ISO/IEC 22989:2022", "is in this suite already");
    assertThat(body(http.get("/api/v1/suites/" + id)).get("version").asInt()).isEqualTo(version);
    // A first member moved up changes nothing: no new version either.
    String first = body(http.get("/api/v1/suites/" + id)).get("members").get(0).get("id").asText();
    assertThat(
            b.postForm(suitePage, Map.of("_csrf", b.csrf(suitePage), "op", "up", "member", first))
                .statusCode())
        .isEqualTo(303);
    assertThat(body(http.get("/api/v1/suites/" + id)).get("version").asInt()).isEqualTo(version);
    HttpResponse<String> unknown =
        b.postForm(
            suitePage, Map.of("_csrf", b.csrf(suitePage), "op", "add", "record", "ISO 99999"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("ISO 99999");
    // Another browser opens the share link read-only and cannot post to it.
    Browser other = new Browser(server.port());
    String shared = other.get(suitePage).body();
    assertThat(shared).contains("ISO/IEC 42005").doesNotContain("name=\"op\"");
    String otherCsrf = other.csrf("/suites/new");
    assertThat(
            other
                .postForm(suitePage, Map.of("_csrf", otherCsrf, "op", "rename", "title", "mine"))
                .statusCode())
        .isEqualTo(401);
    String print = other.get(suitePage + "/print").body();
    assertThat(print).contains("ISO/IEC 42005", "print.css", "ISO/IEC 42001");
  }

  @Test
  void aMemberSupersededByALaterImportShowsAnAlertNamingItsSuccessor() throws Exception {
    JsonNode s =
        body(
            http.post(
                "/api/v1/suites",
                "{\"title\": \"Watch\", \"members\": [{\"id\": \"iso-iec-8183-2023\"}]}"));
    String id = s.get("id").asText();
    Fixtures.load(app, "/fixtures/suites/iso-iec-8183-2027.json");
    JsonNode after = body(http.get("/api/v1/suites/" + id));
    assertThat(after.get("members").get(0).get("status").asText()).isEqualTo("superseded");
    JsonNode alert = after.get("alerts").get(0);
    assertThat(alert.get("kind").asText()).isEqualTo("superseded");
    assertThat(alert.get("successor").get("identifier").asText()).isEqualTo("ISO/IEC 8183:2027");
    String page = http.get("/suites/" + id).body();
    assertThat(page).contains("ISO/IEC 8183:2027");
    String feed = http.get("/feeds/suites/" + id + ".atom").body();
    assertThat(feed).contains("<feed", "ISO/IEC 8183:2023");
  }

  /**
   * A member withdrawn since it was added raises its alert and no longer covers its concern: the
   * concern it alone covered is a gap (QA: the withdrawn standard still counted as covering it, so
   * the suite showed no gap and the coverage table listed the withdrawn record).
   */
  @Test
  void aWithdrawnMemberCoversNothingSoTheConcernItAloneCoveredIsAGap() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode n = json.createObjectNode();
    n.put("identifier", "QA SAFE 1:2020");
    n.putObject("title").put("en", "Safety of widgets with artificial intelligence");
    n.put("sdo", "QA");
    n.put("type", "international-standard");
    n.put("status", "in-force");
    n.putArray("concerns").add("safety");
    org.aisx.catalog.Standard r =
        app.catalog().save(app.reader().read(n), "test", "fixture", null).record();
    String id =
        body(http.post(
                "/api/v1/suites",
                "{\"title\": \"Gap\", \"concerns\": [\"safety\"], \"members\": [{\"id\": \""
                    + r.id()
                    + "\"}]}"))
            .get("id")
            .asText();
    JsonNode before = body(http.get("/api/v1/suites/" + id));
    assertThat(coverageOf(before, "safety")).isEqualTo("[\"" + r.id() + "\"]");
    assertThat(before.get("gaps").toString()).doesNotContain("safety");

    app.catalog()
        .save(
            r.toBuilder().status(org.aisx.catalog.Status.WITHDRAWN).build(),
            "test",
            "fixture",
            null);
    JsonNode after = body(http.get("/api/v1/suites/" + id));
    assertThat(after.get("alerts").get(0).get("kind").asText()).isEqualTo("withdrawn");
    assertThat(coverageOf(after, "safety")).isEqualTo("[]");
    assertThat(after.get("gaps").toString()).contains("safety");
    Document page = Jsoup.parse(http.get("/suites/" + id).body());
    assertThat(page.select(".coverage-table tr.gap:has(a[href=/search?concern=safety])"))
        .isNotEmpty();
  }

  static String coverageOf(JsonNode suite, String concern) {
    for (JsonNode c : suite.get("coverage").get("concerns")) {
      if (c.get("concept").asText().equals(concern)) {
        return c.get("members").toString();
      }
    }
    return null;
  }

  @Test
  void anAlertIsASentenceOfItsLanguageNotAStatusLabelPastedIn() throws Exception {
    Fixtures.load(app, "/fixtures/suites/iso-iec-8183-2027.json");
    String id =
        body(http.post(
                "/api/v1/suites",
                "{\"title\": \"Alerts\", \"members\": [{\"id\": \"iso-iec-8183-2023\"}]}"))
            .get("id")
            .asText();
    Map<String, String> expected =
        Map.of(
            "en", "ISO/IEC 8183:2023 has been superseded. Its successor is ISO/IEC 8183:2027.",
            "fr", "ISO/IEC 8183:2023 a été remplacée. Son successeur est ISO/IEC 8183:2027.",
            "es", "ISO/IEC 8183:2023 ha sido sustituida. Su sucesor es ISO/IEC 8183:2027.",
            "ru", "Документ ISO/IEC 8183:2023 заменён. Преемник — ISO/IEC 8183:2027.",
            "zh", "ISO/IEC 8183:2023 已被替代。 其后继为 ISO/IEC 8183:2027。",
            "ar", "استُبدل ISO/IEC 8183:2023. وخلفه ISO/IEC 8183:2027.");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String alerts =
          Jsoup.parse(http.get("/suites/" + id + "?lang=" + e.getKey()).body())
              .select("section.alerts li")
              .text();
      assertThat(alerts)
          .as(e.getKey())
          .contains(e.getValue())
          .doesNotContain("Superseded", "Remplacée", "Sustituida");
    }
  }

  /**
   * On an Arabic suite page the identifiers an alert's sentences name, and those the swap button
   * and the members' move and remove buttons name, are isolated from the Arabic words around them:
   * each a {@code bdi} in the text, between FSI and PDI in an {@code aria-label}; the English
   * page's labels carry no isolates.
   */
  @Test
  void anArabicSuitePageIsolatesTheIdentifiersItsSentencesAndLabelsName() throws Exception {
    Fixtures.load(app, "/fixtures/suites/iso-iec-8183-2027.json");
    JsonNode s =
        body(
            http.post(
                "/api/v1/suites",
                "{\"title\": \"Isolated\", \"members\": [{\"id\": \"iso-iec-8183-2023\"}]}"));
    String id = s.get("id").asText();
    Browser b = new Browser(server.port());
    b.get("/suites/" + id + "?key=" + s.get("editKey").asText());
    Document ar = Jsoup.parse(b.get("/suites/" + id + "?lang=ar").body());
    org.jsoup.nodes.Element alert = ar.selectFirst("section.alerts li");
    assertThat(alert).isNotNull();
    assertThat(alert.select("bdi").eachText())
        .containsExactly("ISO/IEC 8183:2023", "ISO/IEC 8183:2027", "ISO/IEC 8183:2027");
    assertThat(alert.selectFirst("button").select("bdi").text()).isEqualTo("ISO/IEC 8183:2027");
    assertThat(ar.select(".member-actions button[aria-label]").eachAttr("aria-label"))
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).contains("\u2068ISO/IEC 8183:2023\u2069"));
    Document en = Jsoup.parse(b.get("/suites/" + id + "?lang=en").body());
    assertThat(en.select(".member-actions button[aria-label]").eachAttr("aria-label"))
        .containsExactly(
            "Move ISO/IEC 8183:2023 up", "Move ISO/IEC 8183:2023 down", "Remove ISO/IEC 8183:2023");
  }

  @Test
  void anonymousCreationIsLimitedPerAddress() {
    // From an address of its own, so that the other tests' suites do not count.
    Http flood =
        new Http("http://127.0.0.2:" + server.port(), java.net.http.HttpClient.newHttpClient());
    int status = 0;
    for (int i = 0; i <= SuiteApi.ANONYMOUS_PER_ADDRESS && status != 429; i++) {
      status = flood.post("/api/v1/suites", "{\"title\": \"flood " + i + "\"}").statusCode();
    }
    assertThat(status).isEqualTo(429);
  }

  /**
   * A description of {@code length} Chinese characters, as a person may write one: with a
   * footnote's asterisks, which are no search syntax to them.
   */
  static String chineseDescription(int length) {
    String[] parts = {
      "我们是一家零售银行，正在为客户服务部署一个人工智能聊天机器人。",
      "系统回答账户、贷款和信用卡方面的问题，并把复杂的请求转给工作人员。",
      "我们需要管理风险，保证决策透明，保护个人数据，并检查训练数据的质量。",
      "监管机构要求我们记录模型的开发过程、测试结果以及上线后的监测情况。",
      "聊天机器人还要对老年人和残障人士友好，界面必须清楚易懂。",
      "我们希望了解哪些国际标准适用于这种 AI* 系统，以及如何证明符合要求。",
      "*注：此处的 AI 系统包括模型、数据和运营流程。"
    };
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < length; i++) {
      text.append(parts[i % parts.length]);
    }
    return text.substring(0, length);
  }

  @Test
  void aLongChineseDescriptionOnTheSuitePageIsAcceptedNotRefusedOnAFieldTheUserNeverSaw()
      throws Exception {
    Browser b = new Browser(server.port());
    String csrf = b.csrf("/suites/new?lang=zh");
    HttpResponse<String> created =
        b.postForm("/suites?lang=zh", Map.of("_csrf", csrf, "text", chineseDescription(600)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
    String location = created.headers().firstValue("Location").orElseThrow();
    String page = b.get(location).body();
    assertThat(page).contains("ISO/IEC 42001");
  }

  /** A bearer token for a new account of {@code role} (bodies for a contributor). */
  static String bearer(String email, org.aisx.account.Role role, String... bodies) {
    Fixtures.user(app, email, role, bodies);
    return "Bearer " + app.accounts().createToken(email, "test").secret();
  }

  @Test
  void aChangeToAPublishedSuiteIsADraftThePublicDoesNotSeeUntilACoordinatorPublishesIt()
      throws Exception {
    String owner = bearer("draft-owner@aisx.example", org.aisx.account.Role.CONTRIBUTOR, "IEEE");
    String coordinator = bearer("draft-publisher@aisx.example", org.aisx.account.Role.COORDINATOR);
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/suites",
            "{\"title\": \"Retail bank chatbot\", \"members\": [{\"id\":"
                + " \"iso-iec-42001-2023\"}]}",
            "Authorization",
            owner);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = body(created).get("id").asText();
    assertThat(
            send("POST", "/api/v1/suites/" + id + "/publish", null, "Authorization", coordinator)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> spam =
        send(
            "PUT",
            "/api/v1/suites/" + id,
            "{\"title\": \"Buy cheap pills\", \"members\": []}",
            "Authorization",
            owner,
            "If-Match",
            "\"2\"");
    assertThat(spam.statusCode()).as(spam.body()).isEqualTo(200);
    assertThat(ApiTest.validate(http, "Suite", body(spam))).isEmpty();
    assertThat(body(spam).get("unpublishedChanges").asBoolean()).isTrue();

    // The public listing, the public view, the pages, the exports and the feed: as published.
    JsonNode listed = null;
    for (JsonNode item : body(http.get("/api/v1/suites")).get("items")) {
      if (item.get("id").asText().equals(id)) {
        listed = item;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.get("title").asText()).isEqualTo("Retail bank chatbot");
    assertThat(listed.get("members").asInt()).isEqualTo(1);
    JsonNode publicView = body(http.get("/api/v1/suites/" + id));
    assertThat(ApiTest.validate(http, "Suite", publicView)).isEmpty();
    assertThat(publicView.get("title").asText()).isEqualTo("Retail bank chatbot");
    assertThat(publicView.get("members")).hasSize(1);
    assertThat(publicView.get("unpublishedChanges").asBoolean()).isFalse();
    assertThat(http.get("/suites").body()).contains("Retail bank chatbot").doesNotContain("pills");
    assertThat(http.get("/suites/" + id).body())
        .contains("Retail bank chatbot")
        .doesNotContain("pills");
    assertThat(http.get("/suites/" + id + "/print").body()).doesNotContain("pills");
    assertThat(http.get("/api/v1/suites/" + id + "?format=csv").body()).contains("42001");
    assertThat(http.get("/feeds/suites/" + id + ".atom").body()).doesNotContain("pills");

    // Its editors see the draft, and the page says the public does not yet.
    JsonNode ownView = body(http.get("/api/v1/suites/" + id, "Authorization", owner));
    assertThat(ownView.get("title").asText()).isEqualTo("Buy cheap pills");
    assertThat(ownView.get("unpublishedChanges").asBoolean()).isTrue();
    assertThat(ownView.get("publishedVersion").asInt()).isEqualTo(1);
    Document ownPage = Jsoup.parse(http.get("/suites/" + id, "Authorization", owner).body());
    assertThat(ownPage.select("h1#suite-title").text()).isEqualTo("Buy cheap pills");
    assertThat(ownPage.select("#unpublished-changes").text()).contains("publication 1");
    Document coordinatorPage =
        Jsoup.parse(http.get("/suites/" + id, "Authorization", coordinator).body());
    assertThat(coordinatorPage.select("#unpublished-changes")).hasSize(1);

    // Published again by a coordinator, the change is public.
    JsonNode republished =
        body(send("POST", "/api/v1/suites/" + id + "/publish", null, "Authorization", coordinator));
    assertThat(republished.get("publishedVersion").asInt()).isEqualTo(2);
    assertThat(body(http.get("/api/v1/suites/" + id)).get("title").asText())
        .isEqualTo("Buy cheap pills");
    assertThat(
            body(http.get("/api/v1/suites/" + id, "Authorization", owner))
                .get("unpublishedChanges")
                .asBoolean())
        .isFalse();
  }

  @Test
  void swappingForTheSuccessorSaysWhatItReplacesAndDropsAGroupTheSuccessorDoesNotCarry()
      throws Exception {
    Fixtures.load(app, "/fixtures/suites/iso-iec-8183-2027.json");
    JsonNode s =
        body(
            http.post(
                "/api/v1/suites",
                "{\"title\": \"Swap\", \"members\": [{\"id\": \"iso-iec-8183-2023\","
                    + " \"note\": \"Suggested: matches service; 54 % close\", \"group\":"
                    + " \"environmental-sustainability\"}]}"));
    String id = s.get("id").asText();
    Browser b = new Browser(server.port());
    b.get("/suites/" + id + "?key=" + s.get("editKey").asText());
    String suitePage = "/suites/" + id;
    HttpResponse<String> swapped =
        b.postForm(
            suitePage,
            Map.of(
                "_csrf",
                b.csrf(suitePage),
                "op",
                "swap",
                "member",
                "iso-iec-8183-2023",
                "successor",
                "iso-iec-8183-2027"));
    assertThat(swapped.statusCode()).isEqualTo(303);
    JsonNode after = body(http.get("/api/v1/suites/" + id));
    JsonNode member = after.get("members").get(0);
    assertThat(member.get("id").asText()).isEqualTo("iso-iec-8183-2027");
    // What it replaces is a fact; the old member's typed note stays as typed, about the old one.
    assertThat(member.get("replaces").asText()).isEqualTo("ISO/IEC 8183:2023");
    assertThat(member.get("note").asText()).isEqualTo("Suggested: matches service; 54 % close");
    assertThat(
            SuiteExportsWebTest.csvRows(
                    http.get("/api/v1/suites/" + id + "?format=csv&lang=en").body())
                .toString())
        .contains(
            "Replaces ISO/IEC 8183:2023. Note on ISO/IEC 8183:2023: Suggested: matches service;"
                + " 54 % close");
    assertThat(member.get("group").asText()).isNotEqualTo("environmental-sustainability");
    for (JsonNode c : after.get("coverage").get("concerns")) {
      if (c.get("concept").asText().equals("environmental-sustainability")) {
        assertThat(c.get("members").toString()).doesNotContain("iso-iec-8183-2027");
      }
    }
    // In the page's language.
    JsonNode again =
        body(
            http.post(
                "/api/v1/suites",
                "{\"title\": \"Swap fr\", \"members\": [{\"id\": \"iso-iec-8183-2023\"}]}"));
    String frPage = "/suites/" + again.get("id").asText();
    b.get(frPage + "?key=" + again.get("editKey").asText());
    b.postForm(
        frPage + "?lang=fr",
        Map.of(
            "_csrf",
            b.csrf(frPage),
            "op",
            "swap",
            "member",
            "iso-iec-8183-2023",
            "successor",
            "iso-iec-8183-2027"));
    // Swapped on a French page, each reader is told it in their language.
    String againId = again.get("id").asText();
    JsonNode swappedFr = body(http.get("/api/v1/suites/" + againId)).at("/members/0");
    assertThat(swappedFr.get("note").isNull()).isTrue();
    assertThat(swappedFr.get("replaces").asText()).isEqualTo("ISO/IEC 8183:2023");
    assertThat(b.get(frPage + "?lang=fr").body()).contains("Remplace ISO/IEC 8183:2023.");
    assertThat(b.get(frPage + "?lang=en").body())
        .contains("Replaces ISO/IEC 8183:2023.")
        .doesNotContain("Remplace");
  }

  @Test
  void aRefusedChangeIsShownInTheSuitePageWithWhatWasTypedAndTheClosestRecordsToAdd()
      throws Exception {
    JsonNode s =
        body(
            http.post(
                "/api/v1/suites",
                "{\"title\": \"Errors\", \"members\": [{\"id\": \"iso-iec-23894-2023\","
                    + " \"note\": \"keep me\"}]}"));
    String id = s.get("id").asText();
    Browser b = new Browser(server.port());
    b.get("/suites/" + id + "?key=" + s.get("editKey").asText());
    String suitePage = "/suites/" + id;

    // An identifier with words after it names no record (ISO/IEC 42001 alone names its edition in
    // force: aMemberAddedByItsTypedIdentifierIsTheEditionInForceNotAReplacedDraft).
    HttpResponse<String> unknown =
        b.postForm(
            suitePage,
            Map.of("_csrf", b.csrf(suitePage), "op", "add", "record", "42001 management"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    Document page = Jsoup.parse(unknown.body());
    assertThat(page.select("h1#suite-title").text()).isEqualTo("Errors");
    assertThat(page.select("#add-record").attr("value")).isEqualTo("42001 management");
    assertThat(page.select("#refused").text()).contains("42001 management");
    List<String> offered = page.select("#add-choices input[name=record]").eachAttr("value");
    assertThat(offered).contains("iso-iec-42001-2023");
    // One click adds the chosen record.
    assertThat(
            b.postForm(
                    suitePage,
                    Map.of("_csrf", b.csrf(suitePage), "op", "add", "record", offered.get(0)))
                .statusCode())
        .isEqualTo(303);
    assertThat(body(http.get("/api/v1/suites/" + id)).toString()).contains(offered.get(0));

    HttpResponse<String> emptyTitle =
        b.postForm(suitePage, Map.of("_csrf", b.csrf(suitePage), "op", "rename", "title", " "));
    assertThat(emptyTitle.statusCode()).isEqualTo(400);
    Document renamed = Jsoup.parse(emptyTitle.body());
    assertThat(renamed.select("h1#suite-title").text()).isEqualTo("Errors");
    assertThat(renamed.select("#rename").attr("value")).isBlank();
    assertThat(renamed.select("#rename ~ .field-error").text()).contains("required");

    String longNote = "n".repeat(Suites.MAX_NOTE + 1);
    HttpResponse<String> tooLong =
        b.postForm(
            suitePage,
            Map.of(
                "_csrf",
                b.csrf(suitePage),
                "op",
                "note",
                "member",
                "iso-iec-23894-2023",
                "note",
                longNote));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    Document noted = Jsoup.parse(tooLong.body());
    assertThat(noted.select("#note-iso-iec-23894-2023").attr("value")).isEqualTo(longNote);
    assertThat(noted.select("#note-iso-iec-23894-2023 ~ .field-error").text()).contains("1000");
    assertThat(noted.select("a[href=#note-iso-iec-23894-2023]")).hasSize(1);
    // Nothing changed.
    assertThat(body(http.get("/api/v1/suites/" + id)).at("/members/0/note").asText())
        .isEqualTo("keep me");
  }

  static String idOf(HttpResponse<String> created) {
    String location = created.headers().firstValue("Location").orElseThrow();
    int query = location.indexOf('?');
    return location.substring("/suites/".length(), query < 0 ? location.length() : query);
  }

  /**
   * A suite made from a description keeps the sector it was suggested for (QA: "a chatbot for bank
   * customers that answers questions about loans" was suggested finance, and the suite made from it
   * named no sector): its page, print view and API say it, and its editor changes it, on the page
   * and with its key through the API, like its other fields.
   */
  @Test
  void aSuiteMadeFromADescriptionKeepsTheSectorItWasBuiltForAndItsEditorChangesIt()
      throws Exception {
    String text = "a chatbot for bank customers that answers questions about loans";
    JsonNode p =
        body(http.post("/api/v1/suites/suggest", json.writeValueAsString(Map.of("text", text))));
    assertThat(p.get("sectors").toString()).isEqualTo("[\"finance\"]");

    Browser b = new Browser(server.port());
    HttpResponse<String> created =
        b.postForm("/suites", Map.of("_csrf", b.csrf("/suites/new"), "text", text));
    assertThat(created.statusCode()).isEqualTo(303);
    String id = idOf(created);
    String key =
        Jsoup.parse(b.get(created.headers().firstValue("Location").orElseThrow()).body())
            .select("#edit-key")
            .text();
    JsonNode suite = body(http.get("/api/v1/suites/" + id));
    assertThat(ApiTest.validate(http, "Suite", suite)).isEmpty();
    assertThat(suite.get("verticals").toString()).isEqualTo("[\"finance\"]");
    assertThat(suite.at("/coverage/verticals/0/concept").asText()).isEqualTo("finance");
    String suitePage = "/suites/" + id;
    Document page = Jsoup.parse(b.get(suitePage).body());
    assertThat(page.select("#suite-sectors").text()).isEqualTo("Sectors it is for: Finance");
    assertThat(page.select("#sectors-form input[name=vertical][checked]").eachAttr("value"))
        .containsExactly("finance");
    assertThat(
            Jsoup.parse(http.get(suitePage + "/print?lang=fr").body())
                .select("#suite-sectors")
                .first()
                .wholeText())
        .isEqualTo("Secteurs visés\u00a0: Finance");

    // Its editor changes it on the page; a visitor without the key cannot.
    assertThat(
            b.postForm(
                    suitePage,
                    Map.of("_csrf", b.csrf(suitePage), "op", "sectors", "vertical", "health"))
                .statusCode())
        .isEqualTo(303);
    assertThat(body(http.get("/api/v1/suites/" + id)).get("verticals").toString())
        .isEqualTo("[\"health\"]");
    Browser visitor = new Browser(server.port());
    assertThat(
            visitor
                .postForm(
                    suitePage,
                    Map.of(
                        "_csrf",
                        visitor.csrf("/suites/new"),
                        "op",
                        "sectors",
                        "vertical",
                        "energy"))
                .statusCode())
        .isIn(401, 403);
    // And through the API with its key, the suite read back with its sectors changed.
    HttpResponse<String> read = http.get("/api/v1/suites/" + id);
    com.fasterxml.jackson.databind.node.ObjectNode changed =
        (com.fasterxml.jackson.databind.node.ObjectNode) body(read);
    changed.putArray("verticals").add("finance").add("health");
    String etag = read.headers().firstValue("ETag").orElseThrow();
    assertThat(
            send("PUT", "/api/v1/suites/" + id, changed.toString(), "If-Match", etag).statusCode())
        .isEqualTo(401);
    HttpResponse<String> put =
        send(
            "PUT",
            "/api/v1/suites/" + id,
            changed.toString(),
            "Authorization",
            "Suite-Key " + key,
            "If-Match",
            etag);
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(body(put).get("verticals").toString()).isEqualTo("[\"finance\",\"health\"]");
    assertThat(Jsoup.parse(b.get(suitePage).body()).select("#suite-sectors").text())
        .isEqualTo("Sectors it is for: Finance, Health");
  }

  /**
   * A record added to a suite by its identifier as people type it is the edition in force (then the
   * newest other edition) of the publication it names, as the search ranks identifiers (QA:
   * "ISO/IEC 42005" added the replaced draft whose id is its slug, not ISO/IEC 42005:2025); its id
   * still names it exactly. The overlap's record reads a typed identifier by the same rule.
   */
  @Test
  void aMemberAddedByItsTypedIdentifierIsTheEditionInForceNotAReplacedDraft() throws Exception {
    JsonNode s = body(http.post("/api/v1/suites", "{\"title\": \"Typed identifiers\"}"));
    String id = s.get("id").asText();
    Browser b = new Browser(server.port());
    b.get("/suites/" + id + "?key=" + s.get("editKey").asText());
    String suitePage = "/suites/" + id;
    Map<String, String> typed = new java.util.LinkedHashMap<>();
    typed.put("ISO/IEC 42005", "iso-iec-42005-2025");
    typed.put("42001", "iso-iec-42001-2023");
    typed.put("ISO/IEC 42001", "iso-iec-42001-2023");
    typed.put("Y.3172", "itu-t-y-3172-06-2019");
    typed.put("ITU-T Y.3172", "itu-t-y-3172-06-2019");
    typed.put("RFC 9969", "rfc-9969");
    typed.put("IEEE 2894", "ieee-2894-2024");
    typed.put("iso-iec-42005", "iso-iec-42005");
    for (Map.Entry<String, String> t : typed.entrySet()) {
      HttpResponse<String> added =
          b.postForm(
              suitePage, Map.of("_csrf", b.csrf(suitePage), "op", "add", "record", t.getKey()));
      assertThat(added.statusCode()).as(t.getKey()).isEqualTo(303);
      List<String> members = new ArrayList<>();
      body(http.get("/api/v1/suites/" + id))
          .get("members")
          .forEach(m -> members.add(m.get("id").asText()));
      assertThat(members).as(t.getKey()).endsWith(t.getValue());
      // Taken out again, so that the next name of the same record is added, not refused as listed.
      assertThat(
              b.postForm(
                      suitePage,
                      Map.of("_csrf", b.csrf(suitePage), "op", "remove", "member", t.getValue()))
                  .statusCode())
          .isEqualTo(303);
    }
    JsonNode overlap =
        body(
            http.get(
                "/api/v1/overlap?record="
                    + java.net.URLEncoder.encode(
                        "ISO/IEC 42005", java.nio.charset.StandardCharsets.UTF_8)
                    + "&limit=1"));
    assertThat(overlap.at("/basis/record/id").asText()).isEqualTo("iso-iec-42005-2025");
  }

  /**
   * A suite's title is cleaned as the catalogue cleans a record's title (QA: titles kept U+0007 and
   * U+202E, which turns the text after it around): through the API, on creation and on renaming;
   * one that nothing is left of is refused naming the title, in the caller's language.
   */
  @Test
  void aSuiteTitleLosesItsControlCharactersAndOneWithNothingLeftIsRefusedNamingIt()
      throws Exception {
    HttpResponse<String> created =
        http.post("/api/v1/suites", "{\"title\": \"Bank \\u0007chatbot \\u202eloans\\n\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode s = body(created);
    assertThat(s.get("title").asText()).isEqualTo("Bank chatbot loans");
    String id = s.get("id").asText();
    String key = s.get("editKey").asText();
    HttpResponse<String> put =
        send(
            "PUT",
            "/api/v1/suites/" + id,
            "{\"title\": \"\\u202eLoans\\u0007 bot\"}",
            "Authorization",
            "Suite-Key " + key,
            "If-Match",
            "\"1\"");
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(body(put).get("title").asText()).isEqualTo("Loans bot");
    // The purpose, a member's note and the attribution are cleaned the same way; the purpose and
    // the note keep their line breaks.
    HttpResponse<String> texts =
        send(
            "PUT",
            "/api/v1/suites/" + id,
            "{\"title\": \"Loans bot\", \"purpose\": \"For \\u202eloans\\u0007.\\nSecond line\","
                + " \"attribution\": \"\\u202eBank\\u0000\","
                + " \"members\": [{\"id\": \"iso-iec-42001-2023\","
                + " \"note\": \"Read \\u202efirst\\nthen act\"}]}",
            "Authorization",
            "Suite-Key " + key,
            "If-Match",
            "\"2\"");
    assertThat(texts.statusCode()).as(texts.body()).isEqualTo(200);
    JsonNode cleaned = body(texts);
    assertThat(cleaned.get("purpose").asText()).isEqualTo("For loans.\nSecond line");
    assertThat(cleaned.get("attribution").asText()).isEqualTo("Bank");
    assertThat(cleaned.at("/members/0/note").asText()).isEqualTo("Read first\nthen act");

    Map<String, String> nothingLeft =
        Map.of(
            "en", "nothing is left of it once control and direction characters are removed",
            "fr", "il n'en reste rien une fois retirés les caractères de contrôle et de direction",
            "es", "no queda nada una vez quitados los caracteres de control y de dirección",
            "ru", "после удаления управляющих символов и символов направления ничего не остаётся",
            "zh", "去除控制字符和方向字符后为空",
            "ar", "لا يبقى منه شيء بعد إزالة محارف التحكم والاتجاه");
    for (Map.Entry<String, String> lang : nothingLeft.entrySet()) {
      HttpResponse<String> refused =
          send(
              "POST",
              "/api/v1/suites",
              "{\"title\": \"\\u0007 \\u202e\"}",
              "Accept-Language",
              lang.getKey());
      assertThat(refused.statusCode()).as(lang.getKey()).isEqualTo(400);
      JsonNode detail = body(refused).at("/error/details/0");
      assertThat(detail.get("field").asText()).isEqualTo("title");
      assertThat(detail.get("problem").asText()).as(lang.getKey()).isEqualTo(lang.getValue());
    }

    // On the page: a rename is cleaned, and one with nothing left is refused by its form.
    Browser b = new Browser(server.port());
    b.get("/suites/" + id + "?key=" + key);
    String suitePage = "/suites/" + id;
    assertThat(
            b.postForm(
                    suitePage,
                    Map.of(
                        "_csrf", b.csrf(suitePage), "op", "rename", "title", "\u0007Loans\u202e"))
                .statusCode())
        .isEqualTo(303);
    assertThat(body(http.get("/api/v1/suites/" + id)).get("title").asText()).isEqualTo("Loans");
    HttpResponse<String> renamed =
        b.postForm(
            suitePage + "?lang=fr",
            Map.of("_csrf", b.csrf(suitePage), "op", "rename", "title", "\u0007\u202e"));
    assertThat(renamed.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(renamed.body()).select("#rename ~ .field-error").text())
        .contains(nothingLeft.get("fr"));
    HttpResponse<String> made =
        b.postForm(
            "/suites", Map.of("_csrf", b.csrf("/suites/new"), "title", "\u202eLoans\u0007 2"));
    assertThat(made.statusCode()).isEqualTo(303);
    assertThat(body(http.get("/api/v1/suites/" + idOf(made))).get("title").asText())
        .isEqualTo("Loans 2");
  }
}
