package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.catalog.Standard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator's {@code PUT /api/v1/standards/{id}} answers with the record as {@code GET} gives
 * it after the write, on the starter catalogue, whose records carry the shipped machine
 * suggestions: the suggestions, the relations both ways and the provenance, and GET's ETag.
 */
class RecordEditAnswerTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static String coordinator;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
    Fixtures.user(app, "coord@example.org", Role.COORDINATOR);
    coordinator = "Bearer " + app.accounts().createToken("coord@example.org", "test").secret();
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  /** A record of the starter catalogue with stored machine suggestions. */
  static Standard suggested() throws Exception {
    JsonNode hits =
        json.readTree(http.get("/api/v1/standards?q=artificial+intelligence&size=100").body())
            .get("items");
    for (JsonNode hit : hits) {
      Standard s = app.catalog().get(hit.get("id").asText());
      if (!app.classification().withSuggestions(s).suggestions().isEmpty()) {
        return s;
      }
    }
    throw new AssertionError("no record found has suggestions");
  }

  private static HttpResponse<String> put(String path, JsonNode body, String ifMatch) {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
            .header("Content-Type", "application/json")
            .header("Authorization", coordinator)
            .header("If-Match", ifMatch)
            .build());
  }

  @Test
  void aCoordinatorsPutAnswersWithTheRecordAsGetGivesItAfterTheWrite() throws Exception {
    Standard s = suggested();
    String path = "/api/v1/standards/" + s.id();
    HttpResponse<String> read = http.get(path);
    ObjectNode record = (ObjectNode) json.readTree(read.body());
    assertThat(record.get("suggestions").size()).as(read.body()).isPositive();
    // A change that leaves the text the suggestions were made from as it was.
    record.put("url", "https://example.org/edited/" + s.id());

    HttpResponse<String> written =
        put(path, record, read.headers().firstValue("ETag").orElseThrow());

    assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
    HttpResponse<String> after = http.get(path);
    JsonNode answered = json.readTree(written.body());
    assertThat(answered).isEqualTo(json.readTree(after.body()));
    assertThat(answered.get("url").asText()).isEqualTo("https://example.org/edited/" + s.id());
    assertThat(answered.get("revision").asInt()).isEqualTo(s.revision() + 1);
    assertThat(answered.get("suggestions").size()).isPositive();
    assertThat(answered.has("provenance")).isTrue();
    assertThat(answered.has("inverseRelations")).isTrue();
    assertThat(ApiTest.validate(http, "RecordResponse", answered)).isEmpty();
    assertThat(written.headers().firstValue("ETag")).isEqualTo(after.headers().firstValue("ETag"));
    assertThat(written.headers().firstValue("ETag").orElseThrow())
        .startsWith("\"" + (s.revision() + 1) + "-");
  }
}
