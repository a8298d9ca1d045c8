package org.aisx.store;

import static org.aisx.store.OldSchemaStore.Writer.imported;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Slug;
import org.aisx.catalog.SourceNames;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * Migration 24 ({@link W3cLatestVersionsJoined}) over a store that version 23 wrote: a W3C
 * specification's undated latest version and its dated edition of that date, stored as related,
 * read identical both ways once the store is opened, the undated record taking its edition's
 * status, as new revisions with their history; pairs with a record people wrote or that came from
 * another source stay.
 */
public final class W3cLatestVersionsJoinedTest extends UpgradeContract {
  /** From W3C's feed, a draft whose only edition is retired: joined, and withdrawn. */
  public static final String LATEST_ID = Slug.of("W3C ngram-spec");

  /** That edition, from W3C's feed: joined. */
  public static final String EDITION_ID = Slug.of("W3C WD-ngram-spec-20010103");

  /** From the bundled catalogue of an earlier version, in force: joined to its edition of 2004. */
  public static final String SEEDED_ID = Slug.of("W3C speech-grammar");

  /** Its edition of that date, from a snapshot of W3C's feed, no link back: gets one. */
  public static final String SEEDED_EDITION_ID = Slug.of("W3C REC-speech-grammar-20040316");

  /** From W3C's feed, then edited by a coordinator: neither it nor its edition changes. */
  public static final String EDITED_ID = Slug.of("W3C webnn");

  /** From a CSV list: neither it nor its edition changes. */
  public static final String LISTED_ID = Slug.of("W3C wai-aria");

  /** The editions of the two records left as they are. */
  public static final List<String> LEFT_EDITION_IDS =
      List.of(Slug.of("W3C CR-webnn-20240411"), Slug.of("W3C REC-wai-aria-20170914"));

  /**
   * A store as version 23 left it: W3C specifications' undated latest versions and their dated
   * editions of the same date linked only as {@code related} (as W3C's feed gives them), the
   * undated record's status inferred from its edition's maturity.
   */
  public static final OldSchemaStore VERSION_23 =
      new OldSchemaStore(
          "23",
          old -> {
            String feed = "relaton-w3c";
            old.create(
                w3c(
                    "W3C ngram-spec",
                    "2001-01-03",
                    Status.DRAFT,
                    feed,
                    "W3C WD-ngram-spec-20010103"));
            old.create(
                w3c(
                    "W3C WD-ngram-spec-20010103",
                    "2001-01-03",
                    Status.WITHDRAWN,
                    feed,
                    "W3C ngram-spec"));
            old.create(
                w3c(
                    "W3C speech-grammar",
                    "2004-03-16",
                    Status.IN_FORCE,
                    SourceNames.STARTER_CORPUS,
                    "W3C REC-speech-grammar-20040316",
                    // An edition of another date: stays related.
                    "W3C WD-speech-grammar-20020426"));
            old.create(
                w3c(
                    "W3C REC-speech-grammar-20040316",
                    "2004-03-16",
                    Status.IN_FORCE,
                    "relaton-w3c-2026-11-30"));
            old.retitle(
                old.create(
                    w3c("W3C webnn", "2024-04-11", Status.DRAFT, feed, "W3C CR-webnn-20240411")),
                "Web Neural Network API");
            old.create(
                w3c("W3C CR-webnn-20240411", "2024-04-11", Status.WITHDRAWN, feed, "W3C webnn"));
            old.create(
                w3c(
                    "W3C wai-aria",
                    "2017-09-14",
                    Status.DRAFT,
                    "w3c-list.csv",
                    "W3C REC-wai-aria-20170914"));
            old.create(w3c("W3C REC-wai-aria-20170914", "2017-09-14", Status.IN_FORCE, feed));
          });

  /** A W3C record as {@code source}'s import wrote it, {@code related} to the others named. */
  private static Standard.Builder w3c(
      String identifier, String published, Status status, String source, String... related) {
    return imported(
            identifier,
            "W3C",
            source,
            Arrays.stream(related)
                .map(t -> Relation.of(RelationType.RELATED, t))
                .toArray(Relation[]::new))
        .published(published)
        .status(status)
        .statusInferred(true);
  }

  W3cLatestVersionsJoinedTest() {
    super(new W3cLatestVersionsJoined(), VERSION_23);
  }

