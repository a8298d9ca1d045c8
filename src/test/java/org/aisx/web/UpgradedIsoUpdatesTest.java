package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.store.IsoUpdatesTurnedTest;
import org.aisx.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue that stored ISO's feed's {@code updates} links as the feed writes them ("ISO
 * 12813:2015 updates ISO 12813:2019"): once the new version opens it, the API says the 2015 edition
 * is updated by the 2019 one (and the 2019 edition that it updates the 2015 one), the record's
 * history says why, and opening it again changes nothing.
 */
class UpgradedIsoUpdatesTest {
  static final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theApiSaysAnOlderIsoEditionIsUpdatedByTheNewerAfterTheUpgrade() throws Exception {
    IsoUpdatesTurnedTest.VERSION_21.write(StoreConfig.embedded(dir));
    List<JsonNode> first = read();
    JsonNode record = first.get(0);
    assertThat(relations(record.get("relations")))
        .containsExactly(
            "replaces ISO/TS 12813:2009",
            "updated-by ISO 12813:2019",
            "updated-by ISO 12813:2015/Amd 1:2017",
            "updates ISO 4610:1977");
    assertThat(record.get("revision").asInt()).isEqualTo(2);
    JsonNode events = first.get(1).get("events");
    JsonNode change = events.get(events.size() - 1);
    assertThat(change.get("kind").asText()).isEqualTo("field-changed");
    assertThat(change.get("field").asText()).isEqualTo("relations");
    assertThat(change.get("source").asText()).isEqualTo("aisx-upgrade");
    assertThat(first.get(2).get("inverseRelations").toString())
        .contains("\"updates\"")
        .contains(IsoUpdatesTurnedTest.FEED_ID)
        .doesNotContain("\"updated-by\"");

    List<JsonNode> second = read();
    assertThat(second).isEqualTo(first);
  }

  /** The 2015 record, its history and the 2019 record, as the API sends them, from a new start. */
  List<JsonNode> read() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      WebServer server = app.web().start(0);
      try {
        Http http = new Http(server.port());
        List<JsonNode> out = new ArrayList<>();
        for (String path :
            List.of(
                "/api/v1/standards/" + IsoUpdatesTurnedTest.FEED_ID,
                "/api/v1/standards/" + IsoUpdatesTurnedTest.FEED_ID + "/history",
                "/api/v1/standards/iso-12813-2019")) {
          HttpResponse<String> answer = http.get(path);
          assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
          out.add(json.readTree(answer.body()));
        }
        return out;
      } finally {
        server.close();
      }
    }
  }

  static List<String> relations(JsonNode relations) {
    List<String> out = new ArrayList<>();
    relations.forEach(r -> out.add(r.get("type").asText() + " " + r.get("target").asText()));
    return out;
  }
}
