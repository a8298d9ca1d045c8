package org.aisx.semantic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.store.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes missing and stale embeddings in the background while the service runs: first every
 * record whose stored vector is missing or was computed from other text, then each record as it is
 * written. Each finished batch is stored, re-indexed with its vector and published, so semantic
 * search covers more of the catalogue as the job goes. One thread, so that searches keep the other
 * core.
 */
public final class EmbeddingJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingJob.class);
  static final int BATCH = 32;

  private final CatalogStore store;
  private final Catalog catalog;
  private final Vectors vectors;
  private final Embedder embedder;
  private final Progress progress;
  private final VectorFollower follower;
  private final Leases.Lease lease;
  private final Set<String> queued = new LinkedHashSet<>();

  /**
   * The queued records that this node must do whatever node holds the lease: rechecks that only it
   * knows of (its reviewers' decisions changed the examples). Guarded by {@link #queued}.
   */
  private final Set<String> ownWork = new java.util.HashSet<>();

  private final AtomicLong embedded = new AtomicLong();
  private final AtomicLong waiting = new AtomicLong();
  private final Thread thread;
  private volatile boolean stopped;

  /** How long a lease on the job lasts unless renewed (before each batch, and while idle). */
  public static final java.time.Duration LEASE_TERM = java.time.Duration.ofSeconds(60);

  /** How long the job waits for work, or for the lease, before asking for the lease again. */
  private static final long RENEW_MILLIS = LEASE_TERM.toMillis() / 3;

  /**
   * A job that also hands each record with its current vector to {@code follower}, working while it
   * holds {@code lease}: of several nodes over one database, one embeds and classifies the
   * catalogue (the others follow its results through the change log); when it stops or dies, its
   * lease lapses and another node's job catches up and goes on.
   */
  public EmbeddingJob(
      CatalogStore store,
      Catalog catalog,
      Vectors vectors,
      Embedder embedder,
      Progress progress,
      VectorFollower follower,
      Leases.Lease lease) {
    this.follower = follower;
    this.lease = lease;
    this.store = store;
    this.catalog = catalog;
    this.vectors = vectors;
    this.embedder = embedder;
    this.progress = progress;
    this.thread = new Thread(this::run, "embeddings");
    this.thread.setDaemon(true);
    this.thread.setPriority(Thread.MIN_PRIORITY);
  }

  /** Starts catching up, then follows writes. */
  public void start() {
    thread.start();
  }

  /** Queues a written record for embedding (called for every write through this node). */
  public void changed(Standard record) {
    queue(List.of(record.id()), false);
  }

  /**
   * Queues records written through any node (the change log): the node holding the lease embeds
   * them, the others drop them.
   */
  public void written(Collection<String> ids) {
    queue(ids, false);
  }

  /**
   * Queues records to be brought up to date: embedded if their vector is stale, handed to the
   * follower if its work is (e.g. after people's decisions changed what the classifier learns
   * from). Done by this node, lease or not: no other node knows of them.
   */
  public void recheck(Collection<String> ids) {
    queue(ids, true);
  }

  private void queue(Collection<String> ids, boolean own) {
    synchronized (queued) {
      for (String id : ids) {
        if (queued.add(id)) {
          waiting.incrementAndGet();
        }
        if (own) {
          ownWork.add(id);
        }
      }
      queued.notifyAll();
    }
  }

  /** Whether this node's job holds the lease (as of its last batch). */
  public boolean holdsLease() {
    return holding;
  }

  private volatile boolean holding;

  /** Vectors computed since start, and records waiting. */
  public record Status(long embedded, long waiting) {}

  public Status status() {
    return new Status(embedded.get(), waiting.get());
  }

  private void run() {
    try {
      while (!stopped) {
        boolean held = holding;
        try {
          holding = lease.hold();
        } catch (RuntimeException e) {
          if (stopped) {
            return;
          }
          // The database is out of reach: no node can be sure of the lease; ask again later.
          LOG.warn("cannot take the embedding lease: {}", e.toString());
          holding = false;
          Thread.sleep(RENEW_MILLIS);
          continue;
        }
        if (holding && !held) {
          // Newly ours (first start, or the node that had it stopped): whatever it left undone.
          catchUp();
          continue;
        }
        List<String> ids = new ArrayList<>();
        synchronized (queued) {
          if (!holding) {
            // Another node embeds what is written; this one does only what no other knows of.
            int before = queued.size();
            queued.retainAll(ownWork);
            waiting.addAndGet(queued.size() - before);
          }
          if (queued.isEmpty() && !stopped) {
            queued.wait(RENEW_MILLIS);
          }
          var it = queued.iterator();
          while (it.hasNext() && ids.size() < BATCH) {
            String id = it.next();
            if (holding || ownWork.contains(id)) {
              ids.add(id);
              ownWork.remove(id);
              it.remove();
            }
          }
        }
        if (ids.isEmpty()) {
          continue;
        }
        try {
          List<Standard> records = new ArrayList<>();
          ids.forEach(id -> store.find(id).ifPresent(records::add));
          embed(records, false);
        } catch (RuntimeException e) {
          if (stopped) {
            return;
          }
          // One batch that fails (a busy database, a record the model chokes on) must not end the
          // job for every record after it: log it, wait a little, and go on with the next batch.
          // The failed records stay without a vector until the next start's catch-up.
          LOG.error("embedding a batch of {} records failed: {}", ids.size(), e.toString(), e);
          Thread.sleep(1_000);
        } finally {
          waiting.addAndGet(-ids.size());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (!stopped) {
        LOG.error("embedding stopped: {}", e.toString(), e);
      }
    }
  }

  /** Embeds every record whose vector is missing or stale. */
  private void catchUp() {
    Map<String, String> have = vectors.hashes();
    // Ids only: a large catalogue's records are read again batch by batch, not all held.
    List<String> stale = new ArrayList<>();
    store.forEach(
        s -> {
          String hash = Embedder.hash(Embedder.textOf(s));
          if (!hash.equals(have.get(s.id())) || !follower.current(s, hash)) {
            stale.add(s.id());
          }
        });
    if (stale.isEmpty()) {
      return;
    }
    waiting.addAndGet(stale.size());
    progress.start("Embedding and classifying " + stale.size() + " records", stale.size());
    Unstored pending = new Unstored();
    long published = System.nanoTime();
    for (int i = 0; i < stale.size() && !stopped; i += BATCH) {
      if (i > 0 && !lease.hold()) {
        // Taken over (this node was cut off past the lease's term): the new holder catches up.
        store(pending);
        holding = false;
        waiting.addAndGet(-(stale.size() - i));
        progress.finish("embedding handed over to another node");
        return;
      }
      List<String> ids = stale.subList(i, Math.min(stale.size(), i + BATCH));
      compute(List.copyOf(store.findAll(ids).values()), pending);
      if (System.nanoTime() - published >= CATCH_UP_PUBLISH_NANOS) {
        store(pending);
        pending = new Unstored();
        published = System.nanoTime();
      }
      waiting.addAndGet(-Math.min(BATCH, stale.size() - i));
      progress.advance(Math.min(stale.size(), i + BATCH), Math.min(stale.size(), i + BATCH));
    }
    store(pending);
    progress.finish(embedded.get() + " records embedded");
  }

  /**
   * How often catching up stores, re-indexes and publishes what it computed: once per batch made a
   * Lucene commit, a searcher refresh (and with it the facet state of the whole index) and a new
   * small segment to merge, whose vector graph is built again at each merge, every 32 records. The
   * vectors wait in memory until then; a crash loses at most this much work, done again at the next
   * start (the store and the index never disagree about them).
   */
  static final long CATCH_UP_PUBLISH_NANOS = TimeUnit.SECONDS.toNanos(2);

  /**
   * Work done in memory and not yet in the store: vectors computed, and the followers' work on
   * them, to be stored, re-indexed and published together.
   */
  private static final class Unstored {
    final Map<String, Vectors.Computed> vectors = new LinkedHashMap<>();
    final List<VectorFollower.Embedded> follow = new ArrayList<>();
  }

  private void embed(List<Standard> records, boolean quiet) {
    Unstored done = new Unstored();
    compute(records, done);
    store(done);
    if (!quiet) {
      LOG.debug("embedded {} records, followed {}", done.vectors.size(), done.follow.size());
    }
  }

  /**
   * Brings a batch up to date in {@code into}: embeds the records whose vector is stale (reusing
   * current ones), and notes those whose follower work is stale; {@link #store} then hands them to
   * the follower and re-indexes what changed.
   */
  private void compute(List<Standard> records, Unstored into) {
    Map<String, Vectors.Computed> computed = into.vectors;
    List<VectorFollower.Embedded> follow = into.follow;
    // The stale records' texts are embedded together: one batched call (OnnxEncoder).
    List<Standard> stale = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (Standard s : records) {
      String text = Embedder.textOf(s);
      String hash = Embedder.hash(text);
      float[] vector = vectors.find(s.id(), hash).orElse(null);
      if (vector == null) {
        stale.add(s);
        texts.add(text);
        hashes.add(hash);
      } else if (!follower.current(s, hash)) {
        follow.add(new VectorFollower.Embedded(s, hash, vector));
      }
    }
    if (stopped) {
      return;
    }
    float[][] fresh = embedder.embedAll(texts);
    for (int i = 0; i < fresh.length; i++) {
      Standard s = stale.get(i);
      computed.put(s.id(), new Vectors.Computed(hashes.get(i), fresh[i]));
      follow.add(new VectorFollower.Embedded(s, hashes.get(i), fresh[i]));
    }
  }

  /** Stores the vectors, hands the records to the follower, re-indexes them and publishes. */
  private void store(Unstored done) {
    if (!done.vectors.isEmpty()) {
      vectors.saveAll(done.vectors);
      embedded.addAndGet(done.vectors.size());
    }
    if (done.follow.isEmpty()) {
      return;
    }
    follower.follow(done.follow);
    done.follow.forEach(e -> catalog.reindex(e.record().id()));
    catalog.publish();
  }

  @Override
  public void close() {
    stopped = true;
    synchronized (queued) {
      queued.notifyAll();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thread.isAlive()) {
      try {
        // Another node need not wait out the term.
        lease.release();
      } catch (RuntimeException e) {
        LOG.warn("cannot release the embedding lease: {}", e.toString());
      }
    }
  }
}
