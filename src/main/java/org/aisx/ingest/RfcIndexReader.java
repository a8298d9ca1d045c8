package org.aisx.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * Reads the RFC Editor's {@code rfc-index.txt}: one citation per RFC, starting at the left margin
 * with the number and continued on indented lines, e.g.
 *
 * <pre>
 * 9110 HTTP Semantics. R. Fielding, Ed., M. Nottingham, Ed., J. Reschke,
 *      Ed.. June 2022. (Format: HTML, TXT, PDF, XML) (Obsoletes RFC2818,
 *      RFC7230, ...) (Updates RFC3864) (Also STD97) (Status: INTERNET STANDARD)
 *      (DOI: 10.17487/RFC9110)
 * </pre>
 *
 * <p>Mapping (SPEC §1):
 *
 * <table>
 *   <tr><th>RFC status</th><th>type</th><th>kind</th></tr>
 *   <tr><td>INTERNET STANDARD, DRAFT STANDARD, PROPOSED STANDARD</td><td>international-standard</td><td>standard</td></tr>
 *   <tr><td>BEST CURRENT PRACTICE</td><td>guide</td><td>standard</td></tr>
 *   <tr><td>INFORMATIONAL</td><td>technical-report</td><td>publication</td></tr>
 *   <tr><td>EXPERIMENTAL</td><td>technical-specification</td><td>publication</td></tr>
 *   <tr><td>HISTORIC, UNKNOWN</td><td>other</td><td>publication</td></tr>
 * </table>
 *
 * <p>Status: superseded when the RFC is "Obsoleted by" another, withdrawn when HISTORIC, in force
 * otherwise; the RFC status itself goes to {@code stage}. Obsoletes/Obsoleted by become
 * replaces/replaced-by, Updates/Updated by become updates/updated-by; "Also STD 97" and the DOI go
 * to {@code identifiers}. "Not Issued" numbers are skipped.
 */
public final class RfcIndexReader {
  private static final Pattern START = Pattern.compile("^(\\d{1,5}) (.*)$");

  /** A trailing "(Key: value)" group; only these keys, so a title's own parentheses stay. */
  private static final Pattern TRAILING_GROUP =
      Pattern.compile(
          "\\s*\\((Format|Obsoletes|Obsoleted by|Updates|Updated by|Also|Status|DOI):? ([^()]*)\\)\\s*$");

  private static final Pattern DATE =
      Pattern.compile(
          "(?:\\d{1,2} )?(January|February|March|April|May|June|July|August|September|October|November|December) (\\d{4})\\.?$");
  private static final List<String> MONTHS =
      List.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");
  private static final Map<String, PublicationType> TYPES =
      Map.of(
          "INTERNET STANDARD", PublicationType.INTERNATIONAL_STANDARD,
          "DRAFT STANDARD", PublicationType.INTERNATIONAL_STANDARD,
          "PROPOSED STANDARD", PublicationType.INTERNATIONAL_STANDARD,
          "BEST CURRENT PRACTICE", PublicationType.GUIDE,
          "INFORMATIONAL", PublicationType.TECHNICAL_REPORT,
          "EXPERIMENTAL", PublicationType.TECHNICAL_SPECIFICATION,
          "HISTORIC", PublicationType.OTHER,
          "UNKNOWN", PublicationType.OTHER);

  private final String sourceName;

  public RfcIndexReader(String sourceName) {
    this.sourceName = sourceName;
  }

