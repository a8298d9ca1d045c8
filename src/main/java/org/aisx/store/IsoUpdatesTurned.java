package org.aisx.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.FieldSources;
import org.aisx.catalog.Json;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Slug;
import org.aisx.catalog.SourceNames;
import org.aisx.ingest.IsoIecRules;

/**
 * Migration 22, in Java because it rewrites records' JSON documents, the same way on SQLite and
 * PostgreSQL: an {@code updates} link that ISO's Relaton feed gave, mapped before the importer read
 * ISO's {@code updates} as <em>updated by</em> ({@link IsoIecRules#updatesDirection}), is turned
 * round as the importer now maps it: "ISO 12813:2015 updates ISO 12813:2019", stored by the bundled
 * catalogue of earlier versions and by every import of the ISO feed before, reads "ISO 12813:2015
 * updated-by ISO 12813:2019"; a link the rule keeps ("ISO 8620:1986 updates ISO 4610:1977", the
 * target the older) stays.
 *
 * <p><b>Only links a feed gave.</b> The store keeps where a value came from per field ({@code
 * fieldSources}: the feeds, submissions and edits that gave a record's {@code relations}) and per
 * revision (each history event's actor and source), not per link: a coordinator's edit that sends
 * the record back with a feed's link unchanged leaves no trace of that link. So the repair takes a
 * record only when no person ever wrote it: none of its history events and none of its fields'
 * provenance is a person's ({@link SourceNames#reviewed}: a submission, a coordinator's edit, a
 * review), and its {@code relations} came from the ISO or IEC Relaton feed ({@code relaton-iso},
 * {@code relaton-iec}, any snapshot of them: {@link FieldSources#feedOf}) or the bundled catalogue
 * ({@link SourceNames#STARTER_CORPUS}, made from those feeds), for a record whose identifier is
 * ISO's or IEC's (the identifiers the ISO/IEC mapping reads). The links of any other record stay as
 * they are: a person's, another body's ({@code updates} in the RFC index or ITU-T's feed means what
 * it says), ISO Open Data's ("ISO 9000:2004/Cor 1:2008 updates ISO 9000:2004", in the right
 * direction) and those of an ISO feed imported under another name, which its next import corrects.
 *
 * <p>Each record that changes is a new revision with a {@code field-changed} event on {@code
 * relations} (old and new values, actor {@value RelationTargetsNamed#ACTOR}, source {@value
 * RelationTargetsNamed#SOURCE}), as {@link RelationTargetsNamed} writes them; the record's own
 * {@code source} and its fields' provenance stay. A link turned into one the record holds already
 * is dropped. Flyway applies it once per database; {@link #repair} finds nothing to do on a
 * repaired store. A backup taken before this migration is repaired when it is restored ({@code
 * backup.Backup}).
 */
public final class IsoUpdatesTurned extends RecordsMigration {
  /** The schema version this migration brings a store to. */
  public static final String VERSION = "22";

  /** The feeds whose records the ISO/IEC mapping reads ({@link FieldSources#feedOf} names). */
  private static final Set<String> FEEDS = Set.of("relaton-iso", "relaton-iec");

  public IsoUpdatesTurned() {
    super(VERSION, "ISO updates links read as updated-by", IsoUpdatesTurned::repair);
  }

  /**
   * Turns round, in the caller's transaction on {@code c}, every stored {@code updates} link that
   * ISO's feed gave and the ISO/IEC mapping now reads as {@code updated-by}; returns how many
   * records changed (0 when there is nothing left to repair).
   */
  public static int repair(Connection c, Clock clock) throws SQLException {
    return turn(
        c,
        clock,
        RelationType.UPDATES,
        RelationType.UPDATED_BY,
        (identifier, target) ->
            IsoIecRules.updatesDirection(identifier, target) == RelationType.UPDATED_BY);
  }

  /**
   * Retypes {@code from} as {@code to}, in the caller's transaction on {@code c}, every stored link
   * of type {@code from} from a record's {@code identifier} to a {@code target} that {@code turns}
   * accepts, in the records ISO's or IEC's feed or the bundled catalogue gave and no person wrote
   * (the rule of this class's description, which {@link IsoDraftLinksTurned} shares): each such
   * record a new revision with its history event, a link turned into one the record holds already
   * dropped. Returns how many records changed.
   */
  static int turn(
      Connection c,
      Clock clock,
      RelationType from,
      RelationType to,
      BiPredicate<String, String> turns)
      throws SQLException {
    ObjectMapper json = Json.mapper();
    int changed = 0;
    try (RecordWrites writes = new RecordWrites(c, clock.instant().toString())) {
      for (List<String> chunk : chunks(holdersOf(c, from.wire()))) {
        Map<String, ObjectNode> fromFeeds = new HashMap<>();
        Map<String, RelationTargetsNamed.Stored> stored = RelationTargetsNamed.documents(c, chunk);
        for (String id : chunk) {
          if (stored.get(id) != null
              && RelationTargetsNamed.read(json, stored.get(id).document())
                  instanceof ObjectNode doc
              && doc.get("relations") instanceof ArrayNode
              && fromFeeds(doc, List.of("ISO", "IEC"), FEEDS)) {
            fromFeeds.put(id, doc);
          }
        }
        Set<String> people = writtenByPeople(c, List.copyOf(fromFeeds.keySet()));
        Set<String> held = heldAs(c, to.wire(), List.copyOf(fromFeeds.keySet()));
        for (String id : chunk) {
          ObjectNode doc = fromFeeds.get(id);
          if (doc != null
              && !people.contains(id)
              && turn(json, id, stored.get(id).revision(), doc, from, to, turns, held, writes)) {
            changed++;
          }
        }
      }
      writes.flush();
    }
    return changed;
  }

