package org.aisx.web;

import java.util.List;
import org.aisx.ingest.CsvFormulas;

/**
 * CSV as RFC 4180 writes it, safe to open in a spreadsheet: a field holding a comma, a quote or a
 * line break is quoted, and one a spreadsheet would read as a formula is prefixed with an
 * apostrophe ({@link CsvFormulas}).
 */
final class Csv {
  private Csv() {}

  static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    out.append("\r\n");
  }

  static String field(String raw) {
    String v = CsvFormulas.defuse(raw == null ? "" : raw);
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
