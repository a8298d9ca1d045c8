package org.aisx.glossary;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.aisx.store.Database;
import org.aisx.store.StoreConfig;

/**
 * The glossary store contract on a real PostgreSQL, each test in its own schema; fails, never
 * skips, when PostgreSQL is not reachable (like {@code PostgresStoreTest}).
 */
class PostgresGlossaryStoreTest extends GlossaryStoreContract {
  static final String URL =
      System.getProperty("aisx.test.pg", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  String schema;

  @Override
  Database open() throws Exception {
    schema = "aisx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(URL)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    return Database.open(StoreConfig.fromUrl(URL + "&currentSchema=" + schema));
  }

  @Override
  void dispose() throws Exception {
    try (Connection c = DriverManager.getConnection(URL)) {
      c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
