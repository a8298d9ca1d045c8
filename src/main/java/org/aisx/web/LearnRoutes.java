package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aisx.account.Permission;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.aisx.learn.ImportReport;
import org.aisx.learn.Resource;
import org.aisx.learn.ResourceFacet;
import org.aisx.learn.ResourceFormat;
import org.aisx.learn.ResourceKind;
import org.aisx.learn.ResourceLevel;
import org.aisx.learn.ResourceQuery;
import org.aisx.learn.Resources;
import org.aisx.taxonomy.TaxonomySource;

/**
 * Learning resources over HTTP (SPEC §10): the {@code /learn} page with its facets, the API's list
 * and single resource, downloads as JSON (MOOChub / schema.org Course) and CSV, and the admins'
 * import. Parse at the edge, call {@link Resources}.
 */
public final class LearnRoutes implements Routes {
  static final int PAGE_SIZE = 20;
  private static final int API_LIMIT = 50;
  private static final int MAX_API_LIMIT = 200;
  private static final int MAX_VALUES = 50;
  private static final int MAX_VALUE = 300;

  private final Resources resources;
  private final Catalog catalog;
  private final TaxonomySource taxonomy;
  private final Access access;
  private final I18n i18n;
  private final PageRenderer pages;

  public LearnRoutes(
      Resources resources,
      Catalog catalog,
      TaxonomySource taxonomy,
      Access access,
      I18n i18n,
      PageRenderer pages) {
    this.resources = resources;
    this.catalog = catalog;
    this.taxonomy = taxonomy;
    this.access = access;
    this.i18n = i18n;
    this.pages = pages;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/learn", this::page);
    router.get("/api/v1/resources", this::list);
    // Before {id}: ids are slugs, never with a dot.
    router.get("/api/v1/resources/export.json", this::exportJson);
    router.get("/api/v1/resources/export.csv", this::exportCsv);
    router.post("/api/v1/resources/import", this::importResources);
    router.get("/api/v1/resources/{id}", this::one);
    router.delete("/api/v1/resources/{id}", this::removeApi);
    router.post("/learn/{id}/remove", this::removePage);
  }

  /** Removes the resource of the path for a coordinator, with the reason given, and audits it. */
  private Resource remove(Context ctx, Params given) {
    var by = access.require(ctx, Permission.REMOVE_RESOURCE);
    String reason = given.text("reason", Resources.MAX_REASON);
    Resource gone = resources.remove(ctx.pathParam("id"), by.email(), reason);
    AuditRecorder.note(ctx, "resource-removed", gone.id(), reason == null ? "" : reason);
    return gone;
  }

  /**
   * {@code DELETE /api/v1/resources/{id}?reason=...}: a coordinator removes a resource; 204, or 404
   * when there is none. The resource as it was is kept with the reason.
   */
  void removeApi(Context ctx) {
    remove(ctx, Params.query(ctx));
    ctx.status(io.javalin.http.HttpStatus.NO_CONTENT);
  }

