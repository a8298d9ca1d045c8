package org.aisx.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.aisx.App;
import org.aisx.catalog.Progress;
import org.aisx.landscape.Topics;

/**
 * Times whole topic computations ({@link Topics#compute}: k-means, c-TF-IDF labels, duplication
 * signals) over every embedded record of a data directory, on this thread, with no background job
 * running beside it: the clustering's cost at a catalogue's size (BENCHMARKS.md, "Landscape").
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.aisx.bench.ClusteringTime DIR [RUNS]
 * </pre>
 */
public final class ClusteringTime {
  private ClusteringTime() {}

  public static void main(String[] args) {
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    try (App app = App.open(Path.of(args[0]), null, Progress.SILENT)) {
      for (int i = 1; i <= runs; i++) {
        long started = System.nanoTime();
        Topics.Snapshot s = app.topics().compute(Progress.SILENT);
        System.out.printf(
            Locale.ROOT,
            "run %d: %.1f s wall; %d embedded records, %d without a vector, k = %d, %d topics,"
                + " %d duplication signals%n",
            i,
            (System.nanoTime() - started) / 1e9,
            s.embedded(),
            s.withoutVector(),
            s.k(),
            s.topics().size(),
            s.duplicates().size());
      }
    }
  }
}
