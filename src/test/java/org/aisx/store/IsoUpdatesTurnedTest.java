package org.aisx.store;

import static org.aisx.store.OldSchemaStore.Writer.imported;
import static org.assertj.core.api.Assertions.assertThat;

import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Slug;
import org.aisx.catalog.SourceNames;
import org.aisx.catalog.Standard;

/**
 * Migration 22 ({@link IsoUpdatesTurned}) over a store that version 21 wrote: an {@code updates}
 * link that ISO's feed or the bundled catalogue gave and that the ISO/IEC mapping now reads as
 * {@code updated-by} is turned round once the store is opened, as a new revision with its history;
 * a record people wrote and the links of other sources stay.
 */
public final class IsoUpdatesTurnedTest extends UpgradeContract {
  /** From ISO's feed: its two backwards links are turned, its link to an older document stays. */
  public static final String FEED_ID = Slug.of("ISO 12813:2015");

  /** From the bundled catalogue of an earlier version: turned. */
  public static final String SEEDED_ID = Slug.of("ISO/IEC 27001:2013");

  /** From ISO's feed, then edited by a coordinator: left as it is. */
  public static final String EDITED_ID = Slug.of("ISO 9001:2008");

  /** From ISO Open Data, whose corrigendum updates its standard: left as it is. */
  public static final String OPEN_DATA_ID = Slug.of("ISO 9000:2005/Cor 1:2007");

  /** From ITU-T's feed, where updates means updates: left as it is. */
  public static final String ITU_ID = Slug.of("ITU-T X.509 (2019)");

  /**
   * A store as version 21 left it: ISO's Relaton feed's {@code updates} links stored as the feed
   * writes them ("ISO 12813:2015 updates ISO 12813:2019", meaning updated by), beside {@code
   * updates} links that other sources gave and that mean what they say.
   */
  public static final OldSchemaStore VERSION_21 =
      new OldSchemaStore(
          "21",
          old -> {
            old.create(imported("ISO 12813:2019", "ISO", "relaton-iso"));
            old.create(imported("ISO 12813:2015/Amd 1:2017", "ISO", "relaton-iso"));
            old.create(
                imported(
                    "ISO 12813:2015",
                    "ISO",
                    "relaton-iso",
                    Relation.of(RelationType.REPLACES, "ISO/TS 12813:2009"),
                    Relation.of(RelationType.UPDATES, "ISO 12813:2019"),
                    Relation.of(RelationType.UPDATES, "ISO 12813:2015/Amd 1:2017"),
                    // The target is the older: updates as the verb says (IsoIecRules).
                    Relation.of(RelationType.UPDATES, "ISO 4610:1977")));
            old.create(
                imported(
                    "ISO/IEC 27001:2013",
                    "ISO",
                    SourceNames.STARTER_CORPUS,
                    Relation.of(RelationType.UPDATES, "ISO/IEC 27001:2022"),
                    // Already given the right way round too: one link after the repair.
                    Relation.of(RelationType.UPDATED_BY, "ISO/IEC 27001:2022")));
            old.retitle(
                old.create(
                    imported(
                        "ISO 9001:2008",
                        "ISO",
                        "relaton-iso",
                        Relation.of(RelationType.UPDATES, "ISO 9001:2015"))),
                "Quality management systems");
            old.create(
                imported(
                    "ISO 9000:2005/Cor 1:2007",
                    "ISO",
                    "iso-open-data",
                    Relation.of(RelationType.UPDATES, "ISO 9000:2005")));
            old.create(
                imported(
                    "ITU-T X.509 (2019)",
                    "ITU-T",
                    "relaton-itu-t",
                    Relation.of(RelationType.UPDATES, "ITU-T X.509 (2016)")));
          });

  IsoUpdatesTurnedTest() {
    super(new IsoUpdatesTurned(), VERSION_21);
  }

