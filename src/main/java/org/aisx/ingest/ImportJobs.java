package org.aisx.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.aisx.catalog.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports that run in the background, one at a time per catalogue, each followed through {@link
 * Progress}: what an upload page starts and then shows the state of. A job owns the file it imports
 * and deletes it when it ends, however it ends. The running job and the last {@link #KEPT} finished
 * ones are kept in memory; older ones are forgotten. {@link #close} stops a running import at the
 * next record (everything before it is saved, as when an import is interrupted) and waits for it at
 * most {@link #STOP_WAIT}.
 */
public final class ImportJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

  /** Finished jobs kept for their pages; the oldest is forgotten when another finishes. */
  public static final int KEPT = 10;

  /** How long {@link #close} waits for a running import to stop at a record boundary. */
  static final Duration STOP_WAIT = Duration.ofSeconds(30);

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
    STOPPED;

    public boolean running() {
      return this == STARTING || this == IMPORTING;
    }

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
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
      super("the service is stopping", null, false, false);
    }
  }

  /**
   * One import: its request and, as it goes, its progress (its step, the records read and
   * processed, the share of the file read); at the end its summary or error.
   */
  public final class Job implements ImportProgress {
    private final String id;
    private final Request request;
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
    private volatile Throwable error;
    private final BiConsumer<Job, Phase> whenEnded;

    Job(String id, Request request, Instant started, BiConsumer<Job, Phase> whenEnded) {
      this.id = id;
      this.request = request;
      this.started = started;
      this.whenEnded = whenEnded;
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

    /** When it ended, or null while it runs. */
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

    /** Why it failed, once {@link Phase#FAILED}. */
    public Throwable error() {
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
      if (stopping) {
        throw new Stopped();
      }
    }

    @Override
    public void step(ImportStep step) {
      this.step = step;
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
        result = Phase.STOPPED;
      } catch (IOException | RuntimeException e) {
        LOG.warn("import of {} failed", request.fileName(), e);
        error = e;
      } catch (Error e) {
        error = e;
        throw e; // after the job has ended below: an error of the JVM is not this job's to keep
      } finally {
        ended = clock.instant();
        try {
          deleteFile();
          whenEnded.accept(this, result);
        } catch (RuntimeException e) {
          LOG.warn("after the import of {}: {}", request.fileName(), e.toString());
        } finally {
          // Its page says it ended once what follows its end (the file deleted, the audit line
          // written) is done.
          synchronized (ImportJobs.this) {
            phase = result;
            if (running == this) {
              running = null;
            }
            finished.addLast(this);
            while (finished.size() > KEPT) {
              finished.removeFirst();
            }
          }
        }
      }
    }

    private void deleteFile() {
      try {
        Files.deleteIfExists(request.file());
        Path dir = request.file().getParent();
        if (dir != null && dir.getFileName().toString().startsWith(TEMP_PREFIX)) {
          Files.deleteIfExists(dir);
        }
      } catch (IOException e) {
        LOG.warn("cannot delete the uploaded file {}: {}", request.file(), e.toString());
      }
    }
  }

  /** The prefix of the directory {@link #saveDirectory} makes, deleted with the job's file. */
  static final String TEMP_PREFIX = "aisx-upload";

  private final Importer importer;
  private final Clock clock;
  private final List<ImportProgress> listeners = new CopyOnWriteArrayList<>();
  private final Deque<Job> finished = new ArrayDeque<>();
  private Job running;
  private Thread thread;
  private volatile boolean stopping;

  public ImportJobs(Importer importer, Clock clock) {
    this.importer = importer;
    this.clock = clock;
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
   * Starts importing in the background, or refuses when an import is running (or the service is
   * stopping); the request's file then stays the caller's, to delete. {@code ended} runs on the
   * importing thread when the job ends, however it ends (given how), before the job's phase says
   * so.
   */
  public synchronized Job start(Request request, BiConsumer<Job, Phase> ended) throws Busy {
    if (running != null) {
      throw new Busy(running);
    }
    if (stopping) {
      throw new IllegalStateException("the service is stopping");
    }
    byte[] raw = new byte[12];
    IDS.nextBytes(raw);
    Job job = new Job(HexFormat.of().formatHex(raw), request, clock.instant(), ended);
    running = job;
    thread = new Thread(job::run, "import");
    thread.setDaemon(true);
    thread.start();
    return job;
  }

  /** The job with this id, running or among the last finished. */
  public synchronized Optional<Job> get(String id) {
    if (running != null && running.id().equals(id)) {
      return Optional.of(running);
    }
    return finished.stream().filter(j -> j.id().equals(id)).findFirst();
  }

  /** The running job, if any. */
  public synchronized Optional<Job> running() {
    return Optional.ofNullable(running);
  }

  /** The running job first, then the finished ones kept, the latest first. */
  public synchronized List<Job> recent() {
    List<Job> out = new ArrayList<>();
    if (running != null) {
      out.add(running);
    }
    finished.descendingIterator().forEachRemaining(out::add);
    return out;
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
   * longer: the wait then gives up, so that a shutdown never hangs on it).
   */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      stopping = true;
      t = thread;
    }
    if (t == null) {
      return;
    }
    try {
      t.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (t.isAlive()) {
      LOG.warn("the import did not stop within {}; closing without it", STOP_WAIT);
    }
  }

  /** Refuses a source name no record may carry, before a job is started for it. */
  public void checkSource(String source) {
    importer.checkSource(source);
  }
}
