package org.aisx.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Slug;
import org.aisx.catalog.Standard;

/**
 * Reads the CSV template for standards bodies that have no machine-readable feed (documented for
 * its users in {@code docs/csv-template.md}, with {@code docs/csv-template-example.csv}).
 *
 * <h2>File</h2>
 *
 * RFC 4180: fields separated by commas; a field holding a comma, a double quote or a line break is
 * enclosed in double quotes, and a double quote inside it is doubled ({@code "say ""hi"""}). Lines
 * end with CRLF or LF. UTF-8, with or without a byte-order mark (what spreadsheets write as "CSV
 * UTF-8"). A quote inside an unquoted field is kept as it is. The first row is the header naming
 * the columns, in any order; every column but the required ones may be left out. A header naming a
 * column that is not one of the record's (below), naming one twice, or missing a required column
 * ends the read before any row ({@link IOException} naming them). Blank lines, and rows whose cells
 * are all empty, are skipped. Each row is reported as "line N", N being the physical line the row
 * starts on (a quoted cell may span lines); a row with more or fewer cells than the header, a
 * broken quote, or a value that cannot be parsed is rejected alone, naming every column at fault.
 *
 * <h2>Columns</h2>
 *
 * One for every field of the record, as {@link CsvColumns} derives them from {@link
 * Standard#FIELDS} (the field's JSON name in snake case; a title or abstract per language, {@code
 * title_en}, {@code abstract_ja}), documented for the template's users in {@code
 * docs/csv-template.md}. Required: identifier, sdo, type and status. A row without a title (no
 * title column, or its cells empty) is a record without one, as any feed's may be. A title or
 * abstract cell is plain text: blank lines separate paragraphs, line breaks are kept, and a line
 * starting with "• ", "- " or "– " is a list item. List cells (keywords, the taxonomy columns,
 * relations, identifiers) hold items separated by ";"; a ";" within an item is written {@code \;}
 * and a backslash {@code \\}. Relations are {@code type:target} items, identifiers {@code
 * type:value} items (the type before the first colon). Suggestions, use cases and field provenance
 * are the field's JSON. The record's source is the import's (as for a JSON import, the column
 * {@code source} does not override it), and the store counts revisions.
 *
 * <p>A cell that starts with an apostrophe before {@code =}, {@code +}, {@code -}, {@code @}, a tab
 * or a carriage return loses that one apostrophe: it is what the catalogue's CSV export writes so
 * that a spreadsheet shows such a value as text ({@link CsvFormulas}). Cells are trimmed, and an
 * empty cell is an absent value; list items are trimmed, empty ones dropped and repeats removed.
 * Enumerated values (type, status, kind, relation types, yes/no columns) are read
 * case-insensitively and a value that is not one of them rejects the row; everything else (required
 * fields, dates, URLs, taxonomy ids, lengths) is checked by the catalogue like any other record.
 */
public final class CsvReader {
  /** The columns a header must name. */
  private static final List<String> REQUIRED = List.of("identifier", "sdo", "type", "status");

  private final String sourceName;

  public CsvReader(String sourceName) {
    this.sourceName = sourceName;
  }

  /**
   * Hands one outcome per non-blank row to {@code sink}, in file order.
   *
   * @throws IOException when the file is empty, its header is unusable (unknown, repeated or
   *     missing required columns), or it is not UTF-8 text (rows before that point have been passed
   *     on)
   */
  public void read(InputStream in, Consumer<FeedRecord> sink) throws IOException {
    Tokenizer tokens = new Tokenizer(new Utf8(in));
    Row header;
    do {
      header = tokens.next();
    } while (header != null && header.isBlank() && header.error == null);
    if (header == null) {
      throw new IOException(
          "the file is empty: the first row must name the columns ("
              + CsvColumns.described()
              + ")");
    }
    Map<CsvColumns.Named, Integer> columns = columns(header);
    Row row;
    while ((row = tokens.next()) != null) {
      if (row.error == null && row.isBlank()) {
        continue;
      }
      String where = "line " + row.line;
      if (row.error != null) {
        sink.accept(FeedRecord.Rejected.of(where, List.of(row.error)));
      } else if (row.cells.size() != columns.size()) {
        Problem cells =
            Problem.of(
                "",
                "import.problem.cellCount",
                String.valueOf(row.cells.size()),
                String.valueOf(columns.size()));
        sink.accept(FeedRecord.Rejected.of(where, List.of(cells)));
      } else {
        List<Problem> problems = new ArrayList<>();
        Standard s = map(row, columns, problems);
        if (problems.isEmpty()) {
          sink.accept(new FeedRecord.Mapped(where, s));
        } else {
          sink.accept(FeedRecord.Rejected.of(where, problems));
        }
      }
    }
  }

