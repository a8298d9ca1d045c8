package org.aisx.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Standard;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a Relaton YAML feed: a multi-document stream with one {@code ---} document per record, as
 * published by the Relaton data repositories (relaton-data-iec, relaton-data-itu,
 * relaton-data-ieee), optionally gzip-compressed (recognised by its magic bytes, not its name).
 *
 * <p>The stream is read line by line and cut at the document markers ({@code ---} and {@code ...}
 * at the start of a line, which YAML never allows inside a document's content), and each document
 * is parsed on its own by SnakeYAML Engine. So only one record is in memory at a time, and a syntax
 * error in one record rejects that record alone: reading goes on with the next document. Only a
 * failure of the input itself (a truncated gzip member, an I/O error) ends the read, with one last
 * {@link Outcome.Rejected}.
 *
 * <p>Records are numbered from 1 in stream order, counting every document, empty ones included
 * (those are skipped without an outcome).
 */
public final class RelatonReader {

  /** What became of one document of the stream. */
  public sealed interface Outcome {
    int recordNumber();

    /** The document mapped to a record. */
    record Mapped(
        int recordNumber,
        Standard standard,
        // Not part of the mapping's output (RelatonMappingDigest): how the importer folds copies.
        @com.fasterxml.jackson.annotation.JsonIgnore FeedOrigin origin)
        implements Outcome {
      Mapped(int recordNumber, Standard standard) {
        this(recordNumber, standard, FeedOrigin.NONE);
      }
    }

    /**
     * The document could not be read or mapped; {@code reason} names the field or the error. {@code
     * readingStopped}: the input could not be read past it (cut short, damaged), so the rest of the
     * file is not imported.
     */
    record Rejected(
        int recordNumber,
        String reason,
        // Not part of the mapping's output (RelatonMappingDigest, the golden lines).
        @com.fasterxml.jackson.annotation.JsonIgnore boolean readingStopped)
        implements Outcome {
      Rejected(int recordNumber, String reason) {
        this(recordNumber, reason, false);
      }
    }
  }

  /** Documents larger than this are rejected unparsed (the whole IEC feed has none above 60 kB). */
  static final int MAX_DOCUMENT_CHARS = 8 * 1024 * 1024;

  private final String sourceName;
  private final RelatonMapper mapper;
  private final UnaryOperator<Standard> check;

  /** SnakeYAML's Load is not thread-safe: one per parsing thread. */
  private final ThreadLocal<Load> load;

  /** One-line scalars each parsing thread has already read (see {@link PsychYaml.Scalars}). */
  private final ThreadLocal<PsychYaml.Scalars> scalars =
      ThreadLocal.withInitial(PsychYaml.Scalars::new);

  private final java.util.concurrent.atomic.LongAdder fallbacks =
      new java.util.concurrent.atomic.LongAdder();

  /**
   * @param sourceName the provenance written to every record's {@code source}, e.g. "relaton-iec"
   */
  public RelatonReader(String sourceName) {
    this(sourceName, UnaryOperator.identity());
  }

  /**
   * @param sourceName the provenance written to every record's {@code source}, e.g. "relaton-iec"
   * @param check applied to each mapped record on the parsing threads (an import validates there);
   *     a {@link CatalogException} it throws rejects the record with its message
   */
  public RelatonReader(String sourceName, UnaryOperator<Standard> check) {
    this.sourceName = sourceName;
    this.check = check;
    this.mapper = new RelatonMapper(sourceName);
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(sourceName)
            .setCodePointLimit(MAX_DOCUMENT_CHARS + 1024)
            // No alias may stand for a mapping or a list: with one, a document can repeat a
            // collection exponentially or contain itself (&a [ {content: *a} ]), and no Relaton
            // feed uses them. Aliases of plain values stay allowed.
            .setMaxAliasesForCollections(0)
            .build();
    this.load = ThreadLocal.withInitial(() -> new Load(settings));
  }

  public String sourceName() {
    return sourceName;
  }

  /**
   * Reads every document of {@code in} (plain or gzip) and hands one outcome per non-empty document
   * to {@code sink}, in stream order. Does not close {@code in}.
   */
  public void read(InputStream in, Consumer<Outcome> sink) {
    try (Pipeline pipeline = new Pipeline(sink)) {
      split(in, pipeline);
    }
  }

  /**
   * Parses documents on worker threads while the caller goes on splitting the stream and consuming
   * outcomes: YAML parsing is most of an import's work, and the consumer (the catalogue write) is
   * single-threaded. Outcomes reach the sink in stream order, on the caller's thread.
   */
  private final class Pipeline implements AutoCloseable {
    private static final int WINDOW = 256;
    private final Consumer<Outcome> sink;
    private final java.util.concurrent.ExecutorService workers;
    private final java.util.ArrayDeque<java.util.concurrent.Future<Outcome>> pending =
        new java.util.ArrayDeque<>();

    Pipeline(Consumer<Outcome> sink) {
      this.sink = sink;
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
      this.workers =
          java.util.concurrent.Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "relaton-parse");
                t.setDaemon(true);
                return t;
              });
    }

    void submit(int number, Document doc) {
      pending.add(workers.submit(() -> outcome(number, doc)));
      while (pending.size() >= WINDOW) {
        deliverOldest();
      }
    }

    /** An outcome computed on the caller's thread (input failures), after everything pending. */
    void submitNow(Outcome outcome) {
      while (!pending.isEmpty()) {
        deliverOldest();
      }
      sink.accept(outcome);
    }

    private void deliverOldest() {
      Outcome outcome;
      try {
        outcome = pending.removeFirst().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("parsing failed unexpectedly", e.getCause());
      }
      if (outcome != null) {
        sink.accept(outcome);
      }
    }

    @Override
    public void close() {
      try {
        while (!pending.isEmpty()) {
          deliverOldest();
        }
      } finally {
        workers.shutdownNow();
      }
    }
  }

  private void split(InputStream in, Pipeline pipeline) {
    int number = 0;
    Document doc = new Document(1);
    int lineNo = 0;
    try {
      Utf8Lines lines = new Utf8Lines(Inputs.decompressed(in));
      String line;
      while ((line = lines.next()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\ufeff")) {
          line = line.substring(1);
        }
        String notUtf8 =
            lines.malformedColumn() == 0
                ? null
                : String.format(
                    Locale.ROOT,
                    "line %d, column %d: byte 0x%02X is not UTF-8 (is the file in another"
                        + " encoding, such as Latin-1?); not imported, rather than stored with"
                        + " that character lost",
                    lineNo,
                    lines.malformedColumn(),
                    lines.malformedByte());
        if (isDocumentStart(line)) {
          if (doc.started()) {
            pipeline.submit(++number, doc);
            doc = new Document(lineNo);
          }
          doc.append(line, true, lineNo);
          doc.notUtf8(notUtf8);
        } else if (isDocumentEnd(line)) {
          if (doc.started()) {
            doc.append(line, false, lineNo);
            doc.notUtf8(notUtf8);
            pipeline.submit(++number, doc);
          }
          doc = new Document(lineNo + 1);
        } else {
          doc.append(line, false, lineNo);
          doc.notUtf8(notUtf8);
        }
      }
      if (doc.started()) {
        pipeline.submit(++number, doc);
      }
    } catch (IOException | UncheckedIOException e) {
      String message =
          e instanceof Inputs.LimitExceeded || e instanceof Inputs.Damaged
              ? e.getMessage()
              : e instanceof UncheckedIOException u ? u.getCause().toString() : e.toString();
      pipeline.submitNow(
          new Outcome.Rejected(
              number + 1,
              "input unreadable after line " + lineNo + ", reading stopped: " + message,
              true));
    }
  }

  /** What one document becomes; null for an empty document. Runs on a worker thread. */
  private Outcome outcome(int number, Document doc) {
    if (doc.notUtf8 != null && doc.content) {
      return new Outcome.Rejected(number, doc.notUtf8);
    }
    if (doc.oversized) {
      return new Outcome.Rejected(
          number,
          "document starting at line "
              + doc.firstLine
              + " is larger than "
              + MAX_DOCUMENT_CHARS
              + " characters");
    }
    Object parsed;
    try {
      parsed = parse(doc);
    } catch (YamlEngineException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Number of aliases")) {
        return new Outcome.Rejected(
            number,
            "document starting at line "
                + doc.firstLine
                + " uses an alias (*name) of a mapping or list; such aliases are refused");
      }
      return new Outcome.Rejected(number, syntaxError(e, doc.firstLine));
    } catch (StackOverflowError e) {
      // The YAML parser descends once per level of nesting: a document nested thousands of
      // levels deep ([[[[...) is refused alone, and the thread's stack unwinds with it.
      return new Outcome.Rejected(number, tooDeep(doc));
    }
    if (parsed != null && depth(parsed) > MAX_DEPTH) {
      return new Outcome.Rejected(number, tooDeep(doc));
    }
    if (parsed == null) {
      return null; // an empty document: nothing to import
    }
    if (!(parsed instanceof Map<?, ?> record)) {
      return new Outcome.Rejected(
          number,
          "document starting at line "
              + doc.firstLine
              + " is a "
              + parsed.getClass().getSimpleName()
              + ", not a mapping of Relaton fields");
    }
    try {
      return new Outcome.Mapped(
          number, check.apply(mapper.map(record)), RelatonMapper.origin(record));
    } catch (RelatonMapper.Unmappable | CatalogException e) {
      return new Outcome.Rejected(number, e.getMessage());
    } catch (RuntimeException e) {
      return new Outcome.Rejected(number, "cannot map record: " + e);
    }
  }

  /** Deeper nesting than this is refused (Relaton records nest about 6 levels). */
  static final int MAX_DEPTH = 64;

  private static String tooDeep(Document doc) {
    return "document starting at line "
        + doc.firstLine
        + " is nested more than "
        + MAX_DEPTH
        + " levels deep";
  }

  /** How deep mappings and lists nest in a parsed document, counted without recursion. */
  static int depth(Object parsed) {
    java.util.ArrayDeque<Object> level = new java.util.ArrayDeque<>();
    level.add(parsed);
    int depth = 0;
    while (!level.isEmpty() && depth <= MAX_DEPTH) {
      depth++;
      java.util.ArrayDeque<Object> next = new java.util.ArrayDeque<>();
      for (Object o : level) {
        if (o instanceof Map<?, ?> m) {
          m.values().stream().filter(v -> v != null).forEach(next::add);
        } else if (o instanceof java.util.Collection<?> c) {
          c.stream().filter(v -> v != null).forEach(next::add);
        }
      }
      level = next;
    }
    return depth - 1;
  }

  /**
   * Parses one document: with the fast reader of Psych's output when the document stays within what
   * it handles (all documents of the shared feeds do), else with SnakeYAML Engine.
   */
  private Object parse(Document doc) {
    try {
      return PsychYaml.parse(
          new ArrayList<>(doc.lines), s -> load.get().loadFromString(s), scalars.get());
    } catch (PsychYaml.Unsupported e) {
      fallbacks.increment();
      StringBuilder text = new StringBuilder(doc.chars + doc.lines.size());
      for (String line : doc.lines) {
        text.append(line).append('\n');
      }
      return parseFully(text);
    }
  }

  /** How many documents so far needed the full YAML parser. */
  long fallbacks() {
    return fallbacks.sum();
  }

  /**
   * Parses one document with SnakeYAML Engine. The YAML 1.1 escapes {@code \L}, {@code \P}, {@code
   * \N} and {@code \_} in double-quoted scalars, which SnakeYAML Engine does not know (two IEC
   * titles use {@code \L}), are rewritten to their code points at the position the parser reports,
   * and the document parsed again.
   */
  Object parseFully(StringBuilder text) {
    for (int attempt = 0; ; attempt++) {
      try {
        return load.get().loadFromString(text.toString());
      } catch (MarkedYamlEngineException e) {
        if (attempt >= 50 || !repairEscape(text, e)) {
          throw e;
        }
      }
    }
  }

  private static boolean repairEscape(StringBuilder text, MarkedYamlEngineException e) {
    if (e.getProblem() == null
        || !e.getProblem().startsWith("found unknown escape character")
        || e.getProblemMark().isEmpty()) {
      return false;
    }
    int line = e.getProblemMark().get().getLine();
    int column = e.getProblemMark().get().getColumn();
    int lineStart = 0;
    for (int l = 0; l < line; l++) {
      lineStart = text.indexOf("\n", lineStart);
      if (lineStart < 0) {
        return false;
      }
      lineStart++;
    }
    int pos;
    try {
      pos = text.offsetByCodePoints(lineStart, column);
    } catch (IndexOutOfBoundsException outside) {
      return false;
    }
    if (pos < 1 || pos >= text.length() || text.charAt(pos - 1) != '\\') {
      return false;
    }
    String replacement =
        switch (text.charAt(pos)) {
          case 'L' -> "u2028";
          case 'P' -> "u2029";
          case 'N' -> "u0085";
          case '_' -> "u00A0";
          default -> null;
        };
    if (replacement == null) {
      return false;
    }
    text.replace(pos, pos + 1, replacement);
    return true;
  }

  private static String syntaxError(YamlEngineException e, int firstLine) {
    StringBuilder reason = new StringBuilder("YAML syntax error");
    if (e instanceof MarkedYamlEngineException marked && marked.getProblemMark().isPresent()) {
      int line = marked.getProblemMark().get().getLine() + firstLine;
      int column = marked.getProblemMark().get().getColumn() + 1;
      reason.append(" at line ").append(line).append(", column ").append(column);
      reason.append(": ").append(marked.getProblem());
      if (marked.getContext() != null) {
        reason.append(" (").append(marked.getContext()).append(')');
      }
    } else {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      reason.append(": ").append(message.lines().findFirst().orElse(message));
    }
    return reason.toString();
  }

  private static boolean isDocumentStart(String line) {
    return PsychYaml.isMarker(line, "---");
  }

  private static boolean isDocumentEnd(String line) {
    return PsychYaml.isMarker(line, "...");
  }

  /** The text of one document while it is being read. */
  private static final class Document {
    final int firstLine;
    final List<String> lines = new ArrayList<>(256);
    int chars;
    boolean marker;
    boolean content;
    boolean oversized;

    /** Where the document's first byte that is not UTF-8 is, and what it is; null if none. */
    String notUtf8;

    void notUtf8(String where) {
      if (notUtf8 == null) {
        notUtf8 = where;
      }
    }

    Document(int firstLine) {
      this.firstLine = firstLine;
    }

    /** A document has begun once it has a "---" marker or any content line. */
    boolean started() {
      return marker || content;
    }

    void append(String line, boolean isMarker, int lineNo) {
      marker |= isMarker;
      if (!isMarker && !content) {
        String t = line.strip();
        // Directives before the first marker and comments are not content.
        boolean directive = !marker && line.startsWith("%");
        content = !t.isEmpty() && !t.startsWith("#") && !directive;
      }
      if (oversized) {
        return;
      }
      chars += line.length() + 1;
      if (chars > MAX_DOCUMENT_CHARS) {
        oversized = true;
        lines.clear();
        return;
      }
      lines.add(line);
    }
  }
}
