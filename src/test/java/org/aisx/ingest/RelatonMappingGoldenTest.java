package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.aisx.catalog.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every record of every Relaton fixture, mapped, compared as JSON with what the mapping gave when
 * the golden files were written ({@code fixtures/relaton/mapped/NAME.jsonl}, one outcome per line,
 * as {@link RelatonMappingDigest} writes them). It catches any change of output, to any field, of
 * any body: a refactoring of {@link RelatonMapper} or of a {@link BodyRules} class must leave the
 * files as they are. A change meant to alter the mapping rewrites them, and the diff of the golden
 * files shows what it altered:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.aisx.ingest.RelatonMappingDigest \
 *     --out src/test/resources/fixtures/relaton/mapped src/test/resources/fixtures/relaton/*.yaml
 * </pre>
 */
class RelatonMappingGoldenTest {
  private static final String DIR = "/fixtures/relaton/";
  private static final ObjectMapper JSON = Json.mapper();

  @ParameterizedTest
  @ValueSource(strings = {"iec", "ieee", "itu-t", "iso", "iso-drafts", "w3c", "jis", "ecma"})
  void mappingOfEveryFixtureRecordIsUnchanged(String name) throws IOException {
    String source = RelatonMappingDigest.sourceName(Path.of(name + ".yaml"));
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    try (InputStream in = resource(DIR + name + ".yaml")) {
      RelatonMappingDigest.digest(source, in, actual);
    }
    String expected;
    try (InputStream in = resource(DIR + "mapped/" + name + ".jsonl")) {
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> expectedLines = expected.lines().toList();
    List<String> actualLines = actual.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(actualLines).as(name + " mapped").isNotEmpty().hasSameSizeAs(expectedLines);
    for (int i = 0; i < actualLines.size(); i++) {
      String line = actualLines.get(i);
      if (!line.equals(expectedLines.get(i))) {
        JsonNode want = JSON.readTree(expectedLines.get(i));
        assertThat(withoutNewEmptyFields(JSON.readTree(line), want))
            .as("%s mapped, line %d", name, i + 1)
            .isEqualTo(want);
      }
    }
  }

  /**
   * {@code actual} without the record fields that {@code golden} lacks and that hold nothing (null,
   * empty list or object): a field added to the record since the golden files were written, which
   * the mapping does not fill, is no change of the mapping. Anything it does fill still differs.
   */
  private static JsonNode withoutNewEmptyFields(JsonNode actual, JsonNode golden) {
    JsonNode record = actual.get("standard");
    JsonNode goldenRecord = golden.get("standard");
    if (record instanceof ObjectNode fields && goldenRecord != null) {
      List<String> added = new java.util.ArrayList<>();
      fields
          .fieldNames()
          .forEachRemaining(
              f -> {
                JsonNode v = fields.get(f);
                if (!goldenRecord.has(f) && (v.isNull() || (v.isContainerNode() && v.isEmpty()))) {
                  added.add(f);
                }
              });
      fields.remove(added);
    }
    return actual;
  }

  private static InputStream resource(String path) {
    InputStream in = RelatonMappingGoldenTest.class.getResourceAsStream(path);
    assertThat(in).as(path).isNotNull();
    return in;
  }
}
