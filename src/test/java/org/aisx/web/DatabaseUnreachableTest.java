package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.aisx.App;
import org.aisx.Fixtures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose PostgreSQL database cannot be reached (restarted, refusing connections) answers what
 * needs it with 503 and Retry-After, as an error body or page that says so, instead of a 500 or a
 * request left hanging; once the database takes connections again, it answers as before.
 */
class DatabaseUnreachableTest {
  @TempDir Path dir;
  String database;

  @BeforeEach
  void createDatabase() throws SQLException {
    database = "aisx_unreachable_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE DATABASE " + database);
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(SeveralNodesTest.URL);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** Closes the database to new connections and ends the ones the node's pool holds. */
  private void cutOff() throws SQLException {
    admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
    admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
            + database
            + "'");
  }

  @Test
  void whileTheDatabaseCannotBeReachedItsRequestsAre503AndTheyWorkAgainAfter() throws Exception {
    String url = SeveralNodesTest.URL.replace("/test?", "/" + database + "?");
    assertThat(url).contains(database);
    try (App app = Fixtures.node(dir.resolve("node"), url);
        WebServer web = app.web().start(0)) {
      Http http = new Http(web.port());
      assertThat(http.get("/healthz").statusCode()).isEqualTo(200);

      cutOff();
      HttpResponse<String> health = http.get("/healthz");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(new ObjectMapper().readTree(health.body()).at("/error/code").asText())
          .isEqualTo("database_unavailable");
      HttpResponse<String> page = http.get("/standards/iso-iec-42001-2023?lang=fr");
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(Jsoup.parse(page.body()).selectFirst("main").text())
          .contains("Indisponible pour le moment")
          .contains("injoignable");

      admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      int status;
      while ((status = http.get("/healthz").statusCode()) != 200 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(status).isEqualTo(200);
    }
  }
}
