package org.aisx.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code --db} values the command line takes (SPEC §3 and §11). */
class StoreConfigTest {

  @Test
  void jdbcUrlsAreTakenAsGiven() {
    StoreConfig pg = StoreConfig.fromUrl("jdbc:postgresql://127.0.0.1:5432/aisx?user=aisx");
    assertThat(pg.vendor()).isEqualTo(StoreConfig.Vendor.POSTGRESQL);
    assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/aisx?user=aisx");
    assertThat(StoreConfig.fromUrl("jdbc:sqlite:/tmp/x.db").vendor())
        .isEqualTo(StoreConfig.Vendor.SQLITE);
  }

  /** SPEC §11 writes {@code serve --db postgresql://...}: the libpq form people copy. */
  @Test
  void postgresqlUriAsSpecWritesItIsAccepted() {
    StoreConfig plain = StoreConfig.fromUrl("postgresql://127.0.0.1:5432/aisx?user=postgres");
    assertThat(plain.vendor()).isEqualTo(StoreConfig.Vendor.POSTGRESQL);
    assertThat(plain.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/aisx?user=postgres");

    StoreConfig withUser = StoreConfig.fromUrl("postgres://aisx:s%40cret@db.example.org/aisx");
    assertThat(withUser.vendor()).isEqualTo(StoreConfig.Vendor.POSTGRESQL);
    assertThat(withUser.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.example.org/aisx?user=aisx&password=s%40cret");

    StoreConfig both =
        StoreConfig.fromUrl(
            "postgresql://aisx@127.0.0.1:5433/aisx?sslmode=require&currentSchema=x");
    assertThat(both.jdbcUrl())
        .isEqualTo(
            "jdbc:postgresql://127.0.0.1:5433/aisx?sslmode=require&currentSchema=x&user=aisx");
  }

  @Test
  void otherUrlsAreRefusedNamingTheFormsTaken() {
    assertThatThrownBy(() -> StoreConfig.fromUrl("mysql://localhost/aisx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgresql://")
        .hasMessageContaining("jdbc:postgresql:");
  }
}
