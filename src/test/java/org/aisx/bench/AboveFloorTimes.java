package org.aisx.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.search.CloseInMeaning;
import org.aisx.search.QuantizedScan;
import org.aisx.search.SearchIndex;
import org.aisx.semantic.Embedder;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;

/**
 * The search for every record above the similarity floor ({@link CloseInMeaning}) over an embedded
 * catalogue's own index, by exact scan and by the growing k-NN, for the 30 requests of {@code
 * bench/fts-queries.sh} embedded as the service embeds queries: time per query (three rounds, one
 * thread) and how many records each way finds. The exact scan both over the float vectors alone and
 * with the int8 scan in front ({@code int8}, when the JVM has the JDK's vector API: run with {@code
 * --add-modules jdk.incubator.vector}). A plain loop, not JMH.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp ... org.aisx.bench.AboveFloorTimes DATA_DIR
 * </pre>
 */
public final class AboveFloorTimes {
  private AboveFloorTimes() {}

  public static void main(String[] args) throws Exception {
    List<String> queries = new ArrayList<>();
    Matcher m =
        Pattern.compile("\"([^\"|]+)\\|[^\"]*\"")
            .matcher(Files.readString(Path.of("bench/fts-queries.sh")).split("QUERIES=\\(", 2)[1]);
    while (m.find()) {
      queries.add(m.group(1));
    }
    Embedder embedder = new Embedder();
    List<float[]> vectors = new ArrayList<>();
    for (String q : queries) {
      vectors.add(embedder.query(q));
    }
    try (DirectoryReader reader =
        DirectoryReader.open(FSDirectory.open(Path.of(args[0]).resolve("index")))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      System.out.println(
          "segments "
              + reader.leaves().size()
              + ", records "
              + reader.numDocs()
              + ", queries "
              + queries.size());
      QuantizedScan int8 = QuantizedScan.fastest("vector").orElse(null);
      for (int round = 0; round < 2; round++) {
        for (String way :
            int8 == null ? List.of("k-NN", "exact") : List.of("k-NN", "exact", "int8")) {
          int exactUpTo = way.equals("k-NN") ? 0 : Integer.MAX_VALUE;
          long[] nanos = new long[vectors.size() * 3];
          int n = 0;
          long found = 0;
          for (int rep = 0; rep < 3; rep++) {
            for (float[] v : vectors) {
              long t = System.nanoTime();
              Query q =
                  searcher.rewrite(
                      new CloseInMeaning(
                          "vector",
                          v,
                          SearchIndex.SIMILARITY_FLOOR,
                          exactUpTo,
                          way.equals("int8") ? int8 : null));
              nanos[n++] = System.nanoTime() - t;
              if (rep == 0) {
                found += searcher.count(q);
              }
            }
          }
          Arrays.sort(nanos);
          if (way.equals("int8") && round == 0) {
            System.out.printf(Locale.ROOT, "int8 copies: %.1f MB%n", int8.bytes() / 1e6);
          }
          System.out.println(
              String.format(
                  Locale.ROOT,
                  "%-9s median %6.1f ms  p90 %6.1f ms  max %6.1f ms  records above the floor %d",
                  way,
                  nanos[n / 2] / 1e6,
                  nanos[(int) (n * 0.9)] / 1e6,
                  nanos[n - 1] / 1e6,
                  found));
        }
      }
    }
  }
}
