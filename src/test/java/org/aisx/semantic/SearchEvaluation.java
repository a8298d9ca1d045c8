package org.aisx.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Json;
import org.aisx.search.Hit;
import org.aisx.search.SearchRequest;

/**
 * Runs the labelled query set ({@code src/test/resources/eval/queries.json}) against the bundled
 * corpus in each search mode and reports nDCG@10, recall@10 and latency (query embedding included).
 * {@code java -cp ... org.aisx.semantic.SearchEvaluation}; {@code SearchEvaluationTest} runs it and
 * checks that hybrid beats keyword.
 */
public final class SearchEvaluation {

  /** A query and its judged records: grade 2 answers the need, grade 1 helps. */
  record Judged(String id, String query, Map<String, Integer> relevant) {}

  /** Mean figures of one mode over the query set. */
  record Figures(double ndcg10, double recall10, double medianMs, double p95Ms) {}

  static List<Judged> queries() throws IOException {
    try (InputStream in = SearchEvaluation.class.getResourceAsStream("/eval/queries.json")) {
      JsonNode root = Json.mapper().readTree(in);
      List<Judged> out = new ArrayList<>();
      for (JsonNode q : root.get("queries")) {
        Map<String, Integer> rel = new LinkedHashMap<>();
        q.get("relevant").fields().forEachRemaining(e -> rel.put(e.getKey(), e.getValue().asInt()));
        out.add(new Judged(q.get("id").asText(), q.get("query").asText(), rel));
      }
      return out;
    }
  }

  static Map<SearchRequest.Mode, Figures> evaluate(App app, List<Judged> queries) {
    HybridSearch search = app.hybridSearch();
    Map<SearchRequest.Mode, Figures> out = new EnumMap<>(SearchRequest.Mode.class);
    // Warm up the model and the index.
    for (Judged q : queries.subList(0, Math.min(5, queries.size()))) {
      search.search(request(q.query(), SearchRequest.Mode.HYBRID));
    }
    for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
      double ndcg = 0;
      double recall = 0;
      double[] ms = new double[queries.size()];
      for (int i = 0; i < queries.size(); i++) {
        Judged q = queries.get(i);
        // Each query is new text for the cache, so its embedding time is counted.
        long start = System.nanoTime();
        List<Hit> hits =
            new HybridSearch(app.index(), app.vectors(), app.embedder())
                .search(request(q.query(), mode))
                .items();
        ms[i] = (System.nanoTime() - start) / 1e6;
        ndcg += ndcgAt10(hits, q.relevant());
        recall += recallAt10(hits, q.relevant());
      }
      Arrays.sort(ms);
      out.put(
          mode,
          new Figures(
              ndcg / queries.size(),
              recall / queries.size(),
              ms[ms.length / 2],
              ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)]));
    }
    return out;
  }

  static SearchRequest request(String q, SearchRequest.Mode mode) {
    return new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10, mode);
  }

  static double ndcgAt10(List<Hit> hits, Map<String, Integer> relevant) {
    double dcg = 0;
    for (int i = 0; i < Math.min(10, hits.size()); i++) {
      int g = relevant.getOrDefault(hits.get(i).id(), 0);
      dcg += (Math.pow(2, g) - 1) / log2(i + 2);
    }
    List<Integer> ideal = new ArrayList<>(relevant.values());
    ideal.sort((a, b) -> b - a);
    double idcg = 0;
    for (int i = 0; i < Math.min(10, ideal.size()); i++) {
      idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  static double recallAt10(List<Hit> hits, Map<String, Integer> relevant) {
    long found = hits.stream().limit(10).filter(h -> relevant.getOrDefault(h.id(), 0) > 0).count();
    return relevant.isEmpty() ? 0 : (double) found / Math.min(10, relevant.size());
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("aisx-eval");
    try (App app = Fixtures.starter(dir)) {
      List<Judged> queries = queries();
      Map<SearchRequest.Mode, Figures> figures = evaluate(app, queries);
      System.out.printf(
          Locale.ROOT,
          "%d queries, bundled corpus of %d records%n",
          queries.size(),
          app.catalog().count());
      System.out.println("| mode | nDCG@10 | recall@10 | median ms | p95 ms |");
      System.out.println("|---|---|---|---|---|");
      figures.forEach(
          (mode, f) ->
              System.out.printf(
                  Locale.ROOT,
                  "| %s | %.3f | %.3f | %.1f | %.1f |%n",
                  mode.wire(),
                  f.ndcg10(),
                  f.recall10(),
                  f.medianMs(),
                  f.p95Ms()));
    }
  }

  private SearchEvaluation() {}
}
