package org.aisx.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.aisx.search.SearchResult;

/**
 * The response bodies of the search's kept answers: the search page's HTML for visitors who are not
 * signed in, and the search API's JSON. A search repeated while the index has not changed is sent
 * as the bytes it was rendered to, instead of rendering 60 KB of HTML again (the page cost 2.7
 * times the API before: BENCHMARKS.md, "The search page beside the API") or writing its JSON again
 * (1.5-1.8 times the API's requests/s: BENCHMARKS.md, "The API's bodies kept").
 *
 * <p>A body is a function of its answer, which the search keeps per index reader and hands out as
 * the same immutable object to every request that repeats it ({@code search.AnswerCache}), and of
 * what it is shown in: its language, its path and query string (the links a page writes; the API's
 * body writes none and is kept under an empty one), the taxonomy version (the concepts' labels). A
 * published write makes a new reader and so new answers, and a confirmed or rejected suggestion is
 * published the same way, so a kept body is never older than the answer it shows. Bodies are kept
 * under their answer by identity and dropped when the answer is no longer held (weak keys): an
 * answer given once and not kept (while the catalogue loads or the model starts) leaves nothing
 * behind.
 *
 * <p>Pages for a signed-in visitor are never kept: they name who is signed in and carry the
 * session's CSRF token; the API's bodies name no one. Bounded by the bytes held.
 */
public final class KeptBodies {
  /** The default bound: 16 MB, about 270 search pages of 20 hits with their filters. */
  public static final long DEFAULT_MAX_BYTES = 16L << 20;

  /**
   * How many ways one answer is shown that are kept: its pages and API bodies, their languages and
   * the spellings of a page's query string. A client that varies the query string without end
   * (unknown parameters are ignored by the search, not by the links a page writes) renders each
   * further page anew.
   */
  static final int MAX_VARIANTS = 12;

  /** What a kept body costs besides its bytes: the key, the map entry, the array header. */
  private static final int ENTRY_BYTES = 256;

  /**
   * How one answer is shown: the language, the path (the page's or the API's), the query string (""
   * for none), the taxonomy version (the concepts' labels) and the register's (the committees'
   * titles, {@code Committees#version}).
   */
  record Variant(
      String language, String path, String query, int taxonomyVersion, long registerVersion) {
    Variant {
      query = query == null ? "" : query;
    }

    Variant(String language, String path, String query, int taxonomyVersion) {
      this(language, path, query, taxonomyVersion, 0);
    }
  }

  private final Cache<SearchResult, Map<Variant, byte[]>> bodies;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  public KeptBodies(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("the kept pages' bound must not be negative: " + maxBytes);
    }
    this.bodies =
        Caffeine.newBuilder()
            .weakKeys()
            .maximumWeight(maxBytes)
            .weigher(KeptBodies::weight)
            .executor(Runnable::run)
            .build();
  }

  /**
   * The body of {@code answer} shown as {@code variant}: the kept bytes, or {@code render}'s, which
   * are kept for the next request.
   */
  byte[] body(SearchResult answer, Variant variant, Supplier<byte[]> render) {
    Map<Variant, byte[]> kept = bodies.getIfPresent(answer);
    byte[] body = kept == null ? null : kept.get(variant);
    if (body != null) {
      hits.increment();
      return body;
    }
    misses.increment();
    byte[] rendered = render.get();
    bodies
        .asMap()
        .compute(
            answer,
            (a, old) -> {
              if (old != null && (old.containsKey(variant) || old.size() >= MAX_VARIANTS)) {
                return old;
              }
              Map<Variant, byte[]> next = old == null ? new HashMap<>() : new HashMap<>(old);
              next.put(variant, rendered);
              return Map.copyOf(next);
            });
    return rendered;
  }

  private static int weight(SearchResult answer, Map<Variant, byte[]> variants) {
    long bytes = 0;
    for (Map.Entry<Variant, byte[]> e : variants.entrySet()) {
      bytes += ENTRY_BYTES + e.getValue().length + 2L * e.getKey().query().length();
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  /** How many answers have kept bodies, and how many bodies were sent kept (hits) or rendered. */
  public Stats stats() {
    bodies.cleanUp();
    return new Stats(bodies.estimatedSize(), hits.sum(), misses.sum());
  }

  /** What {@link #stats} reports. */
  public record Stats(long answers, long hits, long misses) {}
}
