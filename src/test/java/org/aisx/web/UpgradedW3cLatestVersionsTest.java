package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.store.StoreConfig;
import org.aisx.store.W3cLatestVersionsJoinedTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue that stored W3C's undated latest versions and their dated editions linked only as
 * related: once the new version opens it, the API and the record pages read them as identical
 * texts, and the undated record whose only edition is retired is withdrawn, in the API and in
 * searches by status, without importing W3C's feed again.
 */
class UpgradedW3cLatestVersionsTest {
  static final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aW3cLatestVersionReadsIdenticalToItsEditionAndTakesItsStatusAfterTheUpgrade()
      throws Exception {
    W3cLatestVersionsJoinedTest.VERSION_23.write(StoreConfig.embedded(dir));
    try (App app = Fixtures.empty(dir)) {
      WebServer server = app.web().start(0);
      try {
        Http http = new Http(server.port());
        JsonNode latest = get(http, "/api/v1/standards/" + W3cLatestVersionsJoinedTest.LATEST_ID);
        assertThat(latest.get("status").asText()).isEqualTo("withdrawn");
        assertThat(UpgradedIsoUpdatesTest.relations(latest.get("relations")))
            .containsExactly("identical W3C WD-ngram-spec-20010103");
        JsonNode edition = get(http, "/api/v1/standards/" + W3cLatestVersionsJoinedTest.EDITION_ID);
        assertThat(UpgradedIsoUpdatesTest.relations(edition.get("relations")))
            .containsExactly("identical W3C ngram-spec");

        Document page =
            UpgradedIsoDraftLinksTest.page(
                http, "/standards/" + W3cLatestVersionsJoinedTest.SEEDED_ID + "?lang=en");
        assertThat(UpgradedIsoDraftLinksTest.rows(page))
            .anyMatch(r -> r.startsWith("Identical text W3C REC-speech-grammar-20040316"))
            .noneMatch(r -> r.startsWith("Related to W3C REC-speech-grammar-20040316"));

        // The index follows the store: wait for the state, with a generous deadline.
        String withdrawn = "/api/v1/standards?sdo=W3C&status=withdrawn&size=50";
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode answer = get(http, withdrawn);
        while (!answer.get("items").toString().contains(W3cLatestVersionsJoinedTest.LATEST_ID)
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(50);
          answer = get(http, withdrawn);
        }
        assertThat(answer.get("items").toString())
            .contains("\"id\":\"" + W3cLatestVersionsJoinedTest.LATEST_ID + "\"");
        assertThat(get(http, "/api/v1/standards?sdo=W3C&status=draft&size=50").toString())
            .doesNotContain("\"id\":\"" + W3cLatestVersionsJoinedTest.LATEST_ID + "\"");
      } finally {
        server.close();
      }
    }
  }

  private static JsonNode get(Http http, String path) throws Exception {
    HttpResponse<String> answer = http.get(path);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }
}
