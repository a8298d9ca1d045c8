package org.aisx.semantic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Standard;
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
  private final Map<String, float[]> queryVectors =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > QUERY_CACHE;
        }
      };

  public HybridSearch(SearchIndex index, Vectors vectors, Embedder embedder) {
    this.index = index;
    this.vectors = vectors;
    this.embedder = embedder;
  }

  /** Searches in the request's mode, waiting for the model if it is still loading. */
  public SearchResult search(SearchRequest request) {
    if (request.mode() == SearchRequest.Mode.KEYWORD || request.q().isEmpty()) {
      return index.search(request);
    }
    return index.search(request, queryVector(request.q()));
  }

  /**
   * Searches in the request's mode if the model has loaded; until then by words alone, the answer
   * marked {@link SearchResult#meaningPending}, so that a service answers at once after its start.
   */
  public SearchResult searchNow(SearchRequest request) {
    if (request.mode() == SearchRequest.Mode.KEYWORD
        || request.q().isEmpty()
        || embedder.ready()
        || cached(request.q())) {
      return search(request);
    }
    embedder.loadInBackground();
    return index.search(request).withMeaningPending();
  }

  /**
   * The query embedding a search of {@code request} by {@link #searchNow} uses: null when it
   * searches by words alone (keyword mode, no words, or the model still loading), so that whatever
   * counts the same search's records counts the same ones.
   */
  public float[] queryVectorNow(SearchRequest request) {
    if (request.mode() == SearchRequest.Mode.KEYWORD || request.q().isEmpty()) {
      return null;
    }
    if (embedder.ready() || cached(request.q())) {
      return queryVector(request.q());
    }
    embedder.loadInBackground();
    return null;
  }

  /** The index this searches. */
  public SearchIndex index() {
    return index;
  }

  private boolean cached(String q) {
    synchronized (queryVectors) {
      return queryVectors.containsKey(q);
    }
  }

  /** The embedding of a query text. */
  public float[] queryVector(String q) {
    float[] v;
    synchronized (queryVectors) {
      v = queryVectors.get(q);
    }
    if (v == null) {
      v = embedder.query(q);
      synchronized (queryVectors) {
        queryVectors.put(q, v);
      }
    }
    return v;
  }

  /**
   * The records closest in meaning to {@code record}, best first, with cosine similarity; empty
   * while the record has no vector yet.
   */
  public List<SearchIndex.Neighbour> related(Standard record, int k) {
    float[] v = vectors.vectorFor(record);
    return v == null ? List.of() : index.nearest(v, k, record.id());
  }
}
