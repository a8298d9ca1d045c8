package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

class RecordTreeTest {
  private final ObjectMapper json = Json.mapper();
  private final StandardReader reader = new StandardReader(Taxonomy.bundled(json));

  private List<Standard> starterCorpus() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/corpus/starter.json")) {
      List<Standard> records = new ArrayList<>();
      for (JsonNode node : json.readTree(in).get("records")) {
        records.add(reader.read(node));
      }
      return records;
    }
  }

  /** Every property, in order, with Jackson's node types: what validation reads is the same. */
  private void assertSameTree(Standard s) {
    JsonNode jackson = json.valueToTree(s);
    JsonNode direct = RecordTree.of(s);
    assertThat(direct).as("tree of %s", s.id()).isEqualTo(jackson);
    assertThat(fieldNames(direct)).isEqualTo(fieldNames(jackson));
    assertThat(direct.toString()).isEqualTo(jackson.toString());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void buildsWhatJacksonBuildsForEveryBundledRecord() throws Exception {
    List<Standard> records = starterCorpus();
    assertThat(records).hasSizeGreaterThan(400);
    for (Standard s : records) {
      assertSameTree(s);
      assertSameTree(s.toBuilder().source("relaton-iec").revision(3).build());
    }
  }

  @Test
  void buildsWhatJacksonBuildsForNullsAndRarelyUsedFields() {
    Standard bare = Standard.builder("X 1").build();
    assertSameTree(bare);
    Standard full =
        Standard.builder("ISO/IEC 42001:2023")
            .title(Map.of("fr", "Titre", "en", "Title", "de", "Titel"))
            .summary(Map.of("en", "Abstract"))
            .identifiers(List.of(new Identifier("URN", "urn:x"), new Identifier("DOI", "10.1/x")))
            .suggestions(
                Map.of(
                    "concern",
                    List.of(new Suggestion("management-systems", 0.75, "title")),
                    "activity",
                    List.of(new Suggestion("governance", 1.0, null))))
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
    assertSameTree(full);
    assertSameTree(full.toBuilder().openSource(false).build());
  }

  @Test
  void readingARecordValidatesItLikeItsJson() throws Exception {
    for (Standard s : starterCorpus()) {
      assertThat(reader.read(s)).isEqualTo(reader.read((JsonNode) json.valueToTree(s)));
    }
    Standard invalid =
        Standard.builder("  ")
            .title(Map.of("english", "x"))
            .url("ftp://example.org")
            .verticals(List.of("no-such-concept"))
            .published("2023-02-30")
            .build();
    CatalogException.Invalid direct =
        catchThrowableOfType(CatalogException.Invalid.class, () -> reader.read(invalid));
    CatalogException.Invalid viaJackson =
        catchThrowableOfType(
            CatalogException.Invalid.class,
            () -> reader.read((JsonNode) json.valueToTree(invalid)));
    assertThat(direct).isNotNull();
    assertThat(direct.getMessage()).isEqualTo(viaJackson.getMessage());
  }
}
