package org.aisx.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;
import org.aisx.catalog.Relation;
import org.aisx.catalog.Standard;

/**
 * A catalogue as an older version of the schema, and the code of that time, left it: a new store
 * migrated only up to {@code version} (Flyway's {@code target}), on SQLite or PostgreSQL, and the
 * rows that code wrote into it. A migration's upgrade test ({@link UpgradeContract}) defines one
 * beside it, at the version just before the migration; the over-HTTP upgrade tests start the app on
 * the same one.
 */
public record OldSchemaStore(String version, Rows rows) {

  /** What the code of that version wrote, through the store it had. */
  @FunctionalInterface
  public interface Rows {
    void write(Writer old);
  }

  /** Writes the rows into the new, empty store at {@code config}, at schema {@code version}. */
  public void write(StoreConfig config) {
    try (Database db = Database.open(config, version)) {
      rows.write(new Writer(new SqlCatalogStore(db, Json.mapper()), db));
    }
  }

  /** The old version's store, written as its imports and edits wrote records. */
  public static final class Writer {
    /** When the old version wrote the rows. */
    static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    final SqlCatalogStore store;
    private final Database db;

    Writer(SqlCatalogStore store, Database db) {
      this.store = store;
      this.db = db;
    }

    /**
     * A suite as the old version stored it: its content as the JSON {@code document} it wrote, at
     * {@code version}, with an edit key's hash and no owner; published when {@code publications}
     * (the documents of its publications 1, 2, ...) are given.
     */
    public void suite(String id, String document, int version, String... publications) {
      db.jdbi()
          .useTransaction(
              h -> {
                h.createUpdate(
                        "INSERT INTO suite (id, document, owner_id, key_hash, published,"
                            + " published_version, version, created_at, updated_at) VALUES (:id,"
                            + " :document, NULL, :key, :published, :publishedVersion, :version,"
                            + " :at, :at)")
                    .bind("id", id)
                    .bind("document", document)
                    .bind("key", "0".repeat(64))
                    .bind("published", publications.length > 0 ? 1 : 0)
                    .bind("publishedVersion", publications.length)
                    .bind("version", version)
                    .bind("at", AT.toString())
                    .execute();
                for (int i = 0; i < publications.length; i++) {
                  h.createUpdate(
                          "INSERT INTO suite_publication (suite_id, version, document,"
                              + " published_by, published_at) VALUES (:id, :version, :document,"
                              + " 'coordinator@example.org', :at)")
                      .bind("id", id)
                      .bind("version", i + 1)
                      .bind("document", publications[i])
                      .bind("at", AT.toString())
                      .execute();
                }
              });
    }

    /**
     * A record as {@code source}'s import wrote it: titled "Record {@code identifier}", its title
     * and relations given by that source, at revision 1.
     */
    static Standard.Builder imported(
        String identifier, String sdo, String source, Relation... relations) {
      return Standard.builder(identifier)
          .title(Map.of("en", "Record " + identifier))
          .sdo(sdo)
          .relations(List.of(relations))
          .source(source)
          .fieldSources(Map.of("title", List.of(source), "relations", List.of(source)))
          .revision(1);
    }

    /** Writes {@code record} as a new record with the import's created event. */
    Standard create(Standard.Builder record) {
      return create(record, () -> {});
    }

    /** The same, with {@code alongside} in the write's transaction (a relation held for review). */
    Standard create(Standard.Builder record, Runnable alongside) {
      Standard written = record.build();
      store.write(
          written,
          0,
          List.of(
              new HistoryEvent(
                  0,
                  written.id(),
                  AT,
                  HistoryEvent.Kind.CREATED,
                  null,
                  null,
                  null,
                  "import",
                  written.source(),
                  1)),
          alongside);
      return written;
    }

    /**
     * A coordinator's edit of {@code record}'s English title, as its revision 2: a record people
     * wrote, which the migrations leave as it is.
     */
    void retitle(Standard record, String title) {
      store.write(
          record.toBuilder().title(Map.of("en", title)).revision(2).build(),
          1,
          List.of(
              new HistoryEvent(
                  0,
                  record.id(),
                  AT,
                  HistoryEvent.Kind.FIELD_CHANGED,
                  "title",
                  record.title().get("en"),
                  title,
                  "someone@example.org",
                  "edit:coordinator",
                  2)));
    }
  }
}
