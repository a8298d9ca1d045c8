package org.aisx.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aisx.catalog.Problem;
import org.aisx.landscape.HeatMap;

/** What the landscape pages show, ready for their templates. */
public final class LandscapeModels {
  private LandscapeModels() {}

  /**
   * A value of an axis as the page names it: the label; a committee's title in ISO's register
   * ({@code title}, null for another axis's value or a committee the register lacks); the text the
   * heat map draws ({@code text}: the label, or the committee with its title as the search's
   * committee facet names it) and the lines it draws it on ({@link MapLabels#lines}).
   */
  public record AxisValue(
      String value, String label, String title, String text, List<String> lines) {}

  /** One cell of the map: where it is drawn, how it looks and where it leads. */
  public record CellView(
      HeatMap.Cell cell,
      int x,
      int y,
      String fill,
      String ink,
      String href,
      String description,
      String rowLabel,
      String colLabel) {
    public boolean gap() {
      return cell.gap();
    }

    public boolean draftOnly() {
      return cell.draftOnly();
    }

    public String marker() {
      int mx = x + SvgMap.CELL_W - 12;
      int my = y + 2;
      return mx + "," + my + " " + (mx + 10) + "," + my + " " + (mx + 10) + "," + (my + 10);
    }
  }

  /** A colour of the scale and the counts it stands for. */
  public record Step(String fill, String range) {}

  /** The heat-map drawn as SVG: the geometry and the cells. */
  public record SvgMap(
      String title,
      String description,
      int width,
      int height,
      int labelWidth,
      int headerHeight,
      List<AxisValue> rows,
      List<AxisValue> cols,
      List<CellView> cells,
      Messages t) {
    static final int CELL_W = 48;
    static final int CELL_H = 30;

    /** The baseline of line {@code k} of row {@code i}'s label: the lines centred on the row. */
    public int rowY(int i, int k) {
      return headerHeight
          + i * CELL_H
          + CELL_H / 2
          + 4
          + MapLabels.rowLineBaseline(k, rows.get(i).lines().size());
    }

    /** Where row labels end, {@link MapLabels#GAP} px left of the cells. */
    public int rowLabelX() {
      return labelWidth - MapLabels.GAP;
    }

    public int colX(int i) {
      return labelWidth + i * CELL_W + CELL_W / 2;
    }

    /** Where column labels rise from, {@link MapLabels#GAP} px above the cells. */
    public int colFootY() {
      return headerHeight - MapLabels.GAP;
    }

    /** The baseline of line {@code k} of column {@code i}'s label, across its rotated frame. */
    public int colLineY(int i, int k) {
      return MapLabels.columnLineBaseline(k, cols.get(i).lines().size());
    }

    public int cellW() {
      return CELL_W - 2;
    }

    public int cellH() {
      return CELL_H - 2;
    }

    public String number(long n) {
      return t.number(n);
    }
  }

  /** A small bar chart: one bar per value, with its table alternative beside it. */
  public record BarChart(
      String id, String title, String valueLabel, List<Bar> bars, int width, int height) {
    public record Bar(String label, long value, int y, int length, String href) {}

    static BarChart of(String id, String title, String valueLabel, List<Bar> raw) {
      long max = Math.max(1, raw.stream().mapToLong(Bar::value).max().orElse(0));
      List<Bar> bars = new ArrayList<>();
      int y = 0;
      for (Bar b : raw) {
        bars.add(
            new Bar(b.label(), b.value(), y, (int) Math.round(200.0 * b.value() / max), b.href));
        y += 22;
      }
      return new BarChart(id, title, valueLabel, bars, 380, Math.max(22, y));
    }
  }

  /**
   * Publications of one body by year, as a small column chart with a table. The charts of a page
   * share {@code max}, so they share their y scale: a few round-number ticks from 0 to {@link
   * #top}, drawn to the left of the columns (the chart is drawn left to right in every language, as
   * the years run).
   */
  public record YearChart(String body, List<String> years, List<Long> counts, long max) {
    /** The width the y scale's labels take, left of the columns. */
    static final int AXIS = 30;

    /** The height of a column that reaches {@link #top}. */
    static final int PLOT = 56;

    /** The baseline's y. */
    public static final int BASE = 64;

    /** The chart's height: the columns, then a line for the years below the baseline. */
    public static final int HEIGHT = 80;

    /**
     * Which years are named below the baseline: the first, and the last when there are enough
     * columns between them for both labels to fit (they are wider than a column); the table beside
     * the charts names every year.
     */
    public List<Integer> labelled() {
      if (years.isEmpty()) {
        return List.of();
      }
      return years.size() >= 6 ? List.of(0, years.size() - 1) : List.of(0);
    }

    public int height(int i) {
      return (int) Math.round((double) PLOT * counts.get(i) / top());
    }

    public int x(int i) {
      return AXIS + 4 + i * 9;
    }

    public int axisX() {
      return AXIS;
    }

    public int width() {
      return AXIS + 8 + years.size() * 9;
    }

    /** The scale's top: the smallest multiple of {@link #step} that holds {@code max}. */
    public long top() {
      long step = step();
      return Math.max(step, (Math.max(1, max) + step - 1) / step * step);
    }

    /** The step between ticks: 1, 2 or 5 times a power of ten, at most three steps to the top. */
    public long step() {
      return niceStep(max, 3);
    }

