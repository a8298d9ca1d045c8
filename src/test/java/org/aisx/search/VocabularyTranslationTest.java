package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Translation by vocabulary over entries made for each case. */
class VocabularyTranslationTest {
  private static QueryTranslation.Entry entry(
      String id, String english, Map<String, List<String>> labels) {
    return new QueryTranslation.Entry(id, labels, List.of(english));
  }

  private static List<String> shown(QueryTranslation t, String q) {
    return t.translate(q).stream().map(QueryTranslation.Translation::shown).toList();
  }

  /**
   * A label written with its abbreviation in brackets is known by its words alone and by its
   * abbreviation alone, in every language, as well as written.
   */
  @Test
  void aLabelWithItsAbbreviationInBracketsIsKnownWithoutItAndByTheAbbreviation() {
    QueryTranslation t =
        VocabularyTranslation.of(
            List.of(
                entry(
                    "machine-reasoning",
                    "machine reasoning",
                    Map.of(
                        "en", List.of("Machine reasoning (MR)"),
                        "fr", List.of("raisonnement automatique (RA)"),
                        "es", List.of("razonamiento automático (RA)"),
                        "ru", List.of("машинное рассуждение (МР)"),
                        "zh", List.of("机器推理 (MR)"),
                        "ar", List.of("الاستدلال الآلي (ا.آ)")))));

    for (String q :
        List.of(
            "raisonnement automatique",
            "razonamiento automático",
            "машинное рассуждение",
            "机器推理",
            "الاستدلال الآلي",
            "raisonnement automatique (RA)",
            "RA",
            "МР")) {
      assertThat(shown(t, q)).as(q).containsExactly("machine reasoning");
    }
    // English is not translated, whichever form it is typed in.
    assertThat(shown(t, "machine reasoning")).isEmpty();
    assertThat(shown(t, "MR")).isEmpty();
  }

  /** An abbreviation of two meanings, or that is another entry's label, is no label by itself. */
  @Test
  void anAmbiguousAbbreviationIsNotALabelOfItsOwn() {
    QueryTranslation t =
        VocabularyTranslation.of(
            List.of(
                entry(
                    "reasoning",
                    "machine reasoning",
                    Map.of("fr", List.of("raisonnement automatique (RA)"))),
                entry(
                    "augmented",
                    "augmented reality",
                    Map.of("fr", List.of("réalité augmentée (RA)"))),
                entry(
                    "vision",
                    "computer vision",
                    Map.of("fr", List.of("vision par ordinateur (VPO)"))),
                entry("vpo", "virtual private office", Map.of("fr", List.of("VPO")))));

    assertThat(shown(t, "RA")).isEmpty();
    assertThat(shown(t, "réalité augmentée")).containsExactly("augmented reality");
    assertThat(shown(t, "raisonnement automatique")).containsExactly("machine reasoning");
    assertThat(shown(t, "VPO")).containsExactly("virtual private office");
    assertThat(shown(t, "vision par ordinateur")).containsExactly("computer vision");
  }
}
