package org.aisx.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aisx.catalog.Standard;

/**
 * A suite's members as a compliance team takes them away: CSV (RFC 4180) for spreadsheets, BibTeX
 * and RIS for reference managers. Members missing from the catalogue are listed with what is known
 * of them. {@code base} is this site's address, for the links back.
 */
public final class SuiteExports {
  private SuiteExports() {}

  public static final List<String> CSV_COLUMNS =
      List.of(
          "position",
          "group",
          "identifier",
          "title",
          "body",
          "status",
          "published",
          "url",
          "page",
          "note",
          "alert",
          "successor");

  public static String csv(Report report, String base) {
    StringBuilder out = new StringBuilder();
    out.append(String.join(",", CSV_COLUMNS)).append("\r\n");
    for (Report.Resolved m : report.members()) {
      Standard r = m.record();
      var alert = report.alertOf(m.member().id());
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(m.position() + 1));
      row.add(m.group());
      row.add(m.identifier());
      row.add(r == null ? "" : r.titleIn("en"));
      row.add(r == null ? "" : nz(r.sdo()));
      row.add(r == null ? "missing" : r.status().wire());
      row.add(r == null ? "" : nz(r.published()));
      row.add(r == null ? "" : nz(r.url()));
      row.add(base + "/standards/" + m.member().id());
      row.add(nz(m.member().note()));
      row.add(alert.map(Report.Alert::kind).orElse(""));
      row.add(alert.map(a -> a.successor() == null ? "" : a.successor().identifier()).orElse(""));
      out.append(String.join(",", row.stream().map(SuiteExports::cell).toList())).append("\r\n");
    }
    return out.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** One CSV cell, quoted when it holds a comma, quote or line break; formulas defused. */
  static String cell(String v) {
    String s = v == null ? "" : v;
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  public static String bibtex(Report report, String base) {
    StringBuilder out = new StringBuilder();
    for (Report.Resolved m : report.members()) {
      Standard r = m.record();
      out.append("@techreport{").append(key(m)).append(",\n");
      field(out, "title", r == null ? m.identifier() : r.nameIn("en"));
      field(out, "number", m.identifier());
      if (r != null) {
        field(out, "institution", r.sdo());
        if (r.year() > 0) {
          field(out, "year", Integer.toString(r.year()));
        }
        field(out, "url", r.url() == null ? base + "/standards/" + r.id() : r.url());
        field(out, "type", r.type() == null ? null : r.type().wire());
        field(out, "note", "Status: " + r.status().wire() + note(m));
      } else {
        field(out, "note", "Not in the catalogue" + note(m));
      }
      out.append("}\n\n");
    }
    return out.toString();
  }

  private static String note(Report.Resolved m) {
    return m.member().note() == null ? "" : ". " + m.member().note();
  }

  private static String key(Report.Resolved m) {
    return m.member().id().replaceAll("[^A-Za-z0-9]+", "_");
  }

  private static void field(StringBuilder out, String name, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    // Braces keep capitals; backslashes, braces and TeX specials are escaped.
    String escaped =
        value
            .replace("\\", "\\textbackslash{}")
            .replace("{", "\\{")
            .replace("}", "\\}")
            .replace("&", "\\&")
            .replace("%", "\\%")
            .replace("$", "\\$")
            .replace("#", "\\#")
            .replace("_", "\\_");
    out.append("  ").append(name).append(" = {").append(escaped).append("},\n");
  }

  public static String ris(Report report, String base) {
    StringBuilder out = new StringBuilder();
    for (Report.Resolved m : report.members()) {
      Standard r = m.record();
      tag(out, "TY", "STAND");
      tag(out, "TI", r == null ? m.identifier() : r.nameIn("en"));
      tag(out, "M1", m.identifier());
      if (r != null) {
        tag(out, "PB", r.sdo());
        if (r.year() > 0) {
          tag(out, "PY", Integer.toString(r.year()));
        }
        tag(out, "UR", r.url());
        tag(out, "N1", "Status: " + r.status().wire());
      } else {
        tag(out, "N1", "Not in the catalogue");
      }
      tag(out, "N1", m.member().note());
      tag(out, "L2", base + "/standards/" + m.member().id());
      out.append("ER  - \r\n");
    }
    return out.toString();
  }

  private static void tag(StringBuilder out, String tag, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    out.append(tag)
        .append("  - ")
        .append(value.replaceAll("[\\r\\n]+", " ").strip())
        .append("\r\n");
  }

  /** The file name of an export: the suite's title in plain letters, and the extension. */
  public static String fileName(Suite s, String extension) {
    String name =
        s.content()
            .title()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (name.isEmpty()) {
      name = "suite";
    }
    return (name.length() > 60 ? name.substring(0, 60) : name) + "." + extension;
  }
}
