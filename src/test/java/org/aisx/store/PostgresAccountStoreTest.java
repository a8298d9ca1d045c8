package org.aisx.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.aisx.account.AccountStore;
import org.junit.jupiter.api.AfterEach;

/**
 * The account contract on a real PostgreSQL, each test in its own schema; fails, never skips, when
 * PostgreSQL is not reachable (see {@link PostgresStoreTest}).
 */
class PostgresAccountStoreTest extends AccountStoreContract {
  String schema;
  Database db;

  @Override
  AccountStore openStore() throws SQLException {
    schema = "aisx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(PostgresStoreTest.URL)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    db = Database.open(StoreConfig.fromUrl(PostgresStoreTest.URL + "&currentSchema=" + schema));
    return new SqlAccountStore(db);
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
    try (Connection c = DriverManager.getConnection(PostgresStoreTest.URL)) {
      c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
