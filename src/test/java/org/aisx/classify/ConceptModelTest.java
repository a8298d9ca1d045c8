package org.aisx.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.aisx.catalog.Standard;
import org.aisx.semantic.Embedder;
import org.aisx.taxonomy.Dimension;
import org.junit.jupiter.api.Test;

class ConceptModelTest {
  private static final Standard RECORD =
      Standard.builder("X 1")
          .sdo("ITU-T")
          .title(Map.of("en", "Speech recognition in networks"))
          .summary(Map.of("en", "Networks recognise speech."))
          .build();

  /** A model that knows one concept, weighing the word "speech" and the first pair feature. */
  private static ConceptModel model() {
    float[] pair = new float[ConceptModel.PAIR];
    pair[0] = 2;
    float[] words = {3, 0};
    return new ConceptModel(
        Map.of("speech", 0, "unused", 1),
        new float[] {1, 1},
        Map.of(
            "application/speech-recognition",
            new ConceptModel.Weights(-1, pair, new float[Embedder.DIMENSIONS], words)),
        new ConceptModel.Thresholds(
            Map.of(Dimension.APPLICATION, 0.3), Map.of(Dimension.APPLICATION, 0.9)),
        "test");
  }

  @Test
  void termsAreWordsWordPairsAndTheBody() {
    assertThat(ConceptModel.terms(RECORD))
        .contains("speech", "recognition", "network", "speech_recognition", "sdo:ITU-T")
        .doesNotContain("networks", "in_network_x");
  }

  @Test
  void aProbabilityAtTheThresholdReadsAsConfident() {
    ConceptModel m = model();
    ConceptModel.Words words = m.words(RECORD);
    double[] pair = new double[ConceptModel.PAIR];
    float[] vector = new float[Embedder.DIMENSIONS];
    double p = m.probability(Dimension.APPLICATION, "speech-recognition", pair, vector, words);
    // One vocabulary word present: unit-length tf-idf 1, weight 3, bias -1.
    assertThat(p).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-6));
    ConceptModel atThreshold =
        m.withThresholds(ConceptModel.Thresholds.same(Map.of(Dimension.APPLICATION, p)));
    assertThat(
            atThreshold.score(
                Dimension.APPLICATION, "speech-recognition", pair, vector, words, false))
        .isCloseTo(Classifier.CONFIDENT, within(1e-9));
    assertThat(m.score(Dimension.APPLICATION, "speech-recognition", pair, vector, words, false))
        .isGreaterThan(Classifier.CONFIDENT);
    assertThat(m.probability(Dimension.APPLICATION, "edge-ai", pair, vector, words)).isZero();
    assertThat(m.knows(Dimension.APPLICATION, "edge-ai")).isFalse();
  }

  @Test
  void recordsTheAiTierLeavesOutAreReadAtTheirOwnThresholdsAndShownNothingWithoutOne() {
    ConceptModel m = model();
    ConceptModel.Words words = m.words(RECORD);
    double[] pair = new double[ConceptModel.PAIR];
    float[] vector = new float[Embedder.DIMENSIONS];
    // p = 0.88: above the taken records' 0.3, below the left-out records' 0.9.
    assertThat(m.score(Dimension.APPLICATION, "speech-recognition", pair, vector, words, false))
        .isGreaterThan(Classifier.CONFIDENT);
    assertThat(m.score(Dimension.APPLICATION, "speech-recognition", pair, vector, words, true))
        .isLessThan(Classifier.CONFIDENT);
    assertThat(m.shows(Dimension.APPLICATION, true)).isTrue();
    assertThat(m.shows(Dimension.VERTICAL, true)).isFalse();
    assertThat(m.shows(Dimension.VERTICAL, false)).isTrue();
    assertThat(ConceptModel.NONE.shows(Dimension.VERTICAL, true)).isTrue();
  }

  @Test
  void aWrittenModelReadsBackWithTheSameProbabilities() throws Exception {
    ConceptModel m = model();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    m.write(bytes);
    ConceptModel back = ConceptModel.read(bytes.toByteArray());
    double[] pair = new double[ConceptModel.PAIR];
    pair[0] = 0.5;
    float[] vector = new float[Embedder.DIMENSIONS];
    for (boolean leftOut : new boolean[] {false, true}) {
      assertThat(
              back.score(
                  Dimension.APPLICATION,
                  "speech-recognition",
                  pair,
                  vector,
                  back.words(RECORD),
                  leftOut))
          .isEqualTo(
              m.score(
                  Dimension.APPLICATION,
                  "speech-recognition",
                  pair,
                  vector,
                  m.words(RECORD),
                  leftOut));
    }
    assertThat(back.shows(Dimension.VERTICAL, true)).isFalse();
    assertThat(back.vocabularySize()).isEqualTo(2);
    assertThat(back.fingerprint()).hasSize(12).isEqualTo(ConceptModel.hash(bytes.toByteArray()));
  }

  @Test
  void aModelWrittenInAnotherFormatIsRefusedNamingIt() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.io.DataOutputStream out =
        new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(bytes))) {
      out.writeUTF("AISXCM1");
      out.writeUTF(Embedder.MODEL);
    }
    assertThatThrownBy(() -> ConceptModel.read(bytes.toByteArray()))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("'AISXCM1'")
        .hasMessageContaining("ConceptModelWriter");
  }

  @Test
  void theShippedModelKnowsTheCommonConcepts() {
    ConceptModel shipped = ConceptModel.bundled();
    assertThat(shipped).isNotSameAs(ConceptModel.NONE);
    assertThat(shipped.knows(Dimension.VERTICAL, "telecommunications")).isTrue();
    assertThat(shipped.knows(Dimension.CONCERN, "testing-conformity")).isTrue();
    assertThat(shipped.vocabularySize()).isGreaterThan(1000);
  }
}
