package org.aisx.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.TaxonomyChange;
import org.aisx.taxonomy.TaxonomyEdit;
import org.aisx.taxonomy.TaxonomyStore;
import org.jdbi.v3.core.Jdbi;

/** The committee's taxonomy edits on SQL (SQLite or PostgreSQL): one append-only table. */
public final class SqlTaxonomyStore implements TaxonomyStore {
  private final Jdbi jdbi;
  private final ObjectMapper json;

  public SqlTaxonomyStore(Database database, ObjectMapper json) {
    this.jdbi = database.jdbi();
    this.json = json;
  }

  @Override
  public List<TaxonomyEdit> since(int version) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT version, at, actor, kind, dimension, concept, detail FROM taxonomy_edit"
                        + " WHERE version > :version ORDER BY version")
                .bind("version", version)
                .map(
                    (rs, ctx) ->
                        new TaxonomyEdit(
                            rs.getInt("version"),
                            Instant.parse(rs.getString("at")),
                            rs.getString("actor"),
                            change(
                                rs.getString("kind"),
                                rs.getString("dimension"),
                                rs.getString("concept"),
                                rs.getString("detail"))))
                .list());
  }

  @Override
  public boolean append(TaxonomyEdit edit) {
    String detail;
    try {
      detail = json.writeValueAsString(edit.change().detail());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a taxonomy change as JSON", e);
    }
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO taxonomy_edit (version, at, actor, kind, dimension, concept,"
                            + " detail) VALUES (:version, :at, :actor, :kind, :dimension,"
                            + " :concept, :detail) ON CONFLICT (version) DO NOTHING")
                    .bind("version", edit.version())
                    .bind("at", edit.at().toString())
                    .bind("actor", edit.actor())
                    .bind("kind", edit.change().kind().wire())
                    .bind("dimension", edit.change().dimension().id())
                    .bind("concept", edit.change().concept())
                    .bind("detail", detail)
                    .execute())
        == 1;
  }

  private TaxonomyChange change(String kind, String dimension, String concept, String detail) {
    JsonNode d;
    try {
      d = json.readTree(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored taxonomy change is not JSON: " + detail, e);
    }
    return TaxonomyChange.of(
        TaxonomyChange.Kind.fromWire(kind)
            .orElseThrow(() -> new IllegalStateException("unknown taxonomy change " + kind)),
        Dimension.fromId(dimension)
            .orElseThrow(() -> new IllegalStateException("unknown dimension " + dimension)),
        concept,
        d.path("parent").isTextual() ? d.path("parent").asText() : null,
        texts(d.path("labels")),
        texts(d.path("definitions")));
  }

  private static Map<String, String> texts(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
