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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.Json;
import org.aisx.catalog.Slug;

/**
 * Migration 20, in Java because it rewrites records' JSON documents, the same way on SQLite and
 * PostgreSQL: a relation whose target was stored as a record's id ({@code iso-iec-42001-2023}, as
 * people typed it into a submission or an edit before {@link Catalog#asCatalogued} named targets)
 * is stored as that record's identifier ({@code ISO/IEC 42001:2023}), as every new write stores it
 * (SPEC §1). Exports, the API's JSON and backups then carry the identifier.
 *
 * <p>Only a target that is exactly the id of a record in the catalogue changes, and only when that
 * record's identifier leads to the same id (so the relation still points where it did); a target
 * that names no record, or a feed's own spelling of an identifier, stays as it is. Each record that
 * changes is a new revision with a {@code field-changed} event on {@code relations} (old and new
 * values, actor {@value #ACTOR}, source {@value #SOURCE}), as any change of a record is: its
 * history says why its relations read differently, clients holding the old revision are refused
 * with 409/412 rather than writing the old spelling back, and the search index (rebuilt when the
 * store's last event moved) and the other nodes (which follow history events) see the change. The
 * record's own {@code source} and its fields' provenance stay: the spelling changed, not who gave
 * the relation. A relation the repair makes a copy of another one (same type and target) is
 * dropped. Held relations ({@code relation_review}) name their target the same way; their rows are
 * not records and carry no history.
 *
 * <p>Flyway applies it once per database; {@link #repair} finds nothing to do on a repaired store,
 * so running it again changes nothing. A backup taken before this migration is repaired when it is
 * restored ({@code backup.Backup}).
 */
public final class RelationTargetsNamed extends RecordsMigration {
  /** The schema version this migration brings a store to. */
  public static final String VERSION = "20";

  /** Who wrote the revisions: the upgrade, not a person (pages name it in their language). */
  public static final String ACTOR = "upgrade";

  /** The source of the history events: public, names no one. */
  public static final String SOURCE = "aisx-upgrade";

  public RelationTargetsNamed() {
    super(VERSION, "relation targets named by identifier", RelationTargetsNamed::repair);
  }

  /**
   * Names by identifier every stored relation target that is a record's id, in the caller's
   * transaction on {@code c}; returns how many records changed (0 when there is nothing left to
   * repair).
   */
  public static int repair(Connection c, Clock clock) throws SQLException {
    Map<String, String> identifiers = identifiers(c);
    ObjectMapper json = Json.mapper();
    int changed = 0;
    try (RecordWrites writes = new RecordWrites(c, clock.instant().toString())) {
      for (List<String> chunk : chunks(sourcesWithTargetsInCatalogue(c))) {
        Map<String, Stored> documents = documents(c, chunk);
        for (String sourceId : chunk) {
          if (name(json, identifiers, sourceId, documents.get(sourceId), writes)) {
            changed++;
          }
        }
      }
      writes.flush();
    }
    return changed;
  }

  /**
   * Names by identifier the targets of {@code stored}'s relations that are records' ids, writing
   * the record's new revision to {@code writes}; whether it changed.
   */
  private static boolean name(
      ObjectMapper json,
      Map<String, String> identifiers,
      String sourceId,
      Stored stored,
      RecordWrites writes)
      throws SQLException {
    if (stored == null) {
      return false;
    }
    if (!(read(json, stored.document()) instanceof ObjectNode doc)) {
      return false; // a document that does not read is left as it is, as the store leaves it
    }
    JsonNode relations = doc.get("relations");
    if (!(relations instanceof ArrayNode before)) {
      return false;
    }
    Set<String> given = new HashSet<>();
    before.forEach(r -> given.add(key(r)));
    ArrayNode after = json.createArrayNode();
    Set<String> added = new HashSet<>();
    Map<String, String> renamed = new HashMap<>();
    for (JsonNode relation : before) {
      String target = relation.path("target").asText(null);
      String identifier = target == null ? null : identifiers.get(target);
      if (identifier == null
          || identifier.equals(target)
          || !Slug.of(identifier).equals(target)
          || !(relation instanceof ObjectNode object)) {
        after.add(relation);
        continue;
      }
      renamed.put(target, identifier);
      ObjectNode named = object.deepCopy().put("target", identifier);
      // The same relation written both ways: one is kept.
      if (!given.contains(key(named)) && added.add(key(named))) {
        after.add(named);
      }
    }
    if (renamed.isEmpty()) {
      return false;
    }
    int revision = stored.revision() + 1;
    doc.set("relations", after);
    doc.put("revision", revision);
    writes.document(sourceId, stored.revision(), revision, write(json, doc));
    for (Map.Entry<String, String> r : renamed.entrySet()) {
      writes.targetNamed(sourceId, r.getKey(), r.getValue());
    }
    writes.relationsEvent(
        sourceId, Catalog.historyText(before), Catalog.historyText(after), revision);
    return true;
  }

  /** The document as a JSON tree; null when it does not read (left as the store leaves it). */
  static JsonNode read(ObjectMapper json, String document) {
    try {
      return json.readTree(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  static String write(ObjectMapper json, JsonNode document) {
    try {
      return json.writeValueAsString(document);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a repaired record: " + e.getMessage(), e);
    }
  }

  /** A relation's type and target: one relation per type and target. */
  static String key(JsonNode relation) {
    return relation.path("type").asText() + "\n" + relation.path("target").asText();
  }

  /** Every record's identifier by its id. */
  private static Map<String, String> identifiers(Connection c) throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (PreparedStatement q = c.prepareStatement("SELECT id, identifier FROM standard");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /**
   * The records with a relation towards a record in the catalogue, whatever its spelling: the store
   * keeps one relation row per type and target, so a document's second spelling has no row.
   */
  private static List<String> sourcesWithTargetsInCatalogue(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT DISTINCT r.source_id FROM relation r JOIN standard s ON s.id = r.target_id"
                    + " ORDER BY r.source_id");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** A record's stored JSON document and revision. */
  record Stored(String document, int revision) {}

  /** The stored documents and revisions of the records {@code ids} that exist, by id. */
  static Map<String, Stored> documents(Connection c, List<String> ids) throws SQLException {
    Map<String, Stored> out = new HashMap<>();
    select(
        c,
        "SELECT id, document, revision FROM standard WHERE id IN (?)",
        ids,
        rs -> out.put(rs.getString(1), new Stored(rs.getString(2), rs.getInt(3))));
    return out;
  }
}
