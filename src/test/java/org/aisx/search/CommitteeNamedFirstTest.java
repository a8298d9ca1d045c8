package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A query that is a committee's name, as people type it, lists that committee's work first: on the
 * bundled corpus, "ISO/IEC JTC 1/SC 42" put ITU-T L Suppl. 42 first (its "42"), and 4 of the first
 * 20 were SC 42's.
 */
class CommitteeNamedFirstTest {
  @TempDir static Path dir;
  static App app;

  @BeforeAll
  static void load() {
    app = Fixtures.starter(dir);
  }

  @AfterAll
  static void close() {
    app.close();
  }

  private static List<Hit> first(String q, SearchRequest.Mode mode, int n) {
    return app.index()
        .search(
            new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, n, mode))
        .items();
  }

  @ParameterizedTest
  @EnumSource(SearchRequest.Mode.class)
  void aCommitteesNameInAnyCaseAndSpacingPutsItsWorkFirst(SearchRequest.Mode mode) {
    for (String q : List.of("ISO/IEC JTC 1/SC 42", "iso iec jtc1 sc42", "isoiecjtc1sc42")) {
      assertThat(first(q, mode, 20))
          .as(q)
          .hasSize(20)
          .extracting(Hit::committee)
          .containsOnly("ISO/IEC JTC 1/SC 42");
    }
  }

  @Test
  void theCommitteesWorkFirstKeepsToTheYearsAskedAndNotToExcludedWords() {
    List<Hit> since2025 =
        app.index()
            .search(
                new SearchRequest(
                    "ISO/IEC JTC 1/SC 42",
                    Map.of(),
                    2025,
                    null,
                    SearchRequest.Sort.RELEVANCE,
                    1,
                    10,
                    SearchRequest.Mode.KEYWORD))
            .items();
    assertThat(since2025).isNotEmpty();
    assertThat(since2025)
        .allSatisfy(
            h -> assertThat(h.published()).as(h.identifier()).isGreaterThanOrEqualTo("2025"));
    assertThat(first("-ISO/IEC JTC 1/SC 42", SearchRequest.Mode.KEYWORD, 10))
        .extracting(Hit::committee)
        .doesNotContain("ISO/IEC JTC 1/SC 42");
  }

  @ParameterizedTest
  @EnumSource(SearchRequest.Mode.class)
  void aPageNeverListsMoreThanTheTotalItGives(SearchRequest.Mode mode) {
    // "isoiecjtc1sc42" squashes to SC 42's name, but its one word matches nothing.
    for (String q : List.of("isoiecjtc1sc42", "ISO/IEC JTC 1/SC 42", "itu-t sg13")) {
      SearchResult result =
          app.index()
              .search(
                  new SearchRequest(
                      q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 20, mode));
      assertThat((long) result.items().size()).as(q).isLessThanOrEqualTo(result.total());
    }
  }

  @Test
  void otherQueriesKeepTheirOrder() {
    // Not a committee's name: the words and identifiers decide, as before.
    assertThat(first("42001", SearchRequest.Mode.KEYWORD, 1))
        .extracting(Hit::identifier)
        .containsExactly("ISO/IEC 42001:2023");
    assertThat(first("SC 42", SearchRequest.Mode.KEYWORD, 10))
        .extracting(Hit::committee)
        .contains("ISO/IEC JTC 1/SC 42");
  }
}
