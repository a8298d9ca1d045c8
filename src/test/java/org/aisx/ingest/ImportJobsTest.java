package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports in the background over a real catalogue: one at a time, each deleting its file however it
 * ends, the finished ones kept up to a bound, and a shutdown that stops a running import at a
 * record instead of waiting for it.
 */
class ImportJobsTest {
  @TempDir Path dir;

  /** Holds every import at its first record until released. */
  static final class Hold implements Progress {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);

    @Override
    public void advance(long done, long items) {
      reached.countDown();
      try {
        assertThat(released.await(5, TimeUnit.MINUTES)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Holds every import when it begins {@code at} until released, and notes every step it is told
   * of: a real listener of the imports' progress.
   */
  static final class HoldAtStep implements ImportProgress, AutoCloseable {
    final ImportStep at;
    final List<ImportStep> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);

    HoldAtStep(ImportStep at) {
      this.at = at;
    }

    @Override
    public void step(ImportStep step) {
      steps.add(step);
      if (step == at) {
        reached.countDown();
        try {
          assertThat(released.await(5, TimeUnit.MINUTES)).as("released").isTrue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    void awaitReached() throws InterruptedException {
      assertThat(reached.await(5, TimeUnit.MINUTES)).as("the import reaches " + at).isTrue();
    }

    @Override
    public void close() {
      released.countDown();
    }
  }

  /** Holds every import once its file is read to its end, before its last records are written. */
  static final class HoldWhenRead implements ImportProgress {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);

    @Override
    public void processed(long processed, long total) {
      if (total >= 0 && reached.getCount() > 0) {
        reached.countDown();
        try {
          assertThat(released.await(5, TimeUnit.MINUTES)).as("released").isTrue();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  static Path upload(String resource) throws Exception {
    Path file = ImportJobs.saveDirectory().resolve("feed");
    try (InputStream in = ImportJobsTest.class.getResourceAsStream(resource)) {
      Files.copy(in, file);
    }
    return file;
  }

  /** The job's phase once its end is done with (polled: the phase follows the end's callback). */
  static ImportJobs.Phase settled(ImportJobs.Job job) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (job.phase().running()) {
      assertThat(System.nanoTime()).as("the job settles").isLessThan(deadline);
      Thread.onSpinWait();
    }
    return job.phase();
  }

  static ImportJobs.Request request(Path file) {
    return new ImportJobs.Request(
        file, "feed", Importer.Format.AUTO, "test", "admin@example.org", "not recognised");
  }

  @Test
  void closingStopsARunningImportAtItsNextRecordAndDeletesItsFile() throws Exception {
    App app = Fixtures.empty(dir.resolve("data"));
    ImportJobs jobs = app.importJobs();
    Hold hold = new Hold();
    jobs.onProgress(hold);
    Path file = upload("/fixtures/rfc/rfc-index-excerpt.txt");
    CompletableFuture<ImportJobs.Phase> ended = new CompletableFuture<>();
    ImportJobs.Job job = jobs.start(request(file), (j, how) -> ended.complete(how));
    assertThat(hold.reached.await(5, TimeUnit.MINUTES)).isTrue();
    assertThat(job.phase()).isEqualTo(ImportJobs.Phase.IMPORTING);
    assertThat(job.records()).isEqualTo(1);

    // The service stops (CleanStop closes the App) while the import is in the middle of the file.
    Thread closing = new Thread(app::close, "closing");
    closing.start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!jobs.stopping()) {
      assertThat(System.nanoTime()).as("the close begins").isLessThan(deadline);
      Thread.onSpinWait();
    }
    hold.released.countDown();
    closing.join(TimeUnit.MINUTES.toMillis(5));

    assertThat(closing.isAlive()).as("the close waited for the import").isFalse();
    assertThat(ended.get(1, TimeUnit.MINUTES)).isEqualTo(ImportJobs.Phase.STOPPED);
    assertThat(settled(job)).isEqualTo(ImportJobs.Phase.STOPPED);
    assertThat(job.ended()).isNotNull();
    assertThat(file).doesNotExist();
    assertThat(file.getParent()).doesNotExist();
    assertThatThrownBy(
            () ->
                jobs.start(request(upload("/fixtures/rfc/rfc-index-excerpt.txt")), (j, how) -> {}))
        .isInstanceOf(IllegalStateException.class);
    // The catalogue opens again, with the import's records not half-written; importing again
    // completes it.
    try (App again = Fixtures.empty(dir.resolve("data"))) {
      assertThat(again.catalog().count()).isZero();
      CompletableFuture<ImportJobs.Phase> done = new CompletableFuture<>();
      ImportJobs.Job second =
          again
              .importJobs()
              .start(
                  request(upload("/fixtures/rfc/rfc-index-excerpt.txt")),
                  (j, how) -> done.complete(how));
      assertThat(done.get(5, TimeUnit.MINUTES)).isEqualTo(ImportJobs.Phase.DONE);
      assertThat(settled(second)).isEqualTo(ImportJobs.Phase.DONE);
      assertThat(second.summary().createdCount()).isEqualTo(5);
      assertThat(second.percent()).isEqualTo(100);
    }
  }

  /**
   * A small file is read to its end at its first record, since the reading runs ahead of the
   * writing: the job's share done is not the share of the file read, and is unknown (-1) while how
   * many records the file has is not known yet.
   */
  @Test
  void aJobIsNotAHundredPercentDoneWhenItsFileIsReadButItsRecordsAreNotWritten() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      ImportJobs jobs = app.importJobs();
      Hold hold = new Hold();
      jobs.onProgress(hold);
      CompletableFuture<ImportJobs.Phase> ended = new CompletableFuture<>();
      ImportJobs.Job job =
          jobs.start(
              request(upload("/fixtures/rfc/rfc-index-excerpt.txt")),
              (j, how) -> ended.complete(how));
      assertThat(hold.reached.await(5, TimeUnit.MINUTES)).isTrue();
      assertThat(job.step()).isEqualTo(ImportStep.RECORDS);
      assertThat(job.percentRead()).isEqualTo(100);
      assertThat(job.records()).isEqualTo(1);
      assertThat(job.processed()).isZero();
      assertThat(job.recordsTotal()).isEqualTo(-1);
      assertThat(job.percent()).isEqualTo(-1);
      hold.released.countDown();
      assertThat(ended.get(5, TimeUnit.MINUTES)).isEqualTo(ImportJobs.Phase.DONE);
      assertThat(settled(job)).isEqualTo(ImportJobs.Phase.DONE);
      assertThat(job.percent()).isEqualTo(100);
      assertThat(job.processed()).isEqualTo(5);
      assertThat(job.recordsTotal()).isEqualTo(5);
    }
  }

  /**
   * Once the file is read to its end, how many records it has is known: the job's share done is the
   * share of them processed, short of 100 while the last are being written.
   */
  @Test
  void onceTheFileIsReadTheShareDoneIsTheShareOfItsRecordsProcessed() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      ImportJobs jobs = app.importJobs();
      HoldWhenRead hold = new HoldWhenRead();
      jobs.onProgress(hold);
      CompletableFuture<ImportJobs.Phase> ended = new CompletableFuture<>();
      ImportJobs.Job job =
          jobs.start(
              request(upload("/fixtures/rfc/rfc-index-excerpt.txt")),
              (j, how) -> ended.complete(how));
      assertThat(hold.reached.await(5, TimeUnit.MINUTES)).isTrue();
      assertThat(job.step()).isEqualTo(ImportStep.RECORDS);
      // The five records wait in the window where copies of one edition meet: none written yet.
      assertThat(job.recordsTotal()).isEqualTo(5);
      assertThat(job.processed()).isZero();
      assertThat(job.percent()).isZero();
      hold.released.countDown();
      assertThat(ended.get(5, TimeUnit.MINUTES)).isEqualTo(ImportJobs.Phase.DONE);
      assertThat(settled(job)).isEqualTo(ImportJobs.Phase.DONE);
      assertThat(job.percent()).isEqualTo(100);
    }
  }

  /**
   * After its records an import goes through its finishing steps, in order, each reported to the
   * listeners; while it is in one the job says which, and how far it is cannot be told (-1), never
   * 100.
   */
  @Test
  void theFinishingStepsAreReportedInOrderAndAJobInOneIsNotDone() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      ImportJobs jobs = app.importJobs();
      CompletableFuture<ImportJobs.Phase> ended = new CompletableFuture<>();
      ImportJobs.Job job;
      HoldAtStep hold = new HoldAtStep(ImportStep.EDITIONS);
      try (hold) {
        jobs.onProgress(hold);
        job =
            jobs.start(
                request(upload("/fixtures/rfc/rfc-index-excerpt.txt")),
                (j, how) -> ended.complete(how));
        hold.awaitReached();
        assertThat(job.phase()).isEqualTo(ImportJobs.Phase.IMPORTING);
        assertThat(job.step()).isEqualTo(ImportStep.EDITIONS);
        assertThat(job.processed()).isEqualTo(5);
        assertThat(job.recordsTotal()).isEqualTo(5);
        assertThat(job.percent()).isEqualTo(-1);
        assertThat(ended).isNotDone();
      }
      assertThat(ended.get(5, TimeUnit.MINUTES)).isEqualTo(ImportJobs.Phase.DONE);
      assertThat(settled(job)).isEqualTo(ImportJobs.Phase.DONE);
      assertThat(hold.steps)
          .containsExactly(
              ImportStep.RECORDS, ImportStep.RELATIONS, ImportStep.INDEX, ImportStep.EDITIONS);
      assertThat(job.percent()).isEqualTo(100);
    }
  }

