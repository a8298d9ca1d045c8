package org.aisx.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.aisx.catalog.Json;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;
import org.aisx.search.SearchResult;

/**
 * Where {@link SearchBenchmark}'s tail comes from: each of its queries timed on its own over an
 * imported catalogue's own index (a plain loop, not JMH: warm-up rounds over all queries first,
 * then each query {@code RUNS} times in turn). Prints hits, median and p99 per query. With {@code
 * hybrid}, the default mode of the service: each query embedded once beforehand, as the service's
 * cache of query vectors holds it (run with {@code --add-modules jdk.incubator.vector}, as {@code
 * bin/aisx} runs the service, for its int8 vector scan).
 *
 * <pre>java -cp ... org.aisx.bench.SearchQueryTimes DATA_DIR [RUNS [hybrid]]</pre>
 */
public final class SearchQueryTimes {
  private SearchQueryTimes() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    boolean hybrid = args.length > 2 && args[2].equals("hybrid");
    java.util.Map<String, float[]> vectors = new java.util.HashMap<>();
    if (hybrid) {
      org.aisx.semantic.Embedder embedder = new org.aisx.semantic.Embedder();
      for (SearchBenchmark.Query q : SearchBenchmark.QUERIES) {
        vectors.put(q.q(), embedder.query(q.q()));
      }
    }
    try (SearchIndex index = SearchIndex.open(data.resolve("index"), Json.mapper())) {
      for (int round = 0; round < 50; round++) {
        for (SearchBenchmark.Query q : SearchBenchmark.QUERIES) {
          search(index, q, vectors);
        }
      }
      for (SearchBenchmark.Query q : SearchBenchmark.QUERIES) {
        long[] nanos = new long[runs];
        long hits = 0;
        for (int i = 0; i < runs; i++) {
          long t = System.nanoTime();
          hits = search(index, q, vectors).total();
          nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.println(
            String.format(
                Locale.ROOT,
                "%-36s %-28s hits %7d  median %6.2f ms  p99 %6.2f ms",
                "\"" + q.q() + "\"",
                q.filters(),
                hits,
                nanos[runs / 2] / 1e6,
                nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6));
      }
    }
  }

  private static SearchResult search(
      SearchIndex index, SearchBenchmark.Query q, java.util.Map<String, float[]> vectors) {
    SearchRequest request =
        new SearchRequest(q.q(), q.filters(), null, null, SearchRequest.Sort.RELEVANCE, 1, 20);
    float[] v = vectors.get(q.q());
    return v == null
        ? index.search(request)
        : index.search(request.withMode(SearchRequest.Mode.HYBRID), v);
  }
}
