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
import org.aisx.store.RelationTargetsNamedTest;
import org.aisx.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue whose relations an older version stored with a record's id as the target ({@code
 * iso-iec-42001-2023}): once the new version opens it, the API's JSON names the target by its
 * identifier, the record's history says so, and opening it again changes nothing.
 */
class UpgradedRelationTargetsTest {
  static final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theApiNamesARelationTargetStoredAsARecordIdByItsIdentifierAfterTheUpgrade()
      throws Exception {
    RelationTargetsNamedTest.VERSION_19.write(StoreConfig.embedded(dir));
    JsonNode first = read();
    assertThat(targets(first.get("record")))
        .containsExactly(
            RelationTargetsNamedTest.TARGET,
            "ISO/IEC 23894:2023",
            RelationTargetsNamedTest.UNKNOWN);
    assertThat(first.get("record").get("revision").asInt()).isEqualTo(2);
    JsonNode change = first.get("history").get(first.get("history").size() - 1);
    assertThat(change.get("kind").asText()).isEqualTo("field-changed");
    assertThat(change.get("field").asText()).isEqualTo("relations");
    assertThat(change.get("revision").asInt()).isEqualTo(2);

    JsonNode second = read();
    assertThat(second.get("record")).isEqualTo(first.get("record"));
    assertThat(second.get("history")).isEqualTo(first.get("history"));
  }

  /** The record holding the relations and its history, as the API sends them, from a new start. */
  JsonNode read() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      WebServer server = app.web().start(0);
      try {
        Http http = new Http(server.port());
        HttpResponse<String> record =
            http.get("/api/v1/standards/" + RelationTargetsNamedTest.SOURCE_ID);
        assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
        HttpResponse<String> history =
            http.get("/api/v1/standards/" + RelationTargetsNamedTest.SOURCE_ID + "/history");
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        return json.createObjectNode()
            .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                "record", json.readTree(record.body()))
            .set("history", items(json.readTree(history.body())));
      } finally {
        server.close();
      }
    }
  }

  static JsonNode items(JsonNode history) {
    return history.get("events");
  }

  static List<String> targets(JsonNode record) {
    List<String> out = new ArrayList<>();
    record.get("relations").forEach(r -> out.add(r.get("target").asText()));
    return out;
  }
}
