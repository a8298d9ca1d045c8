package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Two or more open submissions on one record, over real HTTP: the author of the second is told of
 * the first (its page, the API answer) without being refused, the review page lists the others with
 * the fields each changes and marks those both change, the queue marks them, and once one is
 * approved the others show field by field what changed since their base, and approving one of them
 * never undoes the first approval.
 */
class CompetingSubmissionsWebTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static final ObjectMapper json = new ObjectMapper();
  static final AtomicInteger serial = new AtomicInteger();
  static final Map<String, String> tokens = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    app = Fixtures.empty(dir);
    server = app.web().start(0);
    Fixtures.user(app, "ieee@example.org", Role.CONTRIBUTOR, "IEEE");
    Fixtures.user(app, "ieee2@example.org", Role.CONTRIBUTOR, "IEEE");
    Fixtures.user(app, "coord@example.org", Role.COORDINATOR);
    for (String who : new String[] {"ieee", "ieee2", "coord"}) {
      tokens.put(
          who, "Bearer " + app.accounts().createToken(who + "@example.org", "test").secret());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  /** A record of IEEE in the catalogue, at revision 1. */
  static Standard seed() {
    String identifier = "IEEE " + (7000 + serial.incrementAndGet());
    return app.catalog()
        .save(
            app.reader().read(record(identifier, "Seeded " + identifier)), "test", "fixture", null)
        .record();
  }

  static ObjectNode record(String identifier, String title) {
    ObjectNode n = json.createObjectNode();
    n.put("identifier", identifier);
    n.putObject("title").put("en", title);
    n.put("sdo", "IEEE");
    n.put("type", "international-standard");
    n.put("status", "draft");
    return n;
  }

  static String update(Standard current, ObjectNode record, int base) {
    ObjectNode b = json.createObjectNode();
    b.put("action", "update");
    b.put("recordId", current.id());
    b.put("baseRevision", base);
    b.set("record", record);
    return b.toString();
  }

  static HttpResponse<String> send(String method, String path, String token, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", token);
    }
    return new Http(server.port()).send(b.build());
  }

  static JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  /** Submits through the API; the answer, which must be 201. */
  static JsonNode submit(String who, String body) throws Exception {
    HttpResponse<String> r = send("POST", "/api/v1/submissions", tokens.get(who), body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertSchema("Submission", body(r));
    return body(r);
  }

  static HttpResponse<String> decide(String who, String id, String decision) {
    return send(
        "POST",
        "/api/v1/submissions/" + id + "/decision",
        tokens.get(who),
        "{\"decision\": \"" + decision + "\", \"comment\": \"looked at it\"}");
  }

  static void assertSchema(String schema, JsonNode value) throws Exception {
    JsonNode openapi = body(send("GET", "/api/v1/openapi.json", null, null));
    ObjectNode root = json.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#/components/schemas/" + schema);
    root.set("components", openapi.get("components"));
    assertThat(
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(root)
                .validate(value))
        .as(schema + ": " + value)
        .isEmpty();
  }

  static Browser signedIn(String email) {
    Browser b = new Browser(server.port());
    b.signIn(email, Fixtures.PASSWORD);
    return b;
  }

  static Document page(Browser b, String path) {
    HttpResponse<String> r = b.get(path);
    assertThat(r.statusCode()).as("GET " + path).isEqualTo(200);
    return Jsoup.parse(r.body());
  }

  @Test
  void aSecondSubmissionOnARecordIsAcceptedAndItsAnswerNamesTheFirstWithTheFieldsBothChange()
      throws Exception {
    Standard s = seed();
    JsonNode first = submit("ieee", update(s, record(s.identifier(), "The first title"), 1));
    assertThat(first.get("competing")).isEmpty();
    assertThat(first.get("changedSinceBase").isNull()).isTrue();

    ObjectNode mine = record(s.identifier(), "The second title");
    mine.put("committee", "Second committee");
    JsonNode second = submit("ieee2", update(s, mine, 1));
    JsonNode competing = second.get("competing");
    assertThat(competing).hasSize(1);
    assertThat(competing.get(0).get("id").asText()).isEqualTo(first.get("id").asText());
    assertThat(competing.get(0).get("href").asText())
        .isEqualTo("/api/v1/submissions/" + first.get("id").asText());
    assertThat(competing.get(0).get("author").asText()).isEqualTo("ieee@example.org");
    assertThat(competing.get(0).get("state").asText()).isEqualTo("pending");
    assertThat(texts(competing.get(0).get("fields"))).containsExactly("title");
    assertThat(texts(competing.get(0).get("overlapping"))).containsExactly("title");

    // The first one now names the second, with the committee only the second changes.
    JsonNode again =
        body(
            send(
                "GET",
                "/api/v1/submissions/" + first.get("id").asText(),
                tokens.get("ieee"),
                null));
    assertSchema("Submission", again);
    assertThat(texts(again.get("competing").get(0).get("fields")))
        .containsExactly("title", "committee");
    assertThat(texts(again.get("competing").get(0).get("overlapping"))).containsExactly("title");
    // Both wait for review: nothing was refused.
    assertThat(app.submissions().get(second.get("id").asText()).state().wire())
        .isEqualTo("pending");
  }

  @Test
  void theAuthorOfASubmissionMadeThroughTheFormIsToldOfTheOthersOnItsPageInTheirLanguage()
      throws Exception {
    Standard s = seed();
    String first =
        submit("ieee", update(s, record(s.identifier(), "Proposed by the first"), 1))
            .get("id")
            .asText();
    Browser author = signedIn("ieee2@example.org");
    Document form = page(author, "/submissions/new?record=" + s.id());
    Map<String, String> values = SubmissionWebTest.formOf(form);
    values.put("title_en", "Proposed by the second");
    values.put("edition", "3");
    HttpResponse<String> sent = author.postForm("/submissions", values);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    String location = sent.headers().firstValue("Location").orElseThrow();

    Document confirmation = page(author, location);
    Element section = confirmation.selectFirst("#competing");
    assertThat(section).isNotNull();
    assertThat(section.select("h2").text()).isEqualTo("Other open submissions on this record");
    assertThat(section.text()).contains("your submission was received all the same");
    Element row = section.selectFirst("tr[data-submission=" + first + "]");
    assertThat(row.select("a[href=\"/submissions/" + first + "\"]")).hasSize(1);
    assertThat(row.text()).contains("ieee@example.org").contains("Pending");
    assertThat(row.select("li[data-field=title] .tag-overlap").text())
        .isEqualTo("also changed here");

    Document french = page(author, location + "?lang=fr");
    assertThat(french.select("#competing h2").text())
        .isEqualTo("Autres soumissions ouvertes sur cette notice");
    assertThat(french.select("#competing .tag-overlap").text()).isEqualTo("modifié ici aussi");

    // Their own list says so too.
    Document mine = page(author, "/submissions/mine?lang=en");
    assertThat(mine.select("a.tag-competing[href=\"" + location + "#competing\"]").text())
        .isEqualTo("1 other open submission on this record");

    // A submission alone on its record shows no such section.
    Standard alone = seed();
    String lone =
        submit("ieee", update(alone, record(alone.identifier(), "Alone"), 1)).get("id").asText();
    assertThat(page(signedIn("ieee@example.org"), "/submissions/" + lone).select("#competing"))
        .isEmpty();
  }

  @Test
  void theReviewPageListsTheOthersWithTheirFieldsAndTheQueueMarksThem() throws Exception {
    Standard s = seed();
    String a =
        submit("ieee", update(s, record(s.identifier(), "Title from A"), 1)).get("id").asText();
    ObjectNode other = record(s.identifier(), s.titleIn("en"));
    other.put("committee", "Committee from B");
    String b = submit("ieee2", update(s, other, 1)).get("id").asText();
    Standard alone = seed();
    String lone =
        submit("ieee", update(alone, record(alone.identifier(), "Alone"), 1)).get("id").asText();

    Browser coord = signedIn("coord@example.org");
    Document review = page(coord, "/submissions/" + a);
    Element row = review.selectFirst("#competing tr[data-submission=" + b + "]");
    assertThat(row).isNotNull();
    assertThat(row.text()).contains("ieee2@example.org");
    assertThat(row.select("li").eachText()).containsExactly("Committee");
    // B changes no field A changes: nothing marked as changed by both.
    assertThat(row.select(".tag-overlap")).isEmpty();
    assertThat(review.select("#competing p").text()).contains("Approving one moves the record on");

    Document queue = page(coord, "/review/submissions");
    assertThat(queueTag(queue, a)).isEqualTo("1 other open submission on this record");
    assertThat(queueTag(queue, b)).isEqualTo("1 other open submission on this record");
    assertThat(queueTag(queue, lone)).isEmpty();
    Document arabic = page(coord, "/review/submissions?lang=ar");
    assertThat(queueTag(arabic, a)).isEqualTo("مقترح مفتوح آخر على هذا السجل");

    // Withdrawn, B no longer competes.
    assertThat(
            send("POST", "/api/v1/submissions/" + b + "/withdraw", tokens.get("ieee2"), null)
                .statusCode())
        .isEqualTo(200);
    assertThat(page(coord, "/submissions/" + a).select("#competing")).isEmpty();
    assertThat(queueTag(page(coord, "/review/submissions"), a)).isEmpty();
  }

  /** The queue's mark on the row of submission {@code id}; empty when there is none. */
  static String queueTag(Document queue, String id) {
    Element link = queue.selectFirst("a[href=\"/submissions/" + id + "\"]");
    assertThat(link).as("queue row of " + id).isNotNull();
    return link.parent().select(".tag-competing").text();
  }

  /**
   * A and B change the same field on the same base; A is approved. B then shows the conflict field
   * by field, and approving it as it stands is refused (the existing design: an approval is made on
   * the submission's base revision, and one that moved on is a conflict), so the record keeps A's
   * value; B's author then resolves it on the current revision and only that is approved.
   */
  @Test
  void approvingOneLeavesTheOtherShowingTheConflictAndApprovingItNeverUndoesTheFirst()
      throws Exception {
    Standard s = seed();
    String a =
        submit("ieee", update(s, record(s.identifier(), "Title from A"), 1)).get("id").asText();
    ObjectNode theirs = record(s.identifier(), "Title from B");
    theirs.put("edition", "2");
    String b = submit("ieee2", update(s, theirs, 1)).get("id").asText();
    assertThat(decide("coord", a, "approve").statusCode()).isEqualTo(200);
    assertThat(app.catalog().get(s.id()).titleIn("en")).isEqualTo("Title from A");

    // The API says what changed since B's base, and that the title is changed by both.
    JsonNode view = body(send("GET", "/api/v1/submissions/" + b, tokens.get("coord"), null));
    assertSchema("Submission", view);
    assertThat(view.get("competing")).isEmpty();
    assertThat(view.at("/changedSinceBase/baseRevision").asInt()).isEqualTo(1);
    assertThat(view.at("/changedSinceBase/currentRevision").asInt()).isEqualTo(2);
    assertThat(texts(view.at("/changedSinceBase/fields"))).containsExactly("title");
    assertThat(texts(view.at("/changedSinceBase/conflicting"))).containsExactly("title");

    // The review page shows it field by field before anyone approves.
    Browser coord = signedIn("coord@example.org");
    Document review = page(coord, "/submissions/" + b);
    Element title = review.selectFirst("#since-base tr[data-field=title]");
    assertThat(title).isNotNull();
    assertThat(title.hasClass("conflict")).isTrue();
    assertThat(title.select("th").text()).isEqualTo("Title conflict");
    assertThat(title.select("td").eachText())
        .containsExactly("English: Title from A", "English: Title from B", a);
    assertThat(title.select("a[href=\"/submissions/" + a + "\"]")).hasSize(1);
    assertThat(review.select("#since-base h2").text())
        .isEqualTo("Changed in the record since revision 1 (now revision 2)");
    assertThat(review.select("#since-base-conflicts").text()).contains("Title");
    assertThat(review.select("#diff th[data-field=title] .tag-moved").text())
        .isEqualTo("changed in the record since");
    assertThat(review.select("#diff th[data-field=edition] .tag-moved")).isEmpty();
    Document chinese = page(coord, "/submissions/" + b + "?lang=zh");
    assertThat(chinese.select("#since-base tr[data-field=title] th .tag-changed").text())
        .isEqualTo("冲突");

    // Approving B as it stands is refused, by the API and by the page, and A's title stays.
    HttpResponse<String> api = decide("coord", b, "approve");
    assertThat(api.statusCode()).isEqualTo(409);
    assertThat(body(api).at("/error/code").asText()).isEqualTo("revision_conflict");
    Map<String, String> approve = new LinkedHashMap<>();
    approve.put("_csrf", coord.csrf("/submissions/" + b + "?lang=en"));
    approve.put("decision", "approve");
    HttpResponse<String> refused = coord.postForm("/submissions/" + b + "/decision", approve);
    assertThat(refused.statusCode()).isEqualTo(409);
    Document again = Jsoup.parse(refused.body());
    assertThat(again.select("form.decision .field-error").text())
        .isEqualTo(
            "The record has changed since this submission was made: it cannot be approved as it is.");
    assertThat(again.select("#since-base tr[data-field=title].conflict")).hasSize(1);
    Standard now = app.catalog().get(s.id());
    assertThat(now.titleIn("en")).isEqualTo("Title from A");
    assertThat(now.revision()).isEqualTo(2);
    assertThat(app.submissions().get(b).state().wire()).isEqualTo("pending");

    // B's author brings it up to date on the current revision, choosing the title, and only then
    // is it approved: A's title is replaced by a choice made against it, not silently.
    assertThat(decide("coord", b, "changes-requested").statusCode()).isEqualTo(200);
    Browser author = signedIn("ieee2@example.org");
    Document edit = page(author, "/submissions/" + b + "/edit");
    assertThat(edit.select("#rebased-both").text()).contains("Title");
    assertThat(edit.select("input[name=baseRevision]").attr("value")).isEqualTo("2");
    Map<String, String> form = SubmissionWebTest.formOf(edit);
    form.put("title_en", "Title from A, amended by B");
    assertThat(author.postForm("/submissions/" + b, form).statusCode()).isEqualTo(303);
    assertThat(page(coord, "/submissions/" + b).select("#since-base")).isEmpty();
    assertThat(decide("coord", b, "approve").statusCode()).isEqualTo(200);
    now = app.catalog().get(s.id());
    assertThat(now.titleIn("en")).isEqualTo("Title from A, amended by B");
    assertThat(now.edition()).isEqualTo("2");
  }

  /**
   * When the approved submission changed a field the other left alone, the other's page says that
   * approving it as it stands would undo that change (no conflict), and it is refused all the same.
   */
  @Test
  void aFieldOnlyTheApprovedSubmissionChangedIsShownAsOneTheOtherWouldUndo() throws Exception {
    Standard s = seed();
    String a =
        submit("ieee", update(s, record(s.identifier(), "Title from A"), 1)).get("id").asText();
    ObjectNode theirs = record(s.identifier(), s.titleIn("en"));
    theirs.put("committee", "Committee from B");
    String b = submit("ieee2", update(s, theirs, 1)).get("id").asText();
    assertThat(decide("coord", a, "approve").statusCode()).isEqualTo(200);

    JsonNode view = body(send("GET", "/api/v1/submissions/" + b, tokens.get("ieee2"), null));
    assertThat(texts(view.at("/changedSinceBase/fields"))).containsExactly("title");
    assertThat(view.at("/changedSinceBase/conflicting")).isEmpty();

    Document page = page(signedIn("ieee2@example.org"), "/submissions/" + b);
    Element title = page.selectFirst("#since-base tr[data-field=title]");
    assertThat(title.hasClass("undone")).isTrue();
    assertThat(title.select("th").text()).isEqualTo("Title would be undone");
    assertThat(page.select("#since-base-conflicts")).isEmpty();

    assertThat(decide("coord", b, "approve").statusCode()).isEqualTo(409);
    assertThat(app.catalog().get(s.id()).titleIn("en")).isEqualTo("Title from A");
    assertThat(app.catalog().get(s.id()).committee()).isNull();
  }

  /**
   * A and B change the title on the same base; A is approved, so B is stale with the title in
   * conflict. Returns {@code [record id, A, B]}.
   */
  static String[] staleWithTitleInConflict() throws Exception {
    Standard s = seed();
    String a =
        submit("ieee", update(s, record(s.identifier(), "Title from A"), 1)).get("id").asText();
    ObjectNode theirs = record(s.identifier(), "Title from B");
    theirs.put("edition", "2");
    String b = submit("ieee2", update(s, theirs, 1)).get("id").asText();
    assertThat(decide("coord", a, "approve").statusCode()).isEqualTo(200);
    return new String[] {s.id(), a, b};
  }

  static HttpResponse<String> rebase(String who, String id, String body) {
    return send("POST", "/api/v1/submissions/" + id + "/rebase", tokens.get(who), body);
  }

  /**
   * Its author brings a stale pending submission up to date through the API: without a choice for
   * the field both changed it is refused naming that field, another user may not do it at all, and
   * with the choice it is based on the current revision, no longer stale, its history says so, and
   * a coordinator can approve it without undoing anything else.
   */
  @Test
  void theAuthorRebasesAStaleSubmissionChoosingTheConflictingFieldAndItIsNoLongerStale()
      throws Exception {
    String[] ids = staleWithTitleInConflict();
    String recordId = ids[0];
    String b = ids[2];

    HttpResponse<String> unchosen = rebase("ieee2", b, "{\"revision\": 2}");
    assertThat(unchosen.statusCode()).as(unchosen.body()).isEqualTo(400);
    assertThat(body(unchosen).at("/error/details/0/field").asText()).isEqualTo("choices.title");
    HttpResponse<String> badChoice = rebase("ieee2", b, "{\"choices\": {\"title\": \"both\"}}");
    assertThat(badChoice.statusCode()).isEqualTo(400);
    assertThat(body(badChoice).at("/error/details/0/field").asText()).isEqualTo("choices.title");
    // Someone else, even of the same body or a coordinator, may not rebase B.
    String chosen = "{\"revision\": 2, \"choices\": {\"title\": \"mine\"}}";
    assertThat(rebase("ieee", b, chosen).statusCode()).isEqualTo(403);
    assertThat(rebase("coord", b, chosen).statusCode()).isEqualTo(403);
    // Choices made on a revision the record has left are refused.
    assertThat(
            rebase("ieee2", b, "{\"revision\": 1, \"choices\": {\"title\": \"mine\"}}")
                .statusCode())
        .isEqualTo(409);
    assertThat(app.submissions().get(b).baseRevision()).isEqualTo(1);

    HttpResponse<String> done = rebase("ieee2", b, chosen);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    JsonNode view = body(done);
    assertSchema("Submission", view);
    assertThat(view.get("baseRevision").asInt()).isEqualTo(2);
    assertThat(view.get("state").asText()).isEqualTo("pending");
    assertThat(view.get("changedSinceBase").isNull()).isTrue();
    assertThat(view.at("/record/title/en").asText()).isEqualTo("Title from B");
    assertThat(view.at("/rebases/0/fromRevision").asInt()).isEqualTo(1);
    assertThat(view.at("/rebases/0/toRevision").asInt()).isEqualTo(2);
    assertThat(view.at("/rebases/0/by").asText()).isEqualTo("ieee2@example.org");
    assertThat(texts(view.at("/rebases/0/kept"))).containsExactly("title");
    assertThat(view.at("/rebases/0/taken")).isEmpty();
    // Sent again, there is nothing left to bring up to date.
    HttpResponse<String> again = rebase("ieee2", b, chosen);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(body(again).at("/error/code").asText()).isEqualTo("up_to_date");

    // The coordinator's page no longer marks it stale, and approving it goes through.
    Document review = page(signedIn("coord@example.org"), "/submissions/" + b);
    assertThat(review.select("#since-base")).isEmpty();
    assertThat(review.select("#rebase")).isEmpty();
    assertThat(review.select("#rebases li").text())
        .contains("Updated from revision 1 to revision 2")
        .contains("Own value kept: Title");
    assertThat(decide("coord", b, "approve").statusCode()).isEqualTo(200);
    Standard now = app.catalog().get(recordId);
    assertThat(now.titleIn("en")).isEqualTo("Title from B");
    assertThat(now.edition()).isEqualTo("2");
    assertThat(now.revision()).isEqualTo(3);
  }

  /**
   * The same through the author's page, without script: a form with both values of each field in
   * conflict; sent without a choice it comes back (400) saying so by that field, sent with one the
   * submission is brought up to date on the record's value, and another user's form is refused.
   */
  @Test
  void theAuthorUpdatesAStaleSubmissionFromItsPageChoosingEachConflictingValue() throws Exception {
    String[] ids = staleWithTitleInConflict();
    String b = ids[2];
    Browser author = signedIn("ieee2@example.org");
    Document page = page(author, "/submissions/" + b);
    Element form = page.selectFirst("#rebase form");
    assertThat(form).isNotNull();
    assertThat(form.attr("action")).isEqualTo("/submissions/" + b + "/rebase");
    assertThat(form.select("input[name=revision]").val()).isEqualTo("2");
    Element title = form.selectFirst("fieldset[data-field=title]");
    assertThat(title.select("legend").text())
        .isEqualTo("Title: changed both in the record and by you");
    assertThat(title.select("label[for=choice-title-mine]").text())
        .isEqualTo("Keep yours: English: Title from B");
    assertThat(title.select("label[for=choice-title-current]").text())
        .isEqualTo("Take the record's: English: Title from A");
    assertThat(form.select("fieldset[data-field=edition]")).isEmpty();
    Document french = page(author, "/submissions/" + b + "?lang=fr");
    assertThat(french.select("#rebase h2").text())
        .isEqualTo("Mettre à jour sur la notice actuelle");
    page(author, "/submissions/" + b + "?lang=en"); // the language chosen stays: back to English

    Map<String, String> values = new LinkedHashMap<>();
    values.put("_csrf", form.select("input[name=_csrf]").val());
    values.put("revision", "2");
    HttpResponse<String> unchosen = author.postForm("/submissions/" + b + "/rebase", values);
    assertThat(unchosen.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(unchosen.body()).select("#choice-title-error").text())
        .isEqualTo("Choose one of the two values.");
    assertThat(app.submissions().get(b).baseRevision()).isEqualTo(1);

    // Another contributor of the body reads the submission, but may not rebase it.
    Browser other = signedIn("ieee@example.org");
    Map<String, String> theirs = new LinkedHashMap<>(values);
    theirs.put("_csrf", other.csrf("/submissions/" + b));
    theirs.put("choices.title", "mine");
    assertThat(other.postForm("/submissions/" + b + "/rebase", theirs).statusCode()).isEqualTo(403);
    assertThat(page(other, "/submissions/" + b).select("#rebase")).isEmpty();

    values.put("choices.title", "current");
    HttpResponse<String> sent = author.postForm("/submissions/" + b + "/rebase", values);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    Document after = page(author, "/submissions/" + b);
    assertThat(after.select("#since-base")).isEmpty();
    assertThat(after.select("#rebase")).isEmpty();
    assertThat(after.select("#rebases li").text()).contains("Record's value taken: Title");
    // The record's title taken, the author's own edition kept.
    assertThat(app.submissions().get(b).record().titleIn("en")).isEqualTo("Title from A");
    assertThat(app.submissions().get(b).record().edition()).isEqualTo("2");
    assertThat(app.submissions().get(b).baseRevision()).isEqualTo(2);
  }

  /**
   * A change since the base that no submission made names who made it as the pages name actors (an
   * import of a feed, the edition rules) in the page's language, not by its internal code.
   */
  @Test
  void changedByNamesAnImportAndTheEditionRulesByTheirLabels() throws Exception {
    Standard s = seed();
    ObjectNode mine = record(s.identifier(), s.titleIn("en"));
    mine.put("committee", "Committee from B");
    String b = submit("ieee2", update(s, mine, 1)).get("id").asText();
    Standard imported =
        app.catalog()
            .save(
                s.toBuilder().title(Map.of("en", "Title from the feed")).build(),
                "import",
                "relaton-iso",
                1)
            .record();
    app.catalog().save(imported.toBuilder().edition("5").build(), "editions", null, 2);

    Browser author = signedIn("ieee2@example.org");
    Document en = page(author, "/submissions/" + b + "?lang=en");
    assertThat(changedBy(en, "title")).isEqualTo("Import of relaton-iso");
    // The edition rules' revision keeps the record's source, named beside them.
    assertThat(changedBy(en, "edition")).isEqualTo("Edition rules (relaton-iso)");
    Document fr = page(author, "/submissions/" + b + "?lang=fr");
    assertThat(changedBy(fr, "title")).isEqualTo("Import de relaton-iso");
    assertThat(changedBy(fr, "edition")).isEqualTo("Règles des éditions (relaton-iso)");
  }

  /** The "Changed by" cell of {@code field}'s row in the changes since the base. */
  static String changedBy(Document page, String field) {
    Element row = page.selectFirst("#since-base tr[data-field=" + field + "]");
    assertThat(row).as("since-base row of " + field).isNotNull();
    return row.select("td").last().text();
  }

  static List<String> texts(JsonNode array) {
    java.util.List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
