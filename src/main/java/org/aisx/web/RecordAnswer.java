package org.aisx.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.IncomingRelation;
import org.aisx.catalog.Relation;
import org.aisx.catalog.Standard;
import org.aisx.classify.Classification;
import org.aisx.editions.ReplacementsToCome;

/**
 * The one way the API answers with a record ({@code GET /api/v1/standards/{id}}, and a
 * coordinator's {@code PUT} of it once written): the record with its stored machine suggestions,
 * the records its relations name, the relations other records make to it and its provenance, with
 * the ETag of that body ({@link EntityTags}).
 */
public final class RecordAnswer {
  private final Catalog catalog;
  private final Classification classification;

  public RecordAnswer(Catalog catalog, Classification classification) {
    this.catalog = catalog;
    this.classification = classification;
  }

  /** The view of {@code s} as {@code GET /api/v1/standards/{id}} gives it. */
  ApiViews.Record view(Standard s) {
    Map<String, Standard> targets =
        catalog.findAll(s.relations().stream().map(Relation::targetId).toList());
    List<IncomingRelation> incoming = catalog.incoming(s.id());
    Map<String, Standard> named = new HashMap<>(targets);
    named.putAll(catalog.findAll(incoming.stream().map(IncomingRelation::sourceId).toList()));
    return ApiViews.Record.of(
        classification.withSuggestions(s),
        targets,
        incoming.stream().map(ApiViews.InverseRelation::of).toList(),
        ReplacementsToCome.of(s, named, incoming),
        ApiViews.Provenance.of(s, catalog.history(s.id())));
  }

  /** Answers with {@link #view} of {@code s}, its ETag its revision and the body's digest. */
  void send(Context ctx, Standard s) {
    EntityTags.json(ctx, s.revision(), view(s));
  }
}
