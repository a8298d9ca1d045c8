package org.aisx.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.aisx.App;
import org.aisx.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarityFloorEvaluationTest {
  @TempDir Path dir;

  @Test
  void theFloorInUseFollowsTheRuleAndKeepsMostJudgedMatches() throws Exception {
    try (App app = Fixtures.starter(dir)) {
      SimilarityFloorEvaluation.Figures f = SimilarityFloorEvaluation.evaluate(app);
      System.out.println(SimilarityFloorEvaluation.report(f));
      assertThat(f.floor()).isGreaterThan(0);
    }
  }
}
