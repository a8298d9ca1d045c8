package org.aisx.search;

import java.util.List;
import java.util.Map;

/**
 * The records of one search counted along two axes in one pass: per row value and column value the
 * number of matching records carrying both, split by status and by body. A record with several
 * values on an axis (taxonomy facets) counts once in each of its cells. Values are the facet values
 * as indexed, or years as decimal strings.
 *
 * @param rowTotals per row value, the matching records carrying it
 * @param colTotals per column value, the matching records carrying it
 * @param cells only the cells with at least one record
 * @param total the matching records (the search's total)
 */
public record CrossTab(
    Map<String, Long> rowTotals, Map<String, Long> colTotals, List<Cell> cells, long total) {
  public CrossTab {
    rowTotals = Map.copyOf(rowTotals);
    colTotals = Map.copyOf(colTotals);
    cells = List.copyOf(cells);
  }

  /** One non-empty cell: its records counted, by status wire name and by body. */
  public record Cell(
      String row, String col, long count, Map<String, Long> byStatus, Map<String, Long> bySdo) {
    public Cell {
      byStatus = Map.copyOf(byStatus);
      bySdo = Map.copyOf(bySdo);
    }
  }

  static CrossTab empty() {
    return new CrossTab(Map.of(), Map.of(), List.of(), 0);
  }
}
