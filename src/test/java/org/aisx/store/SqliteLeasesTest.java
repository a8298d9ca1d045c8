package org.aisx.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteLeasesTest extends LeasesContract {
  @TempDir Path dir;
  Database db;

  @BeforeEach
  void open() {
    db = Database.open(StoreConfig.embedded(dir));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Override
  Database db() {
    return db;
  }
}
