package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aisx.account.Permission;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Standard;
import org.aisx.classify.Classification;
import org.aisx.classify.Suggestions;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.TaxonomySource;

/**
 * The review queue of machine suggestions, as a page and as API: coordinators filter the pending
 * suggestions by dimension, concept and score, and confirm or reject many at once. Anyone may see
 * the queue; deciding needs a coordinator or an admin.
 */
public final class SuggestionReview implements Routes {
  static final int PAGE_SIZE = 50;
  private static final int MAX_DECISIONS = 500;
  private static final Pattern ITEM =
      Pattern.compile("([a-z0-9-]{1,300})\\|([a-z-]{1,40})\\|([a-z0-9-]{1,100})");
  private static final int MAX_ITEM = 450;
  private static final Map<String, Dimension> DIMENSIONS =
      Params.options(Dimension.values(), Dimension::id);
  private static final Map<String, Boolean> DECISIONS =
      Params.options("confirm", true, "reject", false);

  private final Catalog catalog;
  private final Classification classification;
  private final TaxonomySource taxonomy;
  private final I18n i18n;
  private final PageRenderer pages;
  private final Access access;

  public SuggestionReview(
      Catalog catalog,
      Classification classification,
      TaxonomySource taxonomy,
      I18n i18n,
      PageRenderer pages,
      Access access) {
    this.catalog = catalog;
    this.classification = classification;
    this.taxonomy = taxonomy;
    this.i18n = i18n;
    this.pages = pages;
    this.access = access;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/api/v1/suggestions", this::list);
    router.post("/api/v1/suggestions/decisions", this::decideApi);
    router.get("/review/suggestions", this::page);
    router.post("/review/suggestions", this::decide);
  }

  /** The filters of the queue, validated. */
  record Filter(Dimension dimension, String concept, double minScore, int page) {
    String query() {
      StringBuilder q = new StringBuilder();
      if (dimension != null) {
        q.append("dimension=").append(dimension.id()).append('&');
      }
      if (concept != null) {
        q.append("concept=").append(concept).append('&');
      }
      q.append("min=").append(Math.round(minScore * 100));
      return q.toString();
    }
  }

  Filter filter(Params params) {
    Dimension dim = params.choice("dimension", DIMENSIONS, null);
    String concept = params.text("concept");
    if (concept != null) {
      if (dim == null) {
        throw CatalogException.BadParameter.of("concept", "problem.conceptNeedsDimension");
      }
      if (!taxonomy.current().contains(dim, concept)) {
        throw CatalogException.BadParameter.of(
            "concept", "invalid.notConcept", Params.echo(concept), dim.id());
      }
    }
    int min = params.number("min", 0, 100, 0);
    int page = params.number("page", 1, 1000, 1);
    return new Filter(dim, concept, min / 100.0, page);
  }

  /** A page of the queue, and whether another page follows. */
  record Rows(List<PageModels.ReviewRow> rows, boolean more) {}

  Rows rows(Filter f, String lang) {
    List<PageModels.ReviewRow> out = new ArrayList<>();
    List<Suggestions.Pending> stored =
        classification
            .suggestions()
            .pending(
                f.dimension() == null ? null : f.dimension().id(),
                f.concept(),
                f.minScore(),
                PAGE_SIZE + 1,
                (f.page() - 1) * PAGE_SIZE);
    boolean more = stored.size() > PAGE_SIZE;
    for (Suggestions.Pending p : stored.subList(0, Math.min(PAGE_SIZE, stored.size()))) {
      Standard s = catalog.find(p.recordId()).orElse(null);
      if (s == null
          || !classification.suggestions().madeFromCurrentText(s)
          || s.concepts(p.dimension()).contains(p.suggestion().concept())) {
        continue; // the record is gone, or its text changed since: it will be classified again
      }
      out.add(
          new PageModels.ReviewRow(
              s.id(), s.identifier(), s.titleOrNull(lang), p.dimension(), p.suggestion()));
    }
    return new Rows(out, more);
  }

  void page(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Params query = Params.query(ctx);
    Filter f = filter(query);
    Classification.Outcome outcome = null;
    if (query.has("confirmed")) {
      outcome =
          new Classification.Outcome(
              query.number("confirmed", 0, MAX_DECISIONS, 0),
              query.number("rejected", 0, MAX_DECISIONS, 0),
              query.number("records", 0, MAX_DECISIONS, 0));
    }
    Rows rows = rows(f, t.lang());
    pages.render(
        ctx,
        "suggestions.jte",
        new PageModels.ReviewPage(
            pages.layout(ctx, t, t.get("review.title")),
            taxonomy.current(),
            f.dimension() == null ? "" : f.dimension().id(),
            f.concept() == null ? "" : f.concept(),
            Math.round(f.minScore() * 100),
            f.page(),
            f.query(),
            classification.suggestions().pendingCounts(),
            rows.rows(),
            rows.more(),
            // The decision form only for those who may decide: a contributor gets no buttons that
            // would answer 403.
            access.may(ctx, Permission.CONFIRM_CLASSIFICATION) ? access.formToken(ctx) : null,
            access.user(ctx).isPresent(),
            outcome,
            query.has("nothing")));
  }

