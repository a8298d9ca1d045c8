package org.aisx.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.Standard;
import org.aisx.committee.Committees;
import org.aisx.search.Facet;
import org.aisx.search.SearchRequest;
import org.aisx.search.SearchResult;
import org.aisx.semantic.HybridSearch;
import org.aisx.semantic.Overlap;
import org.aisx.taxonomy.Taxonomy;
import org.aisx.taxonomy.TaxonomySource;

/**
 * The read API of the catalogue (SPEC §4) and the operators' health check: parse at the edge, call
 * the feature, answer JSON.
 */
public final class CatalogApi implements Routes {
  private final Catalog catalog;
  private final HybridSearch search;
  private final RecordAnswer answer;
  private final TaxonomySource taxonomy;
  private final SearchParams params;
  private final I18n i18n;
  private final byte[] openapi;
  private final Overlap overlap;
  private final OverlapParams overlapParams;

  /** Who made each change, as the one asking may see it. */
  private final PublicActors actors;

  /** The search answers' bodies, kept as bytes beside the answers they show. */
  private final KeptBodies kept;

  private final ObjectMapper json;

  /** The register of committees: the committee facet's values with their titles. */
  private final Committees committees;

  public CatalogApi(
      Catalog catalog,
      HybridSearch search,
      RecordAnswer answer,
      Overlap overlap,
      OverlapParams overlapParams,
      TaxonomySource taxonomy,
      SearchParams params,
      I18n i18n,
      PublicActors actors,
      KeptBodies kept,
      ObjectMapper json,
      Committees committees) {
    this.committees = committees;
    this.actors = actors;
    this.kept = kept;
    this.json = json;
    this.catalog = catalog;
    this.answer = answer;
    this.search = search;
    this.overlap = overlap;
    this.overlapParams = overlapParams;
    this.taxonomy = taxonomy;
    this.params = params;
    this.i18n = i18n;
    try (InputStream in = CatalogApi.class.getResourceAsStream("/openapi.json")) {
      this.openapi = in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("openapi.json is missing from the jar", e);
    }
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/api/v1/standards", this::search);
    router.get("/api/v1/standards/{id}", this::record);
    router.get("/api/v1/standards/{id}/history", this::history);
    router.get("/api/v1/standards/{id}/related", this::related);
    router.get("/api/v1/overlap", this::overlap);
    router.get("/api/v1/openapi.json", this::openapi);
    router.get("/healthz", this::health);
  }

  void search(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    var request = params.parse(Params.query(ctx), true, 20);
    SearchResult result = search.searchNow(request);
    Taxonomy taxonomy = this.taxonomy.current();
    // The body is a function of the answer, its language, the concepts' labels and the committees'
    // titles, never of who asks or how the query string was spelled: kept once per answer and
    // language.
    byte[] body =
        kept.body(
            result,
            new KeptBodies.Variant(
                t.lang(), ctx.path(), "", taxonomy.version(), committees.version()),
            () ->
                JsonBodies.bytes(
                    json,
                    ApiViews.search(
                        result, taxonomy, committees, t, totalWithSuggestions(request))));
    ctx.contentType(ContentType.APPLICATION_JSON).result(body);
  }

  /**
   * The total a search that filters on a taxonomy dimension by confirmed labels alone (the API's
   * default) would have with machine suggestions counted, as the web pages count them: so that a
   * client asking {@code vertical=health} on a catalogue nobody has confirmed yet learns that 0 is
   * not "nothing on health". Null for any other search.
   */
  private Long totalWithSuggestions(SearchRequest request) {
    if (request.includeSuggestions()
        || request.filters().keySet().stream().noneMatch(Facet::taxonomy)) {
      return null;
    }
    return search.searchNow(request.withSuggestions()).total();
  }

  /**
   * Related work: the records closest in meaning, other bodies' work included. Its ETag, as every
   * answer for a record (SPEC §4), is the record's revision and the body's digest (the neighbours
   * change while the revision stays).
   */
  void related(Context ctx) {
    Standard s = catalog.get(ctx.pathParam("id"));
    int limit = Params.query(ctx).number("limit", 1, 50, 10);
    EntityTags.json(
        ctx,
        s.revision(),
        new ApiViews.Related(
            s.id(), search.related(s, limit).stream().map(ApiViews.Neighbour::of).toList()));
  }

  /** Other bodies' work close to a record, a committee's work, or a description of new work. */
  void overlap(Context ctx) {
    OverlapParams.Question q = overlapParams.parse(Params.query(ctx), true);
    ctx.json(
        ApiViews.OverlapAnswer.of(
            q.basis(), overlap.find(q.basis(), q.limit()), i18n.forRequest(ctx).lang()));
  }

  /**
   * The record with what is said about it beside its fields: its ETag is its revision and the
   * body's digest ({@link EntityTags}: the suggestions and the relations to it change while the
   * revision stays).
   */
  void record(Context ctx) {
    answer.send(ctx, catalog.get(ctx.pathParam("id")));
  }

  /**
   * The record's events: its ETag, too, is its revision and the body's digest (a relation decided
   * about the record is an event that leaves the revision as it is; who made a change is named as
   * the one asking may see it).
   */
  void history(Context ctx) {
    Standard s = catalog.get(ctx.pathParam("id"));
    EntityTags.json(
        ctx,
        s.revision(),
        new ApiViews.History(s.id(), actors.forViewer(ctx, catalog.history(s.id()))));
  }

  void openapi(Context ctx) {
    ctx.contentType("application/json").result(openapi);
  }

  void health(Context ctx) {
    ctx.json(Map.of("status", "ok", "records", catalog.count()));
  }
}
