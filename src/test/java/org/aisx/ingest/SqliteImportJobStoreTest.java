package org.aisx.ingest;

import java.nio.file.Path;
import org.aisx.store.Database;
import org.aisx.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteImportJobStoreTest extends ImportJobStoreContract {
  @TempDir Path dir;
  Database db;

  @Override
  ImportJobStore openStore() {
    db = Database.open(StoreConfig.embedded(dir));
    return new ImportJobStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }
}
