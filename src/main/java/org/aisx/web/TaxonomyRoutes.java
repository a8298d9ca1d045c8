package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.aisx.account.Permission;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.aisx.classify.Classification;
import org.aisx.taxonomy.Concept;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.LiveTaxonomy;
import org.aisx.taxonomy.Skos;
import org.aisx.taxonomy.Taxonomy;
import org.aisx.taxonomy.TaxonomyChange;
import org.aisx.taxonomy.TaxonomyEdit;
import org.aisx.taxonomy.TaxonomyException;

/**
 * The taxonomy as the committee's own, as pages and as API: the browser (any version), a page per
 * concept (a retired one still resolves and says so), the history of versions, the SKOS exports,
 * and the edits coordinators make (add, rename, move, define, retire) by plain forms or JSON.
 */
public final class TaxonomyRoutes implements Routes {
  private static final Map<String, Dimension> DIMENSIONS =
      Params.options(Dimension.values(), Dimension::id);
  private static final Map<String, TaxonomyChange.Kind> KINDS =
      Params.options(TaxonomyChange.Kind.values(), TaxonomyChange.Kind::wire);
  private static final int MAX_TEXT = 4000;

  private final LiveTaxonomy taxonomy;
  private final Classification classification;
  private final Access access;
  private final I18n i18n;
  private final PageRenderer pages;
  private final PublicActors actors;

  public TaxonomyRoutes(
      LiveTaxonomy taxonomy,
      Classification classification,
      Access access,
      I18n i18n,
      PageRenderer pages,
      PublicActors actors) {
    this.taxonomy = taxonomy;
    this.classification = classification;
    this.access = access;
    this.i18n = i18n;
    this.pages = pages;
    this.actors = actors;
  }

  /** The taxonomy's versions, each edit's actor as the viewer of {@code ctx} may see it. */
  private List<LiveTaxonomy.Version> history(Context ctx) {
    UnaryOperator<String> names = actors.names(ctx);
    return taxonomy.history().stream()
        .map(
            v ->
                new LiveTaxonomy.Version(
                    new TaxonomyEdit(
                        v.edit().version(),
                        v.edit().at(),
                        names.apply(v.edit().actor()),
                        v.edit().change()),
                    v.differences()))
        .toList();
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/api/v1/taxonomy", this::json);
    router.get("/api/v1/taxonomy.ttl", ctx -> skos(ctx, Skos.Format.TURTLE));
    router.get("/api/v1/taxonomy.jsonld", ctx -> skos(ctx, Skos.Format.JSONLD));
    router.get("/api/v1/taxonomy/history", this::historyJson);
    router.post("/api/v1/taxonomy/changes", this::changeJson);
    router.get("/taxonomy", this::page);
    router.get("/taxonomy/history", this::historyPage);
    router.get("/taxonomy/{dimension}/{concept}", this::conceptPage);
    router.post("/taxonomy", this::changeForm);
  }

  /** The version a request asks for ({@code ?version=N}), else the current one. */
  private Taxonomy version(Params query) {
    Taxonomy current = taxonomy.current();
    int n = query.number("version", 0, Integer.MAX_VALUE, current.version());
    return n == current.version() ? current : taxonomy.at(n);
  }

  // ---------------------------------------------------------------- API

  void json(Context ctx) {
    ctx.json(view(version(Params.query(ctx)), i18n.forRequest(ctx).lang()));
  }

  void skos(Context ctx, Skos.Format format) {
    Taxonomy t = version(Params.query(ctx));
    ctx.contentType(format.mediaType() + "; charset=utf-8")
        .result(Skos.write(t, base(ctx), format));
  }

