package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.account.User;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account management over the API, over real HTTP on a real store: admins list, read and change
 * accounts; everyone else is refused; a disabled account's session and token are refused at once; a
 * new role holds from the next request. Each test uses accounts of its own, so they share one
 * server (and one admin).
 */
class UserAdminApiTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static String admin;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    app = Fixtures.empty(dir);
    Fixtures.user(app, "root@example.org", Role.ADMIN);
    admin = "Bearer " + app.accounts().createToken("root@example.org", "tests").secret();
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  static HttpResponse<String> call(String method, String path, String auth, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(http.base() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.build());
  }

  static String bearer(String email) {
    return "Bearer " + app.accounts().createToken(email, null).secret();
  }

  static JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  @Test
  void aBodyIsOneARecordOfTheCatalogueNamesInItsSpellingElseA400NamingTheFieldAndValue()
      throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode record = json.createObjectNode();
    record.put("identifier", "KS X 3264");
    record.putObject("title").put("en", "A national standard");
    record.put("sdo", "KATS");
    record.put("type", "national-standard");
    record.put("status", "in-force");
    app.catalog().save(app.reader().read(record), "test", "fixture", null);
    User member = Fixtures.user(app, "member@kats.example", Role.CONTRIBUTOR, "ISO");
    String path = "/api/v1/users/" + member.id();

    HttpResponse<String> r = call("PATCH", path, admin, "{\"bodies\":[\"kats\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(body(r).get("bodies").toString()).isEqualTo("[\"KATS\"]");

    r = call("PATCH", path, admin, "{\"bodies\":[\"KATZ\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    JsonNode detail = body(r).at("/error/details/0");
    assertThat(detail.get("field").asText()).isEqualTo("bodies");
    assertThat(detail.get("problem").asText()).contains("'KATZ'").contains("KATS");
    assertThat(app.accounts().find(member.id()).orElseThrow().bodies()).containsExactly("KATS");
  }

  @Test
  void onlyAdminsReachTheAccountsThePublicGets401AndOtherRoles403() {
    User someone = Fixtures.user(app, "target@example.org", Role.CONTRIBUTOR, "ISO");
    String contributor =
        bearer(Fixtures.user(app, "c403@iso.org", Role.CONTRIBUTOR, "ISO").email());
    String coordinator = bearer(Fixtures.user(app, "k403@example.org", Role.COORDINATOR).email());
    String[][] calls = {
      {"GET", "/api/v1/users", null},
      {"GET", "/api/v1/users/" + someone.id(), null},
      {"PATCH", "/api/v1/users/" + someone.id(), "{\"disabled\":true}"},
      {"POST", "/api/v1/users/" + someone.id() + "/password", "{\"password\":\"long enough pw 1\"}"}
    };
    for (String[] c : calls) {
      HttpResponse<String> anonymous = call(c[0], c[1], null, c[2]);
      assertThat(anonymous.statusCode()).as("public " + c[0] + " " + c[1]).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
      assertThat(call(c[0], c[1], contributor, c[2]).statusCode())
          .as("contributor " + c[0] + " " + c[1])
          .isEqualTo(403);
      assertThat(call(c[0], c[1], coordinator, c[2]).statusCode())
          .as("coordinator " + c[0] + " " + c[1])
          .isEqualTo(403);
    }
    assertThat(app.accounts().user("target@example.org").orElseThrow().active()).isTrue();
    assertThat(call("GET", "/api/v1/tokens", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void anAdminListsEveryAccountAndReadsOneByIdOrEmailWithItsTokensButNoSecret() throws Exception {
    User listed = Fixtures.user(app, "listed@ietf.org", Role.CONTRIBUTOR, "IETF");
    String secret = app.accounts().createToken("listed@ietf.org", "laptop").secret();
    app.accounts().startSession(listed);

    HttpResponse<String> all = call("GET", "/api/v1/users", admin, null);
    assertThat(all.statusCode()).isEqualTo(200);
    JsonNode users = body(all);
    assertThat(ApiTest.validate(http, "UserList", users)).isEmpty();
    JsonNode row = null;
    for (JsonNode u : users.get("users")) {
      if (u.get("email").asText().equals("listed@ietf.org")) {
        row = u;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.get("role").asText()).isEqualTo("contributor");
    assertThat(row.get("bodies").get(0).asText()).isEqualTo("IETF");
    assertThat(row.get("disabled").asBoolean()).isFalse();
    assertThat(row.get("lastSignIn").isNull()).isFalse();

    for (String key : new String[] {listed.id(), "Listed@IETF.org"}) {
      HttpResponse<String> one = call("GET", "/api/v1/users/" + key, admin, null);
      assertThat(one.statusCode()).as(key).isEqualTo(200);
      JsonNode detail = body(one);
      assertThat(ApiTest.validate(http, "UserDetail", detail)).isEmpty();
      assertThat(detail.get("id").asText()).isEqualTo(listed.id());
      assertThat(detail.get("tokens").get(0).get("label").asText()).isEqualTo("laptop");
      assertThat(one.body()).doesNotContain(secret).doesNotContain("password");
    }
    assertThat(call("GET", "/api/v1/users/nobody@example.org", admin, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aDisabledContributorsSessionAndTokenAreRefusedAtOnceAndTheyCannotSignIn() throws Exception {
    User leaver = Fixtures.user(app, "leaver@ieee.org", Role.CONTRIBUTOR, "IEEE");
    String token = bearer(leaver.email());
    Browser b = new Browser(server.port());
    assertThat(b.signIn("leaver@ieee.org", Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    assertThat(b.get("/api/v1/me").statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(200);

    HttpResponse<String> r =
        call("PATCH", "/api/v1/users/" + leaver.id(), admin, "{\"disabled\":true}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(ApiTest.validate(http, "User", body(r))).isEmpty();
    assertThat(body(r).get("disabled").asBoolean()).isTrue();

    assertThat(b.get("/api/v1/me").statusCode()).as("the session").isEqualTo(401);
    assertThat(b.get("/submissions/new").statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/v1/me", token, null).statusCode()).as("the token").isEqualTo(401);
    assertThat(
            call(
                    "POST",
                    "/api/v1/submissions",
                    token,
                    "{\"action\":\"create\",\"record\":{\"sdo\":\"IEEE\"}}")
                .statusCode())
        .isEqualTo(401);

    // Signing in again fails with the message a wrong password gets: nothing tells an attacker
    // that the password was right.
    HttpResponse<String> again =
        new Browser(server.port()).signIn(leaver.email(), Fixtures.PASSWORD);
    HttpResponse<String> wrong = new Browser(server.port()).signIn(leaver.email(), "not it at all");
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(Jsoup.parse(again.body()).select("[role=alert]").text())
        .isEqualTo(Jsoup.parse(wrong.body()).select("[role=alert]").text())
        .isEqualTo("The e-mail or the password is not right.");

    JsonNode trail =
        body(call("GET", "/api/v1/audit?action=user-disabled", admin, null)).get("items");
    assertThat(trail.get(0).get("actor").asText()).isEqualTo("root@example.org");
    assertThat(trail.get(0).get("target").asText()).isEqualTo("leaver@ieee.org");
    assertThat(trail.get(0).get("detail").asText()).contains("tokens revoked");

    // Enabled again, the account signs in; its old token stays revoked.
    assertThat(
            call("PATCH", "/api/v1/users/" + leaver.email(), admin, "{\"disabled\":false}")
                .statusCode())
        .isEqualTo(200);
    assertThat(new Browser(server.port()).signIn(leaver.email(), Fixtures.PASSWORD).statusCode())
        .isEqualTo(303);
    assertThat(call("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(401);
  }

  @Test
  void aNewRoleOrNewBodiesHoldFromTheNextRequestAndSignTheAccountOut() throws Exception {
    User member = Fixtures.user(app, "member@itu.int", Role.CONTRIBUTOR, "ITU-T");
    String token = bearer(member.email());
    Browser b = new Browser(server.port());
    b.signIn(member.email(), Fixtures.PASSWORD);
    // A coordinator's write: refused for a contributor before its body is read, read (and here
    // refused as empty, 400) for a coordinator.
    assertThat(call("POST", "/api/v1/taxonomy/changes", token, "{}").statusCode()).isEqualTo(403);

    HttpResponse<String> r =
        call("PATCH", "/api/v1/users/" + member.id(), admin, "{\"role\":\"coordinator\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(body(r).get("role").asText()).isEqualTo("coordinator");
    assertThat(body(r).get("bodies")).isEmpty();
    assertThat(call("POST", "/api/v1/taxonomy/changes", token, "{}").statusCode()).isEqualTo(400);
    assertThat(b.get("/api/v1/me").statusCode()).as("signed out").isEqualTo(401);

    r =
        call(
            "PATCH",
            "/api/v1/users/" + member.id(),
            admin,
            "{\"role\":\"contributor\",\"bodies\":[\"ITU-R\"]}");
    assertThat(body(r).get("bodies").get(0).asText()).isEqualTo("ITU-R");
    JsonNode me = body(call("GET", "/api/v1/me", token, null));
    assertThat(me.get("role").asText()).isEqualTo("contributor");
    assertThat(me.get("bodies").get(0).asText()).isEqualTo("ITU-R");

    JsonNode trail =
        body(call("GET", "/api/v1/audit?action=user-changed", admin, null)).get("items");
    assertThat(trail.get(0).get("actor").asText()).isEqualTo("root@example.org");
    assertThat(trail.get(0).get("detail").asText())
        .contains("role coordinator -> contributor; bodies [] -> [ITU-R]");
  }

  @Test
  void badChangesAreRefusedNamingTheFieldAndTheLastAdminStays() throws Exception {
    User c = Fixtures.user(app, "bad@iso.org", Role.CONTRIBUTOR, "ISO");
    HttpResponse<String> noBody =
        call("PATCH", "/api/v1/users/" + c.id(), admin, "{\"role\":\"admin\"}");
    assertThat(noBody.statusCode()).isEqualTo(200); // bodies cleared with the new role
    call("PATCH", "/api/v1/users/" + c.id(), admin, "{\"role\":\"coordinator\"}");
    for (String bad :
        new String[] {
          "{\"role\":\"contributor\"}",
          "{\"role\":\"root\"}",
          "{\"bodies\":\"ISO\"}",
          "{\"disabled\":\"yes\"}",
          "{\"email\":\"x@y.org\"}"
        }) {
      HttpResponse<String> r = call("PATCH", "/api/v1/users/" + c.id(), admin, bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(ApiTest.validate(http, "Error", body(r))).isEmpty();
    }
    // root@example.org is the only active admin again: it can be neither disabled nor demoted.
    HttpResponse<String> self =
        call("PATCH", "/api/v1/users/root@example.org", admin, "{\"disabled\":true}");
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(self.body()).contains("the last active admin cannot be disabled");
    assertThat(
            call("PATCH", "/api/v1/users/root@example.org", admin, "{\"role\":\"coordinator\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(call("GET", "/api/v1/me", admin, null).statusCode()).isEqualTo(200);
  }

  @Test
  void anAdminSetsANewPasswordThatSignsTheAccountOutAndIsNeverAudited() throws Exception {
    User user = Fixtures.user(app, "forgot@example.org", Role.COORDINATOR);
    Browser b = new Browser(server.port());
    b.signIn(user.email(), Fixtures.PASSWORD);
    HttpResponse<String> shortOne =
        call("POST", "/api/v1/users/" + user.id() + "/password", admin, "{\"password\":\"short\"}");
    assertThat(shortOne.statusCode()).isEqualTo(400);
    HttpResponse<String> r =
        call(
            "POST",
            "/api/v1/users/" + user.id() + "/password",
            admin,
            "{\"password\":\"a fresh long password\"}");
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(b.get("/api/v1/me").statusCode()).isEqualTo(401);
    assertThat(new Browser(server.port()).signIn(user.email(), Fixtures.PASSWORD).statusCode())
        .isEqualTo(401);
    assertThat(
            new Browser(server.port()).signIn(user.email(), "a fresh long password").statusCode())
        .isEqualTo(303);
    HttpResponse<String> trail = call("GET", "/api/v1/audit?action=user-password-set", admin, null);
    assertThat(trail.body()).contains("forgot@example.org").doesNotContain("a fresh long password");
  }

  /**
   * A password that is not a string is said to be one, not "at least 12 characters" (which a
   * 16-digit number is), and a field the endpoint does not take is named and nothing is set, as
   * PATCH does: {@code {"password": "...", "signOut": false}} set the password and ignored the
   * rest.
   */
  @Test
  void aPasswordThatIsNotTextOrAnUnknownFieldIsA400NamingItAndSetsNothing() throws Exception {
    User user = Fixtures.user(app, "typed@example.org", Role.COORDINATOR);
    String path = "/api/v1/users/" + user.id() + "/password";
    HttpResponse<String> number = call("POST", path, admin, "{\"password\":1234567890123456}");
    assertThat(number.statusCode()).isEqualTo(400);
    assertThat(ApiTest.validate(http, "Error", json.readTree(number.body()))).isEmpty();
    assertThat(json.readTree(number.body()).at("/error/details/0/field").asText())
        .isEqualTo("password");
    assertThat(json.readTree(number.body()).at("/error/details/0/problem").asText())
        .isEqualTo(PagesTest.say("en", "invalid.notString", "1234567890123456"));
    HttpResponse<String> extra =
        call("POST", path, admin, "{\"password\":\"another long password\",\"signOut\":false}");
    assertThat(extra.statusCode()).isEqualTo(400);
    assertThat(json.readTree(extra.body()).at("/error/details/0/field").asText())
        .isEqualTo("signOut");
    assertThat(new Browser(server.port()).signIn(user.email(), Fixtures.PASSWORD).statusCode())
        .isEqualTo(303);
  }

  @Test
  void everyoneSignedInListsTheirOwnTokensOnlyWithoutSecrets() throws Exception {
    Fixtures.user(app, "mine@example.org", Role.COORDINATOR);
    Fixtures.user(app, "theirs@example.org", Role.COORDINATOR);
    String mine = app.accounts().createToken("mine@example.org", "mine-1").secret();
    String revoked = app.accounts().createToken("mine@example.org", "mine-2").info().id();
    app.accounts().revokeToken(revoked);
    app.accounts().createToken("theirs@example.org", "theirs");

    HttpResponse<String> r = call("GET", "/api/v1/tokens", "Bearer " + mine, null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode tokens = body(r);
    assertThat(ApiTest.validate(http, "TokenList", tokens)).isEmpty();
    assertThat(tokens.get("tokens")).hasSize(2);
    java.util.Map<String, Boolean> live = new java.util.HashMap<>();
    tokens.get("tokens").forEach(t -> live.put(t.get("label").asText(), t.get("live").asBoolean()));
    assertThat(live)
        .containsOnly(java.util.Map.entry("mine-1", true), java.util.Map.entry("mine-2", false));
    assertThat(r.body()).doesNotContain(mine).doesNotContain("theirs");
  }
}
