package org.aisx.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the nodes over one PostgreSQL database follow to keep their search indexes in step (SPEC
 * §11): the catalogue's history events and the derived changes (embeddings, machine suggestions,
 * review decisions), each row with the id of the transaction that wrote it (migration V11).
 *
 * <p>A node reads by ranges of transaction ids, never by sequence number: a sequence number is
 * handed out when a row is inserted, so a transaction holding a lower one can commit after one
 * holding a higher one, and a reader going by sequence would skip it. Every transaction older than
 * the {@link #horizon} (the oldest transaction still running) has finished, so the rows below it
 * are all there is and will ever be; reading {@code [from, horizon)} and then moving on to {@code
 * horizon} misses nothing, whatever order transactions commit in.
 *
 * <p>The embedded store serves one node, so there is nothing to follow: {@link #shared} is false
 * and {@link #noteDerived} writes nothing.
 */
public final class ChangeLog {
  private final Jdbi jdbi;
  private final boolean shared;

  public ChangeLog(Database db) {
    this.jdbi = db.jdbi();
    this.shared = db.vendor() == StoreConfig.Vendor.POSTGRESQL;
  }

  /** Whether several nodes may share this database, so that each must follow the others. */
  public boolean shared() {
    return shared;
  }

  /**
   * Notes, in the transaction of {@code handle}, that what the index derives from these records
   * changed (their embedding or suggestions), so that other nodes index them again.
   */
  public void noteDerived(Handle handle, Collection<String> recordIds) {
    if (!shared || recordIds.isEmpty()) {
      return;
    }
    var batch = handle.prepareBatch("INSERT INTO derived_change (record_id) VALUES (:id)");
    for (String id : new LinkedHashSet<>(recordIds)) {
      batch.bind("id", id).add();
    }
    batch.execute();
  }

  /**
   * The id of the oldest transaction still running (or of the next one, when none is): every
   * transaction below it has committed or rolled back.
   */
  public long horizon() {
    requireShared();
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS TEXT) AS BIGINT)")
                .mapTo(Long.class)
                .one());
  }

  /** The records changed by transactions with ids in {@code [from, to)}. */
  public record Changes(Set<String> written, Set<String> derived) {
    public boolean isEmpty() {
      return written.isEmpty() && derived.isEmpty();
    }

    /** Every record changed either way. */
    public List<String> all() {
      Set<String> all = new LinkedHashSet<>(written);
      all.addAll(derived);
      return new ArrayList<>(all);
    }
  }

  /**
   * The records written, and those whose derived data changed, in transactions {@code [from, to)}.
   */
  public Changes between(long from, long to) {
    requireShared();
    Set<String> written = new LinkedHashSet<>();
    Set<String> derived = new LinkedHashSet<>();
    if (to <= from) {
      return new Changes(written, derived);
    }
    jdbi.useHandle(
        h -> {
          h.createQuery(
                  "SELECT record_id FROM history_event WHERE txid >= CAST(CAST(:from AS TEXT) AS"
                      + " xid8) AND txid < CAST(CAST(:to AS TEXT) AS xid8) ORDER BY seq")
              .bind("from", from)
              .bind("to", to)
              .setFetchSize(1_000)
              .mapTo(String.class)
              .forEach(written::add);
          h.createQuery(
                  "SELECT record_id FROM derived_change WHERE txid >= CAST(CAST(:from AS TEXT) AS"
                      + " xid8) AND txid < CAST(CAST(:to AS TEXT) AS xid8) ORDER BY seq")
              .bind("from", from)
              .bind("to", to)
              .setFetchSize(1_000)
              .mapTo(String.class)
              .forEach(derived::add);
        });
    return new Changes(written, derived);
  }

  private void requireShared() {
    if (!shared) {
      throw new IllegalStateException("the embedded store has no change log to follow");
    }
  }
}
