package org.aisx.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link LeasesContract} on the real PostgreSQL, in a schema of its own. */
class PostgresLeasesTest extends LeasesContract {
  String schema;
  Database db;

  @BeforeEach
  void open() throws SQLException {
    schema = "aisx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(PostgresStoreTest.URL)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    db = Database.open(StoreConfig.fromUrl(PostgresStoreTest.URL + "&currentSchema=" + schema));
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
    try (Connection c = DriverManager.getConnection(PostgresStoreTest.URL)) {
      c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Override
  Database db() {
    return db;
  }
}
