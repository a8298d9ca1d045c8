package org.aisx.store;

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

/**
 * A store as version 21 of the schema and the code of that time left it: ISO's Relaton feed's
 * {@code updates} links stored as the feed writes them ("ISO 12813:2015 updates ISO 12813:2019",
 * meaning updated by), beside {@code updates} links that other sources gave and that mean what they
 * say. For the tests of migration 22 ({@link IsoUpdatesTurned}), at the store and over the API.
 */
public final class Version21Store {
  private Version21Store() {}

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

  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");

  static Standard record(String identifier, String source, List<Relation> relations) {
    return Standard.builder(identifier)
        .title(Map.of("en", "Record " + identifier))
        .sdo(identifier.startsWith("ITU") ? "ITU-T" : "ISO")
        .relations(relations)
        .source(source)
        .fieldSources(Map.of("title", List.of(source), "relations", List.of(source)))
        .revision(1)
        .build();
  }

  static HistoryEvent created(String id, String actor, String source, int revision) {
    return new HistoryEvent(
        0, id, AT, HistoryEvent.Kind.CREATED, null, null, null, actor, source, revision);
  }

  /** Writes the records into the new store at {@code config}, at schema version 21. */
  public static void write(StoreConfig config) {
    try (Database db = Database.open(config, "21")) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      for (String identifier : List.of("ISO 12813:2019", "ISO 12813:2015/Amd 1:2017")) {
        Standard target = record(identifier, "relaton-iso", List.of());
        store.write(target, 0, List.of(created(target.id(), "import", "relaton-iso", 1)));
      }
      Standard feed =
          record(
              "ISO 12813:2015",
              "relaton-iso",
              List.of(
                  Relation.of(RelationType.REPLACES, "ISO/TS 12813:2009"),
                  Relation.of(RelationType.UPDATES, "ISO 12813:2019"),
                  Relation.of(RelationType.UPDATES, "ISO 12813:2015/Amd 1:2017"),
                  // The target is the older: updates as the verb says (IsoIecRules).
                  Relation.of(RelationType.UPDATES, "ISO 4610:1977")));
      store.write(feed, 0, List.of(created(feed.id(), "import", "relaton-iso", 1)));
      Standard seeded =
          record(
              "ISO/IEC 27001:2013",
              SourceNames.STARTER_CORPUS,
              List.of(
                  Relation.of(RelationType.UPDATES, "ISO/IEC 27001:2022"),
                  // Already given the right way round too: one link after the repair.
                  Relation.of(RelationType.UPDATED_BY, "ISO/IEC 27001:2022")));
      store.write(
          seeded, 0, List.of(created(seeded.id(), "import", SourceNames.STARTER_CORPUS, 1)));
      Standard edited =
          record(
              "ISO 9001:2008",
              "relaton-iso",
              List.of(Relation.of(RelationType.UPDATES, "ISO 9001:2015")));
      store.write(edited, 0, List.of(created(edited.id(), "import", "relaton-iso", 1)));
      Standard corrected =
          edited.toBuilder().title(Map.of("en", "Quality management systems")).revision(2).build();
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
                  "Record ISO 9001:2008",
                  "Quality management systems",
                  "someone@example.org",
                  "edit:coordinator",
                  2)));
      Standard openData =
          record(
              "ISO 9000:2005/Cor 1:2007",
              "iso-open-data",
              List.of(Relation.of(RelationType.UPDATES, "ISO 9000:2005")));
      store.write(openData, 0, List.of(created(openData.id(), "import", "iso-open-data", 1)));
      Standard itu =
          record(
              "ITU-T X.509 (2019)",
              "relaton-itu-t",
              List.of(Relation.of(RelationType.UPDATES, "ITU-T X.509 (2016)")));
      store.write(itu, 0, List.of(created(itu.id(), "import", "relaton-itu-t", 1)));
    }
  }
}
