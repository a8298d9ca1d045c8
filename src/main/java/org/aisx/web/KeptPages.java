package org.aisx.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.aisx.search.SearchResult;

/**
 * The rendered search pages of the search's kept answers, for visitors who are not signed in, and
 * the search API's JSON bodies of those answers: a search repeated while the index has not changed
 * is sent as the bytes it was rendered to, instead of rendering 60 KB of HTML again (the page cost
 * 2.7 times the API before: BENCHMARKS.md, "The search page beside the API") or writing its JSON
 * again (the API body, which names no one, is kept per language: BENCHMARKS.md, "The API's bodies
 * kept").
 *
 * <p>A page is a function of its answer, which the search keeps per index reader and hands out as
 * the same immutable object to every request that repeats it ({@code search.AnswerCache}), and of
 * what the page is shown in: its language, its path and query string (the links it writes), the
 * taxonomy version (the concepts' labels). A published write makes a new reader and so new answers,
 * and a confirmed or rejected suggestion is published the same way, so a kept page is never older
 * than the answer it shows. Pages are kept under their answer by identity and dropped when the
 * answer is no longer held (weak keys): an answer given once and not kept (while the catalogue
 * loads or the model starts) leaves nothing behind.
 *
 * <p>Pages for a signed-in visitor are never kept: they name who is signed in and carry the
 * session's CSRF token. Bounded by the bytes of the pages held.
 */
public final class KeptPages {
  /** The default bound: 16 MB, about 270 search pages of 20 hits with their filters. */
  public static final long DEFAULT_MAX_BYTES = 16L << 20;

  /**
   * How many ways one answer is shown that are kept: its languages and the spellings of its query
   * string. A client that varies the query string without end (unknown parameters are ignored by
   * the search, not by the links a page writes) renders each further page anew.
   */
  static final int MAX_VARIANTS = 12;

  /** What a kept page costs besides its bytes: the key, the map entry, the array header. */
  private static final int PAGE_BYTES = 256;

  /**
   * How one answer is shown: the page's language, path, query string ("" for none) and taxonomy
   * version.
   */
  record Variant(String language, String path, String query, int taxonomyVersion) {
    Variant {
      query = query == null ? "" : query;
    }
  }

  private final Cache<SearchResult, Map<Variant, byte[]>> pages;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  public KeptPages(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("the kept pages' bound must not be negative: " + maxBytes);
    }
    this.pages =
        Caffeine.newBuilder()
            .weakKeys()
            .maximumWeight(maxBytes)
            .weigher(KeptPages::weight)
            .executor(Runnable::run)
            .build();
  }

  /**
   * The page of {@code answer} shown as {@code variant}: the kept bytes, or {@code render}'s, which
   * are kept for the next request.
   */
  byte[] page(SearchResult answer, Variant variant, Supplier<byte[]> render) {
    Map<Variant, byte[]> kept = pages.getIfPresent(answer);
    byte[] page = kept == null ? null : kept.get(variant);
    if (page != null) {
      hits.increment();
      return page;
    }
    misses.increment();
    byte[] rendered = render.get();
    pages
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
      bytes += PAGE_BYTES + e.getValue().length + 2L * e.getKey().query().length();
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  /** How many answers have kept pages, and how many pages were sent kept (hits) or rendered. */
  public Stats stats() {
    pages.cleanUp();
    return new Stats(pages.estimatedSize(), hits.sum(), misses.sum());
  }

  /** What {@link #stats} reports. */
  public record Stats(long answers, long hits, long misses) {}
}
