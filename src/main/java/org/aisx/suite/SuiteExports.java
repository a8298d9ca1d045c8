package org.aisx.suite;

import java.time.Instant;
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
 *
 * <p>Each also says which state of the suite it is ({@link Edition}: its version, the publication
 * it is, and when that state was made) and the suite's coverage as its page shows it ({@link
 * Report#concerns} and {@link Report#verticals}, computed once by {@link Suites#report}): the
 * concerns its members cover, the gaps (the concerns and sectors of the coverage that no member
 * covers) and how many of them are covered. A member's title is in the caller's language where the
 * record has one, its status and the note generated for a suggested member ({@link Reason}) are
 * said in it; a note a person typed is as typed.
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

    /** The caller's language code, for records' titles. */
    String lang();

    /** A concern's or a sector's label. */
    String concept(String id);

    /** A record's status ({@code in-force}, ... or {@code missing}) as a label. */
    String status(String wire);

    /** The member's note as the reader sees it: as typed, else its reason said in this language. */
    String note(Member m);

    /** The day and time of {@code at} in this language's form. */
    String dayAndTime(Instant at);
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
          "attribution",
          "concerns",
          "concern_ids",
          "gaps",
          "gap_ids",
          "covered",
          "to_cover",
          "version",
          "publication",
          "version_date");

  /**
   * The CSV export as rows of cells, the header first: the cells as they are, for a CSV writer that
   * quotes them and defuses formulas ({@code web/Csv}).
   */
  public static List<List<String>> csv(Report report, Edition edition, String base, Words words) {
    Content c = report.suite().content();
    List<String> covered = covered(report);
    List<String> gaps = gaps(report);
    List<List<String>> rows = new ArrayList<>();
    rows.add(CSV_COLUMNS);
    for (Report.Resolved m : report.members()) {
      Standard r = m.record();
      var alert = report.alertOf(m.member().id());
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(m.position() + 1));
      row.add(m.group());
      row.add(m.identifier());
      row.add(r == null ? "" : r.titleIn(words.lang()));
      row.add(r == null ? "" : nz(r.sdo()));
      row.add(r == null ? "missing" : r.status().wire());
      row.add(r == null ? "" : nz(r.published()));
      row.add(r == null ? "" : nz(r.url()));
      row.add(base + "/standards/" + m.member().id());
      row.add(nz(words.note(m.member())));
      row.add(alert.map(Report.Alert::kind).orElse(""));
      row.add(alert.map(a -> a.successor() == null ? "" : a.successor().identifier()).orElse(""));
      row.add(c.title());
      row.add(page(report, base));
      row.add(nz(c.purpose()));
      row.add(String.join("; ", sectors(c, words)));
      row.add(String.join(";", c.verticals()));
      row.add(nz(c.attribution()));
      row.add(String.join("; ", covered.stream().map(words::concept).toList()));
      row.add(String.join(";", covered));
      row.add(String.join("; ", gaps.stream().map(words::concept).toList()));
      row.add(String.join(";", gaps));
      row.add(Integer.toString(coveredCount(report)));
      row.add(Integer.toString(toCover(report)));
      row.add(edition.version() == null ? "" : edition.version().toString());
      row.add(edition.publication() == null ? "" : edition.publication().toString());
      row.add(edition.at() == null ? "" : edition.at().toString());
      rows.add(row);
    }
    return rows;
  }

  /**
   * The concerns the suite's members cover, in the order of its coverage table: the rows of {@link
   * Report#concerns} that are no gap.
   */
  static List<String> covered(Report report) {
    return report.concerns().stream()
        .filter(cov -> !cov.gap())
        .map(Report.Coverage::concept)
        .toList();
  }

  /**
   * The gaps the suite's page shows: the concerns, then the sectors, of its coverage table that no
   * member covers.
   */
  static List<String> gaps(Report report) {
    List<String> out = new ArrayList<>();
    for (Report.Coverage cov : report.concerns()) {
      if (cov.gap()) {
        out.add(cov.concept());
      }
    }
    for (Report.Coverage cov : report.verticals()) {
      if (cov.gap()) {
        out.add(cov.concept());
      }
    }
    return out;
  }

  /** How many rows of the coverage table (concerns and sectors) a member covers. */
  private static int coveredCount(Report report) {
    return toCover(report) - gaps(report).size();
  }

  /** How many rows the coverage table has: the concerns and sectors it reports. */
  private static int toCover(Report report) {
    return report.concerns().size() + report.verticals().size();
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
   * What the suite says of itself, one sentence each: its title and address, purpose, sectors (as
   * the print view labels them), which state of it this is, the concerns it covers, its gaps, how
   * much of its coverage is covered, and its attribution.
   */
  private static List<String> about(Report report, Edition edition, String base, Words words) {
    Content c = report.suite().content();
    List<String> out = new ArrayList<>();
    out.add(words.get("suite.export.inSuite", c.title(), page(report, base)));
    if (c.purpose() != null && !c.purpose().isBlank()) {
      out.add(words.get("suite.purpose") + " " + c.purpose());
    }
    if (!c.verticals().isEmpty()) {
      out.add(words.get("suite.forSectors") + words.colon() + words.list(sectors(c, words)));
    }
    out.add(version(edition, words));
    List<String> covered = covered(report);
    if (!covered.isEmpty()) {
      out.add(
          words.get("suite.export.concerns")
              + words.colon()
              + words.list(covered.stream().map(words::concept).toList()));
    }
    List<String> gaps = gaps(report);
    out.add(
        gaps.isEmpty()
            ? words.get("suite.export.noGaps")
            : words.get("suite.export.gaps")
                + words.colon()
                + words.list(gaps.stream().map(words::concept).toList()));
    out.add(words.get("suite.export.coverage", coveredCount(report), toCover(report)));
    if (c.attribution() != null && !c.attribution().isBlank()) {
      out.add(words.get("suite.attribution") + " " + c.attribution());
    }
    return out;
  }

  /** Which state of the suite this is, and when it was made, in the caller's language. */
  static String version(Edition e, Words words) {
    String at = e.at() == null ? "" : words.dayAndTime(e.at());
    if (e.version() != null && e.publication() != null) {
      return words.get("suite.export.versionPublished", e.version(), e.publication(), at);
    }
    if (e.publication() != null) {
      return words.get("suite.export.publication", e.publication(), at);
    }
    return words.get("suite.export.version", e.version(), at);
  }

  public static String bibtex(Report report, Edition edition, String base, Words words) {
    Content c = report.suite().content();
    String about = words.clauses(about(report, edition, base, words));
    StringBuilder out = new StringBuilder();
    for (Report.Resolved m : report.members()) {
      Standard r = m.record();
      out.append("@techreport{").append(key(m)).append(",\n");
      field(out, "title", r == null ? m.identifier() : r.nameIn(words.lang()));
      field(out, "number", m.identifier());
      if (r != null) {
        field(out, "institution", r.sdo());
        if (r.year() > 0) {
          field(out, "year", Integer.toString(r.year()));
        }
        urlField(out, r.url() == null ? base + "/standards/" + r.id() : r.url());
        field(out, "type", r.type() == null ? null : r.type().wire());
        field(out, "note", words.clauses(notes(status(r.status().wire(), words), m, words)));
      } else {
        field(out, "note", words.clauses(notes(words.status("missing"), m, words)));
      }
      // biblatex reads keywords as a comma-separated list; no label holds a comma.
      field(out, "keywords", String.join(", ", keywords(m, c, words)));
      field(out, "annote", about);
      out.append("}\n\n");
    }
    return out.toString();
  }

  /** A member's status, then its note, as a BibTeX note's clauses. */
  private static List<String> notes(String status, Report.Resolved m, Words words) {
    String note = words.note(m.member());
    return note == null || note.isBlank() ? List.of(status) : List.of(status, note);
  }

  /** "Status: In force", in the caller's language. */
  private static String status(String wire, Words words) {
    return words.get("suite.export.status", words.status(wire));
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

  public static String ris(Report report, Edition edition, String base, Words words) {
    Content c = report.suite().content();
    List<String> about = about(report, edition, base, words);
    StringBuilder out = new StringBuilder();
    for (Report.Resolved m : report.members()) {
      Standard r = m.record();
      tag(out, "TY", "STAND");
      tag(out, "TI", r == null ? m.identifier() : r.nameIn(words.lang()));
      tag(out, "M1", m.identifier());
      if (r != null) {
        tag(out, "PB", r.sdo());
        if (r.year() > 0) {
          tag(out, "PY", Integer.toString(r.year()));
        }
        tag(out, "UR", r.url());
        tag(out, "N1", status(r.status().wire(), words));
      } else {
        tag(out, "N1", words.status("missing"));
      }
      tag(out, "N1", words.note(m.member()));
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
