package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.account.Permission;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Standard;
import org.aisx.glossary.Definition;
import org.aisx.glossary.Glossary;
import org.aisx.glossary.GlossaryRecords;
import org.aisx.glossary.Mapping;
import org.aisx.glossary.MappingDecision;
import org.aisx.glossary.MappingEvent;
import org.aisx.glossary.MappingState;
import org.aisx.glossary.MappingType;
import org.aisx.glossary.SkosExport;
import org.aisx.glossary.Term;
import org.aisx.glossary.Vocabulary;

/**
 * The glossary crosswalk's HTTP face (SPEC §9): the glossary and its terms as pages and API, the
 * SKOS exports, and the review of mapping suggestions, where coordinators confirm or reject many at
 * once (as {@link SuggestionReview} does for classification).
 */
public final class GlossaryRoutes implements Routes {
  static final int PAGE_SIZE = 50;
  private static final int MAX_DECISIONS = 500;
  private static final int HISTORY = 50;
  private static final Pattern ITEM =
      Pattern.compile("([a-z0-9-]{1,200})\\|([a-z0-9-]{1,200})\\|([a-zA-Z]{1,20})");
  private static final Map<String, MappingType> TYPES =
      Params.options(MappingType.values(), MappingType::wire);
  private static final Map<String, MappingState> STATES =
      Params.options(MappingState.values(), MappingState::wire);
  private static final Map<String, Boolean> DECISIONS =
      Params.options("confirm", true, "reject", false);

  private final Glossary glossary;
  private final GlossaryRecords records;
  private final SkosExport skos;
  private final Catalog catalog;
  private final I18n i18n;
  private final PageRenderer pages;
  private final Access access;
  private final boolean behindProxy;
  private final PublicActors actors;

  public GlossaryRoutes(
      Glossary glossary,
      GlossaryRecords records,
      Catalog catalog,
      I18n i18n,
      PageRenderer pages,
      Access access,
      PublicActors actors,
      boolean behindProxy) {
    this.actors = actors;
    this.glossary = glossary;
    this.records = records;
    this.skos = new SkosExport(glossary);
    this.catalog = catalog;
    this.i18n = i18n;
    this.pages = pages;
    this.access = access;
    this.behindProxy = behindProxy;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/glossary", this::listPage);
    router.get("/glossary/{id}", this::termPage);
    router.get("/api/v1/glossary", this::listApi);
    router.get("/api/v1/glossary.ttl", this::turtle);
    router.get("/api/v1/glossary.jsonld", this::jsonLd);
    router.get("/api/v1/glossary/{id}", this::termApi);
    router.get("/api/v1/mappings", this::queueApi);
    router.get("/api/v1/mappings/history", this::historyApi);
    router.post("/api/v1/mappings/decisions", this::decideApi);
    router.get("/review/mappings", this::reviewPage);
    router.post("/review/mappings", this::decide);
  }

  // ---- the glossary

  /** The list's parameters, validated. */
  record Query(String q, String source, int page) {
    String query() {
      StringBuilder s = new StringBuilder();
      if (q != null) {
        s.append("q=").append(java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).append('&');
      }
      if (source != null) {
        s.append("source=")
            .append(java.net.URLEncoder.encode(source, StandardCharsets.UTF_8))
            .append('&');
      }
      return s.toString();
    }
  }

  Query query(Params params) {
    String q = params.text("q", 200);
    String source = params.text("source", 200);
    if (source != null && !glossary.knowsSource(source)) {
      throw CatalogException.BadParameter.of(
          "source", "problem.notVocabularyOrDocument", Params.echo(source));
    }
    return new Query(q, source, params.number("page", 1, 100_000, 1));
  }

  private List<Term> pageOf(List<Term> all, int page) {
    int from = Math.min(all.size(), (page - 1) * PAGE_SIZE);
    return all.subList(from, Math.min(all.size(), from + PAGE_SIZE));
  }

