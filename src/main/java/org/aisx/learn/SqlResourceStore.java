package org.aisx.learn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aisx.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Learning resources on SQL; the same statements on SQLite and PostgreSQL. */
final class SqlResourceStore implements ResourceStore {
  private final Jdbi jdbi;
  private final ObjectMapper json;

  SqlResourceStore(Database db, ObjectMapper json) {
    this.jdbi = db.jdbi();
    this.json = json;
  }

  @Override
  public SaveOutcome save(Resource r, String actor, String source, Instant at) {
    String document = write(r);
    // Jdbi hands nested calls on this thread the same handle, so a save inside inTransaction
    // joins that transaction.
    return jdbi.inTransaction(
        h -> {
          Optional<String> before =
              h.createQuery("SELECT document FROM learning_resource WHERE id = :id")
                  .bind("id", r.id())
                  .mapTo(String.class)
                  .findOne();
          if (before.isPresent() && before.get().equals(document)) {
            return SaveOutcome.UNCHANGED;
          }
          h.createUpdate(
                  "INSERT INTO learning_resource (id, document, source, updated_by, updated_at)"
                      + " VALUES (:id, :document, :source, :by, :at) ON CONFLICT (id) DO UPDATE"
                      + " SET document = excluded.document, source = excluded.source,"
                      + " updated_by = excluded.updated_by, updated_at = excluded.updated_at")
              .bind("id", r.id())
              .bind("document", document)
              .bind("source", source)
              .bind("by", actor)
              .bind("at", at.toString())
              .execute();
          h.createUpdate("DELETE FROM learning_resource_link WHERE resource_id = :id")
              .bind("id", r.id())
              .execute();
          link(h, r.id(), "standard", r.standards());
          link(h, r.id(), "concept", r.concepts());
          return before.isPresent() ? SaveOutcome.UPDATED : SaveOutcome.CREATED;
        });
  }

  private static void link(Handle h, String id, String kind, List<String> targets) {
    for (String target : targets) {
      h.createUpdate(
              "INSERT INTO learning_resource_link (resource_id, kind, target)"
                  + " VALUES (:id, :kind, :target)")
          .bind("id", id)
          .bind("kind", kind)
          .bind("target", target)
          .execute();
    }
  }

  @Override
  public Optional<Resource> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT document FROM learning_resource WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne()
                .map(this::read));
  }

  @Override
  public List<Resource> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT document FROM learning_resource ORDER BY id")
                .mapTo(String.class)
                .map(this::read)
                .list());
  }

  @Override
  public List<Resource> teaching(String recordId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT r.document FROM learning_resource r JOIN learning_resource_link l"
                        + " ON l.resource_id = r.id WHERE l.kind = 'standard'"
                        + " AND l.target = :record ORDER BY r.id")
                .bind("record", recordId)
                .mapTo(String.class)
                .map(this::read)
                .list());
  }

  @Override
  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM learning_resource").mapTo(Long.class).one());
  }

  @Override
  public Optional<Resource> remove(String id, String actor, String reason, Instant at) {
    return jdbi.inTransaction(
        h -> {
          Optional<String> document =
              h.createQuery("SELECT document FROM learning_resource WHERE id = :id")
                  .bind("id", id)
                  .mapTo(String.class)
                  .findOne();
          if (document.isEmpty()) {
            return Optional.empty();
          }
          h.createUpdate(
                  "INSERT INTO learning_resource_removed (id, removed_at, removed_by, reason,"
                      + " document) VALUES (:id, :at, :by, :reason, :document)")
              .bind("id", id)
              .bind("at", at.toString())
              .bind("by", actor)
              .bind("reason", reason)
              .bind("document", document.get())
              .execute();
          h.createUpdate("DELETE FROM learning_resource_link WHERE resource_id = :id")
              .bind("id", id)
              .execute();
          h.createUpdate("DELETE FROM learning_resource WHERE id = :id").bind("id", id).execute();
          return Optional.of(read(document.get()));
        });
  }

  @Override
  public boolean anyRemoved() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM learning_resource_removed").mapTo(Long.class).one()
                > 0);
  }

  @Override
  public void inTransaction(Runnable work) {
    jdbi.useTransaction(h -> work.run());
  }

  private String write(Resource r) {
    try {
      return json.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise resource " + r.id(), e);
    }
  }

  private Resource read(String document) {
    try {
      return json.readValue(document, Resource.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored resource cannot be read", e);
    }
  }
}
