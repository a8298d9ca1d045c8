package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Search over the real starter corpus in a real on-disk index. */
class SearchIndexTest {
  @TempDir static Path dir;
  static App app;
  static SearchIndex index;

  @BeforeAll
  static void open() {
    app = Fixtures.starter(dir);
    index = app.index();
  }

  @AfterAll
  static void close() {
    app.close();
  }

  private static SearchRequest request(String q, Map<Facet, List<String>> filters) {
    return new SearchRequest(q, filters, null, null, SearchRequest.Sort.RELEVANCE, 1, 10);
  }

  private static List<String> ids(SearchResult r) {
    return r.items().stream().map(Hit::id).toList();
  }

  @ParameterizedTest(name = "\"{0}\" finds {1} first")
  @CsvSource({
    "42001, iso-iec-42001-2023",
    "ISO/IEC 42001, iso-iec-42001-2023",
    "iso iec 42001 2023, iso-iec-42001-2023",
    "Y.3172, itu-t-y-3172-06-2019",
    "y3172, itu-t-y-3172-06-2019",
    "RFC 9110, rfc-9110",
    "rfc9110, rfc-9110",
    "IEEE 7001, ieee-7001-2021",
  })
  void findsIdentifiersTheWayPeopleTypeThem(String q, String expectedFirst) {
    assertThat(ids(index.search(request(q, Map.of())))).first().isEqualTo(expectedFirst);
  }

  /** Queries as the index builds them, without glossary, translation or committees. */
  private static Queries plainQueries() {
    return new Queries(
        IndexFields.analyzer(),
        new IndexSchema().facets(),
        QueryExpansion.NONE,
        QueryTranslation.NONE,
        Queries.Committees.NONE);
  }

  /** A searcher over no document. */
  private static org.apache.lucene.search.IndexSearcher emptySearcher() throws java.io.IOException {
    return new org.apache.lucene.search.IndexSearcher(new org.apache.lucene.index.MultiReader());
  }

  /**
   * ISO's feed writes "Titre manque" as the French title of 26 of the starter corpus's drafts: that
   * is no title, and a search for "manque" or "titre" finds none of them by it.
   */
  @Test
  void aFeedsPlaceholderForAMissingTitleIsNotSearchedAsTheTitle() {
    assertThat(app.catalog().get("iso-cd-18374").title()).containsEntry("fr", "Titre manque");
    assertThat(index.search(request("manque", Map.of())).total()).isZero();
    assertThat(ids(index.search(request("\"titre manque\"", Map.of())))).isEmpty();
    assertThat(ids(index.search(request("18374", Map.of())))).contains("iso-cd-18374");
  }

  @Test
  void aProjectNumberFindsTheDraftAndItsStandard() {
    List<String> hits = ids(index.search(request("P7001", Map.of())));
    assertThat(hits).isNotEmpty();
    assertThat(hits).allMatch(id -> id.contains("7001"));
  }

  @Test
  void aSingleWordFindsEveryRecordThatHasItInAnyField() {
    SearchResult r = index.search(request("risk", Map.of()));
    assertThat(ids(r)).contains("iso-iec-23894-2023");
    assertThat(r.total()).isGreaterThan(3);
    SearchResult inForce = index.search(request("risk", Map.of(Facet.STATUS, List.of("in-force"))));
    assertThat(inForce.total()).isPositive().isLessThanOrEqualTo(r.total());
  }

  @Test
  void longQueriesNeedMostWordsAndMinusExcludes() {
    List<String> all =
        ids(
            index.search(
                request("guidance on risk management for artificial intelligence", Map.of())));
    assertThat(all).contains("iso-iec-23894-2023");
    List<String> without = ids(index.search(request("risk management -guidance", Map.of())));
    assertThat(without).doesNotContain("iso-iec-23894-2023");
    assertThat(index.search(request("\"risk management\"", Map.of())).total()).isPositive();
  }

