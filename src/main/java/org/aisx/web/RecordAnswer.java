package org.aisx.web;

import io.javalin.http.Context;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.Relation;
import org.aisx.catalog.Standard;
import org.aisx.classify.Classification;

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
    return ApiViews.Record.of(
        classification.withSuggestions(s),
        catalog.findAll(s.relations().stream().map(Relation::targetId).toList()),
        catalog.incoming(s.id()).stream().map(ApiViews.InverseRelation::of).toList(),
        ApiViews.Provenance.of(s, catalog.history(s.id())));
  }

  /** Answers with {@link #view} of {@code s}, its ETag its revision and the body's digest. */
  void send(Context ctx, Standard s) {
    EntityTags.json(ctx, s.revision(), view(s));
  }
}
