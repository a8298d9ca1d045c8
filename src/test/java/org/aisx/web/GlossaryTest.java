package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The glossary crosswalk over real HTTP on the starter catalogue: terms with definitions side by
 * side and their sources, the API's shape, decisions on mappings, the SKOS exports read back with
 * Apache Jena, and searches that a confirmed mapping widens.
 */
class GlossaryTest {
  static final String COORDINATOR = "glossary-coordinator@example.org";
  static String token;
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
    Fixtures.user(app, COORDINATOR, org.aisx.account.Role.COORDINATOR);
    token = app.accounts().createToken(COORDINATOR, "test").secret();
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static JsonNode body(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    try {
      return json.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  static HttpResponse<String> decide(String token, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/mappings/decisions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build());
  }

  static String decision(String from, String to, String type, String decision, String as) {
    return "{\"decisions\":[{\"from\":\""
        + from
        + "\",\"to\":\""
        + to
        + "\",\"type\":\""
        + type
        + "\",\"decision\":\""
        + decision
        + "\""
        + (as == null ? "" : ",\"as\":\"" + as + "\"")
        + "}]}";
  }

  static List<String> keywordSearch(String q) {
    List<String> ids = new ArrayList<>();
    body(http.get(
            "/api/v1/standards?mode=keyword&size=50&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8)))
        .get("items")
        .forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  @Test
  void aiSystemShowsTheIsoOecdAndAiActDefinitionsSideBySideWithTheirSources() {
    HttpResponse<String> r = http.get("/glossary/ai-system");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("ISO/IEC 22989:2022")
        .contains("An engineered system that generates outputs")
        .contains("OECD (2024)")
        .contains("A machine-based system that, for explicit or implicit objectives")
        .contains("EU AI Act, Art. 3(1)")
        .contains("designed to operate with varying levels of autonomy")
        .contains("href=\"/standards/iso-iec-22989-2022\"")
        .contains("Copyright © 2022-2026 World Wide Web Consortium");
    assertThat(http.get("/glossary/no-such-term").statusCode()).isEqualTo(404);
    HttpResponse<String> list = http.get("/glossary?q=bias&source=vair");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("VAIR (c) by Delaram Golpayegani").contains("/glossary/");
  }

  @Test
  void theWordsOfAnAcronymFindTheTermsLabelledWithTheAcronymFirst() throws Exception {
    // "Artificial Intelligence (AI)" is a label of the glossary, so "artificial intelligence
    // system" is the term "AI System" (ISO/IEC 22989, OECD, the EU AI Act), as a regulator types
    // it.
    for (String q : List.of("artificial intelligence system", "Artificial intelligence systems")) {
      JsonNode found =
          body(http.get("/api/v1/glossary?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
      List<String> ids = found.get("items").findValuesAsText("id");
      assertThat(ids.subList(0, 2))
          .as(q)
          .containsExactlyInAnyOrder("ai-system", "ai-system-eu-ai-act");
    }
    assertThat(
            http.get(
                    "/glossary?q="
                        + URLEncoder.encode(
                            "artificial intelligence system", StandardCharsets.UTF_8))
                .body())
        .contains("href=\"/glossary/ai-system\"");
  }

  @Test
  void theApiGivesATermInTheSpecsShapeAndFiltersBySource() throws Exception {
    JsonNode term = body(http.get("/api/v1/glossary/ai-system"));
    assertThat(ApiTest.validate(http, "GlossaryTerm", term)).isEmpty();
    assertThat(term.get("label").get("en").asText()).isEqualTo("AI System");
    JsonNode iso = term.get("definitions").get(0);
    assertThat(iso.get("source").asText()).isEqualTo("ISO/IEC 22989:2022");
    assertThat(iso.get("record").asText()).isEqualTo("iso-iec-22989-2022");
    assertThat(iso.get("language").asText()).isEqualTo("en");
    assertThat(term.get("definitions").findValuesAsText("source"))
        .contains("OECD (2024)", "EU Vocabularies' AI Taxonomy");
    JsonNode act = null;
    for (JsonNode m : term.get("mappings")) {
      if (m.get("target").asText().equals("ai-system-eu-ai-act")) {
        act = m;
      }
    }
    assertThat(act).isNotNull();
    assertThat(act.get("type").asText()).isEqualTo("narrowMatch");
    assertThat(act.get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(term.get("standards").findValuesAsText("id")).isEmpty();
    List<String> standards = new ArrayList<>();
    term.get("standards").forEach(s -> standards.add(s.asText()));
    assertThat(standards).contains("iso-iec-22989-2022");

    JsonNode found =
        body(
            http.get(
                "/api/v1/glossary?q="
                    + URLEncoder.encode("AI system", StandardCharsets.UTF_8)
                    + "&source=eu-ai-act"));
    assertThat(ApiTest.validate(http, "GlossaryList", found)).isEmpty();
    assertThat(found.get("items").get(0).get("id").asText()).isEqualTo("ai-system-eu-ai-act");
    found
        .get("items")
        .forEach(i -> assertThat(i.get("vocabulary").asText()).isEqualTo("eu-ai-act"));
    // Searched in the other UN languages by the labels the glossary's translations give.
    for (String q : List.of("système d'IA", "人工智能系统", "sistema de IA", "искусственный интеллект")) {
      JsonNode inLanguage =
          body(http.get("/api/v1/glossary?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
      assertThat(inLanguage.get("items")).as(q).isNotEmpty();
    }
    assertThat(
            body(http.get(
                    "/api/v1/glossary?q="
                        + URLEncoder.encode("système d'IA", StandardCharsets.UTF_8)))
                .get("items")
                .findValuesAsText("id"))
        .contains("ai-system-eu-ai-act");
    assertThat(http.get("/glossary/ai-system-eu-ai-act?lang=fr").body())
        .containsPattern("<h1 lang=\"fr\"[^>]*>système d('|&#39;)IA</h1>");
    assertThat(http.get("/api/v1/glossary?source=nowhere").statusCode()).isEqualTo(400);
    assertThat(http.get("/api/v1/glossary/nothing-here").statusCode()).isEqualTo(404);
  }

  /**
   * The vocabularies cite ISO/IEC 22989 dated and undated; the source filter lists the publication
   * once, with every term citing it either way, and the undated form still filters the same.
   */
  @Test
  void aDocumentCitedDatedAndUndatedIsOneChoiceOfTheSourceFilter() throws Exception {
    List<String> choices =
        org.jsoup.Jsoup.parse(http.get("/glossary?lang=en").body())
            .select("select[name=source] option")
            .eachAttr("value");
    assertThat(choices).contains("ISO/IEC 22989:2022").doesNotContain("ISO/IEC 22989");
    List<String> dated = allIds("ISO/IEC 22989:2022");
    List<String> undated = allIds("ISO/IEC 22989");
    assertThat(undated).isEqualTo(dated);
    // The terms of both citations: 58 cite it undated, 57 dated, none both.
    assertThat(dated).hasSizeGreaterThan(100);
  }

  private List<String> allIds(String source) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode b =
          body(
              http.get(
                  "/api/v1/glossary?page="
                      + page
                      + "&source="
                      + URLEncoder.encode(source, StandardCharsets.UTF_8)));
      b.get("items").forEach(i -> ids.add(i.get("id").asText()));
      if (b.get("items").isEmpty() || ids.size() >= b.get("total").asInt()) {
        return ids;
      }
    }
  }

  @Test
  void decidingOnMappingsNeedsACoordinatorAndIsKeptWithItsHistory() throws Exception {
    String body = decision("ai-system", "high-risk-ai-system", "narrowMatch", "confirm", null);
    assertThat(decide(null, body).statusCode()).isEqualTo(401);
    assertThat(decide(token, decision("ai-system", "x", "sameMatch", "confirm", null)).statusCode())
        .isEqualTo(400);
    assertThat(body(decide(token, body)).get("changed").asInt()).isEqualTo(1);
    assertThat(body(decide(token, body)).get("changed").asInt()).isZero();
    JsonNode history = body(http.get("/api/v1/mappings/history?term=high-risk-ai-system"));
    assertThat(ApiTest.validate(http, "MappingHistory", history)).isEmpty();
    // Anonymous readers see the role, not the address (PublicActorsTest).
    assertThat(history.get("items").get(0).get("actor").asText()).isEqualTo("coordinator");
    assertThat(history.get("items").get(0).get("decision").asText()).isEqualTo("confirmed");
    JsonNode confirmed = body(http.get("/api/v1/mappings?state=confirmed"));
    assertThat(ApiTest.validate(http, "MappingQueue", confirmed)).isEmpty();
    assertThat(confirmed.get("items").findValuesAsText("to")).contains("high-risk-ai-system");
    assertThat(http.get("/glossary/high-risk-ai-system").body())
        .doesNotContain(COORDINATOR)
        .contains("coordinator");
    assertThat(http.get("/review/mappings").statusCode()).isEqualTo(200);
  }

  /**
   * A decision on a mapping there is not (a term or a relation no suggestion names) is a 400 naming
   * it, not "changed: 0"; in a batch it decides nothing, not even the mappings there are.
   */
  @Test
  void aDecisionOnAMappingThereIsNotIsRefusedNamingItAndDecidesNothing() throws Exception {
    HttpResponse<String> unknown =
        decide(token, decision("ai-system", "no-such-term", "exactMatch", "confirm", null));
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
    JsonNode error = json.readTree(unknown.body()).get("error");
    assertThat(error.at("/details/0/field").asText()).isEqualTo("decisions[0]");
    assertThat(error.at("/details/0/problem").asText()).contains("no-such-term");
    assertThat(ApiTest.validate(http, "Error", json.readTree(unknown.body()))).isEmpty();

    JsonNode pending = body(http.get("/api/v1/mappings?state=pending")).get("items");
    JsonNode known = pending.get(pending.size() - 1);
    String from = known.get("from").asText();
    String to = known.get("to").asText();
    String type = known.get("type").asText();
    String otherType =
        java.util.Arrays.stream(org.aisx.glossary.MappingType.values())
            .map(org.aisx.glossary.MappingType::wire)
            .filter(
                t ->
                    app.glossary().mappings().stream()
                        .noneMatch(
                            m ->
                                m.from().equals(from)
                                    && m.to().equals(to)
                                    && m.type().wire().equals(t)))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> batch =
        decide(
            token,
            "{\"decisions\":[{\"from\":\""
                + from
                + "\",\"to\":\""
                + to
                + "\",\"type\":\""
                + type
                + "\",\"decision\":\"reject\"},{\"from\":\""
                + from
                + "\",\"to\":\""
                + to
                + "\",\"type\":\""
                + otherType
                + "\",\"decision\":\"reject\"}]}");
    assertThat(batch.statusCode()).as(batch.body()).isEqualTo(400);
    assertThat(batch.body()).contains("decisions[1]").contains(otherType);
    assertThat(app.glossary().mappings())
        .filteredOn(m -> m.from().equals(from) && m.to().equals(to) && m.type().wire().equals(type))
        .singleElement()
        .satisfies(m -> assertThat(m.state().wire()).isEqualTo("pending"));

    // The review page's form refuses it alike, naming the mapping.
    Browser coordinator = new Browser(server.port());
    assertThat(coordinator.signIn(COORDINATOR, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    HttpResponse<String> form =
        coordinator.postForm(
            "/review/mappings",
            java.util.Map.of(
                "_csrf",
                coordinator.csrf("/review/mappings"),
                "decision",
                "reject",
                "item",
                from + "|" + to + "|" + otherType));
    assertThat(form.statusCode()).isEqualTo(400);
    assertThat(org.jsoup.Jsoup.parse(form.body()).select("main").text())
        .contains("item")
        .contains(to);
  }

  @Test
  void aLawsTermFindsTheStandardsTermOnceTheMappingIsConfirmed() {
    String law = "general-purpose AI model";
    List<String> before = keywordSearch(law);
    assertThat(before)
        .as("the AI Act's words alone do not find the foundation-model standards")
        .doesNotContain("itu-t-f-748-77-12-2025", "itu-t-f-748-44-03-2025");
    assertThat(
            body(decide(
                    token,
                    decision(
                        "general-purpose-ai-model-eu-ai-act",
                        "foundation-model",
                        "relatedMatch",
                        "confirm",
                        "closeMatch")))
                .get("changed")
                .asInt())
        .isEqualTo(1);
    List<String> after = keywordSearch(law);
    assertThat(after).contains("itu-t-f-748-77-12-2025", "itu-t-f-748-44-03-2025");
    assertThat(after).containsAll(before);
    assertThat(keywordSearch("42001"))
        .as("identifier queries are not expanded")
        .contains("iso-iec-42001-2023");
  }

  @Test
  void theSkosExportsParseWithJenaWithDefinitionsLanguagesAndConfirmedMappings() {
    assertThat(
            body(decide(
                    token,
                    decision("ai-system", "ai-system-eu-ai-act", "narrowMatch", "confirm", null)))
                .get("changed")
                .asInt())
        .isBetween(0, 1);
    Model turtle = parse("/api/v1/glossary.ttl", Lang.TURTLE);
    Model jsonLd = parse("/api/v1/glossary.jsonld", Lang.JSONLD);
    assertThat(turtle.isIsomorphicWith(jsonLd)).isTrue();
    Resource aiSystem = turtle.getResource("https://w3id.org/dpv/ai#AISystem");
    assertThat(aiSystem.hasProperty(RDF.type, SKOS.Concept)).isTrue();
    List<Literal> definitions = new ArrayList<>();
    aiSystem.listProperties(SKOS.definition).forEachRemaining(s -> definitions.add(s.getLiteral()));
    assertThat(definitions).hasSize(3).allMatch(l -> l.getLanguage().equals("en"));
    assertThat(definitions)
        .anyMatch(l -> l.getLexicalForm().startsWith("An engineered system that generates"));
    assertThat(
            aiSystem.hasProperty(
                SKOS.narrowMatch,
                turtle.getResource("https://w3id.org/dpv/legal/eu/aiact#AISystem")))
        .isTrue();
    long concepts = turtle.listResourcesWithProperty(RDF.type, SKOS.Concept).toList().size();
    assertThat(concepts).isEqualTo(app.glossary().terms().size());
    assertThat(
            turtle
                .getResource(http.base() + "/glossary/foundation-model")
                .hasProperty(RDF.type, SKOS.Concept))
        .isTrue();
  }

  static Model parse(String path, Lang lang) {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).isEqualTo(200);
    Model m = ModelFactory.createDefaultModel();
    RDFParser.fromString(r.body(), lang).parse(m);
    return m;
  }

  @Test
  void aDefinitionInTheListIsSetApartFromItsSourceInTheTextItself() {
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(http.get("/glossary").body());
    org.jsoup.select.Elements definitions = page.select(".glossary-list p.definition");
    assertThat(definitions).isNotEmpty();
    for (org.jsoup.nodes.Element d : definitions) {
      String source = d.selectFirst("cite").text();
      // What a screen reader reads and what copy-paste gives: not "…actions AI Watch".
      assertThat(d.wholeText().replaceAll("\\s+", " ").strip()).endsWith(" — " + source);
    }
  }

  @Test
  void aPagePastTheEndIsEmptySaysSoAndLinksToTheLastPageAsSearchDoes() {
    PagesTest.assertAPagePastTheEndLinksToTheLastPage(http, "/glossary");
  }

  @Test
  void aRecordPageLinksTheGlossaryTermsItDefines() {
    HttpResponse<String> r = http.get("/standards/iso-iec-22989-2022");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"glossary\"").contains("href=\"/glossary/ai-system\"");
  }

  @Test
  void theCataloguesOwnDefinitionsAreNamedInThePagesLanguage() {
    String name = "Definitions in the catalogue's record summaries";
    String notice = "Quoted from the summaries of the records cited";
    for (String[] lang :
        new String[][] {
          {"fr", "ltr", "Définitions tirées des résumés des notices du catalogue"},
          {"ar", "rtl", "تعريفات من ملخصات سجلات الفهرس"}
        }) {
      Browser browser = new Browser(server.port());
      for (String path :
          List.of(
              "/glossary?source=catalogue&lang=" + lang[0],
              "/glossary/foundation-model?lang=" + lang[0])) {
        HttpResponse<String> r = browser.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(r.body());
        String main = page.select("main").text();
        assertThat(main).as(path).contains(lang[2]).doesNotContain(name).doesNotContain(notice);
        // The notice is marked as the language it is now written in.
        org.jsoup.nodes.Element said =
            page.select("main [lang=" + lang[0] + "]").stream()
                .filter(e -> e.text().contains("؛") || e.text().contains(";"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(path + ": no notice in " + lang[0]));
        assertThat(said.attr("dir")).isEqualTo(lang[1]);
      }
    }
    // In English, as the glossary itself names it.
    assertThat(
            org.jsoup.Jsoup.parse(http.get("/glossary?source=catalogue&lang=en").body())
                .select("main")
                .text())
        .contains(name)
        .contains(notice);
  }
}
