package org.aisx.store;

import static org.aisx.store.Version21Store.created;
import static org.aisx.store.Version21Store.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Slug;
import org.aisx.catalog.SourceNames;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * A store as version 22 of the schema and the code of that time left it: ISO's Relaton feed's
 * {@code obsoletes} links from a dated edition to an undated draft (ISO's "Will be replaced by")
 * stored as {@code replaces}, "ISO 23150:2023 replaces ISO/DIS 23150-1", beside {@code replaces}
 * links that mean what they say. For the tests of migration 23 ({@link IsoDraftLinksTurned}), at
 * the store and over HTTP.
 */
public final class Version22Store {
  private Version22Store() {}

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

  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  static Standard inForce(String identifier, String source, List<Relation> relations) {
    return record(identifier, source, relations).toBuilder().status(Status.IN_FORCE).build();
  }

  /** Writes the records into the new store at {@code config}, at schema version 22. */
  public static void write(StoreConfig config) {
    try (Database db = Database.open(config, "22")) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      Standard draft =
          record(
                  "ISO/DIS 23150-1",
                  "relaton-iso",
                  List.of(Relation.of(RelationType.REPLACES, "ISO 23150:2023")))
              .toBuilder()
              .status(Status.DRAFT)
              .build();
      store.write(draft, 0, List.of(created(draft.id(), "import", "relaton-iso", 1)));
      Standard feed =
          inForce(
              "ISO 23150:2023",
              "relaton-iso",
              List.of(
                  Relation.of(RelationType.REPLACES, "ISO/PAS 23150:2021"),
                  Relation.of(RelationType.REPLACES, "ISO/DIS 23150-1"),
                  Relation.of(RelationType.REPLACES, "ISO/CD 23150-2")));
      store.write(feed, 0, List.of(created(feed.id(), "import", "relaton-iso", 1)));
      Standard seeded =
          inForce(
              "ISO 18587:2017",
              SourceNames.STARTER_CORPUS,
              List.of(
                  Relation.of(RelationType.REPLACES, "ISO/CD 18587"),
                  // Already given the right way round too: one link after the repair.
                  Relation.of(RelationType.REPLACED_BY, "ISO/CD 18587")));
      store.write(
          seeded, 0, List.of(created(seeded.id(), "import", SourceNames.STARTER_CORPUS, 1)));
      Standard edited =
          inForce(
              "ISO 21717:2018",
              "relaton-iso",
              List.of(Relation.of(RelationType.REPLACES, "ISO/WD 21717")));
      store.write(edited, 0, List.of(created(edited.id(), "import", "relaton-iso", 1)));
      Standard corrected =
          edited.toBuilder()
              .title(Map.of("en", "Intelligent transport systems"))
              .revision(2)
              .build();
      store.write(
          corrected,
          1,
          List.of(
              new HistoryEvent(
                  0,
                  edited.id(),
                  AT,
                  HistoryEvent.Kind.FIELD_CHANGED,
                  "title",
                  "Record ISO 21717:2018",
                  "Intelligent transport systems",
                  "someone@example.org",
                  "edit:coordinator",
                  2)));
      Standard openData =
          inForce(
              "ISO 9001:2015",
              "iso-open-data",
              List.of(Relation.of(RelationType.REPLACES, "ISO/DIS 9001")));
      store.write(openData, 0, List.of(created(openData.id(), "import", "iso-open-data", 1)));
    }
  }
}
