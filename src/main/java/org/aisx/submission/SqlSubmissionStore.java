package org.aisx.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.aisx.catalog.Standard;
import org.aisx.learn.Resource;
import org.aisx.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** Submissions and policy versions on SQL; the same statements on SQLite and PostgreSQL. */
final class SqlSubmissionStore implements SubmissionStore {
  private static final String COLUMNS =
      "id, kind, action, record_id, base_revision, document, author_id, author, state, version,"
          + " created_at, updated_at, decided_by, comment";

  private final Jdbi jdbi;
  private final ObjectMapper json;

  SqlSubmissionStore(Database db, ObjectMapper json) {
    this.jdbi = db.jdbi();
    this.json = json;
  }

  @Override
  public void insert(Submission s) {
    jdbi.useHandle(
        h ->
            bind(
                    h.createUpdate(
                        "INSERT INTO submission ("
                            + COLUMNS
                            + ") VALUES (:id, :kind, :action, :recordId, :baseRevision, :document,"
                            + " :authorId, :author, :state, :version, :created, :updated,"
                            + " :decidedBy, :comment)"),
                    s)
                .execute());
  }

  @Override
  public Optional<Submission> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM submission WHERE id = :id")
                .bind("id", id)
                .map(this::row)
                .findOne());
  }

  @Override
  public List<Submission> byState(SubmissionState state, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM submission"
                        + (state == null ? "" : " WHERE state = :state")
                        + " ORDER BY updated_at, id LIMIT :limit")
                .bind("state", state == null ? null : state.wire())
                .bind("limit", limit)
                .map(this::row)
                .list());
  }

  @Override
  public List<Submission> byAuthor(String authorId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM submission WHERE author_id = :author"
                        + " ORDER BY updated_at DESC, id LIMIT :limit")
                .bind("author", authorId)
                .bind("limit", limit)
                .map(this::row)
                .list());
  }

  @Override
  public boolean update(Submission s, int expectedVersion) {
    return jdbi.withHandle(h -> update(h, s, expectedVersion));
  }

  private boolean update(Handle h, Submission s, int expectedVersion) {
    return bind(
                h.createUpdate(
                    "UPDATE submission SET base_revision = :baseRevision,"
                        + " document = :document, state = :state, version = :version,"
                        + " updated_at = :updated, decided_by = :decidedBy,"
                        + " comment = :comment WHERE id = :id AND version = :expected"),
                s)
            .bind("expected", expectedVersion)
            .execute()
        == 1;
  }

  @Override
  public boolean decide(Submission s, int expectedVersion, ReviewDecision d) {
    // Jdbi hands nested calls on this thread the same handle: inside an approval this joins the
    // record's transaction.
    return updateAndAppend(
        s,
        expectedVersion,
        "submission_decision",
        "INSERT INTO submission_decision (submission_id, seq, decision, decided_by, comment,"
            + " decided_at) VALUES (:id, :seq, :decision, :by, :comment, :at)",
        row ->
            row.bind("decision", d.decision().wire())
                .bind("by", d.decidedBy())
                .bind("comment", d.comment())
                .bind("at", d.at() == null ? null : d.at().toString()));
  }

  @Override
  public List<ReviewDecision> decisions(String submissionId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT seq, decision, decided_by, comment, decided_at FROM submission_decision"
                        + " WHERE submission_id = :id ORDER BY seq")
                .bind("id", submissionId)
                .map(
                    (rs, ctx) -> {
                      String at = rs.getString(5);
                      return new ReviewDecision(
                          rs.getInt(1),
                          Decision.fromWire(rs.getString(2)).orElseThrow(),
                          rs.getString(3),
                          rs.getString(4),
                          at == null ? null : Instant.parse(at));
                    })
                .list());
  }

  @Override
  public boolean rebase(Submission s, int expectedVersion, SubmissionRebase r) {
    return updateAndAppend(
        s,
        expectedVersion,
        "submission_rebase",
        "INSERT INTO submission_rebase (submission_id, seq, from_revision, to_revision,"
            + " rebased_by, rebased_at, kept, taken) VALUES (:id, :seq, :from, :to, :by, :at,"
            + " :kept, :taken)",
        row ->
            row.bind("from", r.fromRevision())
                .bind("to", r.toRevision())
                .bind("by", r.by())
                .bind("at", r.at().toString())
                .bind("kept", String.join(",", r.kept()))
                .bind("taken", String.join(",", r.taken())));
  }

  /**
   * Updates {@code s} (false, and nothing written, when its version is no longer {@code
   * expectedVersion}) and appends one row to the submission's log in {@code table}, in one
   * transaction: {@code insert} binds {@code :id} and {@code :seq} (the submission's next in that
   * table), {@code row} the rest.
   */
  private boolean updateAndAppend(
      Submission s, int expectedVersion, String table, String insert, Consumer<Update> row) {
    return jdbi.inTransaction(
        h -> {
          if (!update(h, s, expectedVersion)) {
            return false;
          }
          int seq =
              h.createQuery(
                      "SELECT COALESCE(MAX(seq), 0) + 1 FROM "
                          + table
                          + " WHERE submission_id = :id")
                  .bind("id", s.id())
                  .mapTo(Integer.class)
                  .one();
          Update u = h.createUpdate(insert).bind("id", s.id()).bind("seq", seq);
          row.accept(u);
          u.execute();
          return true;
        });
  }

  @Override
  public List<SubmissionRebase> rebases(String submissionId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT seq, from_revision, to_revision, rebased_by, rebased_at, kept, taken"
                        + " FROM submission_rebase WHERE submission_id = :id ORDER BY seq")
                .bind("id", submissionId)
                .map(
                    (rs, ctx) ->
                        new SubmissionRebase(
                            rs.getInt(1),
                            rs.getInt(2),
                            rs.getInt(3),
                            rs.getString(4),
                            Instant.parse(rs.getString(5)),
                            fields(rs.getString(6)),
                            fields(rs.getString(7))))
                .list());
  }

  /** Comma-separated field names, as {@link #rebase} writes them. */
  private static List<String> fields(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  @Override
  public List<FieldPolicy> policies() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT version, required, changed_by, changed_at FROM field_policy"
                        + " ORDER BY version DESC")
                .map(
                    (rs, ctx) ->
                        new FieldPolicy(
                            rs.getInt(1),
                            rs.getString(2).isEmpty()
                                ? List.of()
                                : Arrays.asList(rs.getString(2).split(",")),
                            rs.getString(3),
                            Instant.parse(rs.getString(4))))
                .list());
  }

  @Override
  public boolean addPolicy(FieldPolicy p) {
    // One statement, so that two coordinators saving the same version at once get one row and one
    // refusal (409) on PostgreSQL too, where a check-then-insert races under READ COMMITTED.
    int inserted =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO field_policy (version, required, changed_by, changed_at)"
                            + " VALUES (:v, :required, :by, :at) ON CONFLICT (version) DO NOTHING")
                    .bind("v", p.version())
                    .bind("required", String.join(",", p.required()))
                    .bind("by", p.changedBy())
                    .bind("at", p.changed().toString())
                    .execute());
    return inserted == 1;
  }

  private Update bind(Update u, Submission s) {
    return u.bind("id", s.id())
        .bind("kind", s.kind().wire())
        .bind("action", s.action().wire())
        .bind("recordId", s.recordId())
        .bind("baseRevision", s.baseRevision())
        .bind("document", s.resource() != null ? write(s.resource()) : write(s.record()))
        .bind("authorId", s.authorId())
        .bind("author", s.author())
        .bind("state", s.state().wire())
        .bind("version", s.version())
        .bind("created", s.created().toString())
        .bind("updated", s.updated().toString())
        .bind("decidedBy", s.decidedBy())
        .bind("comment", s.comment());
  }

  private Submission row(ResultSet rs, StatementContext ctx) throws SQLException {
    int base = rs.getInt("base_revision");
    Integer baseRevision = rs.wasNull() ? null : base;
    boolean resource = SubmissionKind.RESOURCE.wire().equals(rs.getString("kind"));
    String document = rs.getString("document");
    return new Submission(
        rs.getString("id"),
        Action.fromWire(rs.getString("action")).orElseThrow(),
        rs.getString("record_id"),
        baseRevision,
        resource ? null : read(document),
        rs.getString("author_id"),
        rs.getString("author"),
        SubmissionState.fromWire(rs.getString("state")).orElseThrow(),
        rs.getInt("version"),
        Instant.parse(rs.getString("created_at")),
        Instant.parse(rs.getString("updated_at")),
        rs.getString("decided_by"),
        rs.getString("comment"),
        resource ? readResource(document) : null);
  }

  private String write(Resource r) {
    try {
      return json.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise submitted resource " + r.id(), e);
    }
  }

  private Resource readResource(String document) {
    try {
      return json.readValue(document, Resource.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored submission cannot be read", e);
    }
  }

  private String write(Standard s) {
    try {
      return json.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise submitted record " + s.id(), e);
    }
  }

  private Standard read(String document) {
    try {
      return json.readValue(document, Standard.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored submission cannot be read", e);
    }
  }
}
