package org.aisx.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aisx.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** Suites on SQL: the same statements on SQLite and PostgreSQL. */
final class SqlSuiteStore implements SuiteStore {
  private static final String COLUMNS =
      "id, document, owner_id, key_hash, published, published_version, version, created_at,"
          + " updated_at";

  private final Jdbi jdbi;
  private final ObjectMapper json;

  SqlSuiteStore(Database db, ObjectMapper json) {
    this.jdbi = db.jdbi();
    this.json = json;
  }

  @Override
  public void insert(Suite s) {
    jdbi.useHandle(
        h ->
            bind(
                    h.createUpdate(
                        "INSERT INTO suite ("
                            + COLUMNS
                            + ") VALUES (:id, :document, :owner, :keyHash, :published,"
                            + " :publishedVersion, :version, :created, :updated)"),
                    s)
                .execute());
  }

  @Override
  public Optional<Suite> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM suite WHERE id = :id")
                .bind("id", id)
                .map(this::row)
                .findOne());
  }

  @Override
  public boolean update(Suite s, int expectedVersion) {
    return jdbi.withHandle(h -> update(h, s, expectedVersion));
  }

  private boolean update(Handle h, Suite s, int expectedVersion) {
    return bind(
                h.createUpdate(
                    "UPDATE suite SET document = :document, owner_id = :owner,"
                        + " key_hash = :keyHash, published = :published,"
                        + " published_version = :publishedVersion, version = :version,"
                        + " updated_at = :updated WHERE id = :id AND version = :expected"),
                s)
            .bind("expected", expectedVersion)
            .execute()
        == 1;
  }

  @Override
  public boolean delete(String id, Integer expectedVersion) {
    return jdbi.inTransaction(
        h -> {
          // The row is written (and so locked) first, at the version expected: one that moved on,
          // or a suite deleted meanwhile, deletes nothing.
          if (expectedVersion != null
              && h.createUpdate(
                          "UPDATE suite SET version = version WHERE id = :id AND version = :expected")
                      .bind("id", id)
                      .bind("expected", expectedVersion.intValue())
                      .execute()
                  != 1) {
            return false;
          }
          h.createUpdate("DELETE FROM suite_publication WHERE suite_id = :id")
              .bind("id", id)
              .execute();
          return h.createUpdate("DELETE FROM suite WHERE id = :id").bind("id", id).execute() == 1;
        });
  }

  @Override
  public List<Suite> byOwner(String ownerId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM suite WHERE owner_id = :owner ORDER BY updated_at DESC, id"
                        + " LIMIT :limit")
                .bind("owner", ownerId)
                .bind("limit", limit)
                .map(this::row)
                .list());
  }

  @Override
  public List<Suite> published(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT s.id, p.document, s.owner_id, s.key_hash, s.published,"
                        + " s.published_version, s.version, s.created_at,"
                        + " p.published_at AS updated_at FROM suite s JOIN suite_publication p"
                        + " ON p.suite_id = s.id AND p.version = s.published_version"
                        + " WHERE s.published = 1 ORDER BY p.published_at DESC, s.id"
                        + " LIMIT :limit")
                .bind("limit", limit)
                .map(this::row)
                .list());
  }

  @Override
  public boolean publish(Suite s, int expectedVersion, Publication p) {
    return jdbi.inTransaction(
        h -> {
          if (!update(h, s, expectedVersion)) {
            return false;
          }
          h.createUpdate(
                  "INSERT INTO suite_publication (suite_id, version, document, published_by,"
                      + " published_at) VALUES (:id, :version, :document, :by, :at)")
              .bind("id", s.id())
              .bind("version", p.version())
              .bind("document", write(p.content()))
              .bind("by", p.publishedBy())
              .bind("at", p.publishedAt().toString())
              .execute();
          return true;
        });
  }

  @Override
  public List<Publication> publications(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT version, document, published_by, published_at FROM suite_publication"
                        + " WHERE suite_id = :id ORDER BY version DESC")
                .bind("id", id)
                .map(this::publicationRow)
                .list());
  }

  @Override
  public Optional<Publication> publication(String id, int version) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT version, document, published_by, published_at FROM suite_publication"
                        + " WHERE suite_id = :id AND version = :version")
                .bind("id", id)
                .bind("version", version)
                .map(this::publicationRow)
                .findOne());
  }

  private Publication publicationRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Publication(
        rs.getInt(1), read(rs.getString(2)), rs.getString(3), Instant.parse(rs.getString(4)));
  }

  private Update bind(Update u, Suite s) {
    return u.bind("id", s.id())
        .bind("document", write(s.content()))
        .bind("owner", s.ownerId())
        .bind("keyHash", s.keyHash())
        .bind("published", s.published() ? 1 : 0)
        .bind("publishedVersion", s.publishedVersion())
        .bind("version", s.version())
        .bind("created", s.created().toString())
        .bind("updated", s.updated().toString());
  }

  private Suite row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Suite(
        rs.getString("id"),
        read(rs.getString("document")),
        rs.getString("owner_id"),
        rs.getString("key_hash"),
        rs.getInt("published") == 1,
        rs.getInt("published_version"),
        rs.getInt("version"),
        Instant.parse(rs.getString("created_at")),
        Instant.parse(rs.getString("updated_at")));
  }

  private String write(Content c) {
    try {
      return json.writeValueAsString(c);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a suite", e);
    }
  }

  private Content read(String document) {
    try {
      return json.readValue(document, Content.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored suite cannot be read", e);
    }
  }
}
