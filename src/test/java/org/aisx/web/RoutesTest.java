package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.aisx.App;
import org.aisx.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The routes as {@link App} wires them: what the features register is what openapi.json documents,
 * and every registered route is reached through the server (not the no-route 404 or a 405).
 */
class RoutesTest {
  @TempDir static Path dir;
  static App app;
  static WebServer server;
  static Http http;
  static final String CSRF = "a".repeat(43);
  static String adminToken;

  @BeforeAll
  static void start() {
    app = Fixtures.empty(dir);
    Fixtures.user(app, "admin@example.org", org.aisx.account.Role.ADMIN);
    adminToken = app.accounts().createToken("admin@example.org", "test").secret();
    server = app.web().start(0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
    app.close();
  }

  /** The machine-facing routes: the API, the feeds and the operators' endpoints. */
  private static boolean documented(String endpoint) {
    String path = endpoint.substring(endpoint.indexOf(' ') + 1);
    return path.startsWith("/api/")
        || path.startsWith("/feeds/")
        || path.equals("/healthz")
        || path.equals("/metrics");
  }

  @Test
  void theRegisteredApiIsTheDocumentedApi() throws Exception {
    Set<String> documented = new TreeSet<>();
    try (InputStream in = RoutesTest.class.getResourceAsStream("/openapi.json")) {
      JsonNode paths = new ObjectMapper().readTree(in).get("paths");
      for (Iterator<String> p = paths.fieldNames(); p.hasNext(); ) {
        String path = p.next();
        paths
            .get(path)
            .fieldNames()
            .forEachRemaining(
                method -> {
                  if (!method.equals("parameters")) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
                  }
                });
      }
    }
    Set<String> registered = new TreeSet<>();
    server.endpoints().stream().filter(RoutesTest::documented).forEach(registered::add);

    assertThat(registered).isEqualTo(documented);
    assertThat(server.endpoints()).doesNotHaveDuplicates();
  }

  private static HttpResponse<String> getAsAdmin(String path) {
    return http.send(
        HttpRequest.newBuilder(URI.create(http.base() + path))
            .header("Authorization", "Bearer " + adminToken)
            .GET()
            .build());
  }

  /**
   * What the API takes is what openapi.json says it takes: every documented query parameter is
   * accepted by its endpoint (a value may be refused, the name never is), and every undocumented
   * one is refused, naming it and listing the documented ones and lang.
   */
  @Test
  void everyApiReadAcceptsExactlyItsDocumentedParameters() throws Exception {
    List<String> drift = new ArrayList<>();
    DocumentedParams.load(new ObjectMapper())
        .byPath()
        .forEach(
            (path, names) -> {
              String target = path.replaceAll("\\{[^}]+}", "no-such-id");
              for (String name : names) {
                HttpResponse<String> r = getAsAdmin(target + "?" + name + "=drift-check");
                if (r.statusCode() >= 500 || r.body().contains("unknown parameter")) {
                  drift.add(path + " refuses documented " + name + ": " + r.statusCode());
                }
              }
              // Every endpoint takes lang (I18n): one that does not document it is drift too.
              if (!names.contains("lang")) {
                drift.add(path + " takes lang but does not document it");
              }
              HttpResponse<String> r = getAsAdmin(target + "?undocumented-name=1");
              List<String> known = new ArrayList<>(names);
              if (!known.contains("lang")) {
                known.add("lang");
              }
              String expected = "unknown parameter; known: " + String.join(", ", known);
              if (r.statusCode() != 400 || !r.body().contains(expected)) {
                drift.add(path + " takes an undocumented name: " + r.statusCode() + " " + r.body());
              }
            });
    assertThat(drift).isEmpty();
  }

