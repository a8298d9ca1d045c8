package org.aisx;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.aisx.catalog.Json;
import org.aisx.catalog.Progress;
import org.aisx.search.Hit;
import org.aisx.search.SearchRequest;

/**
 * Build tool (not in the jar): runs the judged identifier table ({@code eval/identifiers.json},
 * every scope) against a data directory, such as one holding the full shared-feed catalogue, and
 * prints success@1 per mode and per body, and every miss. Records without a vector yet are still
 * found by identifier and by words; the table's scope "full" names records only that catalogue has.
 * Rows whose expected record the catalogue lacks are counted apart and not run; an empty data
 * directory is first given the bundled corpus. BENCHMARKS.md gives the command.
 *
 * <pre>
 * IdentifierTable DATA_DIR src/test/resources/eval/identifiers.json
 * </pre>
 */
public final class IdentifierTable {
  private IdentifierTable() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: IdentifierTable DATA_DIR identifiers.json");
      System.exit(2);
    }
    List<JsonNode> rows = new ArrayList<>();
    try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
      Json.mapper().readTree(in).path("queries").forEach(rows::add);
    }
    try (App app = App.open(Path.of(args[0]), null, Progress.SILENT)) {
      // An empty data directory gets the bundled corpus, as serve's first start does.
      app.loadStarterCorpusIfEmpty(Progress.SILENT);
      app.embedder().loadInBackground();
      while (!app.embedder().ready()) {
        Thread.sleep(100);
      }
      Map<String, int[]> byMode = new TreeMap<>();
      Map<String, int[]> byBody = new TreeMap<>();
      List<String> misses = new ArrayList<>();
      int absent = 0;
      for (JsonNode row : rows) {
        String q = row.path("query").asText();
        String expected = row.path("expected").asText();
        if (app.catalog().find(expected).isEmpty()) {
          absent++;
          continue;
        }
        for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
          List<String> ids =
              app
                  .hybridSearch()
                  .search(
                      new SearchRequest(
                          q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 5, mode))
                  .items()
                  .stream()
                  .map(Hit::id)
                  .toList();
          boolean first = !ids.isEmpty() && ids.get(0).equals(expected);
          count(byMode, mode.name().toLowerCase(Locale.ROOT), first);
          count(byBody, row.path("body").asText(), first);
          if (!first) {
            misses.add(mode + " \"" + q + "\": " + ids + " (want " + expected + ")");
          }
        }
      }
      System.out.println("records: " + app.catalog().count());
      System.out.println("rows whose expected record this catalogue lacks (not run): " + absent);
      byMode.forEach((k, v) -> System.out.printf(Locale.ROOT, "mode %-9s %d/%d%n", k, v[0], v[1]));
      byBody.forEach((k, v) -> System.out.printf(Locale.ROOT, "body %-12s %d/%d%n", k, v[0], v[1]));
      misses.forEach(m -> System.out.println("miss " + m));
    }
  }

  private static void count(Map<String, int[]> counts, String key, boolean hit) {
    int[] c = counts.computeIfAbsent(key, k -> new int[2]);
    c[0] += hit ? 1 : 0;
    c[1]++;
  }
}
