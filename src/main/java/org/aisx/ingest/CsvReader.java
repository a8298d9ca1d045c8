package org.aisx.ingest;

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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.Problem;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

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
 * column that is not in the table below, naming one twice, or missing a required column ends the
 * read before any row ({@link IOException} naming them). Blank lines, and rows whose cells are all
 * empty, are skipped. Each row is reported as "line N", N being the physical line the row starts on
 * (a quoted cell may span lines); a row with more or fewer cells than the header, a broken quote,
 * or a value that cannot be parsed is rejected alone, naming every column at fault.
 *
 * <h2>Columns</h2>
 *
 * <table>
 *   <caption>columns</caption>
 *   <tr><th>column</th><th>record field</th><th>content</th></tr>
 *   <tr><td>identifier</td><td>identifier</td><td>required: as the body writes it, e.g.
 *       {@code ISO/IEC 22989:2022}</td></tr>
 *   <tr><td>title_en, title_fr</td><td>title.en, title.fr</td><td>at least one of the two
 *       columns, and a title in each row</td></tr>
 *   <tr><td>abstract_en, abstract_fr</td><td>abstract.en, abstract.fr</td><td>plain text; blank
 *       lines separate paragraphs, line breaks are kept, and a line starting with "• ", "- " or
 *       "– " is a list item</td></tr>
 *   <tr><td>sdo</td><td>sdo</td><td>required: ISO, ISO/IEC, ITU-T, IEEE, ...</td></tr>
 *   <tr><td>committee</td><td>committee</td><td>e.g. ISO/IEC JTC 1/SC 42</td></tr>
 *   <tr><td>type</td><td>type</td><td>required: international-standard, national-standard,
 *       technical-report, technical-specification, technical-paper, guide, amendment, corrigendum, other</td></tr>
 *   <tr><td>status</td><td>status</td><td>required: in-force, draft, superseded, withdrawn, replaced (a draft no longer in development)</td></tr>
 *   <tr><td>stage</td><td>stage</td><td>the body's own stage, e.g. 60.60</td></tr>
 *   <tr><td>published</td><td>published</td><td>YYYY, YYYY-MM or YYYY-MM-DD</td></tr>
 *   <tr><td>edition</td><td>edition</td><td>text, e.g. 2</td></tr>
 *   <tr><td>url</td><td>url</td><td>the body's page, http(s)</td></tr>
 *   <tr><td>kind</td><td>kind</td><td>standard or publication (empty: standard)</td></tr>
 *   <tr><td>keywords</td><td>keywords</td><td>separated by ";"; a ";" within a keyword is written
 *       {@code \;} and a backslash {@code \\} (as in every list column)</td></tr>
 *   <tr><td>verticals, activities, applications, concerns</td><td>the same</td><td>taxonomy
 *       concept ids separated by ";"</td></tr>
 *   <tr><td>relations</td><td>relations</td><td>type:target pairs separated by ";", e.g. {@code
 *       replaces:ISO/IEC 22989:2022; complements:RFC 9110}; the type is before the first colon,
 *       the target (which may hold colons) after it; types: replaces, replaced-by, amends,
 *       amended-by, updates, updated-by, adopts, adopted-by, complements, identical, related</td></tr>
 *   <tr><td>open_source</td><td>openSource</td><td>yes or no (also true/false); empty: not
 *       known</td></tr>
 *   <tr><td>code_repository</td><td>codeRepository</td><td>URL</td></tr>
 * </table>
 *
 * Cells are trimmed, and an empty cell is an absent value; list items are trimmed, empty ones
 * dropped and repeats removed. Enumerated values (type, status, kind, relation types, open_source)
 * are read case-insensitively and a value that is not one of them rejects the row; everything else
 * (required fields, dates, URLs, taxonomy ids, lengths) is checked by the catalogue like any other
 * record. There is no column for secondary identifiers (DOI, URN), use cases or suggestions.
 */
