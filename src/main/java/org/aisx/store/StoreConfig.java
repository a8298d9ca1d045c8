package org.aisx.store;

import java.nio.file.Path;

/**
 * Where the catalogue lives: the embedded SQLite file under the data directory, or a PostgreSQL
 * JDBC URL. Checked once when built; immutable afterwards.
 */
public record StoreConfig(String jdbcUrl, Vendor vendor) {

  /** The databases the store runs on. */
  public enum Vendor {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Vendor(String migrationFolder) {
      this.migrationFolder = migrationFolder;
    }

    String migrations() {
      return "classpath:db/migration/" + migrationFolder;
    }
  }

  public StoreConfig {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      throw new IllegalArgumentException("database URL is empty");
    }
  }

  /** The embedded store's file name in the data directory. */
  public static final String EMBEDDED_FILE = "catalogue.db";

  /** The embedded default: {@code DATA_DIR/catalogue.db}. */
  public static StoreConfig embedded(Path dataDir) {
    return new StoreConfig(
        "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve(EMBEDDED_FILE), Vendor.SQLITE);
  }

  /** A {@code --db} value: a PostgreSQL or SQLite JDBC URL. */
  public static StoreConfig fromUrl(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return new StoreConfig(url, Vendor.POSTGRESQL);
    }
    if (url.startsWith("jdbc:sqlite:")) {
      return new StoreConfig(url, Vendor.SQLITE);
    }
    throw new IllegalArgumentException(
        "--db must be a jdbc:postgresql: or jdbc:sqlite: URL, not '" + url + "'");
  }
}
