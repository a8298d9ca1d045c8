package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class PsychYamlTest {

  private final Load load = new Load(LoadSettings.builder().build());

  @ParameterizedTest
  @ValueSource(strings = {"iec.yaml", "ieee.yaml", "itu-t.yaml", "itu-t.yaml.gz"})
  void readsEveryFixtureDocumentItselfAndAgreesWithSnakeYaml(String fixture) throws IOException {
    try (InputStream in =
        Files.newInputStream(Path.of("src/test/resources/fixtures/relaton", fixture))) {
      PsychYamlEquivalence.Result r = PsychYamlEquivalence.compare(in);
      assertThat(r.documents()).isGreaterThan(5);
      assertThat(r.unsupported()).isEmpty();
      assertThat(r.fast()).isEqualTo(r.documents());
      assertThat(r.differences()).isEmpty();
    }
  }

  /** Constructs Psych emits, each read exactly as the reader's SnakeYAML path reads it. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: plain text\nb: 'single ''quoted'''\nc: \"double \\\"quoted\\\" \\u00e9\\x41\"\n",
        "title: a long plain title that\n  continues here\n\n  and after a blank line\nnext: x\n",
        "u: Cable\n  - Polypropylene Insulation\n",
        "q: 'folded   \n   single quoted\n\n   with a blank'\n",
        "q: \"trailing space kept by an escape\\ \n  next\"\n",
        "q: \"escaped\\\n  line break\"\n",
        "q: \"tab\\tand line\\nbreaks\\r\\n and \\\\ backslash \\/ slash \\L\\P\\N\\_\"\n",
        "l: |\n  line one\n    indented\n\n  three\n",
        "l: |-\n  stripped\n\n",
        "l: |+\n  kept\n\n\nm: 1\n",
        "- content: |2-\n\n     Direct reading\n    dose\n  language:\n  - en\n",
        "f: >\n  folded\n  text\n\n  para\n",
        "f: >-\n  folded\n  stripped\n",
        "e: []\ng: {}\nn:\nnum: 12\nneg: -3\nflt: 1.5\nt: true\nf: false\nnl: null\nv: v1.2.3\n",
        "i: 0\nj: -0\nk: 2147483647\nl: 2147483648\nm: -9223372036854775809\nn: 1234567890123456789012\n"
            + "o: 007\np: -12.5e3\nq: .5\nr: tru\ns: nul\nt: fals\nu: 1e5\nv: 12:30\n",
        "role:\n- type: publisher\n  description:\n  - content: committee\norg: x\n",
        "- - nested\n  - compact\n- - two\n",
        "-\n  a: 1\n- b\n-\n",
        "a:\n  b:\n    c: deep\n  d: shallow\n",
        "url: http://example.org/a:b\nkey with spaces: value\n'1993': quoted key is handed over\n",
      })
  void agreesWithSnakeYaml(String yaml) {
    // SnakeYAML as the reader runs it: YAML 1.1 escapes such as \\L rewritten first.
    Object expected = new RelatonReader("test").parseFully(new StringBuilder(yaml));
    Object actual;
    try {
      actual = PsychYaml.parse(lines("---\n" + yaml), load::loadFromString);
      // Again with remembered scalars, cold and then warm.
      PsychYaml.Scalars resolved = new PsychYaml.Scalars();
      assertThat(PsychYaml.parse(lines("---\n" + yaml), load::loadFromString, resolved))
          .isEqualTo(expected);
      assertThat(PsychYaml.parse(lines("---\n" + yaml), load::loadFromString, resolved))
          .isEqualTo(expected);
    } catch (PsychYaml.Unsupported handedOver) {
      // Only the quoted key case may be handed over; everything else must be read directly.
      assertThat(yaml).contains("'1993'");
      return;
    }
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: &x 1\nb: *x\n",
        "t: - a block entry where a value belongs\n",
        "a: !ruby/object:Foo 1\n",
        "# comment\na: 1\n",
        "a: 1 # comment\n",
        "a: [1, 2]\n",
        "a: {b: 1}\n",
        "a: 1\na: 2\n",
        "a: 1\n  b: 2\n",
        "? complex\n: key\n",
        "\ta: 1\n",
        "a: \"unterminated\n",
        "just a scalar\n",
        "<<: {}\n",
        "a: \"bad \\q escape\"\n",
      })
  void handsOverWhatItDoesNotHandle(String yaml) {
    assertThatThrownBy(() -> PsychYaml.parse(lines("---\n" + yaml), load::loadFromString))
        .isInstanceOf(PsychYaml.Unsupported.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "---\n", "---\n\n\n...\n"})
  void readsAnEmptyDocumentAsNull(String yaml) {
    assertThat(PsychYaml.parse(lines(yaml), load::loadFromString)).isNull();
  }

  @org.junit.jupiter.api.Test
  void theReaderFallsBackToSnakeYamlForOtherYamlAndGetsTheSameRecord() throws IOException {
    String plain =
        "---\nid: X1\ndocid:\n- id: IEEE 1\n  type: IEEE\n  primary: true\ntitle:\n- content: A title\n  type: main\n"
            + "date:\n- type: published\n  value: '2020'\n";
    String anchored =
        "---\nid: X1\ndocid:\n- id: IEEE 1\n  type: IEEE\n  primary: true\ntitle:\n- content: &t A title\n  type: main\n"
            + "date:\n- type: published\n  value: '2020'\n";
    RelatonReader reader = new RelatonReader("test");
    List<RelatonReader.Outcome> outcomes = new ArrayList<>();
    reader.read(stream(plain + anchored), outcomes::add);
    assertThat(reader.fallbacks()).isEqualTo(1);
    assertThat(outcomes).hasSize(2).allMatch(o -> o instanceof RelatonReader.Outcome.Mapped);
    assertThat(((RelatonReader.Outcome.Mapped) outcomes.get(1)).standard())
        .isEqualTo(((RelatonReader.Outcome.Mapped) outcomes.get(0)).standard());
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> lines(String yaml) {
    return new ArrayList<>(yaml.lines().toList());
  }
}
