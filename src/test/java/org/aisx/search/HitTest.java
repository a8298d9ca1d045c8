package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

class HitTest {
  private final ObjectMapper json = Json.mapper();
  private final StandardReader reader = new StandardReader(Taxonomy.bundled(json));

  /** The index writes hits with Jackson; the bytes must be those the hand writer stored before. */
  @Test
  void hitsAreStoredAsTheyWereBefore() throws Exception {
    int n = 0;
    try (InputStream in = getClass().getResourceAsStream("/corpus/starter.json")) {
      for (JsonNode node : json.readTree(in).get("records")) {
        Hit hit = Hit.of(reader.read(node));
        assertThat(handWritten(hit).getBytes(StandardCharsets.UTF_8))
            .as("hit %s", hit.id())
            .isEqualTo(json.writeValueAsBytes(hit));
        n++;
      }
    }
    assertThat(n).isGreaterThan(400);
    Hit odd =
        Hit.of(Standard.builder("X \"1\"").title(Map.of("en", "a\u0001\\b", "fr", "é")).build());
    assertThat(handWritten(odd).getBytes(StandardCharsets.UTF_8))
        .isEqualTo(json.writeValueAsBytes(odd));
    Hit suggested =
        Hit.of(
            Standard.builder("X 3").title(Map.of("en", "t")).build(),
            Map.of(
                "vertical", java.util.List.of("health", "energy"),
                "concern", java.util.List.of("privacy")));
    assertThat(handWritten(suggested).getBytes(StandardCharsets.UTF_8))
        .isEqualTo(json.writeValueAsBytes(suggested));
    assertThat(json.writeValueAsString(suggested))
        .contains("\"suggested\":{\"concern\":[\"privacy\"]");
    Hit emoji = Hit.of(Standard.builder("X 2").title(Map.of("en", "smile \uD83D\uDE00")).build());
    assertThat(handWritten(emoji)).isNull();
    assertThat(json.writeValueAsString(emoji)).contains("smile \uD83D\uDE00");
  }

  /**
   * The hand-written hit writer the index used before it wrote hits with Jackson, kept as the
   * oracle: the index must store the same bytes as before (null when it could not say).
   */
  static String handWritten(Hit h) {
    org.aisx.catalog.JsonWriter w = new org.aisx.catalog.JsonWriter().beginObject();
    w.name("id").value(h.id());
    w.name("identifier").value(h.identifier());
    w.name("title").texts(h.title());
    w.name("sdo").value(h.sdo());
    w.name("committee").value(h.committee());
    w.name("type").value(h.type() == null ? null : h.type().wire());
    w.name("status").value(h.status() == null ? null : h.status().wire());
    w.name("stage").value(h.stage());
    w.name("published").value(h.published());
    w.name("edition").value(h.edition());
    w.name("url").value(h.url());
    w.name("verticals").strings(h.verticals());
    w.name("activities").strings(h.activities());
    w.name("applications").strings(h.applications());
    w.name("concerns").strings(h.concerns());
    w.name("suggested").beginObject();
    for (Map.Entry<String, java.util.List<String>> e :
        org.aisx.catalog.JsonWriter.sorted(h.suggested()).entrySet()) {
      w.name(e.getKey()).strings(e.getValue());
    }
    w.endObject();
    w.endObject();
    return w.exact() ? w.toString() : null;
  }
}
