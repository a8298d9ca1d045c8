package org.aisx.search;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One page of hits, with the counts of every facet computed drill-sideways. {@code byMeaning} holds
 * the ids of the page's hits that match neither the words nor an identifier of the query, only its
 * meaning (semantic and hybrid modes), so pages can say they are "close in meaning". {@code
 * meaningPending} says that the search was asked by meaning but answered by words alone, because
 * the model was still loading. {@code catalogueLoading} says that the catalogue itself was still
 * being loaded (the bundled corpus, in the first seconds of a fresh service): the hits are those
 * loaded so far, and a total of 0 does not mean that nothing matches. {@code alsoSearched} holds
 * the English words the query was also searched with, the translation by vocabulary of phrases it
 * names in another language (empty when none). {@code onlyStopWords} says that the query held only
 * stop words ("the of and", "le la les"), which no search looks for: it found nothing.
 */
public record SearchResult(
    long total,
    int page,
    int size,
    List<Hit> items,
    Map<Facet, List<FacetCount>> facets,
    Set<String> byMeaning,
    boolean meaningPending,
    boolean catalogueLoading,
    List<String> alsoSearched,
    boolean onlyStopWords) {

  public SearchResult {
    // Immutable throughout: one answer is kept and handed to every request that repeats it
    // (AnswerCache).
    items = List.copyOf(items);
    EnumMap<Facet, List<FacetCount>> counts = new EnumMap<>(Facet.class);
    facets.forEach((facet, values) -> counts.put(facet, List.copyOf(values)));
    facets = Collections.unmodifiableMap(counts);
    byMeaning = Set.copyOf(byMeaning);
    alsoSearched = List.copyOf(alsoSearched);
  }

  /** A page where every hit matches the query's words (keyword search, browsing). */
  public SearchResult(
      long total, int page, int size, List<Hit> items, Map<Facet, List<FacetCount>> facets) {
    this(total, page, size, items, facets, Set.of(), false, false, List.of(), false);
  }

  /** This answer, marked as given by words alone while the model for meaning still loads. */
  public SearchResult withMeaningPending() {
    return new SearchResult(
        total,
        page,
        size,
        items,
        facets,
        byMeaning,
        true,
        catalogueLoading,
        alsoSearched,
        onlyStopWords);
  }

  /** This answer, marked as given while the catalogue is still being loaded. */
  public SearchResult withCatalogueLoading() {
    return new SearchResult(
        total,
        page,
        size,
        items,
        facets,
        byMeaning,
        meaningPending,
        true,
        alsoSearched,
        onlyStopWords);
  }

  /**
   * This answer, saying which English words were also searched for ({@code english}: the
   * translations, by vocabulary, of what the query names in another language).
   */
  public SearchResult withAlsoSearched(List<String> english) {
    return new SearchResult(
        total,
        page,
        size,
        items,
        facets,
        byMeaning,
        meaningPending,
        catalogueLoading,
        english,
        onlyStopWords);
  }

  /** This answer, marked as given to a query of stop words alone (it found nothing). */
  public SearchResult withOnlyStopWords() {
    return new SearchResult(
        total,
        page,
        size,
        items,
        facets,
        byMeaning,
        meaningPending,
        catalogueLoading,
        alsoSearched,
        true);
  }

  /** Whether {@code hit} is on this page only because it is close in meaning to the query. */
  public boolean closeInMeaning(Hit hit) {
    return byMeaning.contains(hit.id());
  }

  /** How many hits of this page are close in meaning only. */
  public int closeInMeaningCount() {
    return byMeaning.size();
  }

  /** How many hits carry one value of a facet. */
  public record FacetCount(String value, long count) {}
}