  @Override
  void assertUpgraded(Database db, SqlCatalogStore store) {
    Standard feed = store.find(FEED_ID).orElseThrow();
    assertThat(feed.relations())
        .containsExactly(
            Relation.of(RelationType.REPLACES, "ISO/TS 12813:2009"),
            Relation.of(RelationType.UPDATED_BY, "ISO 12813:2019"),
            Relation.of(RelationType.UPDATED_BY, "ISO 12813:2015/Amd 1:2017"),
            Relation.of(RelationType.UPDATES, "ISO 4610:1977"));
    assertThat(feed.revision()).isEqualTo(2);
    assertThat(feed.source()).isEqualTo("relaton-iso");
    assertThat(feed.fieldSources().get("relations")).containsExactly("relaton-iso");
    HistoryEvent event = upgradeEvent(store, FEED_ID);
    assertThat(event.oldValue()).contains("{\"type\":\"updates\",\"target\":\"ISO 12813:2019\"");
    assertThat(event.newValue())
        .contains("{\"type\":\"updated-by\",\"target\":\"ISO 12813:2019\"")
        .contains("{\"type\":\"updates\",\"target\":\"ISO 4610:1977\"");
    assertThat(relationRows(db, FEED_ID))
        .containsExactlyInAnyOrder(
            "replaces iso-ts-12813-2009",
            "updated-by iso-12813-2019",
            "updated-by iso-12813-2015-amd-1-2017",
            "updates iso-4610-1977");
    Standard seeded = store.find(SEEDED_ID).orElseThrow();
    assertThat(seeded.relations())
        .containsExactly(Relation.of(RelationType.UPDATED_BY, "ISO/IEC 27001:2022"));
    assertThat(seeded.revision()).isEqualTo(2);
    assertThat(relationRows(db, SEEDED_ID)).containsExactly("updated-by iso-iec-27001-2022");
    // The targets were not rewritten: they read the link from the relation rows.
    assertThat(store.find("iso-12813-2019").orElseThrow().revision()).isEqualTo(1);
    // A record a person wrote, ISO Open Data's corrigendum and ITU-T's link stay as they were.
    assertLeft(store, RelationType.UPDATES, EDITED_ID, OPEN_DATA_ID, ITU_ID);
  }

  /**
   * More records than one query reads ({@link RecordsMigration#IDS_PER_QUERY}): each is turned as
   * one record is, and one past the first query's ids that holds the link both ways keeps one row.
   */
  @OnBothStores
  void moreRecordsThanAQueryReadsAreEachTurnedOnce(StoreConfig.Vendor vendor) throws Exception {
    int records = RecordsMigration.IDS_PER_QUERY + 20;
    int both = RecordsMigration.IDS_PER_QUERY + 10;
    StoreConfig config = newStore(vendor);
    new OldSchemaStore(
            "21",
            old -> {
              for (int i = 0; i < records; i++) {
                String newer = "ISO " + (10000 + i) + ":2019";
                old.create(
                    i == both
                        ? imported(
                            "ISO " + (10000 + i) + ":2015",
                            "ISO",
                            "relaton-iso",
                            Relation.of(RelationType.UPDATES, newer),
                            Relation.of(RelationType.UPDATED_BY, newer))
                        : imported(
                            "ISO " + (10000 + i) + ":2015",
                            "ISO",
                            "relaton-iso",
                            Relation.of(RelationType.UPDATES, newer)));
              }
            })
        .write(config);
    try (Database db = Database.open(config)) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      for (int i = 0; i < records; i++) {
        String id = Slug.of("ISO " + (10000 + i) + ":2015");
        Standard turned = store.find(id).orElseThrow();
        assertThat(turned.relations())
            .as(id)
            .containsExactly(Relation.of(RelationType.UPDATED_BY, "ISO " + (10000 + i) + ":2019"));
        assertThat(turned.revision()).as(id).isEqualTo(2);
        assertThat(relationRows(db, id))
            .containsExactly("updated-by " + Slug.of("ISO " + (10000 + i) + ":2019"));
        upgradeEvent(store, id);
      }
    }
  }
}
