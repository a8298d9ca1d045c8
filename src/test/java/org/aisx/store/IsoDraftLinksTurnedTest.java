package org.aisx.store;

import static org.aisx.store.OldSchemaStore.Writer.imported;
import static org.assertj.core.api.Assertions.assertThat;

import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Slug;
import org.aisx.catalog.SourceNames;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * Migration 23 ({@link IsoDraftLinksTurned}) over a store that version 22 wrote: a {@code replaces}
 * link from a dated ISO edition to an undated draft, that ISO's feed or the bundled catalogue gave
 * for ISO's "Will be replaced by", reads {@code replaced-by} once the store is opened, as a new
 * revision with its history; the edition stays in force, and a record people wrote and the links of
 * other sources stay.
 */
public final class IsoDraftLinksTurnedTest extends UpgradeContract {
  /** From ISO's feed, in force: its two links to drafts are turned, its older edition stays. */
  public static final String FEED_ID = Slug.of("ISO 23150:2023");

  /** The draft, from ISO's feed: it replaces the edition, the right way round; left as it is. */
  public static final String DRAFT_ID = Slug.of("ISO/DIS 23150-1");

  /** From the bundled catalogue of an earlier version: turned. */
  public static final String SEEDED_ID = Slug.of("ISO 18587:2017");

  /** From ISO's feed, then edited by a coordinator: left as it is. */
  public static final String EDITED_ID = Slug.of("ISO 21717:2018");

  /** From ISO Open Data: left as it is (not the Relaton feed's shape). */
  public static final String OPEN_DATA_ID = Slug.of("ISO 9001:2015");

  /**
   * A store as version 22 left it: ISO's Relaton feed's {@code obsoletes} links from a dated
   * edition to an undated draft (ISO's "Will be replaced by") stored as {@code replaces}, "ISO
   * 23150:2023 replaces ISO/DIS 23150-1", beside {@code replaces} links that mean what they say.
   */
  public static final OldSchemaStore VERSION_22 =
      new OldSchemaStore(
          "22",
          old -> {
            old.create(
                imported(
                        "ISO/DIS 23150-1",
                        "ISO",
                        "relaton-iso",
                        Relation.of(RelationType.REPLACES, "ISO 23150:2023"))
                    .status(Status.DRAFT));
            old.create(
                imported(
                        "ISO 23150:2023",
                        "ISO",
                        "relaton-iso",
                        Relation.of(RelationType.REPLACES, "ISO/PAS 23150:2021"),
                        Relation.of(RelationType.REPLACES, "ISO/DIS 23150-1"),
                        Relation.of(RelationType.REPLACES, "ISO/CD 23150-2"))
                    .status(Status.IN_FORCE));
            old.create(
                imported(
                        "ISO 18587:2017",
                        "ISO",
                        SourceNames.STARTER_CORPUS,
                        Relation.of(RelationType.REPLACES, "ISO/CD 18587"),
                        // Already given the right way round too: one link after the repair.
                        Relation.of(RelationType.REPLACED_BY, "ISO/CD 18587"))
                    .status(Status.IN_FORCE));
            old.retitle(
                old.create(
                    imported(
                            "ISO 21717:2018",
                            "ISO",
                            "relaton-iso",
                            Relation.of(RelationType.REPLACES, "ISO/WD 21717"))
                        .status(Status.IN_FORCE)),
                "Intelligent transport systems");
            old.create(
                imported(
                        "ISO 9001:2015",
                        "ISO",
                        "iso-open-data",
                        Relation.of(RelationType.REPLACES, "ISO/DIS 9001"))
                    .status(Status.IN_FORCE));
          });

  IsoDraftLinksTurnedTest() {
    super(new IsoDraftLinksTurned(), VERSION_22);
  }

  @Override
  void assertUpgraded(Database db, SqlCatalogStore store) {
    Standard feed = store.find(FEED_ID).orElseThrow();
    assertThat(feed.relations())
        .containsExactly(
            Relation.of(RelationType.REPLACES, "ISO/PAS 23150:2021"),
            Relation.of(RelationType.REPLACED_BY, "ISO/DIS 23150-1"),
            Relation.of(RelationType.REPLACED_BY, "ISO/CD 23150-2"));
    assertThat(feed.revision()).isEqualTo(2);
    assertThat(feed.status()).isEqualTo(Status.IN_FORCE);
    assertThat(feed.source()).isEqualTo("relaton-iso");
    assertThat(feed.fieldSources().get("relations")).containsExactly("relaton-iso");
    HistoryEvent event = upgradeEvent(store, FEED_ID);
    assertThat(event.oldValue()).contains("{\"type\":\"replaces\",\"target\":\"ISO/DIS 23150-1\"");
    assertThat(event.newValue())
        .contains("{\"type\":\"replaced-by\",\"target\":\"ISO/DIS 23150-1\"")
        .contains("{\"type\":\"replaces\",\"target\":\"ISO/PAS 23150:2021\"");
    assertThat(relationRows(db, FEED_ID))
        .containsExactlyInAnyOrder(
            "replaces iso-pas-23150-2021",
            "replaced-by iso-dis-23150-1",
            "replaced-by iso-cd-23150-2");
    Standard seeded = store.find(SEEDED_ID).orElseThrow();
    assertThat(seeded.relations())
        .containsExactly(Relation.of(RelationType.REPLACED_BY, "ISO/CD 18587"));
    assertThat(seeded.revision()).isEqualTo(2);
    assertThat(relationRows(db, SEEDED_ID)).containsExactly("replaced-by iso-cd-18587");
    // The draft's own link, the right way round, was not rewritten.
    assertThat(store.find(DRAFT_ID).orElseThrow().revision()).isEqualTo(1);
    assertThat(relationRows(db, DRAFT_ID)).containsExactly("replaces iso-23150-2023");
    // The draft, a record a person wrote and ISO Open Data's record stay as they were.
    assertLeft(store, RelationType.REPLACES, DRAFT_ID, EDITED_ID, OPEN_DATA_ID);
  }
}
