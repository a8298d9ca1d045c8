package org.aisx.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Status;
import org.aisx.classify.AiRelevance;
import org.aisx.search.Facet;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.TaxonomySource;

/**
 * Turns query parameters, read through {@link Params}, into a {@link SearchRequest}, or a 400
 * naming the parameter and value: unknown parameters, unknown filter values, bad numbers and
 * out-of-range pages.
 */
public final class SearchParams {
  /** The parameters of a search, in the order an error message lists them. */
  static final List<String> KNOWN;

  static {
    List<String> known =
        new ArrayList<>(List.of("q", "mode", "suggestions", "from", "to", "sort", "page", "size"));
    for (Facet f : Facet.values()) {
      known.add(f.id());
    }
    KNOWN = List.copyOf(known);
  }

  /** The parameters that order and page a list of matches. */
  private static final List<String> PAGING = List.of("sort", "page", "size");

  private static final int MAX_QUERY = 500;
  private static final int MAX_VALUES = 50;
  private static final int MAX_VALUE = 200;
  private static final Map<String, SearchRequest.Mode> MODES =
      Params.options(SearchRequest.Mode.values(), SearchRequest.Mode::wire);
  private static final Map<String, SearchRequest.Sort> SORTS =
      Params.options(SearchRequest.Sort.values(), SearchRequest.Sort::wire);

  /**
   * Whether taxonomy filters and facets take machine suggestions into account. Pages do unless told
   * otherwise (people browsing want every likely match, and see which labels are suggestions); the
   * search API does not, so that {@code vertical=health} means what the records' {@code verticals}
   * say. The landscape's views ({@link #parseUnpaged}) do, their API as their pages.
   */
  private static final Map<String, Boolean> SUGGESTIONS =
      Params.options("include", true, "exclude", false);

  private final TaxonomySource taxonomy;
  private final SearchIndex index;
  private final java.util.function.BooleanSupplier catalogueLoading;

  /**
   * @param catalogueLoading whether the catalogue is still being loaded: meanwhile a body or
   *     committee the index does not hold yet is not an unknown value (a bookmarked {@code
   *     sdo=IEEE} right after a first start), and the answer says the catalogue is loading
   */
  public SearchParams(
      TaxonomySource taxonomy,
      SearchIndex index,
      java.util.function.BooleanSupplier catalogueLoading) {
    this.taxonomy = taxonomy;
    this.index = index;
    this.catalogueLoading = catalogueLoading;
  }

  /**
   * Whether a search page's parameter, as its address spells it, is one the search's Atom feed
   * takes: the search's own but paging and order ({@link #parseUnpaged}), and {@code lang}.
   */
  static boolean feedParameter(String spelled) {
    return spelled.equals(Params.LANG) || (KNOWN.contains(spelled) && !PAGING.contains(spelled));
  }

  /** The names of the search parameters, as the API and {@code export} take them. */
  public static List<String> names() {
    return KNOWN;
  }

  /**
   * The search of an {@code export}: the API's parameters, checked as the API checks them (the page
   * and size are accepted and ignored: an export writes every match).
   */
  public SearchRequest forExport(Map<String, List<String>> values) {
    return parse(Params.of(values), true, SearchRequest.MAX_SIZE);
  }

  /**
   * @param strict reject unknown parameters (the API); pages ignore them so that shared links with
   *     tracking parameters still work
   */
  SearchRequest parse(Params params, boolean strict, int defaultSize) {
    return parse(params, strict, defaultSize, List.of());
  }

  /**
   * A search among other parameters ({@code extra}, such as a landscape's {@code rows} and {@code
   * cols}), which a strict parse also accepts; the handler reads them.
   */
  SearchRequest parse(Params params, boolean strict, int defaultSize, List<String> extra) {
    if (strict) {
      List<String> known = new ArrayList<>(KNOWN);
      known.addAll(extra);
      params.onlyKnown(known);
    }
    return read(params, strict, defaultSize);
  }

  /**
   * The search of a view that counts or groups every match (the landscape and its clusters), among
   * {@code extra} parameters: it has no order or pages, so a strict parse refuses {@code sort},
   * {@code page} and {@code size} rather than ignoring them.
   */
  SearchRequest parseUnpaged(Params params, boolean strict, List<String> extra) {
    if (strict) {
      List<String> known = new ArrayList<>(KNOWN);
      known.removeAll(PAGING);
      known.addAll(extra);
      params.onlyKnown(known);
    }
    // The landscape counts machine suggestions unless told otherwise, its API as its pages: a
    // reader comparing the map with the API sees the same numbers for the same address.
    return read(params, 20, true);
  }

  private SearchRequest read(Params params, boolean strict, int defaultSize) {
    return read(params, defaultSize, !strict);
  }

  private SearchRequest read(Params params, int defaultSize, boolean suggestionsByDefault) {
    String q = params.text("q", MAX_QUERY);
    // Before anything else is read or the query embedded: its prefixes may cost too much.
    SearchRequest.checkPrefixes(q == null ? "" : q);
    SearchRequest.Mode mode = params.choice("mode", MODES, SearchRequest.Mode.HYBRID); // issue 4
    Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      List<String> values = params.all(facet.id(), MAX_VALUES, MAX_VALUE);
      for (String v : values) {
        if (!known(facet, v)) {
          throw CatalogException.BadParameter.of(
              facet.id(), "problem.unknownValue", Params.echo(v));
        }
      }
      if (!values.isEmpty()) {
        filters.put(facet, values);
      }
    }
    Integer from = year(params, "from");
    Integer to = year(params, "to");
    if (from != null && to != null && from > to) {
      throw CatalogException.BadParameter.of(
          "from", "problem.yearAfterTo", String.valueOf(from), String.valueOf(to));
    }
    SearchRequest.Sort sort = params.choice("sort", SORTS, SearchRequest.Sort.RELEVANCE);
    int page = params.number("page", 1, SearchRequest.MAX_WINDOW, 1);
    int size = params.number("size", 1, SearchRequest.MAX_SIZE, defaultSize);
    // A page beyond the deepest window is refused by the search, which knows the total: a page
    // past the last hit is answered, empty, with the total (SearchIndex).
    return new SearchRequest(
        q,
        filters,
        from,
        to,
        sort,
        page,
        size,
        mode,
        params.choice("suggestions", SUGGESTIONS, suggestionsByDefault));
  }

  private boolean known(Facet facet, String value) {
    return switch (facet) {
      case TYPE -> PublicationType.fromWire(value).isPresent();
      case STATUS -> Status.fromWire(value).isPresent();
      case AI -> AiRelevance.Tier.fromWire(value).isPresent();
      case VERTICAL -> taxonomy.current().contains(Dimension.VERTICAL, value);
      case ACTIVITY -> taxonomy.current().contains(Dimension.ACTIVITY, value);
      case APPLICATION -> taxonomy.current().contains(Dimension.APPLICATION, value);
      case CONCERN -> taxonomy.current().contains(Dimension.CONCERN, value);
      case SDO, COMMITTEE -> index.knows(facet, value) || catalogueLoading.getAsBoolean();
    };
  }

  private static Integer year(Params params, String name) {
    Long y = params.number(name, 1800, 2200);
    return y == null ? null : y.intValue();
  }
}
