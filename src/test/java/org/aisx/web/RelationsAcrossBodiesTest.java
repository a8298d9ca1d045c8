package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.catalog.Standard;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 8 over real HTTP on the bundled catalogue: a contributor of one body cannot make
 * another body's record read as superseded. The relation is held until the target's body or a
 * coordinator approves it; the decision shows in the target's history, and the target's record and
 * revision stay as they were.
 */
class RelationsAcrossBodiesTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static final ObjectMapper json = new ObjectMapper();
  static final Map<String, String> tokens = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
    server = app.web().start(0);
    Fixtures.user(app, "ieee@example.org", Role.CONTRIBUTOR, "IEEE");
    Fixtures.user(app, "iso@example.org", Role.CONTRIBUTOR, "ISO/IEC");
    Fixtures.user(app, "coord@example.org", Role.COORDINATOR);
    for (String who : new String[] {"ieee", "iso", "coord"}) {
      tokens.put(
          who, "Bearer " + app.accounts().createToken(who + "@example.org", "test").secret());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static HttpResponse<String> send(String method, String path, String who, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (who != null) {
      b.header("Authorization", tokens.get(who));
    }
    return new Http(server.port()).send(b.build());
  }

  static JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  /** An IEEE record that holds {@code type} towards {@code target}, submitted and approved. */
  static Standard ieeeRecordApproved(String identifier, String type, String target)
      throws Exception {
    ObjectNode record = json.createObjectNode();
    record.put("identifier", identifier);
    record.putObject("title").put("en", "Artificial intelligence use cases, " + identifier);
    record.put("sdo", "IEEE");
    record.put("type", "international-standard");
    record.put("status", "in-force");
    record.putArray("relations").addObject().put("type", type).put("target", target);
    HttpResponse<String> submitted = submitCreate(record);
    String id = body(submitted).get("id").asText();
    HttpResponse<String> approved = approveAsCoordinator(id);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    return app.catalog().get(app.reader().read(record).id());
  }

  /** The coordinator's approval of submission {@code id}. */
  private static HttpResponse<String> approveAsCoordinator(String id) throws Exception {
    return send(
        "POST", "/api/v1/submissions/" + id + "/decision", "coord", "{\"decision\": \"approve\"}");
  }

  static Document page(String path) {
    HttpResponse<String> r = send("GET", path, null, null);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(r.body());
  }

  static String banner(Document page) {
    Element banner = page.selectFirst(".status-banner");
    return banner == null ? "" : banner.text();
  }

  static List<JsonNode> history(String id) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    body(send("GET", "/api/v1/standards/" + id + "/history", null, null))
        .get("events")
        .forEach(events::add);
    return events;
  }

  /** The pending held relations {@code who} sees, by the id of the holding record. */
  static JsonNode pendingFrom(String who, String sourceId) throws Exception {
    HttpResponse<String> r = send("GET", "/api/v1/relation-reviews", who, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    for (JsonNode item : body(r).get("items")) {
      if (item.get("sourceId").asText().equals(sourceId)) {
        return item;
      }
    }
    return null;
  }

  @Test
  void anotherBodysReplacesWaitsForTheTargetsBodyAndThenShowsWithoutChangingTheTarget()
      throws Exception {
    String target = "iso-iec-tr-24030-2021";
    Standard before = app.catalog().get(target);
    String bannerBefore = banner(page("/standards/" + target));
    List<JsonNode> historyBefore = history(target);
    assertThat(bannerBefore).startsWith("This edition is superseded.");

    Standard ieee = ieeeRecordApproved("IEEE 9000-2026", "replaces", "ISO/IEC TR 24030:2021");

    // Held: the ISO/IEC record reads exactly as it did, in its page, its API and its history.
    Document held = page("/standards/" + target);
    assertThat(banner(held)).isEqualTo(bannerBefore);
    assertThat(held.text()).doesNotContain("IEEE 9000-2026");
    JsonNode api = body(send("GET", "/api/v1/standards/" + target, null, null));
    assertThat(api.toString()).doesNotContain(ieee.id());
    assertThat(history(target)).isEqualTo(historyBefore);
    // The IEEE record says that its relation waits.
    assertThat(page("/standards/" + ieee.id()).select(".held-pending").text())
        .contains("awaiting the approval of ISO/IEC or a coordinator");

    // The ISO/IEC contributor sees it to decide; the IEEE contributor sees it but may not decide.
    JsonNode forIso = pendingFrom("iso", ieee.id());
    assertThat(forIso).isNotNull();
    assertThat(forIso.get("mayDecide").asBoolean()).isTrue();
    assertThat(forIso.get("type").asText()).isEqualTo("replaces");
    assertThat(forIso.get("shownAs").asText()).isEqualTo("replaced-by");
    assertThat(forIso.get("targetBody").asText()).isEqualTo("ISO/IEC");
    assertThat(forIso.toString()).doesNotContain("@example.org");
    String reviewId = forIso.get("id").asText();
    assertThat(pendingFrom("ieee", ieee.id()).get("mayDecide").asBoolean()).isFalse();
    String decisionPath = "/api/v1/relation-reviews/" + reviewId + "/decision";
    assertThat(send("POST", decisionPath, "ieee", "{\"decision\": \"approve\"}").statusCode())
        .isEqualTo(403);
    assertThat(send("POST", decisionPath, null, "{\"decision\": \"approve\"}").statusCode())
        .isEqualTo(401);
    assertThat(send("GET", "/api/v1/relation-reviews", null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> unknown =
        send("POST", decisionPath, "iso", "{\"decision\": \"changes-requested\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("decision");
    assertThat(
            send(
                    "POST",
                    "/api/v1/relation-reviews/rel-0000000000000000/decision",
                    "iso",
                    "{\"decision\": \"approve\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/api/v1/relation-reviews?state=later", "iso", null).statusCode())
        .isEqualTo(400);
    // Still as it was after the refused attempts.
    assertThat(banner(page("/standards/" + target))).isEqualTo(bannerBefore);

    HttpResponse<String> approved =
        send("POST", decisionPath, "iso", "{\"decision\": \"approve\", \"comment\": \"agreed\"}");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(body(approved).get("state").asText()).isEqualTo("approved");
    assertThat(body(approved).get("decidedBy").asText()).isEqualTo("ISO/IEC");

    Document after = page("/standards/" + target);
    assertThat(banner(after))
        .isEqualTo("This edition is superseded. Current edition: IEEE 9000-2026");
    assertThat(after.selectFirst(".status-banner a").attr("href"))
        .isEqualTo("/standards/" + ieee.id());
    assertThat(banner(page("/standards/" + target + "?lang=fr")))
        .isEqualTo("Cette édition est remplacée. Édition en vigueur : IEEE 9000-2026");
    assertThat(page("/standards/" + ieee.id()).select(".held")).isEmpty();

    // Revision and stored fields unchanged; the history has one more event, by role or body.
    Standard now = app.catalog().get(target);
    assertThat(now).isEqualTo(before);
    JsonNode apiAfter = body(send("GET", "/api/v1/standards/" + target, null, null));
    assertThat(apiAfter.get("revision").asInt()).isEqualTo(before.revision());
    assertThat(apiAfter.toString()).contains(ieee.id());
    List<JsonNode> historyAfter = history(target);
    assertThat(historyAfter).hasSize(historyBefore.size() + 1);
    assertThat(historyAfter.subList(0, historyBefore.size())).isEqualTo(historyBefore);
    JsonNode decision = historyAfter.get(historyAfter.size() - 1);
    assertThat(decision.get("kind").asText()).isEqualTo("relation-approved");
    assertThat(decision.get("field").asText()).isEqualTo("replaced-by");
    assertThat(decision.get("newValue").asText()).isEqualTo("IEEE 9000-2026");
    assertThat(decision.get("actor").asText()).isEqualTo("ISO/IEC");
    assertThat(decision.get("revision").asInt()).isEqualTo(before.revision());
    assertThat(after.select("table.history").text())
        .contains("Relation approved")
        .contains("Replaced by IEEE 9000-2026")
        .doesNotContain("iso@example.org");
    // The record's feed has the decision as an entry of its own, newest first, in words.
    Document feed =
        Jsoup.parse(
            send("GET", "/feeds/standards/" + target + ".atom", null, null).body(),
            "",
            org.jsoup.parser.Parser.xmlParser());
    org.jsoup.select.Elements entries = feed.select("feed > entry");
    assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
    assertThat(entries.get(0).selectFirst("title").text())
        .contains("Relation approved")
        .contains("Replaced by IEEE 9000-2026");
    assertThat(entries.select("entry > id").eachText()).doesNotHaveDuplicates();
    assertThat(entries.get(1).selectFirst("title").text()).doesNotContain("Relation approved");

    // Decided once: a second decision is a conflict and changes nothing.
    assertThat(send("POST", decisionPath, "coord", "{\"decision\": \"reject\"}").statusCode())
        .isEqualTo(409);
    assertThat(history(target)).hasSize(historyBefore.size() + 1);
  }

  @Test
  void aCoordinatorApprovesOnThePageAndAnInForceRecordThenReadsAsSupersededKeepingItsStatus()
      throws Exception {
    String target = "iso-iec-22989-2022";
    Standard before = app.catalog().get(target);
    assertThat(banner(page("/standards/" + target))).isEmpty();

    Standard ieee = ieeeRecordApproved("IEEE 9002-2026", "replaces", "ISO/IEC 22989:2022");
    assertThat(banner(page("/standards/" + target))).isEmpty();

    // The queue page lists it with a plain form; the form's decision approves it.
    HttpResponse<String> queue = send("GET", "/review/relations", "coord", null);
    assertThat(queue.statusCode()).isEqualTo(200);
    Element form =
        Jsoup.parse(queue.body()).select("form.relation-decision").stream()
            .filter(f -> f.parent().parent().text().contains("IEEE 9002-2026"))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> posted = postForm(form.attr("action"), "decision=approve&comment=");
    assertThat(posted.statusCode()).isEqualTo(303);
    // The same form sent again (a second click) is no error page: the queue says it was decided.
    HttpResponse<String> again = postForm(form.attr("action"), "decision=reject&comment=");
    assertThat(again.statusCode()).isEqualTo(303);
    String back = again.headers().firstValue("Location").orElseThrow();
    Document shown = Jsoup.parse(send("GET", back + "&lang=fr", "coord", null).body());
    assertThat(shown.selectFirst("p.notice[role=status]").text())
        .isEqualTo(PagesTest.shown("fr", "relations.alreadyDecided"));
    assertThat(shown.text()).contains("IEEE 9002-2026");

    assertThat(banner(page("/standards/" + target)))
        .isEqualTo("This edition is superseded. Current edition: IEEE 9002-2026");
    Standard now = app.catalog().get(target);
    assertThat(now).isEqualTo(before);
    assertThat(now.status().wire()).isEqualTo("in-force");
    JsonNode decision = history(target).get(history(target).size() - 1);
    assertThat(decision.get("kind").asText()).isEqualTo("relation-approved");
    assertThat(decision.get("actor").asText()).isEqualTo("coordinator");
    assertThat(pendingFrom("coord", ieee.id())).isNull();
  }

  /** A page form's fields sent as the coordinator. */
  static HttpResponse<String> postForm(String path, String fields) {
    return new Http(server.port())
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Authorization", tokens.get("coord"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields))
                .build());
  }

  @Test
  void aRefusedRelationLeavesTheTargetAsItWasAndIsRecordedInItsHistory() throws Exception {
    String target = "iso-iec-42001-2023";
    Standard before = app.catalog().get(target);
    String pageBefore = page("/standards/" + target).select(".relations").text();
    List<JsonNode> historyBefore = history(target);

    Standard ieee = ieeeRecordApproved("IEEE 9003-2026", "amends", "ISO/IEC 42001:2023");
    String reviewId = pendingFrom("iso", ieee.id()).get("id").asText();
    HttpResponse<String> refused =
        send(
            "POST",
            "/api/v1/relation-reviews/" + reviewId + "/decision",
            "iso",
            "{\"decision\": \"reject\", \"comment\": \"not an amendment of ours\"}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
    assertThat(body(refused).get("state").asText()).isEqualTo("rejected");

    Document after = page("/standards/" + target);
    assertThat(after.select(".relations").text()).isEqualTo(pageBefore).doesNotContain("9003");
    assertThat(banner(after)).isEmpty();
    assertThat(app.catalog().get(target)).isEqualTo(before);
    List<JsonNode> historyAfter = history(target);
    assertThat(historyAfter).hasSize(historyBefore.size() + 1);
    JsonNode decision = historyAfter.get(historyAfter.size() - 1);
    assertThat(decision.get("kind").asText()).isEqualTo("relation-rejected");
    assertThat(decision.get("field").asText()).isEqualTo("amended-by");
    assertThat(decision.get("actor").asText()).isEqualTo("ISO/IEC");
    assertThat(decision.get("revision").asInt()).isEqualTo(before.revision());
    assertThat(page("/standards/" + ieee.id()).select(".held-rejected").text())
        .contains("not accepted by ISO/IEC");
    HttpResponse<String> listed =
        send("GET", "/api/v1/relation-reviews?state=rejected", "ieee", null);
    assertThat(listed.body()).contains(reviewId).contains("not an amendment of ours");
  }

  /**
   * A comment over the limit on the queue's form was an error page: the queue is shown again (400)
   * with the comment as typed and the problem at its field, in the page's language, and nothing is
   * decided. The textarea carries the server's limit. The API says a comment or decision of the
   * wrong JSON kind is one, and a comment too long, in words the bundles translate.
   */
  @Test
  void aCommentTooLongIsTheQueueAgainWithTheCommentAsTypedAndTheErrorAtItsField() throws Exception {
    Standard ieee = ieeeRecordApproved("IEEE 9005-2026", "amends", "ISO/IEC 42005:2025");
    String reviewId = pendingFrom("coord", ieee.id()).get("id").asText();
    String api = "/api/v1/relation-reviews/" + reviewId + "/decision";
    for (String[] sent :
        new String[][] {
          {"{\"decision\": 123}", "decision"},
          {"{\"decision\": \"approve\", \"comment\": 123}", "comment"}
        }) {
      HttpResponse<String> r = send("POST", api + "?lang=fr", "coord", sent[0]);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      JsonNode detail = body(r).get("error").get("details").get(0);
      assertThat(detail.get("field").asText()).isEqualTo(sent[1]);
      assertThat(detail.get("problem").asText())
          .isEqualTo(PagesTest.say("fr", "invalid.notString", "123"));
    }
    HttpResponse<String> longApi =
        send(
            "POST",
            api,
            "coord",
            "{\"decision\": \"approve\", \"comment\": \"" + "x".repeat(5_001) + "\"}");
    assertThat(longApi.statusCode()).isEqualTo(400);
    assertThat(body(longApi).get("error").get("details").get(0).get("problem").asText())
        .isEqualTo(PagesTest.say("en", "invalid.tooLong", "5000"));

    Document queue = Jsoup.parse(send("GET", "/review/relations", "coord", null).body());
    assertThat(queue.getElementById("comment-" + reviewId).attr("maxlength")).isEqualTo("5000");
    String typed = "Too long <b>" + "x".repeat(5_000);
    HttpResponse<String> refused =
        postForm(
            "/review/relations/" + reviewId + "/decision?lang=fr",
            "decision=approve&comment="
                + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document shown = Jsoup.parse(refused.body());
    assertThat(shown.select(".error-page")).isEmpty();
    Element textarea = shown.getElementById("comment-" + reviewId);
    assertThat(textarea.val()).isEqualTo(typed);
    assertThat(textarea.attr("aria-invalid")).isEqualTo("true");
    assertThat(textarea.parent().select(".field-error").text())
        .isEqualTo(PagesTest.say("fr", "invalid.tooLong", "5000"));
    assertThat(shown.select(".field-error")).hasSize(1);
    assertThat(pendingFrom("coord", ieee.id())).isNotNull();
  }

  @Test
  void aRelationWithinOneBodyAndOneThatDoesNotChangeHowTheTargetReadsAreNotHeld() throws Exception {
    Standard older =
        app.catalog()
            .save(
                app.reader()
                    .read(
                        json.readTree(
                            "{\"identifier\": \"IEEE 8999-2020\", \"title\": {\"en\": \"An older"
                                + " edition\"}, \"sdo\": \"IEEE\", \"type\":"
                                + " \"international-standard\", \"status\": \"superseded\"}")),
                "test",
                "fixture",
                null)
            .record();
    Standard newer = ieeeRecordApproved("IEEE 8999-2026", "replaces", "IEEE 8999-2020");
    assertThat(banner(page("/standards/" + older.id())))
        .isEqualTo("This edition is superseded. Current edition: IEEE 8999-2026");
    assertThat(pendingFrom("coord", newer.id())).isNull();

    Standard related = ieeeRecordApproved("IEEE 9004-2026", "related", "ISO/IEC 23894:2023");
    assertThat(pendingFrom("coord", related.id())).isNull();
    assertThat(page("/standards/iso-iec-23894-2023").select(".relations").text())
        .contains("IEEE 9004-2026");
  }

  @Test
  void theFormWarnsThatAnotherBodysRelationWaitsAndTheSubmissionNamesTheRelationItWillHold()
      throws Exception {
    Browser b = new Browser(server.port());
    b.signIn("ieee@example.org", Fixtures.PASSWORD);
    // Before submitting, in every language of the site.
    Map<String, String> notes = new LinkedHashMap<>();
    for (String lang : List.of("en", "fr", "es", "ar", "zh", "ru")) {
      Document form = Jsoup.parse(b.get("/submissions/new?lang=" + lang).body());
      notes.put(lang, form.select("form.submission-form #relations-note").text());
    }
    assertThat(notes.get("en"))
        .contains("another body's record")
        .contains("that body's or a coordinator's approval");
    assertThat(notes.get("fr")).contains("approbation de cet organisme ou d'un coordinateur");
    assertThat(notes.values()).doesNotContain("", "submit.relationsHeld").doesNotHaveDuplicates();

    // After submitting: the relation to the ISO/IEC record is named as one that accepting the
    // submission will hold; the one to an IEEE record is not.
    app.catalog()
        .save(
            app.reader()
                .read(
                    json.readTree(
                        "{\"identifier\": \"IEEE 9010-2020\", \"title\": {\"en\": \"An older"
                            + " edition\"}, \"sdo\": \"IEEE\", \"type\":"
                            + " \"international-standard\", \"status\": \"in-force\"}")),
            "test",
            "fixture",
            null);
    ObjectNode record = json.createObjectNode();
    record.put("identifier", "IEEE 9010-2026");
    record.putObject("title").put("en", "Artificial intelligence held relations");
    record.put("sdo", "IEEE");
    record.put("type", "international-standard");
    record.put("status", "in-force");
    record
        .putArray("relations")
        .addObject()
        .put("type", "replaces")
        .put("target", "ISO/IEC 23894:2023");
    record
        .withArray("relations")
        .addObject()
        .put("type", "replaces")
        .put("target", "IEEE 9010-2020");
    HttpResponse<String> submitted = submitCreate(record);
    String id = body(submitted).get("id").asText();
    List<String> heldOnAccept = new ArrayList<>();
    body(submitted)
        .get("heldOnAccept")
        .forEach(r -> heldOnAccept.add(r.get("type").asText() + " " + r.get("target").asText()));
    assertThat(heldOnAccept).containsExactly("replaces ISO/IEC 23894:2023");
    Document page = Jsoup.parse(b.get("/submissions/" + id + "?lang=en").body());
    assertThat(page.select("#held-relations p").text())
        .contains("will be held until that body or a coordinator approves them");
    assertThat(page.select("#held-relations li").eachText())
        .containsExactly("Replaces ISO/IEC 23894:2023");

    // Accepted: it is held, and the submission's page no longer speaks of it in the future.
    HttpResponse<String> approved = approveAsCoordinator(id);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(body(approved).get("heldOnAccept")).isEmpty();
    String recordId = app.reader().read(record).id();
    assertThat(pendingFrom("coord", recordId).get("target").asText())
        .isEqualTo("ISO/IEC 23894:2023");
    assertThat(Jsoup.parse(b.get("/submissions/" + id).body()).select("#held-relations")).isEmpty();
  }

  /** Submits {@code record} as a new record by the IEEE contributor: 201, or the test fails. */
  private static HttpResponse<String> submitCreate(ObjectNode record) throws Exception {
    ObjectNode submission = json.createObjectNode();
    submission.put("action", "create");
    submission.set("record", record);
    HttpResponse<String> submitted =
        send("POST", "/api/v1/submissions", "ieee", submission.toString());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    return submitted;
  }

  @Test
  void aHeldRelationIsClaimedByTheAuthorAndWithdrawnWhenAnApprovedChangeDropsIt() throws Exception {
    String target = "iso-iec-23894-2023";
    Standard ieee = ieeeRecordApproved("IEEE 99911-2026", "replaces", "ISO/IEC 23894:2023");
    JsonNode held = pendingFrom("iso", ieee.id());
    assertThat(held).isNotNull();
    // Claimed by the IEEE contributor who wrote it, not by the coordinator who approved it.
    assertThat(held.get("requestedBy").asText()).isEqualTo("IEEE");
    assertThat(app.catalog().relationReview(held.get("id").asText()).requestedBy())
        .isEqualTo("ieee@example.org");
    String reviewId = held.get("id").asText();
    List<JsonNode> targetHistory = history(target);

    // The IEEE record as the API gives it, without the relation, submitted and approved.
    ObjectNode changed =
        (ObjectNode) body(send("GET", "/api/v1/standards/" + ieee.id(), null, null));
    changed.putArray("relations");
    ObjectNode update = json.createObjectNode();
    update.put("action", "update");
    update.put("recordId", ieee.id());
    update.put("baseRevision", changed.get("revision").asInt());
    update.set("record", changed);
    HttpResponse<String> submitted = send("POST", "/api/v1/submissions", "ieee", update.toString());
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    assertThat(approveAsCoordinator(body(submitted).get("id").asText()).statusCode())
        .isEqualTo(200);

    // Nothing is left to decide: withdrawn, out of the queue, and approving it is a conflict that
    // writes nothing into the target's history.
    assertThat(pendingFrom("iso", ieee.id())).isNull();
    JsonNode withdrawn = body(send("GET", "/api/v1/relation-reviews/" + reviewId, "iso", null));
    assertThat(withdrawn.get("state").asText()).isEqualTo("withdrawn");
    assertThat(withdrawn.get("mayDecide").asBoolean()).isFalse();
    HttpResponse<String> late =
        send(
            "POST",
            "/api/v1/relation-reviews/" + reviewId + "/decision",
            "iso",
            "{\"decision\": \"approve\"}");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(history(target)).isEqualTo(targetHistory);
    assertThat(page("/standards/" + target).text()).doesNotContain("IEEE 99911-2026");
    assertThat(
            body(send("GET", "/api/v1/relation-reviews?state=withdrawn", "iso", null))
                .get("items")
                .toString())
        .contains(reviewId);
    HttpResponse<String> queue = send("GET", "/review/relations?state=withdrawn", "coord", null);
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.body()).contains(reviewId).doesNotContain("relations.state.withdrawn");
  }
}
