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
import org.aisx.semantic.Overlap;
import org.aisx.taxonomy.Taxonomy;

/** Handlers of the HTML pages; every page works without JavaScript. */
final class Pages {
  private final Catalog catalog;
  private final org.aisx.semantic.HybridSearch search;
  private final org.aisx.classify.Classification classification;
  private final Overlap overlap;
  private final OverlapParams overlapParams;
  private final Taxonomy taxonomy;
  private final SearchParams params;
  private final I18n i18n;
  private final TemplateEngine templates;
  private final Access access;

  Pages(
      Catalog catalog,
      org.aisx.semantic.HybridSearch search,
      org.aisx.classify.Classification classification,
      Overlap overlap,
      OverlapParams overlapParams,
      Taxonomy taxonomy,
      SearchParams params,
      I18n i18n,
      TemplateEngine templates,
      Access access) {
    this.access = access;
    this.catalog = catalog;
    this.search = search;
    this.classification = classification;
    this.overlap = overlap;
    this.overlapParams = overlapParams;
    this.taxonomy = taxonomy;
    this.params = params;
    this.i18n = i18n;
    this.templates = templates;
  }

  void search(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    SearchRequest request = params.parse(ctx.queryParamMap(), false, 20);
    SearchResult result = search.search(request);
    List<PageModels.FacetView> facets = new ArrayList<>();
    for (Facet f : Facet.values()) {
      List<PageModels.FacetValue> values = new ArrayList<>();
      List<String> selected = request.filters().getOrDefault(f, List.of());
      for (SearchResult.FacetCount c : result.facets().getOrDefault(f, List.of())) {
        values.add(
            new PageModels.FacetValue(
                c.value(),
                ApiViews.facetLabel(f, c.value(), taxonomy, t),
                c.count(),
                selected.contains(c.value())));
      }
      facets.add(
          new PageModels.FacetView(f.id(), t.get("facet." + f.id()), values, !selected.isEmpty()));
    }
    render(
        ctx,
        "search.jte",
        new PageModels.SearchPage(
            layout(ctx, t, request.q().isEmpty() ? t.get("search.title") : request.q())
                .withFeed(PageModels.SearchPage.feedUrl(ctx.queryString())),
            request,
            result,
            facets,
            taxonomy,
            ctx.queryString()));
  }

  /** How many related records a record page shows. */
  static final int RELATED_ON_PAGE = 8;

  void record(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Standard s = classification.withSuggestions(catalog.get(ctx.pathParam("id")));
    Map<String, Standard> targets = new HashMap<>();
    for (Relation r : s.relations()) {
      catalog.find(r.targetId()).ifPresent(target -> targets.put(r.targetId(), target));
    }
    ctx.header("ETag", "\"" + s.revision() + "\"");
    render(
        ctx,
        "record.jte",
        new PageModels.RecordPage(
            layout(ctx, t, s.identifier()).withFeed("/feeds/standards/" + s.id() + ".atom"),
            s,
            targets,
            catalog.incoming(s.id()),
            catalog.history(s.id()),
            search.related(s, RELATED_ON_PAGE),
            taxonomy));
  }

  /** The overlap check: a form with three ways in, and the closest work of other bodies. */
  void overlap(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    OverlapParams.Question q = overlapParams.parse(ctx.queryParamMap(), false);
    Overlap.Result result = q == null ? null : overlap.find(q.basis(), q.limit());
    // Suggestions for the form: the bodies and the largest committees of the catalogue.
    SearchResult everything = search.search(SearchRequest.all());
    List<String> bodies = new ArrayList<>();
    everything.facets().getOrDefault(Facet.SDO, List.of()).forEach(c -> bodies.add(c.value()));
    List<String> committees = new ArrayList<>();
    everything
        .facets()
        .getOrDefault(Facet.COMMITTEE, List.of())
        .forEach(c -> committees.add(c.value()));
    bodies.sort(null);
    committees.sort(null);
    render(
        ctx,
        "overlap.jte",
        new PageModels.OverlapPage(
            layout(ctx, t, t.get("overlap.title")),
            value(ctx, "record"),
            value(ctx, "committee"),
            value(ctx, "text"),
            value(ctx, "sdo"),
            q == null ? null : q.basis(),
            result,
            bodies,
            committees));
  }

  private static String value(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.strip();
  }

  void taxonomy(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    render(
        ctx,
        "taxonomy.jte",
        new PageModels.TaxonomyPage(layout(ctx, t, t.get("taxonomy.title")), taxonomy));
  }

  void error(Context ctx, int status, String message, List<Problem> problems) {
    Messages t = i18n.forRequest(ctx);
    render(
        ctx,
        "error.jte",
        new PageModels.ErrorPage(
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

  PageModels.Layout layout(Context ctx, Messages t, String title) {
    PageModels.Viewer viewer =
        access
            .user(ctx)
            .map(
                u ->
                    new PageModels.Viewer(
                        u.email(),
                        u.role().wire(),
                        access.session(ctx).map(org.aisx.account.Session::csrf).orElse(null)))
            .orElse(null);
    return new PageModels.Layout(t, title, ctx.path(), ctx.queryString(), i18n.languages(), viewer);
  }

  void render(Context ctx, String template, Object model) {
    StringOutput out = new StringOutput();
    templates.render(template, model, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }
}
