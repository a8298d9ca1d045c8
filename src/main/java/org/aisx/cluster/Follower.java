package org.aisx.cluster;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.Progress;
import org.aisx.classify.Suggestions;
import org.aisx.semantic.Vectors;
import org.aisx.store.ChangeLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's search index in step with what every node writes to the shared database (SPEC
 * §11): every {@link #POLL_MILLIS} it reads the change log up to the transaction horizon, refreshes
 * what it keeps in memory of the derived data (which records have vectors, their suggestions),
 * indexes the changed records again as the store has them, and publishes with the new horizon as
 * the index's mark. A record written through another node is searchable here one poll and one index
 * commit after its transaction commits and no older transaction is still running.
 *
 * <p>Records written through this node are indexed at once by the catalogue and again here (the
 * change log does not say which node wrote what); the second time changes nothing.
 */
public final class Follower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Follower.class);

  /** How often the change log is read. */
  public static final long POLL_MILLIS = 250;

  private final ChangeLog log;
  private final Catalog catalog;
  private final Vectors vectors;
  private final Suggestions suggestions;
  private final Position position;
  private final AtomicLong followed = new AtomicLong();
  private final Thread thread;
  private volatile boolean stopped;
  private final Object pause = new Object();

  /** Told the records written (not only re-derived) by any node; added by the app. */
  private final List<Consumer<Collection<String>>> written = new CopyOnWriteArrayList<>();

  /** Run at every poll: refresh other shared data a node keeps in memory; added by the app. */
  private final List<Runnable> polled = new CopyOnWriteArrayList<>();

  public Follower(
      ChangeLog log, Catalog catalog, Vectors vectors, Suggestions suggestions, Position position) {
    this.log = log;
    this.catalog = catalog;
    this.vectors = vectors;
    this.suggestions = suggestions;
    this.position = position;
    this.thread = new Thread(this::run, "change-log-follower");
    this.thread.setDaemon(true);
  }

  /**
   * Who else wants to know of written records (the embedding job, on the node holding it; the topic
   * clustering).
   */
  public void onWritten(Consumer<Collection<String>> listener) {
    written.add(listener);
  }

  /**
   * What else to bring up to date at every poll (the glossary's mappings, which coordinators decide
   * through any node; the topics another node computed).
   */
  public void onPoll(Runnable refresh) {
    polled.add(refresh);
  }

  /** Changed records indexed again since start (for operators and tests). */
  public long followed() {
    return followed.get();
  }

  /**
   * Follows the log from the current position up to the horizon now, once; returns how many records
   * changed.
   */
  public synchronized int step(Progress progress) {
    polled.forEach(Runnable::run);
    long from = position.get();
    long to = log.horizon();
    if (to <= from) {
      return 0;
    }
    ChangeLog.Changes changes = log.between(from, to);
    List<String> all = changes.all();
    boolean large = all.size() >= 1_000;
    if (large) {
      progress.start("Indexing " + all.size() + " records changed by other nodes", all.size());
    }
    if (!changes.derived().isEmpty()) {
      vectors.refresh(changes.derived());
      suggestions.refresh(changes.derived());
    }
    if (!all.isEmpty()) {
      catalog.reindexAll(all);
    }
    // Only now: every change below the new horizon is queued for the index, so any publish from
    // here on (this one, or a write's on another thread) commits them under it.
    position.set(to);
    if (!all.isEmpty()) {
      catalog.publish();
      followed.addAndGet(all.size());
      written.forEach(listener -> listener.accept(changes.written()));
    }
    if (large) {
      progress.finish(all.size() + " records indexed");
    }
    return all.size();
  }

  /** Starts following in the background. */
  public void start() {
    thread.start();
  }

  private void run() {
    while (!stopped) {
      try {
        step(Progress.SILENT);
      } catch (RuntimeException e) {
        if (stopped) {
          return;
        }
        // The database or the index failed this once: the position has not moved, so the next
        // poll reads the same changes again.
        LOG.error("following the change log failed: {}", e.toString(), e);
      }
      // Waits on a monitor rather than being interrupted: an interrupt during an index commit
      // would close the index's files under it.
      synchronized (pause) {
        if (stopped) {
          return;
        }
        try {
          pause.wait(POLL_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    synchronized (pause) {
      stopped = true;
      pause.notifyAll();
    }
    if (!thread.isAlive()) {
      return;
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
