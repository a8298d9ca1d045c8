package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.account.SignInLimiter;
import org.aisx.catalog.Standard;
import org.aisx.ingest.HostileFeeds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 18, each made the way an attacker makes it (raw sockets where an HTTP client
 * would tidy the request up) against the real server on a free port; after each, {@code /healthz}
 * still answers and every stored record is as it was. How fast it answers is measured in
 * BENCHMARKS.md (bench/hostile.sh), not asserted here.
 */
class HostileTrafficTest {
  static final String ADMIN = "admin@example.org";
  static final ObjectMapper json = new ObjectMapper();
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static WebServer proxied;
  static Http http;
  static Map<String, Standard> before;

  @BeforeAll
  static void start() {
    app = Fixtures.empty(dir);
    Fixtures.load(app, "/fixtures/catalogue/rfc-http.json");
    Fixtures.user(app, ADMIN, Role.ADMIN);
    server = app.web().start(0);
    proxied = app.web(true).start(0);
    http =
        new Http(
            "http://localhost:" + server.port(),
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    before = stored();
    assertThat(before).hasSize(2);
  }

  /** Every record in the catalogue, found through the API and read from the store. */
  static Map<String, Standard> stored() {
    try {
      String body = http.get("/api/v1/standards?mode=keyword&size=100").body();
      JsonNode items = json.readTree(body).get("items");
      assertThat(items).as(body).isNotNull();
      List<String> ids = new ArrayList<>();
      items.forEach(i -> ids.add(i.get("id").asText()));
      return app.catalog().findAll(ids);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    proxied.close();
    app.close();
  }

  /** After every attack: the service answers and has lost or changed nothing. */
  @AfterEach
  void serviceAnswersAndLostNothing() {
    assertThat(healthz(server.port()).statusCode()).isEqualTo(200);
    Map<String, Standard> now = app.catalog().findAll(before.keySet());
    assertThat(now).isEqualTo(before);
  }

  /** GET /healthz with a generous deadline: it must answer, not answer fast. */
  static HttpResponse<String> healthz(int port) {
    return new Http("http://localhost:" + port, HttpClient.newHttpClient())
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(20))
                .GET()
                .build());
  }

