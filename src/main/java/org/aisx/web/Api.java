package org.aisx.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Standard;
import org.aisx.search.SearchIndex;
import org.aisx.taxonomy.Taxonomy;

/** Handlers of the read API (SPEC §4): parse at the edge, call the feature, answer JSON. */
final class Api {
  private final Catalog catalog;
  private final SearchIndex index;
  private final Taxonomy taxonomy;
  private final SearchParams params;
  private final I18n i18n;
  private final byte[] openapi;

  Api(Catalog catalog, SearchIndex index, Taxonomy taxonomy, SearchParams params, I18n i18n) {
    this.catalog = catalog;
    this.index = index;
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
    ctx.json(Views.search(index.search(request), taxonomy, t));
  }

  void record(Context ctx) {
    Standard s = catalog.get(ctx.pathParam("id"));
    List<HistoryEvent> history = catalog.history(s.id());
    ctx.header("ETag", "\"" + s.revision() + "\"");
    ctx.json(
        new Views.Record(
            s,
            catalog.incoming(s.id()).stream().map(Views.InverseRelation::of).toList(),
            Views.Provenance.of(s, history)));
  }

  void history(Context ctx) {
    Standard s = catalog.get(ctx.pathParam("id"));
    ctx.header("ETag", "\"" + s.revision() + "\"");
    ctx.json(new Views.History(s.id(), catalog.history(s.id())));
  }

  void taxonomy(Context ctx) {
    ctx.json(Views.taxonomy(taxonomy, i18n.forRequest(ctx).lang()));
  }

  void openapi(Context ctx) {
    ctx.contentType("application/json").result(openapi);
  }

  void health(Context ctx) {
    ctx.json(Map.of("status", "ok", "records", catalog.count()));
  }
}
