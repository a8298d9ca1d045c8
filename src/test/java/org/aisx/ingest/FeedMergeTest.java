package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.FieldSources;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One record per publication across feeds, copies of one edition in one feed folded, and what a
 * newer snapshot of a feed changes; on real records cut from the ISO, IEC and IEEE feeds ({@code
 * fixtures/merge}).
 */
class FeedMergeTest {
  private static final ObjectMapper JSON = Json.mapper();

  @TempDir Path dir;

  private Path fixture(String name) throws Exception {
    // Named as the shared feeds are, so that each record names its feed "relaton-iso", ...
    Path target = dir.resolve("feeds").resolve("relaton-" + name);
    Files.createDirectories(target.getParent());
    try (InputStream in = getClass().getResourceAsStream("/fixtures/merge/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }

  private static ImportSummary load(App app, Path... files) throws Exception {
    return app.importer().importFiles(Importer.Format.AUTO, List.of(files), null, Progress.SILENT);
  }

  /** The record as JSON without its revision (which counts writes, not content). */
  private static JsonNode content(App app, String id) {
    ObjectNode tree = JSON.valueToTree(app.catalog().get(id));
    tree.remove("revision");
    return tree;
  }

  @Test
  void aJointPublicationIsOneRecordWithEachFieldNamingItsFeedWhicheverFeedComesFirst()
      throws Exception {
    Path iso = fixture("iso.yaml");
    Path iec = fixture("iec.yaml");
    try (App isoFirst = Fixtures.empty(dir.resolve("iso-first"));
        App iecFirst = Fixtures.empty(dir.resolve("iec-first"))) {
      load(isoFirst, iso);
      ImportSummary isoThenIec = load(isoFirst, iec);
      load(iecFirst, iec);
      load(iecFirst, iso);

      Standard joint = isoFirst.catalog().get("iso-iec-42001-2023");
      // ISO leads "ISO/IEC": its titles (English and French) and stage; the IEC feed adds the
      // abstract the ISO feed lacks and its URN.
      assertThat(joint.title()).containsKeys("en", "fr");
      assertThat(joint.stage()).isEqualTo("60.60");
      assertThat(joint.abstractIn("en")).contains("AI (artificial intelligence) management system");
      assertThat(joint.identifiers())
          .extracting(i -> i.value())
          .contains(
              "urn:iso:std:iso-iec:42001:stage-60.60", "urn:iec:std:iso-iec:42001:2023-12:::");
      assertThat(joint.fieldSources())
          .containsEntry("title", List.of("relaton-iso"))
          .containsEntry("stage", List.of("relaton-iso"))
          .containsEntry("abstract", List.of("relaton-iec"))
          .containsEntry("identifiers", List.of("relaton-iso", "relaton-iec"));
      assertThat(joint.source()).isEqualTo("relaton-iso");
      assertThat(isoThenIec.updatedCount()).isEqualTo(2); // 42001 and 22989 merged, not created

      for (String id : List.of("iso-iec-42001-2023", "iso-iec-22989-2022")) {
        assertThat(content(iecFirst, id)).as(id).isEqualTo(content(isoFirst, id));
      }
      assertThat(iecFirst.catalog().count()).isEqualTo(isoFirst.catalog().count());

      // The IEC-only record is the IEC feed's alone.
      assertThat(isoFirst.catalog().get("iec-60050-351-2013").fieldSources().values())
          .allSatisfy(feeds -> assertThat(feeds).containsExactly("relaton-iec"));

      // Again, in either order: nothing changes.
      for (Path feed : List.of(iso, iec)) {
        ImportSummary again = load(isoFirst, feed);
        assertThat(again.createdCount() + again.updatedCount()).as(feed.toString()).isZero();
      }
      assertThat(isoFirst.catalog().history("iso-iec-42001-2023"))
          .extracting(HistoryEvent::source)
          .containsOnly("relaton-iso", "relaton-iec");
    }
  }

  @Test
  void anEditionAFeedGivesTwiceIsOneRecordFromTheNewerHarvestWhateverTheOrder() throws Exception {
    Path iso = fixture("iso.yaml");
    Path reversed = dir.resolve("feeds").resolve("relaton-iso-reversed.yaml");
    List<String> docs = new ArrayList<>();
    for (String doc : Files.readString(iso, StandardCharsets.UTF_8).split("(?m)^---\n")) {
      if (!doc.isBlank()) {
        docs.add("---\n" + doc);
      }
    }
    Collections.reverse(docs); // the older harvests now come first
    Files.writeString(reversed, String.join("", docs), StandardCharsets.UTF_8);

    try (App inOrder = Fixtures.empty(dir.resolve("in-order"));
        App olderFirst = Fixtures.empty(dir.resolve("older-first"))) {
      ImportSummary a = load(inOrder, iso);
      ImportSummary b = load(olderFirst, reversed);

      for (ImportSummary s : List.of(a, b)) {
        assertThat(s.createdCount()).isEqualTo(5);
        assertThat(s.duplicates()).hasSize(3);
        assertThat(s.duplicateClasses().keySet())
            .allSatisfy(k -> assertThat(k).startsWith("older harvest of the same edition"));
        assertThat(s.duplicateClasses())
            .containsKey("older harvest of the same edition, identical once mapped");
        assertThat(s.duplicates())
            .anySatisfy(
                d ->
                    assertThat(d.reason())
                        .contains("ISO 1003:2008", "fetched 2024-01-16", "90.92"));
      }
      // The current harvest's stage, not the older one's, in both orders.
      assertThat(inOrder.catalog().get("iso-1003-2008").stage()).isEqualTo("95.99");
      assertThat(inOrder.catalog().get("iso-1003-2008").status()).isEqualTo(Status.WITHDRAWN);
      for (String id : List.of("iso-1003-2008", "iso-10223-2005", "iso-10033-2-2011")) {
        ObjectNode x = (ObjectNode) content(inOrder, id);
        ObjectNode y = (ObjectNode) content(olderFirst, id);
        x.remove(List.of("source", "fieldSources"));
        y.remove(List.of("source", "fieldSources"));
        assertThat(y).as(id).isEqualTo(x);
        assertThat(olderFirst.catalog().get(id).revision()).isEqualTo(1);
      }
    }
  }

  @Test
  void aNewerSnapshotReportsWhatItAddedPublishedAndMovedAndRewritesNothingElse() throws Exception {
    Path old = fixture("ieee-2024.yaml"); // named relaton-ieee-2024: a snapshot of relaton-ieee
    Path newer = fixture("ieee-2025.yaml");
    try (App app = Fixtures.empty(dir.resolve("data"))) {
      load(app, old);
      Map<String, Integer> revisions = new java.util.HashMap<>();
      for (String id : List.of("ieee-7001-2021", "ieee-1012-2016", "ieee-p3400-d-2-2023")) {
        revisions.put(id, app.catalog().get(id).revision());
      }

      ImportSummary update = load(app, newer);

      // "IEEE Std 3400-2025" is the standard the P3400 drafts became; "IEEE Std 1012-2016" is
      // the record IEEE 1012-2016, whose status moved.
      assertThat(update.createdCount()).isEqualTo(1);
      assertThat(app.catalog().find("ieee-3400-2025")).isPresent();
      assertThat(app.catalog().find("ieee-std-1012-2016")).isEmpty();
      // The older P3400 drafts were already marked replaced by the later draft (the editions pass
      // after the first import): only the draft still in development is reported as published.
      assertThat(app.catalog().get("ieee-p3400-d-2-2023").status()).isEqualTo(Status.REPLACED);
      assertThat(update.draftsPublished())
          .containsExactly("IEEE P3400/D-4-2024-07 → IEEE 3400-2025");
      assertThat(update.statusMoves()).containsEntry("in-force → superseded", 1);
      assertThat(app.catalog().history("ieee-1012-2016"))
          .anySatisfy(
              e -> {
                assertThat(e.kind()).isEqualTo(HistoryEvent.Kind.STATUS_CHANGED);
                assertThat(e.source()).isEqualTo("relaton-ieee-2025");
              });

      // Whatever the summary calls unchanged kept its revision and got no event.
      int unchangedSeen = 0;
      for (Map.Entry<String, Integer> r : revisions.entrySet()) {
        Standard now = app.catalog().get(r.getKey());
        if (now.revision() == r.getValue()) {
          unchangedSeen++;
          assertThat(app.catalog().history(r.getKey())).hasSize(r.getValue());
        }
      }
      assertThat(update.unchangedCount()).isGreaterThanOrEqualTo(unchangedSeen);

      ImportSummary again = load(app, newer);
      assertThat(again.createdCount() + again.updatedCount()).isZero();
      assertThat(again.draftsPublished()).isEmpty();
    }
  }

  /**
   * The record as JSON without its revision, its provenance named by feed: a value that both
   * snapshots of a feed give names the snapshot that gave it first.
   */
  private static JsonNode byFeed(App app, String id) {
    ObjectNode tree = (ObjectNode) content(app, id);
    tree.put("source", FieldSources.feedOf(tree.get("source").asText()));
    ObjectNode sources = JSON.createObjectNode();
    tree.get("fieldSources")
        .fields()
        .forEachRemaining(
            f -> {
              var feeds = sources.putArray(f.getKey());
              f.getValue().forEach(n -> feeds.add(FieldSources.feedOf(n.asText())));
            });
    tree.set("fieldSources", sources);
    return tree;
  }

  private static List<String> ids(App app) {
    List<String> ids = new ArrayList<>();
    app.catalog().forEach(s -> ids.add(s.id()));
    return ids;
  }

  @Test
  void anOlderSnapshotImportedAfterTheNewerIsSkippedAsOlderAndTheRecordsAreAsInHarvestOrder()
      throws Exception {
    Path old = fixture("ieee-2024.yaml"); // schema v1.2.3
    Path newer = fixture("ieee-2025.yaml"); // schema v1.2.9
    try (App inOrder = Fixtures.empty(dir.resolve("in-order"));
        App newerFirst = Fixtures.empty(dir.resolve("newer-first"))) {
      load(inOrder, old);
      load(inOrder, newer);
      load(newerFirst, newer);
      ImportSummary skipped = load(newerFirst, old);

      // Every record of the 2024 snapshot is one the 2025 snapshot gave: none is merged.
      assertThat(skipped.createdCount() + skipped.updatedCount() + skipped.unchangedCount())
          .isZero();
      assertThat(skipped.statusMoves()).isEmpty();
      assertThat(skipped.olderHarvests()).hasSize(5);
      assertThat(skipped.olderHarvestClasses())
          .containsExactly(
              Map.entry(
                  "relaton-ieee-2024 (schema v1.2.3) older than relaton-ieee-2025 (schema v1.2.9)",
                  5));
      assertThat(skipped.olderHarvests())
          .anySatisfy(
              r ->
                  assertThat(r.reason())
                      .contains("IEEE 1012-2016", "schema v1.2.3", "relaton-ieee-2025"));
      assertThat(skipped.toString()).contains("skipped as older harvests 5");

      assertThat(ids(newerFirst)).isEqualTo(ids(inOrder));
      for (String id : ids(inOrder)) {
        ObjectNode x = (ObjectNode) byFeed(inOrder, id);
        ObjectNode y = (ObjectNode) byFeed(newerFirst, id);
        // Known difference, not the harvests': the edition pass after the 2024 snapshot alone
        // linked the older drafts to the newest draft then (replaced-by P3400/D-4), and the links
        // it derived stay; in the other order only the standard is their successor.
        JsonNode inOrderRelations = x.remove("relations");
        JsonNode newerFirstRelations = y.remove("relations");
        assertThat(y).as(id).isEqualTo(x);
        List<JsonNode> extra = new ArrayList<>();
        inOrderRelations.forEach(extra::add);
        newerFirstRelations.forEach(r -> assertThat(extra.remove(r)).as(id + " " + r).isTrue());
        assertThat(extra)
            .as(id)
            .allSatisfy(
                r -> {
                  assertThat(r.get("type").asText()).isEqualTo("replaced-by");
                  assertThat(r.get("target").asText()).startsWith("IEEE P3400/");
                });
      }
      // The status the 2025 snapshot moved names that snapshot, in both orders.
      for (App app : List.of(inOrder, newerFirst)) {
        Standard moved = app.catalog().get("ieee-1012-2016");
        assertThat(moved.status()).isEqualTo(Status.SUPERSEDED);
        assertThat(moved.fieldSources()).containsEntry("status", List.of("relaton-ieee-2025"));
      }
    }
  }

  @Test
  void importingBothSnapshotsAgainChangesNothing() throws Exception {
    Path old = fixture("ieee-2024.yaml");
    Path newer = fixture("ieee-2025.yaml");
    try (App app = Fixtures.empty(dir.resolve("data"))) {
      load(app, old, newer);
      Map<String, JsonNode> before = new java.util.HashMap<>();
      for (String id : ids(app)) {
        before.put(id, JSON.valueToTree(app.catalog().get(id)));
      }

      ImportSummary again = load(app, old, newer);

      assertThat(again.createdCount() + again.updatedCount()).isZero();
      assertThat(again.statusMoves()).isEmpty();
      assertThat(again.changedFields()).isEmpty();
      assertThat(again.editions()).isNull(); // nothing written: the edition pass had nothing to do
      assertThat(again.olderHarvests()).hasSize(5); // the 2024 snapshot's records
      assertThat(again.unchangedCount()).isEqualTo(6); // the 2025 snapshot's
      for (String id : ids(app)) {
        assertThat((JsonNode) JSON.valueToTree(app.catalog().get(id)))
            .as(id)
            .isEqualTo(before.get(id));
      }
    }
  }

  @Test
  void aCorrectionPeopleApprovedSurvivesTheSameFeedImportedAgainButAFeedsNewValueIsNews()
      throws Exception {
    Path iso = fixture("iso.yaml");
    try (App app = Fixtures.empty(dir.resolve("reviewed"))) {
      load(app, iso);
      String id = "iso-iec-42001-2023";
      Standard fromFeed = app.catalog().get(id);
      java.util.Map<String, String> corrected = new java.util.TreeMap<>(fromFeed.title());
      corrected.put("en", "Corrected by review: AI management system");
      app.catalog()
          .approve(
              fromFeed.toBuilder().title(corrected).build(),
              "coordinator@example.org",
              "submission:7",
              fromFeed.revision(),
              "author@example.org",
              () -> {});
      int reviewedRevision = app.catalog().get(id).revision();

      // The same file again: the feed still says what people corrected away.
      ImportSummary again = load(app, iso);

      Standard kept = app.catalog().get(id);
      assertThat(kept.titleIn("en")).isEqualTo("Corrected by review: AI management system");
      assertThat(kept.revision()).isEqualTo(reviewedRevision);
      assertThat(kept.fieldSources().get("title")).containsExactly("submission:7");
      assertThat(again.keptReviewed()).containsExactly("ISO/IEC 42001:2023: title");
      assertThat(again.toString()).contains("reviewed values kept 1");

      // A later harvest in which the body changed its title: news people have not seen, merged as
      // a feed's value is.
      Path renamed = dir.resolve("feeds").resolve("relaton-iso-2026-01-01.yaml");
      Files.writeString(
          renamed,
          Files.readString(iso, StandardCharsets.UTF_8)
              .replace(
                  "content: Information technology - Artificial intelligence - Management system",
                  "content: Information technology - Artificial intelligence - Management system"
                      + " requirements"),
          StandardCharsets.UTF_8);
      ImportSummary news = load(app, renamed);

      assertThat(app.catalog().get(id).titleIn("en"))
          .isEqualTo(
              "Information technology - Artificial intelligence - Management system requirements");
      assertThat(news.keptReviewed()).isEmpty();
    }
  }
}
