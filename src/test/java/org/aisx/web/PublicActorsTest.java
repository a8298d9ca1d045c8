package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
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
}