  /**
   * A header (or a file) that cannot be read: its English message, as before, and the problems that
   * say it in the bundles' languages, each field naming the place ({@code line 1 (header)}).
   */
  static final class UnusableHeader extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    UnusableHeader(String message, List<Problem> problems) {
      super(message);
      this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
      return problems;
    }
  }

  /** Column → index, or why the header is unusable. */
  private static Map<CsvColumns.Named, Integer> columns(Row header) throws IOException {
    String where = "line " + header.line + " (header)";
    if (header.error != null) {
      Problem e = header.error;
      throw new UnusableHeader(
          where + ": " + e.problem(), List.of(new Problem(where, e.problem(), e.key(), e.args())));
    }
    Map<CsvColumns.Named, Integer> out = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (int i = 0; i < header.cells.size(); i++) {
      Optional<CsvColumns.Named> named = CsvColumns.named(header.cells.get(i));
      if (named.isEmpty()) {
        unknown.add("'" + header.cells.get(i) + "'");
      } else if (out.putIfAbsent(named.get(), i) != null) {
        repeated.add(named.get().name());
      }
    }
    List<Problem> problems = new ArrayList<>();
    if (!unknown.isEmpty()) {
      problems.add(
          Problem.of(
              where,
              "import.problem.unknownColumns",
              String.valueOf(unknown.size()),
              String.join(", ", unknown)));
    }
    if (!repeated.isEmpty()) {
      problems.add(
          Problem.of(where, "import.problem.repeatedColumns", String.join(", ", repeated)));
    }
    // No title column is required: a feed's record without a title is still a record.
    Set<String> named = new LinkedHashSet<>();
    for (CsvColumns.Named n : out.keySet()) {
      named.add(n.name());
    }
    List<String> missing = new ArrayList<>();
    for (String required : REQUIRED) {
      if (!named.contains(required)) {
        missing.add(required);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(Problem.of(where, "import.problem.missingColumns", String.join(", ", missing)));
    }
    if (!problems.isEmpty()) {
      List<Problem> all = new ArrayList<>(problems);
      all.add(Problem.of("", "import.problem.theColumnsAre", CsvColumns.described()));
      throw new UnusableHeader(
          where
              + ": "
              + problems.stream().map(Problem::problem).collect(Collectors.joining("; "))
              + ". The columns are: "
              + CsvColumns.described(),
          all);
    }
    return out;
  }

  private Standard map(Row row, Map<CsvColumns.Named, Integer> columns, List<Problem> problems) {
    Map<CsvColumns.Named, String> cells = new LinkedHashMap<>();
    columns.forEach(
        (column, i) -> {
          String v = row.cells.get(i).strip();
          if (!v.isEmpty()) {
            cells.put(column, v);
          }
        });
    ObjectNode record = CsvColumns.record(cells, problems);
    JsonNode identifier = record.get("identifier");
    if (identifier == null) {
      problems.add(0, Problem.of("column identifier", "invalid.required"));
    }
    if (!problems.isEmpty()) {
      return null;
    }
    if (!record.has("id")) {
      record.put("id", Slug.of(identifier.asText()));
    }
    // The import's source, as for a record of any other format.
    record.put("source", sourceName);
    return CsvColumns.standard(record, problems);
  }

  /**
   * Items separated by ";", trimmed, empty ones and repeats dropped. Within an item, {@code \;} is
   * a ";" that does not separate and {@code \\} a backslash; any other backslash is itself. The
   * inverse of {@link #listCell}.
   */
  static List<String> list(String cell) {
    if (cell == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    StringBuilder item = new StringBuilder();
    for (int i = 0; i <= cell.length(); i++) {
      char c = i < cell.length() ? cell.charAt(i) : ';';
      if (c == '\\'
          && i + 1 < cell.length()
          && (cell.charAt(i + 1) == ';' || cell.charAt(i + 1) == '\\')) {
        item.append(cell.charAt(++i));
      } else if (c == ';') {
        String s = item.toString().strip();
        if (!s.isEmpty()) {
          out.add(s);
        }
        item.setLength(0);
      } else {
        item.append(c);
      }
    }
    return List.copyOf(out);
  }

  /**
   * A list as one cell, its items separated by "; ": a ";" within an item is written {@code \;} and
   * a backslash {@code \\}, so that {@link #list} reads the items back as they were.
   */
  public static String listCell(List<String> items) {
    return items.stream()
        .map(item -> item.replace("\\", "\\\\").replace(";", "\\;"))
        .collect(Collectors.joining("; "));
  }

  /** One row: the physical line it starts on, its cells, or why it cannot be read. */
  private record Row(int line, List<String> cells, Problem error) {
    boolean isBlank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  /**
   * Decodes strict UTF-8 a buffer at a time, like a buffered {@code InputStreamReader}, except that
   * bytes that are not UTF-8 are reported only once every character before them has been read: so
   * the rows before them are passed on, and the error names its true line.
   */
  private static final class Utf8 {
    private final InputStream in;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 14).flip();
    private boolean eof;
    private boolean done;
    private CoderResult error;

    Utf8(InputStream in) {
      this.in = in;
    }

    int read() throws IOException {
      while (!chars.hasRemaining()) {
        if (error != null) {
          error.throwException();
        }
        if (done) {
          return -1;
        }
        if (!eof) {
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) {
            eof = true;
          } else {
            bytes.position(bytes.position() + n);
          }
          bytes.flip();
        }
        chars.clear();
        CoderResult r = decoder.decode(bytes, chars, eof);
        if (r.isError()) {
          error = r;
        } else if (eof && !bytes.hasRemaining()) {
          decoder.flush(chars);
          done = true;
        }
        chars.flip();
      }
      return chars.get();
    }
  }

  /** Splits the text into RFC 4180 rows, counting physical lines. */
  private static final class Tokenizer {
    private final Utf8 in;
    private int line = 1;
    private int pending = -2;
    private boolean started;

    Tokenizer(Utf8 in) {
      this.in = in;
    }

    private int read() throws IOException {
      int c;
      if (pending != -2) {
        c = pending;
        pending = -2;
        return c;
      }
      try {
        c = in.read();
      } catch (CharacterCodingException e) {
        throw new IOException(
            "line " + line + ": the file is not UTF-8 text (save it as \"CSV UTF-8\")", e);
      }
      if (!started) {
        started = true;
        if (c == '\uFEFF') {
          return read();
        }
      }
      return c;
    }

    private void unread(int c) {
      pending = c;
    }

    /** Consumes a line break that starts with {@code c} ('\r' or '\n'), counting it. */
    private void lineBreak(int c) throws IOException {
      if (c == '\r') {
        int next = read();
        if (next != '\n') {
          unread(next);
        }
      }
      line++;
    }

    /** The next row, or null at the end of the input. */
    Row next() throws IOException {
      int c = read();
      if (c == -1) {
        return null;
      }
      int start = line;
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      Problem error = null;
      while (true) {
        if (c == '"') {
          int opened = line;
          // A quoted cell: up to the lone closing quote.
          while (true) {
            c = read();
            if (c == -1) {
              return new Row(
                  start,
                  cells,
                  Problem.of("", "import.problem.quoteNotClosed", String.valueOf(opened)));
            }
            if (c == '"') {
              c = read();
              if (c == '"') {
                cell.append('"');
                continue;
              }
              break;
            }
            if (c == '\r' || c == '\n') {
              lineBreak(c);
              cell.append('\n');
            } else {
              cell.append((char) c);
            }
          }
          if (c != ',' && c != '\r' && c != '\n' && c != -1) {
            if (error == null) {
              error =
                  Problem.of("", "import.problem.textAfterQuote", String.valueOf(cells.size() + 1));
            }
            while (c != ',' && c != '\r' && c != '\n' && c != -1) {
              c = read();
            }
          }
        } else {
          while (c != ',' && c != '\r' && c != '\n' && c != -1) {
            cell.append((char) c);
            c = read();
          }
        }
        cells.add(CsvFormulas.restore(cell.toString()));
        cell.setLength(0);
        if (c == ',') {
          c = read();
          continue;
        }
        if (c == '\r' || c == '\n') {
          lineBreak(c);
        }
        return new Row(start, cells, error);
      }
    }
  }
}
