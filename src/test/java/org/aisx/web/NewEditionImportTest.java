package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new edition imported over the bundled catalogue, saying it replaces an edition still in force
 * (ISO/IEC 42001:2023): the old one is superseded everywhere, not only in suites.
 */
class NewEditionImportTest {
  static final String OLD = "iso-iec-42001-2023";
  static final String NEW = "iso-iec-42001-2026";

  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static ImportSummary summary;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    app = Fixtures.starter(dir);
    server = app.web().start(0);
    http = new Http(server.port());
    String name = "/fixtures/editions/new-edition-iso-iec-42001-2026.yaml";
    try (InputStream in = NewEditionImportTest.class.getResourceAsStream(name)) {
      summary = new ImportSummary();
      app.importer()
          .importStream(Importer.Format.RELATON, in, name, "import", summary, Progress.SILENT);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static JsonNode get(String path) {
    try {
      return json.readTree(http.get(path).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theOldEditionIsSupersededInTheApiAndNamesTheNewOneAsItsSuccessor() {
    assertThat(summary.createdCount()).isEqualTo(1);
    JsonNode old = get("/api/v1/standards/" + OLD);
    assertThat(old.get("status").asText()).isEqualTo("superseded");
    assertThat(old.get("inverseRelations").toString())
        .contains("\"type\":\"replaced-by\"")
        .contains("\"sourceId\":\"" + NEW + "\"");
    assertThat(get("/api/v1/standards/" + NEW).get("status").asText()).isEqualTo("in-force");
  }

  @Test
  void searchShowsTheOldEditionSupersededAndCountsItUnderSupersededInTheStatusFacet()
      throws InterruptedException {
    // The index follows the store in the background: wait for the state, with a generous deadline.
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    JsonNode answer = get("/api/v1/standards?q=42001&status=superseded&size=50");
    while (!answer.get("items").toString().contains(OLD) && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      answer = get("/api/v1/standards?q=42001&status=superseded&size=50");
    }
    assertThat(answer.get("items").toString()).contains("\"id\":\"" + OLD + "\"");
    JsonNode inForce = get("/api/v1/standards?q=42001&status=in-force&size=50");
    assertThat(inForce.get("items").toString())
        .contains("\"id\":\"" + NEW + "\"")
        .doesNotContain("\"id\":\"" + OLD + "\"");
    JsonNode all = get("/api/v1/standards?q=42001&size=50");
    for (JsonNode item : all.get("items")) {
      if (item.get("id").asText().equals(OLD)) {
        assertThat(item.get("status").asText()).isEqualTo("superseded");
      }
    }
    boolean counted = false;
    for (JsonNode f : all.get("facets").get("status")) {
      counted |= f.get("value").asText().equals("superseded") && f.get("count").asInt() >= 1;
    }
    assertThat(counted).as("superseded in the status facet").isTrue();
  }

  @Test
  void theOldEditionsRecordPageSaysSupersededAndLinksTheNewEdition() {
    Element banner =
        Jsoup.parse(http.get("/standards/" + OLD).body()).selectFirst("div.status-banner");
    assertThat(banner).isNotNull();
    assertThat(banner.attr("class")).contains("status-superseded");
    assertThat(banner.select("a[href=/standards/" + NEW + "]")).hasSize(1);
  }
}
