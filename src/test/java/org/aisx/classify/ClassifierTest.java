package org.aisx.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The word matching behind the evidence of suggestions. */
class ClassifierTest {
  @Test
  void conceptWordsMatchAsWholeWordsWithPluralsAndAcronymsOnlyInCapitals() {
    var p = Classifier.phrasePattern(List.of("Health", "medical device", "ITS", "hospital"));
    assertThat(p.matcher("AI for medical devices").find()).isTrue();
    assertThat(p.matcher("AI for medical-device makers").find()).isTrue();
    assertThat(p.matcher("Hospitals and clinics").find()).isTrue();
    assertThat(p.matcher("healthy eating").find()).isFalse();
    assertThat(p.matcher("Cooperative ITS services").find()).isTrue();
    assertThat(p.matcher("its own data").find()).isFalse();
  }

  @Test
  void aRecordIsCutIntoTitleSentencesAndKeywords() {
    var s =
        org.aisx.catalog.Standard.builder("X 1")
            .title(java.util.Map.of("en", "A title"))
            .summary(java.util.Map.of("en", "First sentence. Second one (with a note). 3 ends it."))
            .keywords(List.of("alpha", "beta"))
            .build();
    assertThat(Classifier.sentences(s))
        .containsExactly(
            "A title", "First sentence.", "Second one (with a note).", "3 ends it.", "alpha, beta");
  }
}
