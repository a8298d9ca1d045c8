package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document its body publishes twice is one search result, over real HTTP on W3C's feed
 * (fixtures/relaton/w3c-latest.yaml): the latest version of a specification ("W3C speech-grammar",
 * undated) and its dated edition of the same date ("W3C REC-speech-grammar-20040316"), linked as
 * identical, are one card, the latest version's, which names the dated identifier; totals and facet
 * counts count the cards; a query naming the dated identifier still finds that edition first; and
 * the edition is folded as soon as the link appears.
 */
class TwinFoldWebTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;

  static final String CARD = "w3c-speech-grammar";
  static final String DATED = "w3c-rec-speech-grammar-20040316";

  @BeforeAll
  static void start() throws IOException {
    app = Fixtures.empty(dir.resolve("catalogue"));
    ImportSummary summary = load(app, fixture("w3c-latest"));
    assertThat(summary.rejections()).isEmpty();
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  private static Path fixture(String name) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    try (InputStream in =
        TwinFoldWebTest.class.getResourceAsStream("/fixtures/relaton/" + name + ".yaml")) {
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  /** The documents of a fixture whose text contains {@code marker}, as a feed of their own. */
  private static Path only(String name, String marker) throws IOException {
    String text = Files.readString(fixture(name), StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    Arrays.stream(text.split("(?m)^---\n"))
        .filter(d -> d.contains(marker))
        .forEach(d -> out.append("---\n").append(d));
    Path file = dir.resolve(name + "-" + Math.abs(marker.hashCode()) + ".yaml");
    Files.writeString(file, out, StandardCharsets.UTF_8);
    return file;
  }

  private static ImportSummary load(App app, Path... files) throws IOException {
    return app.importer().importFiles(Importer.Format.AUTO, List.of(files), null, Progress.SILENT);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode search) {
    List<String> out = new ArrayList<>();
    search.get("items").forEach(i -> out.add(i.get("id").asText()));
    return out;
  }

  private static long count(JsonNode search, String facet, String value) {
    for (JsonNode v : search.get("facets").get(facet)) {
      if (v.get("value").asText().equals(value)) {
        return v.get("count").asLong();
      }
    }
    return 0;
  }

  /** The record ids the cards of a search page link to, in order. */
  private static List<String> cards(Document page) {
    List<String> out = new ArrayList<>();
    for (Element h : page.select("ol.hits > li h3 a")) {
      out.add(h.attr("href").replace("/standards/", ""));
    }
    return out;
  }

  @Test
  void aDocumentItsBodyPublishesTwiceIsOneResultNamingItsDatedIdentifier() throws Exception {
    for (String mode : List.of("keyword", "hybrid")) {
      String q = "/api/v1/standards?mode=" + mode + "&q=" + enc("speech recognition grammar");
      JsonNode found = ApiTest.body(http.get(q));
      assertThat(ApiTest.validate(http, "SearchResponse", found)).isEmpty();
      assertThat(ids(found)).as(mode).containsExactly(CARD);
      assertThat(found.get("total").asLong()).as(mode).isEqualTo(1);
      assertThat(count(found, "sdo", "W3C")).as(mode).isEqualTo(1);
      JsonNode also = found.get("items").get(0).get("alsoPublishedAs");
      assertThat(also).as(mode).hasSize(1);
      assertThat(also.get(0).get("id").asText()).isEqualTo(DATED);
      assertThat(also.get(0).get("identifier").asText())
          .isEqualTo("W3C REC-speech-grammar-20040316");

      Document page =
          Jsoup.parse(
              http.get("/search?lang=en&mode=" + mode + "&q=" + enc("speech recognition grammar"))
                  .body());
      assertThat(cards(page)).as(mode).containsExactly(CARD);
      Element card = page.selectFirst("ol.hits > li");
      Element note = card.selectFirst(".also-published");
      assertThat(note.text()).isEqualTo("Also published as W3C REC-speech-grammar-20040316");
      assertThat(note.selectFirst("a").attr("href")).isEqualTo("/standards/" + DATED);
      assertThat(page.selectFirst("#results-heading").text()).contains("1");
    }
  }

  @Test
  void listsCountTheResultsTheyShowAsTheLandscapeDoes() throws Exception {
    // Four records, two documents: each latest version with its dated edition of the same date.
    JsonNode all = ApiTest.body(http.get("/api/v1/standards?size=100"));
    assertThat(ids(all)).containsExactlyInAnyOrder(CARD, "w3c-ngram-spec");
    assertThat(all.get("total").asLong()).isEqualTo(2);
    assertThat(count(all, "sdo", "W3C")).isEqualTo(2);
    // Filtered on one facet: that facet's counts are the catalogue's, kept per index reader.
    JsonNode w3c = ApiTest.body(http.get("/api/v1/standards?sdo=W3C&size=100"));
    assertThat(w3c.get("total").asLong()).isEqualTo(2);
    assertThat(count(w3c, "sdo", "W3C")).isEqualTo(2);
    JsonNode inForce = ApiTest.body(http.get("/api/v1/standards?status=in-force&size=100"));
    assertThat(ids(inForce)).containsExactly(CARD);
    assertThat(count(inForce, "status", "in-force")).isEqualTo(1);
    assertThat(count(inForce, "status", "withdrawn")).isEqualTo(1);
    Document page = Jsoup.parse(http.get("/search?lang=en&sdo=W3C").body());
    assertThat(cards(page)).containsExactlyInAnyOrder(CARD, "w3c-ngram-spec");
    // A landscape cell's count is the total of the same search.
    JsonNode map = ApiTest.body(http.get("/api/v1/landscape?rows=sdo&cols=status"));
    long cells = 0;
    for (JsonNode c : map.get("cells")) {
      cells += c.get("count").asLong();
    }
    assertThat(cells).isEqualTo(2);
  }

  @Test
  void aQueryNamingTheDatedIdentifierFindsThatEditionFirst() throws Exception {
    for (String mode : List.of("keyword", "hybrid")) {
      JsonNode dated =
          ApiTest.body(
              http.get("/api/v1/standards?mode=" + mode + "&q=REC-speech-grammar-20040316"));
      assertThat(ids(dated)).as(mode).first().isEqualTo(DATED);
      assertThat(dated.get("total").asLong()).isEqualTo(dated.get("items").size());
      Document page =
          Jsoup.parse(
              http.get("/search?lang=en&mode=" + mode + "&q=REC-speech-grammar-20040316").body());
      assertThat(cards(page)).as(mode).first().isEqualTo(DATED);

      // The latest version's own identifier names its card, not the dated edition it stands for.
      JsonNode latest =
          ApiTest.body(
              http.get("/api/v1/standards?mode=" + mode + "&q=" + enc("W3C speech-grammar")));
      assertThat(ids(latest)).as(mode).first().isEqualTo(CARD);
      assertThat(ids(latest)).as(mode).doesNotContain(DATED);
      assertThat(latest.get("total").asLong()).isEqualTo(latest.get("items").size());
    }
  }

  @Test
  void theDatedEditionIsFoldedAsSoonAsItsLatestVersionIsLinkedToIt() throws Exception {
    try (App alone = Fixtures.empty(dir.resolve("alone"))) {
      load(alone, only("w3c-latest", "id: W3CRECspeechgrammar20040316"));
      try (WebServer web = alone.web().start(0)) {
        Http h = new Http(web.port());
        String q = "/api/v1/standards?mode=keyword&q=" + enc("speech recognition grammar");
        assertThat(ids(ApiTest.body(h.get(q)))).containsExactly(DATED);
        // Alone, the dated edition is the same text as no record of the catalogue.
        assertThat(ApiTest.body(h.get("/api/v1/standards/" + DATED)).has("sameTextAs")).isFalse();
        load(alone, fixture("w3c-latest"));
        JsonNode after = ApiTest.body(h.get(q));
        assertThat(ids(after)).containsExactly(CARD);
        assertThat(after.get("total").asLong()).isEqualTo(1);
        JsonNode dated = ApiTest.body(h.get("/api/v1/standards/" + DATED));
        assertThat(ApiTest.validate(h, "RecordResponse", dated)).isEmpty();
        assertThat(dated.has("sameTextAs")).as("sameTextAs").isTrue();
        assertThat(dated.get("sameTextAs").get("id").asText()).isEqualTo(CARD);
        assertThat(dated.get("sameTextAs").get("identifier").asText())
            .isEqualTo("W3C speech-grammar");
        JsonNode card = ApiTest.body(h.get("/api/v1/standards/" + CARD));
        assertThat(card.get("alsoPublishedAs")).hasSize(1);
        assertThat(card.get("alsoPublishedAs").get(0).get("id").asText()).isEqualTo(DATED);
      }
    }
  }
}
