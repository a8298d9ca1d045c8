package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.IssuedToken;
import org.aisx.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in and out, cookies, CSRF, API tokens and the sign-in rate limit, over real HTTP on a
 * real store. Each test uses accounts of its own, so they share one server.
 */
class AccountWebTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = Fixtures.empty(dir);
    server = app.web().start(0);
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static Browser browser() {
    return new Browser(server.port());
  }

  static HttpResponse<String> api(String method, String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", token);
    }
    return new Http(server.port()).send(b.build());
  }

  static JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  static List<String> setCookies(HttpResponse<?> r, String name) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .toList();
  }

  @Test
  void signingInSetsAnHttpOnlySameSiteSessionCookieAndShowsWhoIsSignedIn() {
    Fixtures.user(app, "cookie@example.org", Role.ADMIN);
    Browser b = browser();
    HttpResponse<String> form = b.get("/signin");
    assertThat(setCookies(form, Access.CSRF_COOKIE))
        .singleElement()
        .satisfies(
            c -> assertThat(c).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/"));
    Document page = Jsoup.parse(form.body());
    assertThat(page.select("label[for=email]").text()).isEqualTo("E-mail");
    assertThat(page.select("label[for=password]").text()).isEqualTo("Password");
    assertThat(page.select("input#password").attr("autocomplete")).isEqualTo("current-password");

    HttpResponse<String> r = b.signIn("Cookie@Example.org", Fixtures.PASSWORD);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).contains("/");
    assertThat(setCookies(r, Access.SESSION_COOKIE))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c)
                    .contains("HttpOnly")
                    .contains("SameSite=Lax")
                    .contains("Path=/")
                    .contains("Max-Age=43200")
                    .doesNotContain("Secure"));
    assertThat(b.cookie(Access.SESSION_COOKIE)).hasSizeGreaterThan(40);

    Document taxonomy = Jsoup.parse(b.get("/taxonomy").body());
    assertThat(taxonomy.select("nav.account-nav .who").text())
        .isEqualTo("Signed in as cookie@example.org (admin)");
    assertThat(taxonomy.select("nav.account-nav form[action=/signout] button").text())
        .isEqualTo("Sign out");
    Document french = Jsoup.parse(b.get("/taxonomy?lang=fr").body());
    assertThat(french.select("nav.account-nav .who").text())
        .isEqualTo("Connecté en tant que cookie@example.org (administrateur)");
  }

  @Test
  void overHttpsTheCookieIsSecure() {
    Fixtures.user(app, "tls@example.org", Role.COORDINATOR);
    Browser b = browser();
    String csrf = b.csrf("/signin");
    HttpResponse<String> r =
        b.send(
            HttpRequest.newBuilder(URI.create(b.base() + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-Proto", "https")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Browser.form(
                            Map.of(
                                "_csrf",
                                csrf,
                                "email",
                                "tls@example.org",
                                "password",
                                Fixtures.PASSWORD))))
                .build());
    assertThat(setCookies(r, Access.SESSION_COOKIE))
        .singleElement()
        .satisfies(c -> assertThat(c).contains("Secure"));
  }

  @Test
  void theAnonymousHeaderOffersSignInComingBackToThePage() {
    Document d = Jsoup.parse(browser().get("/taxonomy?lang=en").body());
    assertThat(d.select("nav.account-nav a").attr("href"))
        .isEqualTo("/signin?next=%2Ftaxonomy%3Flang%3Den");
    assertThat(d.select("nav.account-nav").attr("aria-label")).isEqualTo("Account");
  }

  @Test
  void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
    Fixtures.user(app, "wrong@example.org", Role.ADMIN);
    Browser b = browser();
    HttpResponse<String> r = b.signIn("wrong@example.org", "not the password");
    assertThat(r.statusCode()).isEqualTo(401);
    Document d = Jsoup.parse(r.body());
    assertThat(d.select("[role=alert]").text())
        .isEqualTo("The e-mail or the password is not right.");
    assertThat(d.select("input#email").attr("value")).isEqualTo("wrong@example.org");
    assertThat(setCookies(r, Access.SESSION_COOKIE)).isEmpty();
    HttpResponse<String> unknown = b.signIn("nobody@example.org", "not the password");
    assertThat(Jsoup.parse(unknown.body()).select("[role=alert]").text())
        .isEqualTo(d.select("[role=alert]").text());
  }

  @Test
  void afterSignInTheBrowserGoesBackToTheSamePageOnThisSiteOnly() {
    Fixtures.user(app, "next@example.org", Role.ADMIN);
    for (Map.Entry<String, String> e :
        Map.of(
                "/taxonomy?lang=fr", "/taxonomy?lang=fr",
                "//evil.example/", "/",
                "https://evil.example/", "/",
                "/\\evil.example", "/")
            .entrySet()) {
      Browser b = browser();
      String csrf = b.csrf("/signin?next=" + PageModels.enc(e.getKey()));
      HttpResponse<String> r =
          b.postForm(
              "/signin",
              Map.of(
                  "_csrf",
                  csrf,
                  "email",
                  "next@example.org",
                  "password",
                  Fixtures.PASSWORD,
                  "next",
                  e.getKey()));
      assertThat(r.headers().firstValue("Location")).as(e.getKey()).contains(e.getValue());
    }
  }

  @Test
  void aSignInFormWithoutOrWithAWrongCsrfTokenIsRefused() {
    Fixtures.user(app, "csrf@example.org", Role.ADMIN);
    Browser b = browser();
    String csrf = b.csrf("/signin");
    HttpResponse<String> none =
        b.postForm("/signin", Map.of("email", "csrf@example.org", "password", Fixtures.PASSWORD));
    assertThat(none.statusCode()).isEqualTo(403);
    HttpResponse<String> wrong =
        b.postForm(
            "/signin",
            Map.of(
                "_csrf", csrf + "x", "email", "csrf@example.org", "password", Fixtures.PASSWORD));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(wrong.body()).select("main p").first().text())
        .contains("did not come from this site");
    assertThat(b.cookie(Access.SESSION_COOKIE)).isNull();
  }

  @Test
  void signOutNeedsTheSessionsCsrfTokenAndEndsTheSession() throws Exception {
    Fixtures.user(app, "out@example.org", Role.CONTRIBUTOR, "IEEE");
    Browser b = browser();
    b.signIn("out@example.org", Fixtures.PASSWORD);
    assertThat(body(b.get("/api/v1/me")).get("via").asText()).isEqualTo("session");

    assertThat(b.postForm("/signout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(b.postForm("/signout", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
    assertThat(b.get("/api/v1/me").statusCode()).isEqualTo(200);

    Document confirm = Jsoup.parse(b.get("/signout").body());
    String csrf = confirm.select("main form[action=/signout] input[name=_csrf]").attr("value");
    HttpResponse<String> out = b.postForm("/signout", Map.of("_csrf", csrf));
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(b.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(Jsoup.parse(b.get("/taxonomy").body()).select("nav.account-nav a").text())
        .isEqualTo("Sign in");
  }

  @Test
  void anApiTokenAuthenticatesUntilRevoked() throws Exception {
    Fixtures.user(app, "bot@example.org", Role.CONTRIBUTOR, "ETSI", "IEC");
    IssuedToken token = app.accounts().createToken("bot@example.org", "ci");

    HttpResponse<String> me = api("GET", "/api/v1/me", "Bearer " + token.secret());
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode who = body(me);
    assertThat(who.get("email").asText()).isEqualTo("bot@example.org");
    assertThat(who.get("role").asText()).isEqualTo("contributor");
    assertThat(who.get("bodies").toString()).isEqualTo("[\"ETSI\",\"IEC\"]");
    assertThat(who.get("via").asText()).isEqualTo("token");

    HttpResponse<String> revoke =
        api("DELETE", "/api/v1/tokens/" + token.info().id(), "Bearer " + token.secret());
    assertThat(revoke.statusCode()).isEqualTo(204);

    HttpResponse<String> after = api("GET", "/api/v1/me", "Bearer " + token.secret());
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(body(after).at("/error/code").asText()).isEqualTo("unauthorized");
    assertThat(body(after).at("/error/message").asText()).contains("revoked");
  }

  @Test
  void withoutCredentialsTheApiAnswers401WithTheErrorBody() throws Exception {
    for (String auth : new String[] {null, "Basic dXNlcjpwYXNz", "Bearer ", "Bearer aisx_nope"}) {
      HttpResponse<String> r = api("GET", "/api/v1/me", auth);
      assertThat(r.statusCode()).as(String.valueOf(auth)).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"aisx\"");
      JsonNode error = body(r).get("error");
      assertThat(error.get("code").asText()).isEqualTo("unauthorized");
      assertThat(error.get("details").isArray()).isTrue();
    }
    assertThat(api("DELETE", "/api/v1/tokens/abc", null).statusCode()).isEqualTo(401);
    // Public reads need nothing.
    assertThat(api("GET", "/api/v1/taxonomy", null).statusCode()).isEqualTo(200);
    // The openapi describes the scheme and the refusals.
    JsonNode openapi = body(api("GET", "/api/v1/openapi.json", null));
    assertThat(openapi.at("/components/securitySchemes/bearer/scheme").asText())
        .isEqualTo("bearer");
    assertThat(openapi.at("/paths/~1api~1v1~1me/get/responses/401/$ref").asText())
        .isEqualTo("#/components/responses/Unauthorized");
    assertThat(openapi.at("/paths/~1api~1v1~1tokens~1{id}/delete/responses/403/$ref").asText())
        .isEqualTo("#/components/responses/Forbidden");
  }

  @Test
  void onlyAdminsRevokeOtherPeoplesTokens() throws Exception {
    Fixtures.user(app, "own@example.org", Role.CONTRIBUTOR, "IETF");
    Fixtures.user(app, "chair@example.org", Role.COORDINATOR);
    Fixtures.user(app, "root@example.org", Role.ADMIN);
    IssuedToken own = app.accounts().createToken("own@example.org", null);
    IssuedToken chair = app.accounts().createToken("chair@example.org", null);
    IssuedToken root = app.accounts().createToken("root@example.org", null);

    HttpResponse<String> refused =
        api("DELETE", "/api/v1/tokens/" + root.info().id(), "Bearer " + chair.secret());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(body(refused).at("/error/code").asText()).isEqualTo("forbidden");
    assertThat(
            api("DELETE", "/api/v1/tokens/" + chair.info().id(), "Bearer " + own.secret())
                .statusCode())
        .isEqualTo(403);
    assertThat(app.accounts().userForToken(root.secret())).isPresent();

    assertThat(
            api("DELETE", "/api/v1/tokens/" + own.info().id(), "Bearer " + root.secret())
                .statusCode())
        .isEqualTo(204);
    assertThat(app.accounts().userForToken(own.secret())).isEmpty();
    assertThat(
            api("DELETE", "/api/v1/tokens/0000000000000000", "Bearer " + root.secret())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void anApiWriteWithTheSessionCookieNeedsTheCsrfHeader() {
    Fixtures.user(app, "script@example.org", Role.COORDINATOR);
    IssuedToken token = app.accounts().createToken("script@example.org", null);
    Browser b = browser();
    b.signIn("script@example.org", Fixtures.PASSWORD);
    String csrf = b.csrf("/signout");
    URI uri = URI.create(b.base() + "/api/v1/tokens/" + token.info().id());
    assertThat(b.send(HttpRequest.newBuilder(uri).DELETE().build()).statusCode()).isEqualTo(403);
    assertThat(app.accounts().userForToken(token.secret())).isPresent();
    assertThat(
            b.send(HttpRequest.newBuilder(uri).header(Access.CSRF_HEADER, csrf).DELETE().build())
                .statusCode())
        .isEqualTo(204);
    assertThat(app.accounts().userForToken(token.secret())).isEmpty();
  }

  @Test
  void repeatedFailedSignInsForOneAccountGet429EvenWithTheRightPassword() {
    Fixtures.user(app, "target@example.org", Role.ADMIN);
    Browser b = browser();
    for (int i = 0; i < 5; i++) {
      assertThat(b.signIn("target@example.org", "guess number " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> held = b.signIn("target@example.org", Fixtures.PASSWORD);
    assertThat(held.statusCode()).isEqualTo(429);
    assertThat(held.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow())
        .isBetween(1L, 900L);
    Document d = Jsoup.parse(held.body());
    assertThat(d.select("h1").text()).isEqualTo("Too many attempts");
    assertThat(d.select("main p").first().text()).contains("Try again in 15 minute(s)");
    assertThat(b.cookie(Access.SESSION_COOKIE)).isNull();
    // Another account from the same address is not held by this one's failures.
    Fixtures.user(app, "bystander@example.org", Role.ADMIN);
    assertThat(browser().signIn("bystander@example.org", Fixtures.PASSWORD).statusCode())
        .isEqualTo(303);
  }

  @Test
  void repeatedFailedSignInsFromOneAddressGet429(@TempDir Path own) {
    // A server of its own: this test's failures would hold every other test's client address.
    try (App other = Fixtures.empty(own)) {
      WebServer web = other.web().start(0);
      try {
        Browser b = new Browser(web.port());
        for (int i = 0; i < 20; i++) {
          assertThat(b.signIn("spray" + i + "@example.org", "guess").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> held = b.signIn("spray-new@example.org", "guess");
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).isPresent();
      } finally {
        web.close();
      }
    }
  }

  @Test
  void behindAProxyTheLimitIsPerForwardedAddressAndOtherwiseTheHeaderIsIgnored(@TempDir Path own) {
    try (App other = Fixtures.empty(own)) {
      WebServer web = other.web(true).start(0);
      try {
        for (int i = 0; i < 20; i++) {
          assertThat(attempt(web, "proxied" + i + "@example.org", "203.0.113.7, 198.51.100.1"))
              .isEqualTo(401);
        }
        assertThat(attempt(web, "proxied-new@example.org", "198.51.100.1")).isEqualTo(429);
        // Another client behind the same proxy is not held.
        assertThat(attempt(web, "proxied-new@example.org", "198.51.100.2")).isEqualTo(401);
      } finally {
        web.close();
      }
    }
    // Taking connections directly, forged headers do not escape the limit.
    try (App other = Fixtures.empty(own.resolve("direct"))) {
      WebServer web = other.web(false).start(0);
      try {
        for (int i = 0; i < 20; i++) {
          assertThat(attempt(web, "direct" + i + "@example.org", "192.0.2." + i)).isEqualTo(401);
        }
        assertThat(attempt(web, "direct-new@example.org", "192.0.2.99")).isEqualTo(429);
      } finally {
        web.close();
      }
    }
  }

  static int attempt(WebServer web, String email, String forwardedFor) {
    Browser b = new Browser(web.port());
    String csrf = b.csrf("/signin");
    return b.send(
            HttpRequest.newBuilder(URI.create(b.base() + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Browser.form(Map.of("_csrf", csrf, "email", email, "password", "guess"))))
                .build())
        .statusCode();
  }
}
