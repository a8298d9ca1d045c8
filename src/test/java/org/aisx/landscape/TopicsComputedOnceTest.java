package org.aisx.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.semantic.Embedder;
import org.aisx.store.Database;
import org.aisx.store.Leases;
import org.aisx.store.SqlCatalogStore;
import org.aisx.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topics are computed by one node at a time under the {@value Topics#LEASE_JOB} lease and
 * served by every node from the store: here several {@link Topics} over one embedded store stand
 * for nodes (the same code runs over PostgreSQL; SeveralNodesTest runs it there through two whole
 * nodes). Short debounce and retry delays, so that the test need not wait out the service's.
 */
class TopicsComputedOnceTest {
  @TempDir Path dir;

  static final long DEBOUNCE = 100;
  static final long RETRY = 200;

  private static Topics node(App app, Database db, String name) {
    return new Topics(
        db,
        app.json(),
        new SqlCatalogStore(db, app.json()),
        app.catalog(),
        app.index(),
        app.vectors(),
        new Leases(db, name),
        Clock.systemUTC(),
        DEBOUNCE,
        RETRY);
  }

  @Test
  void nodesStartingTogetherComputeOnceAndServeTheSameTopics() throws Exception {
    try (App app = Fixtures.classifiedStarter(dir);
        Database db = Database.open(StoreConfig.embedded(dir));
        Topics a = node(app, db, "node-a");
        Topics b = node(app, db, "node-b");
        Topics c = node(app, db, "node-c")) {
      List<Topics> nodes = List.of(a, b, c);
      nodes.forEach(t -> t.start(Progress.SILENT));
      for (Topics t : nodes) {
        await(t);
      }
      assertThat(a.computations() + b.computations() + c.computations()).isEqualTo(1);
      Topics.Snapshot served = a.current().orElseThrow();
      assertThat(served.topics()).hasSizeGreaterThan(1);
      assertThat(b.current()).contains(served);
      assertThat(c.current()).contains(served);

      // A node started later serves the kept computation and computes nothing.
      try (Topics late = node(app, db, "node-late")) {
        late.start(Progress.SILENT);
        assertThat(late.pending()).isFalse();
        assertThat(late.current()).contains(served);
        assertThat(late.computations()).isZero();
      }
    }
  }

  @Test
  void aNodeThatDiedWhileComputingHoldsTheLeaseOnlyUntilItsTermRunsOut() throws Exception {
    try (App app = Fixtures.classifiedStarter(dir);
        Database db = Database.open(StoreConfig.embedded(dir));
        Topics here = node(app, db, "node-here")) {
      Leases.Lease killed =
          new Leases(db, "node-killed").on(Topics.LEASE_JOB, Duration.ofSeconds(8));
      assertThat(killed.hold()).isTrue();
      long held = System.nanoTime();
      here.start(Progress.SILENT);
      Thread.sleep(1_000); // five retries, each refused
      assertThat(System.nanoTime() - held)
          .as("still within the dead node's term")
          .isLessThan(7_000_000_000L);
      assertThat(here.computations()).isZero();
      assertThat(here.current()).isEmpty();
      assertThat(here.pending()).as("it looks again").isTrue();

      Topics.Snapshot s = await(here);
      assertThat(here.computations()).isEqualTo(1);
      assertThat(s.topics()).hasSizeGreaterThan(1);
      assertThat(killed.hold()).as("the dead node, back, finds its lease lapsed").isTrue();
    }
  }

  @Test
  void aWriteIsClusteredByOneNodeAndTheOthersServeItsComputation() throws Exception {
    try (App app = Fixtures.classifiedStarter(dir);
        Database db = Database.open(StoreConfig.embedded(dir));
        Topics a = node(app, db, "node-a");
        Topics b = node(app, db, "node-b")) {
      a.start(Progress.SILENT);
      Topics.Snapshot before = await(a);
      b.start(Progress.SILENT);
      assertThat(b.current()).contains(before);

      var first = before.topics().get(0).members().get(0);
      var stored = app.catalog().get(first.id());
      app.catalog()
          .save(
              stored.toBuilder().title(java.util.Map.of("en", "Noise of wind turbines")).build(),
              "test",
              "test",
              stored.revision());
      a.changed(stored);
      b.changed(stored);
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (a.computations() + b.computations() < 2
          || a.pending()
          || b.pending()
          || !a.current().equals(b.current())) {
        assertThat(System.nanoTime()).as("clustered again and served by both").isLessThan(deadline);
        b.poll();
        a.poll();
        Thread.sleep(20);
      }
      assertThat(a.computations() + b.computations()).isEqualTo(2);
      assertThat(a.current().orElseThrow().computed()).isAfter(before.computed());
    }
  }

  @Test
  void aKeptComputationDescribesTheStoreUntilItsMarkOrModelMovesOrVectorsArriveForItsGaps() {
    Instant at = Instant.parse("2026-12-05T12:00:00Z");
    long now = at.toEpochMilli() + 1_000;
    var whole = header(10, Topics.COMPUTED_BY, 500, 0, at, 2_000);
    assertThat(Topics.staleIn(null, 10, 500, now, 30_000)).isZero();
    assertThat(Topics.staleIn(whole, 10, 500, now, 30_000)).isEqualTo(Topics.NEVER);
    assertThat(Topics.staleIn(whole, 10, 900, now, 30_000))
        .as("every indexed record had a vector: new ones come with writes")
        .isEqualTo(Topics.NEVER);
    assertThat(Topics.staleIn(whole, 11, 500, now, 30_000)).as("written since").isZero();
    assertThat(Topics.staleIn(header(10, "other-model", 500, 0, at, 2_000), 10, 500, now, 30_000))
        .isZero();
    assertThat(Topics.staleIn(header(10, Embedder.MODEL, 500, 0, at, 2_000), 10, 500, now, 30_000))
        .as("kept by a build whose rules were older")
        .isZero();

    var gaps = header(10, Topics.COMPUTED_BY, 500, 40, at, 5_000);
    assertThat(Topics.staleIn(gaps, 10, 500, now, 30_000))
        .as("no vector stored since: nothing new to cluster")
        .isEqualTo(Topics.NEVER);
    assertThat(Topics.staleIn(gaps, 10, 520, now, 30_000))
        .as("vectors arrived: again once nine times its own time has passed")
        .isEqualTo(45_000 - 1_000);
    assertThat(Topics.staleIn(gaps, 10, 520, at.toEpochMilli() + 60_000, 30_000)).isZero();
    assertThat(
            Topics.staleIn(header(10, Topics.COMPUTED_BY, 500, 40, at, 100), 10, 520, now, 30_000))
        .as("at least the debounce delay")
        .isEqualTo(29_000);
  }

  private static TopicSnapshots.Header header(
      long mark, String model, long vectors, long without, Instant at, long took) {
    return new TopicSnapshots.Header(1, mark, model, vectors, without, at, took, "node-a");
  }

  static Topics.Snapshot await(Topics t) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while ((t.current().isEmpty() || t.pending()) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return t.current().orElseThrow();
  }
}
