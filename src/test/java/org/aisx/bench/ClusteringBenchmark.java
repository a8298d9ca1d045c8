package org.aisx.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aisx.App;
import org.aisx.catalog.Progress;
import org.aisx.landscape.Topics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole computation of the topic clusters and duplication signals ({@link Topics#compute}) on
 * the catalogue a new service starts with (the bundled corpus and its bundled embeddings), as the
 * background job runs it after a change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
public class ClusteringBenchmark {
  Path dir;
  App app;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("aisx-bench-topics");
    app = App.open(dir, null, Progress.SILENT);
    app.loadStarterCorpusIfEmpty(Progress.SILENT);
  }

  @Benchmark
  public Topics.Snapshot clusterTheCatalogue() {
    return app.topics().compute(Progress.SILENT);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    app.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
