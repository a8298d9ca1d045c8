package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Json;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hits tied on everything a page is ordered by come in identifier order, whatever order they were
 * written in: two nodes, or one index before and after its merges, give the same page.
 */
class TiedHitsTest {
  private static final List<String> WRITTEN =
      List.of("ITU-T Z.9003", "ITU-T Z.9001", "ITU-T Z.9002");
  private static final List<String> IN_ORDER =
      List.of("itu-t-z-9001", "itu-t-z-9002", "itu-t-z-9003");

  @Test
  void tiedHitsComeInIdentifierOrderWhateverTheOrderTheyWereWrittenIn(
      @TempDir Path one, @TempDir Path other) {
    List<String> reversed = new ArrayList<>(WRITTEN);
    Collections.reverse(reversed);
    for (SearchRequest.Sort sort : List.of(SearchRequest.Sort.RELEVANCE, SearchRequest.Sort.DATE)) {
      assertThat(page(one.resolve(sort.name()), WRITTEN, sort)).as("%s", sort).isEqualTo(IN_ORDER);
      assertThat(page(other.resolve(sort.name()), reversed, sort))
          .as("%s", sort)
          .isEqualTo(IN_ORDER);
    }
  }

  private static List<String> page(Path dir, List<String> identifiers, SearchRequest.Sort sort) {
    try (SearchIndex index =
        SearchIndex.open(
            dir,
            Json.mapper(),
            s -> null,
            SuggestionSource.NONE,
            SearchIndex.Marks.STORE_EVENTS,
            q -> List.of())) {
      for (String identifier : identifiers) {
        index.upsert(
            Standard.builder(identifier)
                .title(Map.of("en", "Quokka telemetry"))
                .sdo("ITU-T")
                .type(PublicationType.INTERNATIONAL_STANDARD)
                .status(Status.IN_FORCE)
                .published("2024-01")
                .build());
      }
      index.publish(1);
      return index
          .search(
              new SearchRequest(
                  "quokka telemetry",
                  Map.of(),
                  null,
                  null,
                  sort,
                  1,
                  10,
                  SearchRequest.Mode.KEYWORD))
          .items()
          .stream()
          .map(Hit::id)
          .toList();
    }
  }
}
