package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes over one PostgreSQL schema, each with its own web server, as behind the round-robin
 * proxy: an import uploaded through one is followed on the other's page, and the other refuses a
 * second upload while it runs. Real PostgreSQL, real HTTP, real feed excerpt.
 */
class ImportJobsAcrossNodesTest {
  static final String ADMIN = "admin@example.org";

  @TempDir Path dir;
  String schema;
  final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeEach
  void createSchema() throws SQLException {
    schema = "aisx_imports_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(SeveralNodesTest.URL)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
  }

  @AfterEach
  void dropSchema() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    try (Connection c = DriverManager.getConnection(SeveralNodesTest.URL)) {
      c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  App node(String name) {
    App app = Fixtures.node(dir.resolve(name), SeveralNodesTest.URL + "&currentSchema=" + schema);
    opened.add(app);
    return app;
  }

  Browser signedIn(App app) {
    WebServer web = app.web().start(0);
    opened.add(web);
    Browser browser = new Browser(web.port());
    assertThat(browser.signIn(ADMIN, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    return browser;
  }

  /** The page at {@code page} once {@code shows} holds of it (polled, with a generous deadline). */
  static Document once(Browser browser, String page, java.util.function.Predicate<Document> shows)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (true) {
      HttpResponse<String> r = browser.get(page);
      assertThat(r.statusCode()).as(page).isEqualTo(200);
      Document d = Jsoup.parse(r.body());
      if (shows.test(d)) {
        return d;
      }
      assertThat(System.nanoTime()).as(page + " as expected: " + d.text()).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void anImportUploadedThroughOneNodeIsFollowedOnTheOtherWhichRefusesASecondOne() throws Exception {
    App a = node("a");
    App b = node("b");
    Fixtures.user(a, ADMIN, Role.ADMIN);
    Browser onA = signedIn(a);
    Browser onB = signedIn(b);
    String page;
    try (AdminImportTest.Hold hold = new AdminImportTest.Hold()) {
      a.importJobs().onProgress(hold);
      HttpResponse<String> r =
          AdminImportTest.upload(
              onA,
              "/admin/import",
              Map.of("_csrf", onA.csrf("/admin/import"), "source", "rfc-editor"),
              "rfc-index.txt",
              AdminImportTest.rfcExcerpt());
      assertThat(r.statusCode()).isEqualTo(303);
      page = r.headers().firstValue("Location").orElseThrow();
      hold.awaitReached();

      // Node B, which does not run it, shows its page from the database: the step and the record
      // read (written at each step and about once a second), who started it; it reloads itself.
      Document d =
          once(
              onB,
              page,
              p ->
                  p.select(".import-status h2").text().equals("Reading and writing records")
                      && p.select(".records-read").text().equals("1"));
      assertThat(d.select("h1").text()).contains("rfc-index.txt");
      assertThat(d.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("2");
      assertThat(d.select(".import-state").text()).contains(ADMIN);
      assertThat(d.select("progress#import-progress")).hasSize(1);
      assertThat(d.select(".summary")).isEmpty();
      // B's form lists it as running.
      Document form = Jsoup.parse(onB.get("/admin/import").body());
      assertThat(form.select(".recent-imports a").eachAttr("href")).containsExactly(page);

      // A second upload through B is refused as on one node, naming A's import.
      HttpResponse<String> second =
          AdminImportTest.upload(
              onB,
              "/admin/import",
              Map.of("_csrf", onB.csrf("/admin/import"), "format", "json"),
              "other.json",
              "[]".getBytes(StandardCharsets.UTF_8));
      assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
      Document refused = Jsoup.parse(second.body());
      assertThat(refused.select(".import-busy").text())
          .contains("rfc-index.txt")
          .contains(ADMIN)
          .contains("One import runs at a time");
      assertThat(refused.select(".import-busy a").attr("href")).isEqualTo(page);
    }
    // Once A's import ends, B's page shows its summary, read back from the database.
    Document done = AdminImportTest.finished(onB, page);
    assertThat(done.select(".import-status h2").text()).isEqualTo("Done");
    assertThat(done.select(".records-processed").text()).isEqualTo("5 of 5");
    assertThat(done.select(".summary .counts dd").eachText())
        .containsExactly("5", "0", "0", "0", "0", "0", "0", "0", "0");
    // And B takes the next import.
    HttpResponse<String> next =
        AdminImportTest.upload(
            onB,
            "/admin/import",
            Map.of("_csrf", onB.csrf("/admin/import")),
            "rfc-index.txt",
            AdminImportTest.rfcExcerpt());
    Document again = AdminImportTest.finished(onA, next);
    assertThat(again.select(".summary .counts dd").eachText())
        .containsExactly("0", "0", "5", "0", "0", "0", "0", "0", "0");
  }
}
