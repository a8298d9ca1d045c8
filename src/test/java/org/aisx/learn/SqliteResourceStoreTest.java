package org.aisx.learn;

import java.nio.file.Path;
import org.aisx.store.Database;
import org.aisx.store.StoreConfig;
import org.junit.jupiter.api.io.TempDir;

/** The resource store contract on the embedded SQLite store. */
class SqliteResourceStoreTest extends ResourceStoreContract {
  @TempDir Path dir;

  @Override
  Database open() {
    return Database.open(StoreConfig.embedded(dir));
  }

  @Override
  void dispose() {}
}
