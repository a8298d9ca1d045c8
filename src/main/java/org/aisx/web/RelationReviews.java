package org.aisx.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.account.Permission;
import org.aisx.account.Role;
import org.aisx.account.User;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.aisx.catalog.RelationReview;
import org.aisx.catalog.Standard;

/**
 * Relations across bodies held for review ({@link RelationReview}), as API and as a page (plain
 * forms, no script): the target's body's contributors and the coordinators see the queue and
 * approve or refuse; the contributors of the holding record's body see where their requests stand.
 * Who may decide is {@link Permission#DECIDE_RELATION} for the target's body.
 */
public final class RelationReviews implements Routes {
  static final int LIST_LIMIT = 500;

  /** The longest comment on a decision, in characters: the API's, the form's and its textarea's. */
  static final int MAX_COMMENT = 5_000;

  private static final Map<String, RelationReview.State> STATES = states();
  private static final Map<String, Boolean> DECISIONS =
      Params.options("approve", true, "reject", false);

  private final Catalog catalog;
  private final Access access;
  private final PublicActors actors;
  private final I18n i18n;
  private final PageRenderer pages;

  public RelationReviews(
      Catalog catalog, Access access, PublicActors actors, I18n i18n, PageRenderer pages) {
    this.catalog = catalog;
    this.access = access;
    this.actors = actors;
    this.i18n = i18n;
    this.pages = pages;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/api/v1/relation-reviews", this::list);
    router.get("/api/v1/relation-reviews/{id}", this::get);
    router.post("/api/v1/relation-reviews/{id}/decision", this::decideApi);
    router.get("/review/relations", this::page);
    router.post("/review/relations/{id}/decision", this::decidePage);
  }

  private static Map<String, RelationReview.State> states() {
    Map<String, RelationReview.State> states =
        new LinkedHashMap<>(
            Params.options(RelationReview.State.values(), RelationReview.State::wire));
    states.put("all", null);
    return states;
  }

  /** One held relation as the API and the page show it; accounts by body or role. */
  public record View(
      String id,
      String state,
      String type,
      String shownAs,
      String sourceId,
      String sourceIdentifier,
      String sourceBody,
      String targetId,
      String target,
      String targetBody,
      String requestedBy,
      String requestedVia,
      Instant requested,
      String decidedBy,
      Instant decided,
      String comment,
      boolean mayDecide) {}

  /** A held relation with what the caller may do with it. */
  private record Seen(
      RelationReview review, String targetName, String targetBody, boolean mayDecide) {}

  /**
   * The held relation as {@code ctx}'s caller may see it: one who may decide on it (its target's
   * body, a coordinator), or a contributor of the holding record's body; else empty.
   */
  private java.util.Optional<Seen> seen(Context ctx, User user, RelationReview r) {
    Standard target = catalog.find(r.targetId()).orElse(null);
    String targetBody = target == null ? r.targetBody() : target.sdo();
    boolean mayDecide =
        target != null
            && r.state() == RelationReview.State.PENDING
            && access.may(ctx, Permission.DECIDE_RELATION, bodies(targetBody));
    boolean mayRead =
        access.may(ctx, Permission.DECIDE_RELATION, bodies(targetBody))
            || user.belongsTo(r.sourceBody())
            || r.requestedBy().equals(user.email());
    return mayRead
        ? java.util.Optional.of(
            new Seen(r, target == null ? r.target() : target.identifier(), targetBody, mayDecide))
        : java.util.Optional.empty();
  }

  private static List<String> bodies(String body) {
    return body == null ? List.of() : List.of(body);
  }

  private View view(Context ctx, User viewer, Seen seen) {
    RelationReview r = seen.review();
    Messages t = actors.language(ctx);
    boolean admin = viewer.role() == Role.ADMIN;
    return new View(
        r.id(),
        r.state().wire(),
        r.type().wire(),
        r.inverse().wire(),
        r.sourceId(),
        r.sourceIdentifier(),
        r.sourceBody(),
        r.targetId(),
        seen.targetName(),
        seen.targetBody(),
        admin ? r.requestedBy() : actors.publicName(r.requestedBy(), t),
        r.requestedSource(),
        r.requestedAt(),
        r.decidedBy() == null || admin ? r.decidedBy() : actors.publicName(r.decidedBy(), t),
        r.decidedAt(),
        r.comment(),
        seen.mayDecide());
  }

  /**
   * The held relations in the state asked for ({@code pending} unless said) that the caller may
   * see; those whose target is of the holder's own body after all (it moved) are shown as they are.
   */
  private List<View> visible(Context ctx) {
    User user = access.requireSignedIn(ctx);
    RelationReview.State state =
        Params.query(ctx).choice("state", STATES, RelationReview.State.PENDING);
    List<View> out = new ArrayList<>();
    for (RelationReview r : catalog.relationReviews(state, LIST_LIMIT)) {
      seen(ctx, user, r).ifPresent(s -> out.add(view(ctx, user, s)));
    }
    return out;
  }

  /** {@code GET /api/v1/relation-reviews[?state=pending|approved|rejected|all]}. */
  void list(Context ctx) {
    ctx.json(Map.of("items", visible(ctx)));
  }

