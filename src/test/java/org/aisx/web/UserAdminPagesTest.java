package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.account.User;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account pages over real HTTP, as a browser without script uses them: the admin's list of
 * users and each user's forms (with the session's CSRF token), the admin menu, and everyone's own
 * account page with their API tokens.
 */
class UserAdminPagesTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;

  @BeforeAll
  static void start() {
    app = Fixtures.empty(dir);
    Fixtures.user(app, "boss@example.org", Role.ADMIN);
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
  void theAdminMenuLinksUsersImportAndAuditAndOnlyAdminsSeeIt() {
    Document admin = Jsoup.parse(signedIn("boss@example.org").get("/search").body());
    assertThat(admin.select("nav.account-nav a").eachAttr("href"))
        .contains("/account", "/admin/users", "/admin/import", "/admin/audit");
    Fixtures.user(app, "plain@example.org", Role.COORDINATOR);
    Document coordinator = Jsoup.parse(signedIn("plain@example.org").get("/search").body());
    assertThat(coordinator.select("nav.account-nav a").eachAttr("href"))
        .contains("/account")
        .doesNotContain("/admin/users", "/admin/import", "/admin/audit");
  }

  @Test
  void onlyAdminsOpenTheUserPages() {
    User someone = Fixtures.user(app, "someone@iso.org", Role.CONTRIBUTOR, "ISO");
    Browser anonymous = new Browser(server.port());
    assertThat(anonymous.get("/admin/users").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/account").statusCode()).isEqualTo(401);
    Fixtures.user(app, "k@example.org", Role.COORDINATOR);
    Browser coordinator = signedIn("k@example.org");
    assertThat(coordinator.get("/admin/users").statusCode()).isEqualTo(403);
    assertThat(coordinator.get("/admin/users/" + someone.id()).statusCode()).isEqualTo(403);
    String csrf = coordinator.csrf("/account");
    assertThat(
            coordinator
                .postForm(
                    "/admin/users/" + someone.id() + "/state",
                    Map.of("_csrf", csrf, "action", "disable"))
                .statusCode())
        .isEqualTo(403);
    assertThat(app.accounts().user("someone@iso.org").orElseThrow().active()).isTrue();
  }

  @Test
  void theListShowsRoleBodiesStateAndLastSignInInTheVisitorsLanguage() {
    Fixtures.user(app, "listed@ieee.org", Role.CONTRIBUTOR, "IEEE");
    signedIn("listed@ieee.org");
    Browser admin = signedIn("boss@example.org");
    HttpResponse<String> r = admin.get("/admin/users");
    assertThat(r.statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(r.body());
    assertThat(d.select("h1").text()).isEqualTo("Users");
    assertThat(d.select("table.users.cards")).hasSize(1);
    var row = d.select("table.users tr:has(a:contains(listed@ieee.org))").first();
    assertThat(row).isNotNull();
    assertThat(row.select("td").eachText())
        .containsExactly("contributor", "IEEE", "Active", row.select("td time").text())
        .doesNotContain("Never");
    // On a phone each row is a card whose values are named by their columns' headings.
    assertThat(row.select("td").eachAttr("data-label"))
        .containsExactly("Role", "Standards bodies", "State", "Last sign-in");
    assertThat(row.select("td").eachAttr("data-label"))
        .isEqualTo(d.select("table.users thead th").eachText().subList(1, 5));
    Document french = Jsoup.parse(admin.get("/admin/users?lang=fr").body());
    assertThat(french.select("h1").text()).isEqualTo("Utilisateurs");
    assertThat(french.select("th[scope=col]").eachText()).contains("Dernière connexion");
  }

  @Test
  void anAdminDisablesAContributorFromTheFormAndTheirSessionEndsAtOnce() {
    User member = Fixtures.user(app, "member@itu.int", Role.CONTRIBUTOR, "ITU-T");
    Browser theirs = signedIn("member@itu.int");
    Browser admin = signedIn("boss@example.org");
    String page = "/admin/users/" + member.id();
    Document form = Jsoup.parse(admin.get(page).body());
    assertThat(form.select("form[action=" + page + "/state] input[name=_csrf]").attr("value"))
        .isNotEmpty();

    // Without the CSRF token nothing happens.
    assertThat(admin.postForm(page + "/state", Map.of("action", "disable")).statusCode())
        .isEqualTo(403);
    assertThat(theirs.get("/api/v1/me").statusCode()).isEqualTo(200);

    HttpResponse<String> r =
        admin.postForm(page + "/state", Map.of("_csrf", admin.csrf(page), "action", "disable"));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).contains(page + "?done=disabled");
    assertThat(theirs.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(theirs.get("/submissions/new").statusCode()).isEqualTo(401);
    Document after = Jsoup.parse(admin.get(page + "?done=disabled").body());
    assertThat(after.select("[role=status]").text()).contains("The account is disabled");
    assertThat(after.select("form[action=" + page + "/state] button").text())
        .isEqualTo("Enable this account");
    assertThat(
            Jsoup.parse(admin.get("/admin/audit?action=user-disabled").body())
                .select("table.audit-table tbody tr")
                .first()
                .text())
        .contains("boss@example.org")
        .contains("member@itu.int");

    admin.postForm(page + "/state", Map.of("_csrf", admin.csrf(page), "action", "enable"));
    assertThat(app.accounts().user("member@itu.int").orElseThrow().active()).isTrue();
  }

  @Test
  void anAdminChangesRoleAndBodiesAndAWrongCombinationIsExplainedOnTheForm() {
    User member = Fixtures.user(app, "mover@iso.org", Role.CONTRIBUTOR, "ISO");
    Browser admin = signedIn("boss@example.org");
    String page = "/admin/users/" + member.id();
    HttpResponse<String> bad =
        admin.postForm(
            page + "/role", Map.of("_csrf", admin.csrf(page), "role", "contributor", "bodies", ""));
    assertThat(bad.statusCode()).isEqualTo(400);
    Document d = Jsoup.parse(bad.body());
    // The summary takes the focus, names the field by its label and leads to it, marked wrong.
    assertThat(d.select("[role=alert]").hasAttr("autofocus")).isTrue();
    assertThat(d.select("[role=alert] li").text())
        .isEqualTo(
            "Standards bodies (contributors): A contributor belongs to at least one standards body.");
    assertThat(d.select("[role=alert] li a").attr("href")).isEqualTo("#bodies");
    assertThat(d.select("#bodies").attr("aria-invalid")).isEqualTo("true");
    assertThat(d.select("#role").attr("aria-invalid")).isEqualTo("false");
    assertThat(app.accounts().user("mover@iso.org").orElseThrow().bodies()).containsExactly("ISO");

    HttpResponse<String> ok =
        admin.postForm(
            page + "/role",
            Map.of("_csrf", admin.csrf(page), "role", "contributor", "bodies", "ISO, IEC"));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(app.accounts().user("mover@iso.org").orElseThrow().bodies())
        .containsExactly("IEC", "ISO");
    ok =
        admin.postForm(
            page + "/role", Map.of("_csrf", admin.csrf(page), "role", "coordinator", "bodies", ""));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(app.accounts().user("mover@iso.org").orElseThrow().role())
        .isEqualTo(Role.COORDINATOR);
    Document shown = Jsoup.parse(admin.get(page + "?done=role&lang=es").body());
    assertThat(shown.select("select#role option[selected]").text()).isEqualTo("coordinador");
  }

  @Test
  void anAdminSetsANewPasswordTwiceTypedAndTheOldOneStopsWorking() {
    User user = Fixtures.user(app, "reset@example.org", Role.COORDINATOR);
    Browser admin = signedIn("boss@example.org");
    String page = "/admin/users/" + user.id();
    HttpResponse<String> differ =
        admin.postForm(
            page + "/password",
            Map.of(
                "_csrf",
                admin.csrf(page),
                "password",
                "one long password",
                "password2",
                "another long one"));
    assertThat(differ.statusCode()).isEqualTo(400);
    Document refused = Jsoup.parse(differ.body());
    assertThat(refused.select("[role=alert]").hasAttr("autofocus")).isTrue();
    assertThat(refused.select("[role=alert] li").text())
        .isEqualTo("The same password again: The two passwords are not the same.");
    assertThat(refused.select("[role=alert] li a").attr("href")).isEqualTo("#password2");
    assertThat(refused.select("#password2").attr("aria-invalid")).isEqualTo("true");
    assertThat(refused.select("#password").attr("aria-invalid")).isEqualTo("false");
    // The page answers a POST: its language links lead to the account's page, which GET reads,
    // not to the address the form was sent to (a 405).
    List<String> languages = Jsoup.parse(differ.body()).select(".lang-nav a").eachAttr("href");
    assertThat(languages).hasSize(5).allSatisfy(h -> assertThat(h).startsWith(page + "?lang="));
    for (String link : languages) {
      assertThat(admin.get(link).statusCode()).as(link).isEqualTo(200);
    }
    HttpResponse<String> ok =
        admin.postForm(
            page + "/password",
            Map.of(
                "_csrf",
                admin.csrf(page),
                "password",
                "one long password",
                "password2",
                "one long password"));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(
            new Browser(server.port()).signIn("reset@example.org", Fixtures.PASSWORD).statusCode())
        .isEqualTo(401);
    assertThat(
            new Browser(server.port())
                .signIn("reset@example.org", "one long password")
                .statusCode())
        .isEqualTo(303);
  }

  @Test
  void everyoneSeesTheirOwnTokensOnTheirAccountPageAndRevokesOne() {
    Fixtures.user(app, "owner@ietf.org", Role.CONTRIBUTOR, "IETF");
    Fixtures.user(app, "other@ietf.org", Role.CONTRIBUTOR, "IETF");
    var kept = app.accounts().createToken("owner@ietf.org", "laptop");
    var other = app.accounts().createToken("other@ietf.org", "not-mine");
    Browser b = signedIn("owner@ietf.org");
    Document d = Jsoup.parse(b.get("/account").body());
    assertThat(d.select("h1").text()).isEqualTo("My account");
    assertThat(d.select("table.tokens tbody tr")).hasSize(1);
    assertThat(d.select("table.tokens").text()).contains("laptop").doesNotContain("not-mine");
    assertThat(d.body().html()).doesNotContain(kept.secret());

    // Someone else's token is not theirs to revoke.
    String csrf = b.csrf("/account");
    assertThat(
            b.postForm("/account/tokens/" + other.info().id() + "/revoke", Map.of("_csrf", csrf))
                .statusCode())
        .isEqualTo(404);
    assertThat(app.accounts().userForToken(other.secret())).isPresent();

    HttpResponse<String> r =
        b.postForm("/account/tokens/" + kept.info().id() + "/revoke", Map.of("_csrf", csrf));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(app.accounts().userForToken(kept.secret())).isEmpty();
    Document after = Jsoup.parse(b.get("/account?done=revoked").body());
    assertThat(after.select("[role=status]").text()).contains("The token is revoked");
    assertThat(after.select("table.tokens form")).isEmpty();
  }

  @Test
  void theAccountPagesShowNoMessageKeyInAnyLanguage() {
    User shown = Fixtures.user(app, "shown@iec.ch", Role.CONTRIBUTOR, "IEC");
    app.accounts().createToken("boss@example.org", "key-check");
    Browser admin = signedIn("boss@example.org");
    String page = "/admin/users/" + shown.id();
    java.util.regex.Pattern key =
        java.util.regex.Pattern.compile("\\b(users|tokens|myAccount|nav|role)\\.[a-zA-Z.]+");
    for (String lang : AccessibilityTest.LANGUAGES) {
      for (String path : java.util.List.of("/admin/users", page, "/account")) {
        Document d = Jsoup.parse(admin.get(path + "?lang=" + lang).body());
        assertThat(d.selectFirst("html").attr("lang")).isEqualTo(lang);
        String text =
            d.text() + " " + String.join(" ", d.select("[aria-label]").eachAttr("aria-label"));
        assertThat(key.matcher(text).find()).as(lang + " " + path + ": " + text).isFalse();
      }
      HttpResponse<String> refused =
          admin.postForm(
              page + "/role?lang=" + lang,
              Map.of("_csrf", admin.csrf(page), "role", "admin", "bodies", "IEC"));
      assertThat(refused.statusCode()).isEqualTo(400);
      String alert = Jsoup.parse(refused.body()).select("[role=alert] li").text();
      assertThat(alert).isNotEmpty();
      assertThat(key.matcher(alert).find()).as(lang + " " + alert).isFalse();
    }
  }
}
