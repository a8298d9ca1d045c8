package org.aisx.store;

import static org.aisx.store.IsoUpdatesTurnedContract.rows;
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
import org.aisx.catalog.Status;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Migration 23 ({@link IsoDraftLinksTurned}) over a store that version 22 wrote, on SQLite and
 * PostgreSQL: a {@code replaces} link from a dated ISO edition to an undated draft, that ISO's feed
 * or the bundled catalogue gave for ISO's "Will be replaced by", reads {@code replaced-by} once the
 * store is opened, as a new revision with its history; the edition stays in force, and a record
 * people wrote and the links of other sources stay.
 */
abstract class IsoDraftLinksTurnedContract {

  /** A new, empty store, not opened yet. */
  abstract StoreConfig config();

  /** Another new, empty store, not opened yet. */
  abstract StoreConfig another();

  @Test
  void anIsoEditionsReplacesLinkToAnUndatedDraftReadsReplacedByOnceOpenedAndOnlyOnce()
      throws Exception {
    Version22Store.write(config());
    try (Database db = Database.open(config())) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      assertTurned(store);
      List<HistoryEvent> history = store.history(Version22Store.FEED_ID);
      assertThat(history).hasSize(2);
      HistoryEvent event = history.get(1);
      assertThat(event.kind()).isEqualTo(HistoryEvent.Kind.FIELD_CHANGED);
      assertThat(event.field()).isEqualTo("relations");
      assertThat(event.revision()).isEqualTo(2);
      assertThat(event.actor()).isEqualTo(RelationTargetsNamed.ACTOR);
      assertThat(event.source()).isEqualTo(RelationTargetsNamed.SOURCE);
      assertThat(event.oldValue())
          .contains("{\"type\":\"replaces\",\"target\":\"ISO/DIS 23150-1\"");
      assertThat(event.newValue())
          .contains("{\"type\":\"replaced-by\",\"target\":\"ISO/DIS 23150-1\"")
          .contains("{\"type\":\"replaces\",\"target\":\"ISO/PAS 23150:2021\"");
      assertThat(rows(db, Version22Store.FEED_ID))
          .containsExactlyInAnyOrder(
              "replaces iso-pas-23150-2021",
              "replaced-by iso-dis-23150-1",
              "replaced-by iso-cd-23150-2");
      assertThat(rows(db, Version22Store.SEEDED_ID)).containsExactly("replaced-by iso-cd-18587");
      // The draft's own link, the right way round, was not rewritten.
      assertThat(store.find(Version22Store.DRAFT_ID).orElseThrow().revision()).isEqualTo(1);
      assertThat(rows(db, Version22Store.DRAFT_ID)).containsExactly("replaces iso-23150-2023");
    }
    try (Database db = Database.open(config())) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      long events = store.lastEventSeq();
      try (Handle h = db.jdbi().open()) {
        Connection c = h.getConnection();
        assertThat(IsoDraftLinksTurned.repair(c, Clock.systemUTC())).isZero();
      }
      assertThat(store.lastEventSeq()).isEqualTo(events);
      assertThat(store.find(Version22Store.FEED_ID).orElseThrow().revision()).isEqualTo(2);
    }
  }

  /**
   * A backup taken by version 22 holds the links as it stored them; restored into this version's
   * store, which is migrated already, it is repaired as an upgraded store is.
   */
  @Test
  void aBackupOfVersion22IsRepairedWhenRestored() throws Exception {
    Version22Store.write(config());
    Backup backup = new Backup(Json.mapper(), Clock.systemUTC());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(backup.write(config(), out, Progress.SILENT).schemaVersion()).isEqualTo("22");
    try (Database db = Database.open(another());
        Handle h = db.jdbi().open()) {
      backup.restore(
          h.getConnection(),
          another().vendor(),
          new ByteArrayInputStream(out.toByteArray()),
          Progress.SILENT);
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      assertTurned(store);
      assertThat(store.history(Version22Store.FEED_ID)).hasSize(2);
      assertThat(rows(db, Version22Store.FEED_ID)).contains("replaced-by iso-dis-23150-1");
    }
  }

  /** What the repair makes of {@link Version22Store}'s records. */
  static void assertTurned(SqlCatalogStore store) {
    Standard feed = store.find(Version22Store.FEED_ID).orElseThrow();
    assertThat(feed.relations())
        .containsExactly(
            Relation.of(RelationType.REPLACES, "ISO/PAS 23150:2021"),
            Relation.of(RelationType.REPLACED_BY, "ISO/DIS 23150-1"),
            Relation.of(RelationType.REPLACED_BY, "ISO/CD 23150-2"));
    assertThat(feed.revision()).isEqualTo(2);
    assertThat(feed.status()).isEqualTo(Status.IN_FORCE);
    assertThat(feed.source()).isEqualTo("relaton-iso");
    assertThat(feed.fieldSources().get("relations")).containsExactly("relaton-iso");
    Standard seeded = store.find(Version22Store.SEEDED_ID).orElseThrow();
    assertThat(seeded.relations())
        .containsExactly(Relation.of(RelationType.REPLACED_BY, "ISO/CD 18587"));
    assertThat(seeded.revision()).isEqualTo(2);
    // The draft, a record a person wrote and ISO Open Data's record stay as they were.
    for (String id :
        List.of(Version22Store.DRAFT_ID, Version22Store.EDITED_ID, Version22Store.OPEN_DATA_ID)) {
      Standard kept = store.find(id).orElseThrow();
      assertThat(kept.relations())
          .as(id)
          .extracting(Relation::type)
          .containsOnly(RelationType.REPLACES);
      assertThat(store.history(id))
          .as(id)
          .noneMatch(e -> e.field() != null && e.field().equals("relations"));
    }
  }
}
