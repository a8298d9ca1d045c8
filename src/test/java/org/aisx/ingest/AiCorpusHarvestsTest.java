package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.Test;

/**
 * The bundled corpus reads IEEE's 2025 harvest over its 2024 one, as the importer merges them
 * ({@link AiCorpus#mergeHarvests}), on the real records of {@code fixtures/merge} (the P3400
 * drafts, IEEE 1012-2016 and 7001-2021 from both harvests, IEEE 3400-2025 from the newer only).
 */
class AiCorpusHarvestsTest {
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

  private static List<Standard> harvest(String fixture, String source) throws Exception {
    List<Standard> records = new ArrayList<>();
    try (InputStream in =
        AiCorpusHarvestsTest.class.getResourceAsStream("/fixtures/merge/" + fixture)) {
      new RelatonReader(source)
          .read(
              in,
              o -> {
                if (o instanceof RelatonReader.Outcome.Mapped m) {
                  records.add(m.standard());
                }
              });
    }
    return records;
  }

  private static Map<String, Standard> byId(List<Standard> records) {
    return records.stream().collect(Collectors.toMap(Standard::id, Function.identity()));
  }

  @Test
  void theNewerHarvestsRecordOfAnIdWinsAndItsNewStandardsAreAdded() throws Exception {
    List<Standard> older = harvest("ieee-2024.yaml", "relaton-ieee");
    List<Standard> newer = harvest("ieee-2025.yaml", "relaton-ieee-2025");

    Map<String, Standard> merged =
        byId(AiCorpus.mergeHarvests(older, newer, "relaton-ieee-2025", log));

    assertThat(merged).hasSize(6);
    // IEEE 1012-2016 was Active in 2024 and is Superseded in 2025: the 2025 record is the one.
    assertThat(merged.get("ieee-1012-2016").status()).isEqualTo(Status.SUPERSEDED);
    assertThat(merged.get("ieee-1012-2016").source()).isEqualTo("relaton-ieee-2025");
    // The standard the P3400 drafts became, only in 2025, under the shorter identifier.
    assertThat(merged.get("ieee-3400-2025").identifier()).isEqualTo("IEEE 3400-2025");
    // The drafts are still drafts as the feed gives them (the editions pass marks them replaced
    // when the corpus is loaded), but their record is the 2025 one (stage Inactive).
    assertThat(merged.get("ieee-p3400-d-4-2024-07").status()).isEqualTo(Status.DRAFT);
    assertThat(merged.get("ieee-p3400-d-4-2024-07").stage()).isEqualTo("Inactive");
    assertThat(merged.get("ieee-p3400-d-4-2024-07").source()).isEqualTo("relaton-ieee-2025");
  }

  @Test
  void aRecordOnlyTheOlderHarvestGivesStays() throws Exception {
    List<Standard> older = harvest("ieee-2024.yaml", "relaton-ieee");
    List<Standard> newer =
        harvest("ieee-2025.yaml", "relaton-ieee-2025").stream()
            .filter(s -> !s.id().equals("ieee-7001-2021"))
            .toList();

    Map<String, Standard> merged =
        byId(AiCorpus.mergeHarvests(older, newer, "relaton-ieee-2025", log));

    assertThat(merged.get("ieee-7001-2021").source()).isEqualTo("relaton-ieee");
    assertThat(logBytes.toString(StandardCharsets.UTF_8))
        .contains("4 ids of the older harvest replaced")
        .contains("1 records only in the newer harvest, 1 only in the older");
  }

  @Test
  void aNewerRecordWhoseIdentifierOnlySlugsAlikeDoesNotOverwriteTheOlder() throws Exception {
    List<Standard> older = harvest("ieee-2024.yaml", "relaton-ieee");
    List<Standard> newer =
        harvest("ieee-2025.yaml", "relaton-ieee-2025").stream()
            .map(
                s ->
                    s.id().equals("ieee-1012-2016")
                        ? s.toBuilder().identifier("IEEE 1012 2016").build()
                        : s)
            .toList();

    Map<String, Standard> merged =
        byId(AiCorpus.mergeHarvests(older, newer, "relaton-ieee-2025", log));

    assertThat(merged.get("ieee-1012-2016").identifier()).isEqualTo("IEEE 1012-2016");
    assertThat(merged.get("ieee-1012-2016").status()).isEqualTo(Status.IN_FORCE);
    assertThat(logBytes.toString(StandardCharsets.UTF_8))
        .contains("1 refused as look-alikes")
        .contains("refused IEEE 1012 2016 (looks like IEEE 1012-2016)");
  }

  @Test
  void theNewerHarvestIsReadAsTheFeedItIsASnapshotOf() {
    Standard draft =
        Standard.builder("IEEE P3400/D-4-2024-07")
            .title(Map.of("en", "x"))
            .source("relaton-ieee-2025")
            .build();
    assertThat(AiCorpus.family(draft)).isEqualTo("IEEE 3400");
  }
}
