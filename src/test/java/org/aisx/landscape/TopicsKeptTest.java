package org.aisx.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topics computed over a wholly embedded catalogue are kept in the data directory: a restart of
 * the same catalogue serves them at once and computes nothing; after a write, or from a file that
 * cannot be read, it computes them again.
 */
class TopicsKeptTest {
  @TempDir Path dir;

  @Test
  void aRestartServesTheKeptTopicsUntilTheCatalogueChanges() throws Exception {
    Topics.Snapshot first;
    try (App app = Fixtures.classifiedStarter(dir)) {
      app.startTopics(Progress.SILENT);
      first = await(app);
      assertThat(first.withoutVector()).isZero();
      assertThat(first.topics()).hasSizeGreaterThan(1);
    }
    assertThat(dir.resolve("topics.json")).isRegularFile();
    try (App app = Fixtures.empty(dir)) {
      app.startTopics(Progress.SILENT);
      assertThat(app.topics().pending()).isFalse();
      assertThat(app.topics().current()).contains(first);
      Standard stored = app.catalog().get(first.topics().get(0).members().get(0).id());
      app.catalog()
          .save(
              stored.toBuilder()
                  .summary(Map.of("en", "Noise of wind turbines near homes."))
                  .build(),
              "test",
              "test",
              stored.revision());
    }
    try (App app = Fixtures.empty(dir)) {
      app.startTopics(Progress.SILENT);
      assertThat(app.topics().pending()).isTrue();
    }
  }

  @Test
  void aKeptFileThatCannotBeReadIsComputedAgain() throws Exception {
    try (App app = Fixtures.classifiedStarter(dir)) {
      Files.writeString(dir.resolve("topics.json"), "{\"storeMark\": ");
      app.startTopics(Progress.SILENT);
      assertThat(await(app).topics()).hasSizeGreaterThan(1);
    }
  }

  static Topics.Snapshot await(App app) throws InterruptedException {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (app.topics().current().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return app.topics().current().orElseThrow();
  }
}
