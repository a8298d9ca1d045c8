package org.aisx.ingest;

import java.sql.SQLException;
import org.aisx.store.Database;
import org.aisx.store.PostgresSchema;
import org.junit.jupiter.api.AfterEach;

/**
 * The store of import jobs on a real PostgreSQL, each test in its own schema ({@link
 * PostgresSchema}); fails, never skips, when PostgreSQL is not reachable.
 */
class PostgresImportJobStoreTest extends ImportJobStoreContract {
  PostgresSchema schema;
  Database db;

  @Override
  ImportJobStore openStore() throws SQLException {
    schema = PostgresSchema.create();
    db = schema.open();
    return new ImportJobStore(db);
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
    schema.drop();
  }
}
