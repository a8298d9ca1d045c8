package org.aisx.search;

import java.util.List;
import java.util.Map;

/**
 * A validated search: free text, facet filters (values OR-ed within a facet, facets AND-ed),
 * publication year range, order and page. Taxonomy facets count machine suggestions as well as
 * confirmed labels unless {@code includeSuggestions} is false.
 */
public record SearchRequest(
    String q,
    Map<Facet, List<String>> filters,
    Integer fromYear,
    Integer toYear,
    Sort sort,
    int page,
    int size,
    Mode mode,
    boolean includeSuggestions) {

  public static final int MAX_SIZE = 100;

  /**
   * The same search counting machine suggestions beside confirmed labels, first page of one: what
   * its total would be (the page and size of this one may lie past that search's window).
   */
  public SearchRequest withSuggestions() {
    return new SearchRequest(q, filters, fromYear, toYear, sort, 1, 1, mode, true);
  }

  public static final int MAX_WINDOW = 10_000;

  /** The words of a query as the search reads them: a quoted phrase, or what spaces separate. */
  private static final java.util.regex.Pattern WORDS =
      java.util.regex.Pattern.compile("\"[^\"]*\"|\\S+");

  /**
   * How many words of a query may end in {@code *} (prefixes, wanted or excluded). Each prefix is
   * matched against every word as written that starts with it, in four fields and once per
   * language's reading of the query ({@code IndexFields.TEXT_FIELDS_BY_LANGUAGE}): at the whole
   * shared-feed catalogue (185,988 records) one one-letter prefix cost two to four times one word,
   * and a 500-character query of 166 of them ran for more than ten minutes while holding 200-270 MB
   * of heap (BENCHMARKS.md, "Query cost at full catalogue size"). So a query with more is refused,
   * as one too long is, rather than searched partly.
   */
  public static final int MAX_PREFIXES = 4;

  /**
   * The letters or digits a prefix needs before its {@code *}: fewer start most of the index's
   * words ({@code e*}, {@code co*}), which costs up to several times a three-letter prefix and
   * finds nearly everything.
   */
  public static final int MIN_PREFIX_CHARACTERS = 3;

  /**
   * Refuses a query whose prefixes would cost more than a search may: more than {@link
   * #MAX_PREFIXES} words ending in {@code *}, or one with fewer than {@link #MIN_PREFIX_CHARACTERS}
   * letters or digits before its {@code *}. A word of punctuation alone ({@code **}) is no prefix
   * (it finds nothing and costs nothing), nor is a quoted phrase.
   *
   * <p>{@code SearchParams} checks it as it reads a request, before a query is embedded; the query
   * built from a request checks it again.
   *
   * @throws org.aisx.catalog.CatalogException.BadParameter naming {@code q}
   */
  public static void checkPrefixes(String q) {
    int prefixes = 0;
    java.util.regex.Matcher m = WORDS.matcher(q);
    while (m.find()) {
      String word = m.group();
      if (word.startsWith("\"") || !word.endsWith("*")) {
        continue;
      }
      long characters = word.codePoints().filter(Character::isLetterOrDigit).count();
      if (characters == 0) {
        continue;
      }
      if (characters < MIN_PREFIX_CHARACTERS) {
        throw org.aisx.catalog.CatalogException.BadParameter.of(
            "q",
            "problem.prefixTooShort",
            word.length() > 40 ? word.substring(0, 40) + "…" : word,
            String.valueOf(MIN_PREFIX_CHARACTERS));
      }
      prefixes++;
    }
    if (prefixes > MAX_PREFIXES) {
      throw org.aisx.catalog.CatalogException.BadParameter.of(
          "q", "problem.tooManyPrefixes", String.valueOf(prefixes), String.valueOf(MAX_PREFIXES));
    }
  }

  public SearchRequest {
    q = q == null ? "" : strip(q);
    filters = Map.copyOf(filters);
    mode = mode == null ? Mode.KEYWORD : mode;
  }

  /** A search whose taxonomy facets count machine suggestions beside confirmed labels. */
  public SearchRequest(
      String q,
      Map<Facet, List<String>> filters,
      Integer fromYear,
      Integer toYear,
      Sort sort,
      int page,
      int size,
      Mode mode) {
    this(q, filters, fromYear, toYear, sort, page, size, mode, true);
  }

  /** A keyword search. */
  public SearchRequest(
      String q,
      Map<Facet, List<String>> filters,
      Integer fromYear,
      Integer toYear,
      Sort sort,
      int page,
      int size) {
    this(q, filters, fromYear, toYear, sort, page, size, Mode.KEYWORD);
  }

  /**
   * {@code q} without what cannot be seen at either end: white space, and also control and format
   * characters (a zero-width space, a byte-order mark, a NUL). A query of these alone is no query,
   * as one of spaces alone is: it lists the catalogue. A control character inside it (a NUL, a tab,
   * a line break) separates words as a space does, and becomes one, so that the query shown back on
   * the page, in its title and its search box, holds none.
   */
  static String strip(String q) {
    int start = 0;
    int end = q.length();
    while (start < end && invisible(q.codePointAt(start))) {
      start += Character.charCount(q.codePointAt(start));
    }
    while (end > start && invisible(q.codePointBefore(end))) {
      end -= Character.charCount(q.codePointBefore(end));
    }
    String kept = q.substring(start, end);
    if (kept.chars().noneMatch(Character::isISOControl)) {
      return kept;
    }
    StringBuilder spaced = new StringBuilder(kept.length());
    kept.chars().forEach(c -> spaced.append(Character.isISOControl(c) ? ' ' : (char) c));
    return spaced.toString();
  }

  private static boolean invisible(int c) {
    int type = Character.getType(c);
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || type == Character.CONTROL
        || type == Character.FORMAT;
  }

  /**
   * Whether the query holds a letter or a digit: one of punctuation, symbols or emoji alone ({@code
   * *}, {@code *:*}, {@code "}, 🤖) names nothing to look for, by words or by meaning, and finds
   * nothing (the empty query, which lists the catalogue, has none either).
   */
  public boolean hasWords() {
    return q.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /**
   * How words are matched: by the words themselves (BM25), by meaning (nearest neighbours of the
   * query's embedding), or both, ranked by a weighted sum of their scaled scores.
   */
  public enum Mode {
    KEYWORD("keyword"),
    SEMANTIC("semantic"),
    HYBRID("hybrid");

    private final String wire;

    Mode(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    /** The mode with this wire name, or null. */
    public static Mode fromWire(String value) {
      for (Mode m : values()) {
        if (m.wire.equals(value)) {
          return m;
        }
      }
      return null;
    }
  }

  /** Orders of SPEC §4. */
  public enum Sort {
    RELEVANCE("relevance"),
    DATE("date"),
    IDENTIFIER("identifier");

    private final String wire;

    Sort(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  public static SearchRequest all() {
    return new SearchRequest("", Map.of(), null, null, Sort.RELEVANCE, 1, 20);
  }

  public SearchRequest withQuery(String text) {
    return new SearchRequest(
        text, filters, fromYear, toYear, sort, page, size, mode, includeSuggestions);
  }

  public SearchRequest withMode(Mode m) {
    return new SearchRequest(q, filters, fromYear, toYear, sort, page, size, m, includeSuggestions);
  }

  /**
   * The same search with taxonomy filters and facets over confirmed labels only ({@code false}), or
   * over confirmed labels and machine suggestions ({@code true}).
   */
  public SearchRequest includingSuggestions(boolean include) {
    return new SearchRequest(q, filters, fromYear, toYear, sort, page, size, mode, include);
  }
}
