package org.aisx.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.aisx.catalog.Standard;
import org.aisx.ingest.CsvColumns;
import org.aisx.ingest.CsvFormulas;

/**
 * Records as rows of the CSV template: a column for every field of the record ({@link CsvColumns},
 * titles and abstracts in each language the records have), so that the file imports again with
 * {@code import --format csv} to the same records, as a JSON export does. RFC 4180 quoting, CRLF
 * line ends, UTF-8; a cell a spreadsheet would run as a formula gets an apostrophe in front, which
 * the reader takes off ({@link CsvFormulas}).
 */
final class CsvExport implements RecordWriter {
  private final Writer out;
  private final List<String> header;

  /**
   * @param languages the languages of the titles and abstracts of the records to be written
   */
  CsvExport(OutputStream out, Collection<String> languages) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    this.header = CsvColumns.header(languages);
    row(header);
  }

  @Override
  public void write(Standard s) throws IOException {
    row(CsvColumns.row(s, header));
  }

  private void row(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String v = CsvFormulas.defuse(cells.get(i));
      if (v == null) {
        continue;
      }
      if (v.indexOf(',') >= 0
          || v.indexOf('"') >= 0
          || v.indexOf('\n') >= 0
          || v.indexOf('\r') >= 0
          || (!v.isEmpty() && (Character.isWhitespace(v.charAt(0))))) {
        out.write('"');
        out.write(v.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(v);
      }
    }
    out.write("\r\n");
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
