package org.aisx.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** A migrated connection pool for one {@link StoreConfig}. */
public final class Database implements AutoCloseable {
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
