package org.aisx.store;

import java.nio.file.Path;
import org.aisx.account.AccountStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteAccountStoreTest extends AccountStoreContract {
  @TempDir Path dir;
  Database db;

  @Override
  AccountStore openStore() {
    db = Database.open(StoreConfig.embedded(dir));
    return new SqlAccountStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }
}
