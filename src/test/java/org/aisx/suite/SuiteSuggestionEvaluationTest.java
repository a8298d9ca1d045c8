package org.aisx.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.aisx.App;
import org.aisx.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suggested suites keep the quality measured on the described systems ({@code docs/suites.md}):
 * the figures measured on 2026-12-04 minus a margin of about one system's worth of picks.
 */
class SuiteSuggestionEvaluationTest {
  /** Measured: see docs/suites.md. */
  static final double STRICT_PRECISION = 0.75 - 0.07;

  static final double LENIENT_PRECISION = 0.95 - 0.05;
  static final double COVERAGE = 0.82 - 0.10;

  @TempDir Path dir;

  @Test
  void suggestedSuitesKeepTheirMeasuredPrecisionAndConcernCoverage() throws Exception {
    try (App app = Fixtures.classifiedStarter(dir)) {
      SuiteSuggestionEvaluation.Figures f = SuiteSuggestionEvaluation.judge(app);
      assertThat((double) f.strict() / f.picks())
          .as(f.summary())
          .isGreaterThanOrEqualTo(STRICT_PRECISION);
      assertThat((double) f.lenient() / f.picks())
          .as(f.summary())
          .isGreaterThanOrEqualTo(LENIENT_PRECISION);
      assertThat((double) f.covered() / f.needed())
          .as(f.summary())
          .isGreaterThanOrEqualTo(COVERAGE);
    }
  }
}
