package org.aisx.store;

import static org.aisx.store.IsoUpdatesTurnedContract.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
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
 * Migration 24 ({@link W3cLatestVersionsJoined}) over a store that version 23 wrote, on SQLite and
 * PostgreSQL: a W3C specification's undated latest version and its dated edition of that date,
 * stored as related, read identical both ways once the store is opened, the undated record taking
 * its edition's status, as new revisions with their history; pairs with a record people wrote or
 * that came from another source stay.
 */
abstract class W3cLatestVersionsJoinedContract {

  /** A new, empty store, not opened yet. */
  abstract StoreConfig config();

  /** Another new, empty store, not opened yet. */
  abstract StoreConfig another();

  @Test
  void aW3cLatestVersionAndItsEditionReadIdenticalOnceOpenedAndOnlyOnce() throws Exception {
    Version23Store.write(config());
    try (Database db = Database.open(config())) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      assertJoined(db, store);
      List<HistoryEvent> history = store.history(Version23Store.LATEST_ID);
      assertThat(history).hasSize(3);
      for (HistoryEvent e : history.subList(1, 3)) {
        assertThat(e.revision()).isEqualTo(2);
        assertThat(e.actor()).isEqualTo(RelationTargetsNamed.ACTOR);
        assertThat(e.source()).isEqualTo(RelationTargetsNamed.SOURCE);
      }
      assertThat(history.get(1).field()).isEqualTo("relations");
      assertThat(history.get(1).oldValue())
          .contains("{\"type\":\"related\",\"target\":\"W3C WD-ngram-spec-20010103\"");
      assertThat(history.get(1).newValue())
          .contains("{\"type\":\"identical\",\"target\":\"W3C WD-ngram-spec-20010103\"");
      assertThat(history.get(2).kind()).isEqualTo(HistoryEvent.Kind.STATUS_CHANGED);
      assertThat(history.get(2).oldValue()).isEqualTo("draft");
      assertThat(history.get(2).newValue()).isEqualTo("withdrawn");
      assertThat(store.history(Version23Store.SEEDED_EDITION_ID)).hasSize(2);
    }
    try (Database db = Database.open(config())) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      long events = store.lastEventSeq();
      try (Handle h = db.jdbi().open()) {
        assertThat(W3cLatestVersionsJoined.repair(h.getConnection(), Clock.systemUTC())).isZero();
      }
      assertThat(store.lastEventSeq()).isEqualTo(events);
      assertThat(store.find(Version23Store.LATEST_ID).orElseThrow().revision()).isEqualTo(2);
    }
  }

  /**
   * A backup taken by version 23 holds the links as it stored them; restored into this version's
   * store, which is migrated already, it is repaired as an upgraded store is.
   */
  @Test
  void aBackupOfVersion23IsRepairedWhenRestored() throws Exception {
    Version23Store.write(config());
    Backup backup = new Backup(Json.mapper(), Clock.systemUTC());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(backup.write(config(), out, Progress.SILENT).schemaVersion()).isEqualTo("23");
    try (Database db = Database.open(another());
        Handle h = db.jdbi().open()) {
      backup.restore(
          h.getConnection(),
          another().vendor(),
          new ByteArrayInputStream(out.toByteArray()),
          Progress.SILENT);
      assertJoined(db, new SqlCatalogStore(db, Json.mapper()));
    }
  }

  /** What the repair makes of {@link Version23Store}'s records. */
  static void assertJoined(Database db, SqlCatalogStore store) {
    Standard latest = store.find(Version23Store.LATEST_ID).orElseThrow();
    assertThat(latest.relations())
        .containsExactly(Relation.of(RelationType.IDENTICAL, "W3C WD-ngram-spec-20010103"));
    assertThat(latest.status()).isEqualTo(Status.WITHDRAWN);
    assertThat(latest.revision()).isEqualTo(2);
    assertThat(latest.fieldSources().get("relations")).containsExactly("relaton-w3c");
    assertThat(rows(db, Version23Store.LATEST_ID))
        .containsExactly("identical " + Version23Store.EDITION_ID);
    assertThat(rows(db, Version23Store.EDITION_ID))
        .containsExactly("identical " + Version23Store.LATEST_ID);
    Standard seeded = store.find(Version23Store.SEEDED_ID).orElseThrow();
    assertThat(seeded.relations())
        .containsExactly(
            Relation.of(RelationType.IDENTICAL, "W3C REC-speech-grammar-20040316"),
            Relation.of(RelationType.RELATED, "W3C WD-speech-grammar-20020426"));
    assertThat(seeded.status()).isEqualTo(Status.IN_FORCE);
    assertThat(rows(db, Version23Store.SEEDED_EDITION_ID))
        .containsExactly("identical " + Version23Store.SEEDED_ID);
    // A pair with a record a person wrote, and one from another source, stay as they were.
    List<String> left =
        new ArrayList<>(List.of(Version23Store.EDITED_ID, Version23Store.LISTED_ID));
    left.addAll(Version23Store.LEFT_EDITION_IDS);
    for (String id : left) {
      assertThat(store.find(id).orElseThrow().relations())
          .as(id)
          .extracting(Relation::type)
          .doesNotContain(RelationType.IDENTICAL);
      assertThat(store.history(id))
          .as(id)
          .noneMatch(e -> RelationTargetsNamed.ACTOR.equals(e.actor()));
    }
    assertThat(store.find(Version23Store.EDITED_ID).orElseThrow().status()).isEqualTo(Status.DRAFT);
  }
}
