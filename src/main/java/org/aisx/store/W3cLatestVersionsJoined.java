package org.aisx.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;
import org.aisx.catalog.Relation;
import org.aisx.catalog.Standard;
import org.aisx.editions.Editions;

/**
 * Migration 24, in Java because it rewrites records' JSON documents, the same way on SQLite and
 * PostgreSQL: the edition rule that joins a W3C specification's undated latest version ("W3C
 * speech-grammar") and its dated edition of the same date ("W3C REC-speech-grammar-20040316"),
 * linked as identical both ways (the feed's related links between them retyped), the undated record
 * taking the edition's status when the importer inferred its own ({@link
 * Editions#w3cLatestVersions}, the rule itself, not a copy of it), is applied to a catalogue stored
 * before that rule, as the edition pass applies it after each import of W3C's feed. Without it such
 * a catalogue would keep its related links and the statuses inferred from the editions' maturity (a
 * draft whose only edition is retired) until the W3C feed is imported again.
 *
 * <p>Which records it may touch is migration 22's rule ({@link IsoUpdatesTurned}) for W3C: only
 * records no person ever wrote (no history event and no field provenance naming a person), whose
 * identifier is W3C's and whose {@code relations} came from W3C's Relaton feed ({@code
 * relaton-w3c}, any snapshot of it) or the bundled catalogue. The rule is worked out over those
 * records only, so a pair is joined only when it may touch both: a link never reads identical from
 * one side and related from the other, and no undated record takes the status of an edition a
 * person wrote (the next import of the feed, whose edition pass keeps what people decided, joins
 * such pairs). Each record that changes is a new revision with a {@code field-changed} event on
 * {@code relations} and, when its status changes, a {@code status-changed} event (actor {@value
 * RelationTargetsNamed#ACTOR}, source {@value RelationTargetsNamed#SOURCE}); the record's own
 * {@code source} and its fields' provenance stay. Flyway applies it once per database; {@link
 * #repair} finds nothing to do on a repaired store. A backup taken before this migration is
 * repaired when it is restored ({@code backup.Backup}).
 */
public final class W3cLatestVersionsJoined extends RecordsMigration {
  /** The schema version this migration brings a store to. */
  public static final String VERSION = "24";

  /** The feed whose records the W3C mapping reads ({@code FieldSources.feedOf} name). */
  private static final Set<String> FEEDS = Set.of("relaton-w3c");

  /** W3C's identifiers: "W3C speech-grammar", "W3C REC-speech-grammar-20040316". */
  private static final List<String> IDENTIFIERS = List.of("W3C ");

  public W3cLatestVersionsJoined() {
    super(VERSION, "W3C latest versions joined to their editions", W3cLatestVersionsJoined::repair);
  }

  /**
   * Applies, in the caller's transaction on {@code c}, the W3C latest-version rule to the stored
   * records it may touch; returns how many records changed (0 when there is nothing left to
   * repair).
   */
  public static int repair(Connection c, Clock clock) throws SQLException {
    ObjectMapper json = Json.mapper();
    Map<String, Stored> stored = new HashMap<>();
    Map<String, Standard> records = new HashMap<>();
    // The rule reads W3C's records only: the undated ones and the editions their links name, all
    // of whose ids start so. A document that does not read is left as it is, as the store leaves
    // it; so are the records this migration may not touch, left out of the rule.
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT id, document, revision FROM standard WHERE id LIKE 'w3c-%' ORDER BY id");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        String document = rs.getString(2);
        if (!(RelationTargetsNamed.read(json, document) instanceof ObjectNode doc)
            || !IsoUpdatesTurned.fromFeeds(doc, IDENTIFIERS, FEEDS)) {
          continue;
        }
        try {
          records.put(rs.getString(1), json.treeToValue(doc, Standard.class));
          stored.put(rs.getString(1), new Stored(doc, rs.getInt(3)));
        } catch (JsonProcessingException | RuntimeException e) {
          // left out of the rule and as it is
        }
      }
    }
    Map<String, Standard> joined = Editions.w3cLatestVersions(records.values());
    // Whether people wrote a record is read from its history, for the records the rule changes
    // only; without those, the rule changes fewer records and none it did not change before.
    Set<String> people = IsoUpdatesTurned.writtenByPeople(c, List.copyOf(joined.keySet()));
    if (!people.isEmpty()) {
      records.keySet().removeAll(people);
      joined = Editions.w3cLatestVersions(records.values());
    }
    int changed = 0;
    try (RecordWrites writes = new RecordWrites(c, clock.instant().toString())) {
      for (String id : new TreeSet<>(joined.keySet())) {
        join(json, id, stored.get(id), records.get(id), joined.get(id), writes);
        changed++;
      }
      writes.flush();
    }
    return changed;
  }

  /** The record {@code id} as the rule made it, {@code after}, written to {@code writes}. */
  private static void join(
      ObjectMapper json,
      String id,
      Stored stored,
      Standard before,
      Standard after,
      RecordWrites writes)
      throws SQLException {
    ObjectNode doc = stored.document();
    int was = stored.revision();
    boolean relations = !after.relations().equals(before.relations());
    boolean status = after.status() != before.status();
    JsonNode relationsBefore = doc.get("relations");
    JsonNode statusBefore = doc.get("status");
    int revision = was + 1;
    if (relations) {
      doc.set("relations", json.valueToTree(after.relations()));
    }
    if (status) {
      doc.set("status", json.valueToTree(after.status()));
    }
    doc.put("revision", revision);
    writes.document(id, was, revision, RelationTargetsNamed.write(json, doc));
    if (relations) {
      writes.relationsCleared(id);
      // One row per type and target.
      Set<String> seen = new HashSet<>();
      for (Relation r : after.relations()) {
        if (seen.add(r.type().wire() + " " + r.targetId())) {
          writes.relationAdded(id, r.type().wire(), r.target(), r.targetId());
        }
      }
      writes.relationsEvent(
          id,
          Catalog.historyText(relationsBefore),
          Catalog.historyText(doc.get("relations")),
          revision);
    }
    if (status) {
      writes.event(
          id,
          HistoryEvent.Kind.STATUS_CHANGED,
          "status",
          Catalog.historyText(statusBefore),
          Catalog.historyText(doc.get("status")),
          revision);
    }
  }

  /** A record's stored JSON document, as a tree, and revision. */
  private record Stored(ObjectNode document, int revision) {}
}
