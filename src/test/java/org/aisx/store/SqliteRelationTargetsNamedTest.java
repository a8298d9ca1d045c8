package org.aisx.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteRelationTargetsNamedTest extends RelationTargetsNamedContract {
  @TempDir Path dir;

  @Override
  StoreConfig config() {
    return StoreConfig.embedded(dir);
  }
}