  @Test
  void aStopWordOfTheRecordsLanguageIsNotAskedFor() {
    // "of" is never indexed in English titles; other languages' fields would keep it, and once
    // required it there, "quality of service" found 3 of the corpus's 5 such ITU-T titles.
    assertThat(ids(index.search(request("quality of service", Map.of()))))
        .contains(
            "itu-t-y-3170-09-2018",
            "itu-t-y-3175-04-2020",
            "itu-t-y-3441-04-2026",
            "itu-t-y-3812-09-2022",
            "itu-t-y-3816-09-2023");
    // The French title of the ISO feed's record, read with French's stop words and elisions.
    assertThat(ids(index.search(request("technologies de l'information audit", Map.of()))))
        .contains("iso-iec-42006");
    assertThat(ids(index.search(request("l'audit et à la certification", Map.of()))))
        .contains("iso-iec-42006");
  }

  @Test
  void anExcludedWordExcludesInEveryLanguage() {
    assertThat(ids(index.search(request("audit certification", Map.of()))))
        .contains("iso-iec-42006");
    // "organismes" is only in the French title.
    assertThat(ids(index.search(request("audit certification -organismes", Map.of()))))
        .doesNotContain("iso-iec-42006");
  }

  @Test
  void managementSystemWithTheIsoIecFilterFinds42001() {
    SearchResult r =
        index.search(request("management system", Map.of(Facet.SDO, List.of("ISO/IEC"))));
    assertThat(ids(r)).contains("iso-iec-42001-2023");
    assertThat(r.items()).allMatch(s -> s.sdo().equals("ISO/IEC"));
  }

  @Test
  void wordsAreStemmedAndMatchedAcrossTitleAndAbstract() {
    // "certifying" and "auditors" are not in 42006's title in these forms; stemming finds it.
    assertThat(ids(index.search(request("certification audit management systems", Map.of()))))
        .contains("iso-iec-42006-2025");
  }

  @ParameterizedTest(name = "\"{0}*\" finds at least what \"{0}\" finds")
  @CsvSource({"management", "security", "ethics", "robots", "robotics", "systems"})
  void aTrailingStarFindsAtLeastWhatTheWordFinds(String word) {
    SearchResult exact = index.search(request(word, Map.of()));
    SearchResult prefix = index.search(request(word + "*", Map.of()));
    assertThat(exact.total()).isPositive();
    assertThat(prefix.total()).as(word + "*").isGreaterThanOrEqualTo(exact.total());
  }

  @Test
  void aTrailingStarMatchesTheWordsThatStartWithIt() {
    // Prefixes of the words as written, longer than their stems ("management" is "manag").
    // "managem*" finds the words that start with it; "management*" also what "management" finds
    // (its stem is "manag": managing, managers).
    assertThat(index.search(request("managem*", Map.of())).total())
        .isPositive()
        .isLessThanOrEqualTo(index.search(request("management*", Map.of())).total());
    assertThat(ids(index.search(request("managem* system", Map.of(Facet.SDO, List.of("ISO/IEC"))))))
        .contains("iso-iec-42001-2023");
    long robo = index.search(request("robo*", Map.of())).total();
    for (String word : List.of("robot", "robots", "robotics", "robotic")) {
      assertThat(robo)
          .as(word)
          .isGreaterThanOrEqualTo(index.search(request(word, Map.of())).total());
    }
    // Accents and case as the text field's analyzer folds them.
    assertThat(index.search(request("Manage*", Map.of())).total())
        .isEqualTo(index.search(request("manage*", Map.of())).total());
  }

