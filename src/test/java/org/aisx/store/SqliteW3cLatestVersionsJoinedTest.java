package org.aisx.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteW3cLatestVersionsJoinedTest extends W3cLatestVersionsJoinedContract {
  @TempDir Path dir;

  @Override
  StoreConfig config() {
    return StoreConfig.embedded(dir);
  }

  @Override
  StoreConfig another() {
    try {
      return StoreConfig.embedded(java.nio.file.Files.createDirectories(dir.resolve("another")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