    /** The ticks' values, from 0 to {@link #top}. */
    public List<Long> ticks() {
      List<Long> ticks = new ArrayList<>();
      for (long v = 0; v <= top(); v += step()) {
        ticks.add(v);
      }
      return ticks;
    }

    /** The y of the tick for {@code value}. */
    public int tickY(long value) {
      return BASE - (int) Math.round((double) PLOT * value / top());
    }
  }

  /**
   * The smallest step of 1, 2 or 5 times a power of ten in which {@code max} (at least 1) is
   * reached in at most {@code steps} steps: the tick spacing of a scale people read at a glance.
   */
  static long niceStep(long max, int steps) {
    long target = Math.max(1, max);
    for (long power = 1; ; power *= 10) {
      for (long m : new long[] {1, 2, 5}) {
        long step = m * power;
        if ((target + step - 1) / step <= steps) {
          return step;
        }
      }
    }
  }

  /** The landscape page. */
  public record LandscapePage(
      PageModels.Layout layout,
      List<Problem> problems,
      String rows,
      String cols,
      List<AxisOption> axes,
      List<FilterSelect> filters,
      List<Hidden> hidden,
      String q,
      String from,
      String to,
      boolean suggestions,
      HeatMap map,
      SvgMap svg,
      List<Step> scale,
      String query,
      List<BarChart> drafts,
      List<YearChart> years,
      String yearsFrom,
      String yearsTo) {
    public Messages t() {
      return layout.t();
    }

    /** Whether a problem names the form's field {@code name} (its {@code aria-invalid}). */
    public boolean invalid(String name) {
      return problems.stream().anyMatch(p -> p.field().equals(name));
    }

    public String csvUrl() {
      return "/landscape.csv" + (query.isEmpty() ? "" : "?" + query);
    }

    public String svgUrl() {
      return "/landscape.svg" + (query.isEmpty() ? "" : "?" + query);
    }

    public String apiUrl() {
      return "/api/v1/landscape" + (query.isEmpty() ? "" : "?" + query);
    }

    public String clustersUrl() {
      return "/landscape/clusters" + (query.isEmpty() ? "" : "?" + query);
    }

    public String percent(long part, long whole) {
      return whole == 0 ? "0" : String.format(Locale.ROOT, "%d", Math.round(100.0 * part / whole));
    }
  }

  /** An axis the form offers. */
  public record AxisOption(String id, String label) {}

  /** A filter of the form: one select over a facet's values. */
  public record FilterSelect(String id, String label, List<Option> options, String selected) {}

  /** An option of a select. */
  public record Option(String value, String label) {}

  /** A filter value kept as it is (a second value of one facet, which a select cannot show). */
  public record Hidden(String name, String value) {}

  /** Sums of a map's byStatus for the bars. */
  static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The topic clusters page. */
  public record ClustersPage(
      PageModels.Layout layout, LandscapeRoutes.ClustersView view, String q, String query) {
    public Messages t() {
      return layout.t();
    }

    /** Whether the register of committees says how the topic's active committees coordinate. */
    public Liaisons liaisons(LandscapeRoutes.TopicView topic) {
      return Liaisons.of(topic);
    }

    public String percent(double share) {
      return String.format(Locale.ROOT, "%d", Math.round(100 * share));
    }

    public String bodies(LandscapeRoutes.TopicView topic) {
      List<String> out = new ArrayList<>();
      topic.bodies().forEach((b, n) -> out.add(b + " (" + layout.t().number(n) + ")"));
      return String.join(", ", out);
    }
  }

  /**
   * What ISO's register of committees says of how committees active on one topic coordinate: the
   * liaisons between them, each pair once ({@code inLiaison}: a committee and those after it in the
   * topic's list it is in liaison with), and how many of them the register has.
   */
  public record Liaisons(Map<String, List<String>> inLiaison, int inRegister) {
    /** The topic's liaisons, each committee with those after it it is in liaison with. */
    static Liaisons of(LandscapeRoutes.TopicView topic) {
      Map<String, List<String>> with = new java.util.LinkedHashMap<>();
      for (LandscapeRoutes.Liaison l : topic.liaisons()) {
        with.computeIfAbsent(l.a(), k -> new ArrayList<>()).add(l.b());
      }
      return new Liaisons(with, topic.committeesInRegister());
    }

    /** The register has two or more of the committees and no liaison between them. */
    public boolean noneRecorded() {
      return inLiaison.isEmpty() && inRegister >= 2;
    }
  }

  /** The records of one topic. */
  public record ClusterPage(
      PageModels.Layout layout,
      LandscapeRoutes.TopicView topic,
      List<org.aisx.landscape.Topics.Member> members,
      int size) {
    public Messages t() {
      return layout.t();
    }
  }

  /** The duplication signals page. */
  public record DuplicatesPage(
      PageModels.Layout layout, LandscapeRoutes.DuplicatesView view, List<String> committees) {
    public Messages t() {
      return layout.t();
    }

    public String percent(double similarity) {
      return String.format(Locale.ROOT, "%d", Math.round(100 * similarity));
    }

    public String csvUrl() {
      return "/landscape/duplicates.csv"
          + (view.committee() == null ? "" : "?committee=" + PageModels.enc(view.committee()));
    }
  }
}
