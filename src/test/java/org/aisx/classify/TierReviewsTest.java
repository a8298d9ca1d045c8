package org.aisx.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.classify.AiRelevance.Tier;
import org.junit.jupiter.api.Test;

/** The tiers an editorial review decided (the AI census) win over the rules, and only those. */
class TierReviewsTest {
  @Test
  void aReviewedRecordIsCoreWhereNoRuleWouldTakeIt() {
    // NIST IR 8491, as the NIST feed gives it: no rule names "presentation attack detection
    // algorithms" of face analysis; both census judges called it core.
    Standard fate =
        Standard.builder("NIST IR 8491")
            .title(
                Map.of(
                    "en",
                    "Face Analysis Technology Evaluation (FATE) Part 10: Performance of Passive,"
                        + " Software-based Presentation Attack Detection (PAD) Algorithms"))
            .build();
    Standard sameTextOtherId = Standard.builder("NIST IR 9491").title(fate.title()).build();

    assertThat(fate.id()).isEqualTo("nist-ir-8491");
    assertThat(AiRelevance.tier(fate)).isEqualTo(Tier.CORE);
    assertThat(AiRelevance.judge(fate).rule()).isEqualTo(AiRelevance.REVIEWED);
    assertThat(AiRelevance.judge(fate).evidence()).startsWith("AI census 2026-12-05");
    assertThat(AiRelevance.tier(sameTextOtherId)).isNotEqualTo(Tier.CORE);
    assertThat(AiRelevance.isAi(sameTextOtherId)).isFalse();
  }

  @Test
  void theBundledReviewsAreTheCensusCoresAndLoad() {
    // 91 census cores by both judges, less ITU-T Y.3173 and F.748.15, which an earlier committed
    // tier sample judged adjacent (src/test/resources/eval/ai-census.md, supplement 3).
    assertThat(TierReviews.BUNDLED.size()).isEqualTo(89);
    assertThat(TierReviews.BUNDLED.of("itu-t-y-3173-02-2020")).isEmpty();
    assertThat(TierReviews.BUNDLED.of("itu-t-f-748-15-03-2022")).isEmpty();
    assertThat(TierReviews.BUNDLED.of("nist-ir-8491"))
        .hasValueSatisfying(r -> assertThat(r.tier()).isEqualTo(Tier.CORE));
    assertThat(TierReviews.BUNDLED.of("iso-iec-42001-2023")).isEmpty();
    assertThat(TierReviews.BUNDLED.of(null)).isEmpty();
  }

  @Test
  void theBundledReviewsAreExactlyWhatTheCommittedJudgementsGive() throws Exception {
    // bench/ai-census.py reviews, recomputed from the committed files: a record both judges of a
    // pair called core, unless an earlier committed tier sample judged it other than core.
    Set<String> againstIt = new HashSet<>();
    for (String sample :
        List.of(
            "ai-tier-sample.json",
            "ai-tier-sample-2.json",
            "ai-tier-sample-3.json",
            "ai-tier-sample-4.json",
            "ai-tier-sample-5a.json",
            "ai-tier-recall-judged.json")) {
      for (JsonNode r : records(sample)) {
        if (r.hasNonNull("judged") && !r.get("judged").asText().equals("core")) {
          againstIt.add(r.get("id").asText());
        }
      }
    }
    Set<String> expected = new TreeSet<>();
    for (int[] pair : new int[][] {{1, 2}, {3, 4}}) {
      Map<String, String> first = calls("ai-census-judged-" + pair[0] + ".json");
      Map<String, String> second = calls("ai-census-judged-" + pair[1] + ".json");
      first.forEach(
          (id, call) -> {
            if (call.equals("core") && "core".equals(second.get(id)) && !againstIt.contains(id)) {
              expected.add(id);
            }
          });
    }
    assertThat(expected).hasSize(89).doesNotContain("itu-t-y-3173-02-2020");
    assertThat(new TreeSet<>(TierReviews.BUNDLED.ids())).isEqualTo(expected);
  }

  private static Map<String, String> calls(String file) throws Exception {
    Map<String, String> calls = new HashMap<>();
    for (JsonNode r : records(file)) {
      calls.put(r.get("id").asText(), r.get("judged").asText());
    }
    return calls;
  }

  private static List<JsonNode> records(String file) throws Exception {
    try (InputStream in = TierReviewsTest.class.getResourceAsStream("/eval/" + file)) {
      assertThat(in).as(file).isNotNull();
      List<JsonNode> out = new ArrayList<>();
      Json.mapper().readTree(in).path("records").forEach(out::add);
      return out;
    }
  }

  @Test
  void aMalformedLineFailsNamingItsNumberAndText() {
    assertThatThrownBy(() -> load("# reviews\nx-1\tcore\tbasis\nx-2\tcentral\tbasis\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("x-2\tcentral\tbasis");
    assertThatThrownBy(() -> load("x-1\tcore\n"))
        .hasMessageContaining("line 1")
        .hasMessageContaining("core|adjacent|other");
  }

  @Test
  void aSecondReviewOfOneRecordFails() {
    assertThatThrownBy(() -> load("x-1\tcore\tone\n\nx-1\tadjacent\ttwo\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("a second review of 'x-1'");
  }

  @Test
  void commentsAndBlankLinesAreSkipped() {
    TierReviews reviews = load("# header\n\nx-1\tadjacent\tbasis\n");
    assertThat(reviews.size()).isEqualTo(1);
    assertThat(reviews.of("x-1")).hasValue(new TierReviews.Review("x-1", Tier.ADJACENT, "basis"));
  }

  private static TierReviews load(String text) {
    return TierReviews.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
