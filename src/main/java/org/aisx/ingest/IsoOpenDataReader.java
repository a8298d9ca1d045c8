package org.aisx.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;
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
 * Reads ISO Open Data deliverables metadata (https://www.iso.org/open-data.html, ODC-By 1.0): one
 * JSON object per deliverable, e.g.
 *
 * <pre>
 * {"id":88915,"deliverableType":"IS","supplementType":"Amd",
 *  "reference":"ISO/IEC 19566-7:2022/Amd 1:2025","publicationDate":"2025-01-08","edition":1,
 *  "icsCode":["35.040.30"],"ownerCommittee":"ISO/IEC JTC 1/SC 29","currentStage":6060,
 *  "replaces":null,"replacedBy":null,"languages":["en"],"pages":{"en":6},"scope":{"en":null}}
 * </pre>
 *
 * <h2>Input</h2>
 *
 * The layout is recognised from the first non-blank character (after an optional UTF-8 BOM):
 *
 * <ul>
 *   <li><code>[</code>: a JSON array of deliverables; entries are "record N";
 *   <li><code>{</code>: JSON Lines (one object per line, blank lines allowed; entries are "line N")
 *       when the first object fits on its first line, or the next non-blank line starts another
 *       object; otherwise one (pretty-printed) JSON object, or several one after the other, "record
 *       N". A file holding one object on a single line, like ISO's per-deliverable files, is thus
 *       "line 1".
 * </ul>
 *
 * A malformed JSON line is rejected on its own and reading goes on with the next line. In a JSON
 * document (array or object), a syntax error rejects the entry it is in and ends the read, since
 * nothing after it can be told apart reliably; the entries before it have been passed on.
 *
 * <h2>Mapping (SPEC §1)</h2>
 *
 * <table>
 *   <caption>fields</caption>
 *   <tr><th>ISO Open Data</th><th>record</th></tr>
 *   <tr><td>reference</td><td>identifier (required)</td></tr>
 *   <tr><td>id</td><td>identifiers: {@code {"type": "ISO", "value": "<id>"}} (required); url
 *       {@code https://www.iso.org/standard/<id>.html}</td></tr>
 *   <tr><td>title {lang: text}, when present</td><td>title, HTML stripped; otherwise none: ISO
 *       Open Data's deliverables files carry no title, and the record is a record without one
 *       (the catalogue keeps the title another feed gave, and a feed or a person that gives it
 *       later fills it in; a title copied from the catalogue would claim this feed gave it)</td></tr>
 *   <tr><td>reference prefix before the first space, up to the first document-type designator
 *       ("ISO/IEC/IEEE 42010" → ISO/IEC/IEEE, "ISO/TR 7035-2" → ISO, "IWA 14-1" → ISO)</td>
 *       <td>sdo</td></tr>
 *   <tr><td>ownerCommittee</td><td>committee</td></tr>
 *   <tr><td>deliverableType</td><td>type and kind, see below</td></tr>
 *   <tr><td>currentStage (e.g. 9092)</td><td>stage "90.92", and status, see below</td></tr>
 *   <tr><td>publicationDate</td><td>published</td></tr>
 *   <tr><td>edition (a number)</td><td>edition, as text</td></tr>
 *   <tr><td>scope {lang: HTML or null}</td><td>abstract, cleaned by {@link PlainText} as HTML
 *       (paragraphs and list items kept, markup and Word comments dropped); null and empty texts
 *       left out</td></tr>
 *   <tr><td>replaces / replacedBy (ISO numeric ids)</td><td>relations replaces / replaced-by,
 *       see below</td></tr>
 *   <tr><td>supplementType with "/Amd n", "/Add n", "/Suppl n" or "/Cor n" in the reference</td>
 *       <td>relation amends (Amd, Add, Suppl) or updates (Cor) to the reference before that
 *       suffix: "ISO/IEC 19566-7:2022/Amd 1:2025" amends "ISO/IEC 19566-7:2022"</td></tr>
 *   <tr><td>icsCode, languages, pages</td><td>not part of the record</td></tr>
 * </table>
 *
 * <table>
 *   <caption>type and kind</caption>
 *   <tr><th>deliverableType</th><th>type</th><th>kind</th></tr>
 *   <tr><td>IS</td><td>international-standard</td><td>standard</td></tr>
 *   <tr><td>TS, PAS</td><td>technical-specification</td><td>standard</td></tr>
 *   <tr><td>TR</td><td>technical-report</td><td>publication</td></tr>
 *   <tr><td>Guide</td><td>guide</td><td>publication</td></tr>
 *   <tr><td>anything else (ISP, TTA, IWA, R, missing)</td><td>other</td><td>publication</td></tr>
 * </table>
 *
 * <p>Status from the harmonized stage code XX.YY (https://www.iso.org/stage-codes.html), which
 * currentStage writes as the four digits XXYY:
 *
 * <table>
 *   <caption>status</caption>
 *   <tr><th>currentStage</th><th>meaning</th><th>status</th></tr>
 *   <tr><td>00.00 – 50.99 except xx.98, and 60.00</td><td>proposal, preparatory, committee,
 *       enquiry, approval, under publication</td><td>draft</td></tr>
 *   <tr><td>00.98, 10.98, 20.98, 30.98, 40.98, 50.98</td><td>project abandoned, rejected,
 *       deleted or cancelled: it will never be published</td><td>withdrawn</td></tr>
 *   <tr><td>60.60</td><td>published</td><td>in-force</td></tr>
 *   <tr><td>90.20, 90.60, 90.92, 90.93, 90.99</td><td>systematic review; to be revised (90.92,
 *       the current edition stays in force until its revision is published); confirmed (90.93);
 *       withdrawal proposed (90.99)</td><td>in-force</td></tr>
 *   <tr><td>95.20, 95.60, 95.92</td><td>withdrawal ballot, close of voting, decision not to
 *       withdraw</td><td>in-force</td></tr>
 *   <tr><td>95.99</td><td>withdrawn</td><td>withdrawn, or superseded when replacedBy is not
 *       empty</td></tr>
 * </table>
 *
 * Other numbers (a stage other than 00, 10, 20, 30, 40, 50, 60, 90 or 95) reject the entry. A
 * record in force with a non-empty replacedBy stays in force: ISO lists the successor as soon as
 * the revision is under way (ISO 9001:2015, at 90.92, names its revision 88464).
 *
 * <h2>Relations</h2>
 *
 * ISO Open Data names related deliverables by their numeric id only. Each id is turned into an
 * identifier by, in order: the id → reference pairs this reader has already seen earlier in the
 * same input; the {@code identifierOfIsoId} function (typically a look-up of records whose {@code
 * identifiers} hold {@code ISO:<id>}); failing both, the target is kept as {@code "ISO #<id>"}. So
 * the relation is never lost and shows ISO's number to a reader, and importing the feed again once
 * the target is known rewrites it. (Its slug, {@code iso-<id>}, could only meet an undated "ISO
 * &lt;number&gt;" record; ISO's references of editions all end with their year.)
 */
public final class IsoOpenDataReader {
  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  /** One JSON Lines line: exactly one value, nothing after it. */
  private static final ObjectReader LINE =
      JSON.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Pattern STAGE_TEXT = Pattern.compile("(\\d{2})\\.?(\\d{2})");

  /** Document-type and stage designators that end the list of bodies in a reference's prefix. */
  private static final Pattern DESIGNATOR =
      Pattern.compile(
          "(?:D|FD|PD|PRF|P)?(?:TR|TS|PAS|IS|ISP|TTA|IWA|GUIDE|R|AMD|COR|ADD|SUPPL)"
              + "|CD|WD|NP|AWI|PWI|PRF|DAM|PDAM|FDAM|DCOR",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BODY = Pattern.compile("[A-Z][A-Za-z0-9]*");

  /** The last supplement suffix of a reference: "/Amd 1:2025", "/Cor 2:2016", "/Add 1". */
  private static final Pattern SUPPLEMENT =
      Pattern.compile("^(.*\\S)\\s*/\\s*(Amd|Add|Suppl|Cor)\\b[^/]*$", Pattern.CASE_INSENSITIVE);

  private final String sourceName;
  private final LongFunction<Optional<String>> identifierOfIsoId;

  /** A reader that knows nothing of the catalogue. */
  public IsoOpenDataReader(String sourceName) {
    this(sourceName, null);
  }

  /**
   * @param identifierOfIsoId ISO numeric id → the identifier of that deliverable, used to resolve
   *     replaces/replacedBy that this input has not shown yet (null: none known)
   */
  public IsoOpenDataReader(String sourceName, LongFunction<Optional<String>> identifierOfIsoId) {
    this.sourceName = sourceName;
    this.identifierOfIsoId = identifierOfIsoId != null ? identifierOfIsoId : id -> Optional.empty();
  }

  /** Hands one outcome per deliverable to {@code sink}, in input order. */
  public void read(InputStream in, Consumer<FeedRecord> sink) throws IOException {
    PushbackReader reader =
        new PushbackReader(
            new BufferedReader(
                new InputStreamReader(
                    in,
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16),
            1);
    Map<Long, String> seen = new HashMap<>();
    int skippedLines = 0;
    int c;
    boolean start = true;
    try {
      while ((c = reader.read()) != -1) {
        if (c == '\n') {
          skippedLines++;
        } else if (!(start && c == '\uFEFF') && !Character.isWhitespace(c)) {
          break;
        }
        start = false;
      }
      if (c == -1) {
        return;
      }
      reader.unread(c);
      int firstLine = skippedLines + 1;
      if (c == '[') {
        readDocument(reader, firstLine, seen, sink);
      } else if (c == '{') {
        readObjects(new BufferedReader(reader), firstLine, seen, sink);
      } else {
        throw new IOException(
            "line "
                + firstLine
                + ": not ISO Open Data JSON: expected '{' (an object, or JSON Lines) or '[' (an"
                + " array), found '"
                + (char) c
                + "'");
      }
    } catch (CharacterCodingException e) {
      throw new IOException("the input is not UTF-8 text", e);
    }
  }

  /** Input starting with '{': JSON Lines, or one or more multi-line objects. */
  private void readObjects(
      BufferedReader lines, int firstLine, Map<Long, String> seen, Consumer<FeedRecord> sink)
      throws IOException {
    String first = lines.readLine();
    Parsed parsed = parse(first);
    if (parsed.node == null && parsed.incomplete) {
      // Either a pretty-printed object or a truncated first line of JSON Lines: the next
      // non-blank line tells, since inside an object no line can start a new object.
      List<String> ahead = new ArrayList<>();
      String next;
      while ((next = lines.readLine()) != null) {
        ahead.add(next);
        if (!next.isBlank()) {
          break;
        }
      }
      if (next == null || !next.strip().startsWith("{")) {
        StringBuilder prefix = new StringBuilder(first).append('\n');
        ahead.forEach(l -> prefix.append(l).append('\n'));
        readDocument(new Concat(new StringReader(prefix.toString()), lines), firstLine, seen, sink);
        return;
      }
      // JSON Lines after all: replay the looked-ahead lines, then go on.
      emitLine(parsed, first, firstLine, seen, sink);
      int lineNo = firstLine;
      for (String l : ahead) {
        lineNo++;
        emitLine(parse(l), l, lineNo, seen, sink);
      }
      readLines(lines, lineNo, seen, sink);
      return;
    }
    emitLine(parsed, first, firstLine, seen, sink);
    readLines(lines, firstLine, seen, sink);
  }

  private void readLines(
      BufferedReader lines, int lastLine, Map<Long, String> seen, Consumer<FeedRecord> sink)
      throws IOException {
    int lineNo = lastLine;
    String line;
    while ((line = lines.readLine()) != null) {
      lineNo++;
      emitLine(parse(line), line, lineNo, seen, sink);
    }
  }

  private void emitLine(
      Parsed parsed, String line, int lineNo, Map<Long, String> seen, Consumer<FeedRecord> sink) {
    if (line.isBlank()) {
      return;
    }
    String where = "line " + lineNo;
    if (parsed.node == null) {
      sink.accept(new FeedRecord.Rejected(where, "malformed JSON: " + parsed.error));
    } else {
      emit(parsed.node, where, seen, sink);
    }
  }

  /** A JSON array of deliverables, or objects one after the other. A syntax error ends the read. */
  private void readDocument(
      Reader reader, int firstLine, Map<Long, String> seen, Consumer<FeedRecord> sink)
      throws IOException {
    int number = 0;
    int reading = 0;
    try (JsonParser p = JSON.getFactory().createParser(reader)) {
      try {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          if (t == JsonToken.START_ARRAY) {
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
              if (t == null) {
                throw new JsonEOFException(p, null, "the array is not closed");
              }
              reading = ++number;
              emit(JSON.readTree(p), "record " + number, seen, sink);
              reading = 0;
            }
          } else {
            reading = ++number;
            emit(JSON.readTree(p), "record " + number, seen, sink);
            reading = 0;
          }
        }
      } catch (JsonProcessingException e) {
        int line =
            e.getLocation() == null ? firstLine : e.getLocation().getLineNr() + firstLine - 1;
        sink.accept(
            new FeedRecord.Rejected(
                "record " + (reading != 0 ? reading : number + 1),
                "malformed JSON at line "
                    + line
                    + ": "
                    + e.getOriginalMessage()
                    + "; the rest of the input was not read"));
      }
    }
  }

  private void emit(
      JsonNode node, String where, Map<Long, String> seen, Consumer<FeedRecord> sink) {
    if (node == null || !node.isObject()) {
      sink.accept(new FeedRecord.Rejected(where, "not a JSON object"));
      return;
    }
    try {
      sink.accept(new FeedRecord.Mapped(where, map(node, seen)));
    } catch (IllegalArgumentException e) {
      sink.accept(new FeedRecord.Rejected(where, e.getMessage()));
    }
  }

  /** Maps one deliverable; remembers its id → reference for the entries after it. */
  Standard map(JsonNode d, Map<Long, String> seen) {
    String reference = text(d, "reference");
    Long id = isoId(d.get("id"), "id");
    if (id != null && reference != null) {
      seen.put(id, reference);
    }
    if (reference == null) {
      throw new IllegalArgumentException("reference: missing");
    }
    if (id == null) {
      throw new IllegalArgumentException("id: missing");
    }

    // Usually none: ISO Open Data's deliverables files carry no title (see the class comment).
    Map<String, String> title = texts(d.get("title"), PlainText.Field.TITLE, PlainText.Markup.TEXT);

    String deliverableType = text(d, "deliverableType");
    PublicationType type = typeOf(deliverableType);

    JsonNode stageNode = d.get("currentStage");
    if (stageNode == null || stageNode.isNull()) {
      throw new IllegalArgumentException("currentStage: missing");
    }
    int stage = stageCode(stageNode);
    List<Long> replaces = isoIds(d.get("replaces"), "replaces");
    List<Long> replacedBy = isoIds(d.get("replacedBy"), "replacedBy");
    Status status = statusOf(stage, !replacedBy.isEmpty());

    Set<Relation> relations = new LinkedHashSet<>();
    Matcher supplement = SUPPLEMENT.matcher(reference);
    if (supplement.matches()) {
      RelationType rt =
          supplement.group(2).equalsIgnoreCase("Cor") ? RelationType.UPDATES : RelationType.AMENDS;
      relations.add(Relation.of(rt, supplement.group(1).strip()));
    }
    for (long r : replaces) {
      relations.add(Relation.of(RelationType.REPLACES, identifierOf(r, seen)));
    }
    for (long r : replacedBy) {
      relations.add(Relation.of(RelationType.REPLACED_BY, identifierOf(r, seen)));
    }

    JsonNode edition = d.get("edition");
    return Standard.builder(reference)
        .identifiers(List.of(new Identifier("ISO", Long.toString(id))))
        .title(title)
        .summary(texts(d.get("scope"), PlainText.Field.ABSTRACT, PlainText.Markup.HTML))
        .sdo(sdoOf(reference))
        .committee(text(d, "ownerCommittee"))
        .type(type)
        .status(status)
        .stage(String.format(Locale.ROOT, "%02d.%02d", stage / 100, stage % 100))
        .published(text(d, "publicationDate"))
        .edition(edition == null || edition.isNull() ? null : edition.asText().strip())
        .url("https://www.iso.org/standard/" + id + ".html")
        .kind(
            type == PublicationType.INTERNATIONAL_STANDARD
                    || type == PublicationType.TECHNICAL_SPECIFICATION
                ? Kind.STANDARD
                : Kind.PUBLICATION)
        .relations(List.copyOf(relations))
        .source(sourceName)
        .build();
  }

  private String identifierOf(long isoId, Map<Long, String> seen) {
    String known = seen.get(isoId);
    if (known != null) {
      return known;
    }
    return identifierOfIsoId.apply(isoId).filter(s -> !s.isBlank()).orElse("ISO #" + isoId);
  }

  static PublicationType typeOf(String deliverableType) {
    if (deliverableType == null) {
      return PublicationType.OTHER;
    }
    return switch (deliverableType.strip().toUpperCase(Locale.ROOT)) {
      case "IS" -> PublicationType.INTERNATIONAL_STANDARD;
      case "TR" -> PublicationType.TECHNICAL_REPORT;
      case "TS", "PAS" -> PublicationType.TECHNICAL_SPECIFICATION;
      case "GUIDE" -> PublicationType.GUIDE;
      default -> PublicationType.OTHER;
    };
  }

  /**
   * The status of a stage code XXYY; see the class comment.
   *
   * @throws IllegalArgumentException for a number that is no harmonized stage code
   */
  static Status statusOf(int stage, boolean hasSuccessor) {
    int major = stage / 100;
    int minor = stage % 100;
    if (stage < 0 || !Set.of(0, 10, 20, 30, 40, 50, 60, 90, 95).contains(major)) {
      throw new IllegalArgumentException(
          "currentStage: " + stage + " is not an ISO harmonized stage code");
    }
    if (major < 60) {
      return minor == 98 ? Status.WITHDRAWN : Status.DRAFT;
    }
    if (major == 60 && minor < 60) {
      return Status.DRAFT;
    }
    if (major == 95 && minor == 99) {
      return hasSuccessor ? Status.SUPERSEDED : Status.WITHDRAWN;
    }
    return Status.IN_FORCE;
  }

  /** currentStage as a number (6060) or text ("6060", "60.60"). */
  private static int stageCode(JsonNode v) {
    if (v.isIntegralNumber()) {
      int code = v.asInt();
      statusOf(code, false);
      return code;
    }
    if (v.isTextual()) {
      Matcher m = STAGE_TEXT.matcher(v.asText().strip());
      if (m.matches()) {
        int code = Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2));
        statusOf(code, false);
        return code;
      }
    }
    throw new IllegalArgumentException(
        "currentStage: '" + v.asText() + "' is not an ISO harmonized stage code");
  }

  /** The issuing bodies named before the document type: "ISO/IEC TR 24028" → "ISO/IEC". */
  static String sdoOf(String reference) {
    String head = reference.strip().split("\\s+")[0];
    List<String> bodies = new ArrayList<>();
    for (String part : head.split("/")) {
      if (DESIGNATOR.matcher(part).matches() || !BODY.matcher(part).matches()) {
        break;
      }
      bodies.add(part);
    }
    return bodies.isEmpty() ? "ISO" : String.join("/", bodies);
  }

  private static String text(JsonNode d, String field) {
    JsonNode v = d.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return null;
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  /** A per-language object (or a bare string, taken as English) as clean texts. */
  private static Map<String, String> texts(
      JsonNode v, PlainText.Field field, PlainText.Markup markup) {
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isTextual()) {
      String s = PlainText.clean(v.asText(), field, markup);
      if (s != null) {
        out.put("en", s);
      }
      return out;
    }
    v.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isTextual()) {
                String s = PlainText.clean(e.getValue().asText(), field, markup);
                if (s != null) {
                  out.put(e.getKey().strip().toLowerCase(Locale.ROOT), s);
                }
              }
            });
    return out;
  }

  private static Long isoId(JsonNode v, String field) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.asLong() > 0) {
      return v.asLong();
    }
    if (v.isTextual() && v.asText().strip().matches("\\d{1,18}")) {
      return Long.parseLong(v.asText().strip());
    }
    throw new IllegalArgumentException(field + ": '" + v.asText() + "' is not an ISO numeric id");
  }

  private static List<Long> isoIds(JsonNode v, String field) {
    List<Long> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      out.add(isoId(v, field));
      return out;
    }
    for (JsonNode e : v) {
      Long id = isoId(e, field);
      if (id != null) {
        out.add(id);
      }
    }
    return out;
  }

  /** One line parsed: the node, or why not, and whether the line merely stopped too early. */
  private record Parsed(JsonNode node, String error, boolean incomplete) {}

  private static Parsed parse(String line) {
    if (line == null || line.isBlank()) {
      return new Parsed(null, "empty", false);
    }
    try {
      JsonNode node = LINE.readValue(line);
      return new Parsed(node == null ? NullNode.getInstance() : node, null, false);
    } catch (JsonEOFException e) {
      return new Parsed(null, e.getOriginalMessage(), true);
    } catch (JsonProcessingException e) {
      return new Parsed(null, e.getOriginalMessage(), false);
    }
  }

  /** Text already read, then the rest of the input. */
  private static final class Concat extends Reader {
    private final Reader first;
    private final Reader second;
    private boolean firstDone;

    Concat(Reader first, Reader second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      if (!firstDone) {
        int n = first.read(buf, off, len);
        if (n != -1) {
          return n;
        }
        firstDone = true;
      }
      return second.read(buf, off, len);
    }

    @Override
    public void close() throws IOException {
      first.close();
      second.close();
    }
  }
}
