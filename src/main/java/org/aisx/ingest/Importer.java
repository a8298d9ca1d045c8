package org.aisx.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Progress;
import org.aisx.catalog.StandardReader;
import org.aisx.catalog.WriteOutcome;

/**
 * Loads files into the catalogue. Each record is saved in its own transaction: a rejected record is
 * reported and skipped, and an interrupted import leaves every earlier record saved and nothing
 * half-written. Records are keyed by identifier, so importing the same feed twice changes nothing.
 */
public final class Importer {
  private static final int PUBLISH_EVERY = 2_000;

  private final Catalog catalog;
  private final StandardReader reader;
  private final JsonFormat jsonFormat;

  public Importer(Catalog catalog, StandardReader reader, JsonFormat jsonFormat) {
    this.catalog = catalog;
    this.reader = reader;
    this.jsonFormat = jsonFormat;
  }

  /** The formats of SPEC §3 that this version reads. */
  public enum Format {
    JSON("json");

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
          "unknown import format '" + value + "'; this version reads: json");
    }
  }

  /** Imports every file (directories expanded) and returns what happened. */
  public ImportSummary importFiles(
      Format format, List<Path> paths, String source, Progress progress) throws IOException {
    ImportSummary summary = new ImportSummary();
    List<Path> files = Inputs.expand(paths);
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    progress.start("Importing " + files.size() + " file(s)", -1);
    for (Path f : files) {
      String sourceName = source != null ? source : f.getFileName().toString();
      try (InputStream in = Inputs.decompressed(Files.newInputStream(f))) {
        importStream(format, in, f.getFileName().toString(), sourceName, summary, progress);
      }
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
    try {
      jsonFormat.read(
          in,
          raw -> {
            String where = "record " + raw.number() + " (line " + raw.line() + ")";
            try {
              WriteOutcome outcome = catalog.stage(reader.read(raw.node()), "import", source, null);
              switch (outcome.change()) {
                case CREATED -> summary.created();
                case UPDATED -> summary.updated();
                case UNCHANGED -> summary.unchanged();
              }
            } catch (CatalogException e) {
              summary.rejected(name, where, e.getMessage());
            }
            int n = summary.processed();
            progress.advance(n);
            if (n % PUBLISH_EVERY == 0) {
              catalog.publish();
            }
          });
    } catch (IOException e) {
      summary.rejected(name, "document", e.getMessage() + "; the rest of the file was not read");
    }
    catalog.publish();
    return summary;
  }
}
