package org.aisx.landscape;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.aisx.store.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * The last topic computation, kept in the database (migration V16) so that every node over it
 * serves the one computation and a restart of an unchanged catalogue computes nothing. One row,
 * replaced whole by each computation; its {@code version} moves at every replacement, for the other
 * nodes to notice a new computation with one small query.
 */
final class TopicSnapshots {
  private final Jdbi jdbi;
  private final ObjectMapper json;

  TopicSnapshots(Database db, ObjectMapper json) {
    this.jdbi = db.jdbi();
    this.json = json;
  }

  /**
   * What says whether a computation still describes the catalogue: the version of the row, the
   * store's last event when it began, the embedding model and the number of vectors stored then,
   * how many indexed records had no vector yet, when it ended, how long it took and which node ran
   * it.
   */
  record Header(
      long version,
      long storeMark,
      String model,
      long vectors,
      long withoutVector,
      Instant computedAt,
      long tookMillis,
      String computedBy) {}

  /** A kept computation: its header and the computation itself. */
  record Stored(Header header, Topics.Snapshot snapshot) {}

  /** The kept computation's version, or 0 when none is kept. */
  long version() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT version FROM topic_snapshot WHERE id = 1")
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
  }

  /**
   * The kept computation, if any.
   *
   * @throws UncheckedIOException when the kept computation cannot be read (its header names the
   *     version)
   */
  Optional<Stored> latest() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT version, store_mark, model, vectors, without_vector, computed_at,"
                        + " took_millis, computed_by, snapshot FROM topic_snapshot WHERE id = 1")
                .map(
                    (rs, ctx) -> {
                      Header header =
                          new Header(
                              rs.getLong("version"),
                              rs.getLong("store_mark"),
                              rs.getString("model"),
                              rs.getLong("vectors"),
                              rs.getLong("without_vector"),
                              Instant.parse(rs.getString("computed_at")),
                              rs.getLong("took_millis"),
                              rs.getString("computed_by"));
                      return new Stored(header, read(header, rs.getBytes("snapshot")));
                    })
                .findOne());
  }

  /**
   * Keeps {@code s}, computed by {@code node} from the store at {@code storeMark} with {@code
   * vectors} vectors stored, in place of the kept one; returns the header as kept.
   */
  Header keep(long storeMark, String model, long vectors, String node, Topics.Snapshot s) {
    byte[] bytes = write(s);
    long version =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "INSERT INTO topic_snapshot (id, version, store_mark, model, vectors,"
                            + " without_vector, computed_at, took_millis, computed_by, snapshot)"
                            + " VALUES (1, 1, :mark, :model, :vectors, :without, :at, :took, :by,"
                            + " :snapshot) ON CONFLICT (id) DO UPDATE SET version ="
                            + " topic_snapshot.version + 1, store_mark = excluded.store_mark, model"
                            + " = excluded.model, vectors = excluded.vectors, without_vector ="
                            + " excluded.without_vector, computed_at = excluded.computed_at,"
                            + " took_millis = excluded.took_millis, computed_by ="
                            + " excluded.computed_by, snapshot = excluded.snapshot RETURNING"
                            + " version")
                    .bind("mark", storeMark)
                    .bind("model", model)
                    .bind("vectors", vectors)
                    .bind("without", s.withoutVector())
                    .bind("at", s.computed().toString())
                    .bind("took", s.millis())
                    .bind("by", node)
                    .bind("snapshot", bytes)
                    .mapTo(Long.class)
                    .one());
    return new Header(
        version, storeMark, model, vectors, s.withoutVector(), s.computed(), s.millis(), node);
  }

  private byte[] write(Topics.Snapshot s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
      json.writeValue(out, s);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the topic computation", e);
    }
    return bytes.toByteArray();
  }

  private Topics.Snapshot read(Header header, byte[] bytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
      return json.readValue(in, Topics.Snapshot.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the kept topic computation (version "
              + header.version()
              + ", by "
              + header.computedBy()
              + ") cannot be read",
          e);
    }
  }
}
