package org.aisx.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.aisx.catalog.FieldSources;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Progress;
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
  /**
   * The actor of the revisions an import writes, its source the feed's name; pages name it in their
   * language ({@code web/ActorLabels}), the API as it is.
   */
  public static final String ACTOR = "import";

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
  private final org.aisx.committee.Committees committees;

  /**
   * @param editions the catalogue's edition rules: each batch is reconciled with what they derived
   *     before, and they run over the catalogue when an import ends
   * @param committees the register that ISO's committees list ({@link Format#ISO_COMMITTEES}) goes
   *     into
   */
  public Importer(
      Catalog catalog,
      StandardReader reader,
      JsonFormat jsonFormat,
      ObjectMapper json,
      Editions editions,
      org.aisx.committee.Committees committees) {
    this.committees = committees;
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
    /** ISO Open Data's list of technical committees: into the register, not the catalogue. */
    ISO_COMMITTEES("iso-committees"),
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

  /**
   * Why a file is rejected whose format is not recognised, as the command line says it: with the
   * option that names the format.
   */
  public static final String FORMAT_NOT_RECOGNISED = "format not recognised; give --format";

  /**
   * Imports every file (directories expanded) and returns what happened; a file whose format is not
   * recognised is rejected for {@link #FORMAT_NOT_RECOGNISED}.
   */
  public ImportSummary importFiles(
      Format format, List<Path> paths, String source, Progress progress) throws IOException {
    return importFiles(format, paths, source, progress, FORMAT_NOT_RECOGNISED);
  }

  /**
   * Imports every file (directories expanded) and returns what happened.
   *
   * @param formatNotRecognised why a file whose format is not recognised is rejected, as the
   *     caller's user is told how to name its format ({@link #FORMAT_NOT_RECOGNISED} on the command
   *     line, the upload form's list of formats on the web)
   * @throws CatalogException.BadParameter naming {@code source} when no record may carry it as its
   *     source (the record's rule for the field), before anything is read
   */
  public ImportSummary importFiles(
      Format format, List<Path> paths, String source, Progress progress, String formatNotRecognised)
      throws IOException {
    checkSource(source);
    ImportProgress steps = ImportProgress.of(progress);
    ImportSummary summary = new ImportSummary();
    List<Path> files = Inputs.expand(paths);
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    steps.start("Importing " + files.size() + " file(s) as " + format.wire(), total);
    long before = 0;
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      boolean last = i == files.size() - 1;
      String sourceName = source != null ? source : sourceName(f);
      try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(f));
          InputStream in = new java.io.BufferedInputStream(Inputs.decompressed(counted), 1 << 16)) {
        long offset = before;
        Format actual = format == Format.AUTO ? detect(in, f) : format;
        if (actual == null) {
          summary.rejected(
              f.getFileName().toString(),
              "file",
              blank(in)
                  ? "the file is empty: there is nothing in it to import"
                  : formatNotRecognised);
          summary.notReadToTheEnd(f.getFileName().toString());
        } else {
          importStream(
              actual,
              in,
              f.getFileName().toString(),
              sourceName,
              summary,
              steps,
              () -> offset + counted.count(),
              last);
        }
      } catch (Inputs.Damaged e) {
        // Cut inside its gzip header: nothing of it could be read. (A cut further on is said by
        // the feed's reader, after the records before it.)
        summary.rejected(f.getFileName().toString(), "file", e.getMessage());
        summary.notReadToTheEnd(f.getFileName().toString());
      }
      before += Files.size(f);
    }
    keepEditionsStraight(summary, steps);
    steps.finish(summary.toString());
    return summary;
  }

  /**
   * Refuses a source name that no record may carry (the record's rule for the field): every record
   * would carry it, so it is refused once, not with each.
   *
   * @throws CatalogException.BadParameter naming {@code source}
   */
  public void checkSource(String source) {
    if (source != null) {
      List<Problem> wrong = reader.problemsOf("source", source);
      if (!wrong.isEmpty()) {
        throw new CatalogException.BadParameter(wrong.get(0));
      }
    }
  }

  /** Runs the edition rules over the catalogue when something was written. */
  private void keepEditionsStraight(ImportSummary summary, ImportProgress progress) {
    if (summary.createdCount() + summary.updatedCount() > 0) {
      progress.step(ImportStep.EDITIONS);
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

  /** Whether the (marked, buffered) input holds nothing but white space and byte-order marks. */
  private static boolean blank(InputStream in) throws IOException {
    String head = head(in);
    return head.length() < HEAD && head.isBlank();
  }

  /** How much of a file {@link #detect} reads to recognise it. */
  private static final int HEAD = 8192;

  /**
   * The first {@link #HEAD} bytes of the (marked, buffered) input as text, without byte-order
   * marks, the input left where it was; up to a cut when the file is damaged there.
   */
  private static String head(InputStream in) throws IOException {
    in.mark(HEAD);
    byte[] head = new byte[HEAD];
    int n = 0;
    try {
      for (int r; n < head.length && (r = in.read(head, n, head.length - n)) >= 0; ) {
        n += r;
      }
    } catch (Inputs.Damaged cutShort) {
      // Recognised from what came before the cut; reading it says where the file ends.
    }
    in.reset();
    return new String(head, 0, n, StandardCharsets.UTF_8).replace("\uFEFF", "");
  }

  /**
   * Recognises a feed from its first bytes (the stream must support mark): the RFC index by its
   * banner, Relaton YAML by its document marker or schema-version key, RIS by its first tag
   * ({@code TY  - }), the EU AI Act map by its articles' {@code aiActUrl}, ISO Open Data's
   * committees list by objects with a reference, a title and a committee's own fields (childrenId,
   * pMembers, secretariat) and no deliverableType, ISO Open Data's deliverables by their
   * deliverableType, and the aisx json format by a leading {@code {} or {@code [}. Null when nothing
   * matches.
   */
  static Format detect(InputStream in, Path file) throws IOException {
    String text = head(in);
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
    if ((start.startsWith("{") || start.startsWith("["))
        && !text.contains("\"deliverableType\"")
        && text.contains("\"reference\"")
        && text.contains("\"title\"")
        && (text.contains("\"childrenId\"")
            || text.contains("\"pMembers\"")
            || text.contains("\"secretariat\""))) {
      return Format.ISO_COMMITTEES;
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
    ImportProgress steps = ImportProgress.of(progress);
    importStream(format, in, name, source, summary, steps, () -> 0, true);
    keepEditionsStraight(summary, steps);
    return summary;
  }

  private ImportSummary importStream(
      Format format,
      InputStream in,
      String name,
      String source,
      ImportSummary summary,
      ImportProgress progress,
      LongSupplier position,
      boolean lastInput)
      throws IOException {
    progress.step(ImportStep.RECORDS);
    if (format == Format.ISO_COMMITTEES) {
      return importCommittees(Inputs.lineLimited(in, Inputs.MAX_LINE_BYTES), name, summary);
    }
    Sink sink = new Sink(name, source, summary, progress, position);
    int processedBefore = summary.processed();
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
                        "record " + raw.number() + " (line " + raw.line() + ")", raw.node()),
                refused ->
                    sink.reject(
                        "record " + refused.number() + " (line " + refused.line() + ")",
                        refused.reason()));
        case RELATON ->
            // Records are validated on the parsing threads, off the thread that writes.
            new RelatonReader(source, s -> reader.read(s))
                .read(
                    in,
                    outcome -> {
                      String where = "record " + outcome.recordNumber();
                      if (outcome instanceof RelatonReader.Outcome.Mapped m) {
                        sink.acceptValid(where, m.standard(), m.origin());
                      } else if (outcome instanceof RelatonReader.Outcome.Rejected r) {
                        sink.reject(where, r.reason());
                        if (r.readingStopped()) {
                          summary.notReadToTheEnd(name);
                        }
                      }
                    });
        case RFC_INDEX -> new RfcIndexReader(source).read(in, sink::accept);
        case ISO_COMMITTEES -> throw new IllegalStateException("imported above");
        case ISO_OPEN_DATA ->
            // ISO Open Data gives no titles: its records keep the title another feed gave.
            new IsoOpenDataReader(source).read(in, sink::accept);
        case CSV -> new CsvReader(source).read(in, sink::accept);
        case RIS -> new RisReader(source).read(in, sink::accept);
        case AI_ACT_MAP -> new AiActMapReader(source, json).read(in, sink::accept);
      }
    } catch (IOException e) {
      sink.flush();
      String reason = e.getMessage() + "; the rest of the file was not read";
      if (e instanceof CsvReader.UnusableHeader header) {
        List<Problem> problems = new ArrayList<>(header.problems());
        problems.add(Problem.of("", "import.problem.restNotRead"));
        summary.rejected(name, "document", reason, problems);
      } else {
        summary.rejected(name, "document", reason);
      }
      summary.notReadToTheEnd(name);
    }
    sink.inputRead(lastInput);
    sink.flush();
    if (summary.processed() == processedBefore && !summary.notReadToTheEnd().contains(name)) {
      // Nothing in the input was a record of this format (a file given the wrong --format, or an
      // empty one): said, rather than a summary of zeros that reads as success.
      summary.rejected(
          name, "document", "no record found in it as " + format.wire() + " (is it that format?)");
      summary.notReadToTheEnd(name);
    }
    progress.step(ImportStep.RELATIONS);
    sink.settle();
    progress.step(ImportStep.INDEX);
    catalog.publish(); // the last batch is searchable when the import returns
    return summary;
  }

  /**
   * Saves ISO's committees list into the register, {@link #BATCH} committees per transaction: a
   * committee already there is updated, or left unchanged when given as it is; a line that cannot
   * be read is rejected on its own ("line N", naming the field), and the rest imported. A committee
   * given twice in one file is saved as its last line gives it.
   */
  private ImportSummary importCommittees(InputStream in, String name, ImportSummary summary)
      throws IOException {
    List<org.aisx.committee.Committee> batch = new ArrayList<>();
    try {
      new IsoCommitteesReader(json)
          .read(
              in,
              outcome -> {
                if (outcome instanceof IsoCommitteesReader.Outcome.Read r) {
                  batch.add(r.committee());
                  if (batch.size() >= BATCH) {
                    saveCommittees(batch, summary);
                  }
                } else if (outcome instanceof IsoCommitteesReader.Outcome.Rejected r) {
                  summary.rejected(name, r.where(), r.reason());
                }
              });
    } catch (IOException e) {
      saveCommittees(batch, summary);
      summary.rejected(name, "document", e.getMessage() + "; the rest of the file was not read");
      summary.notReadToTheEnd(name);
      return summary;
    }
    saveCommittees(batch, summary);
    return summary;
  }

  private void saveCommittees(List<org.aisx.committee.Committee> batch, ImportSummary summary) {
    committees.saveAll(batch).forEach(summary::committee);
    batch.clear();
  }

  /**
   * Validates each record of one input and stages them in batches of {@link #BATCH} (one
   * transaction each), counting what happened. If a batch fails in the store, its records are
   * retried one by one so that only the failing record is rejected.
   *
   * <p>A feed may give one edition more than once (the ISO feed gives 9,629 editions twice: a
   * current harvest and an older one). Records wait in a window of {@link #WINDOW} before they are
   * written, so that the copies of an edition within it are folded in memory whatever their order:
   * the freshest harvest's copy ({@link FeedOrigin#FRESHEST_FIRST}) is the record, the other is
   * reported as a duplicate with its class. A fresher copy further away than the window updates the
   * record written from the older one.
   */
  private final class Sink {
    private final String name;
    private final String source;
    private final ImportSummary summary;
    private final ImportProgress progress;
    private final LongSupplier position;

    /** How many records the import has read in all, once its last input is read; -1 before. */
    private long total = -1;

    /** Records waiting to be written, by id, in feed order. */
    private final java.util.LinkedHashMap<String, Pending> pending =
        new java.util.LinkedHashMap<>();

    /** The ids this input has written so far, with the harvest of the copy written. */
    private final java.util.Map<String, Pending> written = new java.util.HashMap<>();

    private final DraftPublications drafts = new DraftPublications();
    private long lastPublish = System.nanoTime();

    /** Ids the records of this import replace: their inferred status may be superseded now. */
    private final Set<String> replaced = new HashSet<>();

    /** Whether this import brought ISO or IEC records that national standards may adopt. */
    private boolean international;

    Sink(
        String name,
        String source,
        ImportSummary summary,
        ImportProgress progress,
        LongSupplier position) {
      this.name = name;
      this.source = source;
      this.summary = summary;
      this.progress = progress;
      this.position = position;
    }

    // A record that gives no status has it inferred (SPEC §1), as Relaton's do in their mapper.
    void accept(String where, Standard mapped) {
      accept(where, () -> reader.read(StatusInference.inferInto(mapped)));
    }

    void accept(String where, JsonNode node) {
      accept(where, () -> reader.readFeed(StatusInference.inferInto(node)));
    }

    private void accept(String where, java.util.function.Supplier<Standard> read) {
      Standard s;
      try {
        s = read.get();
      } catch (CatalogException e) {
        summary.rejected(name, where, e.getMessage(), e.problems());
        advanced();
        return;
      }
      acceptValid(where, s, FeedOrigin.NONE);
    }

    /** Takes a record that has passed {@link StandardReader#read}. */
    void acceptValid(String where, Standard s, FeedOrigin origin) {
      Pending incoming = new Pending(s, origin, where);
      Pending earlier = pending.get(s.id());
      if (earlier == null) {
        earlier = written.get(s.id());
      }
      var lookAlike =
          earlier == null
              ? java.util.Optional.<Problem>empty()
              : Catalog.lookAlike(s, earlier.record());
      if (lookAlike.isPresent()) {
        // Another publication whose identifier slugs alike, earlier in this feed: not a copy of it.
        reject(where, lookAlike.get().field() + ": " + lookAlike.get().problem());
        return;
      }
      if (earlier == null) {
        pending.put(s.id(), incoming);
      } else if (origin.fresherThan(earlier.origin())) {
        pending.put(s.id(), incoming); // an id already waiting keeps its place
        fold(earlier, incoming);
      } else {
        fold(incoming, earlier);
      }
      if (pending.size() >= WINDOW) {
        write(BATCH);
      }
      advanced();
    }

    /** Reports {@code dropped}, a copy of the edition {@code kept} gives, with its class. */
    private void fold(Pending dropped, Pending kept) {
      JsonNode a = json.valueToTree(dropped.record());
      JsonNode b = json.valueToTree(kept.record());
      List<String> differ = new ArrayList<>();
      java.util.Iterator<String> fields = b.fieldNames();
      while (fields.hasNext()) {
        String f = fields.next();
        if (!NOT_COMPARED.contains(f) && !java.util.Objects.equals(a.get(f), b.get(f))) {
          differ.add(f);
        }
      }
      boolean older = kept.origin().fresherThan(dropped.origin());
      String kind =
          (older ? "older harvest of the same edition" : "the same edition given twice")
              + (differ.isEmpty()
                  ? ", identical once mapped"
                  : ", differs in " + String.join(", ", differ));
      String reason =
          dropped.record().identifier()
              + " (id "
              + dropped.record().id()
              + ", "
              + dropped.origin().harvest().describe()
              + ") is "
              + (older ? "an older copy of" : "another copy of")
              + " the edition "
              + kept.where()
              + " gives ("
              + kept.origin().harvest().describe()
              + "); "
              + kept.where()
              + "'s copy is the record"
              + (differ.isEmpty()
                  ? ", the two are identical once mapped"
                  : "; the folded copy differs in "
                      + differ.stream()
                          .map(f -> f + " " + shortText(a.get(f)))
                          .collect(Collectors.joining(", ")));
      summary.duplicate(name, dropped.where(), reason, kind);
    }

    void accept(FeedRecord record) {
      if (record instanceof FeedRecord.Mapped m) {
        accept(m.where(), m.standard());
      } else if (record instanceof FeedRecord.Rejected r) {
        summary.rejected(name, r.where(), r.reason(), r.problems());
        advanced();
      }
    }

    void reject(String where, String reason) {
      summary.rejected(name, where, reason);
      advanced();
    }

    /** Writes every waiting record and reports the drafts this input published. */
    void flush() {
      while (!pending.isEmpty()) {
        write(BATCH);
      }
      drafts.report(summary);
    }

    /** Writes the {@code n} records that have waited longest. */
    private void write(int n) {
      List<Pending> batch = new ArrayList<>();
      java.util.Iterator<Pending> it = pending.values().iterator();
      while (it.hasNext() && batch.size() < n) {
        batch.add(it.next());
        it.remove();
      }
      if (batch.isEmpty()) {
        return;
      }
      Set<String> replacedInBatch = new HashSet<>();
      for (Pending p : batch) {
        Standard s = p.record();
        EditionStatus.replacedBy(s, replacedInBatch);
        international |= s.sdo() != null && (s.sdo().contains("ISO") || s.sdo().contains("IEC"));
      }
      for (int i = 0; i < batch.size(); i++) {
        Pending p = batch.get(i);
        batch.set(i, p.with(inferredStatus.apply(adoptions.apply(p.record()), replacedInBatch)));
      }
      List<Pending> older = new ArrayList<>();
      try {
        count(
            batch,
            catalog.importAll(
                batch.stream().map(Pending::contribution).toList(),
                ACTOR,
                source,
                editions::reconcile),
            older);
      } catch (RuntimeException batchFailed) {
        for (Pending p : batch) {
          try {
            count(
                List.of(p),
                catalog.importAll(List.of(p.contribution()), ACTOR, source, editions::reconcile),
                older);
          } catch (RuntimeException e) {
            summary.rejected(name, p.where(), e.getMessage());
          }
        }
      }
      reportOlder(older);
      Set<String> left = new HashSet<>();
      older.forEach(p -> left.add(p.record().id()));
      for (Pending p : batch) {
        if (!left.contains(p.record().id())) {
          EditionStatus.replacedBy(p.record(), replaced);
        }
      }
      batch.forEach(p -> written.put(p.record().id(), p));
      progress.processed(summary.processed(), total);
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
                changed.subList(from, Math.min(changed.size(), from + BATCH)), ACTOR, null)) {
          n += o.change() == WriteOutcome.Change.UNCHANGED ? 0 : 1;
        }
      }
      return n;
    }

    /**
     * Counts the outcomes of {@code batch} (one each, in order); the records left out as older
     * harvests go to {@code older}.
     */
    private void count(List<Pending> batch, List<WriteOutcome> outcomes, List<Pending> older) {
      for (int i = 0; i < outcomes.size(); i++) {
        WriteOutcome outcome = outcomes.get(i);
        if (outcome.change() == WriteOutcome.Change.OLDER_HARVEST) {
          older.add(batch.get(i));
          continue;
        }
        drafts.note(outcome);
        if (!outcome.keptReviewed().isEmpty()) {
          summary.keptReviewed(outcome.record().identifier(), outcome.keptReviewed());
        }
        switch (outcome.change()) {
          case CREATED -> summary.created();
          case UPDATED -> {
            summary.updated();
            for (HistoryEvent e : outcome.events()) {
              if (e.kind() == HistoryEvent.Kind.STATUS_CHANGED) {
                summary.statusMoved(e.oldValue(), e.newValue());
              } else if (e.field() != null) {
                summary.fieldChanged(e.field());
              }
            }
          }
          case UNCHANGED -> summary.unchanged();
          case OLDER_HARVEST -> throw new IllegalStateException("counted above");
        }
      }
    }

    /** Reports the records left out because the catalogue has a newer harvest of this feed. */
    private void reportOlder(List<Pending> older) {
      if (older.isEmpty()) {
        return;
      }
      var stored = catalog.harvests(older.stream().map(p -> p.record().id()).toList());
      String feed = FieldSources.feedOf(source);
      for (Pending p : older) {
        var newer = stored.getOrDefault(p.record().id(), java.util.Map.of()).get(feed);
        String newerName =
            newer == null ? "(unknown)" : newer.source() + " (" + newer.harvest().describe() + ")";
        String kind =
            source
                + " ("
                + schemaOrDate(p.origin().harvest())
                + ") older than "
                + (newer == null
                    ? "(unknown)"
                    : newer.source() + " (" + schemaOrDate(newer.harvest()) + ")");
        summary.olderHarvest(
            name,
            p.where(),
            p.record().identifier()
                + " (id "
                + p.record().id()
                + ", "
                + p.origin().harvest().describe()
                + ") is from an older harvest of "
                + feed
                + " than the catalogue's record, which "
                + newerName
                + " gave: left as that harvest gave it",
            kind);
      }
    }

    /**
     * The input is read to its end: what is left is writing the records waiting. When it is the
     * import's last input, how many records the import has is known now.
     */
    void inputRead(boolean last) {
      if (last) {
        total = summary.processed() + pending.size();
      }
      progress.processed(summary.processed(), total);
    }

    private void advanced() {
      progress.advance(position.getAsLong(), summary.processed() + pending.size());
      progress.processed(summary.processed(), total);
    }
  }

  /** Fields two copies of an edition are not compared on: bookkeeping, not what the feed said. */
  private static final java.util.Set<String> NOT_COMPARED =
      java.util.Set.of("source", "revision", "fieldSources");

  /** Records that wait before they are written, so that copies of one edition meet in memory. */
  static final int WINDOW = 2 * BATCH;

  /** A validated record waiting to be written, with its harvest and where it was in the input. */
  private record Pending(Standard record, FeedOrigin origin, String where) {
    Pending with(Standard changed) {
      return changed == record ? this : new Pending(changed, origin, where);
    }

    Catalog.Contribution contribution() {
      return new Catalog.Contribution(
          record, FieldSources.leads(origin.catalogue(), record.identifier()), origin.harvest());
    }
  }

  /** A harvest by its schema version when known (fetched dates differ record by record). */
  private static String schemaOrDate(org.aisx.catalog.Harvest h) {
    return h.schemaVersion() != null ? "schema " + h.schemaVersion() : h.describe();
  }

  private static String shortText(JsonNode v) {
    if (v == null || v.isNull()) {
      return "(none)";
    }
    String text = v.isTextual() ? v.asText() : v.toString();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
