package org.aisx.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.aisx.catalog.Progress;
import org.aisx.store.Database;
import org.aisx.store.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports that run in the background, one at a time per catalogue however many nodes share it (the
 * node running one holds the {@value #LEASE} lease), each followed through {@link Progress}: what
 * an upload page starts and then shows the state of, on any node. Jobs are kept in the database
 * ({@link ImportJobStore}): written when they start, at most about once a second while they run
 * (and at each step), and when they end; the running job and the last {@link #KEPT} finished ones
 * are kept, older ones forgotten. A job whose node stopped without ending it (killed, restarted,
 * cut off from the database past its lease's term) is {@link Phase#INTERRUPTED}. A job owns the
 * file it imports and deletes it when it ends, however it ends. {@link #close} stops a running
 * import at the next record (everything before it is saved, as when an import is interrupted) and
 * waits for it at most {@link #STOP_WAIT}.
 */
public final class ImportJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

  /** Finished jobs kept for their pages; the oldest is forgotten when another finishes. */
  public static final int KEPT = 10;

  /** How long {@link #close} waits for a running import to stop at a record boundary. */
  static final Duration STOP_WAIT = Duration.ofSeconds(30);

  /** The lease the node running an import holds ({@link Leases}). */
  static final String LEASE = "import";

  /** How long the lease lasts unless renewed: a killed node's job shows interrupted after it. */
  static final Duration LEASE_TERM = Duration.ofSeconds(30);

  /** How often a running job renews its lease. */
  static final Duration RENEW_EVERY = Duration.ofSeconds(5);

  /** How often a running job's progress is written, when it changed (and at each step). */
  static final Duration WRITE_EVERY = Duration.ofSeconds(1);

  private static final SecureRandom IDS = new SecureRandom();

  /** Where a job is; while it is {@link #IMPORTING}, {@link Job#step} says what it does. */
  public enum Phase {
    /** Accepted, the import has not begun reading. */
    STARTING,
    /** Reading and saving records, then the finishing steps: {@link Job#step}. */
    IMPORTING,
    DONE,
    /** Ended by an error; {@link Job#error} says which. */
    FAILED,
    /** Stopped by the service's shutdown; the records before the stop are saved. */
    STOPPED,
    /**
     * Cut off: its node died, was restarted or lost the database before the job ended; the records
     * saved before are kept.
     */
    INTERRUPTED;

    public boolean running() {
      return this == STARTING || this == IMPORTING;
    }

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What to import: the file (which the job deletes when it ends) and how. */
  public record Request(
      Path file,
      String fileName,
      Importer.Format format,
      String source,
      String startedBy,
      String formatNotRecognised) {}

  /** An import refused because another one is running: {@link #running} is that one. */
  public static final class Busy extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Job running;

    Busy(Job running) {
      super("an import is running: " + running.request().fileName());
      this.running = running;
    }

    public Job running() {
      return running;
    }
  }

  /** Thrown out of the importer's progress to stop it at a record boundary. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("the service is stopping, or the import's lease was lost", null, false, false);
    }
  }

  /**
   * One import: its request and, as it goes, its progress (its step, the records read and
   * processed, the share of the file read); at the end its summary or error. The job this node runs
   * is followed live; any other is as its row was last written ({@link #get}, {@link #recent}).
   */
  public final class Job implements ImportProgress {
    private final String id;
    private final Request request;
    private final String node;
    private final Instant started;
    private volatile Phase phase = Phase.STARTING;
    private volatile long total = -1;
    private volatile long done;
    private volatile long records;
    private volatile ImportStep step;
    private volatile long processed;
    private volatile long recordsTotal = -1;
    private volatile Instant ended;
    private volatile ImportSummary summary;
    private volatile String error;
    private volatile boolean lost;
    private final BiConsumer<Job, Phase> whenEnded; // null for a job read from the store
    private ImportJobStore.Counts written; // on the beat thread
    private long renewed;
    private boolean over; // guarded by this: set when the job ends, after which no beat runs
    private volatile ScheduledFuture<?> beating;

    Job(String id, Request request, Instant started, BiConsumer<Job, Phase> whenEnded) {
      this.id = id;
      this.request = request;
      this.node = lease.holder();
      this.started = started;
      this.whenEnded = whenEnded;
      this.renewed = System.nanoTime();
    }

    /** A job as its row says, {@code phase} being how it is shown (cut off or not). */
    Job(ImportJobStore.Row row, Phase phase) {
      this.id = row.id();
      this.request = row.request();
      this.node = row.node();
      this.started = row.started();
      this.whenEnded = null;
      ImportJobStore.Counts c = row.counts();
      this.phase = phase;
      this.step = c.step();
      this.total = c.bytesTotal();
      this.done = c.bytesRead();
      this.records = c.records();
      this.processed = c.processed();
      this.recordsTotal = c.recordsTotal();
      this.ended = row.ended() != null || phase.running() ? row.ended() : row.updated();
      this.summary = row.summary();
      this.error = row.error();
    }

    public String id() {
      return id;
    }

    public Request request() {
      return request;
    }

    public Phase phase() {
      return phase;
    }

    public Instant started() {
      return started;
    }

    /** When it ended (for an interrupted job, when it was last heard of), or null while it runs. */
    public Instant ended() {
      return ended;
    }

    /** How long it ran, or has run so far. */
    public Duration elapsed() {
      Instant end = ended;
      return Duration.between(started, end != null ? end : clock.instant());
    }

    /** Records read so far (to be saved, rejected or folded). */
    public long records() {
      return records;
    }

    /** What the import is doing while it is {@link Phase#IMPORTING}; null before it begins. */
    public ImportStep step() {
      return step;
    }

    /** Records processed so far: saved (created, updated or unchanged), rejected or folded. */
    public long processed() {
      return processed;
    }

    /** How many records the file has, once it has been read to its end; -1 before. */
    public long recordsTotal() {
      return recordsTotal;
    }

    /**
     * How far the job is: 100 once it is {@link Phase#DONE} and never before; while it writes the
     * records of a file read to its end, the share of them processed (at most 99); -1 when it
     * cannot be told (while the file is read, since how many records it has is not known yet, and
     * in the finishing steps, which count nothing).
     */
    public int percent() {
      if (phase == Phase.DONE) {
        return 100;
      }
      long of = recordsTotal;
      if (!phase.running() || step != ImportStep.RECORDS || of <= 0) {
        return -1;
      }
      return (int) Math.min(99, processed * 100 / of);
    }

    /**
     * The share of the file read, 0 to 100, or -1 while the size is not known. The reading runs
     * ahead of the writing: the whole file is read well before its last records are written.
     */
    public int percentRead() {
      long t = total;
      if (t <= 0) {
        return -1;
      }
      return (int) Math.min(100, done * 100 / t);
    }

    /** What the import did, once {@link Phase#DONE}. */
    public ImportSummary summary() {
      return summary;
    }

    /** Why it failed, once {@link Phase#FAILED}: as the importer or the store said it. */
    public String error() {
      return error;
    }

    @Override
    public void start(String task, long total) {
      this.total = total;
      this.phase = Phase.IMPORTING;
      listeners.forEach(l -> l.start(task, total));
    }

    @Override
    public void advance(long done, long items) {
      this.done = done;
      this.records = items;
      listeners.forEach(l -> l.advance(done, items));
      if (stopping || lost) {
        throw new Stopped();
      }
    }

    @Override
    public void step(ImportStep step) {
      this.step = step;
      try {
        beat.execute(this::beat);
      } catch (RejectedExecutionException closing) {
        // The service is stopping: the end is written all the same.
      }
      listeners.forEach(l -> l.step(step));
    }

    @Override
    public void processed(long processed, long total) {
      this.processed = processed;
      this.recordsTotal = total;
      listeners.forEach(l -> l.processed(processed, total));
    }

    @Override
    public void finish(String summary) {
      listeners.forEach(l -> l.finish(summary));
    }

    private ImportJobStore.Counts counts(Phase as) {
      return new ImportJobStore.Counts(as, step, total, done, records, processed, recordsTotal);
    }

    /**
     * On the beat thread, about once a second and at each step: renews the lease when due (a lease
     * another node has taken stops the import at its next record), and writes the progress when it
     * changed.
     */
    private synchronized void beat() {
      if (over) {
        return; // the job has ended: its lease is not to be taken again
      }
      try {
        long now = System.nanoTime();
        if (now - renewed >= RENEW_EVERY.toNanos()) {
          renewed = now;
          if (!lease.hold()) {
            LOG.warn("the import lease is held by {}: stopping {}", lease.holderNow(), id);
            lost = true;
          }
        }
        ImportJobStore.Counts c = counts(phase);
        if (!c.equals(written)) {
          store.progress(id, c, clock.instant());
          written = c;
        }
      } catch (RuntimeException e) {
        LOG.warn("cannot save the progress of import {}: {}", id, e.toString());
      }
    }

    void run() {
      Phase result = Phase.FAILED;
      try {
        summary =
            importer.importFiles(
                request.format(),
                List.of(request.file()),
                request.source(),
                this,
                request.formatNotRecognised());
        result = Phase.DONE;
      } catch (Stopped e) {
        result = lost ? Phase.INTERRUPTED : Phase.STOPPED;
      } catch (IOException | RuntimeException e) {
        LOG.warn("import of {} failed", request.fileName(), e);
        error = e.getMessage() == null ? e.toString() : e.getMessage();
      } catch (Error e) {
        error = e.toString();
        throw e; // after the job has ended below: an error of the JVM is not this job's to keep
      } finally {
        ended = clock.instant();
        try {
          deleteFile(request.file());
          whenEnded.accept(this, result);
        } catch (RuntimeException e) {
          LOG.warn("after the import of {}: {}", request.fileName(), e.toString());
        } finally {
          saveEnd(result);
          // Its page says it ended once what follows its end (the file deleted, the audit line
          // written, its row saved) is done.
          synchronized (ImportJobs.this) {
            phase = result;
            if (running == this) {
              running = null;
            }
          }
        }
      }
    }

    /** Writes how the job ended, forgets the oldest finished, and frees the lease. */
    private void saveEnd(Phase result) {
      synchronized (this) {
        over = true;
      }
      ScheduledFuture<?> b = beating;
      if (b != null) {
        b.cancel(false);
      }
      try {
        store.end(id, counts(result), ended, summary, error);
        store.prune(KEPT);
      } catch (RuntimeException e) {
        LOG.warn("cannot save the end of import {}: {}", id, e.toString());
      }
      try {
        lease.release();
      } catch (RuntimeException e) {
        LOG.warn("cannot release the import lease: {}", e.toString());
      }
    }
  }

  /** The prefix of the directory {@link #saveDirectory} makes, deleted with the job's file. */
  static final String TEMP_PREFIX = "aisx-upload";

  private final Importer importer;
  private final ImportJobStore store;
  private final Leases.Lease lease;
  private final Consumer<Job> cutOff;
  private final Clock clock;
  private final List<ImportProgress> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService beat;
  private Job running;
  private Thread thread;
  private volatile boolean stopping;

  ImportJobs(
      Importer importer,
      ImportJobStore store,
      Leases.Lease lease,
      Clock clock,
      Consumer<Job> cutOff) {
    this.importer = importer;
    this.store = store;
    this.lease = lease;
    this.cutOff = cutOff;
    this.clock = clock;
    this.beat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "import-progress");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * The imports of the catalogue in {@code db}, in the name of {@code leases}' holder. {@code
   * soleNode}: no other node uses the database (the embedded store, whose data directory one
   * process opens), so that a job its rows say runs was cut off: it is marked so at once, and its
   * lease freed, instead of after the lease's term. {@code cutOff} is told of each job found cut
   * off (marked {@link Phase#INTERRUPTED} by this node), once, since its node cannot say how it
   * ended.
   */
  public static ImportJobs overSql(
      Importer importer,
      Database db,
      Leases leases,
      boolean soleNode,
      Clock clock,
      Consumer<Job> cutOff) {
    ImportJobs jobs =
        new ImportJobs(
            importer, new ImportJobStore(db), leases.on(LEASE, LEASE_TERM), clock, cutOff);
    if (soleNode) {
      jobs.interruptCutOff();
      jobs.lease.clear();
    }
    return jobs;
  }

  /**
   * Marks the jobs the rows say run, whose nodes are gone, as interrupted; deletes their files
   * where this machine has them and tells {@link #cutOff} of each.
   */
  private void interruptCutOff() {
    for (ImportJobStore.Row r : store.interruptRunning()) {
      deleteFile(r.request().file());
      try {
        cutOff.accept(new Job(r, Phase.INTERRUPTED));
      } catch (RuntimeException e) {
        LOG.warn("after finding import {} cut off: {}", r.id(), e.toString());
      }
    }
  }

  /**
   * Also reports every job's progress to {@code progress} (a log, a terminal), on the importing
   * thread: its steps too when it is an {@link ImportProgress}.
   */
  public void onProgress(Progress progress) {
    listeners.add(ImportProgress.of(progress));
  }

  /** A new directory for one upload, deleted with its file when the job ends. */
  public static Path saveDirectory() throws IOException {
    return Files.createTempDirectory(TEMP_PREFIX);
  }

  /**
   * Deletes a job's file, and its directory when {@link #saveDirectory} made it; a file of another
   * machine's (a job of another node) is not there to delete.
   */
  private static void deleteFile(Path file) {
    try {
      Files.deleteIfExists(file);
      Path dir = file.getParent();
      if (dir != null && dir.getFileName().toString().startsWith(TEMP_PREFIX)) {
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      LOG.warn("cannot delete the uploaded file {}: {}", file, e.toString());
    }
  }

  /**
   * Starts importing in the background, or refuses when an import is running, on this node or
   * another (or the service is stopping); the request's file then stays the caller's, to delete.
   * {@code ended} runs on the importing thread when the job ends, however it ends (given how),
   * before the job's phase says so.
   */
  public synchronized Job start(Request request, BiConsumer<Job, Phase> ended) throws Busy {
    if (running != null) {
      throw new Busy(running);
    }
    if (stopping) {
      throw new IllegalStateException("the service is stopping");
    }
    takeLease();
    try {
      // Whatever the rows say still runs was cut off: this node holds the lease now.
      interruptCutOff();
      byte[] raw = new byte[12];
      IDS.nextBytes(raw);
      Job job = new Job(HexFormat.of().formatHex(raw), request, clock.instant(), ended);
      store.insert(
          new ImportJobStore.Row(
              job.id(),
              request,
              job.node,
              job.counts(Phase.STARTING),
              job.started(),
              job.started(),
              null,
              null,
              null));
      running = job;
      job.beating =
          beat.scheduleWithFixedDelay(
              job::beat, WRITE_EVERY.toMillis(), WRITE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
      thread = new Thread(job::run, "import");
      thread.setDaemon(true);
      thread.start();
      return job;
    } catch (RuntimeException e) {
      if (running == null) {
        lease.release();
      }
      throw e;
    }
  }

  /**
   * Takes the lease, or refuses naming the job of the node that holds it. A node that has just
   * taken it may not have written its job yet: asked again a few times before giving up.
   */
  private void takeLease() throws Busy {
    for (int attempt = 0; !lease.hold(); attempt++) {
      Optional<Job> other = runningElsewhere();
      if (other.isPresent()) {
        throw new Busy(other.get());
      }
      if (attempt == 20) {
        throw new IllegalStateException(
            "the import lease is held by "
                + lease.holderNow().orElse("no node")
                + " without a job");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the import lease", e);
      }
    }
  }

  /** The job of the node that holds the lease, as its row says, when another node holds it. */
  private Optional<Job> runningElsewhere() {
    Optional<String> holder = lease.holderNow();
    if (holder.isEmpty() || holder.get().equals(lease.holder())) {
      return Optional.empty();
    }
    return store.running().stream()
        .filter(r -> r.node().equals(holder.get()))
        .findFirst()
        .map(r -> new Job(r, r.counts().phase()));
  }

  /** A stored job as it is: cut off when its row says it runs but its node lost the lease. */
  private Job shown(ImportJobStore.Row row, Optional<String> holder) {
    Phase phase = row.counts().phase();
    boolean alive = holder.isPresent() && holder.get().equals(row.node());
    return new Job(row, phase.running() && !alive ? Phase.INTERRUPTED : phase);
  }

  /** The job with this id, running (on any node) or among the last finished. */
  public synchronized Optional<Job> get(String id) {
    if (running != null && running.id().equals(id)) {
      return Optional.of(running);
    }
    return store.find(id).map(r -> shown(r, lease.holderNow()));
  }

  /** The running job, on this node or another, if any. */
  public synchronized Optional<Job> running() {
    return running != null ? Optional.of(running) : runningElsewhere();
  }

  /** The running job first, then the finished ones kept, the latest first. */
  public synchronized List<Job> recent() {
    Optional<String> holder = lease.holderNow();
    List<Job> out = new ArrayList<>();
    for (ImportJobStore.Row r : store.recent(KEPT + 1)) {
      out.add(running != null && running.id().equals(r.id()) ? running : shown(r, holder));
    }
    out.sort(Comparator.comparing((Job j) -> !j.phase().running()));
    int finished = 0;
    List<Job> kept = new ArrayList<>();
    for (Job j : out) {
      if (j.phase().running() || finished++ < KEPT) {
        kept.add(j);
      }
    }
    return kept;
  }

  /**
   * Whether {@link #close} has begun: no import starts, and a running one stops at its next record.
   */
  boolean stopping() {
    return stopping;
  }

  /**
   * Stops the running import at its next record and waits for it at most {@link #STOP_WAIT} (an
   * import in a step that reports no progress, such as the edition rules at its end, may take
   * longer: the wait then gives up, so that a shutdown never hangs on it; its lease then lapses,
   * and it shows as interrupted).
   */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      stopping = true;
      t = thread;
    }
    try {
      if (t != null) {
        t.join(STOP_WAIT.toMillis());
        if (t.isAlive()) {
          LOG.warn("the import did not stop within {}; closing without it", STOP_WAIT);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      beat.shutdownNow();
    }
  }

  /** Refuses a source name no record may carry, before a job is started for it. */
  public void checkSource(String source) {
    importer.checkSource(source);
  }
}
