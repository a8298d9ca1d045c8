package org.aisx.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Status;
import org.aisx.search.Facet;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;

/**
 * Turns query parameters into a {@link SearchRequest}, or a 400 naming the parameter and value:
 * unknown parameters, unknown filter values, bad numbers and out-of-range pages.
 */
final class SearchParams {
  static final Set<String> KNOWN;

  static {
    Set<String> known =
        new LinkedHashSet<>(
            List.of("q", "mode", "suggestions", "from", "to", "sort", "page", "size", "lang"));
    for (Facet f : Facet.values()) {
      known.add(f.id());
    }
    KNOWN = Set.copyOf(known);
  }

  private static final int MAX_QUERY = 500;
  private static final int MAX_VALUES = 50;

  private final Taxonomy taxonomy;
  private final SearchIndex index;

  SearchParams(Taxonomy taxonomy, SearchIndex index) {
    this.taxonomy = taxonomy;
    this.index = index;
  }

  /**
   * @param strict reject unknown parameters (the API); pages ignore them so that shared links with
   *     tracking parameters still work
   */
  SearchRequest parse(Map<String, List<String>> params, boolean strict, int defaultSize) {
    if (strict) {
      for (String name : params.keySet()) {
        if (!KNOWN.contains(name)) {
          throw new CatalogException.BadParameter(
              name, "unknown parameter; known: " + String.join(", ", KNOWN));
        }
      }
    }
    String q = single(params, "q");
    if (q != null && q.length() > MAX_QUERY) {
      throw new CatalogException.BadParameter("q", "longer than " + MAX_QUERY + " characters");
    }
    String modeParam = single(params, "mode");
    SearchRequest.Mode mode = SearchRequest.Mode.HYBRID; // the default (issue 4)
    if (modeParam != null && !modeParam.isEmpty()) {
      mode = SearchRequest.Mode.fromWire(modeParam);
      if (mode == null) {
        throw new CatalogException.BadParameter(
            "mode", "'" + modeParam + "' is not one of keyword, semantic, hybrid");
      }
    }
    Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      List<String> values = new ArrayList<>();
      for (String v : params.getOrDefault(facet.id(), List.of())) {
        if (v == null || v.isBlank()) {
          continue;
        }
        if (v.length() > 200) {
          throw new CatalogException.BadParameter(facet.id(), "value longer than 200 characters");
        }
        if (!known(facet, v)) {
          throw new CatalogException.BadParameter(facet.id(), "unknown value '" + v + "'");
        }
        if (!values.contains(v)) {
          values.add(v);
        }
      }
      if (values.size() > MAX_VALUES) {
        throw new CatalogException.BadParameter(facet.id(), "more than " + MAX_VALUES + " values");
      }
      if (!values.isEmpty()) {
        filters.put(facet, values);
      }
    }
    Integer from = year(params, "from");
    Integer to = year(params, "to");
    if (from != null && to != null && from > to) {
      throw new CatalogException.BadParameter("from", "year " + from + " is after to=" + to);
    }
    SearchRequest.Sort sort = sort(single(params, "sort"));
    int page = number(params, "page", 1, 1, SearchRequest.MAX_WINDOW);
    int size = number(params, "size", defaultSize, 1, SearchRequest.MAX_SIZE);
    if ((long) page * size > SearchRequest.MAX_WINDOW) {
      throw new CatalogException.BadParameter(
          "page",
          "page × size may not exceed " + SearchRequest.MAX_WINDOW + "; narrow the search instead");
    }
    return new SearchRequest(
        q,
        filters,
        from,
        to,
        sort,
        page,
        size,
        mode,
        suggestions(single(params, "suggestions"), !strict));
  }

  /**
   * Whether taxonomy filters and facets take machine suggestions into account. Pages do unless told
   * otherwise (people browsing want every likely match, and see which labels are suggestions); the
   * API does not, so that {@code vertical=health} means what the records' {@code verticals} say.
   */
  private static boolean suggestions(String value, boolean byDefault) {
    if (value == null || value.isEmpty()) {
      return byDefault;
    }
    if (value.equals("include")) {
      return true;
    }
    if (value.equals("exclude")) {
      return false;
    }
    throw new CatalogException.BadParameter(
        "suggestions", "'" + value + "' is not one of include, exclude");
  }

  private boolean known(Facet facet, String value) {
    return switch (facet) {
      case TYPE -> PublicationType.fromWire(value).isPresent();
      case STATUS -> Status.fromWire(value).isPresent();
      case VERTICAL -> taxonomy.contains(Dimension.VERTICAL, value);
      case ACTIVITY -> taxonomy.contains(Dimension.ACTIVITY, value);
      case APPLICATION -> taxonomy.contains(Dimension.APPLICATION, value);
      case CONCERN -> taxonomy.contains(Dimension.CONCERN, value);
      case SDO, COMMITTEE -> index.knows(facet, value);
    };
  }

  private static SearchRequest.Sort sort(String value) {
    if (value == null || value.isEmpty()) {
      return SearchRequest.Sort.RELEVANCE;
    }
    for (SearchRequest.Sort s : SearchRequest.Sort.values()) {
      if (s.wire().equals(value)) {
        return s;
      }
    }
    throw new CatalogException.BadParameter(
        "sort", "'" + value + "' is not one of relevance, date, identifier");
  }

  private static Integer year(Map<String, List<String>> params, String name) {
    String v = single(params, name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      int y = Integer.parseInt(v);
      if (y < 1800 || y > 2200) {
        throw new CatalogException.BadParameter(name, "year " + v + " is out of range 1800–2200");
      }
      return y;
    } catch (NumberFormatException e) {
      throw new CatalogException.BadParameter(name, "'" + v + "' is not a year");
    }
  }

  /** A whole-number parameter from {@code min} to {@code max}; {@code fallback} when absent. */
  static int number(Map<String, List<String>> params, String name, int fallback, int min, int max) {
    String v = single(params, name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new CatalogException.BadParameter(name, n + " is out of range " + min + "–" + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new CatalogException.BadParameter(name, "'" + v + "' is not a whole number");
    }
  }

  static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new CatalogException.BadParameter(name, "given more than once");
    }
    return values.get(0).strip();
  }
}
