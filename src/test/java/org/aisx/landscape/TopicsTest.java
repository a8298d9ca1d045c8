package org.aisx.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic clustering stops at a loop boundary when its thread is interrupted, as {@link
 * Topics#close} does on a stop, instead of finishing a pass that takes minutes at 186,000 records.
 */
class TopicsTest {
  @TempDir Path dir;

  @Test
  void anInterruptedComputationStopsInsteadOfFinishing() {
    try (App app = Fixtures.starter(dir)) {
      Thread.currentThread().interrupt();
      try {
        assertThatThrownBy(() -> app.topics().compute(Progress.SILENT))
            .isInstanceOf(CancellationException.class);
      } finally {
        Thread.interrupted();
      }
      // Not interrupted, the same computation runs to its end.
      assertThat(app.topics().compute(Progress.SILENT).topics()).isNotEmpty();
    }
  }

  @Test
  void eachLoopOfTheKMeansFitChecksForAStop() {
    float[][] points = {{1, 0}, {0, 1}, {0.7f, 0.7f}};
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> KMeans.fit(points, 2, 1, 10, 5))
          .isInstanceOf(CancellationException.class);
      assertThatThrownBy(() -> KMeans.assign(points, new float[][] {{1, 0}}))
          .isInstanceOf(CancellationException.class);
    } finally {
      Thread.interrupted();
    }
  }
}
