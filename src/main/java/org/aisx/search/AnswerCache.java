package org.aisx.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;

/**
 * The whole answers of recent searches, each kept for the index reader that gave it, as Solr's
 * query result cache and Elasticsearch's shard request cache keep theirs: a request asked again
 * while the index has not changed is answered from here, without searching, scanning vectors or
 * counting facets.
 *
 * <p>Most of a public search service's requests repeat: the queries a page links to, the words many
 * people type, the same search paged, re-sorted or with a filter cleared and set again. A write
 * makes a new reader when it is published ({@link SearchIndex#publish}), so the next search is over
 * the new reader, misses, and sees the write: an answer is never older than the index it was
 * searched on. The entries of a reader are dropped when it closes (the searcher manager releases it
 * after a refresh, or the index closes).
 *
 * <p>The key holds what the query is built from besides the request ({@link Queries.Variables}: the
 * glossary's other words, the vocabularies' translations), not the built query: finding those is a
 * fraction of building the query, which a kept answer does not need.
 *
 * <p>Bounded by an estimate of the bytes its entries hold, evicted by Caffeine's policy (window
 * TinyLFU: recent and frequent answers stay). A search by meaning is kept under its query vector,
 * so a keyword search and a search by meaning of the same request are different entries.
 */
final class AnswerCache {
  /**
   * The default bound: 32 MB, about 1,250 answers of 20 hits with their facet counts over the whole
   * shared-feed catalogue (BENCHMARKS.md: 1,247 kept at the bound).
   */
  static final long DEFAULT_MAX_BYTES = 32L << 20;

  /** What a kept answer costs besides its hits and facet counts (object headers, the key). */
  private static final int ANSWER_BYTES = 512;

  /** What one hit of a kept answer costs: its id, identifier, title and labels, about 1 KB. */
  private static final int HIT_BYTES = 1024;

  /** What one facet value with its count costs. */
  private static final int FACET_COUNT_BYTES = 64;

  private record Key(
      IndexReader.CacheKey reader,
      SearchRequest request,
      Queries.Variables variables,
      float[] vector) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.reader == reader
          && k.request.equals(request)
          && k.variables.equals(variables)
          && Arrays.equals(k.vector, vector);
    }

    @Override
    public int hashCode() {
      int h = System.identityHashCode(reader);
      h = h * 31 + request.hashCode();
      h = h * 31 + variables.hashCode();
      return h * 31 + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
      return "Key[" + request + (vector == null ? "" : ", by meaning") + "]";
    }
  }

  private final Cache<Key, SearchResult> answers;
  private final Set<IndexReader.CacheKey> watched = ConcurrentHashMap.newKeySet();

  AnswerCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("the cache's bound must not be negative: " + maxBytes);
    }
    this.answers =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher(AnswerCache::weight)
            // Evictions run on the calling thread: nothing of the cache outlives a request on a
            // pool of its own, and a stop has no cache thread to wait for.
            .executor(Runnable::run)
            .recordStats()
            .build();
  }

  /**
   * The kept answer of {@code request} over {@code reader}, or null; {@code variables} are what the
   * query built from it holds besides the request, {@code vector} the embedding it is searched by
   * (null: by words alone).
   */
  SearchResult get(
      IndexReader reader, SearchRequest request, Queries.Variables variables, float[] vector) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    return helper == null
        ? null
        : answers.getIfPresent(new Key(helper.getKey(), request, variables, vector));
  }

  /** Keeps the answer of {@code request} over {@code reader}, within the bound. */
  void put(
      IndexReader reader,
      SearchRequest request,
      Queries.Variables variables,
      float[] vector,
      SearchResult answer) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return; // a reader that cannot tell when it closes is never kept
    }
    IndexReader.CacheKey key = helper.getKey();
    if (watched.add(key)) {
      helper.addClosedListener(this::dropReader);
    }
    answers.put(new Key(key, request, variables, vector == null ? null : vector.clone()), answer);
  }

  private void dropReader(IndexReader.CacheKey reader) {
    watched.remove(reader);
    answers.asMap().keySet().removeIf(k -> k.reader == reader);
  }

  private static int weight(Key key, SearchResult answer) {
    long facetCounts =
        answer.facets().values().stream().mapToLong(List::size).sum()
            + answer.alsoSearched().size();
    long bytes =
        ANSWER_BYTES
            + (key.vector == null ? 0 : 4L * key.vector.length)
            + (long) HIT_BYTES * answer.items().size()
            + FACET_COUNT_BYTES * facetCounts;
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  /** What the cache holds and how it has been used. */
  KeptAnswers stats() {
    answers.cleanUp();
    var s = answers.stats();
    return new KeptAnswers(answers.estimatedSize(), s.hitCount(), s.missCount());
  }
}
