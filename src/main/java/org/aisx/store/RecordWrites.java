package org.aisx.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.HistoryEvent;

/**
 * The writes of the migrations that rewrite stored records ({@link RecordsMigration}), batched: one
 * prepared statement per kind of write for the whole migration, sent {@value #BATCH} statements at
 * a time rather than one round trip each; the caller sends the last ones ({@link #flush}). A batch
 * is sent kind by kind in the order of {@link Write} (a record's relation rows deleted before its
 * new ones are inserted), so the rows read as if each write had been sent when it was made; the
 * migration reads nothing it writes.
 */
final class RecordWrites implements AutoCloseable {
  /** How many writes are held before they are sent. */
  static final int BATCH = 1000;

  /** A kind of write, in the order a batch sends them. */
  private enum Write {
    DOCUMENT(
        "UPDATE standard SET revision = ?, document = ?, updated_at = ?"
            + " WHERE id = ? AND revision = ?"),
    RELATIONS_CLEARED("DELETE FROM relation WHERE source_id = ?"),
    RELATION_ADDED("INSERT INTO relation (source_id, type, target, target_id) VALUES (?, ?, ?, ?)"),
    TARGET_NAMED(
        "UPDATE relation SET target = ? WHERE source_id = ? AND target_id = ? AND target = ?"),
    HELD_TARGET_NAMED(
        "UPDATE relation_review SET target = ?"
            + " WHERE source_id = ? AND target_id = ? AND target = ?"),
    RELATION_DROPPED("DELETE FROM relation WHERE source_id = ? AND type = ? AND target_id = ?"),
    RELATION_RETYPED(
        "UPDATE relation SET type = ? WHERE source_id = ? AND type = ? AND target_id = ?"),
    EVENT(
        "INSERT INTO history_event (record_id, at, kind, field, old_value, new_value, actor,"
            + " source, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    SUITE("UPDATE suite SET document = ?, version = version + 1 WHERE id = ?"),
    PUBLICATION("UPDATE suite_publication SET document = ? WHERE suite_id = ? AND version = ?");

    final String sql;

    Write(String sql) {
      this.sql = sql;
    }
  }

  private final Connection c;
  private final String now;
  private final Map<Write, PreparedStatement> statements = new EnumMap<>(Write.class);

  /** The ids of the documents in the pending {@link Write#DOCUMENT} batch, in its order. */
  private final List<String> documents = new ArrayList<>();

  private int pending;

  /** Writes on {@code c}, in the caller's transaction; {@code now} is when the writes happen. */
  RecordWrites(Connection c, String now) {
    this.c = c;
    this.now = now;
  }

  /** A record's repaired document as {@code revision}, refused if its revision moved. */
  void document(String id, int expected, int revision, String document) throws SQLException {
    documents.add(id);
    add(Write.DOCUMENT, revision, document, now, id, expected);
  }

  /** Every relation row from {@code sourceId} deleted (before {@link #relationAdded}). */
  void relationsCleared(String sourceId) throws SQLException {
    add(Write.RELATIONS_CLEARED, sourceId);
  }

  void relationAdded(String sourceId, String type, String target, String targetId)
      throws SQLException {
    add(Write.RELATION_ADDED, sourceId, type, target, targetId);
  }

  /**
   * The relation rows, and the held ones ({@code relation_review}), from {@code sourceId} whose
   * target is spelled as the id {@code id} spelled {@code identifier}.
   */
  void targetNamed(String sourceId, String id, String identifier) throws SQLException {
    add(Write.TARGET_NAMED, identifier, sourceId, id, id);
    add(Write.HELD_TARGET_NAMED, identifier, sourceId, id, id);
  }

  /** The relation row from {@code sourceId} to {@code targetId} typed {@code type} deleted. */
  void relationDropped(String sourceId, String type, String targetId) throws SQLException {
    add(Write.RELATION_DROPPED, sourceId, type, targetId);
  }

  /**
   * The relation row from {@code sourceId} to {@code targetId} typed {@code from} typed {@code to}.
   */
  void relationRetyped(String sourceId, String from, String to, String targetId)
      throws SQLException {
    add(Write.RELATION_RETYPED, to, sourceId, from, targetId);
  }

  /**
   * The history event of a repair that changed the record's {@code field} (actor {@value
   * RelationTargetsNamed#ACTOR}, source {@value RelationTargetsNamed#SOURCE}).
   */
  void event(
      String id,
      HistoryEvent.Kind kind,
      String field,
      String oldValue,
      String newValue,
      int revision)
      throws SQLException {
    add(
        Write.EVENT,
        id,
        now,
        kind.wire(),
        field,
        oldValue,
        newValue,
        RelationTargetsNamed.ACTOR,
        RelationTargetsNamed.SOURCE,
        revision);
  }

  /** The history event of a repair that changed the record's {@code relations}. */
  void relationsEvent(String id, String oldValue, String newValue, int revision)
      throws SQLException {
    event(id, HistoryEvent.Kind.FIELD_CHANGED, "relations", oldValue, newValue, revision);
  }

  /** A suite's working copy rewritten, its version one up. */
  void suite(String id, String document) throws SQLException {
    add(Write.SUITE, document, id);
  }

  /** A suite's publication rewritten, its number kept. */
  void publication(String suiteId, int version, String document) throws SQLException {
    add(Write.PUBLICATION, document, suiteId, version);
  }

  private PreparedStatement statement(Write w) throws SQLException {
    PreparedStatement s = statements.get(w);
    if (s == null) {
      s = c.prepareStatement(w.sql);
      statements.put(w, s);
    }
    return s;
  }

  /** A write of kind {@code w}, its parameters (numbers and text, null for none) in order. */
  private void add(Write w, Object... parameters) throws SQLException {
    PreparedStatement s = statement(w);
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i] instanceof Integer n) {
        s.setInt(i + 1, n);
      } else {
        s.setString(i + 1, (String) parameters[i]);
      }
    }
    s.addBatch();
    if (++pending >= BATCH) {
      flush();
    }
  }

  /** Sends the pending writes, kind by kind in the order of {@link Write}. */
  void flush() throws SQLException {
    for (Map.Entry<Write, PreparedStatement> s : statements.entrySet()) {
      int[] counts = s.getValue().executeBatch();
      if (s.getKey() == Write.DOCUMENT) {
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] != 1) {
            throw new SQLException(
                "record " + documents.get(i) + " changed while its relations were repaired");
          }
        }
        documents.clear();
      }
    }
    pending = 0;
  }

  /** Closes the statements; what {@link #flush} did not send is not sent. */
  @Override
  public void close() throws SQLException {
    for (PreparedStatement s : statements.values()) {
      s.close();
    }
  }
}
