package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Json;
import org.aisx.catalog.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The judged set {@code eval/translated-queries.json} (15 subjects, each asked in fr, es, ar, zh
 * and ru; judging rule in {@code eval/README.md}) searched by keyword over the bundled corpus, with
 * query translation by vocabulary and without it (the same index, glossary and corpus, translating
 * nothing). Reports success@10 (strict: a grade-2 record in the first 10; lenient: any judged
 * record) and recall@10 per language, with 95 % Wilson intervals, and keeps the strict success with
 * translation above a floor set below the measured figure.
 */
class TranslatedQueriesTest {
  static final List<String> LANGUAGES = List.of("fr", "es", "ar", "zh", "ru");

  /**
   * Strict success@10 with translation, per language, that must hold: set below the figures
   * measured when the translation was written (fr 7, es 9, ar/zh/ru 10 of 15; BENCHMARKS.md), the
   * system not tuned on them.
   */
  static final Map<String, Integer> FLOOR = Map.of("fr", 6, "es", 8, "ar", 8, "zh", 8, "ru", 8);

  @TempDir static Path dir;
  static App app;
  static SearchIndex translating;
  static SearchIndex plain;
  static JsonNode set;

  @BeforeAll
  static void load() throws IOException {
    app = Fixtures.starter(dir.resolve("data"));
    ObjectMapper json = Json.mapper();
    translating =
        SearchIndex.open(
            dir.resolve("with"),
            json,
            VectorSource.NONE,
            SuggestionSource.NONE,
            SearchIndex.Marks.STORE_EVENTS,
            app.glossary(),
            app.queryTranslation());
    plain =
        SearchIndex.open(
            dir.resolve("without"),
            json,
            VectorSource.NONE,
            SuggestionSource.NONE,
            SearchIndex.Marks.STORE_EVENTS,
            app.glossary(),
            QueryTranslation.NONE);
    translating.rebuild(Fixtures.store(app), Progress.SILENT);
    plain.rebuild(Fixtures.store(app), Progress.SILENT);
    try (InputStream in =
        TranslatedQueriesTest.class.getResourceAsStream("/eval/translated-queries.json")) {
      set = json.readTree(in);
    }
  }

  @AfterAll
  static void close() throws Exception {
    translating.close();
    plain.close();
    app.close();
  }

  /** What one language's queries score on one index. */
  record Score(int strict, int lenient, double recall, int queries) {}

  static Score score(SearchIndex index, String lang) {
    int strict = 0;
    int lenient = 0;
    double recall = 0;
    int n = 0;
    for (JsonNode q : set.path("queries")) {
      String text = q.path("translations").path(lang).asText();
      Map<String, Integer> relevant = new LinkedHashMap<>();
      q.path("relevant")
          .fields()
          .forEachRemaining(e -> relevant.put(e.getKey(), e.getValue().asInt()));
      List<String> top =
          index
              .search(
                  new SearchRequest(
                      text, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10))
              .items()
              .stream()
              .map(Hit::id)
              .toList();
      if (top.stream().anyMatch(id -> relevant.getOrDefault(id, 0) == 2)) {
        strict++;
      }
      if (top.stream().anyMatch(relevant::containsKey)) {
        lenient++;
      }
      long found = top.stream().filter(relevant::containsKey).count();
      recall += (double) found / Math.min(10, relevant.size());
      n++;
    }
    return new Score(strict, lenient, recall / n, n);
  }

  /** The 95 % Wilson score interval of {@code k} successes in {@code n}. */
  static double[] wilson(int k, int n) {
    double z = 1.959964;
    double p = (double) k / n;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / (1 + z * z / n);
    return new double[] {centre - half, centre + half};
  }

  static String row(String lang, String how, Score s) {
    double[] strict = wilson(s.strict(), s.queries());
    double[] lenient = wilson(s.lenient(), s.queries());
    return String.format(
        Locale.ROOT,
        "%s %-7s strict %2d/%d [%.2f, %.2f]  lenient %2d/%d [%.2f, %.2f]  recall@10 %.3f",
        lang,
        how,
        s.strict(),
        s.queries(),
        strict[0],
        strict[1],
        s.lenient(),
        s.queries(),
        lenient[0],
        lenient[1],
        s.recall());
  }

