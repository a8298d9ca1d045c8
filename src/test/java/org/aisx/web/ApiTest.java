package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The read API over real HTTP, a real store and a real index. */
class ApiTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
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

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Validates {@code value} against a schema of the served openapi.json. */
  static Set<ValidationMessage> validate(String schema, JsonNode value) throws Exception {
    return validate(http, schema, value);
  }

  /** Validates {@code value} against a schema of the openapi.json served at {@code server}. */
  static Set<ValidationMessage> validate(Http server, String schema, JsonNode value)
      throws Exception {
    JsonNode openapi = body(server.get("/api/v1/openapi.json"));
    ObjectNode root = json.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$ref", "#/components/schemas/" + schema);
    root.set("components", openapi.get("components"));
    JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    return s.validate(value);
  }

  @Test
  void semanticSearchPutsTheStandardFirstForAParaphraseAndHybridHoldsBothHitSets()
      throws Exception {
    String q = enc("certifying the auditors of AI management systems");
    JsonNode semantic = body(http.get("/api/v1/standards?mode=semantic&q=" + q));
    assertThat(semantic.get("items").get(0).get("id").asText()).isEqualTo("iso-iec-42006-2025");
    assertThat(validate("SearchResponse", semantic)).isEmpty();
    // Hybrid (the default) holds every keyword match and the semantic neighbours. (Keyword search
    // missed 42006 in the 501-record corpus; in the 994-record one it finds it too.)
    JsonNode hybrid = body(http.get("/api/v1/standards?q=" + q + "&size=100"));
    List<String> ids = new ArrayList<>();
    hybrid.get("items").forEach(i -> ids.add(i.get("id").asText()));
    assertThat(ids).contains("iso-iec-42006-2025");
    long keywordTotal =
        body(http.get("/api/v1/standards?mode=keyword&q=" + q)).get("total").asLong();
    assertThat(hybrid.get("total").asLong())
        .isGreaterThanOrEqualTo(keywordTotal)
        .isGreaterThanOrEqualTo(semantic.get("total").asLong());
  }

  @Test
  void hybridSearchPutsTheAuditorsStandardFirstForAParaphrase() throws Exception {
    // Keyword search misses ISO/IEC 42006 (it says "audit and certification", not "certifying
    // the auditors") and matches IEEE drafts on three of the five words; semantic search has
    // 42006 far ahead of them, and hybrid ranking keeps it first (reciprocal-rank fusion put it
    // sixth, behind drafts that both lists ranked middling).
    String q = enc("certifying the auditors of AI management systems");
    JsonNode hybrid = body(http.get("/api/v1/standards?q=" + q));
    // The 2025 standard, not its FDIS: the editions pass ties the ISO feed's undated drafts to the
    // edition they prepared.
    assertThat(hybrid.get("items").get(0).get("id").asText()).isEqualTo("iso-iec-42006-2025");
    assertThat(body(http.get("/api/v1/standards?mode=hybrid&q=" + q)).get("items"))
        .isEqualTo(hybrid.get("items"));
  }

  @Test
  void hybridSearchKeepsTheFewRecordsMatchingEveryWordOnTheFirstPage() throws Exception {
    // Issue 12: by words, "EU AI Act" matches the 7 CEN-CENELEC JTC 21 drafts that name the act
    // in their keywords or title; hybrid search put 4 of them below records close in meaning that
    // name nothing of it (ranks 1, 3, 18, 34, 36, 48, 52), as it scaled the keyword scores down to
    // the last match's, which so counted as no match.
    String q = enc("EU AI Act");
    JsonNode keyword = body(http.get("/api/v1/standards?mode=keyword&q=" + q));
    assertThat(keyword.get("total").asLong()).isBetween(1L, 20L);
    List<String> byWords = new ArrayList<>();
    keyword.get("items").forEach(h -> byWords.add(h.get("id").asText()));
    List<String> hybrid = new ArrayList<>();
    body(http.get("/api/v1/standards?mode=hybrid&size=20&q=" + q))
        .get("items")
        .forEach(h -> hybrid.add(h.get("id").asText()));
    assertThat(hybrid).containsAll(byWords);
  }

  @Test
  void aQueryWithoutLettersOrDigitsFindsNothingOnTheApiAndThePage() throws Exception {
    for (String q : List.of("*", "\"", "*:*", "\uD83E\uDD16", "~")) {
      for (String mode : List.of("keyword", "hybrid", "semantic")) {
        JsonNode answer = body(http.get("/api/v1/standards?mode=" + mode + "&q=" + enc(q)));
        assertThat(answer.get("total").asLong()).as("%s in %s mode", q, mode).isZero();
      }
      HttpResponse<String> page = http.get("/search?q=" + enc(q));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(org.jsoup.Jsoup.parse(page.body()).select("p.empty")).as(q).hasSize(1);
    }
    // Invisible characters alone are no query, as spaces alone are: the whole catalogue.
    long everything = body(http.get("/api/v1/standards?q=")).get("total").asLong();
    assertThat(body(http.get("/api/v1/standards?q=" + enc("\u200B"))).get("total").asLong())
        .isEqualTo(everything)
        .isPositive();
  }

  @Test
  void aQueryOfStopWordsAloneSaysSoInTheAnswer() throws Exception {
    for (String mode : List.of("keyword", "hybrid", "semantic")) {
      JsonNode none = body(http.get("/api/v1/standards?mode=" + mode + "&q=" + enc("the of and")));
      assertThat(none.get("total").asLong()).as(mode).isZero();
      assertThat(none.get("onlyStopWords").asBoolean()).as(mode).isTrue();
      JsonNode some =
          body(http.get("/api/v1/standards?mode=" + mode + "&q=" + enc("the management")));
      assertThat(some.get("onlyStopWords").asBoolean()).as(mode).isFalse();
    }
  }

  @Test
  void semanticFiltersStayExact() throws Exception {
    JsonNode r =
        body(
            http.get(
                "/api/v1/standards?mode=hybrid&q="
                    + enc("trustworthiness of machine learning")
                    + "&sdo=IEEE&size=100"));
    assertThat(r.get("items")).isNotEmpty().allMatch(i -> i.get("sdo").asText().equals("IEEE"));
    long ieeeCount = 0;
    for (JsonNode f : r.get("facets").get("sdo")) {
      if (f.get("value").asText().equals("IEEE")) {
        ieeeCount = f.get("count").asLong();
      }
    }
    assertThat(r.get("total").asLong()).isEqualTo(ieeeCount);
  }

  @Test
  void relatedWorkListsTheClosestRecordsOfAnyBody() throws Exception {
    HttpResponse<String> r = http.get("/api/v1/standards/iso-iec-42001-2023/related?limit=8");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode b = body(r);
    assertThat(validate("RelatedResponse", b)).isEmpty();
    JsonNode related = b.get("related");
    assertThat(related).hasSize(8);
    List<String> bodies = new ArrayList<>();
    double previous = 1.0;
    for (JsonNode n : related) {
      assertThat(n.get("record").get("id").asText()).isNotEqualTo("iso-iec-42001-2023");
      assertThat(n.get("similarity").asDouble()).isLessThanOrEqualTo(previous).isGreaterThan(0.3);
      previous = n.get("similarity").asDouble();
      bodies.add(n.get("record").get("sdo").asText());
    }
    assertThat(bodies).contains("ISO/IEC");
    assertThat(http.get("/api/v1/standards/iso-iec-42001-2023/related?limit=0").statusCode())
        .isEqualTo(400);
    assertThat(http.get("/api/v1/standards/iso-iec-42001-2023/related?limit=x").body())
        .contains("limit");
    assertThat(http.get("/api/v1/standards/no-such-record/related").statusCode()).isEqualTo(404);
  }

  /**
   * ISO/IEC 42005's replaced drafts (FDIS, DIS) are a hair closer to ISO/IEC 42001 in meaning than
   * the standard in force that replaced them: related work lists the standard, not the drafts.
   */
  @Test
  void relatedWorkListsTheCurrentEditionOfADocumentNotItsReplacedDrafts() throws Exception {
    JsonNode related =
        body(http.get("/api/v1/standards/iso-iec-42001-2023/related")).get("related");
    List<String> ids = new ArrayList<>();
    related.forEach(n -> ids.add(n.get("record").get("id").asText()));
    assertThat(ids)
        .contains("iso-iec-42005-2025")
        .doesNotContain("iso-iec-fdis-42005", "iso-iec-dis-42005");
  }

  static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  /** Checks what every overlap answer promises: valid, ordered, grouped by status. */
  static JsonNode overlap(String query) throws Exception {
    HttpResponse<String> r = http.get("/api/v1/overlap?" + query);
    assertThat(r.statusCode()).as(query).isEqualTo(200);
    JsonNode b = body(r);
    assertThat(validate("OverlapResponse", b)).as(query).isEmpty();
    List<String> excluded = new ArrayList<>();
    b.get("excludedBodies").forEach(e -> excluded.add(e.asText()));
    for (String group : List.of("inForce", "drafts")) {
      double previous = 1.0;
      for (JsonNode m : b.get(group)) {
        assertThat(m.get("record").get("status").asText())
            .isEqualTo(group.equals("inForce") ? "in-force" : "draft");
        assertThat(m.get("record").get("sdo").asText()).isNotIn(excluded);
        assertThat(m.get("similarity").asDouble()).isLessThanOrEqualTo(previous);
        previous = m.get("similarity").asDouble();
      }
    }
    return b;
  }

  @Test
  void overlapNearMissAnswers404WithChoicesAndTypedIdentifiersResolve() throws Exception {
    HttpResponse<String> r = http.get("/api/v1/overlap?committee=" + enc("sc 42"));
    assertThat(r.statusCode()).isEqualTo(404);
    JsonNode error = json.readTree(r.body()).get("error");
    assertThat(error.get("code").asText()).isEqualTo("near_miss");
    assertThat(error.get("details").get(0).get("field").asText()).isEqualTo("committee");
    List<String> values = new java.util.ArrayList<>();
    error.get("choices").forEach(c -> values.add(c.get("value").asText()));
    assertThat(values).contains("ISO/IEC JTC 1/SC 42");
    JsonNode typed = overlap("record=" + enc("Y.3172") + "&limit=3");
    assertThat(typed.get("basis").toString()).contains("itu-t-y-3172");
  }

  @Test
  void overlapOfARecordListsOtherBodiesWorkInForceAndDraftsApart() throws Exception {
    JsonNode b = overlap("record=iso-iec-42001-2023&limit=6");
    assertThat(b.get("basis").get("by").asText()).isEqualTo("record");
    assertThat(b.get("basis").get("record").get("identifier").asText())
        .isEqualTo("ISO/IEC 42001:2023");
    assertThat(list(b.get("excludedBodies")).stream().map(JsonNode::asText))
        .containsExactly("ISO/IEC");
    assertThat(b.get("pending").asBoolean()).isFalse();
    assertThat(b.get("inForce")).hasSize(6);
    // The bundled corpus's drafts are IEEE's.
    assertThat(b.get("drafts")).hasSize(6);
    assertThat(list(b.get("inForce")))
        .allSatisfy(m -> assertThat(m.get("similarity").asDouble()).isGreaterThan(0.5));
    // The record's identifier as written finds it too.
    JsonNode byIdentifier = overlap("record=" + enc("ISO/IEC 42001:2023") + "&limit=6");
    assertThat(byIdentifier.get("inForce")).isEqualTo(b.get("inForce"));
  }

  @Test
  void overlapOfACommitteeGivesEachOtherBodyRecordOnceWithItsClosestCommitteeRecord()
      throws Exception {
    JsonNode b = overlap("committee=" + enc("ISO/IEC JTC 1/SC 42") + "&limit=8");
    assertThat(b.get("basis").get("committee").asText()).isEqualTo("ISO/IEC JTC 1/SC 42");
    assertThat(b.get("compared").asInt()).isGreaterThan(30);
    assertThat(list(b.get("excludedBodies")).stream().map(JsonNode::asText)).contains("ISO/IEC");
    List<JsonNode> all = new ArrayList<>(list(b.get("inForce")));
    all.addAll(list(b.get("drafts")));
    assertThat(all).hasSize(16);
    assertThat(all.stream().map(m -> m.get("record").get("id").asText()).distinct()).hasSize(16);
    for (JsonNode m : all) {
      // The committee record named is one of the committee's, and from its own side the same
      // pair has the same similarity: the aggregate is each record's best match.
      String closest = m.get("closestTo").get("id").asText();
      JsonNode own = body(http.get("/api/v1/standards/" + closest));
      assertThat(own.get("committee").asText()).isEqualTo("ISO/IEC JTC 1/SC 42");
      JsonNode fromRecord = overlap("record=" + closest + "&limit=50");
      String group = m.get("record").get("status").asText().equals("draft") ? "drafts" : "inForce";
      assertThat(list(fromRecord.get(group)))
          .anySatisfy(
              n -> {
                assertThat(n.get("record").get("id")).isEqualTo(m.get("record").get("id"));
                assertThat(n.get("similarity")).isEqualTo(m.get("similarity"));
              });
    }
  }

  @Test
  void overlapOfProposedWorkEmbedsTheTextAndCanLeaveOutOnesOwnBody() throws Exception {
    String text = enc("Certification of the bodies that audit AI management systems");
    JsonNode all = overlap("text=" + text + "&limit=5");
    assertThat(all.get("basis").get("by").asText()).isEqualTo("text");
    assertThat(all.get("excludedBodies")).isEmpty();
    assertThat(all.get("inForce").get(0).get("record").get("id").asText())
        .isEqualTo("iso-iec-42006-2025");
    JsonNode others = overlap("text=" + text + "&limit=5&sdo=" + enc("ISO/IEC"));
    assertThat(list(others.get("excludedBodies")).stream().map(JsonNode::asText))
        .containsExactly("ISO/IEC");
    assertThat(others.get("inForce")).hasSize(5);
    JsonNode tooLong = body(http.get("/api/v1/overlap?text=" + "a".repeat(4_001)));
    assertThat(tooLong.get("error").get("details").get(0).get("field").asText()).isEqualTo("text");
  }

  @Test
  void overlapOfARecordWithoutAVectorYetIsPendingAndAnUnknownRecordIsA404() throws Exception {
    // The RFC fixture was loaded without an embedding job: no vector yet.
    JsonNode b = overlap("record=rfc-9110");
    assertThat(b.get("pending").asBoolean()).isTrue();
    assertThat(b.get("inForce")).isEmpty();
    assertThat(b.get("drafts")).isEmpty();
    HttpResponse<String> missing = http.get("/api/v1/overlap?record=no-such-record");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(validate("Error", body(missing))).isEmpty();
  }

  /** A joint publication of ISO and IEC is found by either body, and counted for each. */
  @Test
  void filteringByIsoFindsTheJointIsoIecPublications() throws Exception {
    JsonNode r = body(http.get("/api/v1/standards?q=42001&sdo=ISO"));
    List<String> ids = new ArrayList<>();
    r.get("items").forEach(i -> ids.add(i.get("id").asText()));
    assertThat(ids).contains("iso-iec-42001-2023");
    assertThat(validate("SearchResponse", r)).isEmpty();

    JsonNode all = body(http.get("/api/v1/standards?size=1"));
    Map<String, Long> counts = new java.util.HashMap<>();
    all.get("facets")
        .get("sdo")
        .forEach(f -> counts.put(f.get("value").asText(), f.get("count").asLong()));
    assertThat(counts).containsKeys("ISO", "IEC").doesNotContainKey("ISO/IEC");
    long iso = body(http.get("/api/v1/standards?size=1&sdo=ISO")).get("total").asLong();
    long joint =
        body(http.get("/api/v1/standards?size=1&sdo=" + enc("ISO/IEC"))).get("total").asLong();
    assertThat(counts.get("ISO")).isEqualTo(iso);
    assertThat(joint).isPositive().isLessThan(iso).isLessThan(counts.get("IEC"));
  }

  @ParameterizedTest
  @CsvSource({"the, keyword", "the, hybrid", "AND, semantic", "'the of and', keyword"})
  void aQueryOfStopWordsAloneAnswersEveryFacetEmptyAsTheSchemaSays(String q, String mode)
      throws Exception {
    HttpResponse<String> r = http.get("/api/v1/standards?q=" + enc(q) + "&mode=" + mode);

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode b = body(r);
    assertThat(b.get("total").asLong()).isZero();
    for (org.aisx.search.Facet facet : org.aisx.search.Facet.values()) {
      assertThat(b.get("facets").get(facet.id())).as(facet.id()).isNotNull().isEmpty();
    }
    assertThat(validate("SearchResponse", b)).isEmpty();
  }

  @Test
  void searchFindsTheManagementSystemStandardWithinIsoIec() throws Exception {
    HttpResponse<String> r =
        http.get("/api/v1/standards?q=" + enc("management system") + "&sdo=" + enc("ISO/IEC"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    JsonNode b = body(r);
    List<String> ids = new ArrayList<>();
    b.get("items").forEach(i -> ids.add(i.get("id").asText()));
    assertThat(ids).contains("iso-iec-42001-2023");
    // Drill sideways: the sdo facet still offers every body that matches the words.
    JsonNode unfiltered = body(http.get("/api/v1/standards?q=" + enc("management system")));
    assertThat(b.get("facets").get("sdo")).isEqualTo(unfiltered.get("facets").get("sdo"));
    assertThat(b.get("facets").get("sdo").size()).isGreaterThan(1);
    assertThat(b.get("total").asLong()).isLessThan(unfiltered.get("total").asLong());
    assertThat(validate("SearchResponse", b)).isEmpty();
  }

  @Test
  void theRecordCarriesRelationsBothWaysProvenanceAndItsRevisionAsETag() throws Exception {
    HttpResponse<String> r = http.get("/api/v1/standards/rfc-7231");

    assertThat(r.statusCode()).isEqualTo(200);
    // The revision, then a digest of the body (EntityTags): the record answer holds more than it.
    assertThat(r.headers().firstValue("ETag").orElseThrow()).matches("\"1-[0-9a-f]{16}\"");
    JsonNode b = body(r);
    assertThat(b.get("identifier").asText()).isEqualTo("RFC 7231");
    assertThat(b.get("relations").findValuesAsText("targetId")).contains("rfc-9110", "rfc-2616");
    assertThat(b.get("inverseRelations").get(0).get("type").asText()).isEqualTo("replaced-by");
    assertThat(b.get("inverseRelations").get(0).get("sourceId").asText()).isEqualTo("rfc-9110");
    assertThat(b.get("provenance").get("source").asText()).isEqualTo("fixture");
    assertThat(validate("RecordResponse", b)).isEmpty();
  }

  /**
   * SPEC §4: "Every response for a record carries its revision as ETag": the related work of a
   * record too (it answered without one, so a client could not ask for it conditionally), as its
   * history does.
   */
  @Test
  void theRelatedWorkOfARecordCarriesItsRevisionAsETag() {
    String path = "/api/v1/standards/iso-iec-42001-2023/related";
    HttpResponse<String> r = http.get(path);

    assertThat(r.statusCode()).isEqualTo(200);
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("\"\\d+-[0-9a-f]{16}\"");
    assertThat(etag)
        .startsWith(
            "\""
                + http.get("/api/v1/standards/iso-iec-42001-2023")
                    .headers()
                    .firstValue("ETag")
                    .orElseThrow()
                    .replaceAll("^\"(\\d+)-.*$", "$1")
                + "-");
    assertThat(ifNoneMatch(path, etag).statusCode()).isEqualTo(304);
  }

  static HttpResponse<String> ifNoneMatch(String path, String tags) {
    return http.get(path, "If-None-Match", tags);
  }

  /**
   * If-None-Match by RFC 9110's weak comparison: the ETag itself, weak or in a list, or {@code *},
   * is a 304 without a body (GET and HEAD alike); another tag, or the bare revision (which does not
   * say which suggestions and relations the body had), is the whole answer.
   */
  @Test
  void ifNoneMatchNamingTheRecordsETagIsA304ByWeakComparison() {
    String path = "/api/v1/standards/iso-iec-42001-2023";
    HttpResponse<String> first = http.get(path);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    String opaque = etag.substring(1, etag.length() - 1);
    assertThat(first.headers().firstValue("Cache-Control")).contains("no-cache");
    for (String tags :
        List.of(
            etag,
            "W/" + etag,
            "\"0\", " + etag,
            "\"0\",W/" + etag + " , \"x\"",
            "*",
            "\"a,b\", " + etag)) {
      HttpResponse<String> r = ifNoneMatch(path, tags);
      assertThat(r.statusCode()).as(tags).isEqualTo(304);
      assertThat(r.body()).as(tags).isEmpty();
      assertThat(r.headers().firstValue("ETag")).as(tags).contains(etag);
      // A cache updates the stored answer's headers from a 304: it says nothing of another type.
      assertThat(r.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("text/plain");
      HttpResponse<String> head =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.base() + path))
                  .header("If-None-Match", tags)
                  .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(head.statusCode()).as("HEAD " + tags).isEqualTo(304);
    }
    for (String tags :
        List.of("\"1\"", "W/\"1\"", "\"0\", \"1\"", "\"" + opaque + "x\"", "nonsense", "W/")) {
      HttpResponse<String> r = ifNoneMatch(path, tags);
      assertThat(r.statusCode()).as(tags).isEqualTo(200);
      assertThat(r.body()).as(tags).isEqualTo(first.body());
    }
  }

  /**
   * The record's answer changes while its revision stays (here another record starts relating to
   * it): its ETag changes with it, so the ETag a client kept is no longer a 304, and the client
   * gets the relation. The revision is still what an edit's If-Match names.
   */
  @Test
  void aRecordWhoseAnswerChangedUnderTheSameRevisionIsNotA304() throws Exception {
    app.catalog()
        .save(
            Standard.builder("ETAG TARGET 1")
                .title(java.util.Map.of("en", "A record others will relate to"))
                .sdo("Test body")
                .type(PublicationType.OTHER)
                .status(Status.DRAFT)
                .build(),
            "test",
            "test",
            null);
    String path = "/api/v1/standards/etag-target-1";
    HttpResponse<String> before = http.get(path);
    String kept = before.headers().firstValue("ETag").orElseThrow();
    assertThat(ifNoneMatch(path, kept).statusCode()).isEqualTo(304);

    app.catalog()
        .save(
            Standard.builder("ETAG SOURCE 1")
                .title(java.util.Map.of("en", "A record relating to the other"))
                .sdo("Test body")
                .type(PublicationType.OTHER)
                .status(Status.DRAFT)
                .relations(List.of(Relation.of(RelationType.COMPLEMENTS, "ETAG TARGET 1")))
                .build(),
            "test",
            "test",
            null);

    HttpResponse<String> after = ifNoneMatch(path, kept);
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(body(after).get("revision").asInt()).isEqualTo(1);
    assertThat(body(after).get("inverseRelations").findValuesAsText("sourceId"))
        .contains("etag-source-1");
    assertThat(after.headers().firstValue("ETag").orElseThrow())
        .startsWith("\"1-")
        .isNotEqualTo(kept);
    assertThat(ifNoneMatch(path, after.headers().firstValue("ETag").orElseThrow()).statusCode())
        .isEqualTo(304);
  }

  /**
   * A feed's placeholder for a title ("Titre manque", whole or as a part) is no title in the record
   * API either: with {@code lang=fr} the record gives no French title, and its English one is what
   * the French page shows, as search and JSON-LD leave the placeholder out. The stored record keeps
   * what the feed gave, and a record sent back as GET gave it keeps it too.
   */
  @Test
  void theRecordApiGivesNoFeedPlaceholderAsATitleAndTheTitleThePageShows() throws Exception {
    for (String id : List.of("iso-cd-18374", "iso-iec-14496-15-2022-dam-3")) {
      assertThat(app.catalog().get(id).title().get("fr")).contains("Titre manque");
      HttpResponse<String> r = http.get("/api/v1/standards/" + id + "?lang=fr");
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode record = body(r);
      assertThat(validate("RecordResponse", record)).isEmpty();
      assertThat(record.get("title").has("fr")).as(record.get("title").toString()).isFalse();
      String shown =
          org.jsoup.Jsoup.parse(http.get("/standards/" + id + "?lang=fr").body())
              .selectFirst("h1")
              .text();
      assertThat(record.get("title").get("en").asText()).isEqualTo(shown);
      assertThat(body(http.get("/api/v1/standards?q=" + enc(id) + "&lang=fr")).toString())
          .doesNotContain("Titre manque");
    }

    String id = "iso-iec-14496-15-dam-1";
    Standard before = app.catalog().get(id);
    Fixtures.user(app, "titles@example.org", org.aisx.account.Role.COORDINATOR);
    String token = app.accounts().createToken("titles@example.org", "titles").secret();
    HttpResponse<String> put =
        http.send(
            "PUT",
            "/api/v1/standards/" + id,
            http.get("/api/v1/standards/" + id).body(),
            "Authorization",
            "Bearer " + token,
            "If-Match",
            "\"" + before.revision() + "\"");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(body(put).get("title").has("fr")).isFalse();
    assertThat(app.catalog().get(id).title()).isEqualTo(before.title());
    assertThat(app.catalog().history(id))
        .noneMatch(e -> "title".equals(e.field()) && "titles@example.org".equals(e.actor()));
  }

  @Test
  void historyListsTheEventsOfARecord() throws Exception {
    JsonNode b = body(http.get("/api/v1/standards/iso-iec-42001-2023/history"));
    assertThat(b.get("events").get(0).get("kind").asText()).isEqualTo("created");
    assertThat(b.get("events").get(0).get("source").asText()).isEqualTo("aisx-starter-corpus");
    assertThat(validate("HistoryResponse", b)).isEmpty();
  }

  @Test
  void taxonomyHasEveryDimensionAndADefinitionForEveryConcept() throws Exception {
    JsonNode b = body(http.get("/api/v1/taxonomy?lang=fr"));
    assertThat(b.get("dimensions").findValuesAsText("id"))
        .contains("vertical", "activity", "application", "concern");
    b.get("dimensions")
        .forEach(
            d ->
                d.get("concepts")
                    .forEach(
                        c -> {
                          assertThat(c.get("definitions").get("en").asText()).isNotBlank();
                          assertThat(c.get("definitions").get("fr").asText()).isNotBlank();
                        }));
    assertThat(b.get("dimensions").get(0).get("label").asText()).isEqualTo("Secteur d'activité");
    assertThat(validate("Taxonomy", b)).isEmpty();
  }

  @ParameterizedTest(name = "{0} → 400 naming {1}")
  @CsvSource({
    "/api/v1/standards?size=101, size",
    "/api/v1/standards?size=abc, size",
    "/api/v1/standards?page=0, page",
    "/api/v1/standards?page=10001, page",
    "/api/v1/standards?status=active, status",
    "/api/v1/standards?vertical=mars, vertical",
    "/api/v1/standards?sdo=ACME, sdo",
    "/api/v1/standards?sort=price, sort",
    "/api/v1/standards?from=2024&to=2020, from",
    "/api/v1/standards?from=20x4, from",
    "/api/v1/standards?mode=telepathy, mode",
    "/api/v1/standards?colour=blue, colour",
    "/api/v1/standards?q=a&q=b, q",
    "/api/v1/overlap, record",
    "/api/v1/overlap?text=%20, record",
    "/api/v1/overlap?record=iso-iec-42001-2023&text=risk, text",
    "/api/v1/overlap?committee=ITU-T+SG13&record=iso-iec-42001-2023, committee",
    "/api/v1/overlap?committee=No+such+committee, committee",
    "/api/v1/overlap?text=risk&limit=0, limit",
    "/api/v1/overlap?text=risk&limit=51, limit",
    "/api/v1/overlap?text=risk&limit=ten, limit",
    "/api/v1/overlap?text=risk&sdo=ACME, sdo",
    "/api/v1/overlap?record=iso-iec-42001-2023&sdo=IEEE, sdo",
    "/api/v1/overlap?text=risk&colour=blue, colour",
  })
  void badParametersAre400sWithTheErrorBody(String path, String field) throws Exception {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode b = body(r);
    assertThat(b.get("error").get("code").asText()).isEqualTo("bad_parameter");
    assertThat(b.get("error").get("details").get(0).get("field").asText()).isEqualTo(field);
    assertThat(validate("Error", b)).isEmpty();
  }

  @Test
  void anOversizedQueryIsA400() throws Exception {
    HttpResponse<String> r = http.get("/api/v1/standards?q=" + "a".repeat(600));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(body(r).get("error").get("details").get(0).get("field").asText()).isEqualTo("q");
  }

  @ParameterizedTest(name = "mode={0}")
  @CsvSource({"keyword", "hybrid", "semantic"})
  void aQueryOfManyOrShortPrefixesIsA400NamingQInEveryMode(String mode) throws Exception {
    // The costliest queries the 500 characters allow: 166 one-letter prefixes, 125 two-letter
    // ones, and five prefixes of three letters (one more than a query may have).
    StringBuilder letters = new StringBuilder();
    StringBuilder pairs = new StringBuilder();
    for (int i = 0; letters.length() < 497; i++) {
      letters.append((char) ('a' + i % 26)).append("* ");
    }
    for (int i = 0; pairs.length() < 496; i++) {
      pairs.append((char) ('a' + i % 26)).append((char) ('a' + i / 26 % 26)).append("* ");
    }
    for (String q :
        List.of(
            letters.toString().strip(),
            pairs.toString().strip(),
            "e*",
            "risk -co*",
            "man* sys* sec* pri* rob*")) {
      HttpResponse<String> r = http.get("/api/v1/standards?mode=" + mode + "&q=" + enc(q));
      assertThat(r.statusCode()).as(q).isEqualTo(400);
      JsonNode b = body(r);
      assertThat(b.get("error").get("code").asText()).isEqualTo("bad_parameter");
      assertThat(b.get("error").get("details").get(0).get("field").asText()).isEqualTo("q");
      assertThat(validate("Error", b)).isEmpty();
    }
    HttpResponse<String> four =
        http.get("/api/v1/standards?mode=" + mode + "&q=" + enc("man* sys* -sec* ** rob*"));
    assertThat(four.statusCode()).isEqualTo(200);
  }

  @Test
  void unknownIdsAndRoutesAre404s() throws Exception {
    HttpResponse<String> r = http.get("/api/v1/standards/no-such-standard");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(body(r).get("error").get("code").asText()).isEqualTo("not_found");
    assertThat(http.get("/api/v1/standards/no-such-standard/history").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/v1/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void writesToTheReadApiAreRefusedWithoutAServerError() {
    HttpResponse<String> r = http.post("/api/v1/standards", "{}");
    assertThat(r.statusCode()).isBetween(400, 499);
  }

  @Test
  void queryMetacharactersNeverCauseServerErrors() {
    for (String q :
        List.of(
            "\"unclosed",
            "a AND (b",
            "*",
            "-",
            "'; DROP TABLE standard; --",
            "\\",
            "~~~",
            "((((")) {
      assertThat(http.get("/api/v1/standards?q=" + enc(q)).statusCode()).as(q).isEqualTo(200);
    }
  }

  @Test
  void healthAndMetricsAnswerForOperators() throws Exception {
    JsonNode health = body(http.get("/healthz"));
    assertThat(health.get("status").asText()).isEqualTo("ok");
    assertThat(health.get("records").asLong()).isGreaterThan(100);
    HttpResponse<String> metrics = http.get("/metrics");
    assertThat(metrics.body()).contains("aisx_records " + health.get("records").asLong());
    assertThat(metrics.body())
        .contains("aisx_http_requests_total{route=\"/healthz\",status=\"200\"}");
    // The same search twice: the second is answered from the kept answers, and /metrics counts it.
    long hits = keptAnswerHits(metrics.body());
    http.get("/api/v1/standards?q=kept+answers+metric+check");
    http.get("/api/v1/standards?q=kept+answers+metric+check");
    assertThat(keptAnswerHits(http.get("/metrics").body())).isGreaterThanOrEqualTo(hits + 1);
  }

  private static long keptAnswerHits(String metrics) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "aisx_search_kept_answer_lookups_total\\{result=\"hit\"\\} (\\d+)")
            .matcher(metrics);
    assertThat(m.find()).as("the kept answers' hits in /metrics").isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void everyResponseCarriesSecurityHeaders() {
    HttpResponse<String> r = http.get("/api/v1/standards");
    assertThat(r.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            v ->
                assertThat(v)
                    .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "*"));
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
    // Plain HTTP, not behind a proxy: no HSTS (it would be ignored, or lock out a test setup).
    assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
    for (String path : List.of("/", "/feeds/changes.atom", "/no-such-page", "/static/style.css")) {
      assertThat(http.get(path).headers().firstValue("Content-Security-Policy"))
          .as(path)
          .isPresent();
    }
  }
}
