package org.aisx.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.ingest.CsvColumns;
import org.aisx.ingest.JsonFormat;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;
import org.aisx.semantic.HybridSearch;

/**
 * {@code export --format csv|json|jsonld [search parameters] FILE} (SPEC §3): the records of a
 * search, in its mode (by keyword, meaning or both, as the API searches: the records its {@code
 * total} counts), streamed in batches: the index hands over the matching ids a batch at a time and
 * the store reads those records, so memory stays that of one batch whatever the catalogue's size. A
 * CSV export reads them twice: first for the languages its title and abstract columns need.
 */
public final class Exporter {
  static final int BATCH = 500;

  private final HybridSearch search;
  private final CatalogStore store;
  private final JsonFormat jsonFormat;
  private final ObjectMapper json;
  private final Clock clock;

  public Exporter(
      HybridSearch search,
      CatalogStore store,
      JsonFormat jsonFormat,
      ObjectMapper json,
      Clock clock) {
    this.search = search;
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
    SearchIndex index = search.index();
    float[] meaning = search.queryVector(request);
    long total = index.search(request, meaning).total();
    progress.start("Exporting " + total + " records as " + format.wire(), total);
    AtomicLong written = new AtomicLong();
    try (RecordWriter writer = writer(format, base, out, request, meaning)) {
      forEachRecord(
          request,
          meaning,
          s -> {
            try {
              writer.write(s);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            written.incrementAndGet();
            if (written.get() % BATCH == 0) {
              progress.advance(written.get(), written.get());
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    progress.advance(written.get(), written.get());
    progress.finish(written.get() + " records exported");
    return written.get();
  }

  /** Hands every record of the search to {@code sink}, a batch of them in memory at a time. */
  private void forEachRecord(SearchRequest request, float[] meaning, Consumer<Standard> sink) {
    search
        .index()
        .forEachMatch(
            request,
            meaning,
            BATCH,
            ids -> {
              Map<String, Standard> records = store.findAll(ids);
              for (String id : ids) {
                Standard s = records.get(id);
                if (s != null) { // deleted since the index was read
                  sink.accept(s);
                }
              }
            });
  }

  private RecordWriter writer(
      ExportFormat format, String base, OutputStream out, SearchRequest request, float[] meaning)
      throws IOException {
    return switch (format) {
      case CSV -> {
        Set<String> languages = new TreeSet<>();
        forEachRecord(request, meaning, s -> languages.addAll(CsvColumns.languages(s)));
        yield new CsvExport(out, languages);
      }
      case JSON -> new JsonExport(jsonFormat, out);
      case JSONLD -> new JsonLdExport(json, out, base, clock.instant());
    };
  }
}
