package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
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
import org.aisx.taxonomy.Dimension;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The taxonomy as the committee's own, over real HTTP: a coordinator edits it on the pages and
 * through the API, every version and its history stay readable, and the SKOS exports (parsed by
 * Apache Jena) show what the committee did. The tests build on each other's edits, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaxonomyWebTest {
  static final String COORDINATOR = "coordinator@example.org";
  static final String SCHEME = "/taxonomy/";
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static String token;
  static String contributorToken;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
    Fixtures.user(app, COORDINATOR, Role.COORDINATOR);
    Fixtures.user(app, "editor@ieee.org", Role.CONTRIBUTOR, "IEEE");
    token = app.accounts().createToken(COORDINATOR, "test").secret();
    contributorToken = app.accounts().createToken("editor@ieee.org", "test").secret();
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

  static HttpResponse<String> change(String token, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/taxonomy/changes"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build());
  }

  /** The SKOS export in {@code format} ("ttl" or "jsonld"), parsed by Jena. */
  static Model skos(String format, String query) {
    HttpResponse<String> r = http.get("/api/v1/taxonomy." + format + query);
    assertThat(r.statusCode()).isEqualTo(200);
    String lang = format.equals("ttl") ? "TURTLE" : "JSON-LD";
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith(format.equals("ttl") ? "text/turtle" : "application/ld+json");
    Model m = ModelFactory.createDefaultModel();
    m.read(new StringReader(r.body()), http.base(), lang);
    return m;
  }

  static Resource concept(Model m, String dimension, String id) {
    return m.createResource(http.base() + SCHEME + dimension + "/" + id);
  }

  static String literal(Resource r, org.apache.jena.rdf.model.Property p, String lang) {
    var it = r.listProperties(p);
    while (it.hasNext()) {
      Literal l = it.next().getLiteral();
      if (l.getLanguage().equals(lang)) {
        return l.getString();
      }
    }
    return null;
  }

  @Test
  @Order(1)
  void bothSkosExportsParseAndHoldEveryConceptWithItsLabelsDefinitionsAndScheme() {
    for (String format : new String[] {"ttl", "jsonld"}) {
      Model m = skos(format, "");
      assertThat(m.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).toList()).hasSize(4);
      assertThat(m.listSubjectsWithProperty(RDF.type, SKOS.Concept).toList())
          .hasSize(app.taxonomy().dimensions().stream().mapToInt(d -> d.concepts().size()).sum());
      Resource health = concept(m, "vertical", "health");
      assertThat(literal(health, SKOS.prefLabel, "en")).isEqualTo("Health");
      assertThat(literal(health, SKOS.prefLabel, "fr")).isEqualTo("Santé");
      assertThat(literal(health, SKOS.prefLabel, "ar")).isNotBlank();
      assertThat(literal(health, SKOS.definition, "en")).contains("healthcare");
      assertThat(
              health.hasProperty(
                  SKOS.inScheme, m.createResource(http.base() + "/taxonomy/vertical")))
          .isTrue();
      assertThat(health.hasProperty(SKOS.topConceptOf)).isTrue();
      assertThat(health.hasProperty(OWL2.deprecated)).isFalse();
    }
  }

  @Test
  @Order(2)
  void aCoordinatorAddsAConceptOnThePageAndTheSkosExportShowsIt() throws Exception {
    Browser b = new Browser(server.port());
    assertThat(b.signIn(COORDINATOR, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    Document page = Jsoup.parse(b.get("/taxonomy").body());
    Element form = page.selectFirst("form[action=/taxonomy]:has(input[name=kind][value=add])");
    assertThat(form).as("the add form offered to a coordinator").isNotNull();
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[type=hidden]")) {
      fields.put(input.attr("name"), input.attr("value"));
    }
    fields.put("dimension", "vertical");
    fields.put("concept", "aquaculture");
    fields.put("parent", "agriculture-food");
    fields.put("labels.en", "Aquaculture");
    fields.put("labels.fr", "Aquaculture");
    fields.put("labels.es", "Acuicultura");
    fields.put("definitions.en", "Standards for AI used in fish and shellfish farming.");
    HttpResponse<String> saved = b.postForm("/taxonomy", fields);
    assertThat(saved.statusCode()).isEqualTo(303);
    String location = saved.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/taxonomy/vertical/aquaculture");

    Document conceptPage = Jsoup.parse(b.get(location).body());
    assertThat(conceptPage.select("h1").text()).contains("Aquaculture");
    // Who made it: the role, not the address, to all but admins (PublicActorsTest).
    assertThat(conceptPage.select("ul.history").text())
        .contains("coordinator")
        .doesNotContain(COORDINATOR);

    for (String format : new String[] {"ttl", "jsonld"}) {
      Model m = skos(format, "");
      Resource aquaculture = concept(m, "vertical", "aquaculture");
      assertThat(m.contains(aquaculture, RDF.type, SKOS.Concept)).as(format).isTrue();
      assertThat(literal(aquaculture, SKOS.prefLabel, "es")).isEqualTo("Acuicultura");
      assertThat(literal(aquaculture, SKOS.definition, "en")).contains("fish and shellfish");
      Resource parent = concept(m, "vertical", "agriculture-food");
      assertThat(m.contains(aquaculture, SKOS.broader, parent)).isTrue();
      assertThat(m.contains(parent, SKOS.narrower, aquaculture)).isTrue();
      // The version before the edit does not have it.
      assertThat(skos(format, "?version=0").containsResource(aquaculture)).isFalse();
    }
  }

  @Test
  @Order(3)
  void theApiEditsTheTaxonomyWithVersionsAndHistoryAsOpenapiDescribes() throws Exception {
    int before = body(http.get("/api/v1/taxonomy")).get("version").asInt();
    HttpResponse<String> r =
        change(
            token,
            "{\"kind\":\"rename\",\"dimension\":\"vertical\",\"concept\":\"aquaculture\","
                + "\"labels\":{\"ru\":\"Аквакультура\"},\"baseVersion\":"
                + before
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(ApiTest.validate(http, "TaxonomyChangeResult", body(r))).isEmpty();
    assertThat(body(r).get("version").asInt()).isEqualTo(before + 1);

    JsonNode now = body(http.get("/api/v1/taxonomy?lang=fr"));
    assertThat(ApiTest.validate(http, "Taxonomy", now)).isEmpty();
    assertThat(now.get("version").asInt()).isEqualTo(before + 1);
    JsonNode earlier = body(http.get("/api/v1/taxonomy?version=" + before));
    assertThat(ApiTest.validate(http, "Taxonomy", earlier)).isEmpty();
    assertThat(conceptIn(now, "vertical", "aquaculture").get("labels").get("ru").asText())
        .isEqualTo("Аквакультура");
    assertThat(conceptIn(earlier, "vertical", "aquaculture").get("labels").has("ru")).isFalse();

    JsonNode history = body(http.get("/api/v1/taxonomy/history"));
    assertThat(ApiTest.validate(http, "TaxonomyHistory", history)).isEmpty();
    JsonNode newest = history.get("versions").get(0);
    assertThat(newest.get("version").asInt()).isEqualTo(before + 1);
    assertThat(newest.get("actor").asText()).isEqualTo("coordinator");
    assertThat(newest.get("kind").asText()).isEqualTo("rename");
    assertThat(newest.get("changes").get(0).get("field").asText()).isEqualTo("labels.ru");
    assertThat(newest.get("changes").get(0).get("after").asText()).isEqualTo("Аквакультура");

    // A change based on the version before is refused: someone else's edit came first.
    HttpResponse<String> stale =
        change(
            token,
            "{\"kind\":\"define\",\"dimension\":\"vertical\",\"concept\":\"aquaculture\","
                + "\"definitions\":{\"fr\":\"Normes pour l'IA en pisciculture.\"},\"baseVersion\":"
                + before
                + "}");
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(ApiTest.validate(http, "Error", body(stale))).isEmpty();
  }

  static JsonNode conceptIn(JsonNode taxonomy, String dimension, String id) {
    for (JsonNode d : taxonomy.get("dimensions")) {
      if (d.get("id").asText().equals(dimension)) {
        for (JsonNode c : d.get("concepts")) {
          if (c.get("id").asText().equals(id)) {
            return c;
          }
        }
      }
    }
    throw new AssertionError("no concept " + dimension + "/" + id);
  }

  @Test
  @Order(4)
  void badChangesAre400sNamingTheFieldAndOnlyCoordinatorsMayEdit() throws Exception {
    String add =
        "{\"kind\":\"add\",\"dimension\":\"vertical\",\"concept\":\"health\","
            + "\"labels\":{\"en\":\"Health again\"},\"definitions\":{\"en\":\"x\"}}";
    assertThat(change(null, add).statusCode()).isEqualTo(401);
    assertThat(change(contributorToken, add).statusCode()).isEqualTo(403);
    HttpResponse<String> duplicate = change(token, add);
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(ApiTest.validate(http, "Error", body(duplicate))).isEmpty();
    assertThat(body(duplicate).at("/error/details/0/field").asText()).isEqualTo("concept");

    HttpResponse<String> cycle =
        change(
            token,
            "{\"kind\":\"move\",\"dimension\":\"vertical\",\"concept\":\"agriculture-food\","
                + "\"parent\":\"aquaculture\"}");
    assertThat(cycle.statusCode()).isEqualTo(400);
    assertThat(body(cycle).at("/error/details/0/field").asText()).isEqualTo("parent");

    HttpResponse<String> kind =
        change(token, "{\"kind\":\"merge\",\"dimension\":\"vertical\",\"concept\":\"health\"}");
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(body(kind).at("/error/details/0/field").asText()).isEqualTo("kind");

    HttpResponse<String> unknown =
        change(
            token,
            "{\"kind\":\"retire\",\"dimension\":\"vertical\",\"concept\":\"no-such-thing\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(http.get("/api/v1/taxonomy?version=999").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/v1/taxonomy?version=x").statusCode()).isEqualTo(400);
  }

  /**
   * Version 0 is the bundled vocabulary, which always exists; a version after the current one is a
   * 404 whose detail names {@code version} and the versions there are, in the language asked for
   * (the API, its SKOS exports and the page alike); one that is not a whole number is a 400 naming
   * it.
   */
  @Test
  void aVersionThatDoesNotExistIsA404NamingVersionAndTheVersionsThereAre() throws Exception {
    assertThat(http.get("/api/v1/taxonomy?version=0").statusCode()).isEqualTo(200);
    int current = body(http.get("/api/v1/taxonomy")).get("version").asInt();
    int next = current + 1;
    for (String path :
        List.of("/api/v1/taxonomy", "/api/v1/taxonomy.ttl", "/api/v1/taxonomy.jsonld")) {
      HttpResponse<String> r = http.get(path + "?version=" + next);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      JsonNode detail = body(r).at("/error/details/0");
      assertThat(detail.get("field").asText()).isEqualTo("version");
      assertThat(detail.get("problem").asText())
          .isEqualTo(
              "there is no version "
                  + next
                  + ": the versions are 0 (the bundled one) to "
                  + current
                  + " (the current one)");
    }
    JsonNode french = body(http.get("/api/v1/taxonomy?lang=fr&version=" + next));
    assertThat(french.at("/error/details/0/problem").asText())
        .startsWith("il n'existe pas de version " + next);
    HttpResponse<String> page = http.get("/taxonomy?lang=fr&version=" + next);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(page.body()).select("main").text())
        .contains("il n'existe pas de version " + next);
    for (String bad : List.of("abc", "-1", "1.5")) {
      HttpResponse<String> r = http.get("/api/v1/taxonomy?version=" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(body(r).at("/error/details/0/field").asText()).isEqualTo("version");
    }
  }

  @Test
  @Order(5)
  void aRetiredConceptKeepsItsPageAndIsDeprecatedInSkosAndShownRetiredOnRecords() throws Exception {
    // A record carries the concept, confirmed, before it is retired.
    var record = app.catalog().get("iso-iec-42001-2023");
    app.catalog()
        .save(
            record.toBuilder().verticals(java.util.List.of("aquaculture")).build(),
            COORDINATOR,
            "test",
            record.revision());
    HttpResponse<String> r =
        change(
            token, "{\"kind\":\"retire\",\"dimension\":\"vertical\",\"concept\":\"aquaculture\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);

    assertThat(
            conceptIn(body(http.get("/api/v1/taxonomy")), "vertical", "aquaculture")
                .get("retired")
                .asBoolean())
        .isTrue();
    HttpResponse<String> page = http.get("/taxonomy/vertical/aquaculture?lang=en");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(page.body()).select("h1 .chip.retired").text()).isEqualTo("retired");
    Document list = Jsoup.parse(http.get("/taxonomy?lang=en").body());
    assertThat(list.select("#vertical-aquaculture .chip.retired")).hasSize(1);
    Document recordPage = Jsoup.parse(http.get("/standards/iso-iec-42001-2023?lang=en").body());
    assertThat(recordPage.select("a[href=/taxonomy/vertical/aquaculture]").text())
        .isEqualTo("retired");
    // The record still carries it and is still found by it: links to it resolve.
    assertThat(body(http.get("/api/v1/standards?vertical=aquaculture")).get("total").asLong())
        .isEqualTo(1);

    for (String format : new String[] {"ttl", "jsonld"}) {
      Model m = skos(format, "");
      Resource aquaculture = concept(m, "vertical", "aquaculture");
      assertThat(aquaculture.hasLiteral(OWL2.deprecated, true)).as(format).isTrue();
      assertThat(concept(m, "vertical", "health").hasProperty(OWL2.deprecated)).isFalse();
    }
    // No longer offered as a parent for new concepts.
    Browser b = new Browser(server.port());
    b.signIn(COORDINATOR, Fixtures.PASSWORD);
    Document edit = Jsoup.parse(b.get("/taxonomy").body());
    assertThat(edit.select("#add-parent option[value=aquaculture]")).isEmpty();
    assertThat(edit.select("#add-parent option[value=health]")).hasSize(1);
  }

  @Test
  @Order(6)
  void theHistoryPageListsEveryVersionWithWhoAndWhatAndThePublicSeesNoEditForms() {
    Document history = Jsoup.parse(http.get("/taxonomy/history?lang=en").body());
    assertThat(history.select("table.history tbody tr")).hasSize(3);
    assertThat(history.select("table.history").text())
        .doesNotContain(COORDINATOR)
        .contains("coordinator")
        .contains("Label in Russian") // labels.ru, named in the language of the page
        .contains("retired");
    Document publicPage = Jsoup.parse(http.get("/taxonomy").body());
    assertThat(publicPage.select("form[action=/taxonomy]")).isEmpty();
    assertThat(
            Jsoup.parse(http.get("/taxonomy/vertical/health").body())
                .select("form[action=/taxonomy]"))
        .isEmpty();
    assertThat(http.get("/taxonomy/vertical/no-such-thing").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(7)
  void renamingAConceptWhoseOldLabelWasAWeakTermIsAcceptedAndTheServiceStartsAgainOverIt()
      throws Exception {
    // vertical/health's English label "Health" is a weak term of the classifier's senses: renamed,
    // the classifier of the new version leaves it out instead of refusing the edit (it did: a 500
    // after the edit was stored, and no start-up over that store).
    HttpResponse<String> renamed =
        change(
            token,
            "{\"kind\":\"rename\",\"dimension\":\"vertical\",\"concept\":\"health\","
                + "\"labels\":{\"en\":\"Health and medicine\"}}");
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(201);
    int version = body(renamed).get("version").asInt();
    server.close();
    app.close();
    app = Fixtures.empty(dir);
    server = app.web().start(0);
    http = new Http(server.port());
    assertThat(app.taxonomy().version()).isEqualTo(version);
    assertThat(app.taxonomy().label(Dimension.VERTICAL, "health", "en"))
        .isEqualTo("Health and medicine");
    assertThat(
            Jsoup.parse(http.get("/taxonomy/vertical/health?lang=en").body()).select("h1").text())
        .contains("Health and medicine");
  }

  @Test
  @Order(8)
  void aRefusedPageEditShowsItsFormAgainWithEverythingTypedAndTheProblemByItsField()
      throws Exception {
    Browser b = new Browser(server.port());
    assertThat(b.signIn(COORDINATOR, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    Element form =
        Jsoup.parse(b.get("/taxonomy").body())
            .selectFirst("form[action=/taxonomy]:has(input[name=kind][value=add])");
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[type=hidden]")) {
      fields.put(input.attr("name"), input.attr("value"));
    }
    String definition = "Standards for <b>AI</b> & the welfare of farmed fish.";
    fields.put("dimension", "concern");
    fields.put("concept", "Bad Id");
    fields.put("labels.en", "Fish welfare");
    fields.put("labels.fr", "Bien-être des poissons");
    fields.put("definitions.en", definition);
    HttpResponse<String> refused = b.postForm("/taxonomy", fields);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).doesNotContain("<b>AI</b>");
    Document page = Jsoup.parse(refused.body());
    assertThat(page.select("#add-concept").attr("value")).isEqualTo("Bad Id");
    assertThat(page.select("#add-concept ~ .field-error").text()).isNotBlank();
    assertThat(page.select("#change-refused a[href=#add-concept]")).hasSize(1);
    assertThat(page.select("#add-label-en").attr("value")).isEqualTo("Fish welfare");
    assertThat(page.select("#add-label-fr").attr("value")).isEqualTo("Bien-être des poissons");
    assertThat(page.select("#add-definition-en").text()).isEqualTo(definition);
    assertThat(page.select("#add-dimension option[selected]").attr("value")).isEqualTo("concern");
    assertThat(app.taxonomy().concept(Dimension.CONCERN, "bad-id")).isEmpty();

    // A concept's form based on a version someone changed since: its page again, as typed.
    Element define =
        Jsoup.parse(b.get("/taxonomy/vertical/health").body())
            .selectFirst("form[action=/taxonomy]:has(input[name=kind][value=define])");
    Map<String, String> stale = new LinkedHashMap<>();
    for (Element input : define.select("input[type=hidden]")) {
      stale.put(input.attr("name"), input.attr("value"));
    }
    HttpResponse<String> moved =
        change(
            token,
            "{\"kind\":\"rename\",\"dimension\":\"vertical\",\"concept\":\"health\","
                + "\"labels\":{\"en\":\"Health, medicine and care\"}}");
    assertThat(moved.statusCode()).isEqualTo(201);
    stale.put("definitions.en", "My definition, typed before the rename.");
    HttpResponse<String> conflict = b.postForm("/taxonomy", stale);
    assertThat(conflict.statusCode()).isEqualTo(409);
    Document again = Jsoup.parse(conflict.body());
    assertThat(again.select("h1").text()).contains("Health, medicine and care");
    assertThat(again.select("#definition-en").text())
        .isEqualTo("My definition, typed before the rename.");
    assertThat(again.select("#change-refused").text()).contains("changed since you opened");
  }
}
