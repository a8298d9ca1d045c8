package org.aisx.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** A migrated connection pool for one {@link StoreConfig}. */
public final class Database implements AutoCloseable {
  /** How long a request waits for a PostgreSQL connection before it is refused (503). */
  static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

  /**
   * SQLSTATEs that say the server cannot be reached or is not taking connections: class 08
   * (connection exception), an administrator's shutdown or a server starting (57P01-57P03), too
   * many connections (53300).
   */
  private static final Set<String> UNREACHABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  /**
   * Whether {@code failure} (or what caused it) says the database cannot be reached just now,
   * rather than that a statement was wrong: the pool timed out waiting for a connection, or the
   * server refused or dropped one. A request failing so is answered 503, to be tried again.
   */
  public static boolean unreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || UNREACHABLE_STATES.contains(state)) {
          return true;
        }
      }
    }
    return false;
  }

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final StoreConfig.Vendor vendor;

  private Database(HikariDataSource pool, StoreConfig.Vendor vendor) {
    this.pool = pool;
    this.vendor = vendor;
    this.jdbi = Jdbi.create(pool);
  }

  /** Opens the pool and brings the schema to the newest migration. */
  public static Database open(StoreConfig config) {
    return open(config, null);
  }

  /**
   * Opens the pool with the schema brought to {@code version} only (null: the newest), so that a
   * test can write a store as an older version left it and check what a later migration makes of
   * it.
   */
  static Database open(StoreConfig config, String version) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(config.jdbcUrl());
    hc.setPoolName("aisx");
    if (config.vendor() == StoreConfig.Vendor.SQLITE) {
      // One writer at a time (WAL lets readers go on); IMMEDIATE takes the write lock at BEGIN so
      // two writers queue on busy_timeout instead of failing half-way through a transaction.
      hc.addDataSourceProperty("journal_mode", "WAL");
      hc.addDataSourceProperty("synchronous", "NORMAL");
      hc.addDataSourceProperty("foreign_keys", "true");
      hc.addDataSourceProperty("busy_timeout", "10000");
      hc.addDataSourceProperty("transaction_mode", "IMMEDIATE");
      hc.setMaximumPoolSize(4);
    } else {
      hc.setMaximumPoolSize(8);
      // A request waits this long for a connection when the server cannot be reached (restarted,
      // refusing connections), then is answered 503 ({@link #unreachable}), rather than hanging
      // for Hikari's default 30 s while the proxy's clients and health checks wait.
      hc.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot connect to the database at " + redact(config.jdbcUrl()) + ": " + e.getMessage(),
          e);
    }
    try {
      migrate(pool, config.vendor(), version);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool, config.vendor());
  }

  /**
   * The SQL migrations of the vendor's folder, and the Java ones, which rewrite records' (and
   * suites') JSON documents the same way on both databases and are numbered among the SQL ones.
   */
  private static void migrate(DataSource ds, StoreConfig.Vendor vendor, String version) {
    var flyway =
        Flyway.configure()
            .dataSource(ds)
            .locations(vendor.migrations())
            .javaMigrations(
                new RelationTargetsNamed(),
                new IsoUpdatesTurned(),
                new IsoDraftLinksTurned(),
                new W3cLatestVersionsJoined(),
                new SuiteNotesAsFacts());
    if (version != null) {
      flyway.target(version);
    }
    flyway.load().migrate();
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public StoreConfig.Vendor vendor() {
    return vendor;
  }

  @Override
  public void close() {
    pool.close();
  }
}
