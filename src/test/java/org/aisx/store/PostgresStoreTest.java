package org.aisx.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The same contract on a real PostgreSQL (the machine's server, database {@code test}; override
 * with {@code -Daisx.test.pg=jdbc:postgresql://...}). Each test gets its own schema. The test
 * fails, never skips, when PostgreSQL is not reachable: CI must provide it.
 */
class PostgresStoreTest extends CatalogStoreContract {
  static final String URL =
      System.getProperty("aisx.test.pg", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
  String schema;
  Database db;
  SqlCatalogStore store;

  @BeforeEach
  void open() throws SQLException {
    schema = "aisx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(URL)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    db = Database.open(StoreConfig.fromUrl(URL + "&currentSchema=" + schema));
    store = new SqlCatalogStore(db, Json.mapper());
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
    try (Connection c = DriverManager.getConnection(URL)) {
      c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Override
  CatalogStore store() {
    return store;
  }
}
