package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request that carries no body (no length, or a length of 0) is answered for what it says however
 * long it waited before its handler read the body: Jetty's minimum data rate, which bounds how
 * slowly a body may arrive, counts an empty body read late as a slow one (408), which reached the
 * handler as an exception and was answered 500. Seen on a loaded machine; here the rate is set so
 * high that any read of an empty body after the request arrived falls under it.
 */
class BodylessRequestsTest {
  @TempDir Path dir;

  @Test
  void anEmptyBodyReadLateIsStillReadAsEmpty() throws Exception {
    String rate = "aisx.http.minDataRate";
    String before = System.getProperty(rate);
    System.setProperty(rate, "1000000000000");
    try (App app = Fixtures.starter(dir);
        WebServer server = app.web().start(0)) {
      Fixtures.user(app, "admin@example.org", Role.ADMIN);
      String token = app.accounts().createToken("admin@example.org", "test").secret();
      Http http = new Http(server.port());
      Thread.sleep(50);
      for (String path :
          new String[] {
            "/api/v1/mappings/decisions", "/api/v1/taxonomy/changes", "/api/v1/suites"
          }) {
        HttpResponse<String> r = http.send("POST", path, "", "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(r.body()).at("/error/message").asText())
            .as(path)
            .startsWith("body is empty");
      }
    } finally {
      if (before == null) {
        System.clearProperty(rate);
      } else {
        System.setProperty(rate, before);
      }
    }
  }
}
