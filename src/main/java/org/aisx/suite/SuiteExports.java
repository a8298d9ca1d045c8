package org.aisx.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aisx.catalog.Standard;

/**
 * A suite's members as a compliance team takes them away: CSV (RFC 4180) for spreadsheets, BibTeX
 * and RIS for reference managers. Members missing from the catalogue are listed with what is known
 * of them. {@code base} is this site's address, for the links back.
 *
 * <p>Each format also carries what the suite says of itself, as the print view shows it: its title
 * and address, purpose, the sectors it is for (labels in the caller's language, {@link Words}) and
 * the attribution its source data asks for. A CSV row repeats them in columns after the member's
 * (the sectors' concept ids too, for machines); a reference manager takes each entry apart from the
 * others, so each BibTeX entry and RIS record carries them: the sectors and the member's concern
 * group as keywords (biblatex {@code keywords}, a comma-separated list; RIS {@code KW}, one a
 * line), the rest as notes (BibTeX {@code annote}, which bibliography styles do not print; RIS
 * {@code N1}).
 */
public final class SuiteExports {
  private SuiteExports() {}

  /** The words of an export in the caller's language. */
  public interface Words {
    /** A sector's label. */
    String vertical(String id);

    /** A concern group's label. */
    String group(String id);

    /** A message without arguments, as written. */
    String get(String key);

    /** A message with arguments. */
    String get(String key, Object... args);

    /** What follows a label before its value ("Sectors it is for: Finance"). */
    String colon();

    /** Words listed in a sentence ("Finance, Health"). */
    String list(List<String> words);

    /** Clauses joined in one sentence ("a; b"). */
    String clauses(List<String> parts);
  }

  /**
   * The columns of the CSV export. New columns go at the end, so that a spreadsheet or script that
   * reads the first ones by position keeps working.
   */
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
          "successor",
          "suite",
          "suite_page",
          "purpose",
          "sectors",
          "sector_ids",
          "attribution");

  /**
   * The CSV export as rows of cells, the header first: the cells as they are, for a CSV writer that
   * quotes them and defuses formulas ({@code web/Csv}).
   */
  public static List<List<String>> csv(Report report, String base, Words words) {
    Content c = report.suite().content();
    List<List<String>> rows = new ArrayList<>();
    rows.add(CSV_COLUMNS);
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
      row.add(c.title());
      row.add(page(report, base));
      row.add(nz(c.purpose()));
      row.add(String.join("; ", sectors(c, words)));
      row.add(String.join(";", c.verticals()));
      row.add(nz(c.attribution()));
      rows.add(row);
    }
    return rows;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String page(Report report, String base) {
    return base + "/suites/" + report.suite().id();
  }

  private static List<String> sectors(Content c, Words words) {
    return c.verticals().stream().map(words::vertical).toList();
  }

  /** A member's keywords: its concern group (none for "other"), then the suite's sectors. */
  private static List<String> keywords(Report.Resolved m, Content c, Words words) {
    List<String> out = new ArrayList<>();
    if (m.group() != null && !Suites.OTHER.equals(m.group())) {
      out.add(words.group(m.group()));
    }
    out.addAll(sectors(c, words));
    return out;
  }

  /**
   * What the suite says of itself, one sentence each: its title and address, purpose, sectors and
   * attribution, as the print view labels them.
   */
  private static List<String> about(Report report, String base, Words words) {
    Content c = report.suite().content();
    List<String> out = new ArrayList<>();
    out.add(words.get("suite.export.inSuite", c.title(), page(report, base)));
    if (c.purpose() != null && !c.purpose().isBlank()) {
      out.add(words.get("suite.purpose") + " " + c.purpose());
    }
    if (!c.verticals().isEmpty()) {
      out.add(words.get("suite.forSectors") + words.colon() + words.list(sectors(c, words)));
    }
    if (c.attribution() != null && !c.attribution().isBlank()) {
      out.add(words.get("suite.attribution") + " " + c.attribution());
    }
    return out;
  }

  public static String bibtex(Report report, String base, Words words) {
    Content c = report.suite().content();
    String about = words.clauses(about(report, base, words));
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
        urlField(out, r.url() == null ? base + "/standards/" + r.id() : r.url());
        field(out, "type", r.type() == null ? null : r.type().wire());
        field(out, "note", "Status: " + r.status().wire() + note(m));
      } else {
        field(out, "note", "Not in the catalogue" + note(m));
      }
      // biblatex reads keywords as a comma-separated list; no label holds a comma.
      field(out, "keywords", String.join(", ", keywords(m, c, words)));
      field(out, "annote", about);
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
    if (value == null || value.isBlank()) {
      return;
    }
    out.append("  ").append(name).append(" = {").append(tex(value)).append("},\n");
  }

  /**
   * {@code value} as the text of a braced BibTeX field: one line, TeX's special characters escaped.
   * BibTeX counts every brace to find the end of a value, a backslash before it or not, so a brace
   * of the text is written as a command ({@code \textbraceright{}}), never as {@code \}}, which
   * would end the value early; {@code %} would start a TeX comment where the value is typeset.
   */
  static String tex(String value) {
    String line = oneLine(value);
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\textbackslash{}");
        case '{' -> out.append("\\textbraceleft{}");
        case '}' -> out.append("\\textbraceright{}");
        case '~' -> out.append("\\textasciitilde{}");
        case '^' -> out.append("\\textasciicircum{}");
        case '&', '%', '$', '#', '_' -> out.append('\\').append(ch);
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /**
   * A link as BibTeX's {@code url} field, which styles typeset as it is (as a link, verbatim): the
   * characters that would end the field or escape from it (braces, backslash) and spaces
   * percent-encoded, as a link writes them anyway.
   */
  private static void urlField(StringBuilder out, String url) {
    StringBuilder v = new StringBuilder();
    for (char ch : oneLine(url).toCharArray()) {
      switch (ch) {
        case '{' -> v.append("%7B");
        case '}' -> v.append("%7D");
        case '\\' -> v.append("%5C");
        case ' ' -> v.append("%20");
        default -> v.append(ch);
      }
    }
    out.append("  url = {").append(v).append("},\n");
  }

  /** Line breaks of any kind (those a reader may split a line on too) as one space. */
  private static String oneLine(String value) {
    return value.replaceAll("[\\v\\x1c-\\x1e]+", " ").strip();
  }

  public static String ris(Report report, String base, Words words) {
    Content c = report.suite().content();
    List<String> about = about(report, base, words);
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
      for (String k : keywords(m, c, words)) {
        tag(out, "KW", k);
      }
      for (String a : about) {
        tag(out, "N1", a);
      }
      out.append("ER  - \r\n");
    }
    return out.toString();
  }

  private static void tag(StringBuilder out, String tag, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    out.append(tag).append("  - ").append(oneLine(value)).append("\r\n");
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
