package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The record's fields are listed once, by its components; JSON and the reader follow them. */
class StandardFieldsTest {
  @Test
  void theFieldsAreTheComponentsInTheOrderJsonWritesThem() throws Exception {
    // statusInferred is written only when true, fieldSources only when not empty: give both.
    Standard s =
        Standard.builder("ISO/IEC 42001:2023")
            .title(Map.of("en", "AI"))
            .statusInferred(true)
            .fieldSources(Map.of("title", List.of("relaton-iec")))
            .build();
    JsonNode written = Json.mapper().readTree(Json.mapper().writeValueAsString(s));
    List<String> names = new ArrayList<>();
    written.fieldNames().forEachRemaining(names::add);
    assertThat(Standard.FIELDS).isEqualTo(names);
    assertThat(Standard.FIELDS).contains("abstract").doesNotContain("summary");
    assertThat(Standard.FIELDS).hasSize(Standard.class.getRecordComponents().length);
  }
}
