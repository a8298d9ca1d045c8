package org.aisx.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.taxonomy.Dimension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the classifier on the labelled sample and checks what the figures in BENCHMARKS.md say. */
class ClassificationEvaluationTest {
  @TempDir Path dir;

  @Test
  void suggestionsAreMostlyRightAndConfirmedLabelsMakeThemMoreSo() throws Exception {
    try (App app = Fixtures.starter(dir)) {
      List<ClassificationEvaluation.Case> cases =
          ClassificationEvaluation.cases(app, ClassificationEvaluation.sample());
      assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
      Classifier shipped = new Classifier(app.taxonomy(), app.embedder());
      ClassificationEvaluation.Counts zeroShot =
          total(ClassificationEvaluation.measure(shipped, cases, Examples.NONE));
      assertThat(zeroShot.precision()).isGreaterThan(0.6);
      assertThat(zeroShot.recall()).isGreaterThan(0.4);
      ClassificationEvaluation.Counts learned =
          total(ClassificationEvaluation.withExamples(shipped, cases));
      assertThat(learned.precision()).isGreaterThan(zeroShot.precision());
      assertThat(learned.f1()).isGreaterThanOrEqualTo(zeroShot.f1());
    }
  }

  private static ClassificationEvaluation.Counts total(
      Map<Dimension, ClassificationEvaluation.Counts> counts) {
    return counts.values().stream()
        .reduce(
            new ClassificationEvaluation.Counts(0, 0, 0), ClassificationEvaluation.Counts::plus);
  }
}
