package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.ingest.JsonFormat;
import org.aisx.taxonomy.Taxonomy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import pages outlive the process that ran the import: a finished one's page after a clean
 * restart, and one whose server was killed (SIGKILL, a real {@code serve} process) mid-import,
 * shown as interrupted with the records saved before the kill kept. Real HTTP, real uploads.
 */
class ImportJobsRestartTest {
  static final String ADMIN = "admin@example.org";

  @TempDir Path dir;

  static Browser signedIn(int port) {
    Browser browser = new Browser(port);
    assertThat(browser.signIn(ADMIN, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    return browser;
  }

  @Test
  void aFinishedImportsPageAndTheListOfImportsOutliveARestart() throws Exception {
    Path data = dir.resolve("data");
    String page;
    try (App app = Fixtures.empty(data);
        WebServer web = app.web().start(0)) {
      Fixtures.user(app, ADMIN, Role.ADMIN);
      Browser browser = signedIn(web.port());
      HttpResponse<String> r =
          AdminImportTest.upload(
              browser,
              "/admin/import",
              Map.of("_csrf", browser.csrf("/admin/import"), "source", "rfc-editor"),
              "rfc-index.txt",
              AdminImportTest.rfcExcerpt());
      AdminImportTest.finished(browser, r);
      page = r.headers().firstValue("Location").orElseThrow();
    }
    try (App app = Fixtures.empty(data);
        WebServer web = app.web().start(0)) {
      Browser browser = signedIn(web.port());
      HttpResponse<String> after = browser.get(page);
      assertThat(after.statusCode()).isEqualTo(200);
      Document d = Jsoup.parse(after.body());
      assertThat(d.select("h1").text()).contains("rfc-index.txt");
      assertThat(d.select(".import-status h2").text()).isEqualTo("Done");
      assertThat(d.select("meta[http-equiv=refresh]")).isEmpty();
      assertThat(d.select(".records-read").text()).isEqualTo("5");
      assertThat(d.select(".records-processed").text()).isEqualTo("5 of 5");
      assertThat(d.select(".import-state").text()).contains(ADMIN);
      assertThat(d.select(".summary .counts dd").eachText())
          .containsExactly("5", "0", "0", "0", "0", "0", "0", "0", "0");
      Document form = Jsoup.parse(browser.get("/admin/import").body());
      assertThat(form.select(".recent-imports a").eachAttr("href")).containsExactly(page);
      assertThat(form.select(".recent-imports").text()).contains("Done");
    }
  }

  /** Real records under new identifiers, {@code count} of them: an import of several batches. */
  static byte[] bigFeed(int count) throws Exception {
    ObjectMapper json = Json.mapper();
    StandardReader reader = new StandardReader(Taxonomy.bundled(json));
    List<Standard> base = new ArrayList<>();
    try (InputStream in = ImportJobsRestartTest.class.getResourceAsStream("/corpus/starter.json")) {
      new JsonFormat(json).read(in, raw -> base.add(reader.read(raw.node())));
    }
    var out = new java.io.ByteArrayOutputStream();
    try (JsonFormat.Writer w = new JsonFormat(json).writer(out, "restart test")) {
      for (int n = 0; n < count; n++) {
        Standard s = base.get(n % base.size());
        w.write(s.toBuilder().identifier(s.identifier() + " copy " + n / base.size()).build());
      }
    }
    return out.toByteArray();
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void anImportWhoseServerWasKilledShowsAsInterruptedAfterTheRestart() throws Exception {
    Path data = dir.resolve("data");
    // A catalogue with records, so that the server does not load the bundled corpus meanwhile.
    try (App app = Fixtures.starter(data)) {
      Fixtures.user(app, ADMIN, Role.ADMIN);
    }
    long before;
    try (App app = Fixtures.empty(data)) {
      before = app.catalog().count();
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-XX:"))
        .forEach(command::add);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "org.aisx.Main",
            "serve",
            "--data",
            data.toString(),
            "--port",
            String.valueOf(port)));
    Process server =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("serve.log").toFile())
            .start();
    String page;
    try {
      Browser browser = new Browser(port);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (true) {
        assertThat(server.isAlive()).as("the server runs: " + log()).isTrue();
        try {
          if (browser.get("/signin").statusCode() == 200) {
            break;
          }
        } catch (RuntimeException notYet) {
          // not listening yet
        }
        assertThat(System.nanoTime()).as("the server listens").isLessThan(deadline);
        Thread.sleep(100);
      }
      browser = signedIn(port);
      HttpResponse<String> r =
          AdminImportTest.upload(
              browser,
              "/admin/import",
              Map.of("_csrf", browser.csrf("/admin/import"), "format", "json"),
              "big.json",
              bigFeed(10_000));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
      page = r.headers().firstValue("Location").orElseThrow();
      // Killed without warning once a batch of records is saved, while the next are written.
      while (true) {
        Document d = Jsoup.parse(browser.get(page).body());
        assertThat(d.select("meta[http-equiv=refresh]"))
            .as("still running: " + d.text())
            .hasSize(1);
        String processed =
            d.select(".records-processed").text().replace(",", "").replaceAll("[^0-9].*", "");
        if (!processed.isEmpty() && Long.parseLong(processed) >= 1000) {
          break;
        }
        assertThat(System.nanoTime()).as("records are saved").isLessThan(deadline);
        Thread.sleep(20);
      }
    } finally {
      server.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Linux
    }
    assertThat(server.exitValue()).as("killed, not finished").isNotZero();

    try (App app = Fixtures.empty(data);
        WebServer web = app.web().start(0)) {
      long saved = app.catalog().count() - before;
      assertThat(saved).as("records saved before the kill").isPositive().isLessThan(10_000);
      Browser browser = signedIn(web.port());
      HttpResponse<String> after = browser.get(page);
      assertThat(after.statusCode()).isEqualTo(200);
      Document d = Jsoup.parse(after.body());
      System.err.println("AFTER THE KILL (" + saved + " records kept): " + d.select("main").text());
      assertThat(d.select("h1").text()).contains("big.json");
      assertThat(d.select(".import-status h2").text()).isEqualTo("Interrupted");
      assertThat(d.select(".import-interrupted").text()).contains("records saved before");
      assertThat(d.select("meta[http-equiv=refresh], progress")).isEmpty();
      assertThat(d.select(".summary")).isEmpty();
      // The audit trail says how it ended, once, in the service's own name.
      Document trail = Jsoup.parse(browser.get("/admin/audit?action=import").body());
      assertThat(trail.select("tbody tr"))
          .singleElement()
          .satisfies(
              row ->
                  assertThat(row.text())
                      .contains("big.json", "by the service itself", "interrupted after")
                      .contains("started by " + ADMIN));
      // The uploaded file went with the job; a new import starts at once.
      assertThat(app.importJobs().get(page.replaceFirst(".*/", "")).orElseThrow().request().file())
          .doesNotExist();
      HttpResponse<String> again =
          AdminImportTest.upload(
              browser,
              "/admin/import",
              Map.of("_csrf", browser.csrf("/admin/import")),
              "rfc-index.txt",
              AdminImportTest.rfcExcerpt());
      assertThat(AdminImportTest.finished(browser, again).select(".import-status h2").text())
          .isEqualTo("Done");
      assertThat(Jsoup.parse(browser.get("/admin/import").body()).select(".recent-imports").text())
          .contains("Interrupted");
      // In the page's language too.
      assertThat(
              Jsoup.parse(browser.get(page + "?lang=fr").body()).select(".import-status h2").text())
          .isEqualTo("Interrompu");
      assertThat(
              Jsoup.parse(browser.get("/admin/audit?action=import&lang=fr").body())
                  .select("tbody tr")
                  .text())
          .contains("par le service lui-même");
    }
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("serve.log"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
