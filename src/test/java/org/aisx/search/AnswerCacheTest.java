package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.aisx.catalog.Json;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repeated search is answered from the kept answers ({@link AnswerCache}), and only while nothing
 * it depends on has changed: a published write, another query vector, the glossary's other words
 * for the query.
 */
class AnswerCacheTest {
  private static final int DIMENSIONS = 384;

  @TempDir Path dir;

  /** The other words the glossary gives for a query; tests change them while the index stays. */
  private final AtomicReference<List<String>> alternatives = new AtomicReference<>(List.of());

  private SearchIndex index;
  private long mark;

  private static float[] axis(int i) {
    float[] v = new float[DIMENSIONS];
    v[i] = 1f;
    return v;
  }

  private static Standard record(String identifier, String title) {
    return Standard.builder(identifier)
        .title(Map.of("en", title))
        .sdo("IETF")
        .type(PublicationType.INTERNATIONAL_STANDARD)
        .status(Status.IN_FORCE)
        .published("2022-06")
        .build();
  }

  @BeforeEach
  void open() {
    // Each record's vector is an axis of its own: a query vector on that axis is close in meaning
    // to that record alone.
    VectorSource vectors =
        s ->
            switch (s.identifier()) {
              case "RFC 9110" -> axis(0);
              case "RFC 9111" -> axis(1);
              default -> null;
            };
    index =
        SearchIndex.open(
            dir,
            Json.mapper(),
            vectors,
            SuggestionSource.NONE,
            SearchIndex.Marks.STORE_EVENTS,
            q -> alternatives.get());
    index.upsert(record("RFC 9110", "HTTP Semantics"));
    index.upsert(record("RFC 9111", "HTTP Caching"));
    index.publish(++mark);
  }

  @AfterEach
  void close() {
    index.close();
  }

  private static SearchRequest words(String q) {
    return new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10);
  }

  private static List<String> ids(SearchResult r) {
    return r.items().stream().map(Hit::id).toList();
  }

  @Test
  void aRepeatedSearchIsAnsweredFromTheKeptAnswer() {
    SearchResult first = index.search(words("semantics"));
    long hits = index.keptAnswers().hits();

    SearchResult again = index.search(words("semantics"));

    assertThat(index.keptAnswers().hits()).isEqualTo(hits + 1);
    assertThat(again).isEqualTo(first);
    assertThat(ids(again)).containsExactly("rfc-9110");
  }

  @Test
  void aKeptAnswerCannotBeChangedByARequestThatGetsIt() {
    SearchResult answer = index.search(words("http"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> answer.items().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> answer.facets().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    answer.facets().values().stream()
        .findFirst()
        .ifPresent(
            counts ->
                org.assertj.core.api.Assertions.assertThatThrownBy(counts::clear)
                    .isInstanceOf(UnsupportedOperationException.class));
    assertThat(index.search(words("http")).items()).hasSize(2);
  }

  @Test
  void aPublishedWriteIsFoundByTheNextSearch() {
    assertThat(index.search(words("http")).total()).isEqualTo(2);

    index.upsert(record("RFC 9112", "HTTP/1.1"));
    index.publish(++mark);

    assertThat(index.search(words("http")).total()).isEqualTo(3);
  }

  @Test
  void theAnswersOfAReaderAreDroppedWhenAWriteReplacesIt() {
    index.search(words("http"));
    index.search(words("caching"));
    assertThat(index.keptAnswers().entries()).isEqualTo(2);

    index.upsert(record("RFC 9112", "HTTP/1.1"));
    index.publish(++mark);

    assertThat(index.keptAnswers().entries()).isZero();
  }

  @Test
  void aSearchByAnotherVectorIsNotAnsweredByTheFirstOne() {
    SearchRequest byMeaning = words("protocol").withMode(SearchRequest.Mode.HYBRID);

    assertThat(ids(index.search(byMeaning, axis(0)))).containsExactly("rfc-9110");
    assertThat(ids(index.search(byMeaning, axis(1)))).containsExactly("rfc-9111");
    // By words alone the same request finds neither: a search by meaning's answer is not reused.
    assertThat(index.search(byMeaning).total()).isZero();
  }

  @Test
  void otherWordsTheGlossaryGivesLaterAreSearchedAtOnce() {
    assertThat(index.search(words("transfer protocol semantics")).total()).isZero();

    alternatives.set(List.of("HTTP Semantics"));

    assertThat(ids(index.search(words("transfer protocol semantics")))).containsExactly("rfc-9110");
  }

  @Test
  void nothingIsKeptBeyondTheBound() throws Exception {
    AnswerCache none = new AnswerCache(0);
    SearchRequest request = words("http");
    Queries.Variables query = new Queries.Variables(List.of(), List.of());
    try (var d = org.apache.lucene.store.FSDirectory.open(dir.resolve("empty"));
        var w =
            new org.apache.lucene.index.IndexWriter(
                d, new org.apache.lucene.index.IndexWriterConfig());
        var reader = org.apache.lucene.index.DirectoryReader.open(w)) {
      SearchResult answer = new SearchResult(0, 1, 10, List.of(), Map.of());
      none.put(reader, request, query, null, answer);
      assertThat(none.get(reader, request, query, null)).isNull();

      AnswerCache some = new AnswerCache(AnswerCache.DEFAULT_MAX_BYTES);
      some.put(reader, request, query, null, answer);
      assertThat(some.get(reader, request, query, null)).isSameAs(answer);
    }
  }
}
