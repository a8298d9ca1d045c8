package org.aisx.search;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * The records of one index segment at least a floor similar to a query vector ({@link
 * CloseInMeaning}'s scan), kept between requests, as Lucene's own query cache keeps the matches of
 * frequent filters: per segment, whatever its deletions (the live documents are applied at each
 * use), so a write adds a small segment to scan and leaves the others' entries valid.
 *
 * <p>A search by meaning reads every vector to find them (BENCHMARKS.md, "The default mode": two
 * thirds of a hybrid search's CPU over 70,000 records), and the same query vector comes back with
 * each page of its results, each facet a reader selects or clears, each sort: a drill-down reruns
 * the whole search with the same words. A different query is scanned as before.
 *
 * <p>Bounded by the bytes its entries hold (the segment's matching documents and scores, and the
 * query vector), least recently used first out; the entries of a segment are dropped when it closes
 * (a merge, the index's close). Safe for concurrent requests: entries are immutable arrays.
 */
final class AboveFloorCache {
  /** The default bound: 32 MB, about 4 million matches. */
  static final long DEFAULT_MAX_BYTES = 32L << 20;

  /** A segment's matches: its document numbers ascending, deleted ones included, and scores. */
  record Matches(int[] docs, float[] scores) {
    long bytes() {
      return 64L + 8L * docs.length;
    }
  }

  private static final class Key {
    final IndexReader.CacheKey core;
    final String field;
    final float floorScore;
    final float[] target;
    final int hash;

    Key(IndexReader.CacheKey core, String field, float floorScore, float[] target) {
      this.core = core;
      this.field = field;
      this.floorScore = floorScore;
      this.target = target;
      this.hash =
          ((core.hashCode() * 31 + field.hashCode()) * 31 + Float.hashCode(floorScore)) * 31
              + Arrays.hashCode(target);
    }

    long bytes() {
      return 96L + 4L * target.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.hash == hash
          && k.core == core
          && k.floorScore == floorScore
          && k.field.equals(field)
          && Arrays.equals(k.target, target);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final long maxBytes;
  private final LinkedHashMap<Key, Matches> entries = new LinkedHashMap<>(64, 0.75f, true);
  private final Set<IndexReader.CacheKey> watched = ConcurrentHashMap.newKeySet();
  private long bytes; // guarded by this
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  AboveFloorCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("the cache's bound must not be negative: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * The kept matches of {@code segment} for the query, or null (then computed and {@link #put}).
   */
  Matches get(LeafReader segment, String field, float floorScore, float[] target) {
    IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
    if (helper == null) {
      misses.incrementAndGet();
      return null;
    }
    Matches m;
    synchronized (this) {
      m = entries.get(new Key(helper.getKey(), field, floorScore, target));
    }
    (m == null ? misses : hits).incrementAndGet();
    return m;
  }

  /** Keeps the matches of {@code segment} for the query, within the bound. */
  void put(LeafReader segment, String field, float floorScore, float[] target, Matches matches) {
    IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
    if (helper == null) {
      return; // a segment that cannot tell when it closes is never kept
    }
    IndexReader.CacheKey core = helper.getKey();
    Key key = new Key(core, field, floorScore, target.clone());
    long size = key.bytes() + matches.bytes();
    if (size > maxBytes) {
      return;
    }
    if (watched.add(core)) {
      helper.addClosedListener(this::dropSegment);
    }
    synchronized (this) {
      Matches old = entries.put(key, matches);
      bytes += size - (old == null ? 0 : key.bytes() + old.bytes());
      Iterator<Map.Entry<Key, Matches>> eldest = entries.entrySet().iterator();
      while (bytes > maxBytes && eldest.hasNext()) {
        Map.Entry<Key, Matches> e = eldest.next();
        bytes -= e.getKey().bytes() + e.getValue().bytes();
        eldest.remove();
      }
    }
  }

  private synchronized void dropSegment(IndexReader.CacheKey core) {
    watched.remove(core);
    Iterator<Map.Entry<Key, Matches>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, Matches> e = it.next();
      if (e.getKey().core == core) {
        bytes -= e.getKey().bytes() + e.getValue().bytes();
        it.remove();
      }
    }
  }

  /** What the cache holds and how it has been used. */
  record Stats(int entries, long bytes, long hits, long misses) {}

  synchronized Stats stats() {
    return new Stats(entries.size(), bytes, hits.get(), misses.get());
  }
}
