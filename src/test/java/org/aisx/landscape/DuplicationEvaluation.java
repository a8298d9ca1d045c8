package org.aisx.landscape;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;

/**
 * Prints the topic clusters of the starter catalogue and the sample of flagged duplication pairs
 * that docs/landscape.md's rule draws (sorted by ids; every ⌊N/50⌋-th when there are more than 50),
 * with identifiers, titles and abstracts to judge from; the first argument, if any, is the floor.
 * Run by hand:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *   org.aisx.landscape.DuplicationEvaluation
 * </pre>
 */
public final class DuplicationEvaluation {
  private DuplicationEvaluation() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("aisx-duplication");
    try (App app = Fixtures.starter(dir)) {
      double floor = args.length > 0 ? Double.parseDouble(args[0]) : Topics.DUPLICATE_FLOOR;
      Topics.Snapshot s = app.topics().compute(Progress.SILENT, floor);
      System.out.printf(Locale.ROOT, "%d embedded, k=%d, %d ms%n", s.embedded(), s.k(), s.millis());
      for (Topics.Topic t : s.topics()) {
        System.out.printf(
            Locale.ROOT,
            "topic %d (%d records, %.0f %% drafts): %s | %s%n",
            t.number(),
            t.size(),
            100 * t.draftShare(),
            String.join(", ", t.words()),
            t.bodies());
      }
      List<Topics.Pair> pairs = new ArrayList<>(s.duplicates());
      pairs.sort(
          Comparator.comparing((Topics.Pair p) -> p.a().id()).thenComparing(p -> p.b().id()));
      List<Topics.Pair> sample = new ArrayList<>();
      int step = pairs.size() > 50 ? pairs.size() / 50 : 1;
      for (int i = 0; i < pairs.size() && sample.size() < 50; i += step) {
        sample.add(pairs.get(i));
      }
      System.out.printf(
          Locale.ROOT,
          "%nfloor %.2f: %d flagged pairs, %d judged%n",
          floor,
          pairs.size(),
          sample.size());
      int n = 1;
      for (Topics.Pair p : sample) {
        System.out.printf(Locale.ROOT, "%n#%d%n", n++);
        print(app, p.a());
        print(app, p.b());
      }
    }
  }

  private static void print(App app, Topics.Member m) {
    Standard s = app.catalog().find(m.id()).orElseThrow();
    String summary = Standard.pick(s.summary(), "en");
    System.out.printf(
        Locale.ROOT,
        "  %s [%s, %s, %s] %s%n    %s%n",
        s.identifier(),
        s.sdo(),
        s.committee(),
        s.status() == null ? "" : s.status().wire(),
        s.titleIn("en"),
        summary == null ? "" : summary.substring(0, Math.min(300, summary.length())));
  }
}