  void listPage(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Query q = query(Params.query(ctx));
    List<Term> found = glossary.search(q.q(), q.source());
    pages.render(
        ctx,
        "glossary.jte",
        new GlossaryPageModels.ListPage(
            pages.layout(ctx, t, t.get("glossary.title")),
            q.q() == null ? "" : q.q(),
            q.source() == null ? "" : q.source(),
            vocabularies(t),
            documentChoices(),
            pageOf(found, q.page()),
            found.size(),
            q.page(),
            found.size() > q.page() * PAGE_SIZE,
            q.query()));
  }

  /** The vocabularies as the pages in {@code t}'s language name them. */
  private List<Vocabulary> vocabularies(Messages t) {
    return glossary.vocabularies().stream().map(v -> GlossaryPageModels.localized(v, t)).toList();
  }

  /** The cited documents offered as filters: those that two terms or more cite. */
  private Map<String, Integer> documentChoices() {
    Map<String, Integer> out = new LinkedHashMap<>();
    glossary
        .documents()
        .forEach(
            (doc, n) -> {
              if (n >= 2) {
                out.put(doc, n);
              }
            });
    return out;
  }

  private Term termOr404(String id) {
    return glossary
        .term(id)
        .orElseThrow(() -> new CatalogException.NotFound("glossary term " + Params.echo(id)));
  }

  private GlossaryPageModels.RecordLink recordLink(String id, String lang) {
    Standard s = catalog.find(id).orElse(null);
    return s == null
        ? null
        : new GlossaryPageModels.RecordLink(s.id(), s.identifier(), s.titleIn(lang));
  }

  void termPage(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Term term = termOr404(ctx.pathParam("id"));
    List<Glossary.Link> links = glossary.links(term.id());
    List<GlossaryPageModels.Side> sides = new ArrayList<>();
    Set<String> notices = new LinkedHashSet<>();
    notices.add(term.vocabulary());
    for (Definition d : term.definitions()) {
      sides.add(side(term, d, null, t.lang()));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (Glossary.Link l : links) {
      labels.put(l.other().id(), l.other().labelIn(t.lang()));
      if (l.type() == MappingType.RELATED) {
        continue; // side by side: the terms of the same, a wider or a narrower meaning
      }
      notices.add(l.other().vocabulary());
      for (Definition d : l.other().definitions()) {
        sides.add(side(l.other(), d, l.type().wire(), t.lang()));
      }
    }
    List<GlossaryPageModels.RecordLink> standards = new ArrayList<>();
    for (String id : records.standards(term)) {
      GlossaryPageModels.RecordLink r = recordLink(id, t.lang());
      if (r != null) {
        standards.add(r);
      }
    }
    List<MappingEvent> history = named(ctx, glossary.history(term.id(), HISTORY));
    for (MappingEvent e : history) {
      glossary.term(e.from()).ifPresent(x -> labels.put(x.id(), x.labelIn(t.lang())));
      glossary.term(e.to()).ifPresent(x -> labels.put(x.id(), x.labelIn(t.lang())));
    }
    Map<String, String> names = new LinkedHashMap<>();
    vocabularies(t).forEach(v -> names.put(v.id(), v.name()));
    List<Vocabulary> shown = new ArrayList<>();
    notices.forEach(
        id ->
            glossary
                .vocabulary(id)
                .map(v -> GlossaryPageModels.localized(v, t))
                .ifPresent(shown::add));
    pages.render(
        ctx,
        "glossary-term.jte",
        new GlossaryPageModels.TermPage(
            pages.layout(ctx, t, term.labelIn(t.lang())),
            term,
            GlossaryPageModels.localized(glossary.vocabulary(term.vocabulary()).orElseThrow(), t),
            sides,
            links,
            standards,
            history,
            shown,
            labels,
            names));
  }

  private GlossaryPageModels.Side side(Term term, Definition d, String relation, String lang) {
    GlossaryPageModels.RecordLink record =
        records.recordOf(d.document()).map(id -> recordLink(id, lang)).orElse(null);
    return new GlossaryPageModels.Side(term, d, relation, record);
  }

  // ---- the API

  /** A definition as the API gives it (SPEC §9). */
  public record DefinitionView(
      String text, String language, String source, String record, String url) {}

  /** A mapping as the API gives it, from the term's side. */
  public record MappingView(
      String type, String target, boolean confirmed, double score, String evidence) {}

  /** A term as the API gives it (SPEC §9). */
  public record TermView(
      String id,
      String vocabulary,
      Map<String, String> label,
      List<DefinitionView> definitions,
      List<MappingView> mappings,
      List<String> standards) {}

  TermView view(Term term) {
    List<DefinitionView> defs = new ArrayList<>();
    for (Definition d : term.definitions()) {
      defs.add(
          new DefinitionView(
              d.text(),
              d.language(),
              d.source(),
              records.recordOf(d.document()).orElse(null),
              d.url()));
    }
    List<MappingView> maps = new ArrayList<>();
    for (Glossary.Link l : glossary.links(term.id())) {
      maps.add(
          new MappingView(
              l.type().wire(),
              l.other().id(),
              l.confirmed(),
              l.mapping().score(),
              l.mapping().evidence()));
    }
    return new TermView(
        term.id(), term.vocabulary(), term.label(), defs, maps, records.standards(term));
  }

  void listApi(Context ctx) {
    Query q = query(Params.query(ctx));
    List<Term> found = glossary.search(q.q(), q.source());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", found.size());
    out.put("page", q.page());
    out.put("size", PAGE_SIZE);
    out.put("items", pageOf(found, q.page()).stream().map(this::view).toList());
    out.put("vocabularies", glossary.vocabularies());
    ctx.json(out);
  }

  void termApi(Context ctx) {
    ctx.json(view(termOr404(ctx.pathParam("id"))));
  }

  void turtle(Context ctx) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    skos.turtle(WatchRoutes.base(ctx, behindProxy), out);
    ctx.contentType("text/turtle; charset=utf-8").result(out.toByteArray());
  }

