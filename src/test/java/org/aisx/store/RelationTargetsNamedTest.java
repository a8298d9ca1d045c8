package org.aisx.store;

import static org.aisx.store.OldSchemaStore.Writer.imported;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationReview;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;

/**
 * Migration 20 ({@link RelationTargetsNamed}) over a store that version 19 wrote: a relation whose
 * target was stored as a record's id names that record by its identifier once the store is opened,
 * as a new revision with its history; anything else stays.
 */
public final class RelationTargetsNamedTest extends UpgradeContract {
  /** The record the relations name, by its id and by its identifier. */
  public static final String TARGET_ID = "iso-iec-42001-2023";

  public static final String TARGET = "ISO/IEC 42001:2023";

  /** The record that holds the relations. */
  public static final String SOURCE_ID = "ieee-9000-2026";

  /** An id that names no record in the store. */
  public static final String UNKNOWN = "iso-iec-99999-2030";

  /**
   * A store as version 19 left it, relation targets as people typed them: "IEEE 9000-2026" with
   * relations typed as a record's id ({@link #TARGET_ID}), as an id that names no record ({@link
   * #UNKNOWN}) and as an identifier, one of them held for review with the id as its target; and the
   * records named.
   */
  public static final OldSchemaStore VERSION_19 =
      new OldSchemaStore(
          "19",
          old -> {
            old.create(imported(TARGET, "ISO/IEC", "relaton-iso"));
            old.create(imported("ISO/IEC 23894:2023", "ISO/IEC", "relaton-iso"));
            old.create(
                imported(
                    "IEEE 9000-2026",
                    "IEEE",
                    "relaton-iso",
                    Relation.of(RelationType.REPLACES, TARGET_ID),
                    Relation.of(RelationType.COMPLEMENTS, "ISO/IEC 23894:2023"),
                    Relation.of(RelationType.COMPLEMENTS, UNKNOWN)),
                () ->
                    old.store.hold(
                        List.of(
                            new RelationReview(
                                "review-1",
                                SOURCE_ID,
                                null,
                                "IEEE",
                                RelationType.REPLACES,
                                TARGET_ID,
                                TARGET_ID,
                                "ISO/IEC",
                                RelationReview.State.PENDING,
                                "someone@example.org",
                                "edit:contributor",
                                OldSchemaStore.Writer.AT,
                                null,
                                null,
                                null))));
          });

  RelationTargetsNamedTest() {
    super(new RelationTargetsNamed(), VERSION_19);
  }

  @Override
  void assertUpgraded(Database db, SqlCatalogStore store) {
    Standard repaired = store.find(SOURCE_ID).orElseThrow();
    assertThat(repaired.relations())
        .containsExactly(
            Relation.of(RelationType.REPLACES, TARGET),
            Relation.of(RelationType.COMPLEMENTS, "ISO/IEC 23894:2023"),
            Relation.of(RelationType.COMPLEMENTS, UNKNOWN));
    assertThat(repaired.revision()).isEqualTo(2);
    assertThat(repaired.source()).isEqualTo("relaton-iso");
    HistoryEvent event = upgradeEvent(store, SOURCE_ID);
    assertThat(event.oldValue()).contains("\"target\":\"" + TARGET_ID + "\"");
    assertThat(event.newValue())
        .contains("\"target\":\"" + TARGET + "\"")
        .contains("\"target\":\"" + UNKNOWN + "\"");
    // Nothing else was rewritten.
    assertThat(store.find(TARGET_ID).orElseThrow().revision()).isEqualTo(1);
    assertThat(store.history(TARGET_ID)).hasSize(1);
    assertThat(targets(db, "relation"))
        .containsExactlyInAnyOrder(TARGET, "ISO/IEC 23894:2023", UNKNOWN);
    assertThat(targets(db, "relation_review")).containsExactly(TARGET);
    assertThat(store.relationReview("review-1").orElseThrow().target()).isEqualTo(TARGET);
  }

  /**
   * One relation written both as the record's id and as its identifier is one relation after the
   * repair, not two copies; the record's other relations stay in their order.
   */
  @OnBothStores
  void aRelationWrittenBothWaysIsKeptOnce(StoreConfig.Vendor vendor) throws Exception {
    StoreConfig config = newStore(vendor);
    new OldSchemaStore(
            "19",
            old -> {
              old.create(imported(TARGET, "ISO/IEC", "relaton-iso"));
              old.create(
                  imported(
                      "IEEE 9000-2026",
                      "IEEE",
                      "relaton-iso",
                      Relation.of(RelationType.REPLACES, TARGET_ID),
                      Relation.of(RelationType.COMPLEMENTS, UNKNOWN),
                      Relation.of(RelationType.REPLACES, TARGET)));
            })
        .write(config);
    try (Database db = Database.open(config)) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      assertThat(store.find(SOURCE_ID).orElseThrow().relations())
          .containsExactly(
              Relation.of(RelationType.COMPLEMENTS, UNKNOWN),
              Relation.of(RelationType.REPLACES, TARGET));
      assertThat(targets(db, "relation")).containsExactlyInAnyOrder(TARGET, UNKNOWN);
    }
  }

  /** The target column of every row of {@code table}. */
  static List<String> targets(Database db, String table) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT target FROM " + table).mapTo(String.class).list());
  }
}