  @Test
  void oneImportRunsAtATimeAndTheSecondIsRefusedNamingIt() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      ImportJobs jobs = app.importJobs();
      Hold hold = new Hold();
      jobs.onProgress(hold);
      CompletableFuture<ImportJobs.Phase> ended = new CompletableFuture<>();
      ImportJobs.Job first =
          jobs.start(
              request(upload("/fixtures/rfc/rfc-index-excerpt.txt")),
              (j, how) -> ended.complete(how));
      assertThat(hold.reached.await(5, TimeUnit.MINUTES)).isTrue();
      Path second = upload("/fixtures/rfc/rfc-index-excerpt.txt");
      assertThatThrownBy(() -> jobs.start(request(second), (j, how) -> {}))
          .isInstanceOfSatisfying(
              ImportJobs.Busy.class, busy -> assertThat(busy.running()).isSameAs(first));
      // Refused, the file stays the caller's.
      assertThat(second).exists();
      assertThat(jobs.running()).containsSame(first);
      hold.released.countDown();
      assertThat(ended.get(5, TimeUnit.MINUTES)).isEqualTo(ImportJobs.Phase.DONE);
      assertThat(settled(first)).isEqualTo(ImportJobs.Phase.DONE);
      assertThat(jobs.running()).isEmpty();
      Files.delete(second);
      Files.delete(second.getParent());
    }
  }

  @Test
  void aFailedImportSaysWhyAndOnlyTheLastFinishedJobsAreKept() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      ImportJobs jobs = app.importJobs();
      Path gone = ImportJobs.saveDirectory().resolve("gone.json");
      CompletableFuture<ImportJobs.Phase> failed = new CompletableFuture<>();
      ImportJobs.Job job = jobs.start(request(gone), (j, how) -> failed.complete(how));
      assertThat(failed.get(5, TimeUnit.MINUTES)).isEqualTo(ImportJobs.Phase.FAILED);
      assertThat(settled(job)).isEqualTo(ImportJobs.Phase.FAILED);
      assertThat(job.error()).contains("gone.json");
      assertThat(gone.getParent()).doesNotExist();

      List<String> ids = new ArrayList<>(List.of(job.id()));
      for (int i = 0; i < ImportJobs.KEPT + 1; i++) {
        Path empty = ImportJobs.saveDirectory().resolve("empty.json");
        Files.writeString(empty, "[]");
        CompletableFuture<ImportJobs.Phase> done = new CompletableFuture<>();
        ImportJobs.Job j = jobs.start(request(empty), (x, how) -> done.complete(how));
        ids.add(j.id());
        assertThat(done.get(5, TimeUnit.MINUTES)).isEqualTo(ImportJobs.Phase.DONE);
        assertThat(settled(j)).isEqualTo(ImportJobs.Phase.DONE);
      }
      assertThat(jobs.recent()).hasSize(ImportJobs.KEPT);
      assertThat(jobs.recent().get(0).id()).isEqualTo(ids.get(ids.size() - 1));
      assertThat(jobs.get(ids.get(0))).isEmpty();
      assertThat(jobs.get(ids.get(1))).isEmpty();
      assertThat(jobs.get(ids.get(2))).isPresent();
    }
  }
}
