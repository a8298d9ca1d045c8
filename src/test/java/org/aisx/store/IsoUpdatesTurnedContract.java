package org.aisx.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;
import org.aisx.backup.Backup;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Migration 22 ({@link IsoUpdatesTurned}) over a store that version 21 wrote, on SQLite and
 * PostgreSQL: an {@code updates} link that ISO's feed or the bundled catalogue gave and that the
 * ISO/IEC mapping now reads as {@code updated-by} is turned round once the store is opened, as a
 * new revision with its history; a record people wrote and the links of other sources stay.
 */
abstract class IsoUpdatesTurnedContract {

  /** A new, empty store, not opened yet. */
  abstract StoreConfig config();

  /** Another new, empty store, not opened yet. */
  abstract StoreConfig another();

  @Test
  void anIsoFeedsUpdatesLinkToANewerEditionReadsUpdatedByOnceOpenedAndOnlyOnce() throws Exception {
    Version21Store.write(config());
    try (Database db = Database.open(config())) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      assertTurned(store);
      Standard feed = store.find(Version21Store.FEED_ID).orElseThrow();
      assertThat(feed.source()).isEqualTo("relaton-iso");
      assertThat(feed.fieldSources().get("relations")).containsExactly("relaton-iso");
      List<HistoryEvent> history = store.history(Version21Store.FEED_ID);
      assertThat(history).hasSize(2);
      HistoryEvent event = history.get(1);
      assertThat(event.kind()).isEqualTo(HistoryEvent.Kind.FIELD_CHANGED);
      assertThat(event.field()).isEqualTo("relations");
      assertThat(event.revision()).isEqualTo(2);
      assertThat(event.actor()).isEqualTo(RelationTargetsNamed.ACTOR);
      assertThat(event.source()).isEqualTo(RelationTargetsNamed.SOURCE);
      assertThat(event.oldValue()).contains("{\"type\":\"updates\",\"target\":\"ISO 12813:2019\"");
      assertThat(event.newValue())
          .contains("{\"type\":\"updated-by\",\"target\":\"ISO 12813:2019\"")
          .contains("{\"type\":\"updates\",\"target\":\"ISO 4610:1977\"");
      assertThat(rows(db, Version21Store.FEED_ID))
          .containsExactlyInAnyOrder(
              "replaces iso-ts-12813-2009",
              "updated-by iso-12813-2019",
              "updated-by iso-12813-2015-amd-1-2017",
              "updates iso-4610-1977");
      assertThat(rows(db, Version21Store.SEEDED_ID))
          .containsExactly("updated-by iso-iec-27001-2022");
      // The targets were not rewritten: they read the link from the relation rows.
      assertThat(store.find("iso-12813-2019").orElseThrow().revision()).isEqualTo(1);
    }
    try (Database db = Database.open(config())) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      long events = store.lastEventSeq();
      try (Handle h = db.jdbi().open()) {
        Connection c = h.getConnection();
        assertThat(IsoUpdatesTurned.repair(c, Clock.systemUTC())).isZero();
      }
      assertThat(store.lastEventSeq()).isEqualTo(events);
      assertThat(store.find(Version21Store.FEED_ID).orElseThrow().revision()).isEqualTo(2);
    }
  }

  /**
   * A backup taken by version 21 holds the links as it stored them; restored into this version's
   * store, which is migrated already, it is repaired as an upgraded store is.
   */
  @Test
  void aBackupOfVersion21IsRepairedWhenRestored() throws Exception {
    Version21Store.write(config());
    Backup backup = new Backup(Json.mapper(), Clock.systemUTC());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(backup.write(config(), out, Progress.SILENT).schemaVersion()).isEqualTo("21");
    try (Database db = Database.open(another());
        Handle h = db.jdbi().open()) {
      backup.restore(
          h.getConnection(),
          another().vendor(),
          new ByteArrayInputStream(out.toByteArray()),
          Progress.SILENT);
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      assertTurned(store);
      assertThat(store.history(Version21Store.FEED_ID)).hasSize(2);
      assertThat(rows(db, Version21Store.FEED_ID)).contains("updated-by iso-12813-2019");
    }
  }

  /** What the repair makes of {@link Version21Store}'s records. */
  static void assertTurned(SqlCatalogStore store) {
    Standard feed = store.find(Version21Store.FEED_ID).orElseThrow();
    assertThat(feed.relations())
        .containsExactly(
            Relation.of(RelationType.REPLACES, "ISO/TS 12813:2009"),
            Relation.of(RelationType.UPDATED_BY, "ISO 12813:2019"),
            Relation.of(RelationType.UPDATED_BY, "ISO 12813:2015/Amd 1:2017"),
            Relation.of(RelationType.UPDATES, "ISO 4610:1977"));
    assertThat(feed.revision()).isEqualTo(2);
    Standard seeded = store.find(Version21Store.SEEDED_ID).orElseThrow();
    assertThat(seeded.relations())
        .containsExactly(Relation.of(RelationType.UPDATED_BY, "ISO/IEC 27001:2022"));
    assertThat(seeded.revision()).isEqualTo(2);
    // A record a person wrote, ISO Open Data's corrigendum and ITU-T's link stay as they were.
    for (String id :
        List.of(Version21Store.EDITED_ID, Version21Store.OPEN_DATA_ID, Version21Store.ITU_ID)) {
      Standard kept = store.find(id).orElseThrow();
      assertThat(kept.relations())
          .as(id)
          .extracting(Relation::type)
          .containsOnly(RelationType.UPDATES);
      assertThat(store.history(id))
          .as(id)
          .noneMatch(e -> e.field() != null && e.field().equals("relations"));
    }
  }

  /** The relation rows of {@code id}, as "type target-id". */
  static List<String> rows(Database db, String id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT type, target_id FROM relation WHERE source_id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2))
                    .list());
  }
}
