package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.Fuzzing;
import org.aisx.catalog.CatalogException;
import org.aisx.search.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Fuzzing of the search API's parameters and the query parser (issue 18) with Jazzer: whatever the
 * parameters, a search gives a result or a {@link CatalogException} the web layer answers with a
 * 4xx naming the parameter; never another exception (which would be a 500). The words go through
 * the lexical index ({@code Queries}), the part that parses them.
 *
 * <p>The unit tests replay its corpus in {@code
 * src/test/resources/org/aisx/web/SearchQueryFuzzTestInputs/search/}; {@code mvn verify} fuzzes it
 * for {@link Fuzzing#BOUNDED} (failsafe execution {@code fuzz-search}; how to run it alone or
 * longer: {@code org.aisx.ingest.FeedParsersFuzzTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQueryFuzzTest {
  /** Parameter names the fuzzer chooses among, with the unknown one the strict parse refuses. */
  private static final List<String> NAMES = new ArrayList<>(SearchParams.names());

  static {
    NAMES.add("unknown");
  }

  private Path dir;
  private App app;

  @BeforeAll
  void open() throws Exception {
    dir = Files.createTempDirectory("search-fuzz");
    app = Fixtures.starter(dir);
  }

  @AfterAll
  void close() {
    app.close();
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (java.io.IOException e) {
      // a temporary directory: left to the system
    }
  }

  @FuzzTest(maxDuration = Fuzzing.BOUNDED)
  void search(FuzzedDataProvider data) throws Exception {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.computeIfAbsent("q", k -> new ArrayList<>()).add(data.consumeString(600));
    int more = data.consumeInt(0, 4);
    for (int i = 0; i < more; i++) {
      String name = data.pickValue(NAMES);
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(data.consumeString(80));
    }
    SearchRequest request;
    try {
      request = app.searchParams().parse(Params.of(values), true, 20);
    } catch (CatalogException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    try {
      assertThat(app.index().search(request)).isNotNull();
    } catch (CatalogException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
