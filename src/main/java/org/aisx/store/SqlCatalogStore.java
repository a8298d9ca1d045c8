package org.aisx.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.IncomingRelation;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The catalogue on SQL: records as JSON documents, relations and history as rows. The same
 * statements run on SQLite and PostgreSQL; only the migrations differ.
 */
public final class SqlCatalogStore implements CatalogStore {
  private static final String EVENT_COLUMNS =
      "seq, record_id, at, kind, field, old_value, new_value, actor, source, revision";

  private final Jdbi jdbi;
  private final ObjectMapper json;

  /** Writes a record as the JSON document the store keeps (Jackson, in Standard's order). */
  private final com.fasterxml.jackson.databind.ObjectWriter recordWriter;

  /** The store over {@code database}, which stays its opener's to close. */
  public SqlCatalogStore(Database database, ObjectMapper json) {
    this.jdbi = database.jdbi();
    this.json = json;
    this.recordWriter = json.writerFor(Standard.class);
  }

  @Override
  public Optional<Standard> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT document FROM standard WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> parse(rs.getString(1)))
                .findOne());
  }

  @Override
  public void forEach(Consumer<Standard> sink) {
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT document FROM standard ORDER BY id")
                .setFetchSize(500)
                .map((rs, ctx) -> rs.getString(1))
                .useIterator(it -> it.forEachRemaining(doc -> sink.accept(parse(doc)))));
  }

  @Override
  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM standard").mapTo(Long.class).one());
  }

  @Override
  public Map<String, Standard> findAll(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, Standard> found = new HashMap<>();
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      jdbi.useHandle(
          h ->
              h.createQuery("SELECT document FROM standard WHERE id IN (<ids>)")
                  .bindList("ids", chunk)
                  .map((rs, ctx) -> parse(rs.getString(1)))
                  .forEach(s -> found.put(s.id(), s)));
    }
    return found;
  }

  @Override
  public List<HistoryEvent> write(
      Standard record, int expectedRevision, List<HistoryEvent> events) {
    return write(record, expectedRevision, events, () -> {});
  }

  @Override
  public void inTransaction(Runnable work) {
    jdbi.useTransaction(h -> work.run());
  }

  @Override
  public List<HistoryEvent> write(
      Standard record, int expectedRevision, List<HistoryEvent> events, Runnable alongside) {
    return jdbi.inTransaction(
        h -> {
          writeInTransaction(
              h.getConnection(), List.of(new Write(record, expectedRevision, events)));
          // Jdbi hands nested calls on this thread the same handle, so they join the transaction.
          alongside.run();
          return h.createQuery(
                  "SELECT "
                      + EVENT_COLUMNS
                      + " FROM history_event WHERE record_id = :id AND revision = :revision"
                      + " ORDER BY seq")
              .bind("id", record.id())
              .bind("revision", record.revision())
              .map(SqlCatalogStore::event)
              .list();
        });
  }

  @Override
  public void writeAll(List<Write> writes) {
    writeAll(writes, () -> {});
  }

  @Override
  public void writeAll(List<Write> writes, Runnable alongside) {
    jdbi.useTransaction(
        h -> {
          writeInTransaction(h.getConnection(), writes);
          // Jdbi hands nested calls on this thread the same handle, so they join the transaction.
          alongside.run();
        });
  }

  private void writeInTransaction(Connection connection, List<Write> writes) {
    try (Writer writer = new Writer(connection)) {
      writer.writeAll(writes);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write to the catalogue: " + e.getMessage(), e);
    }
  }

  /**
   * The statements of one transaction's writes, each prepared once: an import batch of 500 records
   * is one existence query, one insert per record and one batch each of relations and events.
   */
  private final class Writer implements AutoCloseable {
    private final Connection connection;
    private final List<PreparedStatement> opened = new ArrayList<>();
    private PreparedStatement insert;
    private PreparedStatement update;
    private PreparedStatement deleteRelations;
    private PreparedStatement relations;
    private PreparedStatement history;
    private int pendingRelations;
    private int pendingEvents;

    Writer(Connection connection) {
      this.connection = connection;
    }

    private PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement statement = connection.prepareStatement(sql);
      opened.add(statement);
      return statement;
    }

    void writeAll(List<Write> writes) throws SQLException {
      Set<String> existing = existing(writes);
      Set<String> inserted = new HashSet<>();
      for (Write w : writes) {
        apply(w, existing, inserted);
      }
      flushRelations();
      if (pendingEvents > 0) {
        history.executeBatch();
        pendingEvents = 0;
      }
    }

    /** Which of the records to be created are already stored (a conflict). */
    private Set<String> existing(List<Write> writes) throws SQLException {
      List<String> ids = new ArrayList<>();
      for (Write w : writes) {
        if (w.expectedRevision() == 0) {
          ids.add(w.record().id());
        }
      }
      Set<String> found = new HashSet<>();
      for (int from = 0; from < ids.size(); from += 500) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
        String sql =
            "SELECT id FROM standard WHERE id IN ("
                + String.join(",", java.util.Collections.nCopies(chunk.size(), "?"))
                + ")";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
          for (int i = 0; i < chunk.size(); i++) {
            query.setString(i + 1, chunk.get(i));
          }
          try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
              found.add(rs.getString(1));
            }
          }
        }
      }
      return found;
    }

    /** One record's statements; relations and events are batched until the end. */
    private void apply(Write w, Set<String> existing, Set<String> inserted) throws SQLException {
      Standard record = w.record();
      int expectedRevision = w.expectedRevision();
      String document = serialize(record);
      String now = Instant.now().toString();
      if (expectedRevision == 0) {
        if (existing.contains(record.id()) || !inserted.add(record.id())) {
          throw new CatalogException.Conflict(record.id(), 0, currentRevision(record.id()));
        }
        if (insert == null) {
          insert =
              prepare(
                  "INSERT INTO standard (id, identifier, revision, document, created_at,"
                      + " updated_at) VALUES (?, ?, ?, ?, ?, ?)");
        }
        insert.setString(1, record.id());
        insert.setString(2, record.identifier());
        insert.setInt(3, record.revision());
        insert.setString(4, document);
        insert.setString(5, now);
        insert.setString(6, now);
        insert.executeUpdate();
      } else {
        if (update == null) {
          update =
              prepare(
                  "UPDATE standard SET identifier = ?, revision = ?, document = ?, updated_at = ?"
                      + " WHERE id = ? AND revision = ?");
        }
        update.setString(1, record.identifier());
        update.setInt(2, record.revision());
        update.setString(3, document);
        update.setString(4, now);
        update.setString(5, record.id());
        update.setInt(6, expectedRevision);
        if (update.executeUpdate() != 1) {
          throw new CatalogException.Conflict(
              record.id(), expectedRevision, currentRevision(record.id()));
        }
        // Relations of earlier records first, so that this record's old ones are the ones
        // deleted.
        flushRelations();
        if (deleteRelations == null) {
          deleteRelations = prepare("DELETE FROM relation WHERE source_id = ?");
        }
        deleteRelations.setString(1, record.id());
        deleteRelations.executeUpdate();
      }
      Set<String> seen = new HashSet<>();
      for (Relation r : record.relations()) {
        if (seen.add(r.type().wire() + " " + r.targetId())) {
          if (relations == null) {
            relations =
                prepare(
                    "INSERT INTO relation (source_id, type, target, target_id)"
                        + " VALUES (?, ?, ?, ?)");
          }
          relations.setString(1, record.id());
          relations.setString(2, r.type().wire());
          relations.setString(3, r.target());
          relations.setString(4, r.targetId());
          relations.addBatch();
          pendingRelations++;
        }
      }
      for (HistoryEvent e : w.events()) {
        if (history == null) {
          history =
              prepare(
                  "INSERT INTO history_event (record_id, at, kind, field, old_value, new_value,"
                      + " actor, source, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        history.setString(1, record.id());
        history.setString(2, e.at().toString());
        history.setString(3, e.kind().wire());
        history.setString(4, e.field());
        history.setString(5, e.oldValue());
        history.setString(6, e.newValue());
        history.setString(7, e.actor());
        history.setString(8, e.source());
        history.setInt(9, e.revision());
        history.addBatch();
        pendingEvents++;
      }
    }

    private void flushRelations() throws SQLException {
      if (pendingRelations > 0) {
        relations.executeBatch();
        pendingRelations = 0;
      }
    }

    private int currentRevision(String id) throws SQLException {
      try (PreparedStatement query =
          connection.prepareStatement("SELECT revision FROM standard WHERE id = ?")) {
        query.setString(1, id);
        try (ResultSet rs = query.executeQuery()) {
          return rs.next() ? rs.getInt(1) : 0;
        }
      }
    }

    @Override
    public void close() throws SQLException {
      SQLException first = null;
      for (PreparedStatement statement : opened) {
        try {
          statement.close();
        } catch (SQLException e) {
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
      if (first != null) {
        throw first;
      }
    }
  }

  @Override
  public List<HistoryEvent> history(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + EVENT_COLUMNS
                        + " FROM history_event WHERE record_id = :id ORDER BY seq")
                .bind("id", id)
                .map(SqlCatalogStore::event)
                .list());
  }

  @Override
  public List<HistoryEvent> recentEvents(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + EVENT_COLUMNS
                        + " FROM history_event ORDER BY seq DESC LIMIT :limit")
                .bind("limit", limit)
                .map(SqlCatalogStore::event)
                .list());
  }

  @Override
  public List<HistoryEvent> events(
      Long beforeSeq, Instant since, Set<HistoryEvent.Kind> kinds, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(EVENT_COLUMNS)
            .append(" FROM history_event WHERE 1 = 1");
    if (beforeSeq != null) {
      sql.append(" AND seq < :before");
    }
    if (since != null) {
      // Times are stored as ISO-8601 text; to the second, text order is time order.
      sql.append(" AND at >= :since");
    }
    if (!kinds.isEmpty()) {
      sql.append(" AND kind IN (<kinds>)");
    }
    sql.append(" ORDER BY seq DESC LIMIT :limit");
    return jdbi.withHandle(
        h -> {
          var q = h.createQuery(sql.toString()).bind("limit", limit);
          if (beforeSeq != null) {
            q.bind("before", beforeSeq.longValue());
          }
          if (since != null) {
            q.bind(
                "since",
                since
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .toString()
                    .replace("Z", ""));
          }
          if (!kinds.isEmpty()) {
            q.bindList("kinds", kinds.stream().map(HistoryEvent.Kind::wire).sorted().toList());
          }
          return q.map(SqlCatalogStore::event).list();
        });
  }

  @Override
  public List<IncomingRelation> incoming(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT r.type, r.source_id, s.identifier FROM relation r"
                        + " JOIN standard s ON s.id = r.source_id"
                        + " WHERE r.target_id = :id ORDER BY s.identifier")
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new IncomingRelation(
                            RelationType.fromWire(rs.getString(1)).orElseThrow().inverse(),
                            rs.getString(2),
                            rs.getString(3)))
                .list());
  }

  @Override
  public long lastEventSeq() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM history_event")
                .mapTo(Long.class)
                .one());
  }

  private static HistoryEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
    return new HistoryEvent(
        rs.getLong("seq"),
        rs.getString("record_id"),
        Instant.parse(rs.getString("at")),
        HistoryEvent.Kind.fromWire(rs.getString("kind")),
        rs.getString("field"),
        rs.getString("old_value"),
        rs.getString("new_value"),
        rs.getString("actor"),
        rs.getString("source"),
        rs.getInt("revision"));
  }

  private Standard parse(String document) {
    try {
      return json.readValue(document, Standard.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored record cannot be read: " + e.getOriginalMessage(), e);
    }
  }

  private String serialize(Standard record) {
    try {
      return recordWriter.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise record " + record.id(), e);
    }
  }
}
