package org.aisx.ingest;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aisx.catalog.Json;
import org.aisx.store.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * The imports of {@link ImportJobs} on SQL (SQLite or PostgreSQL, migration V27): one row per job,
 * so that every node over the database shows it and it outlives a restart.
 */
final class ImportJobStore {
  private static final String COLUMNS =
      "id, file_name, file_path, format, source, started_by, node, phase, step, bytes_total,"
          + " bytes_read, records, processed, records_total, started_at, updated_at, ended_at,"
          + " summary, error";
  private static final String RUNNING = "phase IN ('starting', 'importing')";

  /** The counts' columns set from the parameters {@link #counts(Update, Counts)} binds. */
  private static final String SET_COUNTS =
      "phase = :phase, step = :step, bytes_total = :bytesTotal, bytes_read = :bytesRead,"
          + " records = :records, processed = :processed, records_total = :recordsTotal";

  /** The summary as its fields hold it, so that a page read back shows what the import did. */
  private static final ObjectMapper SUMMARY =
      Json.mapper()
          .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

  /** How far a job is, as its page shows it. */
  record Counts(
      ImportJobs.Phase phase,
      ImportStep step,
      long bytesTotal,
      long bytesRead,
      long records,
      long processed,
      long recordsTotal) {}

  /** One job as stored: what it imports, where it runs, how far it is, and how it ended. */
  record Row(
      String id,
      ImportJobs.Request request,
      String node,
      Counts counts,
      Instant started,
      Instant updated,
      Instant ended,
      ImportSummary summary,
      String error) {}

  private final Jdbi jdbi;

  ImportJobStore(Database db) {
    this.jdbi = db.jdbi();
  }

  /** Saves a job that starts. */
  void insert(Row row) {
    ImportJobs.Request r = row.request();
    Counts c = row.counts();
    jdbi.useHandle(
        h ->
            counts(
                    h.createUpdate(
                            "INSERT INTO import_job (id, file_name, file_path, format, source, started_by,"
                                + " node, phase, step, bytes_total, bytes_read, records, processed,"
                                + " records_total, started_at, updated_at) VALUES (:id, :fileName,"
                                + " :filePath, :format, :source, :startedBy, :node, :phase, :step,"
                                + " :bytesTotal, :bytesRead, :records, :processed, :recordsTotal,"
                                + " :started, :started)")
                        .bind("id", row.id())
                        .bind("fileName", r.fileName())
                        .bind("filePath", r.file().toString())
                        .bind("format", r.format().wire())
                        .bind("source", r.source())
                        .bind("startedBy", r.startedBy())
                        .bind("node", row.node())
                        .bind("started", row.started().toEpochMilli()),
                    c)
                .execute());
  }

  /**
   * Saves the progress of a job that runs; nothing when it has ended, or has been found cut off (a
   * late write never brings it back to life).
   */
  void progress(String id, Counts counts, Instant at) {
    jdbi.useHandle(
        h ->
            counts(
                    h.createUpdate(
                            "UPDATE import_job SET "
                                + SET_COUNTS
                                + ", updated_at = :at WHERE id = :id AND "
                                + RUNNING)
                        .bind("id", id)
                        .bind("at", at.toEpochMilli()),
                    counts)
                .execute());
  }

  /** Saves how a job ended: its last counts, and its summary or error. */
  void end(String id, Counts counts, Instant ended, ImportSummary summary, String error) {
    String document;
    try {
      document = summary == null ? null : SUMMARY.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the summary of import " + id, e);
    }
    jdbi.useHandle(
        h ->
            counts(
                    h.createUpdate(
                            "UPDATE import_job SET "
                                + SET_COUNTS
                                + ", updated_at = :ended, ended_at = :ended, summary = :summary,"
                                + " error = :error WHERE id = :id")
                        .bind("id", id)
                        .bind("ended", ended.toEpochMilli())
                        .bind("summary", document)
                        .bind("error", error),
                    counts)
                .execute());
  }

  Optional<Row> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM import_job WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  /** The last {@code limit} jobs, the latest first. */
  List<Row> recent(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM import_job ORDER BY seq DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> row(rs))
                .list());
  }

  /** The jobs whose rows say they run (whether their nodes still do or not), the latest first. */
  List<Row> running() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM import_job WHERE "
                        + RUNNING
                        + " ORDER BY seq DESC")
                .map((rs, ctx) -> row(rs))
                .list());
  }

  /**
   * Marks the jobs whose rows say they run as {@link ImportJobs.Phase#INTERRUPTED}, ended when they
   * were last heard of; for a node that knows their nodes are gone. Returns them as they were.
   */
  List<Row> interruptRunning() {
    return jdbi.inTransaction(
        h -> {
          List<Row> cut =
              h.createQuery("SELECT " + COLUMNS + " FROM import_job WHERE " + RUNNING)
                  .map((rs, ctx) -> row(rs))
                  .list();
          for (Row r : cut) {
            h.createUpdate(
                    "UPDATE import_job SET phase = 'interrupted', ended_at = updated_at WHERE id ="
                        + " :id AND "
                        + RUNNING)
                .bind("id", r.id())
                .execute();
          }
          return cut;
        });
  }

  /** Forgets the finished jobs older than the last {@code kept}; running ones stay. */
  void prune(int kept) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "DELETE FROM import_job WHERE NOT ("
                        + RUNNING
                        + ") AND seq NOT IN (SELECT seq FROM import_job WHERE NOT ("
                        + RUNNING
                        + ") ORDER BY seq DESC LIMIT :kept)")
                .bind("kept", kept)
                .execute());
  }

  private static Row row(ResultSet rs) throws SQLException {
    String step = rs.getString("step");
    long ended = rs.getLong("ended_at");
    boolean hasEnded = !rs.wasNull();
    String summary = rs.getString("summary");
    String id = rs.getString("id");
    return new Row(
        id,
        new ImportJobs.Request(
            Path.of(rs.getString("file_path")),
            rs.getString("file_name"),
            Importer.Format.fromWire(rs.getString("format")),
            rs.getString("source"),
            rs.getString("started_by"),
            null),
        rs.getString("node"),
        new Counts(
            ImportJobs.Phase.valueOf(rs.getString("phase").toUpperCase(Locale.ROOT)),
            step == null ? null : ImportStep.valueOf(step.toUpperCase(Locale.ROOT)),
            rs.getLong("bytes_total"),
            rs.getLong("bytes_read"),
            rs.getLong("records"),
            rs.getLong("processed"),
            rs.getLong("records_total")),
        Instant.ofEpochMilli(rs.getLong("started_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        hasEnded ? Instant.ofEpochMilli(ended) : null,
        summary == null ? null : parse(id, summary),
        rs.getString("error"));
  }

  private static ImportSummary parse(String id, String summary) {
    try {
      return SUMMARY.readValue(summary, ImportSummary.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read the summary of import " + id, e);
    }
  }

  /** Binds the counts' columns by name. */
  private static Update counts(Update u, Counts c) {
    return u.bind("phase", c.phase().wire())
        .bind("step", c.step() == null ? null : c.step().wire())
        .bind("bytesTotal", c.bytesTotal())
        .bind("bytesRead", c.bytesRead())
        .bind("records", c.records())
        .bind("processed", c.processed())
        .bind("recordsTotal", c.recordsTotal());
  }
}
