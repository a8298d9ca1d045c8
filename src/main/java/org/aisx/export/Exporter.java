package org.aisx.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.ingest.JsonFormat;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;

/**
 * {@code export --format csv|json|jsonld [search parameters] FILE} (SPEC §3): the records that
 * match a search (its words by keyword, and its filters), streamed in batches: the index hands over
 * the matching ids a batch at a time and the store reads those records, so memory stays that of one
 * batch whatever the catalogue's size.
 */
public final class Exporter {
  static final int BATCH = 500;

  private final SearchIndex index;
  private final CatalogStore store;
  private final JsonFormat jsonFormat;
  private final ObjectMapper json;
  private final Clock clock;

  public Exporter(
      SearchIndex index,
      CatalogStore store,
      JsonFormat jsonFormat,
      ObjectMapper json,
      Clock clock) {
    this.index = index;
    this.store = store;
    this.jsonFormat = jsonFormat;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Writes the records matching {@code request} to {@code out} (not closed) in {@code format};
   * {@code base} is the Exchange's public address, for the JSON-LD datasets' IRIs. Returns the
   * number of records written.
   */
  public long export(
      SearchRequest request, ExportFormat format, String base, OutputStream out, Progress progress)
      throws IOException {
    long total = index.search(request).total();
    progress.start("Exporting " + total + " records as " + format.wire(), total);
    AtomicLong written = new AtomicLong();
    try (RecordWriter writer = writer(format, base, out)) {
      index.forEachMatch(
          request,
          BATCH,
          ids -> {
            Map<String, Standard> records = store.findAll(ids);
            try {
              for (String id : ids) {
                Standard s = records.get(id);
                if (s != null) { // deleted since the index was read
                  writer.write(s);
                  written.incrementAndGet();
                }
              }
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            progress.advance(written.get(), written.get());
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    progress.finish(written.get() + " records exported");
    return written.get();
  }

  private RecordWriter writer(ExportFormat format, String base, OutputStream out)
      throws IOException {
    return switch (format) {
      case CSV -> new CsvExport(out);
      case JSON -> new JsonExport(jsonFormat, out);
      case JSONLD -> new JsonLdExport(json, out, base, clock.instant());
    };
  }
}
