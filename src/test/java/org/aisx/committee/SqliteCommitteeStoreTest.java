package org.aisx.committee;

import java.nio.file.Path;
import org.aisx.catalog.Json;
import org.aisx.store.Database;
import org.aisx.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteCommitteeStoreTest extends CommitteeStoreContract {
  @TempDir Path dir;
  Database db;

  @Override
  CommitteeStore openStore() {
    db = Database.open(StoreConfig.embedded(dir));
    return new SqlCommitteeStore(db, Json.mapper());
  }

  @AfterEach
  void close() {
    db.close();
  }
}
