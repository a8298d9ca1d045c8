package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.account.WriteLimiter;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail and the write limits, over real HTTP. */
class AuditTest {
  static final String ADMIN = "admin@example.org";
  static final String COORDINATOR = "coordinator@example.org";
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static String adminToken;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = Fixtures.empty(dir);
    Fixtures.load(app, "/fixtures/catalogue/rfc-http.json");
    Fixtures.user(app, ADMIN, Role.ADMIN);
    Fixtures.user(app, COORDINATOR, Role.COORDINATOR);
    adminToken = app.accounts().createToken(ADMIN, "audit").secret();
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static JsonNode audit(String query) throws Exception {
    HttpResponse<String> r =
        http.get("/api/v1/audit" + query, "Authorization", "Bearer " + adminToken);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = json.readTree(r.body());
    assertThat(ApiTest.validate(http, "AuditResponse", body)).isEmpty();
    return body;
  }

  static List<String> actions(JsonNode body) {
    List<String> out = new ArrayList<>();
    body.get("items").forEach(i -> out.add(i.get("action").asText()));
    return out;
  }

  @Test
  void signInsFailuresTokensAndWritesAreRecordedWithWhoWhatWhenAndWhere() throws Exception {
    Browser browser = new Browser(server.port());
    assertThat(browser.signIn(COORDINATOR, "wrong password!!").statusCode()).isEqualTo(401);
    assertThat(browser.signIn(COORDINATOR, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    String token = app.accounts().createToken(COORDINATOR, "to revoke").info().id();
    HttpResponse<String> revoke =
        browser.send(
            HttpRequest.newBuilder(URI.create(browser.base() + "/api/v1/tokens/" + token))
                .header(Access.CSRF_HEADER, browser.csrf("/review/suggestions"))
                .DELETE()
                .build());
    assertThat(revoke.statusCode()).isEqualTo(204);
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/suggestions/decisions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decisions\":[]}"))
                .build());
    assertThat(refused.statusCode()).isEqualTo(401);

    JsonNode mine = audit("?actor=" + COORDINATOR);
    assertThat(actions(mine)).containsSubsequence("token-revoked", "sign-in", "sign-in-failed");
    JsonNode failed = mine.get("items").get(actions(mine).indexOf("sign-in-failed"));
    assertThat(failed.get("outcome").asText()).isEqualTo("refused");
    assertThat(failed.get("status").asInt()).isEqualTo(401);
    assertThat(failed.get("address").asText()).isNotEmpty();
    JsonNode revoked = mine.get("items").get(0);
    assertThat(revoked.get("via").asText()).isEqualTo("session");
    assertThat(revoked.get("role").asText()).isEqualTo("coordinator");
    assertThat(revoked.get("target").asText()).isEqualTo("token " + token);
    JsonNode anonymous = audit("?action=" + ApiTest.enc("POST /api/v1/suggestions/decisions"));
    assertThat(anonymous.get("items").get(0).get("outcome").asText()).isEqualTo("refused");
    assertThat(anonymous.get("items").get(0).get("via").asText()).isEqualTo("anonymous");
    // Paged, newest first.
    JsonNode first = audit("?limit=1");
    assertThat(first.get("items")).hasSize(1);
    JsonNode second = audit(first.get("next").asText().substring("/api/v1/audit".length()));
    assertThat(second.get("items").get(0).get("seq").asLong())
        .isLessThan(first.get("items").get(0).get("seq").asLong());
  }

  @Test
  void onlyAdminsReadTheTrailOnThePageAndInTheApi() {
    Browser coordinator = new Browser(server.port());
    coordinator.signIn(COORDINATOR, Fixtures.PASSWORD);
    assertThat(coordinator.get("/admin/audit").statusCode()).isEqualTo(403);
    assertThat(coordinator.get("/api/v1/audit").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/v1/audit").statusCode()).isEqualTo(401);
    Browser admin = new Browser(server.port());
    admin.signIn(ADMIN, Fixtures.PASSWORD);
    HttpResponse<String> page = admin.get("/admin/audit?action=sign-in");
    assertThat(page.statusCode()).isEqualTo(200);
    var rows = Jsoup.parse(page.body()).select("table.audit-table tbody tr");
    assertThat(rows).isNotEmpty();
    assertThat(rows.get(0).text()).contains("sign-in", ADMIN);
    assertThat(
            http.get("/api/v1/audit?limit=0", "Authorization", "Bearer " + adminToken).statusCode())
        .isEqualTo(400);
    assertThat(
            http.get("/api/v1/audit?colour=red", "Authorization", "Bearer " + adminToken)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void commandLineChangesAreRecordedToo() {
    app.auditLog().commandLine("token-created", ADMIN, "token t1");
    assertThat(app.auditLog().list(null, null, "token-created", 1))
        .first()
        .satisfies(e -> assertThat(e.via()).isEqualTo("cli"));
  }

  @Test
  void writesPastTheLimitPerCallerAre429WithRetryAfterAndTheErrorBody() throws Exception {
    String token = app.accounts().createToken(COORDINATOR, "busy").secret();
    HttpResponse<String> last = null;
    for (int i = 0; i <= WriteLimiter.PER_ACCOUNT; i++) {
      last =
          http.send(
              HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/tokens/no-such-token"))
                  .header("Authorization", "Bearer " + token)
                  .DELETE()
                  .build());
      if (i < WriteLimiter.PER_ACCOUNT) {
        assertThat(last.statusCode()).isEqualTo(404);
      }
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
    JsonNode error = json.readTree(last.body());
    assertThat(error.get("error").get("code").asText()).isEqualTo("too_many_requests");
    assertThat(ApiTest.validate(http, "Error", error)).isEmpty();
    // Reads are never limited, and the trail says who was limited.
    assertThat(http.get("/api/v1/standards/rfc-9110").statusCode()).isEqualTo(200);
    assertThat(audit("?actor=" + COORDINATOR).get("items").get(0).get("outcome").asText())
        .isEqualTo("limited");
  }

  @Test
  void writesPastTheLimitPerAddressAre429ForThatAddressOnly(@TempDir Path own) {
    // A server of its own behind a (pretend) proxy: the address is the forwarded one.
    try (App other = Fixtures.empty(own)) {
      WebServer web = other.web(true).start(0);
      try {
        Browser b = new Browser(web.port());
        HttpResponse<String> last = null;
        for (int i = 0; i <= WriteLimiter.PER_ADDRESS; i++) {
          last = signOutFrom(b, "198.51.100.1");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(Jsoup.parse(last.body()).select("h1").text()).isNotEmpty();
        // Another client is not held; a refused write is not counted against anyone.
        assertThat(signOutFrom(b, "198.51.100.2").statusCode()).isEqualTo(403);
        assertThat(other.auditLog().list(null, null, null, 1).get(0).address())
            .isEqualTo("198.51.100.2");
        // Behind a proxy that says the client came over HTTPS, browsers are told to stay on it.
        HttpResponse<String> tls =
            b.send(
                HttpRequest.newBuilder(URI.create(b.base() + "/"))
                    .header("X-Forwarded-Proto", "https")
                    .build());
        assertThat(tls.headers().firstValue("Strict-Transport-Security"))
            .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
      } finally {
        web.close();
      }
    }
  }

  static HttpResponse<String> signOutFrom(Browser b, String address) {
    return b.send(
        HttpRequest.newBuilder(URI.create(b.base() + "/signout"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", address)
            .POST(HttpRequest.BodyPublishers.ofString(""))
            .build());
  }
}