  /** Where concept IRIs point: this service, as the caller reached it. */
  private static String base(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  void historyJson(Context ctx) {
    List<Map<String, Object>> versions = new ArrayList<>();
    for (LiveTaxonomy.Version v : history(ctx)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", v.edit().version());
      m.put("at", v.edit().at().toString());
      m.put("actor", v.edit().actor());
      m.put("kind", v.edit().change().kind().wire());
      m.put("dimension", v.edit().change().dimension().id());
      m.put("concept", v.edit().change().concept());
      List<Map<String, Object>> changes = new ArrayList<>();
      for (Taxonomy.Difference d : v.differences()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("field", d.field());
        c.put("before", d.before());
        c.put("after", d.after());
        changes.add(c);
      }
      m.put("changes", changes);
      versions.add(m);
    }
    Classification.Progress p = classification.reclassification();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", taxonomy.current().version());
    out.put("reclassification", Map.of("total", p.total(), "remaining", p.remaining()));
    out.put("versions", versions);
    ctx.json(out);
  }

  /** The body of {@code POST /api/v1/taxonomy/changes}. */
  record ChangeBody(
      String kind,
      String dimension,
      String concept,
      String parent,
      Map<String, String> labels,
      Map<String, String> definitions,
      Integer baseVersion) {}

  void changeJson(Context ctx) {
    String actor = access.require(ctx, Permission.EDIT_TAXONOMY).email();
    ChangeBody body = ctx.bodyAsClass(ChangeBody.class);
    if (body == null) {
      throw CatalogException.BadParameter.of("body", "invalid.required");
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    put(fields, "kind", body.kind());
    put(fields, "dimension", body.dimension());
    put(fields, "concept", body.concept());
    put(fields, "parent", body.parent());
    if (body.labels() != null) {
      body.labels().forEach((lang, text) -> put(fields, "labels." + lang, text));
    }
    if (body.definitions() != null) {
      body.definitions().forEach((lang, text) -> put(fields, "definitions." + lang, text));
    }
    // A language the taxonomy does not have is named, rather than dropped (which would leave a
    // rename with no language at all).
    List<Problem> unknown = new ArrayList<>();
    unknownLanguages("labels", body.labels(), unknown);
    unknownLanguages("definitions", body.definitions(), unknown);
    if (!unknown.isEmpty()) {
      throw new CatalogException.Invalid("taxonomy change", unknown);
    }
    LiveTaxonomy.Version v = apply(ctx, Params.of(fields), body.baseVersion(), actor);
    ctx.status(HttpStatus.CREATED);
    ctx.header("Location", "/api/v1/taxonomy?version=" + v.edit().version());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", v.edit().version());
    out.put("kind", v.edit().change().kind().wire());
    out.put("dimension", v.edit().change().dimension().id());
    out.put("concept", v.edit().change().concept());
    ctx.json(out);
  }

  /** A problem for each language of {@code texts} that the taxonomy does not have. */
  private static void unknownLanguages(
      String field, Map<String, String> texts, List<Problem> problems) {
    if (texts == null) {
      return;
    }
    texts.keySet().stream()
        .filter(lang -> !Taxonomy.LANGUAGES.contains(lang))
        .sorted()
        .forEach(
            lang ->
                problems.add(
                    Problem.of(
                        field + "." + lang,
                        "problem.notTaxonomyLanguage",
                        lang,
                        String.join(", ", Taxonomy.LANGUAGES))));
  }

  private static void put(Map<String, List<String>> fields, String name, String value) {
    if (value != null) {
      fields.put(name, List.of(value));
    }
  }

  /**
   * The change the fields describe, applied by {@code actor}: {@code kind}, {@code dimension},
   * {@code concept}, {@code parent} (empty: the top), {@code labels.<lang>} and {@code
   * definitions.<lang>} (empty fields are left out).
   */
  private LiveTaxonomy.Version apply(Context ctx, Params p, Integer baseVersion, String actor) {
    TaxonomyChange.Kind kind = p.choice("kind", KINDS);
    Dimension dim = p.choice("dimension", DIMENSIONS);
    String concept = p.text("concept", 100);
    if (concept == null) {
      throw CatalogException.BadParameter.of("concept", "invalid.required");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> definitions = new LinkedHashMap<>();
    for (String lang : Taxonomy.LANGUAGES) {
      String label = p.text("labels." + lang, MAX_TEXT);
      if (label != null) {
        labels.put(lang, label);
      }
      String definition = p.text("definitions." + lang, MAX_TEXT);
      if (definition != null) {
        definitions.put(lang, definition);
      }
    }
    TaxonomyChange change =
        TaxonomyChange.of(kind, dim, concept, p.text("parent", 100), labels, definitions);
    LiveTaxonomy.Version v = taxonomy.apply(change, actor, baseVersion);
    AuditRecorder.note(
        ctx,
        "taxonomy-" + kind.wire(),
        dim.id() + "/" + concept,
        "version " + v.edit().version() + ": " + v.differences().size() + " fields changed");
    return v;
  }

  /** The API's view of one version: every dimension and concept, all languages. */
  static Map<String, Object> view(Taxonomy taxonomy, String lang) {
    List<Map<String, Object>> dims = new ArrayList<>();
    for (Taxonomy.DimensionInfo d : taxonomy.dimensions()) {
      List<Map<String, Object>> concepts = new ArrayList<>();
      for (Concept c : d.concepts().values()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("label", c.label(lang));
        m.put("definition", c.definition(lang));
        m.put("parent", c.parent());
        m.put("retired", c.retired());
        m.put("labels", c.labels());
        m.put("definitions", c.definitions());
        m.put("altLabels", c.altLabels());
        concepts.add(m);
      }
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("id", d.dimension().id());
      dm.put("label", d.label(lang));
      dm.put("definition", d.definition(lang));
      dm.put("labels", d.labels());
      dm.put("concepts", concepts);
      dims.add(dm);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", taxonomy.version());
    out.put("base", taxonomy.base());
    out.put("dimensions", dims);
    return out;
  }

  // ---------------------------------------------------------------- pages

  void page(Context ctx) {
    renderTaxonomy(ctx, version(Params.query(ctx)), TaxonomyPageModels.Typed.NONE);
  }

  private void renderTaxonomy(Context ctx, Taxonomy shown, TaxonomyPageModels.Typed typed) {
    Messages t = i18n.forRequest(ctx);
    Taxonomy current = taxonomy.current();
    boolean edit = shown == current && access.may(ctx, Permission.EDIT_TAXONOMY);
    pages.render(
        ctx,
        "taxonomy.jte",
        new TaxonomyPageModels.TaxonomyPage(
            pages.layout(ctx, t, t.get("taxonomy.title")),
            shown,
            current.version(),
            edit ? access.formToken(ctx) : null,
            classification.reclassification(),
            typed));
  }

  void historyPage(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    pages.render(
        ctx,
        "taxonomy-history.jte",
        new TaxonomyPageModels.HistoryPage(
            pages.layout(ctx, t, t.get("taxonomy.history")), taxonomy.current(), history(ctx)));
  }

  void conceptPage(Context ctx) {
    Taxonomy current = taxonomy.current();
    Dimension dim = Dimension.fromId(ctx.pathParam("dimension")).orElse(null);
    Concept c = dim == null ? null : current.concept(dim, ctx.pathParam("concept")).orElse(null);
    if (c == null) {
      throw new CatalogException.NotFound("concept " + Params.echo(ctx.pathParam("concept")));
    }
    renderConcept(ctx, current, c, TaxonomyPageModels.Typed.NONE);
  }

  private void renderConcept(
      Context ctx, Taxonomy current, Concept c, TaxonomyPageModels.Typed typed) {
    Messages t = i18n.forRequest(ctx);
    Dimension dim = c.dimension();
    List<LiveTaxonomy.Version> history = new ArrayList<>();
    for (LiveTaxonomy.Version v : history(ctx)) {
      if (v.edit().change().dimension() == dim && v.edit().change().concept().equals(c.id())) {
        history.add(v);
      }
    }
    boolean edit = access.may(ctx, Permission.EDIT_TAXONOMY);
    pages.render(
        ctx,
        "concept.jte",
        new TaxonomyPageModels.ConceptPage(
            pages.layout(ctx, t, c.label(t.lang())),
            current,
            c,
            history,
            edit ? access.formToken(ctx) : null,
            typed));
  }

  /**
   * The pages' forms: one change, then the concept's page (POST, redirect, GET). A change refused
   * (an identifier that is not one, a label too long, a taxonomy that moved on meanwhile) is the
   * form's page again, 400 or 409, with everything typed and chosen, and each problem by its field:
   * the browser's add form for a new concept, the concept's page for the others.
   */
  void changeForm(Context ctx) {
    String actor = access.require(ctx, Permission.EDIT_TAXONOMY).email();
    Params form = Params.form(ctx);
    TaxonomyChange.Kind kind = form.choice("kind", KINDS);
    Dimension dim = form.choice("dimension", DIMENSIONS);
    LiveTaxonomy.Version v;
    try {
      Long base = form.number("baseVersion", 0, Integer.MAX_VALUE);
      v = apply(ctx, form, base == null ? null : Math.toIntExact(base), actor);
    } catch (CatalogException.BadParameter | TaxonomyException.Invalid e) {
      refused(
          ctx,
          typed(form, kind, dim, e instanceof TaxonomyException te ? te.details() : problems(e)),
          HttpStatus.BAD_REQUEST);
      return;
    } catch (TaxonomyException.Stale e) {
      refused(
          ctx,
          typed(
              form,
              kind,
              dim,
              List.of(
                  Problem.of(
                      "baseVersion",
                      "taxonomy.stale",
                      String.valueOf(taxonomy.current().version())))),
          HttpStatus.CONFLICT);
      return;
    }
    TaxonomyChange c = v.edit().change();
    ctx.redirect(
        "/taxonomy/" + c.dimension().id() + "/" + c.concept() + "?saved=" + v.edit().version(),
        HttpStatus.SEE_OTHER);
  }

  private static List<Problem> problems(RuntimeException e) {
    return e instanceof CatalogException ce ? ce.problems() : List.of();
  }

  /** What the refused form held, as typed, with {@code problems}. */
  private static TaxonomyPageModels.Typed typed(
      Params form, TaxonomyChange.Kind kind, Dimension dim, List<Problem> problems) {
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, String> definitions = new LinkedHashMap<>();
    for (String lang : Taxonomy.LANGUAGES) {
      String label = form.text("labels." + lang);
      if (label != null) {
        labels.put(lang, label);
      }
      String definition = form.text("definitions." + lang);
      if (definition != null) {
        definitions.put(lang, definition);
      }
    }
    return new TaxonomyPageModels.Typed(
        kind.wire(),
        dim.id(),
        form.text("concept"),
        form.text("parent"),
        labels,
        definitions,
        problems);
  }

  /**
   * The page of a refused change: a new concept's on the browser (the add form filled in), a
   * concept's own on its page; a concept that is not there (any more) is a 404.
   */
  private void refused(Context ctx, TaxonomyPageModels.Typed typed, HttpStatus status) {
    Taxonomy current = taxonomy.current();
    ctx.status(status);
    if (typed.is(TaxonomyChange.Kind.ADD.wire())) {
      renderTaxonomy(ctx, current, typed);
      return;
    }
    Dimension dim = Dimension.fromId(typed.dimension()).orElseThrow();
    Concept c = typed.concept() == null ? null : current.concept(dim, typed.concept()).orElse(null);
    if (c == null) {
      throw new CatalogException.NotFound("concept " + Params.echo(typed.conceptOrEmpty()));
    }
    renderConcept(ctx, current, c, typed);
  }
}
