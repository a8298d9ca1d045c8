package org.aisx;

import java.nio.file.Path;
import org.aisx.catalog.Progress;
import org.aisx.classify.AiRelevance;

/**
 * Build tool (not in the jar): prints every record of a data directory as one tab-separated line
 * (id, {@code ai} tier, status, type, published, body, identifier, other identifiers joined by " |
 * "), in id order. {@code bench/identifier-checkset.py} draws the fresh identifier check set from
 * it (BENCHMARKS.md, "The identifier table at that size").
 *
 * <pre>
 * CatalogueTiers DATA_DIR &gt; tiers.tsv
 * </pre>
 */
public final class CatalogueTiers {
  private CatalogueTiers() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: CatalogueTiers DATA_DIR");
      System.exit(2);
    }
    try (App app = App.open(Path.of(args[0]), null, Progress.SILENT)) {
      StringBuilder out = new StringBuilder();
      app.catalog()
          .forEach(
              s -> {
                out.setLength(0);
                out.append(s.id())
                    .append('\t')
                    .append(AiRelevance.tier(s).wire())
                    .append('\t')
                    .append(s.status() == null ? "" : s.status().wire())
                    .append('\t')
                    .append(s.type() == null ? "" : s.type().wire())
                    .append('\t')
                    .append(s.published() == null ? "" : s.published())
                    .append('\t')
                    .append(s.sdo() == null ? "" : s.sdo())
                    .append('\t')
                    .append(clean(s.identifier()))
                    .append('\t');
                for (int i = 0; i < s.identifiers().size(); i++) {
                  out.append(i == 0 ? "" : " | ").append(clean(s.identifiers().get(i).value()));
                }
                System.out.println(out);
              });
    }
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ');
  }
}