  /**
   * The page's form: the chosen suggestions, confirmed or rejected together; then back to the same
   * view of the queue (POST, redirect, GET: reloading the page does not decide again).
   */
  void decide(Context ctx) {
    String actor = access.require(ctx, Permission.CONFIRM_CLASSIFICATION).email();
    Params form = Params.form(ctx);
    Filter back = filter(form);
    boolean confirm = form.choice("decision", DECISIONS);
    List<Suggestions.Decision> decisions = new ArrayList<>();
    for (String item : form.all("item", MAX_DECISIONS, MAX_ITEM)) {
      var m = ITEM.matcher(item);
      if (!m.matches()) {
        throw CatalogException.BadParameter.of(
            "item", "problem.namesNoSuggestion", Params.echo(item));
      }
      decisions.add(new Suggestions.Decision(m.group(1), m.group(2), m.group(3), confirm));
    }
    if (decisions.isEmpty()) {
      // Nothing ticked: back to the same view of the queue, which says so.
      ctx.redirect(
          "/review/suggestions?" + back.query() + "&nothing=1",
          io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    Classification.Outcome outcome = classification.decide(decisions, actor);
    noteDecisions(ctx, decisions, outcome);
    ctx.redirect(
        "/review/suggestions?"
            + back.query()
            + "&confirmed="
            + outcome.confirmed()
            + "&rejected="
            + outcome.rejected()
            + "&records="
            + outcome.records(),
        io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** The API's queue: {@code GET /api/v1/suggestions}. */
  void list(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Filter f = filter(Params.query(ctx));
    ctx.json(
        Map.of(
            "page",
            f.page(),
            "size",
            PAGE_SIZE,
            "pending",
            classification.suggestions().pendingCounts(),
            "items",
            rows(f, t.lang()).rows().stream()
                .map(
                    r ->
                        new ApiViews.PendingSuggestion(
                            r.recordId(),
                            r.identifier(),
                            r.title(),
                            r.dimension(),
                            r.suggestion().concept(),
                            r.suggestion().score(),
                            r.suggestion().evidence(),
                            r.suggestion().terms()))
                .toList()));
  }

  /** The API's decisions: {@code POST /api/v1/suggestions/decisions}. */
  void decideApi(Context ctx) {
    String actor = access.require(ctx, Permission.CONFIRM_CLASSIFICATION).email();
    ApiViews.DecisionsBody body = ctx.bodyAsClass(ApiViews.DecisionsBody.class);
    if (body == null || body.decisions() == null) {
      throw CatalogException.BadParameter.of("decisions", "invalid.required");
    }
    if (body.decisions().size() > MAX_DECISIONS) {
      throw CatalogException.BadParameter.of(
          "decisions", "problem.moreThanAtOnce", String.valueOf(MAX_DECISIONS));
    }
    List<Suggestions.Decision> decisions = new ArrayList<>();
    for (int i = 0; i < body.decisions().size(); i++) {
      ApiViews.DecisionItem d = body.decisions().get(i);
      String at = "decisions[" + i + "]";
      if (d == null || d.recordId() == null || d.dimension() == null || d.concept() == null) {
        throw CatalogException.BadParameter.of(at, "problem.suggestionDecisionFields");
      }
      Boolean confirm = d.decision() == null ? null : DECISIONS.get(d.decision());
      if (confirm == null) {
        throw CatalogException.BadParameter.of(
            at + ".decision",
            "invalid.notOneOf",
            Params.echo(String.valueOf(d.decision())),
            "confirm, reject");
      }
      decisions.add(new Suggestions.Decision(d.recordId(), d.dimension(), d.concept(), confirm));
    }
    Classification.Outcome outcome = classification.decide(decisions, actor);
    noteDecisions(ctx, decisions, outcome);
    ctx.json(outcome);
  }

  /** The audit line: what was decided, on which records. */
  private static void noteDecisions(
      Context ctx, List<Suggestions.Decision> decisions, Classification.Outcome outcome) {
    StringBuilder detail =
        new StringBuilder()
            .append("confirmed ")
            .append(outcome.confirmed())
            .append(", rejected ")
            .append(outcome.rejected())
            .append(", records ")
            .append(outcome.records())
            .append(":");
    for (Suggestions.Decision d : decisions) {
      detail
          .append(' ')
          .append(d.confirmed() ? '+' : '-')
          .append(d.recordId())
          .append('/')
          .append(d.dimension())
          .append('/')
          .append(d.concept());
    }
    AuditRecorder.note(ctx, "classification-decisions", null, detail.toString());
  }
}
