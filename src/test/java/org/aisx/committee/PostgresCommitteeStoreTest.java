package org.aisx.committee;

import java.sql.SQLException;
import org.aisx.catalog.Json;
import org.aisx.store.Database;
import org.aisx.store.PostgresSchema;
import org.junit.jupiter.api.AfterEach;

/**
 * The register of committees on a real PostgreSQL, each test in its own schema ({@link
 * PostgresSchema}); fails, never skips, when PostgreSQL is not reachable.
 */
class PostgresCommitteeStoreTest extends CommitteeStoreContract {
  PostgresSchema schema;
  Database db;

  @Override
  CommitteeStore openStore() throws SQLException {
    schema = PostgresSchema.create();
    db = schema.open();
    return new SqlCommitteeStore(db, Json.mapper());
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
    schema.drop();
  }
}
