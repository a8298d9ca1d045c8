package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIncludeProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  /**
   * The fields {@link StandardJson} writes, the record's fields when the store stopped using it: a
   * field added since is written by Jackson alone ({@code StandardFieldsTest} checks its name and
   * place), so the oracle compares the bytes of these.
   */
  @JsonIncludeProperties({
    "id",
    "identifier",
    "identifiers",
    "title",
    "abstract",
    "sdo",
    "committee",
    "type",
    "status",
    "stage",
    "published",
    "edition",
    "url",
    "kind",
    "keywords",
    "verticals",
    "activities",
    "applications",
    "concerns",
    "suggestions",
    "useCases",
    "openSource",
    "codeRepository",
    "relations",
    "source",
    "revision"
  })
  private abstract static class OracleFields {}

  private final ObjectMapper json = Json.mapper().addMixIn(Standard.class, OracleFields.class);
  private final StandardReader reader = new StandardReader(Taxonomy.bundled(json));

  static List<Standard> starterCorpus(ObjectMapper json, StandardReader reader) throws Exception {
    try (InputStream in = JsonWriterTest.class.getResourceAsStream("/corpus/starter.json")) {
      List<Standard> records = new ArrayList<>();
      for (JsonNode node : json.readTree(in).get("records")) {
        records.add(reader.read(node));
      }
      return records;
    }
  }

  private void assertWrittenLikeJackson(Standard s) throws Exception {
    assertThat(StandardJson.of(s)).as("json of %s", s.id()).isEqualTo(json.writeValueAsString(s));
  }

  @Test
  void writesEveryBundledRecordAsJacksonDoes() throws Exception {
    List<Standard> records = starterCorpus(json, reader);
    assertThat(records).hasSizeGreaterThan(400);
    for (Standard s : records) {
      assertWrittenLikeJackson(s);
      assertWrittenLikeJackson(s.toBuilder().source("relaton-itu-t").revision(7).build());
    }
  }

  @Test
  void escapesAndNumbersAsJacksonDoes() throws Exception {
    Standard full =
        Standard.builder("ISO/IEC 42001:2023")
            .title(Map.of("fr", "Titre « é »", "en", "Quote \" and \\ backslash", "de", "x"))
            .summary(Map.of("en", "Tab\tnew\nline\r\b\f \u0001\u001f\u007f\u0085\u2028 </script>"))
            .identifiers(List.of(new Identifier("URN", "urn:x"), new Identifier("DOI", "10.1/x")))
            .suggestions(
                Map.of(
                    "concern",
                    List.of(
                        new Suggestion("management-systems", 0.75, "title"),
                        new Suggestion("x", 1.0E-5, null)),
                    "activity",
                    List.of(new Suggestion("governance", 1.0, null), new Suggestion("y", 0, "z"))))
            .useCases(List.of(new UseCase("A use", "https://example.org"), new UseCase("B", null)))
            .openSource(true)
            .codeRepository("https://github.com/x/y")
            .relations(List.of(Relation.of(RelationType.REPLACES, "ISO/IEC 42001:2020")))
            .keywords(List.of("ai", "management"))
            .edition("2")
            .kind(Kind.PUBLICATION)
            .type(PublicationType.TECHNICAL_REPORT)
            .status(Status.WITHDRAWN)
            .build();
    assertWrittenLikeJackson(full);
    assertWrittenLikeJackson(full.toBuilder().openSource(false).build());
    assertWrittenLikeJackson(Standard.builder("X 1").build());
  }

  @Test
  void writesRandomTextAsJacksonDoesOrLeavesItToJackson() throws Exception {
    Random random = new Random(3);
    for (int run = 0; run < 5_000; run++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(20); i > 0; i--) {
        int kind = random.nextInt(4);
        text.append(
            (char)
                (kind == 0
                    ? random.nextInt(0x80)
                    : kind == 1
                        ? random.nextInt(0x800)
                        : kind == 2 ? 'a' : random.nextInt(0x10000)));
      }
      Standard s =
          Standard.builder("X " + run).title(Map.of("en", text.toString())).stage("s").build();
      String written = StandardJson.of(s);
      boolean surrogate = text.chars().anyMatch(c -> Character.isSurrogate((char) c));
      if (surrogate) {
        assertThat(written).isNull();
      } else {
        assertThat(written).isEqualTo(json.writeValueAsString(s));
      }
    }
  }
}