  /**
   * {@code POST /learn/{id}/remove}: the same from the button on /learn; back to /learn, saying so.
   */
  void removePage(Context ctx) {
    Resource gone = remove(ctx, Params.form(ctx));
    ctx.redirect(
        "/learn?removed=" + URLEncoder.encode(gone.id(), StandardCharsets.UTF_8),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /**
   * The facet filters of a request: kind, level and format must name one of their values, language
   * a language (ISO 639, as resources give theirs), concept a concept of the taxonomy, standard a
   * record of the catalogue, provider a provider some resource has (as the search's {@code sdo} and
   * {@code committee} must name a body or committee the catalogue has: the providers are listed in
   * the answer's facets). Each unknown value is a 400 naming the parameter, as an unknown filter
   * value is on the search, rather than an empty answer that looks like "none yet".
   */
  ResourceQuery query(Params params, int offset, int limit) {
    Map<ResourceFacet, List<String>> filters = new EnumMap<>(ResourceFacet.class);
    java.util.Set<String> providers = null;
    for (ResourceFacet f : ResourceFacet.values()) {
      List<String> values = params.all(f.param(), MAX_VALUES, MAX_VALUE);
      for (String v : values) {
        boolean known =
            switch (f) {
              case KIND -> ResourceKind.fromWire(v).isPresent();
              case LEVEL -> ResourceLevel.fromWire(v).isPresent();
              case FORMAT -> ResourceFormat.fromWire(v).isPresent();
              case LANGUAGE -> language(v);
              case CONCEPT ->
                  taxonomy.current().dimensions().stream()
                      .anyMatch(d -> d.concepts().containsKey(v));
              case STANDARD -> catalog.find(v).isPresent();
              case PROVIDER -> {
                if (providers == null) {
                  providers = resources.providers();
                }
                yield providers.contains(v);
              }
            };
        if (!known && wires(f).isEmpty()) {
          throw CatalogException.BadParameter.of(f.param(), what(f), Params.echo(v));
        }
        if (!known) {
          throw CatalogException.BadParameter.of(
              f.param(), "invalid.notOneOf", Params.echo(v), String.join(", ", wires(f)));
        }
      }
      if (!values.isEmpty()) {
        filters.put(f, values);
      }
    }
    return new ResourceQuery(filters, offset, limit);
  }

  private static String what(ResourceFacet f) {
    return switch (f) {
      case LANGUAGE -> "problem.unknownLanguageCode";
      case CONCEPT -> "problem.unknownConcept";
      case STANDARD -> "problem.unknownRecordId";
      default -> "problem.unknownValue";
    };
  }

  /** ISO 639: two letters of the standard's list, or three; a region or script may follow. */
  private static boolean language(String code) {
    String c = code.toLowerCase(Locale.ROOT);
    if (!c.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*")) {
      return false;
    }
    String primary = c.contains("-") ? c.substring(0, c.indexOf('-')) : c;
    return primary.length() == 3 || ISO_LANGUAGES.contains(primary);
  }

  private static final java.util.Set<String> ISO_LANGUAGES =
      java.util.Set.of(Locale.getISOLanguages());

  private static List<String> wires(ResourceFacet f) {
    return switch (f) {
      case KIND -> java.util.Arrays.stream(ResourceKind.values()).map(ResourceKind::wire).toList();
      case LEVEL ->
          java.util.Arrays.stream(ResourceLevel.values()).map(ResourceLevel::wire).toList();
      case FORMAT ->
          java.util.Arrays.stream(ResourceFormat.values()).map(ResourceFormat::wire).toList();
      default -> List.of();
    };
  }

  private static List<String> known() {
    List<String> known = new ArrayList<>();
    for (ResourceFacet f : ResourceFacet.values()) {
      known.add(f.param());
    }
    known.add("offset");
    known.add("limit");
    return known;
  }

  /** {@code GET /api/v1/resources?standard=&concept=&language=&kind=&level=&format=&provider=}. */
  void list(Context ctx) {
    Params params = Params.query(ctx).onlyKnown(known());
    int offset = params.number("offset", 0, 1_000_000, 0);
    int limit = params.number("limit", 1, MAX_API_LIMIT, API_LIMIT);
    Resources.Page page = resources.list(query(params, offset, limit));
    Map<String, Object> facets = new LinkedHashMap<>();
    page.facets()
        .forEach(
            (f, values) ->
                facets.put(
                    f.param(),
                    values.stream()
                        .map(v -> Map.of("value", v.value(), "count", v.count()))
                        .toList()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", page.total());
    body.put("offset", offset);
    body.put("limit", limit);
    body.put("items", page.items());
    body.put("facets", facets);
    body.put(
        "next",
        offset + limit < page.total()
            ? "/api/v1/resources?"
                + queryString(ctx, Map.of("offset", String.valueOf(offset + limit)))
            : null);
    ctx.json(body);
  }

  /** {@code GET /api/v1/resources/{id}}. */
  void one(Context ctx) {
    ctx.json(resources.get(ctx.pathParam("id")));
  }

  /** {@code GET /api/v1/resources/export.json}: every resource, MOOChub's JSON:API document. */
  void exportJson(Context ctx) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    resources.exportJson(out, "/api/v1/resources/export.json");
    ctx.header("Content-Disposition", "attachment; filename=\"aisx-resources.json\"");
    ctx.contentType("application/json").result(out.toByteArray());
  }

  /** {@code GET /api/v1/resources/export.csv}. */
  void exportCsv(Context ctx) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    resources.exportCsv(out);
    ctx.header("Content-Disposition", "attachment; filename=\"aisx-resources.csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(out.toByteArray());
  }

  /**
   * {@code POST /api/v1/resources/import} (admins): a JSON (MOOChub) or CSV ({@code Content-Type:
   * text/csv}) body; answers what was created, updated, unchanged and rejected (line and fields).
   */
  void importResources(Context ctx) {
    var admin = access.require(ctx, Permission.IMPORT_FEED);
    // Read as UTF-8: a body that is not was refused already (JsonBodies.refuseMalformed).
    boolean csv = JsonBodies.mediaType(ctx).equals(JsonBodies.CSV);
    String source = "api-import:" + admin.email();
    ImportReport report =
        csv
            ? resources.importCsv(
                new InputStreamReader(ctx.bodyInputStream(), StandardCharsets.UTF_8),
                admin.email(),
                source)
            : resources.importJson(ctx.bodyInputStream(), admin.email(), source);
    AuditRecorder.note(ctx, "resources-import", csv ? "csv" : "json", report.toString());
    Messages asked = i18n.askedFor(ctx);
    List<Map<String, Object>> rejected = new ArrayList<>();
    for (ImportReport.Rejection r : report.rejections()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("line", r.line());
      one.put("id", r.id());
      List<Map<String, String>> problems = new ArrayList<>();
      for (Problem p : r.problems()) {
        problems.add(Map.of("field", p.field(), "problem", Messages.problemAsAsked(asked, p)));
      }
      one.put("problems", problems);
      rejected.add(one);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("created", report.created());
    body.put("updated", report.updated());
    body.put("unchanged", report.unchanged());
    body.put("rejected", rejected);
    ctx.json(body);
  }

  /** {@code GET /learn}: every resource, with facets; plain links and a form, no script needed. */
  void page(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Params params = Params.query(ctx);
    int page = params.number("page", 1, 100_000, 1);
    ResourceQuery q = query(params, (page - 1) * PAGE_SIZE, PAGE_SIZE);
    Resources.Page result = resources.list(q);
    int lastPage = Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    List<LearnPageModels.FacetView> facets = new ArrayList<>();
    for (ResourceFacet f : ResourceFacet.values()) {
      List<LearnPageModels.FacetValue> values = new ArrayList<>();
      for (Resources.FacetCount v : result.facets().get(f)) {
        values.add(
            new LearnPageModels.FacetValue(
                v.value(), label(f, v.value(), t), v.count(), v.selected()));
      }
      facets.add(
          new LearnPageModels.FacetView(
              f.param(),
              t.get("learn.facet." + f.param()),
              values,
              "/learn?" + queryString(ctx, Map.of(f.param(), "", "page", ""))));
    }
    pages.render(
        ctx,
        "learn.jte",
        new LearnPageModels.LearnPage(
            pages.layout(ctx, t, t.get("learn.title")),
            cards(result.items(), t),
            result.total(),
            result.total() == 0 ? 0 : q.offset() + 1,
            q.offset() + result.items().size(),
            facets,
            page,
            lastPage,
            page > 1
                ? "/learn?"
                    + queryString(ctx, Map.of("page", String.valueOf(Math.min(page - 1, lastPage))))
                : null,
            page < lastPage
                ? "/learn?" + queryString(ctx, Map.of("page", String.valueOf(page + 1)))
                : null,
            "/learn?" + queryString(ctx, Map.of("page", String.valueOf(lastPage))),
            pages.mayProposeResource(ctx),
            access.may(ctx, Permission.REMOVE_RESOURCE),
            params.text("removed", MAX_VALUE)));
  }

  /**
   * The record page's block: the resources that teach {@code recordId}, each with a link to propose
   * a correction for a reader who may (as on {@code /learn}).
   */
  LearnPageModels.RecordBlock block(Context ctx, String recordId, Messages t) {
    return new LearnPageModels.RecordBlock(
        recordId, cards(resources.teaching(recordId), t), pages.mayProposeResource(ctx));
  }

  private List<LearnPageModels.Card> cards(List<Resource> items, Messages t) {
    List<LearnPageModels.Card> cards = new ArrayList<>();
    for (Resource r : items) {
      List<LearnPageModels.Link> standards = new ArrayList<>();
      for (String id : r.standards()) {
        standards.add(new LearnPageModels.Link(id, label(ResourceFacet.STANDARD, id, t)));
      }
      List<String> concepts = new ArrayList<>();
      for (String c : r.concepts()) {
        concepts.add(label(ResourceFacet.CONCEPT, c, t));
      }
      List<LearnPageModels.Link> languages = new ArrayList<>();
      for (String code : r.languages()) {
        languages.add(new LearnPageModels.Link(code, label(ResourceFacet.LANGUAGE, code, t)));
      }
      cards.add(new LearnPageModels.Card(r, standards, concepts, languages));
    }
    return cards;
  }

  /** A facet value as people read it, in the page's language. */
  String label(ResourceFacet f, String value, Messages t) {
    return switch (f) {
      case KIND -> t.get("learn.kind." + value);
      case LEVEL -> t.get("learn.level." + value);
      case FORMAT -> t.get("learn.format." + value);
      case LANGUAGE -> t.has("language." + value) ? t.get("language." + value) : value;
      case STANDARD -> catalog.find(value).map(s -> s.identifier()).orElse(value);
      case CONCEPT ->
          taxonomy.current().dimensions().stream()
              .filter(d -> d.concepts().containsKey(value))
              .map(d -> d.concepts().get(value).label(t.lang()))
              .findFirst()
              .orElse(value);
      case PROVIDER -> value;
    };
  }

  /**
   * The request's query with {@code changes} applied (an empty value removes the parameter); {@code
   * page} is reset whenever a filter changes.
   */
  static String queryString(Context ctx, Map<String, String> changes) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      // "removed" says once that a resource was just removed: links from that page drop it.
      if (changes.containsKey(e.getKey()) || e.getKey().equals("removed")) {
        continue;
      }
      for (String v : e.getValue()) {
        append(out, e.getKey(), v);
      }
    }
    changes.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            append(out, k, v);
          }
        });
    return out.toString();
  }

  private static void append(StringBuilder out, String k, String v) {
    if (!out.isEmpty()) {
      out.append('&');
    }
    out.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
  }
}