  /**
   * Every operation of the API, reads and writes alike, documents lang, which each takes (the
   * language of its texts and of its errors), by the one shared parameter; and an operation whose
   * answer is said in the request's language (Vary: Accept-Language on a 200) is among them.
   */
  @Test
  void everyApiOperationDocumentsLangByTheSharedParameter() throws Exception {
    JsonNode openapi;
    try (InputStream in = RoutesTest.class.getResourceAsStream("/openapi.json")) {
      openapi = new ObjectMapper().readTree(in);
    }
    assertThat(openapi.at("/components/parameters/lang/name").asText()).isEqualTo("lang");
    List<String> undocumented = new ArrayList<>();
    JsonNode paths = openapi.get("paths");
    for (Iterator<String> p = paths.fieldNames(); p.hasNext(); ) {
      String path = p.next();
      if (!path.startsWith("/api/")) {
        continue;
      }
      for (Iterator<String> m = paths.get(path).fieldNames(); m.hasNext(); ) {
        String method = m.next();
        if (method.equals("parameters")) {
          continue;
        }
        List<String> refs = paths.get(path).get(method).path("parameters").findValuesAsText("$ref");
        if (!refs.contains("#/components/parameters/lang")) {
          undocumented.add(method.toUpperCase(Locale.ROOT) + " " + path);
        }
        boolean inline =
            paths
                .get(path)
                .get(method)
                .path("parameters")
                .findValuesAsText("name")
                .contains("lang");
        if (inline) {
          undocumented.add(method.toUpperCase(Locale.ROOT) + " " + path + " (inline, not shared)");
        }
      }
    }
    assertThat(undocumented).isEmpty();

    // The answers that are said in a language say so, and their operations document lang.
    java.util.Map<String, List<String>> documented =
        DocumentedParams.load(new ObjectMapper()).byPath();
    for (String path :
        List.of(
            "/api/v1/standards?q=ai",
            "/api/v1/taxonomy",
            "/api/v1/changes",
            "/api/v1/landscape",
            "/api/v1/suggestions")) {
      HttpResponse<String> r = getAsAdmin(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().allValues("Vary").toString()).as(path).contains("Accept-Language");
      assertThat(documented.get(path.replaceAll("\\?.*", ""))).as(path).contains("lang");
    }
  }

  /** lang is documented with every language the site has messages in. */
  @Test
  void theDocumentedLanguagesAreTheSitesLanguages() throws Exception {
    Set<String> languages = new TreeSet<>();
    try (var files = java.nio.file.Files.list(Path.of("src/main/resources/i18n"))) {
      files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.matches("messages_[a-z]+\\.properties"))
          .forEach(f -> languages.add(f.substring("messages_".length(), f.indexOf('.'))));
    }
    assertThat(languages).hasSize(6);
    try (InputStream in = RoutesTest.class.getResourceAsStream("/openapi.json")) {
      List<JsonNode> langs = new ObjectMapper().readTree(in).findParents("name");
      int checked = 0;
      for (JsonNode parameter : langs) {
        if (parameter.get("name").asText().equals("lang")
            && parameter.path("in").asText().equals("query")) {
          Set<String> documented = new TreeSet<>();
          parameter.get("schema").get("enum").forEach(v -> documented.add(v.asText()));
          assertThat(documented).isEqualTo(languages);
          checked++;
        }
      }
      assertThat(checked).isPositive();
    }
  }

  @Test
  void everyRegisteredRouteIsReachedThroughTheServer() {
    List<String> endpoints = server.endpoints();
    // The pages too: the catalogue's, submissions, review, sign-in, admin.
    assertThat(endpoints)
        .contains(
            "GET /",
            "GET /standards/{id}",
            "POST /submissions/{id}/decision",
            "POST /review/suggestions",
            "GET /review/field-policy",
            "POST /signin",
            "POST /admin/import",
            "GET /admin/audit",
            "GET /changes");
    List<String> unreached = new ArrayList<>();
    for (String endpoint : endpoints) {
      String method = endpoint.substring(0, endpoint.indexOf(' '));
      String path =
          endpoint
              .substring(endpoint.indexOf(' ') + 1)
              .replace("{file}", "no-such-record.atom")
              .replaceAll("\\{[^}]+}", "no-such-id");
      // Anonymous, with a CSRF token as the sign-in form gets one: no filter stands in the way.
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(http.base() + path))
                  .header("Cookie", Access.CSRF_COOKIE + "=" + CSRF)
                  .header(Access.CSRF_HEADER, CSRF)
                  .header("Content-Type", "application/json")
                  .method(
                      method,
                      method.equals("GET") || method.equals("DELETE")
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString("{}"))
                  .build());
      // Javalin's answer when no route matches: "Endpoint GET /x not found" (or our 404 page).
      if (r.statusCode() == 405
          || r.statusCode() == 429
          || r.body().contains("Endpoint " + method + " " + path + " not found")
          || r.body().contains("No page or resource at")) {
        unreached.add(endpoint + " → " + r.statusCode());
      }
    }
    assertThat(unreached).isEmpty();
  }
}
