package org.aisx.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.taxonomy.Taxonomy;

/**
 * Build tool (not in the jar): prints every record of an aisx-json corpus file as one tab-separated
 * line (id, {@code ai} tier, the relevance rule that fired, body, identifier), in the file's order,
 * each record read as {@code AiTierEvaluationTest} reads {@code starter.json}. Which mapping it
 * applies is whichever {@link AiRelevance} the class path gives first: {@code
 * bench/tier-4-sample.py} runs it once as built and once with the third mapping's class before
 * {@code target/classes} (docs/ai-corpus.md, "Fourth sample").
 *
 * <pre>
 * CorpusTiers src/main/resources/corpus/starter.json &gt; tiers.tsv
 * </pre>
 */
public final class CorpusTiers {
  private CorpusTiers() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: CorpusTiers CORPUS.json");
      System.exit(2);
    }
    ObjectMapper json = Json.mapper();
    StandardReader reader = new StandardReader(Taxonomy.bundled(json));
    StringBuilder out = new StringBuilder();
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      for (JsonNode r : json.readTree(in).path("records")) {
        Standard s = reader.read(r);
        AiRelevance.Verdict v = AiRelevance.judge(s);
        out.setLength(0);
        out.append(s.id())
            .append('\t')
            .append(AiRelevance.tier(s).wire())
            .append('\t')
            .append(v.rule() == null ? "" : v.rule())
            .append('\t')
            .append(s.sdo() == null ? "" : s.sdo())
            .append('\t')
            .append(s.identifier() == null ? "" : clean(s.identifier()));
        System.out.println(out);
      }
    }
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ');
  }
}
