package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.catalog.Progress;
import org.aisx.ingest.ImportJobs;
import org.aisx.ingest.ImportProgress;
import org.aisx.ingest.ImportStep;
import org.aisx.ingest.Importer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin upload page over real HTTP with a real multipart upload of a real feed excerpt, signed
 * in as an admin through the sign-in form.
 */
class AdminImportTest {
  static final String ADMIN = "admin@example.org";
  @TempDir Path dir;
  App app;
  WebServer server;
  Browser browser;

  @BeforeEach
  void start() {
    app = Fixtures.empty(dir);
    Fixtures.user(app, ADMIN, Role.ADMIN);
    Fixtures.user(app, "coord@example.org", Role.COORDINATOR);
    server = app.web().start(0);
    browser = new Browser(server.port());
  }

  @AfterEach
  void stop() {
    server.close();
    app.close();
  }

  HttpResponse<String> upload(Map<String, String> fields, String fileName, byte[] content) {
    return upload("/admin/import", fields, fileName, content);
  }

  HttpResponse<String> upload(
      String path, Map<String, String> fields, String fileName, byte[] content) {
    return upload(browser, path, fields, fileName, content);
  }

  /** A multipart upload of {@code content} as the form's file, with {@code fields}. */
  static HttpResponse<String> upload(
      Browser browser, String path, Map<String, String> fields, String fileName, byte[] content) {
    String boundary = "aisx" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (k, v) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + k
                        + "\"\r\n\r\n"
                        + v
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return browser.send(
        HttpRequest.newBuilder(URI.create(browser.base() + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  static byte[] rfcExcerpt() throws Exception {
    try (InputStream in =
        AdminImportTest.class.getResourceAsStream("/fixtures/rfc/rfc-index-excerpt.txt")) {
      return in.readAllBytes();
    }
  }

  String signInAs(String email) {
    assertThat(browser.signIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    return browser.csrf("/admin/import");
  }

  /**
   * The page an upload was sent to (a 303 to the import's own page), once the import has ended:
   * polled until it no longer reloads itself, with a generous deadline.
   */
  static Document finished(Browser browser, HttpResponse<String> posted) {
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
    String page = posted.headers().firstValue("Location").orElseThrow();
    assertThat(page).matches("/admin/import/[0-9a-f]{24}");
    return finished(browser, page);
  }

  /** An import's page once the import has ended (polled, with a generous deadline). */
  static Document finished(Browser browser, String page) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (true) {
      HttpResponse<String> r = browser.get(page);
      assertThat(r.statusCode()).isEqualTo(200);
      Document d = Jsoup.parse(r.body());
      if (d.select("meta[http-equiv=refresh]").isEmpty()) {
        return d;
      }
      assertThat(System.nanoTime()).as("the import of " + page + " ends").isLessThan(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /**
   * Imports a CSV file with one row the catalogue refuses, as an admin's upload would, and returns
   * the finished import's id: a page with a summary and its table of rejections, for the page
   * tests. Nothing is written to the catalogue.
   */
  static String refusedRowImport(App app) throws Exception {
    Path file = ImportJobs.saveDirectory().resolve("rows.csv");
    Files.writeString(file, "identifier,title_en,sdo,type,status\nQA 1,QA test,QA,bogus,draft\n");
    CountDownLatch ended = new CountDownLatch(1);
    ImportJobs.Job job =
        app.importJobs()
            .start(
                new ImportJobs.Request(
                    file, "rows.csv", Importer.Format.CSV, "page test", ADMIN, "not recognised"),
                (j, how) -> ended.countDown());
    assertThat(ended.await(5, TimeUnit.MINUTES)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (job.phase().running()) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.onSpinWait();
    }
    return job.id();
  }

  /**
   * Holds every import at its first record until released: a real listener of the imports'
   * progress, so that a test sees an import while it runs.
   */
  static final class Hold implements Progress, AutoCloseable {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);

    @Override
    public void advance(long done, long items) {
      reached.countDown();
      try {
        assertThat(released.await(5, TimeUnit.MINUTES)).as("released").isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    void awaitReached() throws InterruptedException {
      assertThat(reached.await(5, TimeUnit.MINUTES))
          .as("the import reads its first record")
          .isTrue();
    }

    @Override
    public void close() {
      released.countDown();
    }
  }

  @Test
  void anUploadIsAnsweredAtOnceWithItsImportsPageWhichEndsWithTheSummary() throws Exception {
    String csrf = signInAs(ADMIN);
    HttpResponse<String> r =
        upload(
            Map.of("_csrf", csrf, "format", "auto", "source", "rfc-editor"),
            "rfc-index.txt",
            rfcExcerpt());

    Document d = finished(browser, r);
    assertThat(d.select("h1").text()).contains("rfc-index.txt");
    assertThat(d.select(".import-status h2").text()).isEqualTo("Done");
    assertThat(d.select(".records-read").text()).isEqualTo("5");
    assertThat(d.select(".elapsed").text()).matches("\\d+ (s|min \\d+ s)");
    assertThat(d.select("progress")).isEmpty();
    assertThat(d.select(".summary .counts dd").eachText())
        .containsExactly("5", "0", "0", "0", "0", "0", "0", "0", "0");
    assertThat(app.catalog().get("rfc-9110").source()).isEqualTo("rfc-editor");
    // The uploaded file is gone with the import.
    String id = r.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", "");
    Path saved = app.importJobs().get(id).orElseThrow().request().file();
    assertThat(saved).doesNotExist();
    assertThat(saved.getParent()).doesNotExist();
    // The audit trail says how it ended, as whose, when it ended.
    assertThat(app.auditLog().list(null, null, "import", 10))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo(ADMIN);
              assertThat(e.outcome()).isEqualTo("ok");
              assertThat(e.target()).isEqualTo("rfc-index.txt");
              assertThat(e.detail()).contains("source rfc-editor").contains("created 5");
            });
    assertThat(app.auditLog().list(null, null, "import-started", 10)).hasSize(1);

    HttpResponse<String> again = upload(Map.of("_csrf", csrf), "rfc-index.txt", rfcExcerpt());
    assertThat(finished(browser, again).select(".summary .counts dd").eachText())
        .containsExactly("0", "0", "5", "0", "0", "0", "0", "0", "0");
    // The form lists both imports, the latest first, each linked to its page.
    Document form = Jsoup.parse(browser.get("/admin/import").body());
    assertThat(form.select(".recent-imports a").eachAttr("href"))
        .containsExactly(
            again.headers().firstValue("Location").orElseThrow(),
            r.headers().firstValue("Location").orElseThrow());
  }

  /**
   * While an import runs its page reloads itself (no JavaScript needed) and shows a progress bar
   * with its value in text, the records read and the time so far; a second upload meanwhile is a
   * 409 naming the running import, and is not imported.
   */
  @Test
  void aRunningImportsPageShowsItsProgressAndASecondUploadIsRefusedNamingIt() throws Exception {
    String csrf = signInAs(ADMIN);
    String page;
    try (Hold hold = new Hold()) {
      app.importJobs().onProgress(hold);
      HttpResponse<String> r =
          upload(Map.of("_csrf", csrf, "format", "auto"), "rfc-index.txt", rfcExcerpt());
      assertThat(r.statusCode()).isEqualTo(303);
      page = r.headers().firstValue("Location").orElseThrow();
      hold.awaitReached();

      HttpResponse<String> running = browser.get(page);
      assertThat(running.statusCode()).isEqualTo(200);
      Document d = Jsoup.parse(running.body());
      assertThat(d.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("2");
      assertThat(d.select(".import-status h2").text()).isEqualTo("Reading and writing records");
      // The small file is read to its end at its first record (the reading runs ahead of the
      // writing), but how many records it has is not known yet: the bar is indeterminate, with
      // the count in its text, and the share of the file read is said apart.
      var progress = d.selectFirst("progress#import-progress");
      assertThat(progress).isNotNull();
      assertThat(progress.hasAttr("value")).as(progress.outerHtml()).isFalse();
      assertThat(progress.text()).isEqualTo("Records processed: 0");
      assertThat(d.select("label[for=import-progress]").text()).isEqualTo("Progress");
      assertThat(d.select(".records-read").text()).isEqualTo("1");
      assertThat(d.select(".records-processed").text()).isEqualTo("0");
      assertThat(d.select(".percent-read").text()).isEqualTo("100 % of the file read");
      assertThat(d.select(".import-steps li[aria-current=step]").text())
          .isEqualTo("Reading and writing records (in progress)");
      assertThat(d.select(".elapsed").text()).isNotEmpty();
      assertThat(d.select(".summary")).isEmpty();

      HttpResponse<String> second =
          upload(
              Map.of("_csrf", csrf, "format", "json"),
              "other.json",
              "[]".getBytes(StandardCharsets.UTF_8));
      assertThat(second.statusCode()).isEqualTo(409);
      Document refused = Jsoup.parse(second.body());
      assertThat(refused.select(".import-busy").text())
          .contains("rfc-index.txt")
          .contains(ADMIN)
          .contains("One import runs at a time");
      assertThat(refused.select(".import-busy a").attr("href")).isEqualTo(page);
      assertThat(refused.select("form.upload")).hasSize(1);
      // In the page's language too.
      HttpResponse<String> inFrench =
          upload(
              "/admin/import?lang=fr",
              Map.of("_csrf", csrf),
              "other.json",
              "[]".getBytes(StandardCharsets.UTF_8));
      assertThat(inFrench.statusCode()).isEqualTo(409);
      assertThat(Jsoup.parse(inFrench.body()).select(".import-busy").text())
          .contains("est en cours d'import")
          .contains("rfc-index.txt");
      assertThat(app.auditLog().list(null, null, "import-refused", 10)).hasSize(2);
    }
    Document done = finished(browser, page);
    assertThat(done.select(".summary .counts dd").eachText())
        .containsExactly("5", "0", "0", "0", "0", "0", "0", "0", "0");
    assertThat(app.importJobs().recent()).hasSize(1);
  }

  /** Holds every import when it begins {@code at} until released. */
  static final class HoldAtStep implements ImportProgress, AutoCloseable {
    final ImportStep at;
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);

    HoldAtStep(ImportStep at) {
      this.at = at;
    }

    @Override
    public void step(ImportStep step) {
      if (step == at) {
        reached.countDown();
        try {
          assertThat(released.await(5, TimeUnit.MINUTES)).as("released").isTrue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    void awaitReached() throws InterruptedException {
      assertThat(reached.await(5, TimeUnit.MINUTES)).as("the import reaches " + at).isTrue();
    }

    @Override
    public void close() {
      released.countDown();
    }
  }

  /**
   * After its records an import runs its finishing steps: while it is in one (here the edition
   * rules, held there) its page names that step in the page's language, marks it in the list of
   * steps with those before it done, and shows a bar without a value (how far the step is cannot be
   * told), never 100 %; the page still reloads itself.
   */
  @Test
  void anImportInAFinishingStepNamesThatStepAndIsNotShownAsDone() throws Exception {
    String csrf = signInAs(ADMIN);
    String page;
    try (HoldAtStep hold = new HoldAtStep(ImportStep.EDITIONS)) {
      app.importJobs().onProgress(hold);
      HttpResponse<String> r = upload(Map.of("_csrf", csrf), "rfc-index.txt", rfcExcerpt());
      assertThat(r.statusCode()).isEqualTo(303);
      page = r.headers().firstValue("Location").orElseThrow();
      hold.awaitReached();

      Document d = Jsoup.parse(browser.get(page).body());
      assertThat(d.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("2");
      assertThat(d.select(".import-status h2").text()).isEqualTo("Applying the edition rules");
      var progress = d.selectFirst("progress#import-progress");
      assertThat(progress).isNotNull();
      assertThat(progress.hasAttr("value")).as(progress.outerHtml()).isFalse();
      assertThat(progress.text()).isEqualTo("Applying the edition rules");
      assertThat(d.select(".import-status").text()).doesNotContain("100");
      assertThat(d.select(".import-steps li").eachText())
          .containsExactly(
              "Reading and writing records (done)",
              "Updating replaced editions and national adoptions (done)",
              "Committing the search index (done)",
              "Applying the edition rules (in progress)");
      assertThat(d.select(".import-steps li[aria-current=step]").text())
          .startsWith("Applying the edition rules");
      assertThat(d.select(".records-processed").text()).isEqualTo("5 of 5");
      assertThat(d.select(".percent-read")).isEmpty();
      assertThat(d.select(".summary")).isEmpty();

      Document fr = Jsoup.parse(browser.get(page + "?lang=fr").body());
      assertThat(fr.select(".import-status h2").text())
          .isEqualTo("Application des règles d'édition");
      assertThat(fr.select(".records-processed").text()).isEqualTo("5 sur 5");
    }
    Document done = finished(browser, page + "?lang=en");
    assertThat(done.select(".import-status h2").text()).isEqualTo("Done");
    assertThat(done.select("progress, .import-steps")).isEmpty();
    assertThat(done.select(".records-processed").text()).isEqualTo("5 of 5");
  }

  @Test
  void anUnknownImportIs404AndImportPagesAreForAdminsOnly() throws Exception {
    String csrf = signInAs(ADMIN);
    assertThat(browser.get("/admin/import/0123456789abcdef01234567").statusCode()).isEqualTo(404);
    assertThat(browser.get("/admin/import/%3Cscript%3E").statusCode()).isEqualTo(404);
    HttpResponse<String> r = upload(Map.of("_csrf", csrf), "rfc-index.txt", rfcExcerpt());
    finished(browser, r);
    String page = r.headers().firstValue("Location").orElseThrow();

    Browser anonymous = new Browser(server.port());
    assertThat(anonymous.get(page).statusCode()).isEqualTo(401);
    Browser coordinator = new Browser(server.port());
    assertThat(coordinator.signIn("coord@example.org", Fixtures.PASSWORD).statusCode())
        .isEqualTo(303);
    HttpResponse<String> refused = coordinator.get(page);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(refused.body()).select(".summary")).isEmpty();
  }

  /**
   * A source name that no record may carry (here with a right-to-left override) is a 400 naming the
   * form's field, and nothing is imported: not a summary rejecting every record of the feed for it.
   */
  @Test
  void aSourceNameNoRecordMayCarryIsRefusedNamingTheFieldAndNothingIsImported() throws Exception {
    String csrf = signInAs(ADMIN);
    HttpResponse<String> r =
        upload(
            Map.of("_csrf", csrf, "format", "auto", "source", "rfc <b>editor</b>\u202e"),
            "rfc-index.txt",
            rfcExcerpt());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("<b>editor");
    Document d = Jsoup.parse(r.body());
    assertThat(d.select(".error-page li").text()).startsWith("Source source").contains("202E");
    assertThat(d.select(".summary")).isEmpty();
    assertThat(app.catalog().find("rfc-9110")).isEmpty();
  }

  @Test
  void rejectedRecordsAreListedWithTheirPlaceAndEscaped() throws Exception {
    String csrf = signInAs(ADMIN);
    String feed =
        // No status: a feed's record may lack a title, never a status.
        "[{\"identifier\": \"X <script>alert(1)</script>\", \"sdo\": \"X\", \"type\": \"other\"}]";
    HttpResponse<String> r =
        upload(
            Map.of("_csrf", csrf, "format", "json"),
            "bad.json",
            feed.getBytes(StandardCharsets.UTF_8));
    Document d = finished(browser, r);
    assertThat(d.outerHtml()).doesNotContain("<script>alert(1)");
    assertThat(d.select(".summary tbody td").eachText())
        .anySatisfy(t -> assertThat(t).contains("Status: required"));
  }

  /**
   * A file whose format is not recognised is rejected saying what to do on this page (choose the
   * format in the form's list), not which option the command line takes.
   */
  @Test
  void aFileOfUnknownFormatIsRejectedWithWhatToDoOnThePageNotACommandLineOption() throws Exception {
    String csrf = signInAs(ADMIN);
    HttpResponse<String> r =
        upload(
            Map.of("_csrf", csrf, "format", "auto"),
            "notes.md",
            "# not a feed\n".getBytes(StandardCharsets.UTF_8));
    Document d = finished(browser, r);
    assertThat(d.select(".summary tbody td").eachText())
        .anySatisfy(t -> assertThat(t).contains("Format not recognised").contains("Format list"));
    assertThat(d.select("main").text()).doesNotContain("--format");
  }

  /**
   * A file given the wrong format (nothing in it is a record of that format) ends with a summary of
   * zeros: the page says the import did not complete, and the audit trail says it failed.
   */
  @Test
  void anImportThatSavedNothingOfItsFileSaysItDidNotCompleteAndIsAuditedAsFailed()
      throws Exception {
    String csrf = signInAs(ADMIN);
    HttpResponse<String> r =
        upload(
            Map.of("_csrf", csrf, "format", "rfc-index"),
            "notes.txt",
            "these are notes, not the RFC index\n".getBytes(StandardCharsets.UTF_8));
    Document d = finished(browser, r);
    assertThat(d.select(".import-incomplete").text()).contains("did not complete");
    assertThat(d.select(".summary tbody td").eachText())
        .anySatisfy(t -> assertThat(t).contains("no record found"));
    Document audit = Jsoup.parse(browser.get("/admin/audit?action=import").body());
    assertThat(audit.select("tbody tr").first().text()).contains("notes.txt").contains("failed");

    // A file read to its end with records saved is not flagged.
    Document ok = finished(browser, upload(Map.of("_csrf", csrf), "rfc.txt", rfcExcerpt()));
    assertThat(ok.select(".import-incomplete")).isEmpty();
  }

  @Test
  void anUploadWithoutOrWithAWrongCsrfTokenIsRefusedAndNothingIsImported() throws Exception {
    String csrf = signInAs(ADMIN);
    assertThat(upload(Map.of(), "rfc-index.txt", rfcExcerpt()).statusCode()).isEqualTo(403);
    assertThat(upload(Map.of("_csrf", csrf + "x"), "rfc-index.txt", rfcExcerpt()).statusCode())
        .isEqualTo(403);
    assertThat(app.catalog().count()).isZero();
  }

  @Test
  void thePublicIsAskedToSignInAndOtherRolesAreRefused() throws Exception {
    HttpResponse<String> page = browser.get("/admin/import");
    assertThat(page.statusCode()).isEqualTo(401);
    Document d = Jsoup.parse(page.body());
    assertThat(d.select("form.upload")).isEmpty();
    assertThat(d.select("main a[href^=/signin]").attr("href"))
        .isEqualTo("/signin?next=%2Fadmin%2Fimport");
    // The public may not upload at all: refused before the body is read, with or without a CSRF
    // token of its own (the sign-in form's cookie and field).
    assertThat(upload(Map.of(), "rfc-index.txt", rfcExcerpt()).statusCode()).isEqualTo(401);
    String own = browser.csrf("/signin");
    assertThat(upload(Map.of("_csrf", own), "rfc-index.txt", rfcExcerpt()).statusCode())
        .isEqualTo(401);
    assertThat(app.catalog().count()).isZero();

    assertThat(browser.signIn("coord@example.org", Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    HttpResponse<String> refused = browser.get("/admin/import");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(refused.body()).select("form.upload")).isEmpty();
    String session = browser.csrf("/signout");
    HttpResponse<String> r = upload(Map.of("_csrf", session), "rfc-index.txt", rfcExcerpt());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(app.catalog().count()).isZero();
  }
}
