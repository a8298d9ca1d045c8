package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.IncomingRelation;
import org.aisx.catalog.Relation;
import org.aisx.catalog.Standard;
import org.aisx.classify.Classification;
import org.aisx.editions.ReplacementsToCome;
import org.aisx.search.Facet;
import org.aisx.search.Hit;
import org.aisx.search.SearchRequest;
import org.aisx.search.SearchResult;
import org.aisx.semantic.Overlap;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;
import org.aisx.taxonomy.TaxonomySource;

/**
 * The catalogue's pages: search with its facets, a record, the overlap check and the taxonomy
 * browser. Every page works without JavaScript.
 */
public final class CatalogPages implements Routes {
  /** How many related records a record page shows. */
  static final int RELATED_ON_PAGE = 8;

  private final Catalog catalog;
  private final org.aisx.semantic.HybridSearch search;
  private final org.aisx.classify.Classification classification;
  private final Overlap overlap;
  private final OverlapParams overlapParams;
  private final TaxonomySource taxonomy;
  private final SearchParams params;
  private final I18n i18n;
  private final PageRenderer pages;
  private final org.aisx.glossary.GlossaryRecords glossary;

  /** The record page's "Learn about this standard" block. */
  private final LearnRoutes learn;

  /** Who made each change, as the one asking may see it. */
  private final PublicActors actors;

  /** The search pages of kept answers, sent again to visitors not signed in. */
  private final KeptBodies keptBodies;

  /** The register of committees: a record's committee is named with its title. */
  private final org.aisx.committee.Committees committees;

  public CatalogPages(
      Catalog catalog,
      org.aisx.semantic.HybridSearch search,
      org.aisx.classify.Classification classification,
      Overlap overlap,
      OverlapParams overlapParams,
      TaxonomySource taxonomy,
      SearchParams params,
      I18n i18n,
      PageRenderer pages,
      LearnRoutes learn,
      org.aisx.glossary.GlossaryRecords glossary,
      PublicActors actors,
      KeptBodies keptBodies,
      org.aisx.committee.Committees committees) {
    this.committees = committees;
    this.actors = actors;
    this.keptBodies = keptBodies;
    this.catalog = catalog;
    this.search = search;
    this.classification = classification;
    this.overlap = overlap;
    this.overlapParams = overlapParams;
    this.taxonomy = taxonomy;
    this.params = params;
    this.i18n = i18n;
    this.pages = pages;
    this.learn = learn;
    this.glossary = glossary;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/", this::search);
    router.get("/search", this::search);
    router.get("/standards/{id}", this::record);
    router.get("/overlap", this::overlap);
    router.post("/overlap", this::overlapPosted);
  }

  void search(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    SearchRequest request =
        params.parse(Params.query(ctx), false, PageModels.SearchPage.DEFAULT_SIZE);
    SearchResult result = search.searchNow(request);
    Taxonomy taxonomy = this.taxonomy.current();
    Supplier<byte[]> render =
        () -> pages.utf8("search.jte", searchPage(ctx, t, request, result, taxonomy), null);
    byte[] html =
        pages.signedIn(ctx)
            ? render.get()
            : keptBodies.body(
                result,
                new KeptBodies.Variant(
                    t.lang(),
                    ctx.path(),
                    ctx.queryString(),
                    taxonomy.version(),
                    committees.version()),
                render);
    pages.send(ctx, html);
  }

  private PageModels.SearchPage searchPage(
      Context ctx, Messages t, SearchRequest request, SearchResult result, Taxonomy taxonomy) {
    List<PageModels.FacetView> facets = new ArrayList<>();
    for (Facet f : Facet.values()) {
      List<PageModels.FacetValue> values = new ArrayList<>();
      List<String> selected = request.filters().getOrDefault(f, List.of());
      for (SearchResult.FacetCount c : result.facets().getOrDefault(f, List.of())) {
        values.add(
            new PageModels.FacetValue(
                c.value(),
                ApiViews.facetLabel(f, c.value(), taxonomy, t),
                ApiViews.facetTitle(f, c.value(), committees),
                c.count(),
                selected.contains(c.value())));
      }
      // A ticked value the counts do not list (a joint body, "ISO/IEC", from a record's page, or a
      // value beyond the most frequent) stays in the form, ticked, so that it can be unticked.
      for (String v : selected) {
        if (values.stream().noneMatch(shown -> shown.value().equals(v))) {
          values.add(
              new PageModels.FacetValue(
                  v,
                  ApiViews.facetLabel(f, v, taxonomy, t),
                  ApiViews.facetTitle(f, v, committees),
                  PageModels.FacetValue.UNCOUNTED,
                  true));
        }
      }
      boolean capped = result.facets().getOrDefault(f, List.of()).size() >= f.listed();
      facets.add(
          new PageModels.FacetView(
              f.id(), t.get("facet." + f.id()), values, !selected.isEmpty(), capped));
    }
    return new PageModels.SearchPage(
        pages
            .layout(ctx, t, request.q().isEmpty() ? t.get("search.title") : request.q())
            .withFeed(PageModels.SearchPage.feedUrl(ctx.queryString())),
        request,
        result,
        facets,
        taxonomy,
        ctx.queryString(),
        reasons(request, result));
  }

