package org.aisx.submission;

import java.nio.file.Path;
import org.aisx.store.Database;
import org.aisx.store.StoreConfig;
import org.junit.jupiter.api.io.TempDir;

/** The submission contract on the embedded SQLite store. */
class SqliteSubmissionStoreTest extends SubmissionStoreContract {
  @TempDir Path dir;

  @Override
  Database open() {
    return Database.open(StoreConfig.embedded(dir));
  }

  @Override
  void dispose() {}
}
