package org.aisx.suite;

import org.aisx.store.Database;
import org.aisx.store.PostgresSchema;

/**
 * The suite contract on a real PostgreSQL, each test in its own schema; fails, never skips, when
 * PostgreSQL is not reachable (like {@code PostgresStoreTest}).
 */
class PostgresSuiteStoreTest extends SuiteStoreContract {
  PostgresSchema schema;

  @Override
  Database open() throws Exception {
    schema = PostgresSchema.create();
    return schema.open();
  }

  @Override
  void dispose() throws Exception {
    schema.drop();
  }
}
