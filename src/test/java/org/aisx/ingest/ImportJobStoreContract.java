package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aisx.catalog.Problem;
import org.aisx.editions.Editions;
import org.aisx.ingest.ImportJobStore.Counts;
import org.aisx.ingest.ImportJobStore.Row;
import org.aisx.ingest.ImportJobs.Phase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the store of import jobs (migration V27) must do on every database the store runs on. */
abstract class ImportJobStoreContract {
  ImportJobStore store;

  /** Opens a fresh, empty store for one test. */
  abstract ImportJobStore openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
  }

  static final Instant T0 = Instant.parse("2026-12-07T10:00:00.123Z");
  static final Counts STARTING = new Counts(Phase.STARTING, null, -1, 0, 0, 0, -1);

  static Row starting(String id, String node, Instant at) {
    return new Row(
        id,
        new ImportJobs.Request(
            Path.of("/tmp/aisx-upload1/" + id + ".txt"),
            "rfc index «" + id + "».txt",
            Importer.Format.RFC_INDEX,
            "rfc-editor",
            "admin@example.org",
            null),
        node,
        STARTING,
        at,
        at,
        null,
        null,
        null);
  }

  /** A summary with something in each of its parts. */
  static ImportSummary summary() {
    ImportSummary s = new ImportSummary();
    s.created();
    s.created();
    s.updated();
    s.unchanged();
    s.rejected("feed.json", "record 3 (line 9)", "Status: required");
    s.rejected(
        "feed.json",
        "record 4",
        "Title: too long",
        List.of(new Problem("title", "too long", "invalid.tooLong", List.of("200", 7))));
    s.duplicate("feed.json", "record 5", "same as record 1", "identical");
    s.olderHarvest("feed.json", "record 6", "older than 2025", "2024 → 2025");
    s.statusMoved("draft", "in-force");
    s.fieldChanged("title");
    s.draftPublished("IEEE P3400", "IEEE 3400-2025");
    s.keptReviewed("ISO 66610:2025", List.of("title", "status"));
    s.settled(2, 1);
    s.editions(new Editions.Report(3, new TreeMap<>(Map.of("amendment", 2, "superseded", 1))));
    s.committee(org.aisx.committee.CommitteeStore.Saved.CREATED);
    return s;
  }

  @Test
  void aStartedJobReadsBackWithWhatItImportsWhereAndWhen() {
    store.insert(starting("a1", "node-a", T0));
    Row read = store.find("a1").orElseThrow();
    assertThat(read.request().fileName()).isEqualTo("rfc index «a1».txt");
    assertThat(read.request().file()).isEqualTo(Path.of("/tmp/aisx-upload1/a1.txt"));
    assertThat(read.request().format()).isEqualTo(Importer.Format.RFC_INDEX);
    assertThat(read.request().source()).isEqualTo("rfc-editor");
    assertThat(read.request().startedBy()).isEqualTo("admin@example.org");
    assertThat(read.node()).isEqualTo("node-a");
    assertThat(read.counts()).isEqualTo(STARTING);
    assertThat(read.started()).isEqualTo(T0);
    assertThat(read.ended()).isNull();
    assertThat(read.summary()).isNull();
    assertThat(read.error()).isNull();
    assertThat(store.find("a2")).isEmpty();
    assertThat(store.running()).extracting(Row::id).containsExactly("a1");
  }

  @Test
  void progressIsWrittenWhileAJobRunsAndNeverAfterItEnded() {
    store.insert(starting("a1", "node-a", T0));
    Counts reading = new Counts(Phase.IMPORTING, ImportStep.RECORDS, 5000, 2500, 40, 10, -1);
    store.progress("a1", reading, T0.plusSeconds(1));
    Row read = store.find("a1").orElseThrow();
    assertThat(read.counts()).isEqualTo(reading);
    assertThat(read.updated()).isEqualTo(T0.plusSeconds(1));

    Counts done = new Counts(Phase.DONE, ImportStep.EDITIONS, 5000, 5000, 80, 80, 80);
    ImportSummary summary = summary();
    store.end("a1", done, T0.plusSeconds(3), summary, null);
    // A late write of the progress (the beat thread's, after the end) changes nothing.
    store.progress("a1", reading, T0.plusSeconds(4));
    Row ended = store.find("a1").orElseThrow();
    assertThat(ended.counts()).isEqualTo(done);
    assertThat(ended.ended()).isEqualTo(T0.plusSeconds(3));
    assertThat(store.running()).isEmpty();

    // The summary reads back with every part the page shows.
    ImportSummary back = ended.summary();
    assertThat(back).hasToString(summary.toString());
    assertThat(back.rejections()).isEqualTo(summary.rejections());
    assertThat(back.rejections().get(1).problems().get(0).args()).containsExactly("200", 7);
    assertThat(back.duplicates()).isEqualTo(summary.duplicates());
    assertThat(back.duplicateClasses()).isEqualTo(summary.duplicateClasses());
    assertThat(back.olderHarvests()).isEqualTo(summary.olderHarvests());
    assertThat(back.olderHarvestClasses()).isEqualTo(summary.olderHarvestClasses());
    assertThat(back.statusMoves()).isEqualTo(summary.statusMoves());
    assertThat(back.changedFields()).isEqualTo(summary.changedFields());
    assertThat(back.draftsPublished()).isEqualTo(summary.draftsPublished());
    assertThat(back.keptReviewed()).isEqualTo(summary.keptReviewed());
    assertThat(back.editions()).isEqualTo(summary.editions());
    assertThat(back.processed()).isEqualTo(summary.processed());
    assertThat(back.committeesCreatedCount()).isEqualTo(1);
  }

  @Test
  void aFailedJobKeepsItsError() {
    store.insert(starting("a1", "node-a", T0));
    store.end(
        "a1",
        new Counts(Phase.FAILED, ImportStep.RECORDS, 10, 5, 2, 1, -1),
        T0.plusSeconds(1),
        null,
        "/tmp/aisx-upload1/gone.json: no such file");
    Row read = store.find("a1").orElseThrow();
    assertThat(read.counts().phase()).isEqualTo(Phase.FAILED);
    assertThat(read.error()).isEqualTo("/tmp/aisx-upload1/gone.json: no such file");
    assertThat(read.summary()).isNull();
  }

  @Test
  void jobsThatStillSayTheyRunAreMarkedInterruptedWhenTheyWereLastHeardOf() {
    store.insert(starting("old", "node-a", T0));
    store.end(
        "old", new Counts(Phase.DONE, null, 1, 1, 0, 0, 0), T0.plusSeconds(1), summary(), null);
    store.insert(starting("cut", "node-a", T0.plusSeconds(10)));
    store.progress(
        "cut",
        new Counts(Phase.IMPORTING, ImportStep.RECORDS, 100, 50, 7, 3, -1),
        T0.plusSeconds(12));

    assertThat(store.interruptRunning()).extracting(Row::id).containsExactly("cut");
    Row cut = store.find("cut").orElseThrow();
    assertThat(cut.counts().phase()).isEqualTo(Phase.INTERRUPTED);
    assertThat(cut.counts().records()).isEqualTo(7);
    assertThat(cut.ended()).isEqualTo(T0.plusSeconds(12));
    assertThat(store.find("old").orElseThrow().counts().phase()).isEqualTo(Phase.DONE);
    assertThat(store.running()).isEmpty();
    assertThat(store.interruptRunning()).isEmpty();
  }

  @Test
  void theLastFinishedJobsAreKeptTheLatestFirstWithTheRunningOne() {
    for (int i = 0; i < 5; i++) {
      // Started within the same millisecond: the order they were saved in still tells them apart.
      store.insert(starting("j" + i, "node-a", T0));
      store.end("j" + i, new Counts(Phase.DONE, null, 1, 1, 0, 0, 0), T0, null, null);
    }
    store.insert(starting("now", "node-b", T0));
    store.prune(3);
    assertThat(store.recent(10)).extracting(Row::id).containsExactly("now", "j4", "j3", "j2");
    assertThat(store.recent(2)).extracting(Row::id).containsExactly("now", "j4");
    assertThat(store.find("j1")).isEmpty();
  }
}
