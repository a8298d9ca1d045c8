package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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

  @ParameterizedTest
  @ValueSource(strings = {"iec", "ieee", "itu-t", "iso", "w3c", "jis", "ecma"})
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
    List<String> actualLines = actual.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(actualLines).as(name + " mapped").isNotEmpty();
    assertThat(actualLines)
        .as(name + " mapped")
        .containsExactlyElementsOf(expected.lines().toList());
  }

  private static InputStream resource(String path) {
    InputStream in = RelatonMappingGoldenTest.class.getResourceAsStream(path);
    assertThat(in).as(path).isNotNull();
    return in;
  }
}
