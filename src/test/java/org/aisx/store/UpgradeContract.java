package org.aisx.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.aisx.backup.Backup;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a migration that rewrites stored records ({@link RecordsMigration}) must do, on SQLite and
 * on PostgreSQL: on a store that the version just before it wrote ({@link OldSchemaStore}), the old
 * rows read as the migration makes them once the store is opened; opening and repairing the
 * upgraded store again changes nothing; and a backup of the old version, restored into a store that
 * is migrated already, is repaired the same way.
 *
 * <p>A migration's test extends this with only its specifics: the migration, the old store, and
 * {@link #assertUpgraded} (plus any case of its own, {@link OnBothStores}).
 */
abstract class UpgradeContract {
  /** A test run once on each database, its {@link StoreConfig.Vendor} as its argument. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreConfig.Vendor.class)
  @interface OnBothStores {}

  @TempDir Path dir;

  private final RecordsMigration migration;
  private final OldSchemaStore old;
  private final List<PostgresSchema> schemas = new ArrayList<>();

  UpgradeContract(RecordsMigration migration, OldSchemaStore old) {
    this.migration = migration;
    this.old = old;
  }

  /**
   * What the migration made of the old rows, in a store that was upgraded, or restored from a
   * backup of the old version: the records it rewrote (new revision, history event, relation rows)
   * and those it left.
   */
  abstract void assertUpgraded(Database db, SqlCatalogStore store);

  @OnBothStores
  void theOldRowsReadAsTheMigrationMakesThemOnceTheStoreIsOpened(StoreConfig.Vendor vendor)
      throws Exception {
    StoreConfig config = newStore(vendor);
    old.write(config);
    try (Database db = Database.open(config)) {
      assertUpgraded(db, new SqlCatalogStore(db, Json.mapper()));
    }
  }

  @OnBothStores
  void openingAndRepairingTheUpgradedStoreAgainChangesNothing(StoreConfig.Vendor vendor)
      throws Exception {
    StoreConfig config = newStore(vendor);
    old.write(config);
    long events;
    try (Database db = Database.open(config)) {
      events = new SqlCatalogStore(db, Json.mapper()).lastEventSeq();
    }
    try (Database db = Database.open(config)) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      assertThat(store.lastEventSeq()).isEqualTo(events);
      try (Handle h = db.jdbi().open()) {
        assertThat(migration.repairOn(h.getConnection(), Clock.systemUTC())).isZero();
      }
      assertThat(store.lastEventSeq()).isEqualTo(events);
      assertUpgraded(db, store);
    }
  }

  /**
   * A backup taken by the version before the migration holds the rows as it stored them (and says
   * so: its schema version is the one just before the migration's); restored into this version's
   * store, which is migrated already, it is repaired as an upgraded store is.
   */
  @OnBothStores
  void aBackupOfTheVersionBeforeIsRepairedWhenRestored(StoreConfig.Vendor vendor) throws Exception {
    StoreConfig config = newStore(vendor);
    old.write(config);
    Backup backup = new Backup(Json.mapper(), Clock.systemUTC());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int before = Integer.parseInt(migration.getVersion().getVersion()) - 1;
    assertThat(backup.write(config, out, Progress.SILENT).schemaVersion())
        .isEqualTo(old.version())
        .isEqualTo(Integer.toString(before));
    StoreConfig another = newStore(vendor);
    try (Database db = Database.open(another);
        Handle h = db.jdbi().open()) {
      backup.restore(
          h.getConnection(), vendor, new ByteArrayInputStream(out.toByteArray()), Progress.SILENT);
      assertUpgraded(db, new SqlCatalogStore(db, Json.mapper()));
    }
  }

  /** A new, empty store on {@code vendor}, not opened yet; gone after the test. */
  StoreConfig newStore(StoreConfig.Vendor vendor) throws IOException, SQLException {
    return switch (vendor) {
      case SQLITE -> StoreConfig.embedded(Files.createTempDirectory(dir, "store"));
      case POSTGRESQL -> {
        PostgresSchema schema = PostgresSchema.create();
        schemas.add(schema);
        yield schema.config();
      }
    };
  }

  @AfterEach
  void dropSchemas() throws SQLException {
    for (PostgresSchema schema : schemas) {
      schema.drop();
    }
  }

  /**
   * The one change the upgrade made to {@code id}: its history is its creation, then a change of
   * its relations by the upgrade as revision 2.
   */
  static HistoryEvent upgradeEvent(SqlCatalogStore store, String id) {
    List<HistoryEvent> history = store.history(id);
    assertThat(history).as(id).hasSize(2);
    HistoryEvent event = history.get(1);
    assertThat(event.kind()).isEqualTo(HistoryEvent.Kind.FIELD_CHANGED);
    assertThat(event.field()).isEqualTo("relations");
    assertThat(event.revision()).isEqualTo(2);
    assertThat(event.actor()).isEqualTo(RelationTargetsNamed.ACTOR);
    assertThat(event.source()).isEqualTo(RelationTargetsNamed.SOURCE);
    return event;
  }

  /**
   * The records {@code ids} kept their {@code type} links, and their history no relations change.
   */
  static void assertLeft(SqlCatalogStore store, RelationType type, String... ids) {
    for (String id : ids) {
      assertThat(store.find(id).orElseThrow().relations())
          .as(id)
          .extracting(Relation::type)
          .containsOnly(type);
      assertThat(store.history(id))
          .as(id)
          .noneMatch(e -> e.field() != null && e.field().equals("relations"));
    }
  }

  /** The relation rows of {@code id}, as "type target-id". */
  static List<String> relationRows(Database db, String id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT type, target_id FROM relation WHERE source_id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2))
                    .list());
  }
}
