package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Suggestion;
import org.aisx.semantic.EmbeddingJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classification follows a changed taxonomy, with the real model over the classified bundled
 * corpus: a concept a coordinator adds with a definition is suggested, in the background, for the
 * records that name it; retiring it withdraws those suggestions at once.
 */
class TaxonomyClassificationTest {
  static final String COORDINATOR = "coordinator@example.org";
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static EmbeddingJob job;
  static String token;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    app = Fixtures.classifiedStarter(dir);
    Fixtures.user(app, COORDINATOR, Role.COORDINATOR);
    token = app.accounts().createToken(COORDINATOR, "test").secret();
    job = app.startEmbedding(Progress.SILENT);
    server = app.web().start(0);
    http = new Http(server.port());
    Fixtures.awaitClassified(app, job);
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  static HttpResponse<String> change(String body) {
    return http.send(
        HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/taxonomy/changes"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Polls the history's progress until the reclassification an edit started is done. */
  static void awaitReclassified() throws Exception {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode p = body(http.get("/api/v1/taxonomy/history")).get("reclassification");
      if (p.get("remaining").asInt() == 0
          && job.status().waiting() == 0
          && app.classification().settled()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the catalogue was not classified again in time");
  }

  /**
   * The records the search finds with {@code application=knowledge-graphs}, suggestions included.
   */
  static List<String> suggestedIds() throws Exception {
    List<String> ids = new ArrayList<>();
    body(http.get("/api/v1/standards?application=knowledge-graphs&suggestions=include&size=100"))
        .get("items")
        .forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }

  @Test
  void anAddedConceptWithADefinitionIsSuggestedForTheRecordsThatMatchItAndWithdrawnWhenRetired()
      throws Exception {
    List<String> naming = new ArrayList<>();
    app.catalog()
        .forEach(
            s -> {
              String title = s.titleIn("en");
              if (title != null && title.toLowerCase(Locale.ROOT).contains("knowledge graph")) {
                naming.add(s.id());
              }
            });
    assertThat(naming).as("bundled records naming knowledge graphs in their title").isNotEmpty();

    HttpResponse<String> added =
        change(
            "{\"kind\":\"add\",\"dimension\":\"application\",\"concept\":\"knowledge-graphs\","
                + "\"labels\":{\"en\":\"Knowledge graph\",\"fr\":\"Graphe de connaissances\"},"
                + "\"definitions\":{\"en\":\"Knowledge graphs: graph-structured representations of"
                + " entities, their attributes and the relations between them, how they are"
                + " built, evaluated and queried, and their use for reasoning, search and"
                + " question answering.\"}}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    awaitReclassified();

    List<String> suggested = suggestedIds();
    assertThat(suggested).as("records suggested the new concept").isNotEmpty();
    // Most records that name knowledge graphs in their title get it (the classifier keeps at most
    // two applications a record), and the evidence of each names it.
    assertThat(suggested.stream().filter(naming::contains).count())
        .isGreaterThanOrEqualTo((naming.size() + 1) / 2);
    for (String id : suggested) {
      List<Suggestion> made =
          app.classification()
              .suggestions()
              .forRecord(app.catalog().get(id))
              .getOrDefault("application", List.of());
      Suggestion s =
          made.stream()
              .filter(x -> x.concept().equals("knowledge-graphs"))
              .findFirst()
              .orElseThrow();
      assertThat(s.score()).isGreaterThanOrEqualTo(0.5);
      assertThat(s.evidence()).isNotBlank();
    }
    // The record's API answer carries the suggestion too.
    JsonNode record = body(http.get("/api/v1/standards/" + suggested.get(0)));
    assertThat(record.path("suggestions").toString()).contains("knowledge-graphs");

    HttpResponse<String> retired =
        change(
            "{\"kind\":\"retire\",\"dimension\":\"application\",\"concept\":\"knowledge-graphs\"}");
    assertThat(retired.statusCode()).as(retired.body()).isEqualTo(201);
    // Withdrawn at once, before any reclassification: the search no longer finds them by it.
    assertThat(suggestedIds()).isEmpty();
    awaitReclassified();
    assertThat(suggestedIds()).isEmpty();
    for (String id : suggested) {
      assertThat(
              app.classification()
                  .suggestions()
                  .forRecord(app.catalog().get(id))
                  .getOrDefault("application", List.of()))
          .noneMatch(x -> x.concept().equals("knowledge-graphs"));
    }
  }
}
