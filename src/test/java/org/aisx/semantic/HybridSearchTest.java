package org.aisx.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.search.Hit;
import org.aisx.search.SearchRequest;
import org.aisx.search.SearchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 12: what people type finds what they mean in every mode, and nonsense finds nothing. */
class HybridSearchTest {
  @TempDir static Path dir;
  static App app;

  @BeforeAll
  static void open() throws Exception {
    app = Fixtures.starter(dir.resolve("data"));
    // NIST's AI series (and publications sharing their numbers) and the EU AI Act drafts.
    Path feeds = java.nio.file.Files.createDirectories(dir.resolve("feeds"));
    for (String resource :
        List.of(
            "/fixtures/ris/nist-techpubs-excerpt.ris", "/fixtures/ai-act/ai-act-standards.json")) {
      try (var in = HybridSearchTest.class.getResourceAsStream(resource)) {
        java.nio.file.Files.copy(in, feeds.resolve(Path.of(resource).getFileName().toString()));
      }
    }
    var summary =
        app.importer()
            .importFiles(
                org.aisx.ingest.Importer.Format.AUTO,
                List.of(feeds),
                null,
                org.aisx.catalog.Progress.SILENT);
    assertThat(summary.rejections()).isEmpty();
  }

  @AfterAll
  static void close() {
    app.close();
  }

