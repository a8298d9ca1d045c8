package org.aisx.classify;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aisx.App;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.semantic.BundledVectors;
import org.aisx.semantic.Vectors;

/**
 * Build tool (not in the jar): the CPU time the classifier takes per record, over the bundled
 * corpus with its shipped vectors, six rounds in one JVM (the first ones warm the JIT). Run it on
 * two builds in the same minutes and compare the rounds (BENCHMARKS.md, "Several nodes"):
 *
 * <pre>
 * java -cp target/classes:target/test-classes:CLASSPATH org.aisx.classify.ClassifyBench [zero-shot]
 * </pre>
 */
public final class ClassifyBench {
  private ClassifyBench() {}

  public static void main(String[] args) throws Exception {
    Path scratch = Files.createTempDirectory("aisx-classify-bench");
    try (App app = App.open(scratch, null, Progress.SILENT)) {
      app.loadStarterCorpusIfEmpty(Progress.SILENT);
      List<Standard> records = new ArrayList<>();
      app.catalog().forEach(records::add);
      Map<String, Vectors.Computed> vectors = BundledVectors.read();
      Classifier shipped = new Classifier(app.taxonomy(), app.embedder());
      // "zero-shot": without the learned model, to compare its cost in the same minutes.
      Classifier classifier =
          List.of(args).contains("zero-shot") ? shipped.with(ConceptModel.NONE) : shipped;
      classifier.profiles();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (int round = 0; round < 6; round++) {
        long cpu = threads.getCurrentThreadCpuTime();
        int n = 0;
        for (Standard s : records) {
          Vectors.Computed v = vectors.get(s.id());
          if (v != null) {
            classifier.classify(s, v.vector(), Examples.NONE, Set.of());
            n++;
          }
        }
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        System.out.printf(
            Locale.ROOT,
            "round %d: %d records, %.2f ms CPU per record%n",
            round,
            n,
            cpu / 1e6 / Math.max(1, n));
      }
    }
  }
}
