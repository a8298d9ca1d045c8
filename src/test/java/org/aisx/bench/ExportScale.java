package org.aisx.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aisx.App;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.export.ExportFormat;
import org.aisx.search.SearchRequest;

/**
 * Whether {@code export} streams: fills a data directory with synthetic records (once), then
 * exports all of them in each format and prints the records written, the file size, the time and
 * the peak heap in use after any collection (the JVM's own pool figures). Run by hand with a small
 * heap, which a non-streaming export of the catalogue would not fit in (BENCHMARKS.md):
 *
 * <pre>
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) org.aisx.bench.ExportScale fill DIR 250000
 * java -Xmx128m -cp ... org.aisx.bench.ExportScale export DIR
 * </pre>
 */
public final class ExportScale {
  private ExportScale() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[1]);
    if (args[0].equals("fill")) {
      fill(data, Integer.parseInt(args[2]));
      return;
    }
    try (App app = App.open(data, null, Progress.SILENT)) {
      System.out.printf(Locale.ROOT, "catalogue: %d records%n", app.catalog().count());
      for (ExportFormat format : ExportFormat.values()) {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          pool.resetPeakUsage();
        }
        SearchRequest all = app.searchParams().forExport(Map.of());
        Path file = Files.createTempFile("aisx-export", "." + format.wire());
        long start = System.nanoTime();
        long n;
        try (OutputStream out = Files.newOutputStream(file)) {
          n = app.exporter().export(all, format, "https://aisx.example.org/", out, Progress.SILENT);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          if (pool.getType() == MemoryType.HEAP) {
            peak += pool.getPeakUsage().getUsed();
          }
        }
        System.out.printf(
            Locale.ROOT,
            "%-6s %8d records  %8.1f MB file  %6.1f s  peak heap in use %6.1f MB (max %d MB)%n",
            format.wire(),
            n,
            Files.size(file) / 1e6,
            seconds,
            peak / 1e6,
            Runtime.getRuntime().maxMemory() / (1 << 20));
        Files.delete(file);
      }
    }
  }

  private static void fill(Path data, int n) {
    try (App app = App.open(data, null, Progress.SILENT)) {
      List<Standard> starter = new ArrayList<>();
      app.catalog().forEach(starter::add);
      if (starter.isEmpty()) {
        app.loadStarterCorpusIfEmpty(Progress.SILENT);
        app.catalog().forEach(starter::add);
      }
      SyntheticCorpus synthetic = new SyntheticCorpus(starter, 42);
      Catalog catalog = app.catalog();
      List<Catalog.Contribution> batch = new ArrayList<>();
      for (int i = (int) catalog.count(); i < n; i++) {
        batch.add(new Catalog.Contribution(synthetic.record(i), null));
        if (batch.size() == 1000 || i == n - 1) {
          catalog.importAll(batch, "bench", "synthetic", (incoming, stored) -> incoming);
          catalog.publish();
          batch.clear();
          if (i % 10_000 < 1000) {
            System.out.printf(Locale.ROOT, "%d records%n", i + 1);
          }
        }
      }
      System.out.printf(Locale.ROOT, "filled: %d records%n", catalog.count());
    }
  }
}