  /**
   * For each hit, why it matched the ticked taxonomy filters: each ticked concept it carries, with
   * who confirmed it or the sentence the suggestion rests on.
   */
  private Map<String, List<Classification.Reason>> reasons(
      SearchRequest request, SearchResult result) {
    Map<String, List<Classification.Reason>> out = new HashMap<>();
    for (Facet f : Facet.values()) {
      List<String> ticked = request.filters().getOrDefault(f, List.of());
      Dimension dim = f.taxonomy() ? Dimension.fromId(f.id()).orElse(null) : null;
      if (dim == null || ticked.isEmpty()) {
        continue;
      }
      for (Hit h : result.items()) {
        List<String> confirmed = confirmedOn(h, dim);
        for (String concept : ticked) {
          boolean isConfirmed = confirmed.contains(concept);
          if (isConfirmed || h.suggestedOn(dim.id()).contains(concept)) {
            classification
                .why(h.id(), dim, concept, isConfirmed)
                .ifPresent(r -> out.computeIfAbsent(h.id(), k -> new ArrayList<>()).add(r));
          }
        }
      }
    }
    return out;
  }

  private static List<String> confirmedOn(Hit h, Dimension dim) {
    return switch (dim) {
      case VERTICAL -> h.verticals();
      case ACTIVITY -> h.activities();
      case APPLICATION -> h.applications();
      case CONCERN -> h.concerns();
    };
  }

  void record(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Standard s = classification.withSuggestions(catalog.get(ctx.pathParam("id")));
    Map<String, Standard> targets = new HashMap<>();
    for (Relation r : s.relations()) {
      catalog.find(r.targetId()).ifPresent(target -> targets.put(r.targetId(), target));
    }
    List<IncomingRelation> incoming = catalog.incoming(s.id());
    // No ETag here, unlike the API's record: the page also depends on its language, its reader,
    // other records and learning resources, so the record's revision cannot tell whether it
    // changed.
    pages.render(
        ctx,
        "record.jte",
        new PageModels.RecordPage(
            pages.layout(ctx, t, s.identifier()).withFeed("/feeds/standards/" + s.id() + ".atom"),
            s,
            targets,
            incoming,
            actors.forViewer(ctx, catalog.history(s.id())),
            search.related(s, RELATED_ON_PAGE),
            taxonomy.current(),
            learn.block(ctx, s.id(), t),
            glossary.termsOf(s),
            catalog.relationReviewsOf(s.id()),
            pages.mayProposeChange(ctx, s),
            s.status() == null || s.status().isCurrent() ? null : catalog.successor(s).orElse(null),
            s.committee() == null ? null : committees.find(s.committee()).orElse(null),
            ReplacementsToCome.of(s, withSources(targets, incoming), incoming)));
  }

  /**
   * {@code targets} and the records {@code incoming} comes from, for {@link ReplacementsToCome}.
   */
  private Map<String, Standard> withSources(
      Map<String, Standard> targets, List<IncomingRelation> incoming) {
    Map<String, Standard> out = new HashMap<>(targets);
    out.putAll(catalog.findAll(incoming.stream().map(IncomingRelation::sourceId).toList()));
    return out;
  }

  /** The overlap check: a form with three ways in, and the closest work of other bodies. */
  void overlap(Context ctx) {
    overlap(ctx, Params.query(ctx));
  }

  /**
   * The overlap check of a proposed work's text, sent in the form's body: a text of the length the
   * form allows (4,000 characters, 36 KB once a Chinese text is %-escaped) does not fit in an
   * address the server (or a proxy) accepts.
   */
  void overlapPosted(Context ctx) {
    overlap(ctx, Params.form(ctx));
  }

  private void overlap(Context ctx, Params given) {
    Messages t = i18n.forRequest(ctx);
    OverlapParams.Question q;
    CatalogException.NearMiss miss = null;
    try {
      q = overlapParams.parse(given, false);
    } catch (CatalogException.NearMiss e) {
      q = null; // the form again, with what the value came close to
      miss = e;
    }
    Overlap.Result result = q == null ? null : overlap.find(q.basis(), q.limit());
    // Suggestions for the form: the bodies as records write them (ISO/IEC beside ISO: the check
    // leaves out one exact body's work) and the largest committees of the catalogue.
    SearchResult everything = search.search(SearchRequest.all());
    List<String> bodies = new ArrayList<>(search.index().sdoValues());
    List<String> committees = new ArrayList<>();
    everything
        .facets()
        .getOrDefault(Facet.COMMITTEE, List.of())
        .forEach(c -> committees.add(c.value()));
    bodies.sort(null);
    committees.sort(null);
    pages.render(
        ctx,
        "overlap.jte",
        new PageModels.OverlapPage(
            pages.layout(ctx, t, t.get("overlap.title")),
            pages.formToken(ctx),
            value(given, "record"),
            value(given, "committee"),
            value(given, "text"),
            value(given, "sdo"),
            q == null ? null : q.basis(),
            result,
            bodies,
            committees,
            miss));
  }

  /** What the form shows again: the value given, or nothing. */
  private static String value(Params given, String name) {
    String v = given.text(name);
    return v == null ? "" : v;
  }
}
