package org.aisx.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Json;
import org.aisx.search.CloseInMeaning;
import org.aisx.search.SearchIndex;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.FloatVectorSimilarityQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.FSDirectory;

/**
 * Issue 21: what finding every record above the similarity floor costs. Simple repeated timing (not
 * JMH: each query's answer is also compared), on a Lucene index of its own built from the bundled
 * corpus's stored vectors (default HNSW settings, DOT_PRODUCT, as {@code IndexSchema} indexes them)
 * and, given sizes as arguments, of that many vectors: the bundled ones and perturbed copies (unit
 * vector + Gaussian noise of sd 0.03 per dimension, renormalised, seed 21), a stand-in for a bigger
 * catalogue whose neighbourhoods are denser than real ones.
 *
 * <p>For the 58 judged queries of {@code eval/queries.json}, each way of finding the records at
 * least {@link SearchIndex#SIMILARITY_FLOOR} similar is timed (3 warm-up passes, then 10 timed
 * passes; collecting the matching doc ids) and its set compared with the exact scan's:
 *
 * <ul>
 *   <li>{@code old}: {@code FloatVectorSimilarityQuery} with traversal similarity = the floor;
 *   <li>{@code new}: {@link CloseInMeaning} as shipped (exact scan up to {@link
 *       CloseInMeaning#EXACT_UP_TO} vectors, k-NN with growing k above);
 *   <li>{@code knn}: {@link CloseInMeaning} forced onto its k-NN path;
 *   <li>{@code exact}: {@link CloseInMeaning} forced onto its exact scan (the reference set).
 * </ul>
 *
 * <p>Run: {@code java -cp $CP org.aisx.bench.SimilarityFloorBenchmark [size ...]}, CP as in
 * BENCHMARKS.md.
 */
public final class SimilarityFloorBenchmark {
  private SimilarityFloorBenchmark() {}

  private static final String FIELD = "vector";

  public static void main(String[] args) throws Exception {
    Path tmp = Files.createTempDirectory("aisx-floor-bench");
    List<float[]> corpus = new ArrayList<>();
    List<float[]> queries = new ArrayList<>();
    try (App app = Fixtures.starter(tmp.resolve("app"))) {
      app.index().forEachEmbedded(e -> corpus.add(e.vector()));
      for (String q : judgedQueries()) {
        queries.add(app.hybridSearch().queryVector(q));
      }
    }
    List<Integer> sizes = new ArrayList<>();
    sizes.add(corpus.size());
    for (String a : args) {
      sizes.add(Integer.parseInt(a));
    }
    System.out.printf(
        Locale.ROOT,
        "%d queries, floor %.2f, %d processors, load %s%n",
        queries.size(),
        SearchIndex.SIMILARITY_FLOOR,
        Runtime.getRuntime().availableProcessors(),
        Files.readString(Path.of("/proc/loadavg")).trim());
    System.out.println(
        "| vectors | way | above-floor recall | queries missing some | median ms | p95 ms | mean"
            + " ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (int size : sizes) {
      Path dir = tmp.resolve("index-" + size);
      build(dir, vectors(corpus, size));
      try (FSDirectory d = FSDirectory.open(dir);
          DirectoryReader reader = DirectoryReader.open(d)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        List<BitSet> truth = new ArrayList<>();
        for (float[] q : queries) {
          truth.add(
              matches(
                  searcher,
                  new CloseInMeaning(FIELD, q, SearchIndex.SIMILARITY_FLOOR, Integer.MAX_VALUE)));
        }
        for (String way : List.of("old", "new", "knn", "exact")) {
          run(size, way, searcher, queries, truth);
        }
      }
    }
  }

  static Query query(String way, float[] q) {
    double floor = SearchIndex.SIMILARITY_FLOOR;
    return switch (way) {
      case "old" -> new FloatVectorSimilarityQuery(FIELD, q, (float) ((1 + floor) / 2));
      case "new" -> new CloseInMeaning(FIELD, q, floor);
      case "knn" -> new CloseInMeaning(FIELD, q, floor, 0);
      case "exact" -> new CloseInMeaning(FIELD, q, floor, Integer.MAX_VALUE);
      default -> throw new IllegalArgumentException(way);
    };
  }

  static void run(
      int size, String way, IndexSearcher searcher, List<float[]> queries, List<BitSet> truth)
      throws IOException {
    long relevant = 0;
    long found = 0;
    int missing = 0;
    for (int i = 0; i < queries.size(); i++) {
      BitSet got = matches(searcher, query(way, queries.get(i)));
      BitSet hit = (BitSet) truth.get(i).clone();
      hit.and(got);
      relevant += truth.get(i).cardinality();
      found += hit.cardinality();
      if (hit.cardinality() < truth.get(i).cardinality()) {
        missing++;
      }
    }
    for (int pass = 0; pass < 3; pass++) {
      for (float[] q : queries) {
        matches(searcher, query(way, q));
      }
    }
    int passes = 10;
    double[] ms = new double[passes * queries.size()];
    int n = 0;
    for (int pass = 0; pass < passes; pass++) {
      for (float[] q : queries) {
        long start = System.nanoTime();
        matches(searcher, query(way, q));
        ms[n++] = (System.nanoTime() - start) / 1e6;
      }
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "| %d | %s | %d of %d (%.3f) | %d | %.2f | %.2f | %.2f |%n",
        size,
        way,
        found,
        relevant,
        relevant == 0 ? 1.0 : (double) found / relevant,
        missing,
        ms[ms.length / 2],
        ms[(int) Math.ceil(ms.length * 0.95) - 1],
        Arrays.stream(ms).average().orElse(0));
  }

  /** The global doc ids {@code query} matches. */
  static BitSet matches(IndexSearcher searcher, Query query) throws IOException {
    BitSet out = new BitSet();
    searcher.search(
        query,
        new SimpleCollector() {
          int base;

          @Override
          protected void doSetNextReader(LeafReaderContext context) {
            base = context.docBase;
          }

          @Override
          public void collect(int doc) {
            out.set(base + doc);
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        });
    return out;
  }

  static List<float[]> vectors(List<float[]> corpus, int size) {
    List<float[]> out = new ArrayList<>(corpus.subList(0, Math.min(size, corpus.size())));
    Random r = new Random(21);
    for (int i = out.size(); i < size; i++) {
      float[] base = corpus.get(i % corpus.size());
      float[] v = new float[base.length];
      double norm = 0;
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) (base[j] + 0.03 * r.nextGaussian());
        norm += v[j] * v[j];
      }
      for (int j = 0; j < v.length; j++) {
        v[j] /= (float) Math.sqrt(norm);
      }
      out.add(v);
    }
    return out;
  }

  static void build(Path dir, List<float[]> vectors) throws IOException {
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      for (float[] v : vectors) {
        Document doc = new Document();
        doc.add(new KnnFloatVectorField(FIELD, v, VectorSimilarityFunction.DOT_PRODUCT));
        w.addDocument(doc);
      }
      w.commit();
    }
  }

  static List<String> judgedQueries() throws IOException {
    try (InputStream in =
        SimilarityFloorBenchmark.class.getResourceAsStream("/eval/queries.json")) {
      JsonNode root = Json.mapper().readTree(in);
      List<String> out = new ArrayList<>();
      for (JsonNode q : root.get("queries")) {
        out.add(q.get("query").asText());
      }
      return out;
    }
  }
}
