package org.aisx.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topics computed over a wholly embedded catalogue are kept in the store (migration V16): a
 * restart of the same catalogue serves them at once and computes nothing; after a write, or from a
 * kept computation that cannot be read, it computes them again.
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
      assertThat(app.topics().computations()).isEqualTo(1);
    }
    assertThat(keptVersion()).isEqualTo(1);
    try (App app = Fixtures.empty(dir)) {
      app.startTopics(Progress.SILENT);
      assertThat(app.topics().pending()).isFalse();
      assertThat(app.topics().current()).contains(first);
      assertThat(app.topics().computations()).isZero();
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
      assertThat(app.topics().current())
          .as("the last computation is served while the next one runs")
          .contains(first);
    }
  }

  @Test
  void aKeptComputationThatCannotBeReadIsComputedAgain() throws Exception {
    try (App app = Fixtures.classifiedStarter(dir)) {
      app.startTopics(Progress.SILENT);
      await(app);
    }
    try (Connection c = store()) {
      c.createStatement().executeUpdate("UPDATE topic_snapshot SET snapshot = X'1f8b0800'");
    }
    try (App app = Fixtures.empty(dir)) {
      app.startTopics(Progress.SILENT);
      assertThat(app.topics().current()).isEmpty();
      assertThat(await(app).topics()).hasSizeGreaterThan(1);
      assertThat(app.topics().computations()).isEqualTo(1);
    }
    assertThat(keptVersion()).isEqualTo(2);
  }

  private Connection store() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + dir.resolve(StoreConfig.EMBEDDED_FILE).toAbsolutePath());
  }

  private long keptVersion() throws SQLException {
    try (Connection c = store();
        ResultSet rs = c.createStatement().executeQuery("SELECT version FROM topic_snapshot")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  static Topics.Snapshot await(App app) throws InterruptedException {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while ((app.topics().current().isEmpty() || app.topics().pending())
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return app.topics().current().orElseThrow();
  }
}