  /**
   * Retypes the links of the record {@code id} as {@link #turn(Connection, Clock, RelationType,
   * RelationType, BiPredicate)} says, writing its new revision to {@code writes}; {@code heldAs}
   * holds "id target-id" for each of its relation rows typed {@code to} already. Whether it
   * changed.
   */
  private static boolean turn(
      ObjectMapper json,
      String id,
      int was,
      ObjectNode doc,
      RelationType from,
      RelationType to,
      BiPredicate<String, String> turns,
      Set<String> heldAs,
      RecordWrites writes)
      throws SQLException {
    ArrayNode before = (ArrayNode) doc.get("relations");
    String identifier = doc.path("identifier").asText("");
    Set<String> held = new HashSet<>();
    before.forEach(r -> held.add(RelationTargetsNamed.key(r)));
    ArrayNode after = json.createArrayNode();
    Set<String> turned = new LinkedHashSet<>();
    for (JsonNode relation : before) {
      String target = relation.path("target").asText(null);
      if (!from.wire().equals(relation.path("type").asText())
          || target == null
          || !(relation instanceof ObjectNode object)
          || !turns.test(identifier, target)) {
        after.add(relation);
        continue;
      }
      ObjectNode round = object.deepCopy().put("type", to.wire());
      turned.add(Slug.of(target));
      if (held.add(RelationTargetsNamed.key(round))) {
        after.add(round);
      }
    }
    if (turned.isEmpty()) {
      return false;
    }
    int revision = was + 1;
    doc.set("relations", after);
    doc.put("revision", revision);
    writes.document(id, was, revision, RelationTargetsNamed.write(json, doc));
    // One row per type and target: a row turned into one the record holds is dropped.
    for (String targetId : turned) {
      if (heldAs.contains(id + " " + targetId)) {
        writes.relationDropped(id, from.wire(), targetId);
      } else {
        writes.relationRetyped(id, from.wire(), to.wire(), targetId);
      }
    }
    writes.relationsEvent(id, Catalog.historyText(before), Catalog.historyText(after), revision);
    return true;
  }

  /**
   * Whether the record's relations came from one of {@code feeds} ({@link FieldSources#feedOf}
   * names: ISO's and IEC's Relaton feeds here) or the bundled catalogue, the record's identifier
   * starting with one of {@code prefixes} (the body's, here ISO's or IEC's), and no field of it
   * names a person as its source. The rule of this class's description, which {@link
   * W3cLatestVersionsJoined} applies to W3C's records.
   */
  static boolean fromFeeds(ObjectNode doc, List<String> prefixes, Set<String> feeds) {
    String identifier = doc.path("identifier").asText("");
    if (prefixes.stream().noneMatch(identifier::startsWith)) {
      return false;
    }
    JsonNode provenance = doc.path("fieldSources");
    for (JsonNode names : provenance) {
      for (JsonNode name : names) {
        if (SourceNames.reviewed(SourceNames.publishable(name.asText()))) {
          return false;
        }
      }
    }
    List<String> gave = new ArrayList<>();
    provenance.path("relations").forEach(n -> gave.add(n.asText()));
    if (gave.isEmpty()) {
      // A record stored before fields had their provenance: its source gave it all.
      gave.add(doc.path("source").asText(""));
    }
    return gave.stream()
        .allMatch(
            n -> n.equals(SourceNames.STARTER_CORPUS) || feeds.contains(FieldSources.feedOf(n)));
  }

  /**
   * Which of the records {@code ids} any revision of was a person's (a submission, an edit, a
   * review).
   */
  static Set<String> writtenByPeople(Connection c, List<String> ids) throws SQLException {
    Set<String> out = new HashSet<>();
    select(
        c,
        "SELECT DISTINCT record_id, source FROM history_event WHERE record_id IN (?)",
        ids,
        rs -> {
          if (SourceNames.reviewed(SourceNames.publishable(rs.getString(2)))) {
            out.add(rs.getString(1));
          }
        });
    return out;
  }

  /** The records holding a relation of type {@code type}. */
  private static List<String> holdersOf(Connection c, String type) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT DISTINCT source_id FROM relation WHERE type = ? ORDER BY source_id")) {
      q.setString(1, type);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /**
   * "source-id target-id" for each relation row typed {@code type} from the records {@code ids}.
   */
  private static Set<String> heldAs(Connection c, String type, List<String> ids)
      throws SQLException {
    Set<String> out = new HashSet<>();
    select(
        c,
        "SELECT source_id, type, target_id FROM relation WHERE source_id IN (?)",
        ids,
        rs -> {
          if (type.equals(rs.getString(2))) {
            out.add(rs.getString(1) + " " + rs.getString(3));
          }
        });
    return out;
  }
}
