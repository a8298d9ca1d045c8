package org.aisx.export;

import java.io.IOException;
import org.aisx.catalog.Standard;

/** Writes exported records one at a time to a stream it does not hold in memory. */
sealed interface RecordWriter extends AutoCloseable permits CsvExport, JsonExport, JsonLdExport {
  void write(Standard record) throws IOException;

  /** Ends the document (closing brackets, flushing); does not close the underlying stream. */
  @Override
  void close() throws IOException;
}
