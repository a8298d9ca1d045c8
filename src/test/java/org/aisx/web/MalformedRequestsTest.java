package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that are odd, malformed or not meant for the endpoint, over real HTTP: each is answered
 * the same way wherever it is sent, as a 4xx with the API's error body naming what was wrong (or
 * accepted, where nothing is wrong), never a 500, a Java class name or a bare Jetty page.
 */
class MalformedRequestsTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static String adminToken;
  static final ObjectMapper json = new ObjectMapper();
  static final String ADMIN = "admin@example.org";

  @BeforeAll
  static void start() {
    app = Fixtures.starter(dir);
    Fixtures.user(app, ADMIN, Role.ADMIN);
    adminToken = app.accounts().createToken(ADMIN, "test").secret();
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

  static HttpResponse<String> send(String method, String path, String body) {
    return http.send(
        HttpRequest.newBuilder(URI.create(http.base() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + adminToken)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/v1/standards?q=ai&",
        "/api/v1/standards?q=ai&&size=5",
        "/api/v1/standards?&",
        "/api/v1/landscape?rows=sdo&cols=status&",
        "/api/v1/landscape/clusters?q=ai&",
        "/api/v1/changes?limit=5&",
        "/api/v1/changes?limit=5&&",
        "/api/v1/overlap?record=iso-iec-42001-2023&",
        "/api/v1/resources?&",
        "/api/v1/suites?&",
        "/search?q=ai&",
        "/feeds/search.atom?q=ai&",
      })
  void aStrayAmpersandIsNoParameterAnywhere(String path) {
    HttpResponse<String> r = http.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }
}