  /**
   * Writes {@code head}, then chunks of {@code chunk} bytes until {@code total} or the server hangs
   * up.
   */
  static String chunkedPost(String head, int chunk, long total) throws IOException {
    try (Socket s = new Socket("localhost", server.port())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] data = new byte[chunk];
      java.util.Arrays.fill(data, (byte) 'x');
      byte[] size = (Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      try {
        for (long sent = 0; sent < total; sent += chunk) {
          out.write(size);
          out.write(data);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException hungUp) {
        // the server answered and closed while the body was still coming: what we want
      }
      return statusLine(s.getInputStream());
    }
  }

  static String statusLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII).strip();
  }

  @Test
  void aChunkedBodyOverTheLimitIs413BeforeTheCsrfCheckReadsIt() throws Exception {
    String form =
        "POST /signin HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";
    // 8 MB offered; the server must refuse after its 1 MB limit, not read on.
    assertThat(chunkedPost(form, 64 * 1024, 8L << 20)).startsWith("HTTP/1.1 413");
    String api =
        "POST /api/v1/submissions HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    assertThat(chunkedPost(api, 64 * 1024, 8L << 20)).startsWith("HTTP/1.1 413");
    // A declared length over the limit is refused before a byte of the body is read.
    try (Socket s = new Socket("localhost", server.port())) {
      s.setSoTimeout(20_000);
      s.getOutputStream()
          .write(
              ("POST /signin HTTP/1.1\r\nHost: localhost\r\n"
                      + "Content-Type: application/x-www-form-urlencoded\r\n"
                      + "Content-Length: 1000000000\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      assertThat(statusLine(s.getInputStream())).startsWith("HTTP/1.1 413");
    }
    // A body within the limit still arrives whole, chunked or not: the sign-in form works.
    Browser browser = new Browser(server.port());
    assertThat(browser.signIn(ADMIN, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
  }

  @Test
  void twoHundredFiftySlowClientsDoNotStarveHealthz() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 250; i++) {
        Socket s = new Socket("localhost", server.port());
        s.getOutputStream()
            .write(
                ("POST /signin HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 100000\r\n\r\ne")
                    .getBytes(StandardCharsets.US_ASCII));
        slow.add(s);
      }
      for (int round = 0; round < 3; round++) {
        assertThat(healthz(server.port()).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/standards?q=http").statusCode()).isEqualTo(200);
        for (Socket s : slow) {
          try {
            s.getOutputStream().write('e'); // one more byte each, far below any useful rate
          } catch (IOException dropped) {
            // the server gave up on this one: also fine
          }
        }
        Thread.sleep(1000);
      }
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  static byte[] multipart(String boundary, Map<String, String> fields, String file, byte[] data) {
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
                + file
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(data);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  static Document upload(String file, byte[] data) {
    Browser browser = new Browser(server.port());
    assertThat(browser.signIn(ADMIN, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    String csrf = browser.csrf("/admin/import");
    String boundary = "hostile" + System.nanoTime();
    HttpResponse<String> r =
        browser.send(
            HttpRequest.newBuilder(URI.create(browser.base() + "/admin/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        multipart(boundary, Map.of("_csrf", csrf, "format", "auto"), file, data)))
                .build());
    return AdminImportTest.finished(browser, r);
  }

  @Test
  void aCompressionBombUploadIsRefusedNamingTheFile() throws Exception {
    Document page = upload("bomb.yaml.gz", HostileFeeds.bomb());
    assertThat(page.text())
        .contains("bomb.yaml.gz")
        .contains("compression bomb")
        .contains("times its size");
  }

  @Test
  void yamlAliasesAndDeepNestingRejectTheirRecordAloneOverTheWeb() throws Exception {
    Document page = upload("alias.yaml", HostileFeeds.aliasFeed());
    assertThat(page.select(".summary .counts dd").eachText().get(0)).isEqualTo("2"); // created
    assertThat(page.text()).contains("record 2").contains("alias").contains("record 3");
    assertThat(app.catalog().find("iso-iec-42001-2023")).isPresent();
  }

  @Test
  void longQueriesUnderTheLengthLimitAreSearched() throws Exception {
    StringBuilder words = new StringBuilder();
    for (int i = 0; words.length() < 490; i++) {
      words.append((char) ('a' + i % 26)).append((char) ('a' + i / 26 % 26)).append(' ');
    }
    String slashed = "ab/".repeat(160);
    for (String q : List.of(words.toString().strip(), slashed, words.toString())) {
      assertThat(q.length()).isLessThanOrEqualTo(500);
      String enc = java.net.URLEncoder.encode(q, StandardCharsets.UTF_8);
      for (String mode : List.of("keyword", "hybrid", "semantic")) {
        HttpResponse<String> api = http.get("/api/v1/standards?mode=" + mode + "&q=" + enc);
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
      }
      assertThat(http.get("/search?q=" + enc).statusCode()).isEqualTo(200);
      assertThat(http.get("/feeds/search.atom?q=" + enc).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void behindAProxyTheSignInLimitCountsTheProxysHopNotTheClientsOwnLine() throws Exception {
    int status = 0;
    for (int i = 0; i <= SignInLimiter.PER_ADDRESS && status != 429; i++) {
      String body = "email=nobody" + i + "%40example.org&password=wrong&_csrf=t";
      try (Socket s = new Socket("localhost", proxied.port())) {
        s.setSoTimeout(20_000);
        s.getOutputStream()
            .write(
                ("POST /signin HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\n"
                        + "Cookie: aisx_csrf=t\r\n"
                        + "X-Forwarded-For: 203.0.113."
                        + i
                        + "\r\n"
                        + "X-Forwarded-For: 198.51.100.7\r\n"
                        + "Connection: close\r\n"
                        + "Content-Length: "
                        + body.length()
                        + "\r\n\r\n"
                        + body)
                    .getBytes(StandardCharsets.US_ASCII));
        String line = statusLine(s.getInputStream());
        status = Integer.parseInt(line.split(" ")[1]);
      }
    }
    assertThat(status).isEqualTo(429);
  }

  @Test
  void aProtocolRelativeRequestPathNeverBecomesALinkToAnotherSite() throws Exception {
    try (Socket s = new Socket("localhost", server.port())) {
      s.setSoTimeout(20_000);
      s.getOutputStream()
          .write(
              "GET //evil.example/search HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      Document page = Jsoup.parse(response.substring(response.indexOf("\r\n\r\n") + 4));
      assertThat(page.select("a[href]").eachAttr("href"))
          .isNotEmpty()
          .noneMatch(h -> h.startsWith("//") || h.startsWith("/\\") || h.contains("evil.example?"));
    }
  }
}
