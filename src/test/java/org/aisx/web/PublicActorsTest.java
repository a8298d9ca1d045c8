package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.Role;
import org.aisx.catalog.Standard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 12: staff e-mail addresses are not public. The record's history (page and API), the
 * change log (page and API) and the Atom feeds name a contributor by their body and a coordinator
 * by the role; an admin still sees the addresses.
 */
class PublicActorsTest {
  @TempDir Path dir;

  private static final String CONTRIBUTOR = "editor@ieee.example";
  private static final String COORDINATOR = "coordinator@aisx.example";

  @Test
  void historyChangesAndFeedsShowTheBodyOrRoleAndAdminsSeeTheAddress() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      Fixtures.user(app, CONTRIBUTOR, Role.CONTRIBUTOR, "IEEE");
      Fixtures.user(app, COORDINATOR, Role.COORDINATOR);
      Fixtures.user(app, "root@aisx.example", Role.ADMIN);
      Standard s =
          app.reader()
              .read(
                  app.json()
                      .readTree(
                          """
                          {"identifier": "IEEE 9000-2026", "sdo": "IEEE", "type": "international-standard",
                           "status": "in-force", "title": {"en": "A standard"}}
                          """));
      app.catalog().save(s, CONTRIBUTOR, "api", null);
      app.catalog()
          .save(
              s.toBuilder().status(org.aisx.catalog.Status.WITHDRAWN).build(),
              COORDINATOR,
              "api",
              null);
      try (WebServer web = app.web().start(0)) {
        Http http = new Http(web.port());
        for (String path :
            new String[] {
              "/api/v1/standards/ieee-9000-2026/history",
              "/standards/ieee-9000-2026",
              "/api/v1/changes",
              "/changes",
              "/feeds/changes.atom",
              "/feeds/standards/ieee-9000-2026.atom"
            }) {
          String body = http.get(path).body();
          assertThat(body).as(path).doesNotContain("@ieee.example").doesNotContain("@aisx.example");
          assertThat(body).as(path).contains("IEEE").contains("coordinator");
        }
        String admin = "Bearer " + app.accounts().createToken("root@aisx.example", "test").secret();
        String seen =
            http.send(
                    HttpRequest.newBuilder(
                            URI.create(http.base() + "/api/v1/standards/ieee-9000-2026/history"))
                        .header("Authorization", admin)
                        .GET()
                        .build())
                .body();
        assertThat(seen).contains(CONTRIBUTOR).contains(COORDINATOR);
      }
    }
  }

  /** Every public answer that shows a record, its history or the change log. */
  private static final List<String> PUBLIC =
      List.of(
          "/standards/ieee-9000-2026",
          "/api/v1/standards/ieee-9000-2026",
          "/api/v1/standards/ieee-9000-2026/history",
          "/changes",
          "/api/v1/changes",
          "/feeds/changes.atom",
          "/feeds/standards/ieee-9000-2026.atom",
          "/api/v1/standards?q=standard",
          "/search?q=standard");

  private static final String RECORD =
      """
      {"identifier": "IEEE 9000-2026", "sdo": "IEEE", "type": "international-standard",
       "status": "in-force", "title": {"en": "A standard"}}
      """;

  @Test
  void aCoordinatorsEditOverHttpShowsTheAddressInNoPublicAnswer() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      Fixtures.user(app, COORDINATOR, Role.COORDINATOR);
      Fixtures.user(app, "root@aisx.example", Role.ADMIN);
      app.catalog().save(app.reader().read(app.json().readTree(RECORD)), "import", "a-feed", null);
      warmUp(app);
      try (WebServer web = app.web().start(0)) {
        Http http = new Http(web.port());
        ObjectNode edited = (ObjectNode) app.json().readTree(RECORD);
        edited.putObject("title").put("en", "A standard, edited");
        String coordinator = "Bearer " + app.accounts().createToken(COORDINATOR, "test").secret();
        HttpResponse<String> put =
            http.send(
                HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/standards/ieee-9000-2026"))
                    .header("Authorization", coordinator)
                    .header("If-Match", "\"1\"")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(edited.toString()))
                    .build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).doesNotContain("@aisx.example");

        for (String path : PUBLIC) {
          HttpResponse<String> answer = http.get(path);
          assertThat(answer.statusCode()).as(path).isEqualTo(200);
          assertThat(answer.body()).as(path).doesNotContain("@aisx.example");
        }
        assertThat(http.get("/api/v1/standards/ieee-9000-2026").body())
            .contains("edit:coordinator");
        assertThat(app.json().writeValueAsString(app.catalog().get("ieee-9000-2026")))
            .as("the record as exports write it")
            .doesNotContain("@aisx.example");
        // Who made the edit stays known to admins.
        String admin = "Bearer " + app.accounts().createToken("root@aisx.example", "test").secret();
        assertThat(
                http.get("/api/v1/standards/ieee-9000-2026/history", "Authorization", admin).body())
            .contains(COORDINATOR);
      }
    }
  }

  @Test
  void addressesAnOlderVersionStoredAsSourcesAreShownNowhere() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      Fixtures.user(app, COORDINATOR, Role.COORDINATOR);
      app.catalog().save(app.reader().read(app.json().readTree(RECORD)), COORDINATOR, "x", null);
    }
    // What an older version stored for a coordinator's edit: the address as the source of the
    // record, of its fields and of its events.
    String old = "edit:" + COORDINATOR;
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:sqlite:" + dir.resolve(org.aisx.store.StoreConfig.EMBEDDED_FILE))) {
      String document;
      try (var q = c.createStatement().executeQuery("SELECT document FROM standard")) {
        assertThat(q.next()).isTrue();
        document = q.getString(1);
      }
      ObjectNode tree = (ObjectNode) org.aisx.catalog.Json.mapper().readTree(document);
      tree.put("source", old);
      tree.putObject("fieldSources").putArray("title").add(old).add("relaton-ieee");
      try (PreparedStatement u = c.prepareStatement("UPDATE standard SET document = ?")) {
        u.setString(1, tree.toString());
        assertThat(u.executeUpdate()).isEqualTo(1);
      }
      try (PreparedStatement u = c.prepareStatement("UPDATE history_event SET source = ?")) {
        u.setString(1, old);
        assertThat(u.executeUpdate()).isPositive();
      }
    }
    try (App app = Fixtures.empty(dir);
        WebServer web = warmUp(app).web().start(0)) {
      Http http = new Http(web.port());
      for (String path : PUBLIC) {
        HttpResponse<String> answer = http.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        assertThat(answer.body()).as(path).doesNotContain("@aisx.example");
      }
      assertThat(http.get("/api/v1/standards/ieee-9000-2026").body())
          .contains("\"source\":\"edit\"")
          .contains("relaton-ieee");
      assertThat(app.json().writeValueAsString(app.catalog().get("ieee-9000-2026")))
          .as("the record as exports write it")
          .doesNotContain("@aisx.example");
    }
  }

  /**
   * Loads the embedding model now: the searches in {@link #PUBLIC} would otherwise start loading it
   * in the background, and a loader still in ONNX Runtime when the test JVM exits crashes it.
   */
  @Test
  void coordinatorsDecisionsOnTheTaxonomyGlossarySuitesAndFieldPolicyShowNoAddress()
      throws Exception {
    try (App app = Fixtures.empty(dir)) {
      org.aisx.account.User coordinator = Fixtures.user(app, COORDINATOR, Role.COORDINATOR);
      Fixtures.user(app, "root@aisx.example", Role.ADMIN);
      app.liveTaxonomy()
          .apply(
              new org.aisx.taxonomy.TaxonomyChange.Define(
                  org.aisx.taxonomy.Dimension.CONCERN, "privacy", java.util.Map.of("en", "Kept.")),
              COORDINATOR,
              null);
      org.aisx.glossary.Mapping pending =
          app.glossary().queue(null, null, 0, 1, 0).stream().findFirst().orElseThrow();
      app.glossary()
          .decide(
              List.of(
                  new org.aisx.glossary.MappingDecision(
                      pending.from(), pending.to(), pending.type(), true)),
              COORDINATOR);
      String suite =
          app.suites()
              .create(
                  new org.aisx.suite.Content(
                      "A suite", "For testing", List.of(), List.of(), List.of(), null),
                  null)
              .suite()
              .id();
      app.suites().publish(suite, coordinator);
      app.submissions().setFieldPolicy(List.of("url"), 0, coordinator);
      try (WebServer web = app.web().start(0)) {
        Http http = new Http(web.port());
        List<String> paths =
            List.of(
                "/taxonomy/history",
                "/taxonomy/concern/privacy",
                "/api/v1/taxonomy/history",
                "/glossary/" + pending.from(),
                "/api/v1/mappings/history?term=" + pending.from(),
                "/review/mappings?state=confirmed",
                "/api/v1/mappings?state=confirmed",
                "/api/v1/suites/" + suite + "/history",
                "/api/v1/field-policy");
        for (String path : paths) {
          HttpResponse<String> answer = http.get(path);
          assertThat(answer.statusCode()).as(path).isEqualTo(200);
          assertThat(answer.body())
              .as(path)
              .doesNotContain("@aisx.example")
              .contains("coordinator");
        }
        String admin = "Bearer " + app.accounts().createToken("root@aisx.example", "test").secret();
        for (String path : paths) {
          assertThat(http.get(path, "Authorization", admin).body()).as(path).contains(COORDINATOR);
        }
      }
    }
  }

  private static App warmUp(App app) {
    app.embedder().embed("warm-up");
    return app;
  }
}
