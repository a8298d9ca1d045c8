package org.aisx.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The catalogue on SQL: records as JSON documents, relations and history as rows. The same
 * statements run on SQLite and PostgreSQL; only the migrations differ.
 */
public final class SqlCatalogStore implements CatalogStore {
  private static final String EVENT_COLUMNS =
      "seq, record_id, at, kind, field, old_value, new_value, actor, source, revision";

  private final Database database;
  private final Jdbi jdbi;
  private final ObjectMapper json;

  public SqlCatalogStore(Database database, ObjectMapper json) {
    this.database = database;
    this.jdbi = database.jdbi();
    this.json = json;
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
    return jdbi.inTransaction(
        h -> {
          apply(h, new Write(record, expectedRevision, events));
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
    jdbi.useTransaction(
        h -> {
          for (Write w : writes) {
            apply(h, w);
          }
        });
  }

  /** One record's statements, inside the caller's transaction. */
  private void apply(Handle h, Write w) {
    Standard record = w.record();
    int expectedRevision = w.expectedRevision();
    String document = serialize(record);
    String now = Instant.now().toString();
    if (expectedRevision == 0) {
      boolean exists =
          h.createQuery("SELECT 1 FROM standard WHERE id = :id")
              .bind("id", record.id())
              .mapTo(Integer.class)
              .findOne()
              .isPresent();
      if (exists) {
        throw new CatalogException.Conflict(record.id(), 0, currentRevision(h, record.id()));
      }
      h.createUpdate(
              "INSERT INTO standard (id, identifier, revision, document, created_at, updated_at)"
                  + " VALUES (:id, :identifier, :revision, :document, :now, :now)")
          .bind("id", record.id())
          .bind("identifier", record.identifier())
          .bind("revision", record.revision())
          .bind("document", document)
          .bind("now", now)
          .execute();
    } else {
      int updated =
          h.createUpdate(
                  "UPDATE standard SET identifier = :identifier, revision = :revision,"
                      + " document = :document, updated_at = :now"
                      + " WHERE id = :id AND revision = :expected")
              .bind("id", record.id())
              .bind("identifier", record.identifier())
              .bind("revision", record.revision())
              .bind("document", document)
              .bind("now", now)
              .bind("expected", expectedRevision)
              .execute();
      if (updated != 1) {
        throw new CatalogException.Conflict(
            record.id(), expectedRevision, currentRevision(h, record.id()));
      }
      h.createUpdate("DELETE FROM relation WHERE source_id = :id")
          .bind("id", record.id())
          .execute();
    }
    PreparedBatch relations =
        h.prepareBatch(
            "INSERT INTO relation (source_id, type, target, target_id)"
                + " VALUES (:source, :type, :target, :targetId)");
    Set<String> seen = new HashSet<>();
    for (Relation r : record.relations()) {
      if (seen.add(r.type().wire() + " " + r.targetId())) {
        relations
            .bind("source", record.id())
            .bind("type", r.type().wire())
            .bind("target", r.target())
            .bind("targetId", r.targetId())
            .add();
      }
    }
    if (!seen.isEmpty()) {
      relations.execute();
    }
    PreparedBatch history =
        h.prepareBatch(
            "INSERT INTO history_event (record_id, at, kind, field, old_value, new_value,"
                + " actor, source, revision) VALUES (:record, :at, :kind, :field, :old,"
                + " :new, :actor, :source, :revision)");
    for (HistoryEvent e : w.events()) {
      history
          .bind("record", record.id())
          .bind("at", e.at().toString())
          .bind("kind", e.kind().wire())
          .bind("field", e.field())
          .bind("old", e.oldValue())
          .bind("new", e.newValue())
          .bind("actor", e.actor())
          .bind("source", e.source())
          .bind("revision", e.revision())
          .add();
    }
    if (!w.events().isEmpty()) {
      history.execute();
    }
  }

  private static int currentRevision(Handle h, String id) {
    return h.createQuery("SELECT revision FROM standard WHERE id = :id")
        .bind("id", id)
        .mapTo(Integer.class)
        .findOne()
        .orElse(0);
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

  @Override
  public void close() {
    database.close();
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
      return json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise record " + record.id(), e);
    }
  }
}
