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
import org.aisx.catalog.Harvest;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.IncomingRelation;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationReview;
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
  private final StoreConfig.Vendor vendor;

  /** Writes a record as the JSON document the store keeps (Jackson, in Standard's order). */
  private final com.fasterxml.jackson.databind.ObjectWriter recordWriter;

  /** The store over {@code database}, which stays its opener's to close. */
  public SqlCatalogStore(Database database, ObjectMapper json) {
    this.jdbi = database.jdbi();
    this.json = json;
    this.vendor = database.vendor();
    this.recordWriter = json.writerFor(Standard.class);
  }

  @Override
  public List<String> bodies() {
    return distinct("sdo");
  }

  @Override
  public List<String> committees() {
    return distinct("committee");
  }

  /** Every value the records' documents hold in their top-level text field {@code field}. */
  private List<String> distinct(String field) {
    String value =
        vendor == StoreConfig.Vendor.POSTGRESQL
            ? "CAST(document AS json) ->> '" + field + "'"
            : "json_extract(document, '$." + field + "')";
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT DISTINCT "
                        + value
                        + " AS v FROM standard WHERE "
                        + value
                        + " IS NOT NULL")
                .mapTo(String.class)
                .list());
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
  public Map<String, Map<String, FeedHarvest>> harvests(Collection<String> ids) {
    Map<String, Map<String, FeedHarvest>> found = new HashMap<>();
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      jdbi.useHandle(
          h ->
              h.createQuery(
                      "SELECT record_id, feed, source, schema_version, fetched FROM record_harvest"
                          + " WHERE record_id IN (<ids>)")
                  .bindList("ids", chunk)
                  .map(
                      (rs, ctx) ->
                          new FeedHarvest(
                              rs.getString(1),
                              rs.getString(2),
                              rs.getString(3),
                              new Harvest(rs.getString(4), rs.getString(5))))
                  .forEach(
                      f ->
                          found
                              .computeIfAbsent(f.recordId(), k -> new HashMap<>())
                              .put(f.feed(), f)));
    }
    return found;
  }

  @Override
  public void noteHarvests(List<FeedHarvest> harvests) {
    if (harvests.isEmpty()) {
      return;
    }
    // Jdbi hands nested calls on this thread the same handle, so this joins a caller's transaction.
    jdbi.useHandle(
        h -> {
          var batch =
              h.prepareBatch(
                  "INSERT INTO record_harvest (record_id, feed, source, schema_version, fetched)"
                      + " VALUES (:id, :feed, :source, :schema, :fetched)"
                      + " ON CONFLICT (record_id, feed) DO UPDATE SET source = excluded.source,"
                      + " schema_version = excluded.schema_version, fetched = excluded.fetched");
          for (FeedHarvest f : harvests) {
            batch
                .bind("id", f.recordId())
                .bind("feed", f.feed())
                .bind("source", f.source())
                .bind("schema", f.harvest().schemaVersion())
                .bind("fetched", f.harvest().fetched())
                .add();
          }
          batch.execute();
        });
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
      List<String> updated = new ArrayList<>();
      for (Write w : writes) {
        apply(w, existing, inserted);
        if (w.expectedRevision() != 0) {
          updated.add(w.record().id());
        }
      }
      flushRelations();
      if (pendingEvents > 0) {
        history.executeBatch();
        pendingEvents = 0;
      }
      withdrawUnclaimed(connection, updated);
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
    record Row(IncomingRelation relation, String state, String sourceBody) {}
    List<Row> rows =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT r.type, r.source_id, s.identifier, rr.state, rr.source_body"
                            + " FROM relation r JOIN standard s ON s.id = r.source_id"
                            + " LEFT JOIN relation_review rr ON rr.source_id = r.source_id"
                            + " AND rr.type = r.type AND rr.target_id = r.target_id"
                            + " WHERE r.target_id = :id ORDER BY s.identifier")
                    .bind("id", id)
                    .map(
                        (rs, ctx) ->
                            new Row(
                                new IncomingRelation(
                                    RelationType.fromWire(rs.getString(1)).orElseThrow().inverse(),
                                    rs.getString(2),
                                    rs.getString(3)),
                                rs.getString(4),
                                rs.getString(5)))
                    .list());
    List<IncomingRelation> shown = new ArrayList<>(rows.size());
    String targetBody = null;
    boolean bodyRead = false;
    for (Row row : rows) {
      if (row.state() != null && !RelationReview.State.APPROVED.wire().equals(row.state())) {
        // Held and not approved: shown only where it is the target's own body's relation.
        if (!bodyRead) {
          targetBody = find(id).map(Standard::sdo).orElse(null);
          bodyRead = true;
        }
        if (!RelationReview.sameBody(row.sourceBody(), targetBody)) {
          continue;
        }
      }
      shown.add(row.relation());
    }
    return shown;
  }

  private static final String REVIEW_COLUMNS =
      "rr.id, rr.source_id, s.identifier AS source_identifier, rr.source_body, rr.type,"
          + " rr.target_id, rr.target, rr.target_body, rr.state, rr.requested_by,"
          + " rr.requested_source, rr.requested_at, rr.decided_by, rr.decided_at, rr.comment"
          + " FROM relation_review rr LEFT JOIN standard s ON s.id = rr.source_id";

  @Override
  public void hold(List<RelationReview> requests) {
    if (requests.isEmpty()) {
      return;
    }
    // Jdbi hands nested calls on this thread the same handle, so this joins a caller's transaction.
    jdbi.useHandle(
        h -> {
          for (RelationReview r : requests) {
            Optional<String> state =
                h.createQuery(
                        "SELECT state FROM relation_review"
                            + " WHERE source_id = :source AND type = :type AND target_id = :target")
                    .bind("source", r.sourceId())
                    .bind("type", r.type().wire())
                    .bind("target", r.targetId())
                    .mapTo(String.class)
                    .findOne();
            if (state.isEmpty()) {
              h.createUpdate(
                      "INSERT INTO relation_review (id, source_id, type, target_id, target,"
                          + " source_body, target_body, state, requested_by, requested_source,"
                          + " requested_at) VALUES (:id, :source, :type, :target, :targetText,"
                          + " :sourceBody, :targetBody, :state, :by, :from, :at)")
                  .bind("id", r.id())
                  .bindMap(pendingRequest(r))
                  .execute();
            } else if (RelationReview.State.REJECTED.wire().equals(state.get())
                || RelationReview.State.WITHDRAWN.wire().equals(state.get())) {
              h.createUpdate(
                      "UPDATE relation_review SET state = :state, target = :targetText,"
                          + " source_body = :sourceBody, target_body = :targetBody,"
                          + " requested_by = :by, requested_source = :from, requested_at = :at,"
                          + " decided_by = NULL, decided_at = NULL, comment = NULL"
                          + " WHERE source_id = :source AND type = :type AND target_id = :target")
                  .bindMap(pendingRequest(r))
                  .execute();
            }
          }
        });
  }

  /** The parameters of a relation request written as pending, for the insert and the re-request. */
  private static Map<String, Object> pendingRequest(RelationReview r) {
    Map<String, Object> p = new HashMap<>();
    p.put("source", r.sourceId());
    p.put("type", r.type().wire());
    p.put("target", r.targetId());
    p.put("targetText", r.target());
    p.put("sourceBody", r.sourceBody());
    p.put("targetBody", r.targetBody());
    p.put("state", RelationReview.State.PENDING.wire());
    p.put("by", r.requestedBy());
    p.put("from", r.requestedSource());
    p.put("at", r.requestedAt().toString());
    return p;
  }

  /**
   * A held relation whose record no longer claims it (an approved change, an edit or an import
   * dropped the relation) has nothing left to decide: pending, it is withdrawn, in the writing
   * transaction, so that no one approves a claim the record stopped making.
   */
  private static final String WITHDRAW_UNCLAIMED =
      "UPDATE relation_review SET state = ?, decided_at = ?, decided_by = NULL, comment = NULL"
          + " WHERE state = ? AND source_id IN (%s) AND NOT EXISTS (SELECT 1 FROM relation r"
          + " WHERE r.source_id = relation_review.source_id AND r.type = relation_review.type"
          + " AND r.target_id = relation_review.target_id)";

  private static void withdrawUnclaimed(Connection connection, List<String> sourceIds)
      throws SQLException {
    String now = Instant.now().toString();
    for (int from = 0; from < sourceIds.size(); from += 500) {
      List<String> chunk = sourceIds.subList(from, Math.min(sourceIds.size(), from + 500));
      String sql =
          String.format(
              java.util.Locale.ROOT,
              WITHDRAW_UNCLAIMED,
              String.join(",", java.util.Collections.nCopies(chunk.size(), "?")));
      try (PreparedStatement withdraw = connection.prepareStatement(sql)) {
        withdraw.setString(1, RelationReview.State.WITHDRAWN.wire());
        withdraw.setString(2, now);
        withdraw.setString(3, RelationReview.State.PENDING.wire());
        for (int i = 0; i < chunk.size(); i++) {
          withdraw.setString(i + 4, chunk.get(i));
        }
        withdraw.executeUpdate();
      }
    }
  }

  @Override
  public void withdrawUnclaimed(String sourceId) {
    jdbi.useHandle(
        h -> {
          try {
            withdrawUnclaimed(h.getConnection(), List.of(sourceId));
          } catch (SQLException e) {
            throw new IllegalStateException("cannot withdraw held relations: " + e, e);
          }
        });
  }

  @Override
  public Optional<RelationReview> relationReview(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + REVIEW_COLUMNS + " WHERE rr.id = :id")
                .bind("id", id)
                .map(SqlCatalogStore::review)
                .findOne());
  }

  @Override
  public List<RelationReview> relationReviews(RelationReview.State state, int limit) {
    String where = state == null ? "" : " WHERE rr.state = :state";
    return jdbi.withHandle(
        h -> {
          var q =
              h.createQuery(
                      "SELECT "
                          + REVIEW_COLUMNS
                          + where
                          + " ORDER BY rr.requested_at, rr.id LIMIT :limit")
                  .bind("limit", limit);
          if (state != null) {
            q.bind("state", state.wire());
          }
          return q.map(SqlCatalogStore::review).list();
        });
  }

  @Override
  public List<RelationReview> relationReviewsOf(String recordId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + REVIEW_COLUMNS
                        + " WHERE rr.source_id = :id OR rr.target_id = :id"
                        + " ORDER BY rr.requested_at, rr.id")
                .bind("id", recordId)
                .map(SqlCatalogStore::review)
                .list());
  }

  @Override
  public boolean decide(RelationReview decided, HistoryEvent event) {
    return jdbi.inTransaction(
        h -> {
          int changed =
              h.createUpdate(
                      "UPDATE relation_review SET state = :state, decided_by = :by,"
                          + " decided_at = :at, comment = :comment"
                          + " WHERE id = :id AND state = :pending")
                  .bind("state", decided.state().wire())
                  .bind("by", decided.decidedBy())
                  .bind("at", decided.decidedAt().toString())
                  .bind("comment", decided.comment())
                  .bind("id", decided.id())
                  .bind("pending", RelationReview.State.PENDING.wire())
                  .execute();
          if (changed != 1) {
            return false;
          }
          h.createUpdate(
                  "INSERT INTO history_event (record_id, at, kind, field, old_value, new_value,"
                      + " actor, source, revision) VALUES (:record, :at, :kind, :field, :old,"
                      + " :new, :actor, :source, :revision)")
              .bind("record", event.recordId())
              .bind("at", event.at().toString())
              .bind("kind", event.kind().wire())
              .bind("field", event.field())
              .bind("old", event.oldValue())
              .bind("new", event.newValue())
              .bind("actor", event.actor())
              .bind("source", event.source())
              .bind("revision", event.revision())
              .execute();
          return true;
        });
  }

  private static RelationReview review(ResultSet rs, StatementContext ctx) throws SQLException {
    String decidedAt = rs.getString("decided_at");
    return new RelationReview(
        rs.getString("id"),
        rs.getString("source_id"),
        rs.getString("source_identifier"),
        rs.getString("source_body"),
        RelationType.fromWire(rs.getString("type")).orElseThrow(),
        rs.getString("target_id"),
        rs.getString("target"),
        rs.getString("target_body"),
        RelationReview.State.fromWire(rs.getString("state")).orElseThrow(),
        rs.getString("requested_by"),
        rs.getString("requested_source"),
        Instant.parse(rs.getString("requested_at")),
        rs.getString("decided_by"),
        decidedAt == null ? null : Instant.parse(decidedAt),
        rs.getString("comment"));
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
