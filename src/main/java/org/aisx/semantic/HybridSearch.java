package org.aisx.semantic;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aisx.catalog.Standard;
import org.aisx.editions.Twins;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;
import org.aisx.search.SearchResult;

/**
 * Search by words and by meaning: embeds the query (once per distinct text, cached) and hands it to
 * the index, which fuses keyword and nearest-neighbour rankings; and finds related work by the
 * records' own vectors.
 */
public final class HybridSearch {
  private static final int QUERY_CACHE = 2_000;

  private final SearchIndex index;
  private final Vectors vectors;
  private final Embedder embedder;
  private final QueryVectors queryVectors = new QueryVectors(QUERY_CACHE);
  private final java.util.function.BooleanSupplier catalogueLoading;

  public HybridSearch(SearchIndex index, Vectors vectors, Embedder embedder) {
    this(index, vectors, embedder, () -> false);
  }

  /**
   * @param catalogueLoading whether the catalogue is still being loaded: {@link #searchNow} marks
   *     its answers so meanwhile ({@link SearchResult#catalogueLoading})
   */
  public HybridSearch(
      SearchIndex index,
      Vectors vectors,
      Embedder embedder,
      java.util.function.BooleanSupplier catalogueLoading) {
    this.index = index;
    this.vectors = vectors;
    this.embedder = embedder;
    this.catalogueLoading = catalogueLoading;
  }

  /** Searches in the request's mode, waiting for the model if it is still loading. */
  public SearchResult search(SearchRequest request) {
    if (!byMeaning(request)) {
      return index.search(request);
    }
    return index.search(request, queryVector(meaningText(request)));
  }

  /**
   * The text whose meaning a search looks for ({@link SearchIndex#meaningOf}): the query, with what
   * it names in another language in the English words of its translation by vocabulary, which the
   * English model reads better than the query itself.
   */
  private String meaningText(SearchRequest request) {
    return index.meaningOf(request);
  }

  /**
   * Searches in the request's mode if the model has loaded; until then by words alone, the answer
   * marked {@link SearchResult#meaningPending}, so that a service answers at once after its start.
   * While the catalogue itself is still being loaded, the answer is over what is loaded so far and
   * says so ({@link SearchResult#catalogueLoading}).
   */
  public SearchResult searchNow(SearchRequest request) {
    // Read before searching: a load that ends during the search still marks this answer.
    boolean loading = catalogueLoading.getAsBoolean();
    SearchResult result;
    if (!byMeaning(request) || embedder.ready() || queryVectors.contains(meaningText(request))) {
      result = search(request);
    } else {
      embedder.loadInBackground();
      result = index.search(request).withMeaningPending();
    }
    return loading ? result.withCatalogueLoading() : result;
  }

  /**
   * The query embedding a search of {@code request} by {@link #searchNow} uses: null when it
   * searches by words alone (keyword mode, no words, or the model still loading), so that whatever
   * counts the same search's records counts the same ones.
   */
  public float[] queryVectorNow(SearchRequest request) {
    if (!byMeaning(request)) {
      return null;
    }
    if (embedder.ready() || queryVectors.contains(meaningText(request))) {
      return queryVector(meaningText(request));
    }
    embedder.loadInBackground();
    return null;
  }

  /**
   * The query embedding a search of {@code request} by {@link #search} uses, waiting for the model
   * if it is still loading: null when it searches by words alone (keyword mode, or no words), so
   * that whatever lists the same search's records ({@code export}) lists the same ones.
   */
  public float[] queryVector(SearchRequest request) {
    return byMeaning(request) ? queryVector(meaningText(request)) : null;
  }

  /**
   * Whether {@code request} is searched by meaning: not in keyword mode, and only with words to
   * look for by meaning ({@link SearchIndex#meaningOf}). Punctuation alone ("*", "\"") embeds as
   * something close to a few records, which nothing in the query named; by words it finds nothing,
   * and so it does in every mode. Prefixes ("manag*") and stop words ("the of and") are no meaning
   * either.
   */
  private boolean byMeaning(SearchRequest request) {
    return request.mode() != SearchRequest.Mode.KEYWORD
        && request.hasWords()
        && !index.meaningOf(request).isEmpty();
  }

  /** The index this searches. */
  public SearchIndex index() {
    return index;
  }

  /**
   * The cache of query embeddings; the search evaluations pin their queries' vectors in it, so that
   * what they check is the search, not the last bits of the CPU's arithmetic (ONNX Runtime's
   * kernels differ by CPU).
   */
  QueryVectors queryVectors() {
    return queryVectors;
  }

  /** The embedding of a query text. */
  public float[] queryVector(String q) {
    return queryVectors.computeIfAbsent(q, embedder::query);
  }

  /**
   * The records closest in meaning to {@code record}, best first, with cosine similarity, a
   * publication's replaced drafts and editions folded into its current edition ({@link
   * RelatedWork}); empty while the record has no vector yet. As result lists show them: a record
   * folded into its twin is listed as its card ({@link SearchIndex#nearestListed}), and neither is
   * related work of the other, being its text ({@link Twins}).
   */
  public List<SearchIndex.Neighbour> related(Standard record, int k) {
    float[] v = vectors.vectorFor(record);
    if (v == null) {
      return List.of();
    }
    Set<String> itself = new HashSet<>();
    itself.add(record.id());
    Twins.foldedInto(record).ifPresent(t -> itself.add(t.id()));
    Twins.alsoPublishedAs(record).forEach(t -> itself.add(t.id()));
    return RelatedWork.fold(record, index.nearestListed(v, RelatedWork.candidates(k), itself), k);
  }
}
