package org.aisx.export;

import java.io.IOException;
import java.io.OutputStream;
import org.aisx.catalog.Standard;
import org.aisx.ingest.JsonFormat;

/** Records as the JSON of SPEC §1, in the envelope {@code import --format json} reads. */
final class JsonExport implements RecordWriter {
  private final JsonFormat.Writer writer;

  JsonExport(JsonFormat format, OutputStream out) throws IOException {
    this.writer = format.writer(out, "Exported from the AI Standards Exchange");
  }

  @Override
  public void write(Standard record) throws IOException {
    writer.write(record);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