public final class CsvReader {
  /** The template's columns, in the documented order. */
  public static final List<String> COLUMNS =
      List.of(
          "identifier",
          "title_en",
          "title_fr",
          "abstract_en",
          "abstract_fr",
          "sdo",
          "committee",
          "type",
          "status",
          "stage",
          "published",
          "edition",
          "url",
          "kind",
          "keywords",
          "verticals",
          "activities",
          "applications",
          "concerns",
          "relations",
          "open_source",
          "code_repository");

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
              + String.join(",", COLUMNS)
              + ")");
    }
    Map<String, Integer> columns = columns(header);
    Row row;
    while ((row = tokens.next()) != null) {
      if (row.error == null && row.isBlank()) {
        continue;
      }
      String where = "line " + row.line;
      if (row.error != null) {
        sink.accept(new FeedRecord.Rejected(where, row.error));
      } else if (row.cells.size() != columns.size()) {
        Problem cells =
            Problem.of(
                "",
                "import.problem.cellCount",
                String.valueOf(row.cells.size()),
                String.valueOf(columns.size()));
        sink.accept(new FeedRecord.Rejected(where, cells.problem(), List.of(cells)));
      } else {
        List<Problem> problems = new ArrayList<>();
        Standard s = map(row, columns, problems);
        if (problems.isEmpty()) {
          sink.accept(new FeedRecord.Mapped(where, s));
        } else {
          sink.accept(new FeedRecord.Rejected(where, english(problems), problems));
        }
      }
    }
  }

  /**
   * A row's problems as one English text: {@code column type: 'x' is not one of ...; ...}; each
   * problem's field is {@code column NAME}, or empty for the row as a whole.
   */
  private static String english(List<Problem> problems) {
    return problems.stream()
        .map(p -> p.field().isEmpty() ? p.problem() : p.field() + ": " + p.problem())
        .collect(Collectors.joining("; "));
  }

  /** The problem {@code key} of the bundles says about the column {@code name}. */
  private static Problem column(String name, String key, Object... args) {
    return Problem.of("column " + name, key, args);
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

  /** Column name → index, or why the header is unusable. */
  private static Map<String, Integer> columns(Row header) throws IOException {
    String where = "line " + header.line + " (header)";
    if (header.error != null) {
      throw new IOException(where + ": " + header.error);
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (int i = 0; i < header.cells.size(); i++) {
      String name = header.cells.get(i).strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        unknown.add("'" + header.cells.get(i) + "'");
      } else if (out.putIfAbsent(name, i) != null) {
        repeated.add(name);
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
    List<String> missing = new ArrayList<>();
    for (String required : REQUIRED) {
      if (!out.containsKey(required)) {
        missing.add(required);
      }
    }
    if (!out.containsKey("title_en") && !out.containsKey("title_fr")) {
      missing.add("title_en or title_fr");
    }
    if (!missing.isEmpty()) {
      problems.add(Problem.of(where, "import.problem.missingColumns", String.join(", ", missing)));
    }
    if (!problems.isEmpty()) {
      List<Problem> all = new ArrayList<>(problems);
      all.add(Problem.of("", "import.problem.theColumnsAre", String.join(", ", COLUMNS)));
      throw new UnusableHeader(
          where
              + ": "
              + problems.stream().map(Problem::problem).collect(Collectors.joining("; "))
              + ". The columns are: "
              + String.join(", ", COLUMNS),
          all);
    }
    return out;
  }

  private Standard map(Row row, Map<String, Integer> columns, List<Problem> problems) {
    Function<String, String> cell =
        name -> {
          Integer i = columns.get(name);
          if (i == null) {
            return null;
          }
          String v = row.cells.get(i).strip();
          return v.isEmpty() ? null : v;
        };
    String identifier = cell.apply("identifier");
    if (identifier == null) {
      problems.add(column("identifier", "invalid.required"));
    }
    Map<String, String> title = new LinkedHashMap<>();
    Map<String, String> summary = new LinkedHashMap<>();
    for (String lang : List.of("en", "fr")) {
      Optional.ofNullable(text(cell.apply("title_" + lang), PlainText.Field.TITLE))
          .ifPresent(t -> title.put(lang, t));
      Optional.ofNullable(text(cell.apply("abstract_" + lang), PlainText.Field.ABSTRACT))
          .ifPresent(t -> summary.put(lang, t));
    }
    PublicationType type =
        choice(
            "type",
            cell.apply("type"),
            PublicationType::fromWire,
            () -> Arrays.stream(PublicationType.values()).map(PublicationType::wire),
            problems);
    Status status =
        choice(
            "status",
            cell.apply("status"),
            Status::fromWire,
            () -> Arrays.stream(Status.values()).map(Status::wire),
            problems);
    Kind kind =
        choice(
            "kind",
            cell.apply("kind"),
            Kind::fromWire,
            () -> Arrays.stream(Kind.values()).map(Kind::wire),
            problems);
    Boolean openSource = null;
    String os = cell.apply("open_source");
    if (os != null) {
      switch (os.toLowerCase(Locale.ROOT)) {
        case "yes", "true", "y" -> openSource = true;
        case "no", "false", "n" -> openSource = false;
        default -> problems.add(column("open_source", "invalid.notOneOf", os, "yes, no"));
      }
    }
    List<Relation> relations = relations(cell.apply("relations"), problems);
    if (!problems.isEmpty()) {
      return null;
    }
    return Standard.builder(identifier)
        .title(title)
        .summary(summary)
        .sdo(cell.apply("sdo"))
        .committee(cell.apply("committee"))
        .type(type)
        .status(status)
        .stage(cell.apply("stage"))
        .published(cell.apply("published"))
        .edition(cell.apply("edition"))
        .url(cell.apply("url"))
        .kind(kind)
        .keywords(list(cell.apply("keywords")))
        .verticals(list(cell.apply("verticals")))
        .activities(list(cell.apply("activities")))
        .applications(list(cell.apply("applications")))
        .concerns(list(cell.apply("concerns")))
        .relations(relations)
        .openSource(openSource)
        .codeRepository(cell.apply("code_repository"))
        .source(sourceName)
        .build();
  }

  /** A title or abstract cell as clean text: plain text, whose line breaks are kept. */
  private static String text(String cell, PlainText.Field field) {
    return PlainText.clean(cell, field, PlainText.Markup.TEXT);
  }

  private static <T> T choice(
      String column,
      String value,
      Function<String, Optional<T>> parse,
      Supplier<Stream<String>> allowed,
      List<Problem> problems) {
    if (value == null) {
      return null;
    }
    Optional<T> v = parse.apply(value.toLowerCase(Locale.ROOT));
    if (v.isEmpty()) {
      problems.add(
          column(
              column, "invalid.notOneOf", value, allowed.get().collect(Collectors.joining(", "))));
      return null;
    }
    return v.get();
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

  private static List<Relation> relations(String cell, List<Problem> problems) {
    List<Relation> out = new ArrayList<>();
    for (String item : list(cell)) {
      int colon = item.indexOf(':');
      if (colon <= 0
          || item.substring(colon + 1).isBlank()
          || !item.substring(0, colon).strip().matches("[A-Za-z-]+")) {
        problems.add(column("relations", "import.problem.notRelation", item));
        continue;
      }
      String type = item.substring(0, colon).strip();
      String target = item.substring(colon + 1).strip();
      Optional<RelationType> rt = RelationType.fromWire(type.toLowerCase(Locale.ROOT));
      if (rt.isEmpty()) {
        problems.add(
            column(
                "relations",
                "invalid.notOneOf",
                type,
                Arrays.stream(RelationType.values())
                    .map(RelationType::wire)
                    .collect(Collectors.joining(", "))));
        continue;
      }
      Relation r = Relation.of(rt.get(), target);
      if (!out.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** One row: the physical line it starts on, its cells, or why it cannot be read. */
  private record Row(int line, List<String> cells, String error) {
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
      String error = null;
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
                  "the quoted cell opened on line "
                      + opened
                      + " is not closed (a missing \" ?); the rest of the file is in it");
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
                  "cell "
                      + (cells.size() + 1)
                      + ": text after the closing quote (a quote inside a quoted cell must be"
                      + " doubled: \"\")";
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
        cells.add(cell.toString());
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
