package org.aisx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aisx.catalog.Progress;
import org.aisx.glossary.MappingDecision;
import org.aisx.glossary.MappingType;
import org.aisx.search.Hit;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;
import org.aisx.search.SuggestionSource;
import org.aisx.search.VectorSource;

/**
 * Run by hand (docs/glossary.md): the top 10 keyword results of queries in a law's words on the
 * starter catalogue, without the glossary (an index opened with no expansion) and with it, before
 * and after a coordinator confirms "General Purpose AI Model" (EU AI Act) closeMatch "foundation
 * model" (ITU-T F.748.77). The queries: the three the issue names.
 */
public final class GlossaryExpansionEvaluation {
  static final List<String> QUERIES =
      List.of("general-purpose AI model", "automated decision-making", "AI system");

  private GlossaryExpansionEvaluation() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("aisx-glossary-eval-");
    try (App app = Fixtures.starter(dir.resolve("with"));
        SearchIndex without =
            SearchIndex.open(
                dir.resolve("without"), app.json(), VectorSource.NONE, SuggestionSource.NONE)) {
      without.rebuild(app.store, Progress.SILENT);
      print("without the glossary", without);
      print("with the glossary, nothing confirmed", app.index());
      app.glossary()
          .decide(
              List.of(
                  new MappingDecision(
                      "general-purpose-ai-model-eu-ai-act",
                      "foundation-model",
                      MappingType.RELATED,
                      true,
                      MappingType.CLOSE)),
              "evaluation");
      print("with the glossary, GPAI model closeMatch foundation model confirmed", app.index());
    }
  }

  static void print(String condition, SearchIndex index) {
    System.out.println("## " + condition);
    for (String q : QUERIES) {
      var r =
          index.search(
              new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10));
      System.out.printf(Locale.ROOT, "%s (total %d)%n", q, r.total());
      for (Hit h : r.items()) {
        System.out.printf(Locale.ROOT, "  %s | %s%n", h.identifier(), h.title().get("en"));
      }
    }
  }
}
