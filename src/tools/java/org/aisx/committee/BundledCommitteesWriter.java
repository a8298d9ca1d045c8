package org.aisx.committee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.aisx.catalog.Json;

/**
 * Build tool (not in the jar): writes the register of committees the jar bundles ({@link
 * Committees#BUNDLED}) from ISO Open Data's committees list (ODC-By 1.0). The lines stay in ISO's
 * format, for the import to read them as it reads the list itself, without the member lists ({@link
 * #DROPPED}: 59 % of the file, and nothing the register keeps), gzipped. Run after a new list is
 * published:
 *
 * <pre>
 * BundledCommitteesWriter ../shared/data/iso-open-data/iso_technical_committees.jsonl src/main/resources/committees/iso-committees.jsonl.gz
 * </pre>
 */
public final class BundledCommitteesWriter {
  /** The fields of ISO's list that the register does not keep. */
  static final List<String> DROPPED = List.of("pMembers", "oMembers");

  private BundledCommitteesWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BundledCommitteesWriter iso_technical_committees.jsonl OUT.gz");
      System.exit(2);
    }
    ObjectMapper json = Json.mapper();
    int lines = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        OutputStream file = Files.newOutputStream(Path.of(args[1]));
        Writer out =
            new OutputStreamWriter(new GZIPOutputStream(file, 1 << 16), StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = json.readTree(line);
        if (node instanceof ObjectNode o) {
          DROPPED.forEach(o::remove);
        }
        out.write(json.writeValueAsString(node));
        out.write('\n');
        lines++;
      }
    }
    System.err.println(lines + " committees written to " + args[1]);
  }
}
