package org.aisx.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 6: the {@code ai} facet's core tier on judged samples (docs/ai-corpus.md, "Core and
 * adjacent"). The third sample ({@code eval/ai-tier-sample-3.json}) measured the third mapping; the
 * fourth mapping was written after reading its misses (and the tier-recall sample's), so all three
 * samples are now tuning data and only guard that the mapping still does on them what it was
 * written to do. The fourth mapping's measurement is the fourth sample ({@code
 * eval/ai-tier-sample-4.json}, drawn blind; judged by another judge without the tiers in {@code
 * eval/ai-tier-sample-4.json}; the tiers and sample membership, committed after the judging, in
 * {@code eval/ai-tier-sample-4-tiers.tsv}). The fifth mapping was written from the fourth sample's
 * misses too, so all four samples are tuning data for it; its measurement is the fifth sample
 * (docs/ai-corpus.md, "Fifth sample"; judged blind in {@code eval/ai-tier-sample-5a.json}). The
 * figures are printed.
 */
class AiTierEvaluationTest {
  /** Core precision and recall of one judged sample. */
  record Figures(int sampled, int tieredCore, int judgedCore, int both) {
    double precision() {
      return (double) both / tieredCore;
    }

    double recall() {
      return (double) both / judgedCore;
    }
  }

  @Test
  void theCoreTierIsPreciseAndCompleteOnTheThirdJudgedSample() throws Exception {
    Figures f = measure("/eval/ai-tier-sample-3.json");
    assertThat(f.sampled()).isEqualTo(100);
    // Measured 2026-12-04 on this sample (strict reading, the judge's label "core" only): core
    // precision 71/76 = 0.934 [0.855, 0.972], recall 71/72 = 0.986 [0.925, 0.998]. The issue's
    // bar is 0.9 and 0.95; both point figures meet it, neither interval's lower end does
    // (docs/ai-corpus.md). These floors guard what was measured, one record below it. With IEEE's
    // 2025 harvest in the corpus (1,054 records) the same judgements give 72/77 and 72/72: IEEE
    // P2884's new record has an abstract that makes it core (the mapping is unchanged). Under the
    // fourth mapping, which was written after reading this sample's misses (so this is no longer
    // a measurement): 72/75 and 72/72 (IEEE 2755 and IEC's "Edge intelligence" are adjacent now);
    // under the fifth: 72/73 and 72/72 (W3C SRGS and SISR adjacent; ITU-T H.248.9 Amd. 1 is left).
    assertThat(f.precision()).isGreaterThanOrEqualTo(0.92);
    assertThat(f.recall()).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void theTuningSamplesStillGetWhatTheThirdMappingWasWrittenFor() throws Exception {
    // Tuning data, not a measurement: first sample 78/79 and 78/78, second 71/72 and 71/71 (the
    // one false core left in each is named in docs/ai-corpus.md, "Third mapping"). Under the fifth
    // mapping the second sample has a second false core, ITU-T Q.5001 ("intelligent edge
    // computing"): the step it was written for was dropped ("Fifth mapping", change 6), 71/73.
    Map<String, Integer> falseCores =
        Map.of("/eval/ai-tier-sample.json", 1, "/eval/ai-tier-sample-2.json", 2);
    for (String sample : List.of("/eval/ai-tier-sample.json", "/eval/ai-tier-sample-2.json")) {
      Figures f = measure(sample);
      assertThat(f.sampled()).as(sample).isEqualTo(100);
      assertThat(f.tieredCore() - f.both())
          .as(sample + ": false cores")
          .isLessThanOrEqualTo(falseCores.get(sample));
      assertThat(f.judgedCore() - f.both()).as(sample + ": missed cores").isZero();
    }
  }

  @Test
  void theCoreTierIsPreciseAndCompleteOnTheFourthJudgedSample() throws Exception {
    // Sample 4a: 100 records of the rebuilt corpus, drawn and judged blind by the rule committed
    // before the draw (docs/ai-corpus.md, "Fourth sample"). Measured 2026-12-05, strict reading,
    // for the fourth mapping: core precision 61/71 = 0.859 [0.760, 0.922], recall 61/64 = 0.953
    // [0.871, 0.984]; the third mapping on the same records 56/64 = 0.875 and 56/64 = 0.875. The
    // fifth mapping was written from 4a's misses (and 4b's, the tier-recall sample's, the third
    // sample's), so on 4a it is tuning data, not a measurement: 63/69 = 0.913 [0.823, 0.960] and
    // 63/64 = 0.984 [0.917, 0.997]. The floors guard that, one record below it; the fifth
    // mapping's measurement is the fifth sample (docs/ai-corpus.md, "Fifth sample").
    Figures f = measure("/eval/ai-tier-sample-4.json", sampleFour(1));
    assertThat(f.sampled()).isEqualTo(100);
    assertThat(f.precision()).isGreaterThanOrEqualTo(0.898);
    assertThat(f.recall()).isGreaterThanOrEqualTo(0.968);
  }

  @Test
  void theFifthMappingAgreesWithTheJudgeOnTheFourthMappingsChanges() throws Exception {
    // Sample 4b: every corpus record whose tier the fourth mapping moved (81). The fourth mapping's
    // core agreed with the judge's strict reading on 58/81; the fifth mapping, written from the 23
    // that disagreed, on 80/81 (NIST IR 7754 is left). Tuning data; guarded one record below.
    Figures f = measure("/eval/ai-tier-sample-4.json", sampleFour(2));
    assertThat(f.sampled()).isEqualTo(81);
    int agree = f.sampled() - (f.tieredCore() - f.both()) - (f.judgedCore() - f.both());
    assertThat(agree).isGreaterThanOrEqualTo(79);
  }

  @Test
  void theCoreTierIsPreciseAndCompleteOnTheFifthJudgedSample() throws Exception {
    // Sample 5a: 100 of the 138 corpus records in no earlier sample, drawn and judged blind by the
    // rule committed before the draw (docs/ai-corpus.md, "Fifth sample"); the judge's file is
    // eval/ai-tier-sample-5a.json (committed as returned, as bench/tier-5a-judged.json). Measured
    // 2026-12-05, strict reading, for the fifth mapping: core
    // precision 66/67 = 0.985 [0.920, 0.997], recall 66/67 = 0.985 [0.920, 0.997] (IEEE
    // P2660_1/D-2-2020-06 tiered core, judged adjacent; ITU-T P.1199 (07/2026) tiered adjacent,
    // judged core; both marked doubtful). The fourth mapping on the same records: 66/72 = 0.917 and
    // 66/67. The floors guard what was measured, one record below it. The tier measured here
    // includes the AI census's reviews (TierReviews), which make ITU-T P.1199 (07/2026) core, as
    // this sample's judge called it: 67/68 and 67/67 (the rules alone: 66/67 and 66/67).
    Figures f = measure("/eval/ai-tier-sample-5a.json", null);
    assertThat(f.sampled()).isEqualTo(100);
    assertThat(f.judgedCore()).isEqualTo(67);
    assertThat(f.precision()).isGreaterThanOrEqualTo(0.970);
    assertThat(f.recall()).isGreaterThanOrEqualTo(0.970);
  }

  /**
   * The ids of sample 4a (column 1 of the tiers file committed after the judging) or 4b (column 2).
   */
  private Set<String> sampleFour(int column) throws Exception {
    Set<String> ids = new HashSet<>();
    try (InputStream in = getClass().getResourceAsStream("/eval/ai-tier-sample-4-tiers.tsv")) {
      List<String> lines =
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split("\t", -1);
        if (!cells[column].isEmpty()) {
          ids.add(cells[0]);
        }
      }
    }
    return ids;
  }

