package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document its body publishes twice (W3C's latest version of a specification and its dated
 * edition of the same date, {@code editions/Twins}) is one entry of every list that names
 * publications, not only of the search, over real HTTP on the starter catalogue and its nine such
 * pairs: the related work of a record page and of the API, the topic clusters, and the overlap
 * check list the latest version (the card), naming its dated identifier; the card's page says "Also
 * published as" the dated identifier, and the dated edition's own page, still reachable, says that
 * it is the same text as the latest version, linking to it; the API's record says both too ({@code
 * alsoPublishedAs}, {@code sameTextAs}).
 */
class TwinTextsListedOnceTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;

  /** The dated edition of each card, by the card's id, as the search names them. */
  static final Map<String, JsonNode> DATED = new LinkedHashMap<>();

  /** The card of each dated edition, by the dated edition's id. */
  static final Map<String, String> CARD = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    app = Fixtures.starter(dir);
    app.startTopics(Progress.SILENT);
    server = app.web().start(0);
    http = new Http(server.port());
    for (int page = 1; ; page++) {
      JsonNode found =
          ApiTest.body(http.get("/api/v1/standards?sdo=W3C&size=100&sort=identifier&page=" + page));
      for (JsonNode item : found.get("items")) {
        JsonNode also = item.get("alsoPublishedAs");
        if (also != null && !also.isEmpty()) {
          DATED.put(item.get("id").asText(), also.get(0));
          CARD.put(also.get(0).get("id").asText(), item.get("id").asText());
        }
      }
      if (found.get("items").size() < 100) {
        break;
      }
    }
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (app.topics().current().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Document page(String path) {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(r.body());
  }

  /** The records a list's rows stand for: each row's first link to a record. */
  private static List<String> rows(Element list) {
    List<String> out = new ArrayList<>();
    for (Element row : list.select("tbody tr")) {
      Element a = row.selectFirst("a[href^=/standards/]");
      out.add(a.attr("href").substring("/standards/".length()));
    }
    return out;
  }

  /** What a row of a card says it is also published as: the dated identifier's link. */
  private static void namesItsDatedTwin(Element list, String card) {
    Element row = list.selectFirst("tbody tr:has(a[href=/standards/" + card + "])");
    JsonNode dated = DATED.get(card);
    Element also = row.selectFirst(".also-published");
    assertThat(also).as(card).isNotNull();
    assertThat(also.text()).contains("Also published as", dated.get("identifier").asText());
    assertThat(also.selectFirst("a").attr("href"))
        .isEqualTo("/standards/" + dated.get("id").asText());
  }

  /** No dated edition folded into its card, and no record twice. */
  private static void oneEntryPerDocument(String what, List<String> ids) {
    assertThat(ids).as(what).doesNotContainAnyElementsOf(CARD.keySet()).doesNotHaveDuplicates();
  }

  @Test
  void theStarterCatalogueHasNineTwinPairs() {
    assertThat(DATED).hasSize(9);
  }

  @Test
  void aCardsPageNamesItsDatedTwinAndItsRelatedWorkListsNeither() {
    for (String card : DATED.keySet()) {
      String dated = DATED.get(card).get("id").asText();
      Document d = page("/standards/" + card + "?lang=en");
      Element also = d.selectFirst(".record-head .also-published");
      assertThat(also).as(card).isNotNull();
      assertThat(also.text())
          .isEqualTo("Also published as " + DATED.get(card).get("identifier").asText());
      assertThat(also.selectFirst("a").attr("href")).isEqualTo("/standards/" + dated);
      assertThat(d.select(".record-head .same-text")).isEmpty();
      Element related = d.selectFirst("section#related");
      if (related != null) {
        oneEntryPerDocument(card, rows(related));
      }
    }
  }

  @Test
  void aDatedEditionsPageSaysItIsTheSameTextAsTheLatestVersionAndLinksToIt() {
    for (Map.Entry<String, String> e : CARD.entrySet()) {
      String dated = e.getKey();
      String card = e.getValue();
      Map<String, String> said = new LinkedHashMap<>();
      for (String lang : List.of("en", "fr", "es", "ru", "zh", "ar")) {
        Document d = page("/standards/" + dated + "?lang=" + lang);
        Element note = d.selectFirst(".record-head .same-text");
        assertThat(note).as(dated + " in " + lang).isNotNull();
        assertThat(note.selectFirst("a").attr("href")).isEqualTo("/standards/" + card);
        assertThat(note.selectFirst("a").text()).isEqualTo(identifierOf(card));
        said.put(lang, note.ownText());
        if (lang.equals("en")) {
          assertThat(note.text())
              .isEqualTo(
                  "This dated edition is the same text as the latest version: "
                      + identifierOf(card));
          assertThat(d.select(".record-head .also-published")).isEmpty();
          Element related = d.selectFirst("section#related");
          if (related != null) {
            oneEntryPerDocument(dated, rows(related));
            assertThat(rows(related)).as(dated).doesNotContain(card);
          }
        }
      }
      assertThat(new LinkedHashSet<>(said.values())).as(dated).hasSize(6);
    }
  }

  @Test
  void theApiRecordOfACardNamesItsDatedTwinAndTheDatedEditionsNamesItsCard() throws Exception {
    for (String card : DATED.keySet()) {
      JsonNode r = ApiTest.body(http.get("/api/v1/standards/" + card));
      assertThat(ApiTest.validate(http, "RecordResponse", r)).as(card).isEmpty();
      assertThat(r.get("alsoPublishedAs")).as(card).containsExactly(DATED.get(card));
      assertThat(r.has("sameTextAs")).as(card).isFalse();
    }
    for (Map.Entry<String, String> e : CARD.entrySet()) {
      String dated = e.getKey();
      JsonNode r = ApiTest.body(http.get("/api/v1/standards/" + dated));
      assertThat(ApiTest.validate(http, "RecordResponse", r)).as(dated).isEmpty();
      JsonNode same = r.get("sameTextAs");
      assertThat(same).as(dated).isNotNull();
      assertThat(same.get("id").asText()).isEqualTo(e.getValue());
      assertThat(same.get("identifier").asText()).isEqualTo(identifierOf(e.getValue()));
      assertThat(same.size()).isEqualTo(2);
      assertThat(r.has("alsoPublishedAs")).as(dated).isFalse();
    }
    // Neither on a record of no pair: another body's, and an earlier dated edition of a card.
    for (String other : List.of("iso-iec-42001-2023", "w3c-pr-speech-grammar-20031218")) {
      JsonNode r = ApiTest.body(http.get("/api/v1/standards/" + other));
      assertThat(r.get("id").asText()).isEqualTo(other);
      assertThat(r.has("alsoPublishedAs")).as(other).isFalse();
      assertThat(r.has("sameTextAs")).as(other).isFalse();
    }
    // Both documented in the record's schema.
    JsonNode schema =
        ApiTest.body(http.get("/api/v1/openapi.json"))
            .at("/components/schemas/RecordResponse/allOf/1/properties");
    assertThat(schema.has("alsoPublishedAs")).isTrue();
    assertThat(schema.get("sameTextAs").get("$ref").asText()).endsWith("/Twin");
  }

  /** The identifier of the record whose id is {@code id}. */
  private static String identifierOf(String id) {
    try {
      return ApiTest.body(http.get("/api/v1/standards/" + id)).get("identifier").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void relatedWorkListsATwinPairOnceAsItsCardNamingTheDatedIdentifier() throws Exception {
    // The records close to the pairs: the cards, the dated editions and their related work.
    Set<String> near = new LinkedHashSet<>(DATED.keySet());
    near.addAll(CARD.keySet());
    for (String card : DATED.keySet()) {
      JsonNode r = ApiTest.body(http.get("/api/v1/standards/" + card + "/related?limit=20"));
      r.get("related").forEach(n -> near.add(n.get("record").get("id").asText()));
    }
    int cardsListed = 0;
    for (String id : near) {
      JsonNode r = ApiTest.body(http.get("/api/v1/standards/" + id + "/related?limit=20"));
      assertThat(ApiTest.validate(http, "RelatedResponse", r)).isEmpty();
      List<String> ids = new ArrayList<>();
      for (JsonNode n : r.get("related")) {
        String listed = n.get("record").get("id").asText();
        ids.add(listed);
        if (DATED.containsKey(listed)) {
          JsonNode also = n.get("record").get("alsoPublishedAs");
          assertThat(also).as(id + " lists " + listed).hasSize(1);
          assertThat(also.get(0)).isEqualTo(DATED.get(listed));
        }
      }
      oneEntryPerDocument(id, ids);
      // A record's twin is its own text, not related work.
      assertThat(ids).as(id).doesNotContain(CARD.getOrDefault(id, ""));
      Element related = page("/standards/" + id + "?lang=en").selectFirst("section#related");
      if (related != null) {
        List<String> shown = rows(related);
        oneEntryPerDocument(id, shown);
        for (String listed : shown) {
          if (DATED.containsKey(listed)) {
            namesItsDatedTwin(related, listed);
            cardsListed++;
          }
        }
      }
    }
    assertThat(cardsListed).isPositive();
  }

  @Test
  void eachTopicClusterListsATwinPairOnceAsItsCardNamingTheDatedIdentifier() throws Exception {
    JsonNode clusters = ApiTest.body(http.get("/api/v1/landscape/clusters"));
    long sizes = 0;
    Map<String, Integer> cards = new HashMap<>();
    List<String> listed = new ArrayList<>();
    for (JsonNode topic : clusters.get("topics")) {
      sizes += topic.get("size").asLong();
      Document d = page("/landscape/clusters/" + topic.get("number").asInt() + "?lang=en");
      Element table = d.selectFirst("table.cards");
      List<String> ids = new ArrayList<>();
      for (Element a : table.select("tbody th[scope=row] > a")) {
        ids.add(a.attr("href").substring("/standards/".length()));
      }
      assertThat(ids).hasSize(topic.get("size").asInt());
      listed.addAll(ids);
      for (String id : ids) {
        if (DATED.containsKey(id)) {
          cards.merge(id, 1, Integer::sum);
          namesItsDatedTwin(table, id);
        }
      }
    }
    oneEntryPerDocument("clusters", listed);
    assertThat(cards).hasSize(9).allSatisfy((card, times) -> assertThat(times).isEqualTo(1));
    // The topics count each document once: the embedded records but the nine folded ones.
    assertThat(sizes).isEqualTo(clusters.get("embedded").asLong());
    long[] vectors = {0};
    app.index().forEachEmbedded(e -> vectors[0]++);
    assertThat(clusters.get("embedded").asLong()).isEqualTo(vectors[0] - 9);
  }

  @Test
  void theOverlapCheckListsATwinPairOnceAsItsCardNamingTheDatedIdentifier() throws Exception {
    int cardsListed = 0;
    for (String card : DATED.keySet()) {
      JsonNode record = ApiTest.body(http.get("/api/v1/standards/" + card));
      String title = record.get("title").get("en").asText();
      JsonNode r = ApiTest.body(http.get("/api/v1/overlap?limit=20&text=" + enc(title)));
      assertThat(ApiTest.validate(http, "OverlapResponse", r)).isEmpty();
      List<String> ids = new ArrayList<>();
      for (String group : List.of("inForce", "drafts")) {
        r.get(group).forEach(m -> ids.add(m.get("record").get("id").asText()));
      }
      oneEntryPerDocument(title, ids);
      // The check lists work in force and drafts: a withdrawn card is not listed.
      if (!record.get("status").asText().equals("withdrawn")) {
        assertThat(ids).as(title).contains(card);
      }
      Document d = page("/overlap?lang=en&limit=20&text=" + enc(title));
      for (Element table : d.select("table.overlap")) {
        List<String> shown = rows(table);
        oneEntryPerDocument(title, shown);
        for (String listed : shown) {
          if (DATED.containsKey(listed)) {
            namesItsDatedTwin(table, listed);
            cardsListed++;
          }
        }
      }
    }
    assertThat(cardsListed).isGreaterThanOrEqualTo(7);
  }
}