  @Test
  void anEmptyCatalogueAnswersEveryKindOfQueryWithNothing(@TempDir Path own) {
    try (App empty = Fixtures.empty(own)) {
      for (String q : List.of("ISO/IEC JTC 1/SC 42", "isoiecjtc1sc42", "42001", "risk", "")) {
        for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
          SearchResult r =
              empty
                  .index()
                  .search(
                      new SearchRequest(
                          q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10, mode));
          assertThat(r.total()).as("%s in %s mode", q, mode).isZero();
        }
      }
    }
  }

  @Test
  void aPastedListOfReferencesIsReadAsAtMostTwentyIdentifiers() throws Exception {
    Queries queries = plainQueries();
    org.apache.lucene.search.IndexSearcher none = emptySearcher();
    StringBuilder list = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      list.append("RFC ").append(i).append(", ");
    }
    List<String> named = queries.namedIdentifiers(list.toString(), none);
    assertThat(named).hasSize(Queries.MAX_NAMED).startsWith("RFC 1", "RFC 2");
    assertThat(named.get(named.size() - 1)).isEqualTo("RFC " + Queries.MAX_NAMED);
    // Asked again for the same query and reader (as one search does), the same answer.
    assertThat(queries.namedIdentifiers(list.toString(), none)).isSameAs(named);
    assertThat(queries.namedIdentifiers("RFC 1 RFC 2", none)).containsExactly("RFC 1", "RFC 2");
  }

  @Test
  void aQueryMayHoldAtMostFourPrefixes() {
    assertThat(index.search(request("manag* syst* intell* -robo*", Map.of())).total()).isPositive();
    // A word of punctuation alone is no prefix, nor is a quoted phrase.
    assertThat(index.search(request("manage* secu* robo* ethi* ** \"risk*\"", Map.of())))
        .isNotNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> index.search(request("manage* secu* robo* ethi* -syst*", Map.of())))
        .isInstanceOfSatisfying(
            org.aisx.catalog.CatalogException.BadParameter.class,
            e -> {
              assertThat(e.problems().get(0).field()).isEqualTo("q");
              assertThat(e.getMessage()).contains("5 words ending in *", "at most 4");
            });
  }

  @ParameterizedTest(name = "\"{0}\" is refused")
  @CsvSource(
      delimiter = '|',
      value = {"e*", "co*", "-co* risk", "ai* management", "a* b* c* d*", "é*", "1*"})
  void aPrefixNeedsThreeLettersOrDigits(String q) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.search(request(q, Map.of())))
        .isInstanceOfSatisfying(
            org.aisx.catalog.CatalogException.BadParameter.class,
            e -> {
              assertThat(e.problems().get(0).field()).isEqualTo("q");
              assertThat(e.getMessage()).contains("at least 3 letters or digits");
            });
  }

  @Test
  void threeLettersMakeAPrefix() {
    assertThat(index.search(request("rob*", Map.of())).total())
        .isGreaterThanOrEqualTo(index.search(request("robo*", Map.of())).total())
        .isPositive();
    assertThat(index.search(request("management*", Map.of())).total())
        .isEqualTo(index.search(request("management", Map.of())).total());
  }

  @Test
  void theLongestQueriesStayWithinTheClauseLimit() throws Exception {
    Queries queries = plainQueries();
    org.apache.lucene.search.IndexSearcher none = emptySearcher();
    StringBuilder shortWords = new StringBuilder();
    for (int i = 0; shortWords.length() < 498; i++) {
      shortWords.append((char) ('a' + i % 26)).append((char) ('b' + i / 26 % 25)).append(' ');
    }
    int most = 0;
    for (String q :
        List.of(
            shortWords.toString().strip(),
            "b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(10).substring(0, 500),
            "ab/".repeat(166),
            "b*c ".repeat(125),
            "人工知能".repeat(125),
            "あいうえお".repeat(100),
            "인공지능".repeat(125),
            "a1 ".repeat(166),
            "\"ab cd\" ".repeat(62))) {
      assertThat(q.length()).isLessThanOrEqualTo(500);
      int[] clauses = {0};
      queries
          .query(
              new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10), none)
          .visit(
              new org.apache.lucene.search.QueryVisitor() {
                @Override
                public org.apache.lucene.search.QueryVisitor getSubVisitor(
                    org.apache.lucene.search.BooleanClause.Occur occur,
                    org.apache.lucene.search.Query parent) {
                  return this;
                }

                @Override
                public void visitLeaf(org.apache.lucene.search.Query query) {
                  clauses[0]++;
                }

                @Override
                public void consumeTerms(
                    org.apache.lucene.search.Query query, org.apache.lucene.index.Term... terms) {
                  clauses[0]++;
                }

                @Override
                public void consumeTermsMatching(
                    org.apache.lucene.search.Query query,
                    String field,
                    java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton>
                        automaton) {
                  clauses[0]++;
                }
              });
      most = Math.max(most, clauses[0]);
    }
    // 7,020 for 500 ideographs, a token each in the title and abstract of most languages.
    assertThat(most).isLessThan(SearchIndex.MAX_CLAUSES / 2);
  }

  @Test
  void facetCountsAreComputedDrillSideways() {
    SearchResult all = index.search(request("", Map.of()));
    SearchResult iso = index.search(request("", Map.of(Facet.SDO, List.of("ISO"))));

    long isoCount = count(all, Facet.SDO, "ISO");
    long ieeeCount = count(all, Facet.SDO, "IEEE");
    assertThat(iso.total()).isEqualTo(isoCount);
    // The selected facet still offers its other values with their full counts ...
    assertThat(count(iso, Facet.SDO, "IEEE")).isEqualTo(ieeeCount);
    // ... while the other facets are counted within the selection.
    long isoInForce = count(iso, Facet.STATUS, "in-force");
    assertThat(isoInForce)
        .isLessThanOrEqualTo(isoCount)
        .isLessThan(count(all, Facet.STATUS, "in-force"));
    SearchResult both =
        index.search(
            request("", Map.of(Facet.SDO, List.of("ISO"), Facet.STATUS, List.of("in-force"))));
    assertThat(both.total()).isEqualTo(isoInForce);
  }

  @Test
  void valuesWithinAFacetCombineWithOr() {
    SearchResult r = index.search(request("", Map.of(Facet.SDO, List.of("ISO", "IEEE"))));
    SearchResult all = index.search(request("", Map.of()));
    assertThat(r.total()).isEqualTo(count(all, Facet.SDO, "ISO") + count(all, Facet.SDO, "IEEE"));
  }

  /**
   * A joint publication of ISO and IEC ({@code sdo} "ISO/IEC") is ISO's and IEC's: filtering by ISO
   * finds ISO/IEC 42001, and each body's count is the total of its filter, joint work included. The
   * facet lists bodies, never a joint one; a filter may still name the joint body as records write
   * it, for the records whose {@code sdo} it is.
   */
  @Test
  void aJointPublicationIsFoundAndCountedUnderEachOfItsBodies() {
    assertThat(ids(index.search(request("42001", Map.of(Facet.SDO, List.of("ISO"))))))
        .contains("iso-iec-42001-2023");
    assertThat(ids(index.search(request("42001", Map.of(Facet.SDO, List.of("IEC"))))))
        .contains("iso-iec-42001-2023");

    SearchResult all = index.search(request("", Map.of()));
    assertThat(all.facets().get(Facet.SDO))
        .extracting(SearchResult.FacetCount::value)
        .contains("ISO", "IEC")
        .noneMatch(v -> v.contains("/"));
    SearchResult iso = index.search(request("", Map.of(Facet.SDO, List.of("ISO"))));
    SearchResult joint = index.search(request("", Map.of(Facet.SDO, List.of("ISO/IEC"))));
    SearchResult isoAlone =
        index.search(
            new SearchRequest(
                "",
                Map.of(Facet.SDO, List.of("ISO")),
                null,
                null,
                SearchRequest.Sort.IDENTIFIER,
                1,
                SearchRequest.MAX_SIZE));
    assertThat(iso.total()).isEqualTo(count(all, Facet.SDO, "ISO"));
    assertThat(joint.total()).isPositive().isLessThan(iso.total());
    assertThat(joint.items()).allMatch(h -> h.sdo().equals("ISO/IEC"));
    assertThat(isoAlone.items())
        .isNotEmpty()
        .allMatch(h -> org.aisx.catalog.Standard.bodiesOf(h.sdo()).contains("ISO"));
    assertThat(index.search(request("", Map.of(Facet.SDO, List.of("IEC")))).total())
        .isEqualTo(count(all, Facet.SDO, "IEC"))
        .isGreaterThan(joint.total());
    assertThat(index.knows(Facet.SDO, "ISO/IEC")).isTrue();
    assertThat(index.knows(Facet.SDO, "ISO/ACME")).isFalse();
  }

  @Test
  void currentEditionsRankAboveSupersededOnes() {
    // RFC 7231's title says "Semantics" and "HTTP" just as RFC 9110's does; 9110 replaced it.
    List<String> hits = ids(index.search(request("HTTP semantics", Map.of())));
    assertThat(hits).containsSubsequence("rfc-9110", "rfc-7231");
  }

  @Test
  void anEmptyQueryListsCurrentEditionsFirst() {
    SearchResult r =
        index.search(
            new SearchRequest("", Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 100));
    List<Status> statuses = r.items().stream().map(Hit::status).toList();
    int firstOld = statuses.indexOf(Status.SUPERSEDED);
    if (firstOld >= 0) {
      assertThat(statuses.subList(firstOld, statuses.size())).doesNotContain(Status.IN_FORCE);
    }
  }

  @Test
  void pagesDoNotOverlapAndCoverTheTotal() {
    SearchRequest first =
        new SearchRequest("", Map.of(), null, null, SearchRequest.Sort.IDENTIFIER, 1, 7);
    SearchRequest second =
        new SearchRequest("", Map.of(), null, null, SearchRequest.Sort.IDENTIFIER, 2, 7);
    List<String> a = ids(index.search(first));
    List<String> b = ids(index.search(second));
    assertThat(a).hasSize(7).doesNotContainAnyElementsOf(b);
    assertThat(b).hasSize(7);
  }

  @Test
  void sortsByDateNewestFirstAndByIdentifierNaturally() {
    SearchResult byDate =
        index.search(new SearchRequest("", Map.of(), null, null, SearchRequest.Sort.DATE, 1, 50));
    List<Long> dates =
        byDate.items().stream().map(s -> IndexSchema.dateKey(s.published())).toList();
    assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());

    SearchResult byId =
        index.search(
            new SearchRequest(
                "",
                Map.of(Facet.SDO, List.of("ISO/IEC")),
                null,
                null,
                SearchRequest.Sort.IDENTIFIER,
                1,
                100));
    List<String> keys =
        byId.items().stream().map(s -> IndexSchema.naturalKey(s.identifier())).toList();
    assertThat(keys).isSorted();
    assertThat(IndexSchema.naturalKey("ISO/IEC 5259-1:2024"))
        .isLessThan(IndexSchema.naturalKey("ISO/IEC 22989:2022"));
  }

  @Test
  void theYearRangeFiltersByPublicationYear() {
    SearchResult r =
        index.search(new SearchRequest("", Map.of(), 2023, 2024, SearchRequest.Sort.DATE, 1, 100));
    assertThat(r.total()).isPositive();
    assertThat(r.items()).allSatisfy(s -> assertThat(s.year()).isBetween(2023, 2024));
  }

  @Test
  void knowsWhichBodiesAreInTheCatalogue() {
    assertThat(index.knows(Facet.SDO, "ITU-T")).isTrue();
    assertThat(index.knows(Facet.SDO, "ACME")).isFalse();
    assertThat(index.knows(Facet.COMMITTEE, "ISO/IEC JTC 1/SC 42")).isTrue();
  }

  /**
   * Browsing by one facet takes a shortcut (whole-catalogue counts for the filtered facet); it must
   * agree with what drill-sideways gives, here checked against searches with two filters, which
   * take the drill-sideways path.
   */
  @Test
  void browsingByOneFacetCountsLikeDrillSideways() {
    SearchResult all = index.search(request("", Map.of()));
    SearchResult ieee = index.search(request("", Map.of(Facet.SDO, List.of("IEEE"))));
    assertThat(ieee.facets().get(Facet.SDO)).isEqualTo(all.facets().get(Facet.SDO));
    assertThat(ieee.total()).isEqualTo(count(all, Facet.SDO, "IEEE")).isPositive();
    assertThat(ieee.items()).allMatch(h -> h.sdo().equals("IEEE"));
    long sum = 0;
    for (SearchResult.FacetCount status : ieee.facets().get(Facet.STATUS)) {
      SearchResult both =
          index.search(
              request(
                  "", Map.of(Facet.SDO, List.of("IEEE"), Facet.STATUS, List.of(status.value()))));
      assertThat(both.total()).as(status.value()).isEqualTo(status.count());
      assertThat(count(both, Facet.SDO, "IEEE")).isEqualTo(status.count());
      sum += status.count();
    }
    assertThat(sum).isEqualTo(ieee.total());
  }

  private static long count(SearchResult r, Facet facet, String value) {
    return r.facets().get(facet).stream()
        .filter(c -> c.value().equals(value))
        .mapToLong(SearchResult.FacetCount::count)
        .findFirst()
        .orElse(0);
  }

  @Test
  void hybridFusionWeighsScoresNotOnlyRanks() {
    // Semantic: doc 1 far ahead (cosine-like scores), docs 2 and 3 close behind each other.
    org.apache.lucene.search.ScoreDoc[] semantic = {
      new org.apache.lucene.search.ScoreDoc(1, 0.95f),
      new org.apache.lucene.search.ScoreDoc(2, 0.80f),
      new org.apache.lucene.search.ScoreDoc(3, 0.79f),
      new org.apache.lucene.search.ScoreDoc(4, 0.70f)
    };
    // Keyword: doc 1 is missing; docs 2 and 3 match, weakly next to doc 5.
    org.apache.lucene.search.ScoreDoc[] words = {
      new org.apache.lucene.search.ScoreDoc(5, 12f),
      new org.apache.lucene.search.ScoreDoc(2, 5f),
      new org.apache.lucene.search.ScoreDoc(3, 4.9f),
      new org.apache.lucene.search.ScoreDoc(6, 1f)
    };
    // Reciprocal ranks would put 2 and 3 (found by both) before 1 and 5, each first in one list;
    // by scores, 1 (0.6 × 1) comes before 2 (0.6 × 0.4 + 0.4 × 5/12 = 0.41), 5 (0.4 × 1) and 3
    // (0.6 × 0.36 + 0.4 × 4.9/12 = 0.38). The keyword list is shorter than the scaled depth, so its
    // scores are scaled down to 0, a non-match's score (Fusion.wordsFloor).
    assertThat(Fusion.fuse(words, semantic, 4)).containsExactly(1, 2, 5, 3);
    assertThat(Fusion.fuse(words, new org.apache.lucene.search.ScoreDoc[0], 2))
        .containsExactly(5, 2);
    assertThat(Fusion.fuse(new org.apache.lucene.search.ScoreDoc[0], semantic, 10))
        .containsExactly(1, 2, 3, 4);
  }

  @Test
  void aFewKeywordMatchesAllCountForTheirWordsAgainstRecordsCloseInMeaningAlone() {
    // The scores of "EU AI Act" on the bundled corpus: 7 keyword matches, the act in the title of
    // one (27.0) and in the keywords of six (10.3 to 12.3); by meaning, neighbours that name
    // nothing of it (12, 13) between them. Scaled down to the last match, the weakest match counted
    // as no match (0) and the others next to nothing (0.02 to 0.12), so the neighbours came first.
    org.apache.lucene.search.ScoreDoc[] words = {
      new org.apache.lucene.search.ScoreDoc(1, 26.97f),
      new org.apache.lucene.search.ScoreDoc(2, 11.03f),
      new org.apache.lucene.search.ScoreDoc(3, 10.63f),
      new org.apache.lucene.search.ScoreDoc(4, 10.29f)
    };
    org.apache.lucene.search.ScoreDoc[] semantic = {
      new org.apache.lucene.search.ScoreDoc(1, 0.862f),
      new org.apache.lucene.search.ScoreDoc(12, 0.851f),
      new org.apache.lucene.search.ScoreDoc(2, 0.846f),
      new org.apache.lucene.search.ScoreDoc(13, 0.840f),
      new org.apache.lucene.search.ScoreDoc(3, 0.827f),
      new org.apache.lucene.search.ScoreDoc(4, 0.822f),
      new org.apache.lucene.search.ScoreDoc(14, 0.763f)
    };
    // 2: 0.6 × 0.84 + 0.4 × 11.03/26.97 = 0.67; 12: 0.6 × 0.89 = 0.53; 3: 0.6 × 0.65 + 0.4 × 0.39 =
    // 0.55; 4: 0.6 × 0.60 + 0.4 × 0.38 = 0.51; 13: 0.6 × 0.78 = 0.47.
    assertThat(Fusion.fuse(words, semantic, 6)).containsExactly(1, 2, 3, 12, 4, 13);
  }

  // ---- Searches in every mode, through the service's own hybrid search (the model embeds). ----

  private static SearchRequest inMode(SearchRequest.Mode mode, String q, int page, int size) {
    return new SearchRequest(
        q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, page, size, mode);
  }

  private static SearchResult in(SearchRequest.Mode mode, String q, int page, int size) {
    return app.hybridSearch().search(inMode(mode, q, page, size));
  }

  /** The ids of every page of a search, in order, up to the first empty page. */
  private static List<String> allPages(SearchRequest.Mode mode, String q, int size) {
    List<String> out = new java.util.ArrayList<>();
    long total = in(mode, q, 1, size).total();
    for (int page = 1; page <= total / size + 1; page++) {
      List<String> ids = ids(in(mode, q, page, size));
      if (ids.isEmpty()) {
        break;
      }
      out.addAll(ids);
    }
    return out;
  }

  /** The ids of every record a search counts in its total ({@link SearchIndex#matchingIds}). */
  private static java.util.Set<String> counted(SearchRequest.Mode mode, String q) {
    SearchRequest r = inMode(mode, q, 1, 10);
    return index.matchingIds(r, app.hybridSearch().queryVector(r));
  }

  /**
   * Each record a search counts is on exactly one of its pages, past the hundred records that
   * fusion ranks by their scaled scores (SEMANTIC_CANDIDATES), whatever the page size, in the same
   * order.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(SearchRequest.Mode.class)
  void everyCountedHitIsOnExactlyOnePageInEveryMode(SearchRequest.Mode mode) {
    String q = "artificial intelligence";
    long total = in(mode, q, 1, 10).total();
    if (mode != SearchRequest.Mode.KEYWORD) {
      assertThat(total).isGreaterThan(SearchIndex.SEMANTIC_CANDIDATES * 2L);
    }
    List<String> byHundreds = allPages(mode, q, 100);
    assertThat(byHundreds).doesNotHaveDuplicates().hasSize((int) total);
    assertThat(new java.util.HashSet<>(byHundreds)).isEqualTo(counted(mode, q));
    assertThat(allPages(mode, q, 30)).isEqualTo(byHundreds);
  }

  /** "-word" leaves out every record the word matches, by words and by meaning alike. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(SearchRequest.Mode.class)
  void anExcludedWordExcludesInEveryMode(SearchRequest.Mode mode) {
    java.util.Set<String> quality = counted(SearchRequest.Mode.KEYWORD, "quality");
    java.util.Set<String> all = counted(mode, "data management");
    assertThat(all).as("the search without the exclusion").containsAnyElementsOf(quality);
    java.util.Set<String> without = new java.util.HashSet<>(all);
    without.removeAll(quality);
    assertThat(counted(mode, "data management -quality")).isNotEmpty().isEqualTo(without);
    assertThat(allPages(mode, "data management -quality", 100))
        .hasSize(without.size())
        .doesNotContainAnyElementsOf(quality);
  }

  /** "Y.317*" names the identifiers that start with it: ITU-T Y.3170 to Y.3179, first. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(SearchRequest.Mode.class)
  void aPrefixOfAnIdentifierWithADotFindsTheIdentifiersThatStartWithIt(SearchRequest.Mode mode) {
    List<String> y317 = new java.util.ArrayList<>();
    for (int page = 1; ; page++) {
      SearchResult r =
          index.search(
              new SearchRequest(
                  "", Map.of(), null, null, SearchRequest.Sort.IDENTIFIER, page, 100));
      if (r.items().isEmpty()) {
        break;
      }
      r.items().stream()
          .filter(h -> h.identifier().matches("ITU-T Y\\.317\\d\\b.*"))
          .forEach(h -> y317.add(h.id()));
    }
    assertThat(y317).hasSizeGreaterThan(3);
    List<String> found = ids(in(mode, "Y.317*", 1, 20));
    assertThat(found).as("%s mode", mode).hasSizeGreaterThanOrEqualTo(y317.size());
    assertThat(found.subList(0, y317.size()))
        .as("%s mode", mode)
        .containsExactlyInAnyOrderElementsOf(y317);
  }

  /**
   * Punctuation inside a word splits it where the analyzer splits text: each part is a word asked
   * for, as if typed with a space, never either part alone.
   */
  @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "risk/management|risk management",
        "risk(2)|risk 2",
        "risk,management|risk management",
        "AI-driven robots|AI driven robots",
        "(risk)|risk"
      })
  void punctuationInsideAWordSplitsItAsTheAnalyzerSplitsText(String typed, String spaced) {
    SearchResult asTyped = index.search(request(typed, Map.of()));
    SearchResult withSpaces = index.search(request(spaced, Map.of()));
    assertThat(asTyped.total()).isEqualTo(withSpaces.total());
    assertThat(ids(asTyped)).isEqualTo(ids(withSpaces));
    String first = spaced.split(" ")[0];
    assertThat(asTyped.total()).isLessThanOrEqualTo(index.search(request(first, Map.of())).total());
  }

  @Test
  void aWordIsSplitOnlyWhereTheTokenizerSplitsIt() {
    assertThat(Queries.parts("risk/manag*")).containsExactly("risk", "manag*");
    assertThat(Queries.parts("risk(2)")).containsExactly("risk", "2");
    // Kept whole by the tokenizer: an elision, a decimal, letters written together.
    assertThat(Queries.parts("l'information")).containsExactly("l'information");
    assertThat(Queries.parts("3.14")).containsExactly("3.14");
    assertThat(Queries.parts("人工知能")).containsExactly("人工知能");
    assertThat(Queries.parts("\"risk/management\"")).containsExactly("\"risk/management\"");
  }

  /**
   * A word that occurs nowhere finds nothing: the French stemmer reduces "aaaaa" to "a" (it takes
   * doubled letters out), which English abstracts' list items hold; and by meaning nothing is close
   * enough to be above the similarity floor, so hybrid adds nothing either.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(SearchRequest.Mode.class)
  void aWordThatOccursNowhereFindsNothing(SearchRequest.Mode mode) {
    for (String q : List.of("aaaaa", "bbbbbb", "Aaaaaaaa")) {
      SearchResult r = in(mode, q, 1, 10);
      assertThat(r.total()).as("%s in %s mode", q, mode).isZero();
      assertThat(r.items()).isEmpty();
    }
    // A French word is still stemmed: the plural finds the singular's records.
    assertThat(index.search(request("organisme", Map.of())).total()).isPositive();
  }

  /** Stop words alone are no query: nothing is found, and the answer says why. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(SearchRequest.Mode.class)
  void aQueryOfStopWordsAloneFindsNothingAndSaysSo(SearchRequest.Mode mode) {
    for (String q : List.of("the of and", "le la les", "The", "the -quality")) {
      SearchResult r = in(mode, q, 1, 10);
      assertThat(r.total()).as("%s in %s mode", q, mode).isZero();
      assertThat(r.onlyStopWords()).as("%s in %s mode", q, mode).isTrue();
    }
    // "ai" is a French stop word, and English's name of the subject.
    SearchResult ai = in(mode, "AI", 1, 10);
    assertThat(ai.total()).isPositive();
    assertThat(ai.onlyStopWords()).isFalse();
    assertThat(in(mode, "the management", 1, 10).onlyStopWords()).isFalse();
  }

  /**
   * A prefix matches as by words in every mode: alone it is searched by words ("manag*" has no
   * meaning to embed); beside other words, every hit found by meaning matches it too.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(
      value = SearchRequest.Mode.class,
      names = {"SEMANTIC", "HYBRID"})
  void aPrefixMatchesByMeaningAsItDoesByWords(SearchRequest.Mode mode) {
    SearchResult words = in(SearchRequest.Mode.KEYWORD, "manag*", 1, 10);
    SearchResult r = in(mode, "manag*", 1, 10);
    assertThat(r.total()).isPositive().isEqualTo(words.total());
    assertThat(ids(r)).isEqualTo(ids(words));
    java.util.Set<String> prefixed = counted(SearchRequest.Mode.KEYWORD, "manag*");
    java.util.Set<String> mixed = counted(mode, "manag* artificial intelligence");
    assertThat(mixed).isNotEmpty();
    assertThat(prefixed).containsAll(mixed);
  }

  /** A page past the last hit is empty, with the search's total, in every mode: no error. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(SearchRequest.Mode.class)
  void aPagePastTheEndIsEmptyWithTheTotal(SearchRequest.Mode mode) {
    for (String q : List.of("artificial intelligence", "manag*")) {
      long total = in(mode, q, 1, 10).total();
      assertThat(total).isPositive();
      for (int size : List.of(10, 20, SearchRequest.MAX_SIZE)) {
        SearchResult past = in(mode, q, 999, size);
        assertThat(past.items()).as("%s in %s mode, size %d", q, mode, size).isEmpty();
        assertThat(past.total()).as("%s in %s mode, size %d", q, mode, size).isEqualTo(total);
      }
    }
  }
}
