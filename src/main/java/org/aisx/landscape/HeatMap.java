package org.aisx.landscape;

import java.util.List;
import java.util.Map;
import org.aisx.catalog.Status;
import org.aisx.search.Axis;

/**
 * A search's records counted along two axes: every row value by every column value, empty cells
 * included (an empty cell is the plainest gap).
 *
 * @param rows the row values, in the axis's order
 * @param cols the column values, in the axis's order
 * @param cells one per row and column, row by row
 * @param rowTotals per row value, the records carrying it (whatever their column value)
 * @param colTotals per column value, the records carrying it
 * @param total the records of the search
 * @param truncated whether an axis had more values than a map shows (the most frequent are kept)
 */
public record HeatMap(
    Axis rowAxis,
    Axis colAxis,
    List<String> rows,
    List<String> cols,
    List<Cell> cells,
    Map<String, Long> rowTotals,
    Map<String, Long> colTotals,
    long total,
    boolean truncated) {
  public HeatMap {
    rows = List.copyOf(rows);
    cols = List.copyOf(cols);
    cells = List.copyOf(cells);
    rowTotals = Map.copyOf(rowTotals);
    colTotals = Map.copyOf(colTotals);
  }

  public long rowTotal(String row) {
    return rowTotals.getOrDefault(row, 0L);
  }

  public long colTotal(String col) {
    return colTotals.getOrDefault(col, 0L);
  }

  /** One cell: the records carrying both its row and its column value, split by status and body. */
  public record Cell(
      String row, String col, long count, Map<String, Long> byStatus, Map<String, Long> bySdo) {
    public Cell {
      byStatus = Map.copyOf(byStatus);
      bySdo = Map.copyOf(bySdo);
    }

    /** The records of the cell with status {@code status}. */
    public long withStatus(Status status) {
      return byStatus.getOrDefault(status.wire(), 0L);
    }

    /** A gap: no record of the cell is in force (SPEC §8), empty cells included. */
    public boolean gap() {
      return withStatus(Status.IN_FORCE) == 0;
    }

    /** Only drafts: there is work in the cell, none of it published yet. */
    public boolean draftOnly() {
      return count > 0 && withStatus(Status.DRAFT) == count;
    }
  }

  /** The cell at {@code row} and {@code col}. */
  public Cell cell(int row, int col) {
    return cells.get(row * cols.size() + col);
  }

  /** The largest count of a cell, at least 1 (the top of the colour scale). */
  public long max() {
    return Math.max(1, cells.stream().mapToLong(Cell::count).max().orElse(0));
  }

  public List<Cell> gaps() {
    return cells.stream().filter(Cell::gap).toList();
  }

  public List<Cell> draftOnly() {
    return cells.stream().filter(Cell::draftOnly).toList();
  }
}
