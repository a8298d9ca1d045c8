package org.aisx.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A schema of its own on the test PostgreSQL ({@code -Daisx.test.pg}, else 127.0.0.1:5432/test as
 * postgres), for one store test: created empty, opened as a {@link Database}, dropped afterwards.
 * Fails, never skips, when PostgreSQL is not reachable.
 */
public final class PostgresSchema {
  public static final String URL =
      System.getProperty("aisx.test.pg", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private final String name;

  private PostgresSchema(String name) {
    this.name = name;
  }

  /** Creates a new, empty schema with a random name. */
  public static PostgresSchema create() throws SQLException {
    String name = "aisx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(URL)) {
      c.createStatement().execute("CREATE SCHEMA " + name);
    }
    return new PostgresSchema(name);
  }

  /** The store over this schema (Flyway migrates it on open). */
  public Database open() {
    return Database.open(config());
  }

  /** Where this schema is. */
  public StoreConfig config() {
    return StoreConfig.fromUrl(URL + "&currentSchema=" + name);
  }

  /** Drops the schema and everything in it. */
  public void drop() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL)) {
      c.createStatement().execute("DROP SCHEMA " + name + " CASCADE");
    }
  }
}
