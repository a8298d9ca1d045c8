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

  /** The index stores hits written directly; the bytes must be Jackson's. */
  @Test
  void hitsAreWrittenAsJacksonWritesThem() throws Exception {
    int n = 0;
    try (InputStream in = getClass().getResourceAsStream("/corpus/starter.json")) {
      for (JsonNode node : json.readTree(in).get("records")) {
        Hit hit = Hit.of(reader.read(node));
        assertThat(hit.json().getBytes(StandardCharsets.UTF_8))
            .as("hit %s", hit.id())
            .isEqualTo(json.writeValueAsBytes(hit));
        n++;
      }
    }
    assertThat(n).isGreaterThan(400);
    Hit odd =
        Hit.of(Standard.builder("X \"1\"").title(Map.of("en", "a\u0001\\b", "fr", "é")).build());
    assertThat(odd.json().getBytes(StandardCharsets.UTF_8)).isEqualTo(json.writeValueAsBytes(odd));
    Hit suggested =
        Hit.of(
            Standard.builder("X 3").title(Map.of("en", "t")).build(),
            Map.of(
                "vertical", java.util.List.of("health", "energy"),
                "concern", java.util.List.of("privacy")));
    assertThat(suggested.json().getBytes(StandardCharsets.UTF_8))
        .isEqualTo(json.writeValueAsBytes(suggested));
    assertThat(suggested.json()).contains("\"suggested\":{\"concern\":[\"privacy\"]");
    Hit emoji = Hit.of(Standard.builder("X 2").title(Map.of("en", "smile \uD83D\uDE00")).build());
    assertThat(emoji.json()).isNull();
  }
}
