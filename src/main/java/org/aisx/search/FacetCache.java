package org.aisx.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;

/**
 * What is worth keeping per index reader between requests, and only what is safe to share between
 * request threads: the facet ordinal state (which Lucene documents as shareable) and the facet
 * counts over every document as immutable values.
 *
 * <p>Never a Lucene {@link Facets} object: a {@link SortedSetDocValuesFacetCounts} holds a
 * doc-values iterator that it reads when it labels its counts, and Lucene's iterators are
 * single-threaded. Sharing one between requests corrupted the labels and threw from deep inside LZ4
 * under concurrent load (issue 20).
 *
 * <p>Entries are keyed by the reader's cache key and dropped when the reader closes, so a request
 * still holding an older searcher after a refresh neither thrashes the cache nor keeps a closed
 * reader's state alive.
 */
final class FacetCache {
  /** The facet counts of a whole reader, per dimension, best first: immutable values only. */
  record Totals(Map<String, List<SearchResult.FacetCount>> byDimension) {
    Totals {
      byDimension = Map.copyOf(byDimension);
    }

    /** The counts of {@code dimension}, best first; empty when no document has it. */
    List<SearchResult.FacetCount> of(String dimension) {
      return byDimension.getOrDefault(dimension, List.of());
    }
  }

  private record Entry(
      DefaultSortedSetDocValuesReaderState state, Totals totals, Map<String, String> committees) {}

  private final FacetsConfig config;
  private final Map<IndexReader.CacheKey, Entry> entries = new ConcurrentHashMap<>();

  FacetCache(FacetsConfig config) {
    this.config = config;
  }

  /** The ordinal state of {@code reader}, built once per reader (it costs milliseconds). */
  DefaultSortedSetDocValuesReaderState state(IndexSearcher searcher) throws IOException {
    return entry(searcher).state();
  }

  /**
   * The committee whose name, in any case and spacing ({@link Facet#squash}), is {@code key}; null
   * when none is, or when two are.
   */
  String committee(IndexSearcher searcher, String key) throws IOException {
    String c = entry(searcher).committees().get(key);
    return c == null || c.isEmpty() ? null : c;
  }

  /** The counts over every document of the searcher's reader, computed once per reader. */
  Totals totals(IndexSearcher searcher) throws IOException {
    return entry(searcher).totals();
  }

  private Entry entry(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return build(searcher); // a reader that cannot tell when it closes is never cached
    }
    Entry e = entries.get(helper.getKey());
    if (e != null) {
      return e;
    }
    synchronized (this) {
      e = entries.get(helper.getKey());
      if (e == null) {
        e = build(searcher);
        entries.put(helper.getKey(), e);
        helper.addClosedListener(entries::remove);
      }
      return e;
    }
  }

  private Entry build(IndexSearcher searcher) throws IOException {
    DefaultSortedSetDocValuesReaderState state =
        new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), config);
    // Every record a list without words shows: records folded into their twin are not listed.
    FacetsCollector all =
        searcher.search(
            new org.apache.lucene.search.BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), org.apache.lucene.search.BooleanClause.Occur.FILTER)
                .add(IndexSchema.folded(), org.apache.lucene.search.BooleanClause.Occur.MUST_NOT)
                .build(),
            new FacetsCollectorManager());
    // Counted and labelled here, on this thread only; the Facets object never leaves this method.
    Facets counts = new SortedSetDocValuesFacetCounts(state, all);
    Map<String, List<SearchResult.FacetCount>> byDimension = new HashMap<>();
    for (Facet facet : Facet.values()) {
      byDimension.put(facet.id(), top(counts, facet, facet.id()));
      if (facet.taxonomy()) {
        String dim = IndexSchema.withSuggestions(facet);
        byDimension.put(dim, top(counts, facet, dim));
      }
    }
    Map<String, String> committees = new HashMap<>();
    var range = state.getOrdRange(Facet.COMMITTEE.id());
    if (range != null) {
      // getDocValues() makes a new iterator on each call, so this one is ours alone.
      SortedSetDocValues values = state.getDocValues();
      for (int ord = range.start; ord <= range.end; ord++) {
        String[] path = FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
        String name = path[path.length - 1];
        // Two committees spelt alike but for case or spacing: neither is named ("").
        committees.merge(Facet.squash(name), name, (a, b) -> a.equals(b) ? a : "");
      }
    }
    return new Entry(state, new Totals(byDimension), Map.copyOf(committees));
  }

  /** The counts of one dimension as values, as many as a search answer shows. */
  static List<SearchResult.FacetCount> top(Facets counts, Facet facet, String dimension)
      throws IOException {
    FacetResult fr = counts.getTopChildren(facet.listed(), dimension);
    List<SearchResult.FacetCount> out = new ArrayList<>();
    if (fr != null) {
      for (LabelAndValue lv : fr.labelValues) {
        out.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
      }
    }
    return List.copyOf(out);
  }
}
