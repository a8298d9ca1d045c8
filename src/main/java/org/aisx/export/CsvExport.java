package org.aisx.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aisx.catalog.Standard;
import org.aisx.ingest.CsvReader;

/**
 * Records as rows of the CSV template: the columns of {@link CsvReader#COLUMNS}, in its order, so
 * that the file imports again with {@code import --format csv}. RFC 4180 quoting, CRLF line ends,
 * UTF-8. What the template has no column for (titles and abstracts in languages other than English
 * and French, secondary identifiers, use cases, suggestions) is not in the file.
 */
final class CsvExport implements RecordWriter {
  private final Writer out;

  CsvExport(OutputStream out) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    row(CsvReader.COLUMNS);
  }

  @Override
  public void write(Standard s) throws IOException {
    List<String> cells = new ArrayList<>(CsvReader.COLUMNS.size());
    for (String column : CsvReader.COLUMNS) {
      cells.add(cell(s, column));
    }
    row(cells);
  }

  /** The cell of {@code column} for {@code s}: the inverse of the reader's mapping. */
  static String cell(Standard s, String column) {
    return switch (column) {
      case "identifier" -> s.identifier();
      case "title_en" -> s.title().get("en");
      case "title_fr" -> s.title().get("fr");
      case "abstract_en" -> s.summary().get("en");
      case "abstract_fr" -> s.summary().get("fr");
      case "sdo" -> s.sdo();
      case "committee" -> s.committee();
      case "type" -> s.type() == null ? null : s.type().wire();
      case "status" -> s.status() == null ? null : s.status().wire();
      case "stage" -> s.stage();
      case "published" -> s.published();
      case "edition" -> s.edition();
      case "url" -> s.url();
      case "kind" -> s.kind() == null ? null : s.kind().wire();
      case "keywords" -> CsvReader.listCell(s.keywords());
      case "verticals" -> CsvReader.listCell(s.verticals());
      case "activities" -> CsvReader.listCell(s.activities());
      case "applications" -> CsvReader.listCell(s.applications());
      case "concerns" -> CsvReader.listCell(s.concerns());
      case "relations" ->
          CsvReader.listCell(
              s.relations().stream().map(r -> r.type().wire() + ":" + r.target()).toList());
      case "open_source" -> s.openSource() == null ? null : s.openSource() ? "yes" : "no";
      case "code_repository" -> s.codeRepository();
      default -> throw new IllegalStateException("no export for the CSV column " + column);
    };
  }

  private void row(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String v = cells.get(i);
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
