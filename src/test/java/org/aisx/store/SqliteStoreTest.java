package org.aisx.store;

import java.nio.file.Path;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends CatalogStoreContract {
  @TempDir Path dir;
  SqlCatalogStore store;

  @BeforeEach
  void open() {
    store = new SqlCatalogStore(Database.open(StoreConfig.embedded(dir)), Json.mapper());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  CatalogStore store() {
    return store;
  }
}