  /** Hands one outcome per issued RFC to {@code sink}, in file order. */
  public void read(InputStream in, Consumer<FeedRecord> sink) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    StringBuilder entry = null;
    int entryLine = 0;
    int lineNo = 0;
    boolean started = false;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      Matcher m = START.matcher(line);
      if (m.matches() && !line.startsWith(" ")) {
        if (entry != null) {
          emit(entry.toString(), entryLine, sink);
        }
        entry = new StringBuilder(line.strip());
        entryLine = lineNo;
        started = true;
      } else if (started
          && entry != null
          && !line.isBlank()
          && Character.isWhitespace(line.charAt(0))) {
        // The index wraps inside hyphenated words ("Session-\n Specific"): join those without a
        // space.
        if (entry.charAt(entry.length() - 1) != '-') {
          entry.append(' ');
        }
        entry.append(line.strip());
      } else if (line.isBlank() && entry != null) {
        emit(entry.toString(), entryLine, sink);
        entry = null;
      }
    }
    if (entry != null) {
      emit(entry.toString(), entryLine, sink);
    }
  }

  private void emit(String citation, int line, Consumer<FeedRecord> sink) {
    String where = "line " + line;
    try {
      Standard s = map(citation);
      if (s != null) {
        sink.accept(new FeedRecord.Mapped(where, s));
      }
    } catch (IllegalArgumentException e) {
      sink.accept(new FeedRecord.Rejected(where, e.getMessage()));
    }
  }

  /** Maps one joined citation; null for "Not Issued". */
  Standard map(String citation) {
    Matcher start = START.matcher(citation);
    if (!start.matches()) {
      throw new IllegalArgumentException("citation does not start with an RFC number");
    }
    int number = Integer.parseInt(start.group(1));
    String rest = start.group(2).strip();
    if (rest.startsWith("Not Issued")) {
      return null;
    }
    List<String[]> groups = new ArrayList<>();
    String text = rest;
    for (Matcher g = TRAILING_GROUP.matcher(text); g.find(); g = TRAILING_GROUP.matcher(text)) {
      groups.add(0, new String[] {g.group(1), g.group(2).strip()});
      text = text.substring(0, g.start());
    }
    text = text.strip();

    Matcher date = DATE.matcher(text);
    String published = null;
    String head = text;
    if (date.find()) {
      published =
          date.group(2)
              + "-"
              + String.format(
                  Locale.ROOT, "%02d", MONTHS.indexOf(date.group(1).toLowerCase(Locale.ROOT)) + 1);
      head = text.substring(0, date.start()).strip();
    }
    // The index wraps citations over lines (joined by read) and writes no markup; a title is one
    // line of clean text all the same.
    // A citation without a title is still the RFC's record, shown by its number.
    String title = PlainText.line(titleOf(head));

    List<Relation> relations = new ArrayList<>();
    List<Identifier> identifiers = new ArrayList<>();
    String rfcStatus = null;
    boolean obsoleted = false;
    for (String[] group : groups) {
      String key = group[0];
      String value = group[1];
      switch (key) {
        case "Obsoletes" ->
            rfcs(value).forEach(t -> relations.add(Relation.of(RelationType.REPLACES, t)));
        case "Obsoleted by" -> {
          obsoleted = true;
          rfcs(value).forEach(t -> relations.add(Relation.of(RelationType.REPLACED_BY, t)));
        }
        case "Updates" ->
            rfcs(value).forEach(t -> relations.add(Relation.of(RelationType.UPDATES, t)));
        case "Updated by" ->
            rfcs(value).forEach(t -> relations.add(Relation.of(RelationType.UPDATED_BY, t)));
        case "Also" -> {
          for (String also : value.split(",")) {
            String a = also.strip().replaceAll("^([A-Z]+)0*(\\d+)$", "$1 $2");
            if (!a.isEmpty()) {
              identifiers.add(new Identifier(a.split(" ")[0], a));
            }
          }
        }
        case "Status" -> rfcStatus = value.toUpperCase(Locale.ROOT);
        case "DOI" -> identifiers.add(new Identifier("DOI", value));
        default -> {
          // Format: and anything new are not part of the record.
        }
      }
    }
    PublicationType type =
        rfcStatus == null
            ? PublicationType.OTHER
            : TYPES.getOrDefault(rfcStatus, PublicationType.OTHER);
    Status status =
        obsoleted
            ? Status.SUPERSEDED
            : "HISTORIC".equals(rfcStatus) ? Status.WITHDRAWN : Status.IN_FORCE;
    boolean standard =
        type == PublicationType.INTERNATIONAL_STANDARD || type == PublicationType.GUIDE;
    return Standard.builder("RFC " + number)
        .identifiers(identifiers)
        .title(title == null || title.isEmpty() ? Map.of() : Map.of("en", title))
        .sdo("IETF")
        .type(type)
        .status(status)
        .stage(rfcStatus)
        .published(published)
        .url("https://www.rfc-editor.org/info/rfc" + number)
        .kind(standard ? Kind.STANDARD : Kind.PUBLICATION)
        .relations(relations)
        .source(sourceName)
        .build();
  }

  /**
   * The title is everything before the authors. Titles end with a period; authors are "J. Smith"
   * style names, so the title ends at the first ". " followed by an initial.
   */
  static String titleOf(String head) {
    Matcher m =
        Pattern.compile(
                "\\.\\s+(?=(?:[A-Z][a-zA-Z]?\\.|[A-Z]\\.-[A-Z]\\.|[A-Z][a-z]+ [A-Z]|[A-Z]\\. ?[A-Z]|[a-z]))")
            .matcher(head);
    int cut = -1;
    while (m.find()) {
      String after = head.substring(m.end());
      if (after.matches("^(?:[A-Z]{1,2}\\.|[A-Z]\\.-[A-Z]\\.|[A-Z][a-z]{0,2}\\.)\\s?.*")) {
        cut = m.start();
        break;
      }
    }
    String title = cut < 0 ? head.replaceAll("\\.$", "") : head.substring(0, cut);
    return title.strip();
  }

  private static List<String> rfcs(String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(",")) {
      String p = part.strip();
      Matcher m = Pattern.compile("^([A-Z]+)0*(\\d+)$").matcher(p);
      if (m.matches()) {
        out.add(m.group(1) + " " + m.group(2));
      } else if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }
}
