package org.aisx.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.aisx.taxonomy.Dimension;
import org.junit.jupiter.api.Test;

class ConceptModelWriterTest {
  /** Out-of-fold counts for every dimension at one threshold: shown pairs, right ones, gold. */
  private static void at(ConceptModelWriter.Sweep sweep, double t, int right, int shown, int gold) {
    for (Dimension d : Dimension.values()) {
      sweep.add(t, d, new ClassificationEvaluation.Counts(right, shown, gold));
    }
  }

  @Test
  void recordsTheTierTakesGetTheBestBalanceAmongThresholdsThatReachThePrecisionBar() {
    ConceptModelWriter.Sweep taken = new ConceptModelWriter.Sweep();
    at(taken, 0.15, 825, 1000, 1000); // P 0.825, R 0.825: the better balance, under the bar
    at(taken, 0.25, 856, 1000, 1070); // P 0.856, R 0.800
    at(taken, 0.5, 900, 1000, 1250); // P 0.900, R 0.720
    ConceptModelWriter.Sweep leftOut = new ConceptModelWriter.Sweep();

    ConceptModel.Thresholds chosen = ConceptModelWriter.thresholds(taken, leftOut);

    assertThat(chosen.of(Dimension.ACTIVITY, false)).isEqualTo(0.25);
  }

  @Test
  void whereNoThresholdReachesThePrecisionBarTheMostPreciseIsTaken() {
    ConceptModelWriter.Sweep taken = new ConceptModelWriter.Sweep();
    at(taken, 0.15, 700, 1000, 800);
    at(taken, 0.5, 800, 1000, 1000);
    at(taken, 0.7, 780, 1000, 1200);
    ConceptModelWriter.Sweep leftOut = new ConceptModelWriter.Sweep();

    assertThat(ConceptModelWriter.thresholds(taken, leftOut).of(Dimension.CONCERN, false))
        .isEqualTo(0.5);
  }

  @Test
  void recordsTheTierLeavesOutGetTheLowestThresholdReachingTheBarOrNone() {
    ConceptModelWriter.Sweep taken = new ConceptModelWriter.Sweep();
    at(taken, 0.15, 90, 100, 100);
    ConceptModelWriter.Sweep leftOut = new ConceptModelWriter.Sweep();
    at(leftOut, 0.15, 60, 100, 100);
    at(leftOut, 0.7, 9, 9, 100); // precise, but over fewer than ten shown pairs
    at(leftOut, 0.8, 43, 50, 100);
    at(leftOut, 0.9, 40, 40, 100);

    assertThat(ConceptModelWriter.thresholds(taken, leftOut).of(Dimension.VERTICAL, true))
        .isEqualTo(0.8);

    ConceptModelWriter.Sweep imprecise = new ConceptModelWriter.Sweep();
    at(imprecise, 0.9, 40, 100, 100);
    assertThat(ConceptModelWriter.thresholds(taken, imprecise).of(Dimension.VERTICAL, true))
        .isNull();
  }
}