  private Figures measure(String sample) throws Exception {
    return measure(sample, null);
  }

  /**
   * The figures over the judged records of {@code sample} whose id is in {@code only} (all: null).
   */
  private Figures measure(String sample, Set<String> only) throws Exception {
    ObjectMapper json = Json.mapper();
    StandardReader reader = new StandardReader(Taxonomy.bundled(json));
    Map<String, Standard> corpus = new HashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/corpus/starter.json")) {
      for (JsonNode r : json.readTree(in).path("records")) {
        Standard s = reader.read(r);
        corpus.put(s.id(), s);
      }
    }
    int tieredCore = 0;
    int both = 0;
    int judgedCore = 0;
    int sampled = 0;
    try (InputStream in = getClass().getResourceAsStream(sample)) {
      for (JsonNode row : json.readTree(in).path("records")) {
        if (only != null && !only.contains(row.path("id").asText())) {
          continue;
        }
        Standard s = corpus.get(row.path("id").asText());
        assertThat(s).as(row.path("id").asText()).isNotNull();
        sampled++;
        boolean core = AiRelevance.tier(s) == AiRelevance.Tier.CORE;
        boolean judged = row.path("judged").asText().equals("core");
        tieredCore += core ? 1 : 0;
        judgedCore += judged ? 1 : 0;
        both += core && judged ? 1 : 0;
        if (core != judged) {
          System.out.printf(
              Locale.ROOT,
              "ai tier (%s): %s tiered %s, judged %s: %s%n",
              sample,
              s.id(),
              AiRelevance.tier(s).wire(),
              row.path("judged").asText(),
              s.titleIn("en"));
        }
      }
    }
    Figures f = new Figures(sampled, tieredCore, judgedCore, both);
    System.out.printf(
        Locale.ROOT,
        "ai tier on %s (%d judged records): core precision %d/%d = %.3f %s, recall %d/%d = %.3f"
            + " %s%n",
        sample,
        sampled,
        both,
        tieredCore,
        f.precision(),
        wilson(both, tieredCore),
        both,
        judgedCore,
        f.recall(),
        wilson(both, judgedCore));
    return f;
  }

  /** The Wilson score interval at 95 %, as "[low, high]". */
  static String wilson(int successes, int n) {
    double z = 1.96;
    double p = (double) successes / n;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
    return String.format(Locale.ROOT, "[%.3f, %.3f]", centre - half, centre + half);
  }
}
