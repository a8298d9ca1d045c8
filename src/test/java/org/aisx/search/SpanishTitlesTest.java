package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Titles a feed gives in Spanish (5,611 IEC records) are searched with Lucene's Spanish analyzer:
 * another number or inflection of a word, or the word without its accents, finds them.
 */
class SpanishTitlesTest {
  @TempDir static Path dir;
  static App app;

  @BeforeAll
  static void load() throws IOException {
    app = Fixtures.empty(dir);
    try (InputStream in =
        SpanishTitlesTest.class.getResourceAsStream("/fixtures/relaton-es/cispr-15-amd2.yaml")) {
      ImportSummary summary = new ImportSummary();
      app.importer()
          .importStream(
              Importer.Format.RELATON,
              in,
              "cispr-15-amd2.yaml",
              "fixture",
              summary,
              Progress.SILENT);
    }
    app.catalog().publish();
  }

  @AfterAll
  static void close() {
    app.close();
  }

  private static List<String> ids(String q) {
    return app
        .index()
        .search(new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10))
        .items()
        .stream()
        .map(Hit::id)
        .toList();
  }

  @Test
  void theRecordKeepsItsSpanishTitle() {
    assertThat(app.catalog().get("cispr-15-1996-amd2-1998").title().get("es"))
        .contains("perturbación radioeléctrica");
  }

  @Test
  void pluralsAndWordsWithoutAccentsFindTheSpanishTitle() {
    // The title says "la perturbación radioeléctrica de los equipos de iluminación".
    assertThat(ids("perturbaciones radioeléctricas")).containsExactly("cispr-15-1996-amd2-1998");
    assertThat(ids("iluminacion")).containsExactly("cispr-15-1996-amd2-1998");
    assertThat(ids("límite")).containsExactly("cispr-15-1996-amd2-1998");
  }
}
