package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 9: text that displays as something else, or that cannot be stored as it was
 * validated. A short field (identifier, body, committee, relation target, ...) is refused with a
 * message naming it; free text (title, abstract, keywords) is cleaned of it, abstracts keeping
 * their line breaks; and the stored record is the validated one.
 */
class LookAlikeTextTest {
  private final ObjectMapper json = Json.mapper();
  private final StandardReader reader = new StandardReader(Taxonomy.bundled(json));

  private ObjectNode record(String identifier) {
    ObjectNode n = json.createObjectNode();
    n.put("identifier", identifier);
    n.put("sdo", "IEEE");
    n.put("type", "international-standard");
    n.put("status", "in-force");
    n.putObject("title").put("en", "A title");
    return n;
  }

  private Problem onlyProblem(ObjectNode node) {
    CatalogException.Invalid e =
        catchThrowableOfType(CatalogException.Invalid.class, () -> reader.read(node));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  @Test
  void anIdentifierWithABidiOverrideIsRefusedNamingTheField() {
    // "IEEE 9000-2026" stored, shown right to left from the override: a look-alike.
    Problem p = onlyProblem(record("\u202e3202:10024 CEI/OSI\u202c IEEE 9000-2026"));
    assertThat(p.field()).isEqualTo("identifier");
    assertThat(p.problem()).contains("direction");
  }

  @Test
  void directionMarksIsolatesControlsNonCharactersAndLoneSurrogatesRefuseShortFields() {
    assertThat(onlyProblem(record("ISO/IEC\u200f 42001:2023")).field()).isEqualTo("identifier");
    assertThat(onlyProblem(record("ISO/IEC \u2066 42001:2023")).field()).isEqualTo("identifier");
    assertThat(onlyProblem(record("ISO/IEC 42001\u0000:2023")).problem()).contains("control");
    assertThat(onlyProblem(record("ISO/IEC 42001\u0085:2023")).problem()).contains("control");
    assertThat(onlyProblem(record("ISO/IEC 42001:2023\ufffe")).problem())
        .contains("non-characters");
    assertThat(onlyProblem(record("ISO/IEC 42001:2023\ud800")).problem())
        .contains("non-characters");
    assertThat(onlyProblem(record("ISO/IEC 42001:2023\udc00 x")).field()).isEqualTo("identifier");
    ObjectNode committee = record("IEEE 9000-2026");
    committee.put("committee", "JTC 1/SC 42\u202e");
    assertThat(onlyProblem(committee).field()).isEqualTo("committee");
    ObjectNode relation = record("IEEE 9000-2026");
    relation
        .putArray("relations")
        .addObject()
        .put("type", "replaces")
        .put("target", "ISO/IEC\u2067 42001:2023");
    assertThat(onlyProblem(relation).field()).startsWith("relations");
    ObjectNode sdo = record("IEEE 9000-2026");
    sdo.put("sdo", "IEEE\u200e");
    assertThat(onlyProblem(sdo).field()).isEqualTo("sdo");
  }

  @Test
  void anIdentifierWithAnAstralCharacterIsKept() {
    assertThat(reader.read(record("IEEE 9000-2026 \ud83d\ude00")).identifier())
        .isEqualTo("IEEE 9000-2026 \ud83d\ude00");
  }

  @Test
  void freeTextIsCleanedOfThemAndAbstractsKeepTheirLineBreaks() {
    ObjectNode n = record("IEEE 9000-2026");
    n.putObject("title")
        .put("en", "Safe\u202e AI\u0000 \u0091agents\u0092\ufdd0\ud800\udbff\udfff");
    n.putObject("abstract")
        .put("en", "First\u2066 line\u2069\u0001\nSecond\tline \u200fمرحبا\u200f\n\nThird\udc00.");
    n.putArray("keywords").add("agen\u202dts\u0000").add("\ufffftools").add("\u202a");
    Standard s = reader.read(n);
    assertThat(s.titleIn("en")).isEqualTo("Safe AI \u2018agents\u2019");
    assertThat(s.abstractIn("en")).isEqualTo("First line\nSecond line \u200fمرحبا\u200f\n\nThird.");
    assertThat(s.keywords()).containsExactly("agents", "tools");
    // What was cleaned is clean: read again, it is the same record.
    assertThat(reader.read(json.valueToTree(s))).isEqualTo(s);
  }

  @Test
  void theStoredRecordIsTheValidatedOne(@TempDir Path dir) throws Exception {
    ObjectNode n = record("IEEE 9000-2026");
    n.putObject("title").put("en", "Lone \ud800surrogate \udfff and \uffff non-character");
    n.putArray("keywords").add("k\ud834");
    Standard validated = reader.read(n);
    try (App app = Fixtures.empty(dir)) {
      app.catalog().save(validated, "test", "test", null);
      Standard stored = app.catalog().get(validated.id());
      assertThat(stored.title()).isEqualTo(validated.title());
      assertThat(stored.keywords()).isEqualTo(validated.keywords()).containsExactly("k");
      assertThat(stored.titleIn("en")).isEqualTo("Lone surrogate and non-character");
    }
  }
}
