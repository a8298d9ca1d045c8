package org.aisx.store;

import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Leases on background jobs in the database (migration V11), so that a job runs on one node at a
 * time however many share the database: the holder renews its lease before each batch of work; a
 * lease not renewed within its term (a node killed or cut off) lapses, and the next node to ask
 * takes it. Times are the database's clock, so the nodes' clocks need not agree.
 */
public final class Leases {
  private final Jdbi jdbi;
  private final String holder;
  private final String now;

  /** Leases taken in the name of {@code holder} (one per node: unique among running nodes). */
  public Leases(Database db, String holder) {
    this.jdbi = db.jdbi();
    this.holder = holder;
    this.now =
        db.vendor() == StoreConfig.Vendor.POSTGRESQL
            ? "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"
            : "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
  }

  /** Who takes the leases. */
  public String holder() {
    return holder;
  }

  /** A lease on {@code job} for {@code term} at a time. */
  public Lease on(String job, Duration term) {
    return new Lease(job, term.toMillis());
  }

  /** One job's lease, as this node sees it. */
  public final class Lease {
    private final String job;
    private final long termMillis;

    private Lease(String job, long termMillis) {
      this.job = job;
      this.termMillis = termMillis;
    }

    /** Who takes the lease: this node. */
    public String holder() {
      return holder;
    }

    /**
     * Takes the lease, or renews it when this node holds it, for one more term from now; false when
     * another node holds it and its term has not run out.
     */
    public boolean hold() {
      return jdbi.withHandle(
              h ->
                  h.createUpdate(
                          "INSERT INTO job_lease (job, holder, expires_at) VALUES (:job, :holder, "
                              + now
                              + " + :term) ON CONFLICT (job) DO UPDATE SET holder ="
                              + " excluded.holder, expires_at = excluded.expires_at WHERE"
                              + " job_lease.holder = excluded.holder OR job_lease.expires_at < "
                              + now)
                      .bind("job", job)
                      .bind("holder", holder)
                      .bind("term", termMillis)
                      .execute())
          == 1;
    }

    /**
     * Gives the lease up if this node holds it, so that another node need not wait out its term.
     */
    public void release() {
      jdbi.useHandle(
          h ->
              h.createUpdate("DELETE FROM job_lease WHERE job = :job AND holder = :holder")
                  .bind("job", job)
                  .bind("holder", holder)
                  .execute());
    }

    /**
     * Frees the lease whoever holds it: only for a node that knows no other can (the embedded
     * store, whose data directory one process opens), so that a holder it outlived (killed, then
     * restarted) need not be waited out.
     */
    public void clear() {
      jdbi.useHandle(
          h -> h.createUpdate("DELETE FROM job_lease WHERE job = :job").bind("job", job).execute());
    }

    /** The node holding the lease now, if its term has not run out. */
    public java.util.Optional<String> holderNow() {
      return jdbi.withHandle(
          h ->
              h.createQuery(
                      "SELECT holder FROM job_lease WHERE job = :job AND expires_at >= " + now)
                  .bind("job", job)
                  .mapTo(String.class)
                  .findOne());
    }
  }
}
