package org.aisx.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The heat map's row and column labels, laid out for SVG, which cannot wrap text itself. A label is
 * broken onto at most {@link #MAX_LINES} lines no wider than a given width (at spaces, or between
 * the characters of Chinese and other scripts written without spaces); the last line of a label
 * that still does not fit ends in "…", and the page gives the whole label in the label's {@code
 * <title>}. Widths are estimated from the characters, generously (10 % over what the wide DejaVu
 * Sans draws), so that a label fits in whatever sans-serif font the reader's browser picks.
 */
final class MapLabels {
  private MapLabels() {}

  /** The labels' font size, in px. */
  static final int FONT_PX = 12;

  /** The distance between the lines of a label, in px. */
  static final int LINE_PX = 13;

  static final int MAX_LINES = 2;

  private static final String ELLIPSIS = "…";

  /** The width of {@code text} at {@link #FONT_PX}, estimated on the wide side, in px. */
  static double width(String text) {
    double em = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      em += advance(c);
      i += Character.charCount(c);
    }
    return em * FONT_PX * 1.1;
  }

  /** How wide a character is drawn, in em. */
  private static double advance(int c) {
    if (wide(c)) {
      return 1.0;
    }
    if (c == ' ') {
      return 0.32;
    }
    if (".,:;'|!il".indexOf(c) >= 0) {
      return 0.34;
    }
    if ("-/()[]".indexOf(c) >= 0) {
      return 0.42;
    }
    if (c == 'W' || c == 'M' || c == 'm' || c == 'w') {
      return 1.0;
    }
    if (Character.isUpperCase(c) || Character.isDigit(c)) {
      return 0.76;
    }
    if (Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) {
      return 0.72;
    }
    return 0.66;
  }

  /**
   * Characters drawn a full em wide, in scripts written without spaces between words (Chinese,
   * Japanese), where a line may break between any two of them; Korean and full-width forms too.
   */
  private static boolean wide(int c) {
    return (c >= 0x2E80 && c <= 0x9FFF)
        || (c >= 0xAC00 && c <= 0xD7AF)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0x20000 && c <= 0x3FFFF);
  }

  /**
   * {@code label} on at most {@link #MAX_LINES} lines, none estimated wider than {@code maxWidth}
   * px: broken where a line may break, the last line shortened with "…" when the label does not
   * fit. A word longer than a line is shortened the same way.
   */
  static List<String> lines(String label, double maxWidth) {
    List<String> lines = new ArrayList<>();
    String line = "";
    List<String> words = words(label.strip());
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      String joined = line.isEmpty() ? word.stripLeading() : line + word;
      if (width(joined) <= maxWidth) {
        line = joined;
        continue;
      }
      if (!line.isEmpty() && lines.size() < MAX_LINES - 1) {
        lines.add(line.stripTrailing());
        line = word.stripLeading();
        if (width(line) <= maxWidth) {
          continue;
        }
      } else {
        line = joined;
      }
      // The last line, or a word longer than a line: as much of it as fits, then "…".
      lines.add(shortened(line, maxWidth));
      return lines;
    }
    if (!line.isEmpty()) {
      lines.add(line);
    }
    return lines;
  }

  /**
   * The pieces between the places a line may break, each with the space before it: before a space,
   * and before and after a wide character (Chinese, Japanese) unless it is punctuation that closes
   * ("）", "、", "。"), which stays with what it follows.
   */
  private static List<String> words(String label) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean afterWide = false;
    for (int i = 0; i < label.length(); ) {
      int c = label.codePointAt(i);
      i += Character.charCount(c);
      boolean closing = CLOSING.indexOf(c) >= 0;
      boolean breakBefore = c == ' ' || ((wide(c) || afterWide) && !closing);
      if (breakBefore && !word.toString().isBlank()) {
        words.add(word.toString());
        word.setLength(0);
      }
      word.appendCodePoint(c);
      afterWide = wide(c);
    }
    if (!word.toString().isBlank()) {
      words.add(word.toString());
    }
    return words;
  }

  /** Punctuation that a line may not start with. */
  private static final String CLOSING = "）」』】〕、。，．：；！？)]}.,:;!?";

  /** {@code text} cut so that with "…" after it it is at most {@code maxWidth} px wide. */
  private static String shortened(String text, double maxWidth) {
    String cut = text.stripTrailing();
    while (!cut.isEmpty() && width(cut + ELLIPSIS) > maxWidth) {
      cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1)).stripTrailing();
    }
    return cut + ELLIPSIS;
  }

  /** The widest row label may take, in px: on a phone some columns of cells stay in view. */
  static final double ROW_PX = 140;

  /** The widest line of a column label, in px. */
  static final double COLUMN_PX = 130;

  /** The gap between a row label and the cells, in px. */
  static final int GAP = 6;

  /** sin 45°: column labels are drawn rising at 45° from their foot, above their column. */
  private static final double DIAGONAL = Math.sqrt(0.5);

  /** How much of a line's height is above its baseline (10 px) and below it (3 px). */
  private static final int ASCENT = 10;

  private static final int DESCENT = 3;

  /** The widest of these labels' lines, in px. */
  static double widest(List<List<String>> labels) {
    double widest = 0;
    for (List<String> lines : labels) {
      for (String line : lines) {
        widest = Math.max(widest, width(line));
      }
    }
    return widest;
  }

  /** The room the row labels take left of the cells: their widest line and a gap either side. */
  static int rowLabelsWidth(List<List<String>> rows) {
    return (int) Math.ceil(widest(rows)) + 2 * GAP;
  }

  /**
   * The baseline of line {@code k} of a label of {@code n} lines, relative to the baseline a label
   * of one line has: the lines centred on it.
   */
  static int rowLineBaseline(int k, int n) {
    return k * LINE_PX - (n - 1) * LINE_PX / 2;
  }

  /**
   * The baseline of line {@code k} of a column label of {@code n} lines, across the label (in the
   * label's rotated frame): the last line starts at the label's foot, earlier lines above it.
   */
  static int columnLineBaseline(int k, int n) {
    return (k - (n - 1)) * LINE_PX;
  }

  /**
   * How high the header above the cells must be for these column labels, drawn rising from {@code
   * GAP} px above the cells.
   */
  static int headerHeight(List<List<String>> columns) {
    double highest = LINE_PX;
    for (List<String> lines : columns) {
      for (int k = 0; k < lines.size(); k++) {
        double along = width(lines.get(k));
        double across = ASCENT - columnLineBaseline(k, lines.size());
        highest = Math.max(highest, DIAGONAL * (along + across));
      }
    }
    return (int) Math.ceil(highest) + GAP + 2;
  }

  /** How far right of its foot a column label reaches, in px. */
  static int columnReach(List<String> lines) {
    double reach = 0;
    for (int k = 0; k < lines.size(); k++) {
      double along = width(lines.get(k));
      double across = columnLineBaseline(k, lines.size()) + DESCENT;
      reach = Math.max(reach, DIAGONAL * (along + across));
    }
    return (int) Math.ceil(reach) + 2;
  }
}
