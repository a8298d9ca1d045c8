package org.aisx.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.taxonomy.Dimension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suggested suites keep the quality measured on the described systems ({@code docs/suites.md}):
 * the figures measured on 2026-12-05, with the learned concern classification, minus a margin of
 * about one system's worth of picks.
 */
class SuiteSuggestionEvaluationTest {
  /** Measured: see docs/suites.md. */
  static final double STRICT_PRECISION = 0.71 - 0.07;

  /**
   * Measured 0.90 on the tuning set and 0.88 on the unseen one. The lenient reading looks at the
   * group's concern only, so it counted right the other sectors' work (medical datasets for a bank)
   * that the suggester has left out since session 26.
   */
  static final double LENIENT_PRECISION = 0.88 - 0.05;

  static final double COVERAGE = 0.94 - 0.10;

  @TempDir Path dir;

  /** Measured on the unseen set (0.73 strict, 0.88 lenient, 0.91 coverage), less the margins. */
  static final double UNSEEN_STRICT_PRECISION = 0.73 - 0.07;

  static final double UNSEEN_COVERAGE = 0.91 - 0.10;

  @Test
  void suggestedSuitesKeepTheirMeasuredPrecisionAndConcernCoverage() throws Exception {
    try (App app = Fixtures.classifiedStarter(dir)) {
      check(
          SuiteSuggestionEvaluation.judge(app, SuiteSuggestionEvaluation.TUNING),
          STRICT_PRECISION,
          COVERAGE);
      // A guard against regressions only: nothing is tuned on this set (docs/suites.md).
      check(
          SuiteSuggestionEvaluation.judge(app, SuiteSuggestionEvaluation.UNSEEN),
          UNSEEN_STRICT_PRECISION,
          UNSEEN_COVERAGE);
    }
  }

  @Test
  void aSuiteForANamedSectorProposesNoOtherSectorsWork() throws Exception {
    try (App app = Fixtures.classifiedStarter(dir)) {
      SuiteSuggester.Proposal p =
          app.suiteSuggester()
              .suggest(
                  new SuiteSuggester.Ask(
                      "customer-service chatbot for a retail bank", List.of("finance"), List.of()));

      assertThat(p.picks()).hasSizeGreaterThan(10);
      for (SuiteSuggester.Pick pick : p.picks()) {
        assertThat(
                pick.concepts().stream()
                    .filter(c -> app.taxonomy().contains(Dimension.VERTICAL, c)))
            .as("%s in %s", pick.record().identifier(), pick.group())
            .allMatch(v -> v.equals("finance") || v.equals("cross-sector"));
      }
    }
  }

  private static void check(SuiteSuggestionEvaluation.Figures f, double strict, double coverage) {
    assertThat((double) f.strict() / f.picks()).as(f.summary()).isGreaterThanOrEqualTo(strict);
    assertThat((double) f.lenient() / f.picks())
        .as(f.summary())
        .isGreaterThanOrEqualTo(LENIENT_PRECISION);
    assertThat((double) f.covered() / f.needed()).as(f.summary()).isGreaterThanOrEqualTo(coverage);
  }
}
