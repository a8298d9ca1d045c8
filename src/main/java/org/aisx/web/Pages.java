package org.aisx.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Relation;
import org.aisx.catalog.Standard;
import org.aisx.search.Facet;
import org.aisx.search.SearchRequest;
import org.aisx.search.SearchResult;
import org.aisx.taxonomy.Taxonomy;

/** Handlers of the HTML pages; every page works without JavaScript. */
final class Pages {
  private final Catalog catalog;
  private final org.aisx.semantic.HybridSearch search;
  private final Taxonomy taxonomy;
  private final SearchParams params;
  private final I18n i18n;
  private final TemplateEngine templates;
  private final Access access;

  Pages(
      Catalog catalog,
      org.aisx.semantic.HybridSearch search,
      Taxonomy taxonomy,
      SearchParams params,
      I18n i18n,
      TemplateEngine templates,
      Access access) {
    this.access = access;
    this.catalog = catalog;
    this.search = search;
    this.taxonomy = taxonomy;
    this.params = params;
    this.i18n = i18n;
    this.templates = templates;
  }

  void search(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    SearchRequest request = params.parse(ctx.queryParamMap(), false, 20);
    SearchResult result = search.search(request);
    List<Models.FacetView> facets = new ArrayList<>();
    for (Facet f : Facet.values()) {
      List<Models.FacetValue> values = new ArrayList<>();
      List<String> selected = request.filters().getOrDefault(f, List.of());
      for (SearchResult.FacetCount c : result.facets().getOrDefault(f, List.of())) {
        values.add(
            new Models.FacetValue(
                c.value(),
                Views.facetLabel(f, c.value(), taxonomy, t),
                c.count(),
                selected.contains(c.value())));
      }
      facets.add(
          new Models.FacetView(f.id(), t.get("facet." + f.id()), values, !selected.isEmpty()));
    }
    render(
        ctx,
        "search.jte",
        new Models.SearchPage(
            layout(ctx, t, request.q().isEmpty() ? t.get("search.title") : request.q()),
            request,
            result,
            facets,
            taxonomy,
            ctx.queryString()));
  }

  void record(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Standard s = catalog.get(ctx.pathParam("id"));
    Map<String, Standard> targets = new HashMap<>();
    for (Relation r : s.relations()) {
      catalog.find(r.targetId()).ifPresent(target -> targets.put(r.targetId(), target));
    }
    ctx.header("ETag", "\"" + s.revision() + "\"");
    render(
        ctx,
        "record.jte",
        new Models.RecordPage(
            layout(ctx, t, s.identifier()),
            s,
            targets,
            catalog.incoming(s.id()),
            catalog.history(s.id()),
            taxonomy));
  }

  void taxonomy(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    render(
        ctx,
        "taxonomy.jte",
        new Models.TaxonomyPage(layout(ctx, t, t.get("taxonomy.title")), taxonomy));
  }

  void error(Context ctx, int status, String message, List<Problem> problems) {
    Messages t = i18n.forRequest(ctx);
    render(
        ctx,
        "error.jte",
        new Models.ErrorPage(
            layout(
                ctx,
                t,
                t.get(
                    "error.title."
                        + (status == 404
                            ? "404"
                            : status == 401
                                ? "401"
                                : status == 403
                                    ? "403"
                                    : status == 429 ? "429" : status >= 500 ? "500" : "400"))),
            status,
            message,
            problems));
  }

  Models.Layout layout(Context ctx, Messages t, String title) {
    Models.Viewer viewer =
        access
            .user(ctx)
            .map(
                u ->
                    new Models.Viewer(
                        u.email(),
                        u.role().wire(),
                        access.session(ctx).map(org.aisx.account.Session::csrf).orElse(null)))
            .orElse(null);
    return new Models.Layout(t, title, ctx.path(), ctx.queryString(), i18n.languages(), viewer);
  }

  void render(Context ctx, String template, Object model) {
    StringOutput out = new StringOutput();
    templates.render(template, model, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }
}
