package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
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
        HttpRequest.newBuilder(URI.create(browser.base() + "/admin/import"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  byte[] rfcExcerpt() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/fixtures/rfc/rfc-index-excerpt.txt")) {
      return in.readAllBytes();
    }
  }

  String signInAs(String email) {
    assertThat(browser.signIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    return browser.csrf("/admin/import");
  }

  @Test
  void anUploadedFeedIsImportedAndSummarised() throws Exception {
    String csrf = signInAs(ADMIN);
    HttpResponse<String> r =
        upload(
            Map.of("_csrf", csrf, "format", "auto", "source", "rfc-editor"),
            "rfc-index.txt",
            rfcExcerpt());

    assertThat(r.statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(r.body());
    assertThat(d.select(".counts dd").eachText())
        .containsExactly("5", "0", "0", "0", "0", "0", "0", "0", "0");
    assertThat(app.catalog().get("rfc-9110").source()).isEqualTo("rfc-editor");

    HttpResponse<String> again = upload(Map.of("_csrf", csrf), "rfc-index.txt", rfcExcerpt());
    assertThat(Jsoup.parse(again.body()).select(".counts dd").eachText())
        .containsExactly("0", "0", "5", "0", "0", "0", "0", "0", "0");
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
    assertThat(d.select(".error-page li").text()).startsWith("source").contains("202E");
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
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("<script>alert(1)");
    Document d = Jsoup.parse(r.body());
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
    assertThat(r.statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(r.body());
    assertThat(d.select(".summary tbody td").eachText())
        .anySatisfy(t -> assertThat(t).contains("Format not recognised").contains("Format list"));
    assertThat(d.select("main").text()).doesNotContain("--format");
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
