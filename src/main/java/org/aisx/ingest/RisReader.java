package org.aisx.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Standard;

/**
 * Reads RIS, the tagged format that reference managers and bibliographic catalogues export (NIST's
 * technical publications, for one): each line is a two-character tag, two spaces, a hyphen, a space
 * and the value; an entry starts with {@code TY} and ends with {@code ER}, e.g.
 *
 * <pre>
 * TY  - RPRT
 * TI  - Artificial Intelligence Risk Management Framework (AI RMF 1.0)
 * AU  - Tabassi, Elham
 * PY  - 2023
 * SN  - NIST AI 100-1
 * DO  - 10.6028/NIST.AI.100-1
 * ER  -
 * </pre>
 *
 * <p>Streaming: one entry at a time is held, so a file of any size reads in bounded memory. Lenient
 * where exporters differ (a missing space after the hyphen, trailing blanks, blank lines between
 * entries, a byte-order mark, a value wrapped onto untagged lines, which continues the tag before
 * it); strict where an entry cannot be trusted: a tag outside an entry, a new {@code TY} before the
 * {@code ER} of the last one, or a file ending inside an entry each reject that entry (or line),
 * naming the line, and reading goes on with the next entry. Each entry is then mapped by {@link
 * RisMapping}.
 *
 * <p>No RIS library is used: those on Maven Central either read the whole file into a list (JRis)
 * or bring the Kotlin runtime and coroutines (KRis) for what is a line format of a few rules.
 */
public final class RisReader {
  /** {@code TY - value}: RIS writes two spaces before the hyphen; some exporters write one. */
  private static final Pattern TAG = Pattern.compile("^([A-Z][A-Z0-9]) {1,2}-(?: (.*)|\\s*)$");

  /** One entry as read: its tags in file order, each with its values, and where it starts. */
  record Entry(int line, Map<String, List<String>> tags) {
    /** The first value of {@code tag}, stripped, or null when absent or blank. */
    String first(String tag) {
      List<String> values = tags.get(tag);
      if (values == null) {
        return null;
      }
      for (String v : values) {
        if (!v.isBlank()) {
          return v.strip();
        }
      }
      return null;
    }

    /** Every non-blank value of {@code tag}, stripped. */
    List<String> all(String tag) {
      List<String> out = new ArrayList<>();
      for (String v : tags.getOrDefault(tag, List.of())) {
        if (!v.isBlank()) {
          out.add(v.strip());
        }
      }
      return out;
    }
  }

  private final RisMapping mapping;

  public RisReader(String sourceName) {
    this.mapping = new RisMapping(sourceName);
  }

  /** Hands one outcome per entry (and per stray line) to {@code sink}, in file order. */
  public void read(InputStream in, Consumer<FeedRecord> sink) throws IOException {
    readEntries(
        in,
        entry -> {
          String where = "record at line " + entry.line();
          try {
            Standard s = mapping.map(entry);
            sink.accept(new FeedRecord.Mapped(where, s));
          } catch (IllegalArgumentException e) {
            sink.accept(new FeedRecord.Rejected(where, e.getMessage()));
          }
        },
        sink);
  }

  /** Parses entries without mapping them; malformed input goes to {@code errors}. */
  static void readEntries(InputStream in, Consumer<Entry> entries, Consumer<FeedRecord> errors)
      throws IOException {
    Utf8Lines lines = new Utf8Lines(in);
    Map<String, List<String>> tags = null;
    List<String> lastValues = null;
    int start = 0;
    int orphanStart = 0; // the first of a run of tagged lines outside an entry, or 0
    String orphanTag = null;
    int lineNo = 0;
    String line;
    while ((line = lines.next()) != null) {
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      Matcher m = TAG.matcher(line.stripTrailing());
      if (!m.matches()) {
        if (lastValues != null) {
          // A value wrapped onto the next line: part of the tag before it.
          int last = lastValues.size() - 1;
          lastValues.set(last, (lastValues.get(last) + " " + line.strip()).strip());
        } else {
          errors.accept(
              new FeedRecord.Rejected(
                  "line " + lineNo,
                  "not a RIS line (expected a tag such as 'TY  - '): '" + excerpt(line) + "'"));
        }
        continue;
      }
      String tag = m.group(1);
      String value = m.group(2) == null ? "" : m.group(2).strip();
      if (tag.equals("TY")) {
        if (orphanStart > 0) {
          errors.accept(orphans(orphanStart, lineNo - 1, orphanTag));
          orphanStart = 0;
        }
        if (tags != null) {
          errors.accept(
              new FeedRecord.Rejected(
                  "record at line " + start,
                  "no ER before the next TY at line " + lineNo + "; the entry was skipped"));
        }
        tags = new LinkedHashMap<>();
        start = lineNo;
      } else if (tags == null) {
        // An entry whose TY is missing: one rejection for its lines, from the first tag on.
        if (orphanStart == 0) {
          orphanStart = lineNo;
          orphanTag = tag;
        }
        lastValues = null;
        continue;
      }
      if (tag.equals("ER")) {
        entries.accept(new Entry(start, tags));
        tags = null;
        lastValues = null;
        continue;
      }
      lastValues = tags.computeIfAbsent(tag, k -> new ArrayList<>(1));
      lastValues.add(value);
    }
    if (orphanStart > 0) {
      errors.accept(orphans(orphanStart, lineNo, orphanTag));
    }
    if (tags != null) {
      errors.accept(
          new FeedRecord.Rejected(
              "record at line " + start,
              "the file ends before the ER of this entry (line " + lineNo + ")"));
    }
  }

  private static FeedRecord orphans(int from, int to, String firstTag) {
    return new FeedRecord.Rejected(
        "line " + from,
        "tag "
            + firstTag
            + " outside an entry (an entry starts with TY); lines "
            + from
            + "-"
            + to
            + " were skipped");
  }

  private static String excerpt(String line) {
    String s = line.strip();
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
