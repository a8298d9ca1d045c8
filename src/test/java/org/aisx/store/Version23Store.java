package org.aisx.store;

import static org.aisx.store.Version21Store.created;

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
 * A store as version 23 of the schema and the code of that time left it: W3C specifications'
 * undated latest versions and their dated editions of the same date linked only as {@code related}
 * (as W3C's feed gives them), the undated record's status inferred from its edition's maturity. For
 * the tests of migration 24 ({@link W3cLatestVersionsJoined}), at the store and over HTTP.
 */
public final class Version23Store {
  private Version23Store() {}

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

  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  private static Standard w3c(
      String identifier, String published, Status status, String source, String... related) {
    return Standard.builder(identifier)
        .title(Map.of("en", "Record " + identifier))
        .sdo("W3C")
        .published(published)
        .status(status)
        .statusInferred(true)
        .relations(
            java.util.Arrays.stream(related)
                .map(t -> Relation.of(RelationType.RELATED, t))
                .toList())
        .source(source)
        .fieldSources(Map.of("title", List.of(source), "relations", List.of(source)))
        .revision(1)
        .build();
  }

  /** Writes the records into the new store at {@code config}, at schema version 23. */
  public static void write(StoreConfig config) {
    String feed = "relaton-w3c";
    List<Standard> records =
        List.of(
            w3c("W3C ngram-spec", "2001-01-03", Status.DRAFT, feed, "W3C WD-ngram-spec-20010103"),
            w3c(
                "W3C WD-ngram-spec-20010103",
                "2001-01-03",
                Status.WITHDRAWN,
                feed,
                "W3C ngram-spec"),
            w3c(
                "W3C speech-grammar",
                "2004-03-16",
                Status.IN_FORCE,
                SourceNames.STARTER_CORPUS,
                "W3C REC-speech-grammar-20040316",
                // An edition of another date: stays related.
                "W3C WD-speech-grammar-20020426"),
            w3c(
                "W3C REC-speech-grammar-20040316",
                "2004-03-16",
                Status.IN_FORCE,
                "relaton-w3c-2026-11-30"),
            w3c("W3C webnn", "2024-04-11", Status.DRAFT, feed, "W3C CR-webnn-20240411"),
            w3c("W3C CR-webnn-20240411", "2024-04-11", Status.WITHDRAWN, feed, "W3C webnn"),
            w3c(
                "W3C wai-aria",
                "2017-09-14",
                Status.DRAFT,
                "w3c-list.csv",
                "W3C REC-wai-aria-20170914"),
            w3c("W3C REC-wai-aria-20170914", "2017-09-14", Status.IN_FORCE, feed));
    try (Database db = Database.open(config, "23")) {
      SqlCatalogStore store = new SqlCatalogStore(db, Json.mapper());
      for (Standard r : records) {
        store.write(r, 0, List.of(created(r.id(), "import", r.source(), 1)));
      }
      Standard edited = records.get(4);
      store.write(
          edited.toBuilder().title(Map.of("en", "Web Neural Network API")).revision(2).build(),
          1,
          List.of(
              new HistoryEvent(
                  0,
                  edited.id(),
                  AT,
                  HistoryEvent.Kind.FIELD_CHANGED,
                  "title",
                  "Record W3C webnn",
                  "Web Neural Network API",
                  "someone@example.org",
                  "edit:coordinator",
                  2)));
    }
  }
}
