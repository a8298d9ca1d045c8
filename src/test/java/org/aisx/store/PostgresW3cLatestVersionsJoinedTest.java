package org.aisx.store;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The migration's contract on PostgreSQL, each test in a schema of its own. */
class PostgresW3cLatestVersionsJoinedTest extends W3cLatestVersionsJoinedContract {
  PostgresSchema schema;
  PostgresSchema another;

  @BeforeEach
  void create() throws SQLException {
    schema = PostgresSchema.create();
    another = PostgresSchema.create();
  }

  @AfterEach
  void drop() throws SQLException {
    schema.drop();
    another.drop();
  }

  @Override
  StoreConfig another() {
    return another.config();
  }

  @Override
  StoreConfig config() {
    return schema.config();
  }
}
