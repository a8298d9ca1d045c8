package org.aisx.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Counts a search's matching documents along two axes, in one pass over their facet ordinals (and
 * year doc values): each document's ordinals are read once and sorted into the row axis, the column
 * axis, its status and its bodies (each of a joint publication's) by the ordinal ranges of their
 * dimensions. Made per request and used once, on one thread (it holds a doc-values iterator).
 */
final class CrossCounter {
  private static final int YEAR = -1;

  private final SortedSetDocValues ordinals;
  private final OrdRange rowRange;
  private final OrdRange colRange;
  private final OrdRange statusRange;
  private final OrdRange sdoRange;
  private final boolean rowYears;
  private final boolean colYears;

  private final Map<Long, Acc> cells = new HashMap<>();

  /**
   * The cells of two facet axes in an array indexed by their ordinals (no boxing or hashing per
   * record); null when an axis is the year or the product is too large.
   */
  private final Acc[] dense;

  private final int denseCols;
  private final Map<Integer, Long> rowTotals = new HashMap<>();
  private final Map<Integer, Long> colTotals = new HashMap<>();
  private long total;

  /** One cell's counts while counting: by status ordinal and by body ordinal (offsets). */
  private static final class Acc {
    long count;
    final long[] byStatus;
    final Map<Integer, Long> bySdo = new HashMap<>();

    Acc(int statuses) {
      byStatus = new long[statuses];
    }
  }

  CrossCounter(
      DefaultSortedSetDocValuesReaderState state, SearchRequest request, Axis rows, Axis cols)
      throws IOException {
    this.ordinals = state.getDocValues(); // a fresh iterator, ours alone
    this.rowRange = range(state, request, rows);
    this.colRange = range(state, request, cols);
    this.statusRange = state.getOrdRange(Facet.STATUS.id());
    this.sdoRange = state.getOrdRange(Facet.SDO.id());
    this.rowYears = rows instanceof Axis.Year;
    this.colYears = cols instanceof Axis.Year;
    long size =
        rowRange == null || colRange == null
            ? Long.MAX_VALUE
            : (long) (rowRange.end - rowRange.start + 1) * (colRange.end - colRange.start + 1);
    this.dense = size <= 1_000_000 ? new Acc[(int) size] : null;
    this.denseCols = colRange == null ? 0 : colRange.end - colRange.start + 1;
  }

  /** The ordinal range of a facet axis in the dimension the request counts it in. */
  private static OrdRange range(
      DefaultSortedSetDocValuesReaderState state, SearchRequest request, Axis axis) {
    if (axis instanceof Axis.OfFacet f) {
      return state.getOrdRange(IndexSchema.dimension(f.facet(), request));
    }
    return null;
  }

  CrossTab count(FacetsCollector matching) throws IOException {
    int statuses = statusRange == null ? 0 : statusRange.end - statusRange.start + 1;
    List<Integer> rowValues = new ArrayList<>();
    List<Integer> colValues = new ArrayList<>();
    List<Integer> bodies = new ArrayList<>();
    for (FacetsCollector.MatchingDocs m : matching.getMatchingDocs()) {
      DocIdSetIterator it = m.bits == null ? null : m.bits.iterator();
      if (it == null) {
        continue;
      }
      NumericDocValues years =
          rowYears || colYears
              ? DocValues.getNumeric(m.context.reader(), IndexFields.YEAR_VALUE)
              : null;
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        total++;
        rowValues.clear();
        colValues.clear();
        int status = -1;
        bodies.clear();
        if (ordinals.advanceExact(m.context.docBase + d)) {
          for (int i = 0; i < ordinals.docValueCount(); i++) {
            int ord = (int) ordinals.nextOrd();
            if (within(rowRange, ord)) {
              rowValues.add(ord);
            }
            if (within(colRange, ord)) {
              colValues.add(ord);
            }
            if (within(statusRange, ord)) {
              status = ord - statusRange.start;
            }
            if (within(sdoRange, ord)) {
              bodies.add(ord);
            }
          }
        }
        if (years != null && years.advanceExact(d) && years.longValue() > 0) {
          if (rowYears) {
            rowValues.add((int) years.longValue());
          }
          if (colYears) {
            colValues.add((int) years.longValue());
          }
        }
        for (int r : rowValues) {
          rowTotals.merge(r, 1L, Long::sum);
        }
        for (int c : colValues) {
          colTotals.merge(c, 1L, Long::sum);
        }
        for (int r : rowValues) {
          for (int c : colValues) {
            Acc acc;
            if (dense != null) {
              int at = (r - rowRange.start) * denseCols + (c - colRange.start);
              acc = dense[at];
              if (acc == null) {
                acc = new Acc(statuses);
                dense[at] = acc;
              }
            } else {
              acc = cells.computeIfAbsent(key(r, c), k -> new Acc(statuses));
            }
            acc.count++;
            if (status >= 0) {
              acc.byStatus[status]++;
            }
            for (int body : bodies) {
              acc.bySdo.merge(body, 1L, Long::sum);
            }
          }
        }
      }
    }
    return result();
  }

  private CrossTab result() throws IOException {
    if (dense != null) {
      for (int i = 0; i < dense.length; i++) {
        if (dense[i] != null) {
          cells.put(key(rowRange.start + i / denseCols, colRange.start + i % denseCols), dense[i]);
        }
      }
    }
    Map<Integer, String> names = new HashMap<>();
    List<CrossTab.Cell> out = new ArrayList<>();
    for (Map.Entry<Long, Acc> e : cells.entrySet()) {
      int r = (int) (e.getKey() >> 32);
      int c = (int) (long) e.getKey();
      Acc acc = e.getValue();
      Map<String, Long> byStatus = new HashMap<>();
      for (int i = 0; i < acc.byStatus.length; i++) {
        if (acc.byStatus[i] > 0) {
          byStatus.put(name(names, statusRange.start + i), acc.byStatus[i]);
        }
      }
      Map<String, Long> bySdo = new HashMap<>();
      acc.bySdo.forEach((ord, n) -> bySdo.put(nameUnchecked(names, ord), n));
      out.add(
          new CrossTab.Cell(
              value(names, r, rowYears), value(names, c, colYears), acc.count, byStatus, bySdo));
    }
    Map<String, Long> rows = new HashMap<>();
    for (Map.Entry<Integer, Long> e : rowTotals.entrySet()) {
      rows.put(value(names, e.getKey(), rowYears), e.getValue());
    }
    Map<String, Long> cols = new HashMap<>();
    for (Map.Entry<Integer, Long> e : colTotals.entrySet()) {
      cols.put(value(names, e.getKey(), colYears), e.getValue());
    }
    return new CrossTab(rows, cols, out, total);
  }

  private String value(Map<Integer, String> names, int code, boolean year) throws IOException {
    return year ? Integer.toString(code) : name(names, code);
  }

  private String nameUnchecked(Map<Integer, String> names, int ord) {
    try {
      return name(names, ord);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The facet value an ordinal stands for (the last component of its path). */
  private String name(Map<Integer, String> names, int ord) throws IOException {
    String known = names.get(ord);
    if (known != null) {
      return known;
    }
    String[] path = FacetsConfig.stringToPath(ordinals.lookupOrd(ord).utf8ToString());
    String name = path[path.length - 1];
    names.put(ord, name);
    return name;
  }

  private static boolean within(OrdRange range, int ord) {
    return range != null && ord >= range.start && ord <= range.end;
  }

  private static long key(int row, int col) {
    return ((long) row << 32) | (col & 0xffffffffL);
  }
}
