package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anyone signed in changes their own password on {@code /account}, with a plain form (no script)
 * carrying the session's CSRF token, giving the current password: without an admin.
 */
class OwnPasswordChangeTest {
  static final String NEW = "a new and longer passphrase";
  @TempDir static Path dir;
  static App app;
  static WebServer server;

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

  static Browser signedIn(String email) {
    Browser b = new Browser(server.port());
    assertThat(b.signIn(email, Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    return b;
  }

  @Test
  void aSignedInUserChangesTheirOwnPasswordAndEveryOtherSessionEnds() {
    Fixtures.user(app, "editor@iso.org", Role.CONTRIBUTOR, "ISO");
    Browser here = signedIn("editor@iso.org");
    Browser elsewhere = signedIn("editor@iso.org");
    Document page = Jsoup.parse(here.get("/account").body());
    assertThat(page.select("form[action=/account/password] input[type=password]").eachAttr("name"))
        .containsExactly("current", "password", "password2");

    HttpResponse<String> changed =
        here.postForm(
            "/account/password",
            Map.of(
                "_csrf",
                here.csrf("/account"),
                "current",
                Fixtures.PASSWORD,
                "password",
                NEW,
                "password2",
                NEW));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
    assertThat(changed.headers().firstValue("Location").orElseThrow())
        .endsWith("/account?done=password");
    // This browser goes on signed in, and is told; every other session is signed out.
    HttpResponse<String> after = here.get("/account?done=password");
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(after.body()).select("#password-changed")).hasSize(1);
    assertThat(elsewhere.get("/account").statusCode()).isEqualTo(401);
    assertThat(app.accounts().authenticate("editor@iso.org", Fixtures.PASSWORD.toCharArray()))
        .isEmpty();
    assertThat(new Browser(server.port()).signIn("editor@iso.org", NEW).statusCode())
        .isEqualTo(303);
  }

  @Test
  void aWrongCurrentPasswordOrNewOnesThatDifferAreRefusedNamingTheFieldAndNothingChanges() {
    Fixtures.user(app, "coordinator@example.org", Role.COORDINATOR);
    Browser b = signedIn("coordinator@example.org");
    String csrf = b.csrf("/account");

    HttpResponse<String> wrong =
        b.postForm(
            "/account/password",
            Map.of(
                "_csrf", csrf, "current", "not the password", "password", NEW, "password2", NEW));
    assertThat(wrong.statusCode()).isEqualTo(400);
    Document d = Jsoup.parse(wrong.body());
    assertThat(d.select(".error-summary li a").eachAttr("href")).containsExactly("#current");
    assertThat(d.select("#current").attr("aria-invalid")).isEqualTo("true");
    assertThat(d.select("#password").attr("aria-invalid")).isEqualTo("false");

    HttpResponse<String> differ =
        b.postForm(
            "/account/password",
            Map.of(
                "_csrf",
                csrf,
                "current",
                Fixtures.PASSWORD,
                "password",
                NEW,
                "password2",
                NEW + "!"));
    assertThat(differ.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(differ.body()).select(".error-summary li a").eachAttr("href"))
        .containsExactly("#password2");

    HttpResponse<String> tooShort =
        b.postForm(
            "/account/password",
            Map.of(
                "_csrf",
                csrf,
                "current",
                Fixtures.PASSWORD,
                "password",
                "short",
                "password2",
                "short"));
    assertThat(tooShort.statusCode()).isEqualTo(400);
    Document shortPage = Jsoup.parse(tooShort.body());
    assertThat(shortPage.select(".error-summary li a").eachAttr("href"))
        .containsExactly("#password");
    assertThat(shortPage.select(".error-summary li").text()).contains("12");

    HttpResponse<String> french =
        b.postForm(
            "/account/password?lang=fr",
            Map.of("_csrf", csrf, "current", "pas le bon", "password", NEW, "password2", NEW));
    assertThat(french.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(french.body()).select(".error-summary li").text())
        .startsWith("Mot de passe actuel");

    HttpResponse<String> forged =
        b.postForm(
            "/account/password",
            Map.of("current", Fixtures.PASSWORD, "password", NEW, "password2", NEW));
    assertThat(forged.statusCode()).isEqualTo(403);

    assertThat(
            app.accounts().authenticate("coordinator@example.org", Fixtures.PASSWORD.toCharArray()))
        .isPresent();
    assertThat(b.get("/account").statusCode()).isEqualTo(200);
  }

  @Test
  void withoutSigningInThePasswordCannotBeChanged() {
    Browser anonymous = new Browser(server.port());
    HttpResponse<String> r =
        anonymous.postForm(
            "/account/password",
            Map.of(
                "_csrf",
                anonymous.csrf("/signin"),
                "current",
                Fixtures.PASSWORD,
                "password",
                NEW,
                "password2",
                NEW));
    assertThat(r.statusCode()).isIn(401, 403);
  }
}
