package org.aisx.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.aisx.catalog.Json;
import org.aisx.catalog.StandardReader;
import org.aisx.ingest.RelatonReader;
import org.aisx.taxonomy.Taxonomy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a whole Relaton feed as an import reads it, nothing written: the gzip stream cut into
 * documents, parsed and mapped on the parsing threads, each record validated. One operation is one
 * pass over the feed ({@code -p feed=...}, a file of ../shared/data); the first iterations show the
 * cold JVM an import starts with, the last ones the warm one. See BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1)
@Warmup(iterations = 0)
@Measurement(iterations = 5, batchSize = 1)
public class RelatonReadBenchmark {
  @Param({"../shared/data/relaton-itu-t.yaml.gz"})
  String feed;

  StandardReader reader;

  @Setup
  public void setUp() {
    reader = new StandardReader(Taxonomy.bundled(Json.mapper()));
  }

  /** Records read in one pass (returned so that the work is not optimised away). */
  @Benchmark
  public int pass() throws IOException {
    int[] outcomes = new int[1];
    try (InputStream in = Files.newInputStream(Path.of(feed))) {
      new RelatonReader("bench", s -> reader.read(s)).read(in, o -> outcomes[0]++);
    }
    return outcomes[0];
  }
}
