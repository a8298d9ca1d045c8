package org.aisx.semantic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Standard;
import org.aisx.search.SearchRequest;

/**
 * How many tokens of a record the model should read: embeds the bundled corpus cut at 512 (the
 * model's limit), 256 and 128 tokens, and reports for each the vectors' cosine to the 512-token
 * ones, the embedding speed, and search quality on the judged query set ({@link SearchEvaluation}:
 * nDCG@10 and recall@10 in semantic and hybrid mode) with the corpus re-indexed with those vectors.
 *
 * <p>The rule, written before running it (BENCHMARKS.md, "Bulk embedding"): keep the shortest limit
 * whose hybrid and semantic nDCG@10 and recall@10 are each no more than 0.005 below the 512-token
 * figures and whose mean cosine to the 512-token vectors is at least 0.99; otherwise 512.
 *
 * <p>{@code java -cp ... org.aisx.semantic.TruncationEvaluation}
 */
public final class TruncationEvaluation {
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("aisx-truncation");
    try (App app = Fixtures.starter(dir.resolve("data"))) {
      List<Standard> records = new ArrayList<>();
      app.catalog().forEach(records::add);
      List<String> texts = records.stream().map(Embedder::textOf).toList();
      List<SearchEvaluation.Judged> queries = SearchEvaluation.queries();
      float[][] full = null;
      System.out.printf(
          Locale.ROOT, "%d records, %d judged queries%n", records.size(), queries.size());
      System.out.println(
          "| tokens | texts cut | mean cosine to 512 | min cosine | texts/s | semantic nDCG@10 |"
              + " semantic recall@10 | hybrid nDCG@10 | hybrid recall@10 |");
      System.out.println("|---|---|---|---|---|---|---|---|---|");
      for (int limit : new int[] {512, 256, 128}) {
        float[][] v;
        int cut = 0;
        long start;
        try (OnnxEncoder encoder = new OnnxEncoder(limit, 1, 2)) {
          for (String t : texts) {
            if (encoder.tokens(t).length == limit) {
              cut++;
            }
          }
          encoder.embed(texts.subList(0, 32)); // warm-up
          start = System.nanoTime();
          v = encoder.embed(texts);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (full == null) {
          full = v;
        }
        double sum = 0;
        double min = 1;
        for (int i = 0; i < v.length; i++) {
          double c = OnnxEncoderTest.cosine(v[i], full[i]);
          sum += c;
          min = Math.min(min, c);
        }
        Map<String, Vectors.Computed> computed = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
          computed.put(
              records.get(i).id(), new Vectors.Computed(Embedder.hash(texts.get(i)), v[i]));
        }
        app.vectors().saveAll(computed);
        records.forEach(s -> app.catalog().reindex(s.id()));
        app.catalog().publish();
        var f = SearchEvaluation.evaluate(app, queries);
        var sem = f.get(SearchRequest.Mode.SEMANTIC);
        var hyb = f.get(SearchRequest.Mode.HYBRID);
        System.out.printf(
            Locale.ROOT,
            "| %d | %d | %.5f | %.5f | %.1f | %.3f | %.3f | %.3f | %.3f |%n",
            limit,
            cut,
            sum / v.length,
            min,
            v.length / seconds,
            sem.ndcg10(),
            sem.recall10(),
            hyb.ndcg10(),
            hyb.recall10());
      }
    }
  }

  private TruncationEvaluation() {}
}
