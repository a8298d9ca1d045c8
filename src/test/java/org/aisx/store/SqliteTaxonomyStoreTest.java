package org.aisx.store;

import java.nio.file.Path;
import org.aisx.catalog.Json;
import org.aisx.taxonomy.TaxonomyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteTaxonomyStoreTest extends TaxonomyStoreContract {
  @TempDir Path dir;
  Database db;

  @Override
  TaxonomyStore openStore() {
    db = Database.open(StoreConfig.embedded(dir));
    return new SqlTaxonomyStore(db, Json.mapper());
  }

  @AfterEach
  void close() {
    db.close();
  }
}