  void jsonLd(Context ctx) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    skos.jsonLd(WatchRoutes.base(ctx, behindProxy), out);
    ctx.contentType("application/ld+json; charset=utf-8").result(out.toByteArray());
  }

  // ---- the review of mappings

  /** The queue's filters, validated. */
  record Filter(MappingState state, MappingType type, double minScore, int page) {
    String query() {
      StringBuilder q = new StringBuilder();
      q.append("state=").append(state.wire()).append('&');
      if (type != null) {
        q.append("type=").append(type.wire()).append('&');
      }
      q.append("min=").append(Math.round(minScore * 100));
      return q.toString();
    }
  }

  Filter filter(Params params) {
    MappingState state = params.choice("state", STATES, MappingState.PENDING);
    MappingType type = params.choice("type", TYPES, null);
    int min = params.number("min", 0, 100, 0);
    int page = params.number("page", 1, 1000, 1);
    return new Filter(state, type, min / 100.0, page);
  }

  /** {@code events}, each actor as the viewer of {@code ctx} may see it ({@link PublicActors}). */
  private List<MappingEvent> named(Context ctx, List<MappingEvent> events) {
    UnaryOperator<String> names = actors.names(ctx);
    return events.stream()
        .map(
            e ->
                new MappingEvent(
                    e.seq(),
                    e.from(),
                    e.to(),
                    e.type(),
                    e.decision(),
                    names.apply(e.actor()),
                    e.at()))
        .toList();
  }

  /** A page of the queue, and whether another follows. */
  record Rows(List<GlossaryPageModels.MappingRow> rows, boolean more) {}

  /** A page of the queue; each decision's actor named by {@code names} ({@link PublicActors}). */
  Rows rows(Filter f, UnaryOperator<String> names) {
    List<Mapping> got =
        glossary.queue(
            f.state(), f.type(), f.minScore(), PAGE_SIZE + 1, (f.page() - 1) * PAGE_SIZE);
    List<GlossaryPageModels.MappingRow> out = new ArrayList<>();
    for (Mapping m : got.subList(0, Math.min(PAGE_SIZE, got.size()))) {
      Term from = glossary.term(m.from()).orElse(null);
      Term to = glossary.term(m.to()).orElse(null);
      if (from != null && to != null) {
        Mapping shown =
            new Mapping(
                m.from(),
                m.to(),
                m.type(),
                m.score(),
                m.evidence(),
                m.state(),
                m.actor() == null ? null : names.apply(m.actor()),
                m.decidedAt());
        out.add(new GlossaryPageModels.MappingRow(shown, from, to));
      }
    }
    return new Rows(out, got.size() > PAGE_SIZE);
  }

  void reviewPage(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Params query = Params.query(ctx);
    Filter f = filter(query);
    Integer changed =
        query.has("changed") ? query.number("changed", 0, 2 * MAX_DECISIONS, 0) : null;
    Rows rows = rows(f, actors.names(ctx));
    Map<String, String> names = new LinkedHashMap<>();
    vocabularies(t).forEach(v -> names.put(v.id(), v.name()));
    pages.render(
        ctx,
        "mappings.jte",
        new GlossaryPageModels.ReviewPage(
            pages.layout(ctx, t, t.get("mappings.title")),
            f.state().wire(),
            f.type() == null ? "" : f.type().wire(),
            Math.round(f.minScore() * 100),
            f.page(),
            f.query(),
            glossary.counts(),
            rows.rows(),
            rows.more(),
            access.user(ctx).isPresent() ? access.formToken(ctx) : null,
            changed,
            names,
            query.has("nothing")));
  }

  private MappingDecision decision(String at, String item, boolean confirm, MappingType as) {
    Matcher m = ITEM.matcher(item);
    MappingType type = m.matches() ? TYPES.get(m.group(3)) : null;
    if (type == null) {
      throw CatalogException.BadParameter.of(at, "problem.namesNoMapping", Params.echo(item));
    }
    return new MappingDecision(m.group(1), m.group(2), type, confirm, as);
  }

  /** {@code d}, when it names a mapping there is; else refused, naming the mapping. */
  private MappingDecision known(String at, MappingDecision d) {
    if (!glossary.decidable(d)) {
      throw CatalogException.BadParameter.of(
          at,
          "problem.noMappingToDecide",
          d.type().wire(),
          Params.echo(d.from()),
          Params.echo(d.to()));
    }
    return d;
  }

  /** The page's form: the chosen mappings confirmed (perhaps as another relation) or rejected. */
  void decide(Context ctx) {
    String actor = access.require(ctx, Permission.CONFIRM_MAPPINGS).email();
    Params form = Params.form(ctx);
    Filter back = filter(form);
    boolean confirm = form.choice("decision", DECISIONS);
    MappingType as = form.choice("as", TYPES, null);
    List<MappingDecision> decisions = new ArrayList<>();
    for (String item : form.all("item", MAX_DECISIONS, 450)) {
      decisions.add(known("item", decision("item", item, confirm, as)));
    }
    if (decisions.isEmpty()) {
      // Nothing ticked: back to the same view of the queue, which says so.
      ctx.redirect("/review/mappings?" + back.query() + "&nothing=1", HttpStatus.SEE_OTHER);
      return;
    }
    int changed = glossary.decide(decisions, actor);
    note(ctx, decisions, changed);
    ctx.redirect("/review/mappings?" + back.query() + "&changed=" + changed, HttpStatus.SEE_OTHER);
  }

  /** The body of {@code POST /api/v1/mappings/decisions}. */
  public record DecisionsBody(List<DecisionItem> decisions) {}

  /** One decision: the mapping (from, to, type), confirm or reject, and optionally as what. */
  public record DecisionItem(String from, String to, String type, String decision, String as) {}

  void decideApi(Context ctx) {
    String actor = access.require(ctx, Permission.CONFIRM_MAPPINGS).email();
    DecisionsBody body = ctx.bodyAsClass(DecisionsBody.class);
    if (body == null || body.decisions() == null) {
      throw CatalogException.BadParameter.of("decisions", "invalid.required");
    }
    if (body.decisions().size() > MAX_DECISIONS) {
      throw CatalogException.BadParameter.of(
          "decisions", "problem.moreThanAtOnce", String.valueOf(MAX_DECISIONS));
    }
    List<MappingDecision> decisions = new ArrayList<>();
    for (int i = 0; i < body.decisions().size(); i++) {
      DecisionItem d = body.decisions().get(i);
      String at = "decisions[" + i + "]";
      if (d == null || d.from() == null || d.to() == null || d.type() == null) {
        throw CatalogException.BadParameter.of(at, "problem.mappingDecisionFields");
      }
      MappingType type = TYPES.get(d.type());
      if (type == null) {
        throw CatalogException.BadParameter.of(
            at + ".type", "problem.notSkosRelation", Params.echo(d.type()));
      }
      Boolean confirm = d.decision() == null ? null : DECISIONS.get(d.decision());
      if (confirm == null) {
        throw CatalogException.BadParameter.of(
            at + ".decision",
            "invalid.notOneOf",
            Params.echo(String.valueOf(d.decision())),
            "confirm, reject");
      }
      MappingType as = null;
      if (d.as() != null) {
        as = TYPES.get(d.as());
        if (as == null) {
          throw CatalogException.BadParameter.of(
              at + ".as", "problem.notSkosRelation", Params.echo(d.as()));
        }
      }
      decisions.add(known(at, new MappingDecision(d.from(), d.to(), type, confirm, as)));
    }
    int changed = glossary.decide(decisions, actor);
    note(ctx, decisions, changed);
    ctx.json(Map.of("changed", changed));
  }

  /** A mapping in the queue, as the API gives it. */
  public record QueueItem(
      String from,
      String to,
      String type,
      double score,
      String evidence,
      String state,
      String actor,
      String decidedAt) {}

  void queueApi(Context ctx) {
    Filter f = filter(Params.query(ctx));
    Map<String, Long> counts = new LinkedHashMap<>();
    glossary.counts().forEach((s, n) -> counts.put(s.wire(), n));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("page", f.page());
    out.put("size", PAGE_SIZE);
    out.put("counts", counts);
    out.put(
        "items",
        rows(f, actors.names(ctx)).rows().stream()
            .map(
                r ->
                    new QueueItem(
                        r.mapping().from(),
                        r.mapping().to(),
                        r.mapping().type().wire(),
                        r.mapping().score(),
                        r.mapping().evidence(),
                        r.mapping().state().wire(),
                        r.mapping().actor(),
                        r.mapping().decidedAt() == null
                            ? null
                            : r.mapping().decidedAt().toString()))
            .toList());
    ctx.json(out);
  }

  /** An event of a mapping's history, as the API gives it. */
  public record EventView(
      long seq, String from, String to, String type, String decision, String actor, String at) {}

  void historyApi(Context ctx) {
    String term = Params.query(ctx).text("term", 200);
    if (term != null) {
      termOr404(term);
    }
    ctx.json(
        Map.of(
            "items",
            named(ctx, glossary.history(term, HISTORY)).stream()
                .map(
                    e ->
                        new EventView(
                            e.seq(),
                            e.from(),
                            e.to(),
                            e.type().wire(),
                            e.decision().wire(),
                            e.actor(),
                            e.at().toString()))
                .toList()));
  }

  /** The audit line: what was decided, on which mappings. */
  private static void note(Context ctx, List<MappingDecision> decisions, int changed) {
    StringBuilder detail = new StringBuilder().append("changed ").append(changed).append(':');
    for (MappingDecision d : decisions) {
      detail
          .append(' ')
          .append(d.confirmed() ? '+' : '-')
          .append(d.from())
          .append(' ')
          .append(d.decidedType().wire())
          .append(' ')
          .append(d.to());
    }
    AuditRecorder.note(ctx, "mapping-decisions", null, detail.toString());
  }
}
