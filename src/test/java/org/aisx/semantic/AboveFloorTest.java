package org.aisx.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: a search by meaning finds every record at least {@link SearchIndex#SIMILARITY_FLOOR}
 * similar to the query. For each judged query of {@code eval/queries.json}, the records the index
 * counts as close in meaning ({@link SearchIndex#matchingIds} in semantic mode) are compared with
 * an exact scan: the cosine of the query's vector with every stored vector. The test prints the
 * recall of the above-floor set (micro over records, with a Wilson 95% interval, and per query)
 * before it checks it.
 */
class AboveFloorTest {
  @TempDir Path dir;

  /** What the index found and what the exact scan found, for one query. */
  record Compared(String id, String query, Set<String> exact, Set<String> found) {
    int missed() {
      Set<String> m = new HashSet<>(exact);
      m.removeAll(found);
      return m.size();
    }
  }

  static List<Compared> compare(App app, List<SearchEvaluation.Judged> queries) {
    Map<String, float[]> stored = new HashMap<>();
    app.index().forEachEmbedded(e -> stored.put(e.hit().id(), e.vector()));
    // A W3C dated edition folded into its latest version is listed as its twin's card, not again.
    stored
        .keySet()
        .removeIf(id -> org.aisx.editions.Twins.foldedInto(app.catalog().get(id)).isPresent());
    List<Compared> out = new ArrayList<>();
    for (SearchEvaluation.Judged q : queries) {
      float[] v = app.hybridSearch().queryVector(q.query());
      Set<String> exact = new HashSet<>();
      stored.forEach(
          (id, w) -> {
            if (SimilarityFloorEvaluation.cosine(v, w) >= SearchIndex.SIMILARITY_FLOOR) {
              exact.add(id);
            }
          });
      SearchRequest request = SearchEvaluation.request(q.query(), SearchRequest.Mode.SEMANTIC);
      out.add(new Compared(q.id(), q.query(), exact, app.index().matchingIds(request, v)));
    }
    return out;
  }

  static double[] wilson(long hits, long n) {
    if (n == 0) {
      return new double[] {0, 1};
    }
    double z = 1.96;
    double p = (double) hits / n;
    double denom = 1 + z * z / n;
    double centre = (p + z * z / (2 * n)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
    return new double[] {centre - half, centre + half};
  }

  static void print(List<Compared> compared) {
    long exact = 0;
    long found = 0;
    int emptyButShouldNot = 0;
    int withMiss = 0;
    double macro = 0;
    int macroN = 0;
    for (Compared c : compared) {
      exact += c.exact().size();
      found += c.exact().size() - c.missed();
      if (!c.exact().isEmpty()) {
        macro += (double) (c.exact().size() - c.missed()) / c.exact().size();
        macroN++;
        if (c.exact().size() == c.missed()) {
          emptyButShouldNot++;
        }
      }
      if (c.missed() > 0) {
        withMiss++;
        System.out.printf(
            Locale.ROOT,
            "  %s \"%s\": %d above the floor, %d found%n",
            c.id(),
            c.query(),
            c.exact().size(),
            c.exact().size() - c.missed());
      }
    }
    double[] ci = wilson(found, exact);
    System.out.printf(
        Locale.ROOT,
        "Above-floor recall over %d judged queries: %d of %d records (%.3f, Wilson 95%% [%.3f,"
            + " %.3f]); mean per query %.3f over the %d queries with records above the floor;"
            + " %d queries miss some, %d find none of theirs%n",
        compared.size(),
        found,
        exact,
        exact == 0 ? 1.0 : (double) found / exact,
        ci[0],
        ci[1],
        macroN == 0 ? 1.0 : macro / macroN,
        macroN,
        withMiss,
        emptyButShouldNot);
  }

  @Test
  void everyRecordAboveTheSimilarityFloorIsFoundByMeaning() throws Exception {
    try (App app = Fixtures.starter(dir)) {
      List<Compared> compared = compare(app, SearchEvaluation.queries());
      print(compared);
      // With the graph walked only through records above the floor (FloatVectorSimilarityQuery's
      // traversal similarity at the result floor), queries whose entry point is below it found
      // nothing although records were above it.
      assertThat(compared).allSatisfy(c -> assertThat(c.found()).containsAll(c.exact()));
      assertThat(compared.stream().mapToInt(c -> c.exact().size()).sum()).isPositive();
    }
  }
}
