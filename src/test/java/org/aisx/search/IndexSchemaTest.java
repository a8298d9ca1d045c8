package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aisx.catalog.Standard;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;

/** What the index holds of a record's texts, per language. */
class IndexSchemaTest {
  private static Document document(Map<String, String> title, Map<String, String> summary)
      throws Exception {
    Standard s = Standard.builder("ISO 99999").title(title).summary(summary).sdo("ISO").build();
    return new IndexSchema().document(s, Map.of(), new byte[0], null);
  }

  /**
   * The ISO feed gives a record's English title and abstract again as its French ones where it has
   * no translation: such a record is English-only, and its English words are not read by the French
   * analyzer (whose stemmer makes "a)" of a list the "a" of "aaaaa").
   */
  @Test
  void englishTextRepeatedAsAnotherLanguageIsIndexedUnderEnglishOnly() throws Exception {
    String title = "Robotics - Industrial mobile robots - Communications and interoperability";
    String summary = "This document specifies: a) the interfaces; b) the messages.";
    Document repeated =
        document(Map.of("en", title, "fr", title), Map.of("en", summary, "fr", " " + summary));
    assertThat(repeated.getFields(IndexFields.title("en"))).hasSize(1);
    assertThat(repeated.getFields(IndexFields.summary("en"))).hasSize(1);
    assertThat(repeated.getFields(IndexFields.title("fr"))).isEmpty();
    assertThat(repeated.getFields(IndexFields.summary("fr"))).isEmpty();
    // The words as written once, not once per language slot.
    assertThat(repeated.getFields(IndexFields.TITLE_WORDS)).hasSize(1);
    assertThat(repeated.getFields(IndexFields.TEXT_WORDS)).hasSize(1);

    Document translated =
        document(
            Map.of("en", title, "fr", "Robotique - Robots mobiles industriels"),
            Map.of("en", summary));
    assertThat(translated.getFields(IndexFields.title("fr"))).hasSize(1);
    assertThat(translated.getFields(IndexFields.title("en"))).hasSize(1);
  }
}
