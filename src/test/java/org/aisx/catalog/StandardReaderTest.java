package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

class StandardReaderTest {
  private final ObjectMapper json = Json.mapper();
  private final StandardReader reader = new StandardReader(Taxonomy.bundled(json));

  private JsonNode node(String text) throws Exception {
    return json.readTree(text);
  }

  @Test
  void readsAValidRecordAndStripsHtmlFromTexts() throws Exception {
    Standard s =
        reader.read(
            node(
                """
                {"identifier": "ISO/IEC 42001:2023", "sdo": "ISO/IEC", "type": "international-standard",
                 "status": "in-force", "published": "2023-12-18",
                 "title": {"en": "Information technology - Artificial intelligence - Management system"},
                 "abstract": {"en": "<p class=\\"MsoBodyText\\">This document specifies the requirements &amp; guidance.</p><p>Second.</p>"},
                 "concerns": ["management-systems"]}
                """));
    assertThat(s.id()).isEqualTo("iso-iec-42001-2023");
    assertThat(s.abstractIn("en"))
        .isEqualTo("This document specifies the requirements & guidance.\n\nSecond.");
    assertThat(s.concerns()).containsExactly("management-systems");
    assertThat(s.kind()).isEqualTo(Kind.STANDARD);
    assertThat(s.year()).isEqualTo(2023);
  }

  @Test
  void keepsTheLineBreaksAndListItemsOfAJsonTextAndMakesTitlesOneLine() throws Exception {
    Standard s =
        reader.read(
            node(
                """
                {"identifier": "X 1", "sdo": "X", "type": "other", "status": "draft",
                 "title": {"en": "A title\\r\\nwrapped  over lines"},
                 "abstract": {"en": "First line\\r\\nsecond line\\r\\n\\r\\n–\\talpha\\r\\n• beta\\r\\n"}}
                """));
    assertThat(s.titleIn("en")).isEqualTo("A title wrapped over lines");
    assertThat(s.abstractIn("en")).isEqualTo("First line\nsecond line\n\n• alpha\n• beta");
    // Clean text read again is left as it is (an export imported, a record edited).
    assertThat(reader.read(json.valueToTree(s))).isEqualTo(s);
  }

  /** A record a feed reader built is not cleaned again, only checked: the reader cleans. */
  @Test
  void aRecordBuiltInCodeMustHoldCleanText() {
    Standard clean =
        Standard.builder("X 1")
            .title(java.util.Map.of("en", "Title"))
            .summary(java.util.Map.of("en", "First line\nsecond line\n\n• alpha\n• beta"))
            .sdo("X")
            .type(PublicationType.OTHER)
            .status(Status.DRAFT)
            .build();
    assertThat(reader.read(clean).summary()).isEqualTo(clean.summary());

    Standard raw =
        clean.toBuilder()
            .title(java.util.Map.of("en", "Title\nover two lines"))
            .summary(java.util.Map.of("en", "<p>Not cleaned</p>"))
            .build();
    CatalogException.Invalid e =
        catchThrowableOfType(CatalogException.Invalid.class, () -> reader.read(raw));
    assertThat(e.problems())
        .extracting(Problem::field)
        .containsExactlyInAnyOrder("title.en", "abstract.en");
  }

  @Test
  void reportsEveryProblemWithItsField() throws Exception {
    CatalogException.Invalid e =
        catchThrowableOfType(
            CatalogException.Invalid.class,
            () ->
                reader.read(
                    node(
                        """
                        {"identifier": "X 1", "type": "standard", "status": "active",
                         "published": "2023-13-01", "url": "javascript:alert(1)",
                         "verticals": ["health", "mars"], "relations": [{"type": "supersedes", "target": "X 0"}],
                         "colour": "blue"}
                        """)));
    assertThat(e.problems())
        .extracting(Problem::field)
        .containsExactlyInAnyOrder(
            "colour",
            "title",
            "sdo",
            "type",
            "status",
            "published",
            "url",
            "verticals[1]",
            "relations[0].type");
    assertThat(e.problems()).contains(new Problem("title", "required"));
    assertThat(e.getMessage()).contains("X 1");
  }

  @Test
  void rejectsAnIdThatIsNotTheSlugOfTheIdentifier() throws Exception {
    CatalogException.Invalid e =
        catchThrowableOfType(
            CatalogException.Invalid.class,
            () ->
                reader.read(
                    node(
                        """
                        {"id": "something-else", "identifier": "RFC 9110", "title": {"en": "HTTP Semantics"},
                         "sdo": "IETF", "type": "other", "status": "in-force"}
                        """)));
    assertThat(e.problems())
        .containsExactly(new Problem("id", "must be the slug of the identifier: rfc-9110"));
  }

  @Test
  void rejectsANonObject() {
    CatalogException.Invalid e =
        catchThrowableOfType(
            CatalogException.Invalid.class, () -> reader.read(json.getNodeFactory().arrayNode()));
    assertThat(e.problems()).containsExactly(new Problem("record", "must be a JSON object"));
  }
}
