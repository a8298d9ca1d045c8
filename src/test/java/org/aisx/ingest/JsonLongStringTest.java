package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Json;
import org.aisx.catalog.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 11: a JSON feed record holding a string over Jackson's 20,000,000-character limit
 * is rejected alone and the rest of the feed is imported. The feed is generated while it is read,
 * so the test holds no such string in memory, and neither may the import.
 */
class JsonLongStringTest {
  private final ObjectMapper json = Json.mapper();

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code n} bytes of {@code c}, generated as they are read. */
  private static InputStream repeated(byte c, long n) {
    return new InputStream() {
      private long left = n;

      @Override
      public int read() {
        if (left == 0) {
          return -1;
        }
        left--;
        return c;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left == 0) {
          return -1;
        }
        int k = (int) Math.min(len, left);
        java.util.Arrays.fill(b, off, off + k, c);
        left -= k;
        return k;
      }
    };
  }

  private static String record(String identifier) {
    return "{\"identifier\": \""
        + identifier
        + "\", \"sdo\": \"ISO/IEC\", \"type\": \"international-standard\", \"status\": \"in-force\","
        + " \"title\": {\"en\": \"Title of "
        + identifier
        + "\"}}";
  }

  private static InputStream feedWithLongString(long length) {
    return new SequenceInputStream(
        Collections.enumeration(
            List.of(
                bytes("{\"format\": \"aisx-json\", \"version\": 1, \"records\": [\n"),
                bytes(record("ISO/IEC 42001:2023") + ",\n"),
                bytes(
                    "{\"identifier\": \"ISO/IEC 99999:2099\", \"sdo\": \"ISO/IEC\","
                        + " \"title\": {\"en\": \"Huge\"}, \"abstract\": {\"en\": \""),
                repeated((byte) 'a', length),
                bytes("\"}},\n"),
                bytes(record("ISO/IEC 22989:2022") + "\n]}\n"))));
  }

  @Test
  void aRecordWithAStringOverJacksonsLimitIsRejectedAloneAndTheRestImported(@TempDir Path dir)
      throws Exception {
    try (App app = Fixtures.empty(dir)) {
      ImportSummary summary = new ImportSummary();
      app.importer()
          .importStream(
              Importer.Format.JSON,
              feedWithLongString(20_000_001L),
              "long.json",
              "test",
              summary,
              Progress.SILENT);
      assertThat(summary.rejections())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.where()).isEqualTo("record 2 (line 3)");
                assertThat(r.reason()).contains("string longer than");
              });
      assertThat(summary.createdCount()).isEqualTo(2);
      assertThat(app.catalog().find("iso-iec-42001-2023")).isPresent();
      assertThat(app.catalog().find("iso-iec-22989-2022")).isPresent();
      assertThat(app.catalog().find("iso-iec-99999-2099")).isEmpty();
    }
  }

  private List<String> read(JsonFormat format, String document, List<String> refused)
      throws IOException {
    List<String> ids = new ArrayList<>();
    format.read(
        bytes(document),
        raw -> ids.add(raw.node().get("identifier").asText()),
        r -> refused.add(r.number() + ":" + r.reason()));
    return ids;
  }

  @Test
  void aLowerLimitCutsAtCharactersAndEscapesAndOnlyItsRecordIsRefused() throws Exception {
    // A limit of 12 bytes, the cut falling after an escape, a \\u escape and a two-byte character.
    JsonFormat format = new JsonFormat(json, 12);
    List<String> refused = new ArrayList<>();
    List<String> ids =
        read(
            format,
            "[{\"identifier\": \"A1\", \"k\": \"12345678901\\\\\\\"x\\\"y\"},\n"
                + " {\"identifier\": \"B2\", \"k\": \"12345678901\\u00e9\\u00e9zz\"},\n"
                + " {\"identifier\": \"C3\", \"k\": \"12345678901éé\"},\n"
                + " {\"identifier\": \"D4\", \"k\": \"123456789012\"},\n"
                + " {\"identifier\": \"E5\", \"k\": \"é\\\"\"}]",
            refused);
    assertThat(ids).containsExactly("D4", "E5");
    assertThat(refused).hasSize(3).allMatch(r -> r.contains("longer than 12 bytes"));
    assertThat(refused).extracting(r -> r.substring(0, 2)).containsExactly("1:", "2:", "3:");
  }

  @Test
  void theReaderWithoutARefusalSinkStopsNamingTheRecord() {
    JsonFormat format = new JsonFormat(json, 12);
    assertThatThrownBy(
            () -> format.read(bytes("[{\"identifier\": \"ABCDEFGHIJKLMNOP\"}]"), raw -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("record 1 (line 1)")
        .hasMessageContaining("longer than 12 bytes");
  }
}
