package org.aisx.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Json;
import org.aisx.search.Hit;
import org.aisx.search.SearchRequest;
import org.aisx.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid and semantic answers change only on purpose: on every judged query of {@code
 * eval/queries.json}, hybrid and semantic search over the bundled corpus give the same total, the
 * same first ten ids in the same order, and the same ids marked as found by meaning alone, as
 * recorded in {@code eval/hybrid-baseline.json}, written by {@link #main}; except that a few
 * answers may order near-tied hits otherwise on another CPU ({@link #MAX_REORDERED}).
 *
 * <p>History of the baseline: first written from main's SearchIndex (8ca6a28, then 73c354d), which
 * the speed work (ScoredDocs) reproduced exactly; after merging main at c313db7, main's SearchIndex
 * put first on the class path and the merged branch gave the same 116 answers again. Then rewritten
 * from the code of the above-floor fix (issue 21, {@code CloseInMeaning}), which changes answers on
 * purpose: 74 of the 116 totals and 52 first pages (AboveFloorTest, BENCHMARKS.md). Rewritten again
 * at the merge of that fix with keyword search read per language (stop words of a record's language
 * no longer asked for in other languages' fields) and the glossary's query expansion: 15 hybrid
 * totals and 37 first pages changed, on purpose (keyword nDCG@10 0.285 to 0.332, hybrid 0.500 to
 * 0.515 on the judged set). Rewritten when the bundled corpus took IEEE's 2025 harvest (994 to
 * 1,054 records, the code unchanged): hybrid 41 of 58 totals and 27 first pages changed, semantic
 * 40 and 19 (hybrid nDCG@10 0.515 to 0.503, BENCHMARKS.md). Rewritten when the corpus took the
 * fourth tier mapping's phrases (1,054 to 1,123 records: biometric, character and handprint
 * recognition, automatic interpretation, knowledge-based systems): hybrid 32 of 58 totals and 11
 * first pages changed, semantic 30 and 1; all of it from the corpus (the same corpus under the
 * third mapping's tiers gives the same answers); nDCG@10 keyword 0.321, semantic 0.466, hybrid
 * 0.503 on the judged set. Rewritten when the corpus took the AI census's reviews (1,123 to 1,202
 * records) and keyword pages ended their order with the identifier: hybrid 37 of 58 totals and 17
 * first pages changed, semantic 37 and 8; nDCG@10 keyword 0.319, semantic 0.465, hybrid 0.500 (the
 * new records are unjudged for these queries). Rewritten when the corpus dropped four IEEE white
 * papers carried over under stale ids beside their own records (1,202 to 1,198): hybrid 30 of 58
 * totals and 11 first pages changed, semantic 27 and 8; nDCG@10 keyword 0.322, semantic 0.471,
 * hybrid 0.506 (the judged ids were renamed to the remaining records). Rewritten by {@link #main}
 * when English text that the ISO feed repeats as French was no longer indexed under French (index
 * schema 16), words were split at the punctuation the analyzer splits at ("AI-driven"), and fused
 * ties came in the order of closeness (so that every counted hit is on one page): hybrid 13 of 58
 * totals (all fewer) and 8 first pages changed, semantic none. Run {@link #main} with the JVM
 * options of the tests ({@code -XX:TieredStopAtLevel=1}, pom.xml): under the default C2 compiler
 * two near-tied hybrid scores of q01 came out in the other order. Rewritten on 2026-12-07 with the
 * queries' vectors pinned ({@link #pinQueryVectors}, written by {@link #main} beside the answers)
 * and ISO's slash-written drafts joined to their edition groups (42 drafts of published standards
 * now replaced drafts, ranked after current editions): against the answers the code before gave on
 * the same machine, no total and 16 of 116 first pages changed. Rewritten (the vectors pinned, as
 * {@link #main} now keeps them) when hybrid fusion scaled a keyword list shorter than its depth
 * down to 0 rather than to its last match (issue 12, "EU AI Act"): no total and 16 of the 58 hybrid
 * first pages changed (8 only in order, 8 with one record in and one out), no semantic answer;
 * hybrid nDCG@10 0.505 to 0.509 on the judged set. Rewritten (the vectors pinned) when a W3C
 * specification's undated latest version was linked as identical to its dated edition and took its
 * status (two retired drafts, W3C ngram-spec and voice-nlu-reqs, now withdrawn): no total changed;
 * 4 first pages changed (q47, q48, q50, q58), all by W3C records only (the two texts of one
 * specification swapping places, and ngram-spec leaving q58's answers by meaning). Rewritten by
 * {@link #main} (the vectors pinned) when a document its body publishes twice (a W3C latest version
 * and its dated edition of the same date, {@code editions/Twins}) became one result: 40 of the 116
 * answers changed (hybrid and semantic q01, q04, q07, q09, q10, q15, q16, q18, q19, q34, q37, q45,
 * q46, q48, q50, q51, q53, q55, q58; hybrid q47 and semantic q47), each only by the nine folded
 * dated W3C editions: totals 1 to 5 fewer, and on 7 first pages (q47 semantic, q48, q50, q58) the
 * dated edition left out, the rest of the page in the same order.
 */
class HybridRegressionTest {
  static final String BASELINE = "/eval/hybrid-baseline.json";
  static final String VECTORS = "/eval/hybrid-baseline-query-vectors.json";
  static final List<SearchRequest.Mode> MODES =
      List.of(SearchRequest.Mode.HYBRID, SearchRequest.Mode.SEMANTIC);

  @TempDir Path dir;

  @Test
  void hybridAndSemanticAnswersAreThoseOfTheCodeBefore() throws Exception {
    JsonNode expected;
    try (InputStream in = HybridRegressionTest.class.getResourceAsStream(BASELINE)) {
      expected = Json.mapper().readTree(in);
    }
    try (App app = Fixtures.starter(dir)) {
      pinQueryVectors(app);
      JsonNode actual = answers(app);
      assertThat(actual.size()).isEqualTo(expected.size()).isGreaterThan(100);
      List<String> reordered = new ArrayList<>();
      expected
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode was = e.getValue();
                JsonNode now = actual.get(e.getKey());
                assertThat(now).as(e.getKey()).isNotNull();
                if (!now.toString().equals(was.toString())) {
                  reordered.add(e.getKey());
                  assertNearTiesOnly(e.getKey(), was, now);
                }
              });
      assertThat(reordered)
          .as("answers whose first page is not exactly as recorded (near ties only)")
          .hasSizeLessThanOrEqualTo(MAX_REORDERED);
    }
  }

  /**
   * How many of the 116 answers may order near-tied hits otherwise than recorded. The query's
   * embedding comes from ONNX Runtime, whose kernels differ by CPU (AVX2 or AVX-512): its last bits
   * move the order of records almost equally close in meaning, and so their fused ranks. A machine
   * with AVX-512 (2026-12-05) reordered 8 of the 116 answers recorded on an AVX2 machine, with the
   * same totals, the same semantic pages and the same records found by meaning alone; the ranking
   * changes made on purpose changed 11 to 52 first pages (above).
   */
  static final int MAX_REORDERED = 12;

  /**
   * The answer {@code now} is {@code was} up to near ties: the same total and records found by
   * meaning alone, at least nine of the ten first ids the same, none moved more than three places.
   */
  private static void assertNearTiesOnly(String key, JsonNode was, JsonNode now) {
    assertThat(now.path("total").asLong()).as(key + " total").isEqualTo(was.path("total").asLong());
    assertThat(ids(now.path("byMeaning")))
        .as(key + " found by meaning alone")
        .containsExactlyInAnyOrderElementsOf(ids(was.path("byMeaning")));
    List<String> before = ids(was.path("ids"));
    List<String> after = ids(now.path("ids"));
    assertThat(after).as(key + " first page").hasSameSizeAs(before);
    long kept = before.stream().filter(after::contains).count();
    assertThat(kept)
        .as(key + " ids kept on the first page: " + after)
        .isGreaterThanOrEqualTo(before.size() - 1L);
    for (int i = 0; i < before.size(); i++) {
      int at = after.indexOf(before.get(i));
      if (at >= 0) {
        assertThat(Math.abs(at - i))
            .as(key + " " + before.get(i) + " moved: " + after)
            .isLessThanOrEqualTo(3);
      }
    }
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.asText()));
    return ids;
  }

  /** Per mode and judged query: total, ids of the first page, ids found by meaning alone. */
  static ObjectNode answers(App app) throws Exception {
    ObjectNode out = Json.mapper().createObjectNode();
    for (SearchRequest.Mode mode : MODES) {
      for (SearchEvaluation.Judged q : SearchEvaluation.queries()) {
        SearchResult r =
            app.hybridSearch()
                .search(
                    new SearchRequest(
                        q.query(),
                        Map.of(),
                        null,
                        null,
                        SearchRequest.Sort.RELEVANCE,
                        1,
                        10,
                        mode));
        ObjectNode a = out.putObject(mode.wire() + " " + q.id());
        a.put("total", r.total());
        List<String> ids = new ArrayList<>();
        for (Hit h : r.items()) {
          ids.add(h.id());
        }
        ids.forEach(a.putArray("ids")::add);
        r.items().stream()
            .map(Hit::id)
            .filter(r.byMeaning()::contains)
            .forEach(a.putArray("byMeaning")::add);
      }
    }
    return out;
  }

  /**
   * Writes the baseline and the queries' vectors: {@code HybridRegressionTest
   * src/test/resources/eval/hybrid-baseline.json
   * src/test/resources/eval/hybrid-baseline-query-vectors.json}. When the vectors file exists, the
   * answers are written with its vectors pinned, as the test searches, and it is left as it is: a
   * change of the search code then moves only what the code moves, not what this machine's ONNX
   * Runtime kernels would move. Delete the file first to embed the queries anew.
   */
  public static void main(String[] args) throws Exception {
    Path tmp = Files.createTempDirectory("aisx-baseline");
    Path vectors = Path.of(args[1]);
    try (App app = Fixtures.starter(tmp.resolve("data"))) {
      boolean pinned = Files.exists(vectors);
      if (pinned) {
        try (InputStream in = Files.newInputStream(vectors)) {
          pin(app, Json.mapper().readTree(in));
        }
      }
      Json.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValue(Path.of(args[0]).toFile(), answers(app));
      if (!pinned) {
        Json.mapper().writeValue(vectors.toFile(), app.hybridSearch().queryVectors().snapshot());
      }
    }
  }

  /**
   * The judged queries' embeddings as they were when the baseline was written ({@link #VECTORS}),
   * put in the search's query cache: ONNX Runtime's kernels differ by CPU (AVX2 or AVX-512, Intel
   * or AMD), and on an AMD EPYC with AVX2 alone (2026-12-07) the last bits of 8 of the 58 query
   * vectors moved 8 totals (q01: 302 to 343) by moving records across the similarity floor. With
   * the vectors pinned, this test checks the search code on every machine; the encoder is checked
   * against the raw model by {@code OnnxEncoderTest}.
   */
  private static void pinQueryVectors(App app) throws Exception {
    JsonNode vectors;
    try (InputStream in = HybridRegressionTest.class.getResourceAsStream(VECTORS)) {
      vectors = Json.mapper().readTree(in);
    }
    assertThat(vectors.size()).as("pinned query vectors").isGreaterThanOrEqualTo(58);
    pin(app, vectors);
  }

  /** Puts {@code vectors} (query text to embedding) in the search's query cache. */
  private static void pin(App app, JsonNode vectors) {
    vectors
        .fields()
        .forEachRemaining(
            e -> {
              float[] v = new float[e.getValue().size()];
              for (int i = 0; i < v.length; i++) {
                v[i] = e.getValue().get(i).floatValue();
              }
              app.hybridSearch().queryVectors().put(e.getKey(), v);
            });
  }
}