  /** {@code GET /api/v1/relation-reviews/{id}}. */
  void get(Context ctx) {
    User user = access.requireSignedIn(ctx);
    RelationReview r = catalog.relationReview(ctx.pathParam("id"));
    Seen seen =
        seen(ctx, user, r)
            .orElseThrow(
                () ->
                    new io.javalin.http.ForbiddenResponse(
                        i18n.forRequest(ctx).get("access.forbidden")));
    ctx.json(view(ctx, user, seen));
  }

  /** {@code POST /api/v1/relation-reviews/{id}/decision} with {@code {"decision", "comment"}}. */
  void decideApi(Context ctx) {
    access.requireSignedIn(ctx);
    RelationReview r = catalog.relationReview(ctx.pathParam("id"));
    User by = requireDecider(ctx, r);
    JsonNode body = ctx.bodyAsClass(JsonNode.class);
    List<Problem> problems = new ArrayList<>();
    Boolean approve = null;
    JsonNode d = body == null ? null : body.get("decision");
    if (d == null || d.isNull()) {
      problems.add(Problem.of("decision", "problem.requiredOneOf", "approve, reject"));
    } else if (!d.isTextual()) {
      problems.add(Problem.notString("decision", d));
    } else {
      approve = DECISIONS.get(d.asText());
      if (approve == null) {
        problems.add(Problem.of("decision", "invalid.notOneOf", d.asText(), "approve, reject"));
      }
    }
    JsonNode c = body == null ? null : body.get("comment");
    String comment = null;
    if (c != null && !c.isNull()) {
      if (!c.isTextual()) {
        problems.add(Problem.notString("comment", c));
      } else if (c.asText().length() > MAX_COMMENT) {
        problems.add(tooLong());
      } else {
        comment = c.asText();
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("decision", problems);
    }
    RelationReview decided = catalog.decideRelation(r.id(), approve, comment, by.email());
    Standard target = catalog.get(decided.targetId());
    ctx.json(view(ctx, by, new Seen(decided, target.identifier(), target.sdo(), false)));
  }

  /** The caller, if they may decide on {@code r}: its target's body or a coordinator; else 403. */
  private User requireDecider(Context ctx, RelationReview r) {
    return access.require(ctx, Permission.DECIDE_RELATION, bodies(bodyOf(r)));
  }

  /** The target's body as the catalogue has it now; the target gone is 404. */
  private String bodyOf(RelationReview r) {
    return catalog.get(r.targetId()).sdo();
  }

  /** {@code GET /review/relations[?state=...]}: the queue as a page. */
  void page(Context ctx) {
    render(ctx, Typed.NONE);
  }

  /**
   * The queue as a page, with {@code typed} (a decision's form sent back) shown at its relation.
   */
  private void render(Context ctx, Typed typed) {
    List<View> items = visible(ctx);
    Messages t = i18n.forRequest(ctx);
    RelationReview.State state =
        Params.query(ctx).choice("state", STATES, RelationReview.State.PENDING);
    pages.render(
        ctx,
        "relation-reviews.jte",
        new Page(
            pages.layout(ctx, t, t.get("relations.title")),
            items,
            state == null ? "all" : state.wire(),
            List.copyOf(STATES.keySet()),
            access.formToken(ctx),
            "1".equals(Params.query(ctx).text("already", 2)),
            typed));
  }

  /**
   * {@code POST /review/relations/{id}/decision}: the form's decision; back to the queue. A comment
   * too long is the queue again (400) with the comment as typed and the problem at its field.
   */
  void decidePage(Context ctx) {
    access.requireSignedIn(ctx);
    RelationReview r = catalog.relationReview(ctx.pathParam("id"));
    User by = requireDecider(ctx, r);
    Params form = Params.form(ctx);
    boolean approve = form.choice("decision", DECISIONS);
    String comment = form.text("comment");
    if (comment != null && comment.length() > MAX_COMMENT) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, new Typed(r.id(), comment, List.of(tooLong())));
      return;
    }
    try {
      catalog.decideRelation(r.id(), approve, comment, by.email());
    } catch (CatalogException.AlreadyDecided e) {
      // A second click, or another decider first: the queue says so and shows where it stands.
      ctx.redirect("/review/relations?state=all&already=1", HttpStatus.SEE_OTHER);
      return;
    }
    ctx.redirect("/review/relations", HttpStatus.SEE_OTHER);
  }

  private static Problem tooLong() {
    return Problem.of("comment", "invalid.tooLong", String.valueOf(MAX_COMMENT));
  }

  /**
   * A decision's form sent back: the relation review it was about, the comment as typed, and what
   * was wrong with it.
   */
  public record Typed(String reviewId, String comment, List<Problem> problems) {
    static final Typed NONE = new Typed("", "", List.of());

    /** The comment typed for {@code id}'s form; empty for every other. */
    public String commentFor(String id) {
      return reviewId.equals(id) ? comment : "";
    }

    /** The problems of {@code id}'s form. */
    public List<Problem> problemsFor(String id) {
      return reviewId.equals(id) ? problems : List.of();
    }
  }

  /** The queue page. */
  public record Page(
      PageModels.Layout layout,
      List<View> items,
      String state,
      List<String> states,
      String csrf,
      // Whether a decision just sent found the relation decided already.
      boolean alreadyDecided,
      Typed typed) {
    public Messages t() {
      return layout.t();
    }

    /** The longest comment a decision takes ({@link #MAX_COMMENT}), for the textarea. */
    public int maxComment() {
      return MAX_COMMENT;
    }
  }
}
