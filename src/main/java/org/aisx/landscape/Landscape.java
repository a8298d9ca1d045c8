package org.aisx.landscape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Status;
import org.aisx.search.Axis;
import org.aisx.search.CrossTab;
import org.aisx.search.Facet;
import org.aisx.search.SearchRequest;
import org.aisx.semantic.HybridSearch;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.TaxonomySource;

/**
 * Where AI standardization is dense and where it is thin (SPEC §8): a search's records counted
 * along any two axes, in one pass over the index ({@link org.aisx.search.SearchIndex#crossTab}).
 *
 * <p>Each cell is exactly a search: the request with the cell's row and column values as the
 * filters of their axes ({@link #cellSearch}). When the request already filters an axis, its values
 * are the filtered ones; a cell then replaces that filter by its one value, which selects the same
 * records as adding it, since a record with the cell's value already satisfies the filter.
 */
public final class Landscape {
  /** Values of an open axis (bodies, committees) a map shows at most: the most frequent. */
  public static final int MAX_OPEN_VALUES = 40;

  /** Years a map shows at most: the latest. */
  public static final int MAX_YEARS = 60;

  private final HybridSearch search;
  private final TaxonomySource taxonomy;

  public Landscape(HybridSearch search, TaxonomySource taxonomy) {
    this.search = search;
    this.taxonomy = taxonomy;
  }

  /** The heat-map of {@code request}'s records along {@code rows} and {@code cols}. */
  public HeatMap heatMap(SearchRequest request, Axis rows, Axis cols) {
    if (rows.equals(cols)) {
      throw CatalogException.BadParameter.of("cols", "problem.colsSameAsRows", rows.id());
    }
    CrossTab tab = search.index().crossTab(request, search.queryVectorNow(request), rows, cols);
    Values rowValues = values(rows, request, tab.rowTotals());
    Values colValues = values(cols, request, tab.colTotals());
    Map<String, CrossTab.Cell> byKey = new HashMap<>();
    tab.cells().forEach(c -> byKey.put(c.row() + '\u0000' + c.col(), c));
    List<HeatMap.Cell> cells = new ArrayList<>();
    for (String r : rowValues.values()) {
      for (String c : colValues.values()) {
        CrossTab.Cell found = byKey.get(r + '\u0000' + c);
        cells.add(
            found == null
                ? new HeatMap.Cell(r, c, 0, Map.of(), Map.of())
                : new HeatMap.Cell(r, c, found.count(), found.byStatus(), found.bySdo()));
      }
    }
    return new HeatMap(
        rows,
        cols,
        rowValues.values(),
        colValues.values(),
        cells,
        tab.rowTotals(),
        tab.colTotals(),
        tab.total(),
        rowValues.truncated() || colValues.truncated());
  }

  /** Every body some record names, in alphabetical order. */
  public List<String> bodies() {
    return search.index().values(Facet.SDO).stream().sorted().toList();
  }

  /** An axis's values and whether some were left out. */
  private record Values(List<String> values, boolean truncated) {}

  /**
   * The values an axis shows: the filtered ones when the request filters it; else every value of a
   * closed axis in its own order (so that where nobody works shows as empty cells; of a taxonomy
   * dimension, its concepts but the retired ones no record carries), the most frequent values of an
   * open axis, and every year from the first to the last with records.
   */
  private Values values(Axis axis, SearchRequest request, Map<String, Long> totals) {
    if (axis instanceof Axis.OfFacet f) {
      List<String> filtered = request.filters().getOrDefault(f.facet(), List.of());
      if (!filtered.isEmpty()) {
        return new Values(filtered, false);
      }
      return switch (f.facet()) {
        case TYPE -> closed(PublicationType.values(), PublicationType::wire);
        case STATUS -> closed(Status.values(), Status::wire);
        case AI ->
            closed(
                org.aisx.classify.AiRelevance.Tier.values(),
                org.aisx.classify.AiRelevance.Tier::wire);
        case VERTICAL -> concepts(Dimension.VERTICAL, totals);
        case ACTIVITY -> concepts(Dimension.ACTIVITY, totals);
        case APPLICATION -> concepts(Dimension.APPLICATION, totals);
        case CONCERN -> concepts(Dimension.CONCERN, totals);
        case SDO, COMMITTEE -> mostFrequent(totals);
      };
    }
    return years(request, totals);
  }

  private static <T> Values closed(T[] all, java.util.function.Function<T, String> wire) {
    List<String> out = new ArrayList<>();
    for (T v : all) {
      out.add(wire.apply(v));
    }
    return new Values(out, false);
  }

  /**
   * The concepts of {@code dimension} in the taxonomy's order, but a retired one (no longer offered
   * for classification) only while records of the view still carry it: a retired concept no record
   * names is no row, and one still named stays, so that every record is counted somewhere.
   */
  private Values concepts(Dimension dimension, Map<String, Long> totals) {
    List<String> out = new ArrayList<>();
    for (org.aisx.taxonomy.Concept c :
        taxonomy.current().dimension(dimension).concepts().values()) {
      if (!c.retired() || totals.getOrDefault(c.id(), 0L) > 0) {
        out.add(c.id());
      }
    }
    return new Values(out, false);
  }

  private static Values mostFrequent(Map<String, Long> totals) {
    List<String> out =
        totals.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(MAX_OPEN_VALUES)
            .map(Map.Entry::getKey)
            .toList();
    return new Values(out, totals.size() > out.size());
  }

  private static Values years(SearchRequest request, Map<String, Long> totals) {
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (String y : totals.keySet()) {
      first = Math.min(first, Integer.parseInt(y));
      last = Math.max(last, Integer.parseInt(y));
    }
    if (request.fromYear() != null) {
      first = request.fromYear();
    }
    if (request.toYear() != null) {
      last = request.toYear();
    }
    if (first > last) {
      return new Values(List.of(), false);
    }
    int from = Math.max(first, last - MAX_YEARS + 1);
    List<String> out = new ArrayList<>();
    for (int y = from; y <= last; y++) {
      out.add(Integer.toString(y));
    }
    return new Values(out, from > first);
  }

  /**
   * The search whose total is a cell's count: {@code request} with the cell's row and column values
   * as the only filter values of their axes (a year as {@code from} and {@code to}).
   */
  public static SearchRequest cellSearch(
      SearchRequest request, Axis rows, String row, Axis cols, String col) {
    return with(with(request, rows, row), cols, col);
  }

  private static SearchRequest with(SearchRequest request, Axis axis, String value) {
    Integer from = request.fromYear();
    Integer to = request.toYear();
    Map<Facet, List<String>> filters = new LinkedHashMap<>(request.filters());
    if (axis instanceof Axis.OfFacet f) {
      filters.put(f.facet(), List.of(value));
    } else {
      from = Integer.valueOf(value);
      to = from;
    }
    return new SearchRequest(
        request.q(),
        filters,
        from,
        to,
        request.sort(),
        1,
        request.size(),
        request.mode(),
        request.includeSuggestions());
  }
}
