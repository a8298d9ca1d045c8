package org.aisx.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.aisx.catalog.Json;
import org.aisx.taxonomy.TaxonomyStore;
import org.junit.jupiter.api.AfterEach;

/**
 * The taxonomy contract on a real PostgreSQL, each test in its own schema; fails, never skips, when
 * PostgreSQL is not reachable (see {@link PostgresStoreTest}).
 */
class PostgresTaxonomyStoreTest extends TaxonomyStoreContract {
  String schema;
  Database db;

  @Override
  TaxonomyStore openStore() throws SQLException {
    schema = "aisx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(PostgresStoreTest.URL)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    db = Database.open(StoreConfig.fromUrl(PostgresStoreTest.URL + "&currentSchema=" + schema));
    return new SqlTaxonomyStore(db, Json.mapper());
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
    try (Connection c = DriverManager.getConnection(PostgresStoreTest.URL)) {
      c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
