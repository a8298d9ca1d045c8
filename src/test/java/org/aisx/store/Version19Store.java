package org.aisx.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationReview;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;

/**
 * A store as version 19 of the schema and the code of that time left it: relation targets as people
 * typed them, a record's id among them. For the tests of migration 20 ({@link
 * RelationTargetsNamed}), at the store and over the API.
 */
public final class Version19Store {
  private Version19Store() {}

  /** The record the relations name, by its id and by its identifier. */
  public static final String TARGET_ID = "iso-iec-42001-2023";

  public static final String TARGET = "ISO/IEC 42001:2023";

  /** The record that holds the relations. */
  public static final String SOURCE_ID = "ieee-9000-2026";

  /** An id that names no record in the store. */
  public static final String UNKNOWN = "iso-iec-99999-2030";

  static Standard record(String identifier, String sdo, List<Relation> relations) {
    return Standard.builder(identifier)
        .title(Map.of("en", "Record " + identifier))
        .sdo(sdo)
        .relations(relations)
        .source("relaton-iso")
        .revision(1)
        .build();
  }

  static HistoryEvent created(String id) {
    return new HistoryEvent(
        0,
        id,
        Instant.parse("2026-11-22T10:00:00Z"),
        HistoryEvent.Kind.CREATED,
        null,
        null,
        null,
        "test",
        "relaton-iso",
        1);
  }

  /**
   * Writes into the new store at {@code config}, at schema version 19 and through the store as the
   * code of that version did (targets as typed): "IEEE 9000-2026" with relations typed as a
   * record's id ({@link #TARGET_ID}), as an id that names no record ({@link #UNKNOWN}) and as an
   * identifier, one of them held for review with the id as its target; and the records named.
   */
  public static void write(StoreConfig config) {
    try (Database db = Database.open(config, "19")) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      store.write(record(TARGET, "ISO/IEC", List.of()), 0, List.of(created(TARGET_ID)));
      Standard other = record("ISO/IEC 23894:2023", "ISO/IEC", List.of());
      store.write(other, 0, List.of(created(other.id())));
      Standard source =
          record(
              "IEEE 9000-2026",
              "IEEE",
              List.of(
                  Relation.of(RelationType.REPLACES, TARGET_ID),
                  Relation.of(RelationType.COMPLEMENTS, "ISO/IEC 23894:2023"),
                  Relation.of(RelationType.COMPLEMENTS, UNKNOWN)));
      store.write(
          source,
          0,
          List.of(created(source.id())),
          () ->
              store.hold(
                  List.of(
                      new RelationReview(
                          "review-1",
                          source.id(),
                          null,
                          "IEEE",
                          RelationType.REPLACES,
                          TARGET_ID,
                          TARGET_ID,
                          "ISO/IEC",
                          RelationReview.State.PENDING,
                          "someone@example.org",
                          "edit:contributor",
                          Instant.parse("2026-11-22T10:00:00Z"),
                          null,
                          null,
                          null))));
    }
  }
}
