package org.aisx.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.search.Hit;
import org.aisx.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the labelled query set and checks what the semantic layer promises on it. */
class SearchEvaluationTest {
  @TempDir Path dir;

  @Test
  void hybridAndSemanticBeatKeywordOnTheLabelledQuerySet() throws Exception {
    List<SearchEvaluation.Judged> queries = SearchEvaluation.queries();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(40);
    try (App app = Fixtures.starter(dir)) {
      Map<SearchRequest.Mode, SearchEvaluation.Figures> f = SearchEvaluation.evaluate(app, queries);
      double keyword = f.get(SearchRequest.Mode.KEYWORD).ndcg10();
      System.out.printf(
          java.util.Locale.ROOT,
          "nDCG@10 on the judged queries: keyword %.3f, semantic %.3f, hybrid %.3f%n",
          keyword,
          f.get(SearchRequest.Mode.SEMANTIC).ndcg10(),
          f.get(SearchRequest.Mode.HYBRID).ndcg10());
      // The margin was 0.1 on the 501-record corpus the queries were judged on. The 994-record
      // corpus of 2026-12-04 adds 493 records nobody judged, which count as not relevant, and
      // semantic search then missed records above its similarity floor (an HNSW walk stopped
      // below it): keyword 0.285, semantic 0.318, hybrid 0.363, and the margins were lowered. With
      // every record above the floor found (CloseInMeaning, issue 21) and keyword search no longer
      // asking for stop words in other languages' fields, the margin is 0.1 again.
      assertThat(f.get(SearchRequest.Mode.HYBRID).ndcg10()).isGreaterThan(keyword + 0.1);
      assertThat(f.get(SearchRequest.Mode.SEMANTIC).ndcg10()).isGreaterThan(keyword + 0.1);
      assertThat(f.get(SearchRequest.Mode.HYBRID).recall10())
          .isGreaterThan(f.get(SearchRequest.Mode.KEYWORD).recall10());
    }
  }

  @Test
  void theMetricsRewardTheRightOrder() {
    Map<String, Integer> rel = Map.of("a", 2, "b", 1);
    List<Hit> best = List.of(hit("a"), hit("b"), hit("c"));
    List<Hit> worse = List.of(hit("c"), hit("b"), hit("a"));
    assertThat(SearchEvaluation.ndcgAt10(best, rel)).isEqualTo(1.0);
    assertThat(SearchEvaluation.ndcgAt10(worse, rel)).isLessThan(0.7).isPositive();
    assertThat(SearchEvaluation.recallAt10(List.of(hit("b")), rel)).isEqualTo(0.5);
  }

  private static Hit hit(String id) {
    return new Hit(
        id, id, Map.of(), null, null, null, null, null, null, null, null, List.of(), List.of(),
        List.of(), List.of(), Map.of(), List.of());
  }
}
