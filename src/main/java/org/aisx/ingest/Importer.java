package org.aisx.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.catalog.WriteOutcome;

/**
 * Loads feeds into the catalogue. Every record, whatever its format, passes the same validation as
 * the API ({@link StandardReader}) and is saved in its own transaction: a rejected record is
 * reported and skipped, and an interrupted import leaves every earlier record saved and nothing
 * half-written. Records are keyed by identifier, so importing the same feed twice changes nothing.
 */
public final class Importer {
  private static final int PUBLISH_EVERY = 5_000;

  private final Catalog catalog;
  private final StandardReader reader;
  private final JsonFormat jsonFormat;
  private final ObjectMapper json;

  public Importer(
      Catalog catalog, StandardReader reader, JsonFormat jsonFormat, ObjectMapper json) {
    this.catalog = catalog;
    this.reader = reader;
    this.jsonFormat = jsonFormat;
    this.json = json;
  }

  /** The import formats of SPEC §3 that this version reads. */
  public enum Format {
    JSON("json"),
    RELATON("relaton"),
    RFC_INDEX("rfc-index");

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
      String sourceName = source != null ? source : f.getFileName().toString();
      try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(f));
          InputStream in = Inputs.decompressed(counted)) {
        long offset = before;
        importStream(
            format,
            in,
            f.getFileName().toString(),
            sourceName,
            summary,
            progress,
            () -> offset + counted.count());
      }
      before += Files.size(f);
    }
    catalog.publish();
    progress.finish(summary.toString());
    return summary;
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
    return importStream(format, in, name, source, summary, progress, () -> 0);
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
    try {
      switch (format) {
        case JSON ->
            jsonFormat.read(
                in,
                raw ->
                    sink.accept(
                        "record " + raw.number() + " (line " + raw.line() + ")", raw.node()));
        case RELATON ->
            new RelatonReader(source)
                .read(
                    in,
                    outcome -> {
                      String where = "record " + outcome.recordNumber();
                      if (outcome instanceof RelatonReader.Outcome.Mapped m) {
                        sink.accept(where, m.standard());
                      } else if (outcome instanceof RelatonReader.Outcome.Rejected r) {
                        sink.reject(where, r.reason());
                      }
                    });
        case RFC_INDEX ->
            new RfcIndexReader(source)
                .read(
                    in,
                    outcome -> {
                      if (outcome instanceof FeedRecord.Mapped m) {
                        sink.accept(m.where(), m.standard());
                      } else if (outcome instanceof FeedRecord.Rejected r) {
                        sink.reject(r.where(), r.reason());
                      }
                    });
      }
    } catch (IOException e) {
      summary.rejected(name, "document", e.getMessage() + "; the rest of the file was not read");
    }
    catalog.publish();
    return summary;
  }

  /** Validates and stages each record of one input, counting what happened. */
  private final class Sink {
    private final String name;
    private final String source;
    private final ImportSummary summary;
    private final Progress progress;
    private final LongSupplier position;

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
      accept(where, (JsonNode) json.valueToTree(mapped));
    }

    void accept(String where, JsonNode node) {
      try {
        WriteOutcome outcome = catalog.stage(reader.read(node), "import", source, null);
        switch (outcome.change()) {
          case CREATED -> summary.created();
          case UPDATED -> summary.updated();
          case UNCHANGED -> summary.unchanged();
        }
      } catch (CatalogException e) {
        summary.rejected(name, where, e.getMessage());
      }
      advanced();
    }

    void reject(String where, String reason) {
      summary.rejected(name, where, reason);
      advanced();
    }

    private void advanced() {
      int n = summary.processed();
      progress.advance(position.getAsLong(), n);
      if (n % PUBLISH_EVERY == 0) {
        catalog.publish();
      }
    }
  }
}
