package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.account.User;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Standard;
import org.aisx.taxonomy.Dimension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Submissions, their review and direct edits over real HTTP on a real SQLite store: who may submit
 * what, stale revisions, preconditions, field errors, escaping and CSRF.
 */
class SubmissionWebTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static final ObjectMapper json = new ObjectMapper();
  static final AtomicInteger serial = new AtomicInteger();
  static final Map<String, String> tokens = new LinkedHashMap<>();
  static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

  /** Markup-like text that the cleaner keeps as text ({@code <x>} is no HTML a feed writes). */
  static final String LITERAL = "Title <x onerror=alert(1)> \"'><y>";

  @BeforeAll
  static void start() {
    app = Fixtures.empty(dir);
    server = app.web().start(0);
    Fixtures.user(app, "ieee@example.org", Role.CONTRIBUTOR, "IEEE");
    Fixtures.user(app, "ieee2@example.org", Role.CONTRIBUTOR, "IEEE");
    Fixtures.user(app, "iso@example.org", Role.CONTRIBUTOR, "ISO/IEC");
    Fixtures.user(app, "coord@example.org", Role.COORDINATOR);
    Fixtures.user(app, "admin@example.org", Role.ADMIN);
    for (String who : new String[] {"ieee", "ieee2", "iso", "coord", "admin"}) {
      tokens.put(
          who, "Bearer " + app.accounts().createToken(who + "@example.org", "test").secret());
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  /** A record in the catalogue, at revision 1. */
  static Standard seed(String identifier, String sdo) {
    ObjectNode n = record(identifier, sdo, "Seeded " + identifier);
    return app.catalog().save(app.reader().read(n), "test", "fixture", null).record();
  }

  static ObjectNode record(String identifier, String sdo, String title) {
    ObjectNode n = json.createObjectNode();
    n.put("identifier", identifier);
    n.putObject("title").put("en", title);
    n.put("sdo", sdo);
    n.put("type", "international-standard");
    n.put("status", "draft");
    return n;
  }

  static String unique(String prefix) {
    return prefix + " " + (9000 + serial.incrementAndGet());
  }

  static String create(ObjectNode record) {
    ObjectNode b = json.createObjectNode();
    b.put("action", "create");
    b.set("record", record);
    return b.toString();
  }

  static String update(Standard current, ObjectNode record, int base) {
    ObjectNode b = json.createObjectNode();
    b.put("action", "update");
    b.put("recordId", current.id());
    b.put("baseRevision", base);
    b.set("record", record);
    return b.toString();
  }

  static HttpResponse<String> send(
      String method, String path, String token, String body, String... headers) {
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
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return new Http(server.port()).send(b.build());
  }

  static JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  static String submit(String who, String body) throws Exception {
    HttpResponse<String> r = send("POST", "/api/v1/submissions", tokens.get(who), body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(body(r).get("state").asText()).isEqualTo("pending");
    return body(r).get("id").asText();
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

  @ParameterizedTest(name = "{0} {1} a {2} record: {3}")
  @CsvSource({
    "public, create, IEEE, 401",
    "public, update, IEEE, 401",
    "ieee, create, IEEE, 201",
    "ieee, create, ISO/IEC, 403",
    "ieee, update, IEEE, 201",
    "ieee, update, ISO/IEC, 403",
    "ieee, move-to-own, ISO/IEC, 403",
    "ieee, move-to-other, IEEE, 403",
    "iso, create, ISO/IEC, 201",
    "iso, create, IEEE, 403",
    "iso, update, ISO/IEC, 201",
    "iso, update, IEEE, 403",
    "coord, create, IEEE, 201",
    "coord, update, ISO/IEC, 201",
    "admin, create, ISO/IEC, 201",
    "admin, update, IEEE, 201",
  })
  void roleTimesActionTimesBody(String who, String action, String sdo, int expected)
      throws Exception {
    String token = tokens.get(who);
    String body;
    if (action.equals("create")) {
      body = create(record(unique(sdo), sdo, "A new record"));
    } else {
      Standard current = seed(unique(sdo), sdo);
      // move-to-own: an ISO/IEC record moved into IEEE; move-to-other: IEEE moved to ISO/IEC.
      String newSdo =
          action.equals("move-to-own") ? "IEEE" : action.equals("move-to-other") ? "ISO/IEC" : sdo;
      body = update(current, record(current.identifier(), newSdo, "Changed title"), 1);
    }
    long before = app.submissions().inState(null).size();
    HttpResponse<String> r = send("POST", "/api/v1/submissions", token, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
    if (expected == 201) {
      assertSchema("Submission", body(r));
      assertThat(r.headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).contains("sub-"));
    } else {
      assertSchema("Error", body(r));
      assertThat(app.submissions().inState(null)).hasSize((int) before);
    }
  }

  @Test
  void approvalCreatesTheRecordWithHistoryNamingTheCoordinatorAndItIsSearchableAtOnce()
      throws Exception {
    String identifier = unique("IEEE P");
    String id = submit("ieee", create(record(identifier, "IEEE", "Quokka governance agents")));
    HttpResponse<String> queue =
        send("GET", "/api/v1/submissions?state=pending", tokens.get("coord"), null);
    assertThat(queue.statusCode()).isEqualTo(200);
    assertSchema("SubmissionList", body(queue));
    assertThat(body(queue).get("items").findValuesAsText("id")).contains(id);

    HttpResponse<String> approved = decide("coord", id, "approve");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(body(approved).get("state").asText()).isEqualTo("approved");
    assertThat(body(approved).get("decidedBy").asText()).isEqualTo("coord@example.org");

    String recordId = body(approved).get("recordId").asText();
    Standard s = app.catalog().get(recordId);
    assertThat(s.revision()).isEqualTo(1);
    assertThat(s.source()).isEqualTo("submission:" + id);
    assertThat(app.catalog().history(recordId))
        .anySatisfy(
            e -> {
              assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.APPROVED);
              assertThat(e.actor()).isEqualTo("coord@example.org");
              assertThat(e.source()).isEqualTo("submission:" + id);
            });
    HttpResponse<String> found = send("GET", "/api/v1/standards?mode=keyword&q=quokka", null, null);
    assertThat(body(found).get("items").findValuesAsText("id")).contains(recordId);
    HttpResponse<String> history =
        send("GET", "/api/v1/standards/" + recordId + "/history", null, null);
    assertSchema("HistoryResponse", body(history));

    // Deciding twice is refused; the author sees the outcome.
    assertThat(decide("coord", id, "reject").statusCode()).isEqualTo(409);
    HttpResponse<String> mine = send("GET", "/api/v1/submissions/" + id, tokens.get("ieee"), null);
    assertThat(body(mine).get("state").asText()).isEqualTo("approved");
    assertThat(body(mine).get("comment").asText()).isEqualTo("looked at it");

    // An update approved bumps the revision.
    String upd =
        submit("ieee", update(s, record(identifier, "IEEE", "Quokka governance agents, 2nd"), 1));
    assertThat(decide("admin", upd, "approve").statusCode()).isEqualTo(200);
    assertThat(app.catalog().get(recordId).revision()).isEqualTo(2);
    assertThat(app.catalog().get(recordId).titleIn("en")).endsWith("2nd");
  }

  @Test
  void staleBaseRevisionIsRefusedOnSubmitAndOnApproval() throws Exception {
    Standard s = seed(unique("IEEE"), "IEEE");
    HttpResponse<String> stale =
        send(
            "POST",
            "/api/v1/submissions",
            tokens.get("ieee"),
            update(s, record(s.identifier(), "IEEE", "x"), 7));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(body(stale).at("/error/code").asText()).isEqualTo("revision_conflict");

    String id =
        submit("ieee", update(s, record(s.identifier(), "IEEE", "From the contributor"), 1));
    // The record moves on meanwhile (a coordinator's direct edit).
    HttpResponse<String> edit =
        send(
            "PUT",
            "/api/v1/standards/" + s.id(),
            tokens.get("coord"),
            record(s.identifier(), "IEEE", "From the coordinator").toString(),
            "If-Match",
            "\"1\"");
    assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
    HttpResponse<String> approve = decide("coord", id, "approve");
    assertThat(approve.statusCode()).isEqualTo(409);
    assertSchema("Error", body(approve));
    assertThat(app.catalog().get(s.id()).titleIn("en")).isEqualTo("From the coordinator");
    assertThat(app.catalog().get(s.id()).revision()).isEqualTo(2);
    assertThat(app.submissions().get(id).state().wire()).isEqualTo("pending");
  }

  @Test
  void aRecordReadFromTheApiCanBeEditedAndSentBackAsItCame() throws Exception {
    Standard s = seed(unique("ISO/IEC"), "ISO/IEC");
    String path = "/api/v1/standards/" + s.id();
    JsonNode read = body(send("GET", path, null, null));
    assertThat(read.has("provenance")).isTrue();
    ((ObjectNode) read).putArray("keywords").add("edited after reading");

    HttpResponse<String> put =
        send("PUT", path, tokens.get("coord"), read.toString(), "If-Match", "\"1\"");

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(app.catalog().get(s.id()).keywords()).containsExactly("edited after reading");
    assertThat(app.catalog().get(s.id()).revision()).isEqualTo(2);
  }

  @Test
  void putNeedsIfMatchAndTheCurrentRevisionAndAnsweersWithTheNewEtag() throws Exception {
    Standard s = seed(unique("ISO/IEC"), "ISO/IEC");
    String changed = record(s.identifier(), "ISO/IEC", "Edited directly").toString();
    String path = "/api/v1/standards/" + s.id();
    // A read's ETag is the revision and a digest of what it answered (EntityTags); If-Match takes
    // it as it is, or the bare revision.
    String read = send("GET", path, null, null).headers().firstValue("ETag").orElseThrow();
    assertThat(read).matches("\"1-[0-9a-f]{16}\"");
    assertThat(send("GET", path + "/history", null, null).headers().firstValue("ETag"))
        .hasValueSatisfying(v -> assertThat(v).matches("\"1-[0-9a-f]{16}\""));
    // The page is not the record: it is said in its reader's language and shows who is signed in,
    // so its validator is not the revision. Asked again in another language with the revision as
    // If-None-Match, it answers the page in that language, not 304.
    HttpResponse<String> english = send("GET", "/standards/" + s.id(), null, null);
    assertThat(english.headers().firstValue("ETag")).isEmpty();
    assertThat(english.headers().firstValue("Vary")).hasValue("Cookie, Accept-Language");
    assertThat(english.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
    HttpResponse<String> arabic =
        send(
            "GET",
            "/standards/" + s.id(),
            null,
            null,
            "If-None-Match",
            "\"1\"",
            "Cookie",
            "lang=ar");
    assertThat(arabic.statusCode()).isEqualTo(200);
    assertThat(arabic.body()).contains("lang=\"ar\" dir=\"rtl\"");

    HttpResponse<String> missing = send("PUT", path, tokens.get("coord"), changed);
    assertThat(missing.statusCode()).isEqualTo(428);
    assertSchema("Error", body(missing));
    assertThat(send("PUT", path, tokens.get("coord"), changed, "If-Match", "\"2\"").statusCode())
        .isEqualTo(412);
    assertThat(send("PUT", path, tokens.get("coord"), changed, "If-Match", "nonsense").statusCode())
        .isEqualTo(400);
    assertThat(send("PUT", path, tokens.get("iso"), changed, "If-Match", "\"1\"").statusCode())
        .isEqualTo(403);
    assertThat(send("PUT", path, null, changed, "If-Match", "\"1\"").statusCode()).isEqualTo(401);
    assertThat(app.catalog().get(s.id()).revision()).isEqualTo(1);

    HttpResponse<String> ok = send("PUT", path, tokens.get("coord"), changed, "If-Match", read);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    // The answer is the record as a read gives it then (RecordEditAnswerTest), with that read's
    // ETag.
    assertThat(ok.headers().firstValue("ETag"))
        .isEqualTo(send("GET", path, null, null).headers().firstValue("ETag"))
        .hasValueSatisfying(v -> assertThat(v).matches("\"2-[0-9a-f]{16}\""));
    assertThat(send("PUT", path, tokens.get("coord"), changed, "If-Match", "\"1\"").statusCode())
        .isEqualTo(412);
    assertThat(send("PUT", path, tokens.get("coord"), changed, "If-Match", read).statusCode())
        .isEqualTo(412);
    HttpResponse<String> invalid =
        send(
            "PUT",
            path,
            tokens.get("coord"),
            "{\"identifier\": \"" + s.identifier() + "\"}",
            "If-Match",
            "\"2\"");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(body(invalid).at("/error/details").findValuesAsText("field")).contains("title");
  }

  @Test
  void fieldErrorsNameEachFieldAndThePolicyAddsRequiredFields() throws Exception {
    ObjectNode bad = json.createObjectNode();
    bad.put("identifier", unique("IEEE"));
    bad.put("sdo", "IEEE");
    bad.put("type", "poem");
    bad.put("published", "yesterday");
    HttpResponse<String> r = send("POST", "/api/v1/submissions", tokens.get("ieee"), create(bad));
    assertThat(r.statusCode()).isEqualTo(400);
    assertSchema("Error", body(r));
    assertThat(body(r).at("/error/code").asText()).isEqualTo("validation_failed");
    JsonNode details = body(r).at("/error/details");
    assertThat(details.findValuesAsText("field")).contains("title", "type", "status", "published");
    assertThat(details)
        .anySatisfy(
            d -> {
              assertThat(d.get("field").asText()).isEqualTo("title");
              assertThat(d.get("problem").asText()).isEqualTo("required");
            });
    HttpResponse<String> noAction =
        send("POST", "/api/v1/submissions", tokens.get("ieee"), "{\"action\": \"delete\"}");
    assertThat(body(noAction).at("/error/details").findValuesAsText("field"))
        .contains("action", "record");
    assertThat(send("POST", "/api/v1/submissions", tokens.get("ieee"), "{not json").statusCode())
        .isEqualTo(400);

    // A coordinator requires the committee from the policy page.
    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    String csrf = coord.csrf("/review/field-policy");
    int version = app.submissions().fieldPolicy().version();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", csrf);
    form.put("version", String.valueOf(version));
    form.put("required", "committee");
    assertThat(coord.postForm("/review/field-policy", form).statusCode()).isEqualTo(303);
    try {
      assertThat(app.submissions().fieldPolicy().required()).containsExactly("committee");
      assertThat(app.submissions().fieldPolicy().changedBy()).isEqualTo("coord@example.org");
      assertThat(coord.get("/review/field-policy").body()).contains("coord@example.org");
      HttpResponse<String> policy = send("GET", "/api/v1/field-policy", null, null);
      assertSchema("FieldPolicy", body(policy));
      HttpResponse<String> noCommittee =
          send(
              "POST",
              "/api/v1/submissions",
              tokens.get("ieee"),
              create(record(unique("IEEE"), "IEEE", "t")));
      assertThat(noCommittee.statusCode()).isEqualTo(400);
      assertThat(body(noCommittee).at("/error/details").get(0).get("field").asText())
          .isEqualTo("committee");
      // Based on an old version: a conflict, nothing changes.
      assertThat(coord.postForm("/review/field-policy", form).statusCode()).isEqualTo(409);
    } finally {
      Map<String, String> reset = new LinkedHashMap<>();
      reset.put("_csrf", csrf);
      reset.put("version", String.valueOf(app.submissions().fieldPolicy().version()));
      assertThat(coord.postForm("/review/field-policy", reset).statusCode()).isEqualTo(303);
    }
    assertThat(app.submissions().fieldPolicy().required()).isEmpty();
    assertThat(app.submissions().fieldPolicyHistory().size()).isGreaterThanOrEqualTo(2);

    Browser contributor = new Browser(server.port());
    contributor.signIn("ieee@example.org", Fixtures.PASSWORD);
    assertThat(contributor.get("/review/field-policy").statusCode()).isEqualTo(403);
  }

  @Test
  void authorsAndCoordinatorsSeeASubmissionOthersDoNot() throws Exception {
    String id = submit("ieee", create(record(unique("IEEE"), "IEEE", "Visible")));
    String path = "/api/v1/submissions/" + id;
    assertThat(send("GET", path, tokens.get("ieee"), null).statusCode()).isEqualTo(200);
    assertThat(send("GET", path, tokens.get("coord"), null).statusCode()).isEqualTo(200);
    assertThat(send("GET", path, tokens.get("iso"), null).statusCode()).isEqualTo(403);
    assertThat(send("GET", path, null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/v1/submissions/sub-nope", tokens.get("coord"), null).statusCode())
        .isEqualTo(404);
    // A contributor, who may not see the queue, gets their own without mine=true too.
    HttpResponse<String> own = send("GET", "/api/v1/submissions", tokens.get("ieee"), null);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertSchema("SubmissionList", body(own));
    assertThat(body(own).get("items").findValuesAsText("id")).contains(id);
    assertThat(body(own).get("items").findValuesAsText("author")).containsOnly("ieee@example.org");
    assertThat(
            send("GET", "/api/v1/submissions?state=maybe", tokens.get("coord"), null).statusCode())
        .isEqualTo(400);
    HttpResponse<String> mine =
        send("GET", "/api/v1/submissions?mine=true", tokens.get("ieee"), null);
    assertThat(body(mine).get("items").findValuesAsText("id")).contains(id);
    assertThat(decide("ieee", id, "approve").statusCode()).isEqualTo(403);
    assertThat(decide("coord", id, "perhaps").statusCode()).isEqualTo(400);
  }

  @Test
  void contributorsOfOneBodyReadEachOthersPendingSubmissionsButNotAnotherBodys() throws Exception {
    String ours = submit("ieee", create(record(unique("IEEE"), "IEEE", "Proposed by a colleague")));
    String theirs = submit("iso", create(record(unique("ISO/IEC"), "ISO/IEC", "Another body's")));
    HttpResponse<String> r =
        send("GET", "/api/v1/submissions?bodies=true", tokens.get("ieee2"), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertSchema("SubmissionList", body(r));
    assertThat(body(r).get("items").findValuesAsText("id")).contains(ours).doesNotContain(theirs);
    assertThat(body(r).get("items").findValuesAsText("state")).containsOnly("pending");
    // Without the filter a contributor still gets their own only.
    assertThat(
            body(send("GET", "/api/v1/submissions", tokens.get("ieee2"), null))
                .get("items")
                .findValuesAsText("id"))
        .doesNotContain(ours);
    // An account of no body has no body's submissions.
    assertThat(
            body(send("GET", "/api/v1/submissions?bodies=true", tokens.get("coord"), null))
                .get("items"))
        .isEmpty();
    // Read, not written: the colleague reads it, but neither withdraws nor changes it.
    String path = "/api/v1/submissions/" + ours;
    assertThat(send("GET", path, tokens.get("ieee2"), null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/submissions/" + theirs, tokens.get("ieee2"), null).statusCode())
        .isEqualTo(403);
    assertThat(send("POST", path + "/withdraw", tokens.get("ieee2"), null).statusCode())
        .isEqualTo(403);
    assertThat(app.submissions().get(ours).state().wire()).isEqualTo("pending");

    Browser colleague = new Browser(server.port());
    colleague.signIn("ieee2@example.org", Fixtures.PASSWORD);
    Document mine = Jsoup.parse(colleague.get("/submissions/mine").body());
    assertThat(mine.select("#of-bodies a[href=/submissions/" + ours + "]")).hasSize(1);
    assertThat(mine.select("a[href=/submissions/" + theirs + "]")).isEmpty();
    HttpResponse<String> shown = colleague.get("/submissions/" + ours);
    assertThat(shown.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(shown.body());
    assertThat(page.text()).contains("Proposed by a colleague");
    assertThat(page.select("form[action$=/withdraw], a[href$=/edit]")).isEmpty();
    assertThat(colleague.get("/submissions/" + ours + "/edit").statusCode()).isEqualTo(403);
    assertThat(colleague.get("/submissions/" + theirs).statusCode()).isEqualTo(403);
  }

  @Test
  void aRelationTargetGivenAsARecordIdIsStoredAndShownAsThatRecordsIdentifier() throws Exception {
    Standard target = seed(unique("IEEE"), "IEEE");
    Standard holder = seed(unique("IEEE"), "IEEE");
    Standard isoTarget = seed(unique("ISO/IEC"), "ISO/IEC");
    ObjectNode changed = record(holder.identifier(), "IEEE", "Seeded " + holder.identifier());
    var relations = changed.putArray("relations");
    relations.addObject().put("type", "replaced-by").put("target", target.id());
    relations.addObject().put("type", "replaces").put("target", isoTarget.id());
    String id = submit("ieee", update(holder, changed, 1));
    assertThat(app.submissions().get(id).record().relations())
        .extracting(org.aisx.catalog.Relation::target)
        .containsExactly(target.identifier(), isoTarget.identifier());

    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    Document comparison = Jsoup.parse(coord.get("/submissions/" + id).body());
    assertThat(comparison.text())
        .contains(target.identifier())
        .doesNotContain(target.id())
        .doesNotContain(isoTarget.id());
    assertThat(decide("coord", id, "approve").statusCode()).isEqualTo(200);

    Document page = Jsoup.parse(send("GET", "/standards/" + holder.id(), null, null).body());
    assertThat(page.select("a[href=/standards/" + target.id() + "]").text())
        .isEqualTo(target.identifier());
    assertThat(page.select("a[href=/standards/" + isoTarget.id() + "]").text())
        .isEqualTo(isoTarget.identifier());
    // A coordinator's direct edit stores the identifier too.
    ObjectNode edited = record(target.identifier(), "IEEE", "Seeded " + target.identifier());
    edited.putArray("relations").addObject().put("type", "related").put("target", holder.id());
    HttpResponse<String> put =
        send(
            "PUT",
            "/api/v1/standards/" + target.id(),
            tokens.get("coord"),
            edited.toString(),
            "If-Match",
            "\"1\"");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(app.catalog().get(target.id()).relations())
        .extracting(org.aisx.catalog.Relation::target)
        .containsExactly(holder.identifier());
    // The relation another body's record must accept is queued under the identifier too.
    Document queue = Jsoup.parse(coord.get("/review/relations").body());
    assertThat(queue.select("a[href=/standards/" + isoTarget.id() + "]").eachText())
        .contains(isoTarget.identifier());
    assertThat(queue.text()).doesNotContain(isoTarget.id());
  }

  /**
   * A target typed as a record's id that the catalogue did not hold when the submission was sent
   * (or sent before targets were named) stays as typed while pending; when it is approved, the
   * record is in the catalogue and the relation is stored under its identifier, not the id.
   */
  @Test
  void aRelationTargetGivenAsAnIdIsNamedWhenApprovedIfTheRecordCameMeanwhile() throws Exception {
    Standard holder = seed(unique("IEEE"), "IEEE");
    String later = unique("IEEE");
    String laterId = org.aisx.catalog.Slug.of(later);
    ObjectNode changed = record(holder.identifier(), "IEEE", "Seeded " + holder.identifier());
    changed.putArray("relations").addObject().put("type", "replaced-by").put("target", laterId);
    String id = submit("ieee", update(holder, changed, 1));
    assertThat(app.submissions().get(id).record().relations().get(0).target()).isEqualTo(laterId);
    seed(later, "IEEE");
    assertThat(decide("coord", id, "approve").statusCode()).isEqualTo(200);
    assertThat(app.catalog().get(holder.id()).relations())
        .extracting(org.aisx.catalog.Relation::target)
        .containsExactly(later);
  }

  @Test
  void changesRequestedLetsTheAuthorResubmitTheSameSubmission() throws Exception {
    String identifier = unique("IEEE");
    String id = submit("ieee", create(record(identifier, "IEEE", "First try")));
    assertThat(decide("coord", id, "changes-requested").statusCode()).isEqualTo(200);
    String path = "/api/v1/submissions/" + id;
    String again = create(record(identifier, "IEEE", "Second try"));
    assertThat(send("PUT", path, tokens.get("iso"), again).statusCode()).isEqualTo(403);
    HttpResponse<String> r = send("PUT", path, tokens.get("ieee"), again);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(body(r).get("state").asText()).isEqualTo("pending");
    assertThat(body(r).at("/record/title/en").asText()).isEqualTo("Second try");
    assertThat(send("PUT", path, tokens.get("ieee"), again).statusCode()).isEqualTo(409);

    // The same through the pages: the author's "My submissions" shows the state.
    Browser author = new Browser(server.port());
    author.signIn("ieee@example.org", Fixtures.PASSWORD);
    assertThat(decide("coord", id, "changes-requested").statusCode()).isEqualTo(200);
    Document mine = Jsoup.parse(author.get("/submissions/mine").body());
    assertThat(mine.select("a[href=/submissions/" + id + "]").first().closest("tr").text())
        .contains("Changes requested")
        .contains("looked at it");
    Document page = Jsoup.parse(author.get("/submissions/" + id).body());
    assertThat(page.select("a[href=/submissions/" + id + "/edit]")).hasSize(1);
    Document edit = Jsoup.parse(author.get("/submissions/" + id + "/edit").body());
    Map<String, String> form = formOf(edit);
    form.put("title_en", "Third try");
    HttpResponse<String> sent = author.postForm("/submissions/" + id, form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    assertThat(app.submissions().get(id).state().wire()).isEqualTo("pending");
    assertThat(app.submissions().get(id).record().titleIn("en")).isEqualTo("Third try");
  }

  @Test
  void theFormSubmitsAndMarksEachFieldInErrorAndRefusesOtherBodies() throws Exception {
    Browser b = new Browser(server.port());
    b.signIn("ieee@example.org", Fixtures.PASSWORD);
    Document page = Jsoup.parse(b.get("/submissions/new").body());
    assertThat(page.select("label[for=title_en]").text()).contains("Title");
    assertThat(page.select("main")).hasSize(1);
    assertThat(page.select("#sdo").attr("value")).isEqualTo("IEEE");
    Map<String, String> form = formOf(page);
    form.put("identifier", unique("IEEE"));
    HttpResponse<String> invalid = b.postForm("/submissions", form);
    assertThat(invalid.statusCode()).isEqualTo(400);
    Document errors = Jsoup.parse(invalid.body());
    // The summary names the field as its label does, and takes focus when the page loads.
    assertThat(errors.select(".error-summary a[href=#title_en]").text())
        .isEqualTo("Title (English)");
    assertThat(errors.select(".error-summary").hasAttr("autofocus")).isTrue();
    assertThat(errors.select("#title_en").attr("aria-invalid")).isEqualTo("true");
    assertThat(errors.select("#identifier").attr("value")).isEqualTo(form.get("identifier"));

    form.put("title_en", "Submitted through the form");
    form.put("type", "technical-report");
    form.put("status", "in-force");
    form.put("keywords", "one, two");
    HttpResponse<String> ok = b.postForm("/submissions", form);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
    String location = ok.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/submissions/sub-");
    assertThat(app.submissions().get(location.substring(13)).record().keywords())
        .containsExactly("one", "two");

    form.put("sdo", "ISO/IEC");
    form.put("identifier", unique("ISO/IEC"));
    assertThat(b.postForm("/submissions", form).statusCode()).isEqualTo(403);

    // An update of another body's record through the form is refused too.
    Standard iso = seed(unique("ISO/IEC"), "ISO/IEC");
    Map<String, String> upd =
        formOf(Jsoup.parse(b.get("/submissions/new?record=" + iso.id()).body()));
    assertThat(upd.get("title_en")).isEqualTo(iso.titleIn("en"));
    upd.put("title_en", "Hijacked");
    assertThat(b.postForm("/submissions", upd).statusCode()).isEqualTo(403);
    assertThat(app.submissions().inState(null)).noneMatch(s -> s.recordId().equals(iso.id()));

    assertThat(new Browser(server.port()).get("/submissions/new").statusCode()).isEqualTo(401);
  }

  /**
   * The form shown again after it was sent answers a POST: its links to itself in other languages
   * lead to the form's own address (which GET answers), the record it changes kept, never to the
   * address it was sent to (a 405).
   */
  @Test
  void aFormShownAgainLinksToItsOwnAddressInOtherLanguages() throws Exception {
    Browser b = new Browser(server.port());
    b.signIn("ieee@example.org", Fixtures.PASSWORD);
    Map<String, String> form = formOf(Jsoup.parse(b.get("/submissions/new?lang=fr").body()));
    form.put("identifier", unique("IEEE"));
    HttpResponse<String> invalid = b.postForm("/submissions", form);
    assertThat(invalid.statusCode()).isEqualTo(400);
    List<String> links = Jsoup.parse(invalid.body()).select(".lang-nav a").eachAttr("href");
    assertThat(links)
        .hasSize(5)
        .allSatisfy(h -> assertThat(h).startsWith("/submissions/new?lang="))
        .contains("/submissions/new?lang=en");
    for (String link : links) {
      assertThat(b.get(link).statusCode()).as(link).isEqualTo(200);
    }

    Standard ieee = seed(unique("IEEE"), "IEEE");
    Map<String, String> upd =
        formOf(Jsoup.parse(b.get("/submissions/new?record=" + ieee.id()).body()));
    upd.put("title_en", "");
    HttpResponse<String> again = b.postForm("/submissions", upd);
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(again.body()).select(".lang-nav a").eachAttr("href"))
        .contains("/submissions/new?record=" + ieee.id() + "&lang=ar");

    // The sign-in form shown again keeps where it leads afterwards.
    Browser anonymous = new Browser(server.port());
    String csrf = anonymous.csrf("/signin?next=%2Fsubmissions%2Fnew");
    HttpResponse<String> failed =
        anonymous.postForm(
            "/signin",
            Map.of(
                "_csrf", csrf,
                "email", "nobody@example.org",
                "password", "not the password",
                "next", "/submissions/new"));
    assertThat(failed.statusCode()).isEqualTo(401);
    assertThat(Jsoup.parse(failed.body()).select(".lang-nav a").eachAttr("href"))
        .hasSize(5)
        .allSatisfy(h -> assertThat(h).startsWith("/signin?next=%2Fsubmissions%2Fnew&lang="));
  }

  /**
   * The two required choices (type and status) are named in the error summary as their labels name
   * them in the page's language, not by their field names, and are marked invalid.
   */
  @Test
  void theSummaryNamesAMissingTypeAndStatusAsTheirLabelsDo() throws Exception {
    Browser b = new Browser(server.port());
    b.signIn("ieee@example.org", Fixtures.PASSWORD);
    for (String lang : PagesTest.LANGUAGES) {
      Document page = Jsoup.parse(b.get("/submissions/new?lang=" + lang).body());
      Map<String, String> form = formOf(page);
      form.put("identifier", unique("IEEE"));
      form.put("title_en", "Neither type nor status");
      form.put("type", "");
      form.put("status", "");
      HttpResponse<String> invalid = b.postForm("/submissions", form);
      assertThat(invalid.statusCode()).as(lang).isEqualTo(400);
      Document errors = Jsoup.parse(invalid.body());
      for (String field : List.of("type", "status")) {
        assertThat(errors.select(".error-summary a[href=#" + field + "]").text())
            .as(lang + " " + field)
            .isEqualTo(PagesTest.shown(lang, "field." + field))
            .isEqualTo(page.select("label[for=" + field + "]").first().ownText().trim());
        assertThat(errors.select("select#" + field).attr("aria-invalid"))
            .as(lang + " " + field)
            .isEqualTo("true");
      }
    }
  }

  @Test
  void theFormSaysWhatIsWrongWithEachFieldInThePageLanguage() throws Exception {
    Browser b = new Browser(server.port());
    b.signIn("ieee@example.org", Fixtures.PASSWORD);
    for (String lang : PagesTest.LANGUAGES) {
      // The language chosen on one page is kept (a cookie) for the form's answer.
      Map<String, String> form = formOf(Jsoup.parse(b.get("/submissions/new?lang=" + lang).body()));
      form.put("identifier", unique("IEEE"));
      form.put("published", "yesterday");
      HttpResponse<String> invalid = b.postForm("/submissions", form);
      assertThat(invalid.statusCode()).isEqualTo(400);
      Document errors = Jsoup.parse(invalid.body());
      assertThat(errors.selectFirst("html").attr("lang")).isEqualTo(lang);
      String required = PagesTest.shown(lang, "invalid.required");
      String date = PagesTest.shown(lang, "invalid.date", "yesterday");
      assertThat(errors.select(".field-error").eachText()).as(lang).contains(required, date);
      assertThat(errors.select(".error-summary li").eachText())
          .as(lang)
          .contains(
              PagesTest.shown(lang, "submit.field.title_en") + PagesTest.colon(lang) + required);
      if (!lang.equals("en")) {
        assertThat(errors.select("main").text())
            .as(lang)
            .doesNotContain("is not a date")
            .doesNotContain(": required");
      }
    }
  }

  @Test
  void withoutTheCsrfTokenNothingIsStoredOrDecided() throws Exception {
    Browser b = new Browser(server.port());
    b.signIn("ieee@example.org", Fixtures.PASSWORD);
    User ieee = app.accounts().user("ieee@example.org").orElseThrow();
    int before = app.submissions().by(ieee).size();
    Map<String, String> form = formOf(Jsoup.parse(b.get("/submissions/new").body()));
    form.remove("_csrf");
    form.put("identifier", unique("IEEE"));
    form.put("title_en", "No token");
    form.put("type", "guide");
    form.put("status", "draft");
    assertThat(b.postForm("/submissions", form).statusCode()).isEqualTo(403);
    form.put("_csrf", "forged");
    assertThat(b.postForm("/submissions", form).statusCode()).isEqualTo(403);
    // The API with the session cookie but no X-CSRF-Token header.
    HttpResponse<String> api =
        b.send(
            HttpRequest.newBuilder(URI.create(b.base() + "/api/v1/submissions"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        create(record(unique("IEEE"), "IEEE", "No header"))))
                .build());
    assertThat(api.statusCode()).isEqualTo(403);
    assertThat(app.submissions().by(ieee)).hasSize(before);

    String id = submit("ieee", create(record(unique("IEEE"), "IEEE", "Pending")));
    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    assertThat(
            coord
                .postForm("/submissions/" + id + "/decision", Map.of("decision", "approve"))
                .statusCode())
        .isEqualTo(403);
    assertThat(app.submissions().get(id).state().wire()).isEqualTo("pending");
    String csrf = coord.csrf("/submissions/" + id);
    assertThat(
            coord
                .postForm(
                    "/submissions/" + id + "/decision",
                    Map.of("_csrf", csrf, "decision", "reject", "comment", "not AI"))
                .statusCode())
        .isEqualTo(303);
    assertThat(app.submissions().get(id).state().wire()).isEqualTo("rejected");
  }

  @Test
  void submittedMarkupComesOutEscapedInTheQueueTheDiffAndTheRecordPage() throws Exception {
    String identifier = unique("IEEE");
    // Texts keep a "tag" that is not markup as text (scripts are dropped: see the next test).
    ObjectNode r = record(identifier, "IEEE", LITERAL);
    r.putObject("abstract").put("en", "Abstract " + LITERAL);
    r.put("committee", "\"><script>alert(2)</script>");
    String id = submit("ieee", create(r));
    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);

    String queue = coord.get("/review/submissions").body();
    assertEscaped(queue);
    assertThat(Jsoup.parse(queue).select("a[href=/submissions/" + id + "]").text())
        .isEqualTo(identifier);

    String detail = coord.get("/submissions/" + id).body();
    assertEscaped(detail);
    Document d = Jsoup.parse(detail);
    assertThat(d.select("#diff tr.changed")).isNotEmpty();
    assertThat(d.select("#diff tr.changed th").eachAttr("data-field"))
        .contains("title", "abstract");
    assertThat(d.select("#diff tr.changed td.after").text()).contains(LITERAL);

    String csrf = d.select("form.decision input[name=_csrf]").attr("value");
    assertThat(
            coord
                .postForm(
                    "/submissions/" + id + "/decision",
                    Map.of("_csrf", csrf, "decision", "approve", "comment", XSS))
                .statusCode())
        .isEqualTo(303);
    String recordId = app.submissions().get(id).recordId();
    String page = new Browser(server.port()).get("/standards/" + recordId).body();
    assertEscaped(page);
    assertThat(Jsoup.parse(page).select("h1").text()).isEqualTo(LITERAL);
    assertEscaped(coord.get("/submissions/" + id).body());
  }

  /**
   * A title and keywords with markup are stored alike by an edit (API PUT) and by a submission: the
   * one cleaner drops tags, and scripts with their content.
   */
  @Test
  void aTitleWithMarkupIsStoredAlikeByAnEditAndByASubmission() throws Exception {
    Map<String, String> cleaned =
        Map.of(
            "QA test <b>x</b>",
            "QA test x",
            "QA <img src=x onerror=alert(1)>",
            "QA",
            "A &amp; B <p>two</p>",
            "A & B two",
            "QA " + XSS,
            "QA");
    for (String title : cleaned.keySet()) {
      String expected = cleaned.get(title);

      String identifier = unique("IEEE");
      String id = submit("ieee", create(record(identifier, "IEEE", title)));
      HttpResponse<String> approved = decide("coord", id, "approve");
      assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
      Standard submitted = app.catalog().get(body(approved).get("recordId").asText());

      Standard s = seed(unique("IEEE"), "IEEE");
      ObjectNode edit = record(s.identifier(), "IEEE", title);
      edit.putArray("keywords").add(title).add(XSS);
      HttpResponse<String> put =
          send(
              "PUT",
              "/api/v1/standards/" + s.id(),
              tokens.get("coord"),
              edit.toString(),
              "If-Match",
              "\"1\"");
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      Standard edited = app.catalog().get(s.id());

      assertThat(submitted.titleIn("en")).as(title).isEqualTo(expected);
      assertThat(edited.titleIn("en")).as(title).isEqualTo(expected);
      assertThat(body(put).at("/title/en").asText()).as(title).isEqualTo(expected);
      assertThat(edited.keywords()).as(title).containsExactly(expected);
    }
  }

  @Test
  void resubmittingThroughTheFormKeepsEveryFieldTheFormDoesNotShow() throws Exception {
    Standard target = seed(unique("IEEE"), "IEEE");
    ObjectNode r = record(unique("IEEE"), "IEEE", "Kept fields");
    ((ObjectNode) r.get("title")).put("es", "Campos conservados");
    r.putArray("verticals").add("telecommunications");
    r.putArray("concerns").add("privacy");
    r.putArray("relations").addObject().put("type", "related").put("target", target.identifier());
    String id = submit("ieee", create(r));
    assertThat(decide("coord", id, "changes-requested").statusCode()).isEqualTo(200);

    Browser author = new Browser(server.port());
    author.signIn("ieee@example.org", Fixtures.PASSWORD);
    Map<String, String> form =
        formOf(Jsoup.parse(author.get("/submissions/" + id + "/edit").body()));
    form.put("abstract_en", "Now with an abstract.");
    HttpResponse<String> sent = author.postForm("/submissions/" + id, form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);

    JsonNode after = body(send("GET", "/api/v1/submissions/" + id, tokens.get("ieee"), null));
    assertThat(after.get("state").asText()).isEqualTo("pending");
    assertThat(after.at("/record/abstract/en").asText()).isEqualTo("Now with an abstract.");
    assertThat(after.at("/record/title/es").asText()).isEqualTo("Campos conservados");
    assertThat(after.at("/record/title/en").asText()).isEqualTo("Kept fields");
    assertThat(after.at("/record/verticals").toString()).contains("telecommunications");
    assertThat(after.at("/record/concerns").toString()).contains("privacy");
    assertThat(after.at("/record/relations").toString()).contains(target.identifier());
  }

  /**
   * A standards body keeps its relations current through the website: the change form shows the
   * record's relations as rows with three empty ones to add more (no script needed); a relation
   * added there is the record's once a coordinator approves, and one whose identifier is emptied is
   * removed (the form had no input for relations: only the API could set them).
   */
  @Test
  void aContributorAddsARelationThroughTheFormAndTheApprovedRecordHasIt() throws Exception {
    Standard old = seed(unique("IEEE"), "IEEE");
    Standard current = seed(unique("IEEE"), "IEEE");
    Browser author = new Browser(server.port());
    author.signIn("ieee@example.org", Fixtures.PASSWORD);
    Document page = Jsoup.parse(author.get("/submissions/new?record=" + current.id()).body());
    assertThat(page.select("select[name^=relation_type_]")).hasSize(3);
    assertThat(page.select("label[for=relation_target_0]").text())
        .isEqualTo("Relation 1: identifier of the other record");

    Map<String, String> form = formOf(page);
    form.put("relation_type_0", "replaces");
    form.put("relation_target_0", old.identifier());
    HttpResponse<String> sent = author.postForm("/submissions", form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    String id = sent.headers().firstValue("Location").orElseThrow().substring(13);
    assertThat(decide("coord", id, "approve").statusCode()).isEqualTo(200);

    JsonNode record = body(send("GET", "/api/v1/standards/" + current.id(), null, null));
    assertThat(record.at("/relations/0/type").asText()).isEqualTo("replaces");
    assertThat(record.at("/relations/0/target").asText()).isEqualTo(old.identifier());
    assertThat(record.get("relations")).hasSize(1);

    // Shown again: the relation as a row, three empty rows after it; emptied, it is removed.
    page = Jsoup.parse(author.get("/submissions/new?record=" + current.id()).body());
    assertThat(page.select("select[name^=relation_type_]")).hasSize(4);
    assertThat(page.select("#relation_type_0 option[selected]").attr("value"))
        .isEqualTo("replaces");
    assertThat(page.select("#relation_target_0").attr("value")).isEqualTo(old.identifier());
    form = formOf(page);
    form.put("relation_target_0", "");
    sent = author.postForm("/submissions", form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    id = sent.headers().firstValue("Location").orElseThrow().substring(13);
    assertThat(app.submissions().get(id).record().relations()).isEmpty();
  }

  /**
   * A form sent without the relation, classification and open-source inputs (one opened before the
   * form had them, sent after an upgrade) keeps the record's values of them rather than emptying
   * them.
   */
  @Test
  void aFormSentWithoutTheNewerInputsKeepsTheRecordsRelationsAndClassification() throws Exception {
    Standard target = seed(unique("IEEE"), "IEEE");
    ObjectNode n = record(unique("IEEE"), "IEEE", "Sent from an older form");
    n.putArray("relations").addObject().put("type", "related").put("target", target.identifier());
    n.putArray("verticals").add("health");
    n.put("openSource", true);
    n.put("codeRepository", "https://github.com/example/older-form");
    Standard current = app.catalog().save(app.reader().read(n), "test", "fixture", null).record();
    Browser author = new Browser(server.port());
    author.signIn("ieee@example.org", Fixtures.PASSWORD);
    Map<String, String> form =
        formOf(Jsoup.parse(author.get("/submissions/new?record=" + current.id()).body()));
    form.keySet()
        .removeIf(
            k ->
                k.startsWith("relation_")
                    || List.of("verticals", "openSource", "codeRepository").contains(k));
    form.put("stage", "Ballot");
    HttpResponse<String> sent = author.postForm("/submissions", form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    Standard proposed =
        app.submissions()
            .get(sent.headers().firstValue("Location").orElseThrow().substring(13))
            .record();
    assertThat(proposed.stage()).isEqualTo("Ballot");
    assertThat(proposed.relations())
        .extracting(r -> r.target())
        .containsExactly(target.identifier());
    assertThat(proposed.verticals()).containsExactly("health");
    assertThat(proposed.openSource()).isTrue();
    assertThat(proposed.codeRepository()).isEqualTo("https://github.com/example/older-form");
  }

  /**
   * The classification through the form: per dimension a group of checkboxes labelled in the page's
   * language, ticked with the record's concepts; a sector ticked there is the record's once
   * approved, its other concepts, use cases and titles in other languages kept.
   */
  @Test
  void aContributorAddsASectorThroughTheFormAndTheApprovedRecordHasIt() throws Exception {
    ObjectNode n = record(unique("IEEE"), "IEEE", "Classified through the form");
    n.putObject("title").put("en", "Classified through the form").put("es", "Clasificada");
    n.putArray("concerns").add("privacy");
    n.putArray("useCases").addObject().put("description", "Hospital triage");
    Standard current = app.catalog().save(app.reader().read(n), "test", "fixture", null).record();
    Browser author = new Browser(server.port());
    author.signIn("ieee@example.org", Fixtures.PASSWORD);
    Document page =
        Jsoup.parse(author.get("/submissions/new?record=" + current.id() + "&lang=fr").body());
    String healthFr = app.liveTaxonomy().current().label(Dimension.VERTICAL, "health", "fr");
    assertThat(page.select("fieldset#verticals legend").text()).isEqualTo("Secteur d'activité");
    assertThat(page.select("input[name=verticals][value=health]")).hasSize(1);
    String healthBox = page.select("input[name=verticals][value=health]").attr("id");
    assertThat(page.select("label[for=" + healthBox + "]").text()).isEqualTo(healthFr);
    assertThat(page.select("input[name=verticals][value=health]").hasAttr("checked")).isFalse();
    assertThat(page.select("input[name=concerns][value=privacy]").hasAttr("checked")).isTrue();

    List<Map.Entry<String, String>> form = new ArrayList<>(formEntries(page));
    form.add(Map.entry("verticals", "health"));
    form.add(Map.entry("verticals", "finance"));
    HttpResponse<String> sent = author.postForm("/submissions", form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    String id = sent.headers().firstValue("Location").orElseThrow().substring(13);
    assertThat(decide("coord", id, "approve").statusCode()).isEqualTo(200);

    JsonNode record = body(send("GET", "/api/v1/standards/" + current.id(), null, null));
    assertThat(record.get("verticals").toString()).isEqualTo("[\"health\",\"finance\"]");
    assertThat(record.get("concerns").toString()).isEqualTo("[\"privacy\"]");
    assertThat(record.at("/useCases/0/description").asText()).isEqualTo("Hospital triage");
    assertThat(record.at("/title/es").asText()).isEqualTo("Clasificada");

    // Unticked, a concept is removed.
    page = Jsoup.parse(author.get("/submissions/new?record=" + current.id()).body());
    assertThat(page.select("input[name=verticals][checked]").eachAttr("value"))
        .containsExactly("health", "finance");
    form = new ArrayList<>(formEntries(page));
    form.removeIf(e -> e.getKey().equals("verticals") && e.getValue().equals("finance"));
    sent = author.postForm("/submissions", form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    id = sent.headers().firstValue("Location").orElseThrow().substring(13);
    assertThat(app.submissions().get(id).record().verticals()).containsExactly("health");
    assertThat(app.submissions().get(id).record().concerns()).containsExactly("privacy");
  }

  /** Whether there is an open-source implementation, and where its code is, through the form. */
  @Test
  void aContributorSaysThroughTheFormWhereTheOpenSourceCodeIs() throws Exception {
    Standard current = seed(unique("IEEE"), "IEEE");
    Browser author = new Browser(server.port());
    author.signIn("ieee@example.org", Fixtures.PASSWORD);
    Document page = Jsoup.parse(author.get("/submissions/new?record=" + current.id()).body());
    assertThat(page.select("label[for=openSource]").text()).isEqualTo("Open-source implementation");
    Map<String, String> form = formOf(page);
    assertThat(form.get("openSource")).isEmpty();
    form.put("openSource", "true");
    form.put("codeRepository", "https://github.com/example/reference-implementation");
    HttpResponse<String> sent = author.postForm("/submissions", form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    String id = sent.headers().firstValue("Location").orElseThrow().substring(13);
    assertThat(decide("coord", id, "approve").statusCode()).isEqualTo(200);

    JsonNode record = body(send("GET", "/api/v1/standards/" + current.id(), null, null));
    assertThat(record.get("openSource").asBoolean()).isTrue();
    assertThat(record.get("codeRepository").asText())
        .isEqualTo("https://github.com/example/reference-implementation");
    page = Jsoup.parse(author.get("/submissions/new?record=" + current.id()).body());
    assertThat(page.select("#openSource option[selected]").attr("value")).isEqualTo("true");

    // A repository that is no link is refused by the field, the form shown again.
    form = formOf(page);
    form.put("codeRepository", "not a link");
    HttpResponse<String> refused = author.postForm("/submissions", form);
    assertThat(refused.statusCode()).isEqualTo(400);
    Document errors = Jsoup.parse(refused.body());
    assertThat(errors.select(".error-summary a[href=#codeRepository]").text())
        .isEqualTo("Link to the code repository");
    assertThat(errors.select("#codeRepository").attr("aria-invalid")).isEqualTo("true");
  }

  /**
   * A relation type or a concept the catalogue does not know, sent through the form, is refused as
   * the API refuses it: the form again (400) with what was sent kept, the summary naming the input
   * by its label and linking to it, the input marked invalid.
   */
  @Test
  void anUnknownRelationTypeOrConceptShowsTheFormAgainWithTheProblem() throws Exception {
    Browser b = new Browser(server.port());
    b.signIn("ieee@example.org", Fixtures.PASSWORD);
    List<Map.Entry<String, String>> form =
        formEntries(Jsoup.parse(b.get("/submissions/new").body()));
    form = with(form, "identifier", unique("IEEE"));
    form = with(form, "title_en", "With a bad relation");
    form = with(form, "type", "technical-report");
    form = with(form, "status", "in-force");
    form = with(form, "relation_type_1", "supersedes");
    form = with(form, "relation_target_1", "ISO/IEC 22989:2022");
    form = new ArrayList<>(form);
    form.add(Map.entry("verticals", "health"));
    form.add(Map.entry("verticals", "no-such-sector"));
    HttpResponse<String> sent = b.postForm("/submissions", form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(400);
    Document page = Jsoup.parse(sent.body());

    assertThat(page.select(".error-summary a[href=#relation_type_1]").text())
        .isEqualTo("Relation 2: how this record relates");
    assertThat(page.select("#relation_type_1").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#relation_type_1 option[selected]").attr("value"))
        .isEqualTo("supersedes");
    assertThat(page.select("#relation_target_1").attr("value")).isEqualTo("ISO/IEC 22989:2022");
    assertThat(page.select("#relation_type_0").attr("aria-invalid")).isEqualTo("false");

    var unknown = page.select("input[name=verticals][value=no-such-sector]");
    assertThat(unknown).hasSize(1);
    assertThat(unknown.hasAttr("checked")).isTrue();
    assertThat(unknown.attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select(".error-summary a[href=#" + unknown.attr("id") + "]").text())
        .isEqualTo("Industry vertical");
    assertThat(page.select("input[name=verticals][value=health]").hasAttr("checked")).isTrue();
    assertThat(page.select("input[name=verticals][value=health]").attr("aria-invalid"))
        .isEqualTo("false");
    assertThat(app.submissions().inState(null))
        .noneMatch(s -> "With a bad relation".equals(s.record().titleIn("en")));
  }

  /**
   * A keyword holding a comma (CEN-CENELEC's "EU AI Act Art 15 – Accuracy, Robustness and
   * Cybersecurity") is shown in the change form's one comma-separated input; a change of another
   * field sent from that form kept it whole, not split in two (QA: every change of such a record
   * through the form silently rewrote its keywords).
   */
  @Test
  void aChangeThroughTheFormKeepsAKeywordThatHoldsAComma() throws Exception {
    String withComma = "EU AI Act Art 15 – Accuracy, Robustness and Cybersecurity";
    ObjectNode n = record(unique("IEEE"), "IEEE", "Keywords with commas");
    n.putArray("keywords").add("ai").add(withComma).add("robustness");
    Standard target = app.catalog().save(app.reader().read(n), "test", "fixture", null).record();

    Browser author = new Browser(server.port());
    author.signIn("ieee@example.org", Fixtures.PASSWORD);
    Map<String, String> form =
        formOf(Jsoup.parse(author.get("/submissions/new?record=" + target.id()).body()));
    form.put("stage", "Enquiry");
    HttpResponse<String> sent = author.postForm("/submissions", form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    String id = sent.headers().firstValue("Location").orElseThrow().substring(13);
    assertThat(app.submissions().get(id).record().keywords())
        .containsExactly("ai", withComma, "robustness");

    // A keyword typed beside it is added; the one with the comma is still whole.
    form.put("stage", "Approval");
    form.put("keywords", form.get("keywords") + ", typed, too");
    sent = author.postForm("/submissions", form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    id = sent.headers().firstValue("Location").orElseThrow().substring(13);
    assertThat(app.submissions().get(id).record().keywords())
        .containsExactly("ai", withComma, "robustness", "typed", "too");
  }

  /**
   * A committee typed in another case or spacing than the catalogue's records write it is stored as
   * they write it (QA: "iso/iec jtc 1/sc 42" became a second committee beside "ISO/IEC JTC 1/SC 42"
   * in the facet, the landscape and the overlap check); one the catalogue does not know stays as
   * typed.
   */
  @Test
  void aCommitteeTypedInAnotherCaseOrSpacingIsStoredAsTheCatalogueWritesIt() throws Exception {
    ObjectNode seeded = record(unique("ISO/IEC"), "ISO/IEC", "Seeded with its committee");
    seeded.put("committee", "ISO/IEC JTC 1/SC 77");
    app.catalog().save(app.reader().read(seeded), "test", "fixture", null);

    ObjectNode typed = record(unique("ISO/IEC"), "ISO/IEC", "Committee typed by hand");
    typed.put("committee", "iso/iec jtc1/sc77");
    String id = submit("iso", create(typed));
    assertThat(app.submissions().get(id).record().committee()).isEqualTo("ISO/IEC JTC 1/SC 77");

    ObjectNode unknown = record(unique("ISO/IEC"), "ISO/IEC", "A committee of its own");
    unknown.put("committee", "iso/iec jtc 1/sc 78");
    id = submit("iso", create(unknown));
    assertThat(app.submissions().get(id).record().committee()).isEqualTo("iso/iec jtc 1/sc 78");
  }

  /**
   * A coordinator's direct edit stores a committee typed in another case or spacing as the
   * catalogue's records write it, as a submission does (QA: a PUT stored "iso/iec jtc 1/sc 42"
   * beside "ISO/IEC JTC 1/SC 42", a second value of the committee facet), and answers with it.
   */
  @Test
  void aCommitteeTypedInAnotherSpellingInADirectEditIsStoredAsTheCatalogueWritesIt()
      throws Exception {
    ObjectNode seeded = record(unique("ISO/IEC"), "ISO/IEC", "Seeded with its committee");
    seeded.put("committee", "ISO/IEC JTC 1/SC 79");
    app.catalog().save(app.reader().read(seeded), "test", "fixture", null);
    Standard s = seed(unique("ISO/IEC"), "ISO/IEC");
    ObjectNode edited = record(s.identifier(), "ISO/IEC", "Edited with its committee");
    edited.put("committee", "iso/iec  jtc1/sc79");

    HttpResponse<String> put =
        send(
            "PUT",
            "/api/v1/standards/" + s.id(),
            tokens.get("coord"),
            edited.toString(),
            "If-Match",
            "\"1\"");

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(body(put).get("committee").asText()).isEqualTo("ISO/IEC JTC 1/SC 79");
    assertThat(app.catalog().get(s.id()).committee()).isEqualTo("ISO/IEC JTC 1/SC 79");
  }

  /**
   * The policy page names each field in the page's language (with the field's name in the API
   * beside it), in the always-required list, on each box and in the versions table; not by the
   * English field names alone.
   */
  @Test
  void thePolicyPageNamesTheFieldsInThePageLanguage() throws Exception {
    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    for (String lang : PagesTest.LANGUAGES) {
      Messages t = new Messages(java.util.Locale.forLanguageTag(lang));
      Document page = Jsoup.parse(coord.get("/review/field-policy?lang=" + lang).body());
      List<String> offered = page.select("input[name=required]").eachAttr("value");
      assertThat(offered).contains("abstract", "keywords");
      for (String f : offered) {
        assertThat(page.select("label[for=req-" + f + "]").text())
            .as(lang + " " + f)
            .contains(t.fieldName(f).replace('\u00a0', ' '))
            .contains(f);
      }
      String alwaysLabel = PagesTest.shown(lang, "policy.always");
      String always =
          page.select("main p").eachText().stream()
              .filter(p -> p.startsWith(alwaysLabel))
              .findFirst()
              .orElseThrow();
      for (String f : List.of("identifier", "title", "sdo", "type", "status")) {
        assertThat(always).as(lang + " " + f).contains(t.fieldName(f).replace('\u00a0', ' '));
      }
    }
  }

  @Test
  void thePolicyOffersOnlyFieldsTheFormCanFillSoTheFormCanAlwaysBeSent() throws Exception {
    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    Document page = Jsoup.parse(coord.get("/review/field-policy").body());
    java.util.List<String> offered = page.select("input[name=required]").eachAttr("value");
    assertThat(offered)
        .isNotEmpty()
        .doesNotContain("verticals", "activities", "applications", "concerns");
    assertThat(body(send("GET", "/api/v1/field-policy", null, null)).get("optional").toString())
        .doesNotContain("verticals");

    String csrf = coord.csrf("/review/field-policy");
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("_csrf", csrf);
    bad.put("version", String.valueOf(app.submissions().fieldPolicy().version()));
    bad.put("required", "verticals");
    HttpResponse<String> refused = coord.postForm("/review/field-policy", bad);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("verticals");
    assertThat(app.submissions().fieldPolicy().required()).doesNotContain("verticals");

    // Every field the page offers required at once: a form filled in completely still goes.
    String all =
        offered.stream()
            .map(f -> "&required=" + enc(f))
            .collect(java.util.stream.Collectors.joining());
    HttpResponse<String> saved =
        coord.send(
            HttpRequest.newBuilder(URI.create(coord.base() + "/review/field-policy"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "_csrf="
                            + enc(csrf)
                            + "&version="
                            + app.submissions().fieldPolicy().version()
                            + all))
                .build());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    try {
      assertThat(app.submissions().fieldPolicy().required()).containsExactlyElementsOf(offered);
      Browser b = new Browser(server.port());
      b.signIn("ieee@example.org", Fixtures.PASSWORD);
      Map<String, String> form = formOf(Jsoup.parse(b.get("/submissions/new").body()));
      form.put("identifier", unique("IEEE"));
      form.put("title_en", "Everything filled");
      form.put("type", "guide");
      form.put("status", "draft");
      form.put("committee", "AI Committee");
      form.put("stage", "Draft");
      form.put("published", "2026");
      form.put("edition", "1");
      form.put("url", "https://example.org/std");
      form.put("keywords", "ai");
      form.put("abstract_en", "An abstract.");
      HttpResponse<String> ok = b.postForm("/submissions", form);
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
    } finally {
      Map<String, String> reset = new LinkedHashMap<>();
      reset.put("_csrf", csrf);
      reset.put("version", String.valueOf(app.submissions().fieldPolicy().version()));
      assertThat(coord.postForm("/review/field-policy", reset).statusCode()).isEqualTo(303);
    }
  }

  @Test
  void aResubmissionWhoseRecordMovedOnIsBasedOnTheCurrentRevisionAfterSayingWhatChanged()
      throws Exception {
    Standard s = seed(unique("IEEE"), "IEEE");
    ObjectNode mine = record(s.identifier(), "IEEE", "The author's title");
    String id = submit("ieee", update(s, mine, 1));
    assertThat(decide("coord", id, "changes-requested").statusCode()).isEqualTo(200);
    // Meanwhile someone else changes the committee: the record is at revision 2.
    ObjectNode theirs = record(s.identifier(), "IEEE", s.titleIn("en"));
    theirs.put("committee", "Moved-on committee");
    app.catalog().save(app.reader().read(theirs), "test", "fixture", 1);

    Browser author = new Browser(server.port());
    author.signIn("ieee@example.org", Fixtures.PASSWORD);
    Document edit = Jsoup.parse(author.get("/submissions/" + id + "/edit").body());
    assertThat(edit.select("#rebased").text()).contains("Committee").contains("2");
    assertThat(edit.select("input[name=baseRevision]").attr("value")).isEqualTo("2");
    assertThat(edit.select("#committee").attr("value")).isEqualTo("Moved-on committee");
    assertThat(edit.select("#title_en").attr("value")).isEqualTo("The author's title");
    Map<String, String> form = formOf(edit);

    // An old form, still based on revision 1: the form again with what was typed, not lost.
    Map<String, String> old = new LinkedHashMap<>(form);
    old.put("baseRevision", "1");
    old.put("keywords", "typed before");
    HttpResponse<String> stale = author.postForm("/submissions/" + id, old);
    assertThat(stale.statusCode()).isEqualTo(409);
    Document again = Jsoup.parse(stale.body());
    assertThat(again.select("#rebased").text()).contains("Committee");
    assertThat(again.select("#keywords").attr("value")).isEqualTo("typed before");
    assertThat(again.select("input[name=baseRevision]").attr("value")).isEqualTo("2");

    HttpResponse<String> sent = author.postForm("/submissions/" + id, form);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    assertThat(app.submissions().get(id).baseRevision()).isEqualTo(2);
    HttpResponse<String> approved = decide("coord", id, "approve");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    Standard now = app.catalog().get(s.id());
    assertThat(now.titleIn("en")).isEqualTo("The author's title");
    assertThat(now.committee()).isEqualTo("Moved-on committee");
  }

  /**
   * A field that was empty at the submission's base revision and then changed twice in the record
   * is a change of the record, not of the author: the resubmission form starts from its current
   * value, and approving the resubmission keeps it (a null old value is still the base's value).
   */
  @Test
  void aFieldEmptyAtTheBaseAndChangedTwiceSinceIsTakenFromTheRecordNotRevertedByTheResubmission()
      throws Exception {
    Standard s = seed(unique("IEEE"), "IEEE");
    ObjectNode mine = record(s.identifier(), "IEEE", "The author's own title");
    String id = submit("ieee", update(s, mine, 1));
    assertThat(decide("coord", id, "changes-requested").statusCode()).isEqualTo(200);
    // Meanwhile the committee, empty at revision 1, is set (revision 2) and set again (3).
    ObjectNode theirs = record(s.identifier(), "IEEE", s.titleIn("en"));
    theirs.put("committee", "First committee");
    app.catalog().save(app.reader().read(theirs), "test", "fixture", 1);
    theirs.put("committee", "Second committee");
    app.catalog().save(app.reader().read(theirs), "test", "fixture", 2);

    Browser author = new Browser(server.port());
    author.signIn("ieee@example.org", Fixtures.PASSWORD);
    Document edit = Jsoup.parse(author.get("/submissions/" + id + "/edit").body());
    assertThat(edit.select("#rebased").text()).contains("Committee").contains("3");
    assertThat(edit.select("#rebased-both")).isEmpty();
    assertThat(edit.select("#committee").attr("value")).isEqualTo("Second committee");
    assertThat(edit.select("#title_en").attr("value")).isEqualTo("The author's own title");

    HttpResponse<String> sent = author.postForm("/submissions/" + id, formOf(edit));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    assertThat(decide("coord", id, "approve").statusCode()).isEqualTo(200);
    Standard now = app.catalog().get(s.id());
    assertThat(now.titleIn("en")).isEqualTo("The author's own title");
    assertThat(now.committee()).isEqualTo("Second committee");
  }

  /**
   * A change proposed through the form on a revision that moved on while the editor typed (another
   * editor's change was approved) is the form again, with what was typed, on the current revision,
   * saying what changed: not an error page that loses the typing.
   */
  @Test
  void aChangeFormSentAfterTheRecordMovedOnKeepsWhatWasTypedAndSaysWhatChanged() throws Exception {
    Standard s = seed(unique("IEEE"), "IEEE");
    Browser editor = new Browser(server.port());
    editor.signIn("ieee@example.org", Fixtures.PASSWORD);
    Map<String, String> form =
        formOf(Jsoup.parse(editor.get("/submissions/new?record=" + s.id()).body()));
    assertThat(form.get("baseRevision")).isEqualTo("1");
    form.put("abstract_en", "An hour of typing");

    // Meanwhile another editor's change of the committee is approved: revision 2.
    ObjectNode theirs = record(s.identifier(), "IEEE", s.titleIn("en"));
    theirs.put("committee", "Approved meanwhile");
    String other = submit("ieee", update(s, theirs, 1));
    assertThat(decide("coord", other, "approve").statusCode()).isEqualTo(200);

    HttpResponse<String> stale = editor.postForm("/submissions", form);
    assertThat(stale.statusCode()).isEqualTo(409);
    Document again = Jsoup.parse(stale.body());
    assertThat(again.select("form.submission-form")).hasSize(1);
    assertThat(again.select("#abstract_en").text()).isEqualTo("An hour of typing");
    assertThat(again.select("#committee").attr("value")).isEqualTo("Approved meanwhile");
    assertThat(again.select("input[name=baseRevision]").attr("value")).isEqualTo("2");
    assertThat(again.select("#rebased").text()).contains("Committee").contains("2");

    HttpResponse<String> sent = editor.postForm("/submissions", formOf(again));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    String id = sent.headers().firstValue("Location").orElseThrow().substring(13);
    assertThat(app.submissions().get(id).baseRevision()).isEqualTo(2);
    assertThat(decide("coord", id, "approve").statusCode()).isEqualTo(200);
    Standard now = app.catalog().get(s.id());
    assertThat(now.summary().get("en")).isEqualTo("An hour of typing");
    assertThat(now.committee()).isEqualTo("Approved meanwhile");
  }

  /**
   * A form sent twice (a double click on "Send for review") or a request retried is one submission
   * in the review queue, not two identical ones a coordinator must tell apart; a different proposal
   * by the same author, or the same one after the first was decided, is a submission of its own.
   */
  @Test
  void theSameProposalSentTwiceWhilePendingIsOneSubmission() throws Exception {
    Browser b = new Browser(server.port());
    b.signIn("ieee@example.org", Fixtures.PASSWORD);
    Map<String, String> form = formOf(Jsoup.parse(b.get("/submissions/new").body()));
    String identifier = unique("IEEE");
    form.put("identifier", identifier);
    form.put("title_en", "Sent twice");
    form.put("type", "guide");
    form.put("status", "draft");
    HttpResponse<String> first = b.postForm("/submissions", form);
    HttpResponse<String> second = b.postForm("/submissions", form);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(303);
    String location = first.headers().firstValue("Location").orElseThrow();
    assertThat(second.headers().firstValue("Location")).hasValue(location);
    assertThat(app.submissions().inState(org.aisx.submission.SubmissionState.PENDING))
        .filteredOn(s -> s.identifier().equals(identifier))
        .hasSize(1);

    // Through the API: the same answer, the same submission.
    Standard s = seed(unique("IEEE"), "IEEE");
    String change = update(s, record(s.identifier(), "IEEE", "Retried"), 1);
    String id = submit("ieee", change);
    assertThat(submit("ieee", change)).isEqualTo(id);
    // Another proposal is another submission; so is the same one once the first was decided.
    String other = submit("ieee", update(s, record(s.identifier(), "IEEE", "Other"), 1));
    assertThat(other).isNotEqualTo(id);
    assertThat(decide("coord", id, "reject").statusCode()).isEqualTo(200);
    assertThat(submit("ieee", change)).isNotEqualTo(id);
  }

  /**
   * The notice of what changed names each field as the form's labels do, in the page's language.
   */
  @Test
  void theNoticeOfWhatChangedNamesTheTitleAndAbstractAsThePagesDo() throws Exception {
    Standard s = seed(unique("IEEE"), "IEEE");
    ObjectNode mine = record(s.identifier(), "IEEE", s.titleIn("en"));
    mine.put("committee", "The author's committee");
    String id = submit("ieee", update(s, mine, 1));
    assertThat(decide("coord", id, "changes-requested").statusCode()).isEqualTo(200);
    ObjectNode theirs = record(s.identifier(), "IEEE", "Retitled meanwhile");
    theirs.putObject("abstract").put("en", "Summarised meanwhile");
    app.catalog().save(app.reader().read(theirs), "test", "fixture", 1);

    Browser author = new Browser(server.port());
    author.signIn("ieee@example.org", Fixtures.PASSWORD);
    String notice =
        Jsoup.parse(author.get("/submissions/" + id + "/edit").body()).select("#rebased").text();
    assertThat(notice).contains("Changed since: Title, Abstract.");
    String fr =
        Jsoup.parse(author.get("/submissions/" + id + "/edit?lang=fr").body())
            .select("#rebased")
            .text();
    assertThat(fr).contains("Titre, Résumé").doesNotContain("title").doesNotContain("abstract");
    // Chinese and Arabic list them with their own commas.
    String zh =
        Jsoup.parse(author.get("/submissions/" + id + "/edit?lang=zh").body())
            .select("#rebased")
            .text();
    assertThat(zh).contains(zh("title") + "\u3001" + zh("abstract"));
    String ar =
        Jsoup.parse(author.get("/submissions/" + id + "/edit?lang=ar").body())
            .select("#rebased")
            .text();
    assertThat(ar).contains(ar("title") + "\u060c " + ar("abstract"));
  }

  private static String zh(String field) {
    return new Messages(java.util.Locale.forLanguageTag("zh")).fieldName(field);
  }

  private static String ar(String field) {
    return new Messages(java.util.Locale.forLanguageTag("ar")).fieldName(field);
  }

  /**
   * A decision through the page that cannot be made is the submission's page again (409), not an
   * error page that sends the coordinator back to the search: a second click on "Approve" shows the
   * submission approved; an approval of a change whose record moved on keeps the comment typed and
   * the buttons, so that the coordinator can ask the author for changes at once.
   */
  @Test
  void aDecisionThePageCannotMakeShowsTheSubmissionAgainSayingWhy() throws Exception {
    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    String id = submit("ieee", create(record(unique("IEEE"), "IEEE", "Clicked twice")));
    Map<String, String> approve = new LinkedHashMap<>();
    approve.put("_csrf", coord.csrf("/submissions/" + id));
    approve.put("decision", "approve");
    assertThat(coord.postForm("/submissions/" + id + "/decision", approve).statusCode())
        .isEqualTo(303);
    HttpResponse<String> twice = coord.postForm("/submissions/" + id + "/decision", approve);
    assertThat(twice.statusCode()).isEqualTo(409);
    Document page = Jsoup.parse(twice.body());
    assertThat(page.select("h1").text()).startsWith("Submission");
    assertThat(page.select("#state").text()).isEqualTo("Approved");
    assertThat(page.select("#not-decided").text()).contains("already been decided");
    assertThat(app.submissions().decisions(id)).hasSize(1);

    Standard s = seed(unique("IEEE"), "IEEE");
    String change = submit("ieee", update(s, record(s.identifier(), "IEEE", "Late"), 1));
    app.catalog()
        .save(app.reader().read(record(s.identifier(), "IEEE", "Moved on")), "t", "fixture", 1);
    Map<String, String> stale = new LinkedHashMap<>(approve);
    stale.put("comment", "Typed before clicking");
    HttpResponse<String> refused = coord.postForm("/submissions/" + change + "/decision", stale);
    assertThat(refused.statusCode()).isEqualTo(409);
    Document again = Jsoup.parse(refused.body());
    assertThat(again.select("#state").text()).isEqualTo("Pending");
    assertThat(again.select("form.decision .field-error").text())
        .isEqualTo(
            "The record has changed since this submission was made: it cannot be approved as it is.");
    assertThat(again.select("#comment").text()).isEqualTo("Typed before clicking");
    assertThat(again.select("#request-changes")).hasSize(1);
    assertThat(app.catalog().get(s.id()).titleIn("en")).isEqualTo("Moved on");
  }

  /**
   * A change that changes nothing (the form sent as it was opened, a record sent back as it is) is
   * refused with the problem named, not put in the review queue with "0 fields changed".
   */
  @Test
  void aChangeThatChangesNothingIsRefusedAndNotQueued() throws Exception {
    Standard s = seed(unique("IEEE"), "IEEE");
    long before = app.submissions().inState(null).size();
    Browser b = new Browser(server.port());
    b.signIn("ieee@example.org", Fixtures.PASSWORD);
    Map<String, String> form =
        formOf(Jsoup.parse(b.get("/submissions/new?record=" + s.id()).body()));
    HttpResponse<String> sent = b.postForm("/submissions", form);
    assertThat(sent.statusCode()).isEqualTo(400);
    Document page = Jsoup.parse(sent.body());
    assertThat(page.select(".error-summary li").text())
        .isEqualTo("Proposed change: changes nothing: every field is as the record has it now");
    assertThat(page.select(".error-summary a").attr("href")).isEqualTo("#identifier");

    HttpResponse<String> api =
        send(
            "POST",
            "/api/v1/submissions",
            tokens.get("ieee"),
            update(s, record(s.identifier(), "IEEE", s.titleIn("en")), 1));
    assertThat(api.statusCode()).isEqualTo(400);
    assertSchema("Error", body(api));
    assertThat(body(api).at("/error/details/0/field").asText()).isEqualTo("record");
    assertThat(app.submissions().inState(null)).hasSize((int) before);

    // One changed field is a change.
    form.put("edition", "2");
    assertThat(b.postForm("/submissions", form).statusCode()).isEqualTo(303);
  }

  @Test
  void creatingARecordThatExistsSaysSoAndLinksToProposingAChange() throws Exception {
    Standard s = seed(unique("IEEE"), "IEEE");
    HttpResponse<String> api =
        send(
            "POST",
            "/api/v1/submissions",
            tokens.get("ieee"),
            create(record(s.identifier(), "IEEE", "Again")));
    assertThat(api.statusCode()).isEqualTo(409);
    assertSchema("Error", body(api));
    assertThat(body(api).at("/error/code").asText()).isEqualTo("already_exists");
    assertThat(body(api).at("/error/details/0/field").asText()).isEqualTo("identifier");

    Browser b = new Browser(server.port());
    b.signIn("ieee@example.org", Fixtures.PASSWORD);
    Map<String, String> form = formOf(Jsoup.parse(b.get("/submissions/new").body()));
    form.put("identifier", s.identifier());
    form.put("title_en", "Again");
    form.put("type", "guide");
    form.put("status", "draft");
    HttpResponse<String> r = b.postForm("/submissions", form);
    assertThat(r.statusCode()).isEqualTo(409);
    Document page = Jsoup.parse(r.body());
    assertThat(page.select("#exists").text()).contains("already exists");
    assertThat(page.select("#exists a").attr("href"))
        .isEqualTo("/submissions/new?record=" + s.id());
    assertThat(page.select("#title_en").attr("value")).isEqualTo("Again");
    assertThat(r.body()).doesNotContain("has changed since you opened it");
  }

  @Test
  void conflictAndFormErrorPagesSayWhatHappened() throws Exception {
    String id = submit("ieee", create(record(unique("IEEE"), "IEEE", "Decided")));
    assertThat(decide("coord", id, "reject").statusCode()).isEqualTo(200);
    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    String csrf = coord.csrf("/review/field-policy");
    HttpResponse<String> again =
        coord.postForm(
            "/submissions/" + id + "/decision", Map.of("_csrf", csrf, "decision", "approve"));
    assertThat(again.statusCode()).isEqualTo(409);
    // The submission's page as it stands, saying that this decision was not recorded.
    Document decided = Jsoup.parse(again.body());
    assertThat(decided.select("#state").text()).isEqualTo("Rejected");
    assertThat(decided.select("#not-decided").text())
        .isEqualTo(
            "This submission has already been decided or is not in a state that allows this.");

    HttpResponse<String> bad =
        coord.postForm(
            "/submissions/" + id + "/decision", Map.of("_csrf", csrf, "decision", "perhaps"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(bad.body()).select("main").text())
        .contains("A value in the form could not be accepted")
        .doesNotContain("address");

    // Resubmitting one that is not waiting for changes says just that, with its own code.
    HttpResponse<String> put =
        send(
            "PUT",
            "/api/v1/submissions/" + id,
            tokens.get("ieee"),
            create(record(unique("IEEE"), "IEEE", "Too late")));
    assertThat(put.statusCode()).isEqualTo(409);
    assertThat(body(put).at("/error/code").asText()).isEqualTo("not_resubmittable");
    assertThat(body(put).at("/error/message").asText())
        .contains("only a submission with changes requested can be resubmitted");
  }

  @Test
  void aRefusalForAnotherBodyKeepsTheFormAndNamesOnlyThatBody() throws Exception {
    Browser b = new Browser(server.port());
    b.signIn("ieee@example.org", Fixtures.PASSWORD);
    Map<String, String> form = formOf(Jsoup.parse(b.get("/submissions/new").body()));
    form.put("identifier", unique("ISO/IEC"));
    form.put("sdo", "ISO/IEC");
    form.put("title_en", "Typed by hand");
    form.put("type", "guide");
    form.put("status", "draft");
    HttpResponse<String> r = b.postForm("/submissions", form);
    assertThat(r.statusCode()).isEqualTo(403);
    Document page = Jsoup.parse(r.body());
    assertThat(page.select("form.submission-form")).hasSize(1);
    assertThat(page.select("#title_en").attr("value")).isEqualTo("Typed by hand");
    assertThat(page.select(".error-summary a[href=#sdo]")).hasSize(1);
    assertThat(page.select(".error-summary").text()).contains("ISO/IEC");

    // A record of another body offers no change to propose; one of the contributor's own does.
    Standard iso = seed(unique("ISO/IEC"), "ISO/IEC");
    Standard ieee = seed(unique("IEEE"), "IEEE");
    assertThat(Jsoup.parse(b.get("/standards/" + iso.id()).body()).select("#propose-change"))
        .isEmpty();
    assertThat(Jsoup.parse(b.get("/standards/" + ieee.id()).body()).select("#propose-change"))
        .hasSize(1);

    // A joint body written as one: the refusal names the body the account is not in only.
    HttpResponse<String> joint =
        send(
            "POST",
            "/api/v1/submissions",
            tokens.get("ieee"),
            create(record(unique("IEEE"), "IEEE, ISO/IEC", "Joint")));
    assertThat(joint.statusCode()).isEqualTo(403);
    String message = body(joint).at("/error/message").asText();
    assertThat(message).contains("ISO/IEC").doesNotContain("IEEE,");
  }

  @Test
  void anAuthorCanWithdrawTheirOwnSubmissionBeforeADecision() throws Exception {
    String id = submit("ieee", create(record(unique("IEEE"), "IEEE", "Taken back")));
    String path = "/api/v1/submissions/" + id + "/withdraw";
    assertThat(send("POST", path, tokens.get("iso"), null).statusCode()).isEqualTo(403);
    assertThat(send("POST", path, null, null).statusCode()).isEqualTo(401);
    HttpResponse<String> r = send("POST", path, tokens.get("ieee"), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertSchema("Submission", body(r));
    assertThat(body(r).get("state").asText()).isEqualTo("withdrawn");
    assertThat(app.submissions().inState(org.aisx.submission.SubmissionState.PENDING))
        .noneMatch(s -> s.id().equals(id));
    assertThat(send("POST", path, tokens.get("ieee"), null).statusCode()).isEqualTo(409);
    assertThat(decide("coord", id, "approve").statusCode()).isEqualTo(409);

    // Through the page: a button for the author.
    String other = submit("ieee", create(record(unique("IEEE"), "IEEE", "Withdrawn by button")));
    Browser author = new Browser(server.port());
    author.signIn("ieee@example.org", Fixtures.PASSWORD);
    Document page = Jsoup.parse(author.get("/submissions/" + other).body());
    assertThat(page.select("form.withdraw #withdraw")).hasSize(1);
    String csrf = page.select("form.withdraw input[name=_csrf]").attr("value");
    HttpResponse<String> sent =
        author.postForm("/submissions/" + other + "/withdraw", Map.of("_csrf", csrf));
    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(app.submissions().get(other).state().wire()).isEqualTo("withdrawn");
    assertThat(Jsoup.parse(author.get("/submissions/" + other).body()).select("#state").text())
        .isEqualTo("Withdrawn");
    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    assertThat(Jsoup.parse(coord.get("/submissions/" + other).body()).select("#withdraw"))
        .isEmpty();
  }

  static void assertEscaped(String html) {
    assertThat(html)
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x")
        .doesNotContain("<x onerror");
    assertThat(html).containsAnyOf("&lt;script&gt;", "&lt;x onerror=alert(1)&gt;");
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script:not([src])")).isEmpty();
    assertThat(doc.select("[onerror]")).isEmpty();
  }

  /**
   * The values a browser would send for the first form of the main content, each name once: a
   * checkbox only when ticked (a form with two ticked boxes of one name is {@link #formEntries}'s).
   */
  static Map<String, String> formOf(Document page) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : formEntries(page)) {
      assertThat(values.put(e.getKey(), e.getValue()))
          .as("%s sent twice: use formEntries", e.getKey())
          .isNull();
    }
    return values;
  }

  /** The name-value pairs a browser would send for the first form of the main content, in order. */
  static List<Map.Entry<String, String>> formEntries(Document page) {
    List<Map.Entry<String, String>> values = new ArrayList<>();
    var form = page.select("main form").first();
    for (var input : form.select("input[name], textarea[name], select[name]")) {
      if (input.attr("type").equals("checkbox") && !input.hasAttr("checked")) {
        continue;
      }
      String value =
          input.tagName().equals("select")
              ? input.select("option[selected]").attr("value")
              : input.val();
      values.add(Map.entry(input.attr("name"), value));
    }
    return values;
  }

  /** {@code entries} with {@code name} set to {@code value} (added when it has none). */
  static List<Map.Entry<String, String>> with(
      List<Map.Entry<String, String>> entries, String name, String value) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    boolean set = false;
    for (Map.Entry<String, String> e : entries) {
      if (e.getKey().equals(name)) {
        if (!set) {
          out.add(Map.entry(name, value));
          set = true;
        }
      } else {
        out.add(e);
      }
    }
    if (!set) {
      out.add(Map.entry(name, value));
    }
    return out;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static HttpResponse<String> decide(String who, String id, String decision, String comment) {
    ObjectNode b = json.createObjectNode();
    b.put("decision", decision);
    if (comment != null) {
      b.put("comment", comment);
    }
    return send("POST", "/api/v1/submissions/" + id + "/decision", tokens.get(who), b.toString());
  }

  @Test
  void everyDecisionIsKeptWithItsCommentShownOnThePageAndNamedInTheAudit() throws Exception {
    String identifier = unique("IEEE");
    String id = submit("ieee", create(record(identifier, "IEEE", "First try")));
    String path = "/api/v1/submissions/" + id;
    // Changes requested and a rejection need a comment: the author must learn why.
    for (String decision : new String[] {"changes-requested", "reject"}) {
      for (String comment : new String[] {null, "  "}) {
        HttpResponse<String> bare = decide("coord", id, decision, comment);
        assertThat(bare.statusCode()).as(decision + " " + comment).isEqualTo(400);
        assertThat(body(bare).at("/error/details/0/field").asText()).isEqualTo("comment");
        assertThat(body(bare).at("/error/details/0/problem").asText())
            .contains("requesting changes or rejecting");
      }
    }
    assertThat(app.submissions().get(id).state().wire()).isEqualTo("pending");
    assertThat(decide("coord", id, "changes-requested", "Give the full title").statusCode())
        .isEqualTo(200);
    HttpResponse<String> resubmitted =
        send("PUT", path, tokens.get("ieee"), create(record(identifier, "IEEE", "Second try")));
    assertThat(resubmitted.statusCode()).as(resubmitted.body()).isEqualTo(200);
    // Pending again: no decision stands, and the first one is in the log.
    JsonNode pending = body(send("GET", path, tokens.get("ieee"), null));
    assertSchema("Submission", pending);
    assertThat(pending.get("state").asText()).isEqualTo("pending");
    assertThat(pending.get("decidedBy").isNull()).isTrue();
    assertThat(pending.get("comment").isNull()).isTrue();
    assertThat(pending.get("decisions")).hasSize(1);
    assertThat(decide("coord", id, "reject", "A duplicate of IEEE 1").statusCode()).isEqualTo(200);

    JsonNode decided = body(send("GET", path, tokens.get("ieee"), null));
    assertSchema("Submission", decided);
    assertThat(decided.get("decidedBy").asText()).isEqualTo("coord@example.org");
    assertThat(decided.get("comment").asText()).isEqualTo("A duplicate of IEEE 1");
    JsonNode log = decided.get("decisions");
    assertThat(log).hasSize(2);
    assertThat(log.get(0).get("decision").asText()).isEqualTo("changes-requested");
    assertThat(log.get(0).get("comment").asText()).isEqualTo("Give the full title");
    assertThat(log.get(0).get("decidedBy").asText()).isEqualTo("coord@example.org");
    assertThat(log.get(0).get("at").asText()).isNotBlank();
    assertThat(log.get(1).get("decision").asText()).isEqualTo("reject");
    assertThat(log.get(1).get("comment").asText()).isEqualTo("A duplicate of IEEE 1");

    Browser author = new Browser(server.port());
    author.signIn("ieee@example.org", Fixtures.PASSWORD);
    Document page = Jsoup.parse(author.get("/submissions/" + id).body());
    assertThat(page.select("#decisions li").eachText())
        .satisfiesExactly(
            first -> assertThat(first).contains("Changes requested", "Give the full title"),
            second -> assertThat(second).contains("Rejected", "A duplicate of IEEE 1"));

    String admin = tokens.get("admin");
    JsonNode audit =
        body(send("GET", "/api/v1/audit?action=submission-decision&limit=200", admin, null))
            .get("items");
    List<String> details = new ArrayList<>();
    audit.forEach(
        e -> {
          if (e.get("target").asText().equals("submission " + id)) {
            details.add(e.get("outcome").asText() + " " + e.get("detail").asText());
          }
        });
    assertThat(details)
        .contains(
            "ok changes-requested: Give the full title",
            "ok reject: A duplicate of IEEE 1",
            "rejected reject");
  }

  @Test
  void aDecisionRefusedForItsCommentShowsThePageAgainWithTheCommentAsTyped() throws Exception {
    String id = submit("ieee", create(record(unique("IEEE"), "IEEE", "Comment form")));
    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    String page = "/submissions/" + id;
    Document form = Jsoup.parse(coord.get(page).body());
    assertThat(form.select("textarea#comment").attr("maxlength")).isEqualTo("5000");
    String csrf = form.select("form.decision input[name=_csrf]").attr("value");

    HttpResponse<String> none =
        coord.postForm(page + "/decision", Map.of("_csrf", csrf, "decision", "changes-requested"));
    assertThat(none.statusCode()).isEqualTo(400);
    Document again = Jsoup.parse(none.body());
    assertThat(again.select("#diff")).hasSize(1);
    assertThat(
            again
                .select("textarea#comment + small + .field-error, textarea#comment ~ .field-error")
                .text())
        .contains("requesting changes or rejecting");

    String tooLong = "Please " + "x".repeat(5_000);
    HttpResponse<String> longOne =
        coord.postForm(
            page + "/decision", Map.of("_csrf", csrf, "decision", "reject", "comment", tooLong));
    assertThat(longOne.statusCode()).isEqualTo(400);
    Document kept = Jsoup.parse(longOne.body());
    assertThat(kept.select("textarea#comment").text()).isEqualTo(tooLong);
    assertThat(kept.select("textarea#comment ~ .field-error").text()).contains("5000");
    assertThat(app.submissions().get(id).state().wire()).isEqualTo("pending");
  }

  @Test
  void aRecordAsTheApiGivesItIsAcceptedAsAnUpdateAndConfirmedLabelsLeftOutAreKept()
      throws Exception {
    ObjectNode seeded = record(unique("ISO/IEC"), "ISO/IEC", "Labelled");
    seeded.putArray("concerns").add("privacy");
    Standard current =
        app.catalog().save(app.reader().read(seeded), "test", "fixture", null).record();
    assertThat(current.concerns()).containsExactly("privacy");

    // Fed back as GET /api/v1/standards/{id} gives it, read-only fields and all.
    JsonNode read = body(send("GET", "/api/v1/standards/" + current.id(), null, null));
    assertThat(read.has("inverseRelations")).isTrue();
    ObjectNode asRead = (ObjectNode) read.deepCopy();
    asRead.putObject("title").put("en", "Labelled, retitled");
    HttpResponse<String> fed =
        send(
            "POST",
            "/api/v1/submissions",
            tokens.get("iso"),
            update(current, asRead, current.revision()));
    assertThat(fed.statusCode()).as(fed.body()).isEqualTo(201);
    // A PUT takes the same body: one rule of what is read-only.
    HttpResponse<String> put =
        send(
            "PUT",
            "/api/v1/standards/" + current.id(),
            tokens.get("coord"),
            asRead.toString(),
            "If-Match",
            "\"" + current.revision() + "\"");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    current = app.catalog().get(current.id());

    // A minimal update leaves the classification out: the confirmed label stays.
    ObjectNode minimal = record(current.identifier(), "ISO/IEC", "Labelled, minimal");
    String kept = submit("iso", update(current, minimal, current.revision()));
    assertThat(decide("coord", kept, "approve").statusCode()).isEqualTo(200);
    current = app.catalog().get(current.id());
    assertThat(current.titleIn("en")).isEqualTo("Labelled, minimal");
    assertThat(current.concerns()).containsExactly("privacy");

    // Only an explicit empty list clears it.
    ObjectNode cleared = record(current.identifier(), "ISO/IEC", "Labelled, cleared");
    cleared.putArray("concerns");
    String clear = submit("iso", update(current, cleared, current.revision()));
    assertThat(decide("coord", clear, "approve").statusCode()).isEqualTo(200);
    assertThat(app.catalog().get(current.id()).concerns()).isEmpty();
  }

  @Test
  void aStalePolicySaveShowsTheFormAgainWithTheBoxesTickedAndSaysThePolicyChanged()
      throws Exception {
    Browser coord = new Browser(server.port());
    coord.signIn("coord@example.org", Fixtures.PASSWORD);
    String csrf = coord.csrf("/review/field-policy");
    int opened = app.submissions().fieldPolicy().version();
    User other = app.accounts().user("admin@example.org").orElseThrow();
    app.submissions().setFieldPolicy(List.of("url"), opened, other);
    try {
      String body =
          Browser.form(Map.of("_csrf", csrf, "version", String.valueOf(opened)))
              + "&required=abstract&required=edition";
      HttpResponse<String> stale =
          coord.send(
              HttpRequest.newBuilder(URI.create(coord.base() + "/review/field-policy"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build());
      assertThat(stale.statusCode()).isEqualTo(409);
      Document page = Jsoup.parse(stale.body());
      assertThat(page.select("#policy-refused").text())
          .contains("the policy changed since you opened it")
          .doesNotContain("record");
      assertThat(page.select("input[name=required][checked]").eachAttr("value"))
          .containsExactly("abstract", "edition");
      assertThat(page.select("input[name=version]").attr("value"))
          .isEqualTo(String.valueOf(opened + 1));
      assertThat(app.submissions().fieldPolicy().required()).containsExactly("url");
    } finally {
      app.submissions().setFieldPolicy(List.of(), app.submissions().fieldPolicy().version(), other);
    }
  }
}
