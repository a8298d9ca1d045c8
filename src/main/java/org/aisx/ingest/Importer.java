package org.aisx.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Slug;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.catalog.WriteOutcome;
import org.aisx.editions.Editions;

/**
 * Loads feeds into the catalogue. Every record, whatever its format, passes the same validation as
 * the API ({@link StandardReader}) and is saved in its own transaction: a rejected record is
 * reported and skipped, and an interrupted import leaves every earlier record saved and nothing
 * half-written. Records are keyed by identifier, so importing the same feed twice changes nothing.
 */
public final class Importer {
  /** Records per transaction; also how often the index is published during an import. */
  static final int BATCH = 500;

  /**
   * How often a long import commits the search index (and makes its records searchable). Each
   * commit writes and syncs new segments, so committing every batch cost a third of an import's
   * time (every minute: each commit flushes a segment on the importing thread, measured 5-10 % of
   * an import of the shared feeds at 10 s); a crash between commits is safe because the next start
   * finds the index behind the store and rebuilds it.
   */
  static final long PUBLISH_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);

  private final Catalog catalog;
  private final StandardReader reader;
  private final JsonFormat jsonFormat;
  private final ObjectMapper json;
  private final Editions editions;
  private final EditionStatus inferredStatus;
  private final NationalAdoptions adoptions;

  /**
   * @param editions the catalogue's edition rules: each batch is reconciled with what they derived
   *     before, and they run over the catalogue when an import ends
   */
  public Importer(
      Catalog catalog,
      StandardReader reader,
      JsonFormat jsonFormat,
      ObjectMapper json,
      Editions editions) {
    this.catalog = catalog;
    this.reader = reader;
    this.jsonFormat = jsonFormat;
    this.json = json;
    this.editions = editions;
    this.inferredStatus = new EditionStatus(catalog);
    this.adoptions = new NationalAdoptions(catalog);
  }

  /** The import formats of SPEC §3 that this version reads. */
  public enum Format {
    /** Decide per file from its first bytes; see {@link #detect}. */
    AUTO("auto"),
    JSON("json"),
    RELATON("relaton"),
    RFC_INDEX("rfc-index"),
    ISO_OPEN_DATA("iso-open-data"),
    CSV("csv"),
    RIS("ris"),
    AI_ACT_MAP("ai-act-map");

    private final String wire;

    Format(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Format fromWire(String value) {
      for (Format f : values()) {
        if (f.wire.equals(value)) {
          return f;
        }
      }
      throw new IllegalArgumentException(
          "unknown import format '"
              + value
              + "'; this version reads: "
              + Arrays.stream(values()).map(Format::wire).collect(Collectors.joining(", ")));
    }
  }

  /** Imports every file (directories expanded) and returns what happened. */
  public ImportSummary importFiles(
      Format format, List<Path> paths, String source, Progress progress) throws IOException {
    ImportSummary summary = new ImportSummary();
    List<Path> files = Inputs.expand(paths);
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    progress.start("Importing " + files.size() + " file(s) as " + format.wire(), total);
    long before = 0;
    for (Path f : files) {
      String sourceName = source != null ? source : sourceName(f);
      try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(f));
          InputStream in = new java.io.BufferedInputStream(Inputs.decompressed(counted), 1 << 16)) {
        long offset = before;
        Format actual = format == Format.AUTO ? detect(in, f) : format;
        if (actual == null) {
          summary.rejected(
              f.getFileName().toString(), "file", "format not recognised; give --format");
        } else {
          importStream(
              actual,
              in,
              f.getFileName().toString(),
              sourceName,
              summary,
              progress,
              () -> offset + counted.count());
        }
      }
      before += Files.size(f);
    }
    keepEditionsStraight(summary);
    progress.finish(summary.toString());
    return summary;
  }

  /** Runs the edition rules over the catalogue when something was written. */
  private void keepEditionsStraight(ImportSummary summary) {
    if (summary.createdCount() + summary.updatedCount() > 0) {
      summary.editions(editions.run());
    }
  }

  /** A file's provenance name: its name without compression and format suffixes. */
  static String sourceName(Path file) {
    return file.getFileName()
        .toString()
        .replaceAll("(\\.gz)$", "")
        .replaceAll("\\.(ya?ml|txt|jsonl?|csv|ris)$", "");
  }

  /**
   * Recognises a feed from its first bytes (the stream must support mark): the RFC index by its
   * banner, Relaton YAML by its document marker or schema-version key, RIS by its first tag
   * ({@code TY  - }), the EU AI Act map by its articles' {@code aiActUrl}, and the aisx json format
   * by a leading {@code {} or {@code [}. Null when nothing matches.
   */
  static Format detect(InputStream in, Path file) throws IOException {
    in.mark(8192);
    byte[] head = in.readNBytes(8192);
    in.reset();
    String text = new String(head, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
    String start = text.stripLeading();
    if (text.contains("RFC INDEX")) {
      return Format.RFC_INDEX;
    }
    if (start.startsWith("---") || start.matches("(?s)^(schema[-_]version|id|docid|title):.*")) {
      return Format.RELATON;
    }
    if (start.matches("(?s)^TY {1,2}-.*")) {
      return Format.RIS;
    }
    if (start.startsWith("{") && text.contains("\"articles\"") && text.contains("\"aiActUrl\"")) {
      return Format.AI_ACT_MAP;
    }
    if ((start.startsWith("{") || start.startsWith("[")) && text.contains("\"deliverableType\"")) {
      return Format.ISO_OPEN_DATA;
    }
    if (start.startsWith("{") || start.startsWith("[")) {
      return Format.JSON;
    }
    String firstLine = start.lines().findFirst().orElse("");
    // A CSV header names the identifier column somewhere (column order is free).
    if (firstLine.contains(",") && firstLine.matches("(?i)^(.*,)?\"?identifier\"?(,.*)?$")) {
      return Format.CSV;
    }
    return null;
  }

  /** Imports one stream; {@code name} labels its rejections. */
  public ImportSummary importStream(
      Format format,
      InputStream in,
      String name,
      String source,
      ImportSummary summary,
      Progress progress)
      throws IOException {
    importStream(format, in, name, source, summary, progress, () -> 0);
    keepEditionsStraight(summary);
    return summary;
  }

  private ImportSummary importStream(
      Format format,
      InputStream in,
      String name,
      String source,
      ImportSummary summary,
      Progress progress,
      LongSupplier position)
      throws IOException {
    Sink sink = new Sink(name, source, summary, progress, position);
    if (format != Format.JSON) {
      // Every format but JSON is read a line at a time: a line without end is refused, not held.
      in = Inputs.lineLimited(in, Inputs.MAX_LINE_BYTES);
    }
    try {
      switch (format) {
        case AUTO -> throw new IllegalArgumentException("detect the format before importing");
        case JSON ->
            jsonFormat.read(
                in,
                raw ->
                    sink.accept(
                        "record " + raw.number() + " (line " + raw.line() + ")", raw.node()));
        case RELATON ->
            // Records are validated on the parsing threads, off the thread that writes.
            new RelatonReader(source, s -> reader.read(s))
                .read(
                    in,
                    outcome -> {
                      String where = "record " + outcome.recordNumber();
                      if (outcome instanceof RelatonReader.Outcome.Mapped m) {
                        sink.acceptValid(where, m.standard());
                      } else if (outcome instanceof RelatonReader.Outcome.Rejected r) {
                        sink.reject(where, r.reason());
                      }
                    });
        case RFC_INDEX -> new RfcIndexReader(source).read(in, sink::accept);
        case ISO_OPEN_DATA ->
            // ISO Open Data has no titles: take the one the catalogue has (e.g. from the IEC feed).
            new IsoOpenDataReader(
                    source,
                    identifier -> catalog.find(Slug.of(identifier)).map(s -> s.titleIn("en")),
                    null)
                .read(in, sink::accept);
        case CSV -> new CsvReader(source).read(in, sink::accept);
        case RIS -> new RisReader(source).read(in, sink::accept);
        case AI_ACT_MAP -> new AiActMapReader(source, json).read(in, sink::accept);
      }
    } catch (IOException e) {
      sink.flush();
      summary.rejected(name, "document", e.getMessage() + "; the rest of the file was not read");
    }
    sink.flush();
    sink.settle();
    catalog.publish(); // the last batch is searchable when the import returns
    return summary;
  }

  /**
   * Validates each record of one input and stages them in batches of {@link #BATCH} (one
   * transaction each), counting what happened. If a batch fails in the store, its records are
   * retried one by one so that only the failing record is rejected.
   */
  private final class Sink {
    private final String name;
    private final String source;
    private final ImportSummary summary;
    private final Progress progress;
    private final LongSupplier position;
    private final List<Standard> batch = new ArrayList<>();
    private final List<String> wheres = new ArrayList<>();
    private long lastPublish = System.nanoTime();

    /** Ids the records of this import replace: their inferred status may be superseded now. */
    private final Set<String> replaced = new HashSet<>();

    /** Whether this import brought ISO or IEC records that national standards may adopt. */
    private boolean international;

    Sink(
        String name,
        String source,
        ImportSummary summary,
        Progress progress,
        LongSupplier position) {
      this.name = name;
      this.source = source;
      this.summary = summary;
      this.progress = progress;
      this.position = position;
    }

    void accept(String where, Standard mapped) {
      accept(where, () -> reader.read(mapped));
    }

    void accept(String where, JsonNode node) {
      accept(where, () -> reader.read(node));
    }

    private void accept(String where, java.util.function.Supplier<Standard> read) {
      Standard s;
      try {
        s = read.get();
      } catch (CatalogException e) {
        summary.rejected(name, where, e.getMessage());
        advanced();
        return;
      }
      acceptValid(where, s);
    }

    /** Takes a record that has passed {@link StandardReader#read}. */
    void acceptValid(String where, Standard s) {
      String first = summary.seen(s.id(), name + " " + where);
      if (first != null) {
        // A feed (or two feeds in one import) giving the same id twice: the first wins, so
        // importing the same files again changes nothing.
        summary.duplicate(
            name, where, s.identifier() + " has the id " + s.id() + " already given by " + first);
      } else {
        batch.add(s);
        wheres.add(where);
      }
      if (batch.size() >= BATCH) {
        flush();
      }
      advanced();
    }

    void accept(FeedRecord record) {
      if (record instanceof FeedRecord.Mapped m) {
        accept(m.where(), m.standard());
      } else if (record instanceof FeedRecord.Rejected r) {
        reject(r.where(), r.reason());
      }
    }

    void reject(String where, String reason) {
      summary.rejected(name, where, reason);
      advanced();
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      Set<String> replacedInBatch = new HashSet<>();
      for (Standard s : batch) {
        EditionStatus.replacedBy(s, replacedInBatch);
        international |= s.sdo() != null && (s.sdo().contains("ISO") || s.sdo().contains("IEC"));
      }
      replaced.addAll(replacedInBatch);
      for (int i = 0; i < batch.size(); i++) {
        batch.set(i, inferredStatus.apply(adoptions.apply(batch.get(i)), replacedInBatch));
      }
      try {
        count(catalog.stageAll(batch, "import", source, editions::reconcile));
      } catch (RuntimeException batchFailed) {
        for (int i = 0; i < batch.size(); i++) {
          try {
            count(catalog.stageAll(List.of(batch.get(i)), "import", source, editions::reconcile));
          } catch (RuntimeException e) {
            summary.rejected(name, wheres.get(i), e.getMessage());
          }
        }
      }
      batch.clear();
      wheres.clear();
      if (System.nanoTime() - lastPublish >= PUBLISH_EVERY_NANOS) {
        catalog.publish();
        lastPublish = System.nanoTime();
      }
    }

    /**
     * After the whole input: supersedes the records of the catalogue whose inferred status a newer
     * edition of this import replaces ({@link EditionStatus}), and, when this import brought ISO or
     * IEC records, links the national standards of the catalogue that adopt them ({@link
     * NationalAdoptions}).
     */
    void settle() {
      List<Standard> changed = new ArrayList<>();
      List<String> ids = List.copyOf(replaced);
      for (int from = 0; from < ids.size(); from += BATCH) {
        for (Standard s :
            catalog.findAll(ids.subList(from, Math.min(ids.size(), from + BATCH))).values()) {
          if (EditionStatus.open(s)) {
            changed.add(EditionStatus.superseded(s));
          }
        }
      }
      int superseded = save(changed);
      int adopting = 0;
      if (international) {
        List<String> national = new ArrayList<>();
        catalog.forEach(
            s -> {
              if (NationalAdoptions.open(s)) {
                national.add(s.id());
              }
            });
        changed.clear();
        for (int from = 0; from < national.size(); from += BATCH) {
          for (Standard s :
              catalog
                  .findAll(national.subList(from, Math.min(national.size(), from + BATCH)))
                  .values()) {
            Standard linked = adoptions.apply(s);
            if (linked != s) {
              changed.add(linked);
            }
          }
        }
        adopting = save(changed);
      }
      summary.settled(superseded, adopting);
    }

    /** Saves records changed after the import, in batches; how many changed. */
    private int save(List<Standard> changed) {
      int n = 0;
      for (int from = 0; from < changed.size(); from += BATCH) {
        for (WriteOutcome o :
            catalog.stageAll(
                changed.subList(from, Math.min(changed.size(), from + BATCH)), "import", null)) {
          n += o.change() == WriteOutcome.Change.UNCHANGED ? 0 : 1;
        }
      }
      return n;
    }

    private void count(List<WriteOutcome> outcomes) {
      for (WriteOutcome outcome : outcomes) {
        switch (outcome.change()) {
          case CREATED -> summary.created();
          case UPDATED -> summary.updated();
          case UNCHANGED -> summary.unchanged();
        }
      }
    }

    private void advanced() {
      progress.advance(position.getAsLong(), summary.processed() + batch.size());
    }
  }
}
