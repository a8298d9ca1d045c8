package org.aisx.submission;

import org.aisx.store.Database;
import org.aisx.store.PostgresSchema;

/**
 * The submission contract on a real PostgreSQL, each test in its own schema; fails, never skips,
 * when PostgreSQL is not reachable (like {@code PostgresStoreTest}).
 */
class PostgresSubmissionStoreTest extends SubmissionStoreContract {
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