  static SearchResult search(String q, SearchRequest.Mode mode) {
    return app.hybridSearch()
        .search(
            new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10, mode));
  }

  @ParameterizedTest(name = "\"{0}\" finds {1} first in every mode")
  @CsvSource({
    "42001, iso-iec-42001-2023",
    "ISO/IEC 42001, iso-iec-42001-2023",
    "iso iec 42001 2023, iso-iec-42001-2023",
    "Y.3172, itu-t-y-3172-06-2019",
    "ITU-T Y.3172, itu-t-y-3172-06-2019",
    "22989, iso-iec-22989-2022",
    "TR 24028, iso-iec-tr-24028-2020",
    "RFC 9110, rfc-9110",
    "NIST AI 100-1, nist-ai-100-1",
    "AI 100-1, nist-ai-100-1",
    "ai 100-1, nist-ai-100-1",
    "AI 100-2, nist-ai-100-2e2023",
    "SP 1270, nist-sp-1270",
    "NIST SP 1270, nist-sp-1270",
    "NISTIR 8343, nist-ir-8343",
    "SP 800-53, nist-sp-800-53r5",
    "prEN 18286, pren-18286",
    "18286, pren-18286",
    "prEN 18229-1, pren-18229-1",
  })
  void anIdentifierAsTypedPutsItsPublicationFirst(String q, String first) {
    for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
      List<String> ids = search(q, mode).items().stream().map(Hit::id).toList();
      assertThat(ids).as("%s in %s mode", q, mode).first().isEqualTo(first);
    }
  }

  @ParameterizedTest
  @EnumSource(SearchRequest.Mode.class)
  void nonsenseFindsNothing(SearchRequest.Mode mode) {
    SearchResult r = search("zzqqxx", mode);
    assertThat(r.total()).isZero();
    assertThat(r.items()).isEmpty();
  }

  /** Queries of punctuation and symbols only: no word to look for, by keyword or by meaning. */
  static final List<String> NO_WORDS =
      List.of("\"", "*", "\\", "~", "+", "?", "*:*", "\uD83E\uDD16", "-", "\"\"", "() [] {}");

  @ParameterizedTest
  @EnumSource(SearchRequest.Mode.class)
  void aQueryWithoutLettersOrDigitsFindsNothing(SearchRequest.Mode mode) {
    for (String q : NO_WORDS) {
      SearchResult r = search(q, mode);
      assertThat(r.total()).as("%s in %s mode", q, mode).isZero();
      assertThat(r.items()).isEmpty();
    }
  }

  @Test
  void aStrayStarWordIsNoWord() {
    long ai = search("ai", SearchRequest.Mode.KEYWORD).total();
    assertThat(ai).isPositive();
    assertThat(search("ai **", SearchRequest.Mode.KEYWORD).total()).isEqualTo(ai);
    assertThat(search("ai .*", SearchRequest.Mode.KEYWORD).total()).isEqualTo(ai);
  }

  @ParameterizedTest
  @EnumSource(SearchRequest.Mode.class)
  void anInvisibleQueryIsTheEmptyQuery(SearchRequest.Mode mode) {
    long everything = search("", mode).total();
    assertThat(everything).isPositive();
    for (String q : List.of("\u200B", "\u0000", " \uFEFF\u200B ", "\u2060")) {
      SearchRequest request =
          new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10, mode);
      assertThat(request.q()).isEmpty();
      assertThat(app.hybridSearch().search(request).total()).isEqualTo(everything);
    }
  }

  @ParameterizedTest
  @EnumSource(SearchRequest.Mode.class)
  void aQueryOfFiveHundredCharactersIsSearchedInEveryMode(SearchRequest.Mode mode) {
    String abstractText =
        "This document specifies requirements and provides guidance for establishing,"
            + " implementing, maintaining and continually improving an artificial intelligence"
            + " management system within the context of an organization. It is intended for use"
            + " by an organization providing or using products or services that utilize AI"
            + " systems, helping it develop, provide or use them responsibly in pursuing its"
            + " objectives and meet applicable requirements, obligations related to interested"
            + " parties and their expectations of trustworthy data quality, transparency, privacy";
    String q = abstractText.substring(0, 500).strip();
    assertThat(q.length()).isGreaterThan(490);
    assertThat(search(q, mode).total()).as("%s mode", mode).isPositive();
    // Two-letter words and words a tokenizer splits, as many as 500 characters hold.
    StringBuilder shortWords = new StringBuilder();
    for (int i = 0; shortWords.length() < 497; i++) {
      shortWords.append((char) ('a' + i % 26)).append((char) ('a' + i / 26 % 26)).append(' ');
    }
    for (String many :
        List.of(
            shortWords.toString().strip(),
            "ab/".repeat(166),
            "人工知能".repeat(125),
            "あいうえお".repeat(100),
            "a1 ".repeat(166))) {
      assertThat(many.length()).isLessThanOrEqualTo(500);
      assertThat(search(many, mode)).as("%s…", many.substring(0, 12)).isNotNull();
    }
  }

  @ParameterizedTest
  @EnumSource(SearchRequest.Mode.class)
  void twoIdentifiersTogetherFindEachOfThemFirst(SearchRequest.Mode mode) {
    for (String q :
        List.of(
            "42001 42005",
            "ISO/IEC 42001 ISO/IEC 42005",
            "42005, 42001",
            "ISO/IEC 42001 and ISO/IEC 42005")) {
      List<String> ids = search(q, mode).items().stream().map(Hit::id).toList();
      assertThat(ids).as("%s in %s mode", q, mode).hasSizeGreaterThanOrEqualTo(2);
      assertThat(ids.subList(0, 2))
          .as("%s in %s mode", q, mode)
          .containsExactlyInAnyOrder("iso-iec-42001-2023", "iso-iec-42005-2025");
    }
  }

  @ParameterizedTest
  @EnumSource(SearchRequest.Mode.class)
  void fiveIdentifiersTogetherFindEachOfThemFirst(SearchRequest.Mode mode) {
    // Too many tokens to be one identifier: each is looked up on its own.
    String q = "ISO/IEC 42001, ISO/IEC 42005, ISO/IEC 23894, ISO/IEC 22989, ISO/IEC 38507";
    List<String> ids = search(q, mode).items().stream().map(Hit::id).toList();
    assertThat(ids).as("%s mode", mode).hasSizeGreaterThanOrEqualTo(5);
    assertThat(ids.subList(0, 5))
        .as("%s mode", mode)
        .containsExactlyInAnyOrder(
            "iso-iec-42001-2023",
            "iso-iec-42005-2025",
            "iso-iec-23894-2023",
            "iso-iec-22989-2022",
            "iso-iec-38507-2022");
  }

  @ParameterizedTest
  @EnumSource(
      value = SearchRequest.Mode.class,
      names = {"SEMANTIC", "HYBRID"})
  void aParaphraseStillFindsItsAnswerByMeaning(SearchRequest.Mode mode) {
    List<String> ids =
        search("certifying the auditors of AI management systems", mode).items().stream()
            .map(Hit::id)
            .toList();
    assertThat(ids).contains("iso-iec-42006-2025");
  }

  @org.junit.jupiter.api.Test
  void aRecordWrittenJustNowRanksFirstForItsTitleBeforeItHasAVector() {
    org.aisx.catalog.Standard fresh =
        org.aisx.catalog.Standard.builder("IEEE P3999")
            .title(Map.of("en", "Standard for auditing risk in generative language model agents"))
            .sdo("IEEE")
            .type(org.aisx.catalog.PublicationType.INTERNATIONAL_STANDARD)
            .status(org.aisx.catalog.Status.DRAFT)
            .build();
    app.catalog().save(app.reader().read(fresh), "test", "test", null);
    assertThat(app.vectors().vectorFor(app.catalog().get("ieee-p3999"))).isNull();
    for (SearchRequest.Mode mode : List.of(SearchRequest.Mode.HYBRID, SearchRequest.Mode.KEYWORD)) {
      List<String> ids =
          search("auditing risk in generative language model agents", mode).items().stream()
              .map(Hit::id)
              .toList();
      assertThat(ids).as("%s mode", mode).first().isEqualTo("ieee-p3999");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "HYBRID, computers that understand pictures",
    "SEMANTIC, computers that understand pictures",
    "HYBRID, 42001",
  })
  void hitsFoundByMeaningAloneAreExactlyThoseTheWordsDoNotMatch(SearchRequest.Mode mode, String q) {
    SearchResult r = search(q, mode);
    java.util.Set<String> byWords =
        new java.util.HashSet<>(
            app
                .hybridSearch()
                .search(
                    new SearchRequest(
                        q,
                        Map.of(),
                        null,
                        null,
                        SearchRequest.Sort.RELEVANCE,
                        1,
                        100,
                        SearchRequest.Mode.KEYWORD))
                .items()
                .stream()
                .map(Hit::id)
                .toList());
    assertThat(r.items()).isNotEmpty();
    for (Hit h : r.items()) {
      assertThat(r.closeInMeaning(h)).as("%s", h.id()).isEqualTo(!byWords.contains(h.id()));
    }
    if (q.equals("42001")) {
      assertThat(r.closeInMeaning(r.items().get(0))).isFalse();
    } else {
      assertThat(r.closeInMeaningCount()).isPositive();
    }
  }

  @ParameterizedTest
  @CsvSource({"computers that understand pictures", "42001"})
  void keywordSearchMarksNothingAsCloseInMeaning(String q) {
    assertThat(search(q, SearchRequest.Mode.KEYWORD).closeInMeaningCount()).isZero();
  }
}
