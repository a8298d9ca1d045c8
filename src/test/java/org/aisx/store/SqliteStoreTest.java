package org.aisx.store;

import java.nio.file.Path;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends CatalogStoreContract {
  @TempDir Path dir;
  Database db;
  SqlCatalogStore store;

  @BeforeEach
  void open() {
    db = Database.open(StoreConfig.embedded(dir));
    store = new SqlCatalogStore(db, Json.mapper());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Override
  CatalogStore store() {
    return store;
  }
}
