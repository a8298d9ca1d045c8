package org.aisx.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Standard;
import org.aisx.semantic.HybridSearch;
import org.aisx.semantic.Overlap;
import org.aisx.taxonomy.Taxonomy;

/** Handlers of the read API (SPEC §4): parse at the edge, call the feature, answer JSON. */
final class Api {
  private final Catalog catalog;
  private final HybridSearch search;
  private final org.aisx.classify.Classification classification;
  private final Taxonomy taxonomy;
  private final SearchParams params;
  private final I18n i18n;
  private final byte[] openapi;
  private final Overlap overlap;
  private final OverlapParams overlapParams;

  Api(
      Catalog catalog,
      HybridSearch search,
      org.aisx.classify.Classification classification,
      Overlap overlap,
      OverlapParams overlapParams,
      Taxonomy taxonomy,
      SearchParams params,
      I18n i18n) {
    this.catalog = catalog;
    this.classification = classification;
    this.search = search;
    this.overlap = overlap;
    this.overlapParams = overlapParams;
    this.taxonomy = taxonomy;
    this.params = params;
    this.i18n = i18n;
    try (InputStream in = Api.class.getResourceAsStream("/openapi.json")) {
      this.openapi = in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("openapi.json is missing from the jar", e);
    }
  }

  void search(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    var request = params.parse(ctx.queryParamMap(), true, 20);
    ctx.json(ApiViews.search(search.search(request), taxonomy, t));
  }

  /** Related work: the records closest in meaning, other bodies' work included. */
  void related(Context ctx) {
    Standard s = catalog.get(ctx.pathParam("id"));
    int limit = limit(ctx.queryParam("limit"));
    ctx.json(
        new ApiViews.Related(
            s.id(), search.related(s, limit).stream().map(ApiViews.Neighbour::of).toList()));
  }

  /** Other bodies' work close to a record, a committee's work, or a description of new work. */
  void overlap(Context ctx) {
    OverlapParams.Question q = overlapParams.parse(ctx.queryParamMap(), true);
    ctx.json(
        ApiViews.OverlapAnswer.of(
            q.basis(), overlap.find(q.basis(), q.limit()), i18n.forRequest(ctx).lang()));
  }

  /** The {@code limit} parameter of related work: 1 to 50, 10 when absent. */
  static int limit(String value) {
    if (value == null || value.isEmpty()) {
      return 10;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= 50) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new CatalogException.BadParameter(
        "limit", "must be a number from 1 to 50, not '" + value + "'");
  }

  void record(Context ctx) {
    Standard s = catalog.get(ctx.pathParam("id"));
    List<HistoryEvent> history = catalog.history(s.id());
    ctx.header("ETag", "\"" + s.revision() + "\"");
    ctx.json(
        new ApiViews.Record(
            classification.withSuggestions(s),
            catalog.incoming(s.id()).stream().map(ApiViews.InverseRelation::of).toList(),
            ApiViews.Provenance.of(s, history)));
  }

  void history(Context ctx) {
    Standard s = catalog.get(ctx.pathParam("id"));
    ctx.header("ETag", "\"" + s.revision() + "\"");
    ctx.json(new ApiViews.History(s.id(), catalog.history(s.id())));
  }

  void taxonomy(Context ctx) {
    ctx.json(ApiViews.taxonomy(taxonomy, i18n.forRequest(ctx).lang()));
  }

  void openapi(Context ctx) {
    ctx.contentType("application/json").result(openapi);
  }

  void health(Context ctx) {
    ctx.json(Map.of("status", "ok", "records", catalog.count()));
  }
}
