package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: a service answers searches while its embedding model still loads, by words alone, and
 * says so; once the model has loaded, the same search is by meaning too.
 */
class StartUpTest {
  @TempDir Path dir;
  @TempDir Path other;
  @TempDir Path fresh;

  /** A catalogue of one record whose model has not started loading. */
  static App oneRecord(Path dir) {
    App app = Fixtures.empty(dir);
    app.catalog()
        .save(
            Standard.builder("TEST 1:2026")
                .title(Map.of("en", "Risk management for machine learning systems"))
                .sdo("Test body")
                .type(PublicationType.INTERNATIONAL_STANDARD)
                .status(Status.IN_FORCE)
                .build(),
            "test",
            "test",
            null);
    return app;
  }

  @Test
  void theFirstPageSaysResultsByMeaningAreStillComing() {
    // Each request below starts the model loading and answers at once: a first request only, as
    // the load takes about a second.
    try (App app = oneRecord(other)) {
      WebServer server = app.web().start(0);
      try {
        assertThat(app.embedder().ready()).isFalse();
        Document page =
            Jsoup.parse(new Http(server.port()).get("/search?q=risk+management").body());
        assertThat(page.select("ol.hits > li")).hasSize(1);
        assertThat(page.selectFirst("p[role=status].meaning-note").text())
            .contains("still being prepared");
      } finally {
        server.close();
      }
    }
  }

  @Test
  void beforeTheModelLoadsSearchesAnswerByWordsAndSaySo() throws Exception {
    try (App app = oneRecord(dir)) {
      WebServer server = app.web().start(0);
      try {
        Http http = new Http(server.port());
        assertThat(app.embedder().ready()).isFalse();
        HttpResponse<String> api = http.get("/api/v1/standards?q=risk+management&mode=hybrid");
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode early = new ObjectMapper().readTree(api.body());
        assertThat(early.get("meaningPending").asBoolean()).isTrue();
        assertThat(early.get("items").get(0).get("id").asText()).isEqualTo("test-1-2026");

        app.embedder().embed("wait for the model"); // returns once the model has loaded
        assertThat(app.embedder().ready()).isTrue();
        JsonNode later =
            new ObjectMapper()
                .readTree(http.get("/api/v1/standards?q=risk+management&mode=hybrid").body());
        assertThat(later.get("meaningPending").asBoolean()).isFalse();
        assertThat(
                Jsoup.parse(http.get("/search?q=risk+management").body())
                    .select("p[role=status].meaning-note"))
            .isEmpty();
        // Keyword searches never wait and never say so.
        JsonNode keyword =
            new ObjectMapper().readTree(http.get("/api/v1/standards?q=risk&mode=keyword").body());
        assertThat(keyword.get("meaningPending").asBoolean()).isFalse();
      } finally {
        server.close();
      }
    }
  }

  @Test
  void whileTheBundledCorpusLoadsSearchesSayTheCatalogueIsLoadingRatherThanThatNothingMatches()
      throws Exception {
    // serve opens its port between beginning the seeding and running it (Main.serve).
    try (App app = Fixtures.empty(fresh)) {
      WebServer server = app.web().start(0);
      try {
        Http http = new Http(server.port());
        App.Seeding seeding = app.beginSeeding().orElseThrow();
        assertThat(seeding.corpus()).isTrue();
        assertThat(app.catalogueLoading()).isTrue();
        String q = "/api/v1/standards?q=management+system&mode=keyword";
        JsonNode early = new ObjectMapper().readTree(http.get(q).body());
        assertThat(early.get("catalogueLoading").asBoolean()).isTrue();
        assertThat(early.get("total").asLong()).isZero();
        Document earlyPage = Jsoup.parse(http.get("/search?q=management+system").body());
        assertThat(earlyPage.selectFirst("p[role=status].loading-note").text())
            .contains("still being loaded");
        // No "try other words" hint: nothing is loaded yet, which is not "nothing matches".
        assertThat(earlyPage.select("p.empty")).isEmpty();
        // A body the catalogue will hold is no unknown value while it loads (a bookmarked link).
        var bySdo = http.get("/api/v1/standards?sdo=IEEE&status=in-force");
        assertThat(bySdo.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(bySdo.body()).get("catalogueLoading").asBoolean())
            .isTrue();
        assertThat(http.get("/search?sdo=ITU-T").statusCode()).isEqualTo(200);

        seeding.run(Progress.SILENT);
        assertThat(app.catalogueLoading()).isFalse();
        JsonNode later = new ObjectMapper().readTree(http.get(q).body());
        assertThat(later.get("catalogueLoading").asBoolean()).isFalse();
        assertThat(later.get("total").asLong()).isPositive();
        // Once loaded, a body no record has is unknown again.
        assertThat(http.get("/api/v1/standards?sdo=NO-SUCH-BODY").statusCode()).isEqualTo(400);
        assertThat(
                Jsoup.parse(http.get("/search?q=management+system").body())
                    .select("p[role=status].loading-note"))
            .isEmpty();
        // A second start finds the catalogue full: nothing to load, searches never say loading.
        App.Seeding again = app.beginSeeding().orElseThrow();
        assertThat(again.corpus()).isFalse();
        assertThat(app.catalogueLoading()).isFalse();
        again.run(Progress.SILENT);
      } finally {
        server.close();
      }
    }
  }
}