  @Test
  void everyLanguageHasAtLeastTenJudgedQueries() {
    for (JsonNode q : set.path("queries")) {
      assertThat(q.path("relevant").size()).as(q.path("id").asText()).isPositive();
      for (String lang : LANGUAGES) {
        assertThat(q.path("translations").path(lang).asText()).isNotBlank();
      }
    }
    assertThat(set.path("queries").size()).isGreaterThanOrEqualTo(10);
  }

  @Test
  void queriesInFiveLanguagesFindTheEnglishRecordsOnTheirSubject() {
    List<String> report = new ArrayList<>();
    Map<String, Score> with = new LinkedHashMap<>();
    for (String lang : LANGUAGES) {
      Score w = score(translating, lang);
      Score wo = score(plain, lang);
      with.put(lang, w);
      report.add(row(lang, "with", w));
      report.add(row(lang, "without", wo));
    }
    System.out.println(String.join(System.lineSeparator(), report));
    for (String lang : LANGUAGES) {
      assertThat(with.get(lang).strict())
          .as(lang + ": " + report)
          .isGreaterThanOrEqualTo(FLOOR.get(lang));
    }
  }

  @Test
  void anArabicQueryForManagementSystemFindsIso42001AndSaysWhatItAlsoSearched() {
    SearchResult r =
        translating.search(
            new SearchRequest(
                "نظام الإدارة", Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10));
    assertThat(r.items()).extracting(Hit::id).contains("iso-iec-42001-2023");
    assertThat(r.alsoSearched()).contains("management systems");
  }

  /**
   * "Artificial intelligence" in the five other languages, as people type it: the bundled labels of
   * French, Spanish and Russian add the abbreviation in brackets ("inteligencia artificial (IA)"),
   * which queries seldom hold; the words alone, and the abbreviation alone, are translated too, and
   * find the English records.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "intelligence artificielle",
        "inteligencia artificial",
        "искусственный интеллект",
        "人工智能",
        "الذكاء الاصطناعي",
        "inteligencia artificial (IA)",
        "IA",
        "ИИ"
      })
  void artificialIntelligenceInEveryLanguageIsTranslated(String q) {
    SearchResult r =
        translating.search(
            new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10));
    assertThat(r.alsoSearched()).containsExactly("artificial intelligence");
    assertThat(r.total())
        .isGreaterThan(
            plain
                .search(
                    new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10))
                .total());
  }

  @Test
  void theEnglishJudgedQueriesAreNotTranslated() throws IOException {
    try (InputStream in = TranslatedQueriesTest.class.getResourceAsStream("/eval/queries.json")) {
      for (JsonNode q : Json.mapper().readTree(in).path("queries")) {
        String text = q.path("query").asText();
        assertThat(app.queryTranslation().translate(text)).as(text).isEmpty();
      }
    }
  }

  @Test
  void englishQueriesAreNotTranslated() {
    assertThat(app.queryTranslation().translate("management system")).isEmpty();
    assertThat(app.queryTranslation().translate("surveillance")).isEmpty();
    // English words that share only a stem with another language's label ("personal" and the
    // Spanish "personalización") are not that label.
    assertThat(app.queryTranslation().translate("keeping personal data private")).isEmpty();
    assertThat(app.queryTranslation().translate("personalisation")).isEmpty();
  }

  @Test
  void theLongestLabelWinsAndOriginalLanguageMatchesComeFirst() {
    List<QueryTranslation.Translation> t =
        app.queryTranslation().translate("système de management de l'IA");
    assertThat(t).extracting(QueryTranslation.Translation::shown).contains("management systems");
    SearchRequest french =
        new SearchRequest(
            "systèmes de conduite automatisée",
            Map.of(),
            null,
            null,
            SearchRequest.Sort.RELEVANCE,
            1,
            20);
    SearchResult without = plain.search(french);
    SearchResult withT = translating.search(french);
    // Whatever matched the French words comes first, in the same order, before English-only hits.
    List<String> before = without.items().stream().map(Hit::id).toList();
    List<String> after = withT.items().stream().map(Hit::id).toList();
    assertThat(after.subList(0, Math.min(before.size(), after.size())))
        .isEqualTo(before.subList(0, Math.min(before.size(), after.size())));
    assertThat(withT.total()).isGreaterThan(without.total());
  }
}
