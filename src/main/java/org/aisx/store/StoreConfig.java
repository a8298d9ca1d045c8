package org.aisx.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

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

  /**
   * A {@code --db} value: a PostgreSQL or SQLite JDBC URL, or a PostgreSQL connection URI in the
   * libpq form ({@code postgresql://[user[:password]@]host[:port]/db[?param=value&...]}, also
   * {@code postgres://}), as SPEC §11 writes it; such a URI becomes the JDBC URL of the same
   * database, its user and password turned into parameters.
   */
  public static StoreConfig fromUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
      return new StoreConfig(jdbcOfLibpqUri(url), Vendor.POSTGRESQL);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return new StoreConfig(url, Vendor.POSTGRESQL);
    }
    if (url.startsWith("jdbc:sqlite:")) {
      return new StoreConfig(url, Vendor.SQLITE);
    }
    throw new IllegalArgumentException(
        "--db must be a postgresql://, jdbc:postgresql: or jdbc:sqlite: URL, not '" + url + "'");
  }

  /**
   * {@code postgresql://user:pw@host:port/db?x=y} → {@code
   * jdbc:postgresql://host:port/db?x=y&user=user&password=pw}.
   */
  private static String jdbcOfLibpqUri(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "--db: '" + url + "' is not a valid postgresql:// URL: " + e.getReason(), e);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("--db: '" + url + "' names no host");
    }
    StringBuilder out = new StringBuilder("jdbc:postgresql://").append(uri.getRawAuthority());
    int at = out.indexOf("@");
    if (at >= 0) {
      out.delete("jdbc:postgresql://".length(), at + 1);
    }
    out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    StringBuilder params = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
    String userInfo = uri.getUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      appendParam(params, "user", user);
      if (colon >= 0) {
        appendParam(params, "password", userInfo.substring(colon + 1));
      }
    }
    if (params.length() > 0) {
      out.append('?').append(params);
    }
    return out.toString();
  }

  private static void appendParam(StringBuilder params, String name, String value) {
    if (params.length() > 0) {
      params.append('&');
    }
    params.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }
}
