package org.aisx.store;

import java.sql.SQLException;
import org.aisx.catalog.Json;
import org.aisx.taxonomy.TaxonomyStore;
import org.junit.jupiter.api.AfterEach;

/**
 * The taxonomy contract on a real PostgreSQL, each test in its own schema ({@link PostgresSchema});
 * fails, never skips, when PostgreSQL is not reachable.
 */
class PostgresTaxonomyStoreTest extends TaxonomyStoreContract {
  PostgresSchema schema;
  Database db;

  @Override
  TaxonomyStore openStore() throws SQLException {
    schema = PostgresSchema.create();
    db = schema.open();
    return new SqlTaxonomyStore(db, Json.mapper());
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
    schema.drop();
  }
}
