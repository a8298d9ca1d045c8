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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin upload page over real HTTP with a real multipart upload of a real feed excerpt. */
class AdminImportTest {
  static final String TOKEN = "a-long-admin-token-for-tests";
  @TempDir Path dir;
  App app;
  WebServer server;
  Http http;

  void start(String token) {
    app = Fixtures.empty(dir);
    server = app.web(token).start(0);
    http = new Http(server.port());
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
    return http.send(
        HttpRequest.newBuilder(URI.create(http.base() + "/admin/import"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  byte[] rfcExcerpt() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/fixtures/rfc/rfc-index-excerpt.txt")) {
      return in.readAllBytes();
    }
  }

  @Test
  void anUploadedFeedIsImportedAndSummarised() throws Exception {
    start(TOKEN);
    HttpResponse<String> r =
        upload(
            Map.of("token", TOKEN, "format", "auto", "source", "rfc-editor"),
            "rfc-index.txt",
            rfcExcerpt());

    assertThat(r.statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(r.body());
    assertThat(d.select(".counts dd").eachText()).containsExactly("5", "0", "0", "0", "0");
    assertThat(app.catalog().get("rfc-9110").source()).isEqualTo("rfc-editor");

    HttpResponse<String> again = upload(Map.of("token", TOKEN), "rfc-index.txt", rfcExcerpt());
    assertThat(Jsoup.parse(again.body()).select(".counts dd").eachText())
        .containsExactly("0", "0", "5", "0", "0");
  }

  @Test
  void rejectedRecordsAreListedWithTheirPlaceAndEscaped() throws Exception {
    start(TOKEN);
    String feed =
        "[{\"identifier\": \"X <script>alert(1)</script>\", \"sdo\": \"X\", \"type\": \"other\", \"status\": \"in-force\"}]";
    HttpResponse<String> r =
        upload(
            Map.of("token", TOKEN, "format", "json"),
            "bad.json",
            feed.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("<script>alert(1)");
    Document d = Jsoup.parse(r.body());
    assertThat(d.select(".summary tbody td").eachText())
        .anySatisfy(t -> assertThat(t).contains("title: required"));
  }

  @Test
  void aWrongTokenIsRefusedAndNothingIsImported() throws Exception {
    start(TOKEN);
    HttpResponse<String> r = upload(Map.of("token", "guess"), "rfc-index.txt", rfcExcerpt());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(app.catalog().count()).isZero();
  }

  @Test
  void withoutAnAdminTokenUploadsAreSwitchedOff() throws Exception {
    start(null);
    assertThat(Jsoup.parse(http.get("/admin/import").body()).select("form.upload")).isEmpty();
    HttpResponse<String> r = upload(Map.of("token", ""), "rfc-index.txt", rfcExcerpt());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(app.catalog().count()).isZero();
  }
}
