package org.aisx.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Migration 20 ({@link RelationTargetsNamed}) over a store that version 19 wrote, on SQLite and
 * PostgreSQL: a relation whose target was stored as a record's id names that record by its
 * identifier once the store is opened, as a new revision with its history; anything else stays.
 */
abstract class RelationTargetsNamedContract {

  /** A new, empty store, not opened yet. */
  abstract StoreConfig config();

  /** Another new, empty store, not opened yet. */
  abstract StoreConfig another();

  /**
   * A backup taken by version 19 holds its relations as it stored them; restored into this
   * version's store, which is migrated already, it is repaired as an upgraded store is.
   */
  @Test
  void aBackupOfVersion19IsRepairedWhenRestored() throws Exception {
    Version19Store.write(config());
    org.aisx.backup.Backup backup =
        new org.aisx.backup.Backup(Json.mapper(), java.time.Clock.systemUTC());
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    assertThat(backup.write(config(), out, org.aisx.catalog.Progress.SILENT).schemaVersion())
        .isEqualTo("19");
    try (Database db = Database.open(another());
        Handle h = db.jdbi().open()) {
      backup.restore(
          h.getConnection(),
          another().vendor(),
          new java.io.ByteArrayInputStream(out.toByteArray()),
          org.aisx.catalog.Progress.SILENT);
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      Standard restored = store.find(Version19Store.SOURCE_ID).orElseThrow();
      assertThat(restored.relations().get(0).target()).isEqualTo(Version19Store.TARGET);
      assertThat(restored.relations().get(2).target()).isEqualTo(Version19Store.UNKNOWN);
      assertThat(restored.revision()).isEqualTo(2);
      assertThat(store.history(Version19Store.SOURCE_ID)).hasSize(2);
    }
  }

  @Test
  void aRelationTargetStoredAsARecordIdIsThatRecordsIdentifierOnceOpenedAndOnlyOnce()
      throws Exception {
    Version19Store.write(config());
    try (Database db = Database.open(config())) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      Standard repaired = store.find("ieee-9000-2026").orElseThrow();
      assertThat(repaired.relations())
          .containsExactly(
              Relation.of(RelationType.REPLACES, Version19Store.TARGET),
              Relation.of(RelationType.COMPLEMENTS, "ISO/IEC 23894:2023"),
              Relation.of(RelationType.COMPLEMENTS, Version19Store.UNKNOWN));
      assertThat(repaired.revision()).isEqualTo(2);
      assertThat(repaired.source()).isEqualTo("relaton-iso");
      List<HistoryEvent> history = store.history("ieee-9000-2026");
      assertThat(history).hasSize(2);
      HistoryEvent event = history.get(1);
      assertThat(event.kind()).isEqualTo(HistoryEvent.Kind.FIELD_CHANGED);
      assertThat(event.field()).isEqualTo("relations");
      assertThat(event.revision()).isEqualTo(2);
      assertThat(event.source()).isEqualTo(RelationTargetsNamed.SOURCE);
      assertThat(event.actor()).isEqualTo(RelationTargetsNamed.ACTOR);
      assertThat(event.oldValue()).contains("\"target\":\"" + Version19Store.TARGET_ID + "\"");
      assertThat(event.newValue())
          .contains("\"target\":\"" + Version19Store.TARGET + "\"")
          .contains("\"target\":\"" + Version19Store.UNKNOWN + "\"");
      // Nothing else was rewritten.
      assertThat(store.find(Version19Store.TARGET_ID).orElseThrow().revision()).isEqualTo(1);
      assertThat(store.history(Version19Store.TARGET_ID)).hasSize(1);
      assertThat(targets(db, "relation"))
          .containsExactlyInAnyOrder(
              Version19Store.TARGET, "ISO/IEC 23894:2023", Version19Store.UNKNOWN);
      assertThat(targets(db, "relation_review")).containsExactly(Version19Store.TARGET);
      assertThat(store.relationReview("review-1").orElseThrow().target())
          .isEqualTo(Version19Store.TARGET);
    }
    long events;
    try (Database db = Database.open(config())) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      assertThat(store.find("ieee-9000-2026").orElseThrow().revision()).isEqualTo(2);
      events = store.lastEventSeq();
      try (Handle h = db.jdbi().open()) {
        Connection c = h.getConnection();
        assertThat(RelationTargetsNamed.repair(c, Clock.systemUTC())).isZero();
      }
      assertThat(store.lastEventSeq()).isEqualTo(events);
      assertThat(store.history("ieee-9000-2026")).hasSize(2);
    }
  }

  /**
   * One relation written both as the record's id and as its identifier is one relation after the
   * repair, not two copies; the record's other relations stay in their order.
   */
  @Test
  void aRelationWrittenBothWaysIsKeptOnce() {
    try (Database db = Database.open(config(), "19")) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      store.write(
          Version19Store.record(Version19Store.TARGET, "ISO/IEC", List.of()),
          0,
          List.of(Version19Store.created(Version19Store.TARGET_ID)));
      Standard source =
          Version19Store.record(
              "IEEE 9000-2026",
              "IEEE",
              List.of(
                  Relation.of(RelationType.REPLACES, Version19Store.TARGET_ID),
                  Relation.of(RelationType.COMPLEMENTS, Version19Store.UNKNOWN),
                  Relation.of(RelationType.REPLACES, Version19Store.TARGET)));
      store.write(source, 0, List.of(Version19Store.created(source.id())));
    }
    try (Database db = Database.open(config())) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      assertThat(store.find("ieee-9000-2026").orElseThrow().relations())
          .containsExactly(
              Relation.of(RelationType.COMPLEMENTS, Version19Store.UNKNOWN),
              Relation.of(RelationType.REPLACES, Version19Store.TARGET));
      assertThat(targets(db, "relation"))
          .containsExactlyInAnyOrder(Version19Store.TARGET, Version19Store.UNKNOWN);
    }
  }

  /** The target column of every row of {@code table}. */
  static List<String> targets(Database db, String table) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT target FROM " + table).mapTo(String.class).list());
  }
}