  @Override
  void assertUpgraded(Database db, SqlCatalogStore store) {
    Standard latest = store.find(LATEST_ID).orElseThrow();
    assertThat(latest.relations())
        .containsExactly(Relation.of(RelationType.IDENTICAL, "W3C WD-ngram-spec-20010103"));
    assertThat(latest.status()).isEqualTo(Status.WITHDRAWN);
    assertThat(latest.revision()).isEqualTo(2);
    assertThat(latest.fieldSources().get("relations")).containsExactly("relaton-w3c");
    assertThat(relationRows(db, LATEST_ID)).containsExactly("identical " + EDITION_ID);
    assertThat(relationRows(db, EDITION_ID)).containsExactly("identical " + LATEST_ID);
    // The undated record's history: its creation, then the relations and the status the upgrade
    // changed, both as revision 2.
    List<HistoryEvent> history = store.history(LATEST_ID);
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
    Standard seeded = store.find(SEEDED_ID).orElseThrow();
    assertThat(seeded.relations())
        .containsExactly(
            Relation.of(RelationType.IDENTICAL, "W3C REC-speech-grammar-20040316"),
            Relation.of(RelationType.RELATED, "W3C WD-speech-grammar-20020426"));
    assertThat(seeded.status()).isEqualTo(Status.IN_FORCE);
    assertThat(relationRows(db, SEEDED_EDITION_ID)).containsExactly("identical " + SEEDED_ID);
    assertThat(store.history(SEEDED_EDITION_ID)).hasSize(2);
    // A pair with a record a person wrote, and one from another source, stay as they were.
    List<String> left = new ArrayList<>(List.of(EDITED_ID, LISTED_ID));
    left.addAll(LEFT_EDITION_IDS);
    for (String id : left) {
      assertThat(store.find(id).orElseThrow().relations())
          .as(id)
          .extracting(Relation::type)
          .doesNotContain(RelationType.IDENTICAL);
      assertThat(store.history(id))
          .as(id)
          .noneMatch(e -> RelationTargetsNamed.ACTOR.equals(e.actor()));
    }
    assertThat(store.find(EDITED_ID).orElseThrow().status()).isEqualTo(Status.DRAFT);
  }

  /**
   * More pairs than one query reads and one batch of writes sends ({@link
   * RecordsMigration#IDS_PER_QUERY}, {@link RecordWrites#BATCH}): each is joined as one pair is,
   * its relation rows deleted before the new ones are written whichever batch each falls in; the
   * pair a person wrote, past the first query's ids, stays.
   */
  @OnBothStores
  void morePairsThanABatchAreEachJoinedOnce(StoreConfig.Vendor vendor) throws Exception {
    int pairs = 600;
    int edited = 555;
    StoreConfig config = newStore(vendor);
    new OldSchemaStore(
            "23",
            old -> {
              for (int i = 0; i < pairs; i++) {
                Standard latest =
                    old.create(
                        w3c(
                            undated(i),
                            "2001-01-03",
                            Status.DRAFT,
                            "relaton-w3c",
                            dated(i),
                            "W3C WD-other-20020426"));
                old.create(
                    w3c(dated(i), "2001-01-03", Status.WITHDRAWN, "relaton-w3c", undated(i)));
                if (i == edited) {
                  old.retitle(latest, "Edited");
                }
              }
            })
        .write(config);
    try (Database db = Database.open(config)) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      for (int i = 0; i < pairs; i++) {
        String latest = Slug.of(undated(i));
        String edition = Slug.of(dated(i));
        if (i == edited) {
          assertThat(relationRows(db, latest))
              .containsExactlyInAnyOrder("related " + edition, "related w3c-wd-other-20020426");
          assertThat(relationRows(db, edition)).containsExactly("related " + latest);
          assertThat(store.find(latest).orElseThrow().status()).isEqualTo(Status.DRAFT);
          continue;
        }
        assertThat(relationRows(db, latest))
            .containsExactlyInAnyOrder("identical " + edition, "related w3c-wd-other-20020426");
        assertThat(relationRows(db, edition)).containsExactly("identical " + latest);
        Standard joined = store.find(latest).orElseThrow();
        assertThat(joined.revision()).isEqualTo(2);
        assertThat(joined.status()).isEqualTo(Status.WITHDRAWN);
        assertThat(store.find(edition).orElseThrow().revision()).isEqualTo(2);
      }
      // Each joined pair: relations and status of the undated record, relations of the edition.
      int events =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT count(*) FROM history_event WHERE actor = :actor")
                          .bind("actor", RelationTargetsNamed.ACTOR)
                          .mapTo(Integer.class)
                          .one());
      assertThat(events).isEqualTo(3 * (pairs - 1));
    }
  }

  private static String undated(int i) {
    return String.format(Locale.ROOT, "W3C spec-%04d", i);
  }

  private static String dated(int i) {
    return String.format(Locale.ROOT, "W3C WD-spec-%04d-20010103", i);
  }
}
