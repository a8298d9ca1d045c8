package org.aisx.ingest;

/**
 * The one rule for CSV cells a spreadsheet would run as a formula (OWASP's "CSV injection"): a cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, after
 * any apostrophes, is written with one more apostrophe in front, which a spreadsheet shows as text;
 * a reader takes that one apostrophe off again. So every value survives a round trip exactly:
 * {@code =1+1} is written {@code '=1+1} and read back {@code =1+1}, and {@code '=1+1} is written
 * {@code ''=1+1} and read back as it was. A cell that is not such a value is written and read
 * unchanged. Every CSV this service writes goes through {@link #defuse}; every CSV it reads back
 * (catalogue records, learning resources) through {@link #restore}.
 */
public final class CsvFormulas {
  private static final String FORMULA_START = "=+-@\t\r";

  private CsvFormulas() {}

  /** The cell as written: with one more leading apostrophe where a spreadsheet sees a formula. */
  public static String defuse(String value) {
    return value != null && formula(value, 0) ? "'" + value : value;
  }

  /** The value of a cell as read: {@link #defuse}'s apostrophe taken off. */
  public static String restore(String cell) {
    return cell != null && cell.startsWith("'") && formula(cell, 1) ? cell.substring(1) : cell;
  }

  private static boolean formula(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == '\'') {
      i++;
    }
    return i < s.length() && FORMULA_START.indexOf(s.charAt(i)) >= 0;
  }
}
