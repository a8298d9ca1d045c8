package org.aisx.committee;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aisx.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The register of technical committees on SQL (SQLite or PostgreSQL): one JSON row each. */
final class SqlCommitteeStore implements CommitteeStore {
  private static final String COLUMNS = "document";
  private static final int CHUNK = 500;

  private final Jdbi jdbi;
  private final ObjectMapper json;

  SqlCommitteeStore(Database database, ObjectMapper json) {
    this.jdbi = database.jdbi();
    this.json = json;
  }

  @Override
  public List<Saved> saveAll(List<Committee> committees) {
    if (committees.isEmpty()) {
      return List.of();
    }
    return jdbi.inTransaction(
        h -> {
          List<Saved> outcomes = new ArrayList<>(committees.size());
          for (Committee c : committees) {
            outcomes.add(save(h, c));
          }
          return outcomes;
        });
  }

  private Saved save(Handle h, Committee c) {
    Optional<Committee> before =
        h.createQuery("SELECT " + COLUMNS + " FROM committee WHERE slug = :slug")
            .bind("slug", c.slug())
            .map((rs, ctx) -> parse(rs.getString(1)))
            .findOne();
    if (before.isPresent() && before.get().equals(c)) {
      return Saved.UNCHANGED;
    }
    h.createUpdate(
            before.isPresent()
                ? "UPDATE committee SET iso_id = :isoId, parent_id = :parentId, sort_key ="
                    + " :sortKey, document = :document WHERE slug = :slug"
                : "INSERT INTO committee (slug, iso_id, parent_id, sort_key, document) VALUES"
                    + " (:slug, :isoId, :parentId, :sortKey, :document)")
        .bind("slug", c.slug())
        .bind("isoId", c.isoId())
        .bind("parentId", c.parentId())
        .bind("sortKey", c.sortKey())
        .bind("document", write(c))
        .execute();
    return before.isPresent() ? Saved.UPDATED : Saved.CREATED;
  }

  @Override
  public Optional<Committee> find(String slug) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM committee WHERE slug = :slug")
                .bind("slug", slug)
                .map((rs, ctx) -> parse(rs.getString(1)))
                .findOne());
  }

  @Override
  public Map<String, Committee> findAll(Collection<String> slugs) {
    Map<String, Committee> found = new HashMap<>();
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(slugs));
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      jdbi.useHandle(
          h ->
              h.createQuery("SELECT " + COLUMNS + " FROM committee WHERE slug IN (<slugs>)")
                  .bindList("slugs", chunk)
                  .map((rs, ctx) -> parse(rs.getString(1)))
                  .forEach(c -> found.put(c.slug(), c)));
    }
    return found;
  }

  @Override
  public Optional<Committee> byIsoId(long isoId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + COLUMNS + " FROM committee WHERE iso_id = :id ORDER BY sort_key")
                .bind("id", isoId)
                .map((rs, ctx) -> parse(rs.getString(1)))
                .findFirst());
  }

  @Override
  public List<Committee> children(long isoId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM committee WHERE parent_id = :id ORDER BY sort_key, slug")
                .bind("id", isoId)
                .map((rs, ctx) -> parse(rs.getString(1)))
                .list());
  }

  @Override
  public List<Committee> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM committee ORDER BY sort_key, slug")
                .map((rs, ctx) -> parse(rs.getString(1)))
                .list());
  }

  @Override
  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM committee").mapTo(Long.class).one());
  }

  private String write(Committee c) {
    try {
      return json.writeValueAsString(c);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write committee " + c.reference() + " as JSON", e);
    }
  }

  private Committee parse(String document) {
    try {
      return json.readValue(document, Committee.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored committee is not readable: " + document, e);
    }
  }
}
