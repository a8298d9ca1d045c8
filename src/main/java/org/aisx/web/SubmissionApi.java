package org.aisx.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.account.Permission;
import org.aisx.account.User;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Relation;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.catalog.WriteOutcome;
import org.aisx.learn.Resource;
import org.aisx.submission.Decision;
import org.aisx.submission.FieldPolicy;
import org.aisx.submission.RebaseChoice;
import org.aisx.submission.ReviewDecision;
import org.aisx.submission.Submission;
import org.aisx.submission.SubmissionKind;
import org.aisx.submission.SubmissionRebase;
import org.aisx.submission.SubmissionState;
import org.aisx.submission.Submissions;

/**
 * The write API (SPEC §4): submissions, their review, the required-field policy, and direct edits
 * of a record by a coordinator with {@code If-Match}. Parse at the edge, ask the access policy,
 * call the feature.
 */
public final class SubmissionApi implements Routes {
  private static final Map<String, Boolean> YES_NO = Params.options("true", true, "false", false);

  /** The {@code state} filter's values: a state, or {@code all} (null) for every state. */
  private static final Map<String, SubmissionState> STATES = states();

  private final Submissions submissions;
  private final PublicActors actors;
  private final Catalog catalog;
  private final StandardReader reader;
  private final RecordAnswer answer;
  private final Access access;
  private final I18n i18n;

  public SubmissionApi(
      Submissions submissions,
      Catalog catalog,
      StandardReader reader,
      RecordAnswer answer,
      Access access,
      I18n i18n,
      PublicActors actors) {
    this.actors = actors;
    this.submissions = submissions;
    this.catalog = catalog;
    this.reader = reader;
    this.answer = answer;
    this.access = access;
    this.i18n = i18n;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.put("/api/v1/standards/{id}", this::put);
    router.post("/api/v1/submissions", this::submit);
    router.get("/api/v1/submissions", this::list);
    router.get("/api/v1/submissions/{id}", this::get);
    router.put("/api/v1/submissions/{id}", this::resubmit);
    router.post("/api/v1/submissions/{id}/decision", this::decide);
    router.post("/api/v1/submissions/{id}/withdraw", this::withdraw);
    router.post("/api/v1/submissions/{id}/rebase", this::rebase);
    router.get("/api/v1/field-policy", this::fieldPolicy);
  }

  private static Map<String, SubmissionState> states() {
    Map<String, SubmissionState> states =
        new LinkedHashMap<>(Params.options(SubmissionState.values(), SubmissionState::wire));
    states.put("all", null);
    return states;
  }

  /** One submission as the API shows it. */
  record View(
      String id,
      String kind,
      String action,
      String recordId,
      Integer baseRevision,
      String state,
      String author,
      Instant created,
      Instant updated,
      String decidedBy,
      String comment,
      List<DecisionView> decisions,
      Standard record,
      Resource resource,
      List<Relation> heldOnAccept,
      List<CompetingView> competing,
      SinceBaseView changedSinceBase,
      List<RebaseView> rebases) {
    static View of(
        Submission s,
        List<ReviewDecision> decisions,
        List<Relation> heldOnAccept,
        List<CompetingView> competing,
        SinceBaseView changedSinceBase,
        List<SubmissionRebase> rebases) {
      return new View(
          s.id(),
          s.kind().wire(),
          s.action().wire(),
          s.recordId(),
          s.baseRevision(),
          s.state().wire(),
          s.author(),
          s.created(),
          s.updated(),
          s.decidedBy(),
          s.comment(),
          decisions.stream().map(DecisionView::of).toList(),
          s.record(),
          s.resource(),
          heldOnAccept,
          competing,
          changedSinceBase,
          rebases.stream().map(RebaseView::of).toList());
    }
  }

  /**
   * One time the author brought the submission up to date on the record's current revision, as the
   * API shows it.
   */
  record RebaseView(
      int fromRevision,
      int toRevision,
      String by,
      Instant at,
      List<String> kept,
      List<String> taken) {
    static RebaseView of(SubmissionRebase r) {
      return new RebaseView(r.fromRevision(), r.toRevision(), r.by(), r.at(), r.kept(), r.taken());
    }
  }

  /**
   * Another open submission on the same record, as the API shows it: where to read it, its state,
   * its author, the fields it changes and those of them the submission asked about changes too.
   */
  record CompetingView(
      String id,
      String href,
      String state,
      String author,
      List<String> fields,
      List<String> overlapping) {
    static CompetingView of(Submissions.Competing c) {
      Submission o = c.submission();
      return new CompetingView(
          o.id(),
          "/api/v1/submissions/" + o.id(),
          o.state().wire(),
          o.author(),
          c.fields(),
          c.overlapping());
    }
  }

  /**
   * The record moved on since the submission's base revision: to {@code currentRevision}, with
   * {@code fields} changed since, {@code conflicting} those of them the submission changes too.
   */
  record SinceBaseView(
      int baseRevision, int currentRevision, List<String> fields, List<String> conflicting) {}

  /** One decision of a submission's log, as the API shows it. */
  record DecisionView(String decision, String decidedBy, String comment, Instant at) {
    static DecisionView of(ReviewDecision d) {
      return new DecisionView(d.decision().wire(), d.decidedBy(), d.comment(), d.at());
    }
  }

  /**
   * The submission as the API gives it, with the relations to another body's record that accepting
   * it will hold for that body's review (none once decided).
   */
  View view(Submission s, Context ctx) {
    return view(s, ctx, null);
  }

  /**
   * {@link #view(Submission, Context)} with the open submissions read once ({@code open}; null:
   * read them now), for a list.
   */
  View view(Submission s, Context ctx, List<Submission> open) {
    boolean isOpen = Submissions.isOpen(s);
    List<CompetingView> competing = List.of();
    SinceBaseView since = null;
    if (isOpen && s.kind() == SubmissionKind.RECORD) {
      competing =
          submissions.competing(s, open == null ? submissions.open() : open).stream()
              .filter(c -> mayRead(ctx, c.submission()))
              .map(CompetingView::of)
              .toList();
      since =
          submissions
              .rebase(s)
              .map(
                  r ->
                      new SinceBaseView(
                          r.baseRevision(), r.currentRevision(), r.changed(), r.bothChanged()))
              .orElse(null);
    }
    return View.of(
        s, submissions.decisions(s.id()), held(s), competing, since, submissions.rebases(s.id()));
  }

  /**
   * The relations to another body's record that accepting {@code s} will hold for that body's
   * review; none once decided, none for a learning resource.
   */
  List<Relation> held(Submission s) {
    return s.kind() == SubmissionKind.RESOURCE || !Submissions.isOpen(s)
        ? List.of()
        : catalog.wouldHold(s.record(), s.recordId());
  }

  /**
   * Whether the caller of {@code ctx} may read {@code s} ({@link #visible}): its author, a
   * contributor of a body it concerns, or someone who may see the review queue.
   */
  boolean mayRead(Context ctx, Submission s) {
    User user = access.user(ctx).orElse(null);
    if (user == null) {
      return false;
    }
    return s.authorId().equals(user.id())
        || submissions.ofBodiesOf(s, user)
        || access.may(ctx, Permission.VIEW_REVIEW_QUEUE);
  }

  /**
   * A submission's body as sent: its {@code record} may be a record as {@code GET
   * /api/v1/standards/{id}} gave it, read-only fields and all, which are set aside as {@code PUT
   * /api/v1/standards/{id}} sets them aside.
   */
  private static JsonNode submitted(Context ctx) {
    JsonNode body = ctx.bodyAsClass(JsonNode.class);
    if (body != null && body.isObject()) {
      ApiViews.Record.setAsideReadOnly(body.get("record"));
    }
    return body;
  }

  /** {@code POST /api/v1/submissions}. */
  void submit(Context ctx) {
    access.requireSignedIn(ctx);
    Submissions.Draft draft = submissions.draft(submitted(ctx));
    User author = access.require(ctx, permission(draft), draft.bodies());
    Submission s = submissions.submit(draft, author);
    ctx.header("Location", "/api/v1/submissions/" + s.id());
    ctx.status(HttpStatus.CREATED).json(view(s, ctx));
  }

  /** What a draft needs: a resource any contributor may propose, a record only for their bodies. */
  static Permission permission(Submissions.Draft draft) {
    if (draft.kind() == SubmissionKind.RESOURCE) {
      return Permission.SUBMIT_RESOURCE;
    }
    return draft.action() == org.aisx.submission.Action.CREATE
        ? Permission.SUBMIT_CREATE
        : Permission.SUBMIT_UPDATE;
  }

  /** {@code PUT /api/v1/submissions/{id}}: the author resubmits after changes were requested. */
  void resubmit(Context ctx) {
    Submission existing =
        submissions.resubmittable(ctx.pathParam("id"), access.requireSignedIn(ctx));
    Submissions.Draft draft = submissions.draft(submitted(ctx));
    User author = access.require(ctx, permission(draft), draft.bodies());
    ctx.json(view(submissions.resubmit(existing.id(), draft, author), ctx));
  }

  /** {@code POST /api/v1/submissions/{id}/withdraw}: its author takes it back before a decision. */
  void withdraw(Context ctx) {
    User author = access.requireSignedIn(ctx);
    ctx.json(view(submissions.withdraw(ctx.pathParam("id"), author), ctx));
  }

  /** The values of a choice in a rebase, by wire name. */
  static final Map<String, RebaseChoice> CHOICES =
      Params.options(RebaseChoice.values(), RebaseChoice::wire);

  /**
   * {@code POST /api/v1/submissions/{id}/rebase} with {@code {"revision": 3, "choices": {"title":
   * "mine"}}} (both optional; an empty body): its author brings a pending submission up to date on
   * the record's current revision ({@link Submissions#updateToCurrent}).
   */
  void rebase(Context ctx) {
    User author = access.requireSignedIn(ctx);
    JsonNode body = ctx.body().isBlank() ? null : ctx.bodyAsClass(JsonNode.class);
    List<Problem> problems = new ArrayList<>();
    Integer revision = null;
    Map<String, RebaseChoice> choices = new LinkedHashMap<>();
    if (body != null && !body.isNull() && !body.isObject()) {
      problems.add(Problem.of("body", "invalid.notObject"));
    } else if (body != null && !body.isNull()) {
      JsonNode r = body.get("revision");
      if (r != null && !r.isNull()) {
        if (!r.isIntegralNumber() || !r.canConvertToInt() || r.asInt() < 1) {
          problems.add(Problem.of("revision", "problem.notWholeNumberFrom", r.toString(), 1));
        } else {
          revision = r.asInt();
        }
      }
      JsonNode c = body.get("choices");
      if (c != null && !c.isNull() && !c.isObject()) {
        problems.add(Problem.of("choices", "invalid.notObject"));
      } else if (c != null && !c.isNull()) {
        c.fields()
            .forEachRemaining(
                e -> {
                  String field = "choices." + e.getKey();
                  RebaseChoice choice =
                      e.getValue().isTextual() ? CHOICES.get(e.getValue().asText()) : null;
                  if (choice == null) {
                    problems.add(
                        Problem.of(
                            field,
                            "invalid.notOneOf",
                            e.getValue().isTextual()
                                ? e.getValue().asText()
                                : e.getValue().toString(),
                            String.join(", ", CHOICES.keySet())));
                  } else {
                    choices.put(e.getKey(), choice);
                  }
                });
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("rebase", problems);
    }
    Submission s =
        submissions.updateToCurrent(
            ctx.pathParam("id"),
            revision,
            choices,
            author,
            draft -> access.require(ctx, permission(draft), draft.bodies()));
    ctx.json(view(s, ctx));
  }

  /**
   * {@code GET /api/v1/submissions?state=pending}: the queue (coordinators), or {@code mine=true}:
   * the caller's own. Someone who may not see the queue (a contributor) always gets their own, of
   * every state unless {@code state} names one. {@code bodies=true}: the pending submissions of
   * records of the caller's bodies, by anyone (so that two contributors of one body do not propose
   * the same change twice); none for an account of no body.
   */
  void list(Context ctx) {
    Params params = Params.query(ctx);
    List<Submission> found;
    User user = access.requireSignedIn(ctx);
    boolean mine = params.choice("mine", YES_NO, false);
    boolean ofBodies = params.choice("bodies", YES_NO, false);
    if (ofBodies) {
      SubmissionState state = params.choice("state", STATES, SubmissionState.PENDING);
      found =
          submissions.pendingOfBodies(user).stream()
              .filter(s -> state == null || s.state() == state)
              .toList();
    } else if (mine || !access.may(ctx, Permission.VIEW_REVIEW_QUEUE)) {
      SubmissionState state = params.choice("state", STATES, null);
      found =
          submissions.by(user).stream().filter(s -> state == null || s.state() == state).toList();
    } else {
      found = submissions.inState(params.choice("state", STATES, SubmissionState.PENDING));
    }
    List<Submission> open = submissions.open();
    ctx.json(Map.of("items", found.stream().map(s -> view(s, ctx, open)).toList()));
  }

  /** {@code GET /api/v1/submissions/{id}}: its author, contributors of its body, coordinators. */
  void get(Context ctx) {
    Submission s = visible(ctx, ctx.pathParam("id"));
    ctx.json(view(s, ctx));
  }

  /**
   * The submission, if the caller wrote it, belongs to a body it concerns (to read only), or may
   * review submissions; else 401/403.
   */
  Submission visible(Context ctx, String id) {
    User user = access.requireSignedIn(ctx);
    Submission s = submissions.get(id);
    if (!s.authorId().equals(user.id()) && !submissions.ofBodiesOf(s, user)) {
      access.require(ctx, Permission.VIEW_REVIEW_QUEUE);
    }
    return s;
  }

  /** {@code POST /api/v1/submissions/{id}/decision}. */
  void decide(Context ctx) {
    User coordinator = access.require(ctx, Permission.DECIDE_SUBMISSION);
    JsonNode body = ctx.bodyAsClass(JsonNode.class);
    List<Problem> problems = new ArrayList<>();
    Decision decision = null;
    JsonNode d = body == null ? null : body.get("decision");
    if (d == null || d.isNull()) {
      problems.add(Problem.of("decision", "invalid.required"));
    } else if (!d.isTextual()) {
      problems.add(Problem.notString("decision", d));
    } else {
      decision = Decision.fromWire(d.asText()).orElse(null);
      if (decision == null) {
        problems.add(
            Problem.of(
                "decision", "invalid.notOneOf", d.asText(), "approve, reject, changes-requested"));
      }
    }
    JsonNode c = body == null ? null : body.get("comment");
    String comment = null;
    if (c != null && !c.isNull()) {
      if (!c.isTextual()) {
        problems.add(Problem.notString("comment", c));
      } else {
        comment = c.asText();
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("decision", problems);
    }
    String id = ctx.pathParam("id");
    noteDecision(ctx, id, decision, comment);
    ctx.json(view(submissions.decide(id, decision, comment, coordinator), ctx));
  }

  /** How much of a decision's comment its audit line repeats. */
  private static final int AUDIT_COMMENT = 200;

  /**
   * The audit line of a decision (the API's or the page's): which decision on which submission, and
   * the start of its comment, whether or not the decision then goes through.
   */
  static void noteDecision(Context ctx, String id, Decision decision, String comment) {
    String detail = decision.wire();
    if (comment != null && !comment.isBlank()) {
      String c = comment.strip();
      detail +=
          ": "
              + (c.length() > AUDIT_COMMENT ? c.substring(0, AUDIT_COMMENT) + "…" : c)
                  .replaceAll("\\s+", " ");
    }
    AuditRecorder.note(ctx, "submission-decision", "submission " + id, detail);
  }

  /** {@code GET /api/v1/field-policy}: the fields submissions must fill, and its versions. */
  void fieldPolicy(Context ctx) {
    FieldPolicy p = submissions.fieldPolicy();
    java.util.function.UnaryOperator<String> names = actors.names(ctx);
    ctx.json(
        Map.of(
            "version",
            p.version(),
            "alwaysRequired",
            Submissions.ALWAYS_REQUIRED,
            "required",
            p.required(),
            "optional",
            Submissions.POLICY_FIELDS,
            "history",
            submissions.fieldPolicyHistory().stream()
                .map(
                    v ->
                        new FieldPolicy(
                            v.version(), v.required(), names.apply(v.changedBy()), v.changed()))
                .toList()));
  }

  /**
   * {@code PUT /api/v1/standards/{id}} (coordinators): replaces the record, if it is still at the
   * revision named by {@code If-Match}; 428 without it, 412 when it moved on. Answers with the
   * record as {@code GET} gives it then ({@link RecordAnswer}).
   */
  void put(Context ctx) {
    User editor = access.require(ctx, Permission.EDIT_RECORD);
    Messages t = i18n.forRequest(ctx);
    String ifMatch = EntityTags.ifMatch(ctx);
    if (ifMatch == null) {
      throw new HttpResponseException(428, t.get("edit.ifMatchRequired"));
    }
    int expected = EntityTags.revision(ifMatch);
    Standard current = catalog.get(ctx.pathParam("id"));
    if (current.revision() != expected) {
      ctx.header("ETag", EntityTags.of(current.revision()));
      throw new HttpResponseException(412, t.get("edit.stale", expected, current.revision()));
    }
    JsonNode body = ctx.bodyAsClass(JsonNode.class);
    // What GET /api/v1/standards/{id} sends beside the record may come back unchanged.
    ApiViews.Record.setAsideReadOnly(body);
    // Relation targets and the committee as the catalogue writes them, as a submission's are.
    Standard record = catalog.asCatalogued(reader.read(body));
    // The title as GET gave it, without the feed's placeholders (ApiViews.Record), leaves the
    // stored one as it is: sending the record back does not drop them as a person's change.
    if (!record.title().equals(current.title())
        && record.title().equals(Standard.realTitles(current.title()))) {
      record = record.toBuilder().title(current.title()).build();
    }
    if (!record.id().equals(current.id())) {
      throw new CatalogException.Invalid(
          "record",
          List.of(
              Problem.of(
                  "identifier", "submission.problem.identifierStaysInEdit", current.identifier())));
    }
    WriteOutcome outcome;
    try {
      // Who edited is the actor (an address, which only admins see); the source is public.
      outcome = catalog.save(record, editor.email(), "edit:" + editor.role().wire(), expected);
    } catch (CatalogException.Conflict raced) {
      throw new HttpResponseException(412, t.get("edit.stale", expected, raced.currentRevision()));
    }
    // The record as GET gives it after the write: suggestions, relations and provenance beside it.
    answer.send(ctx, outcome.record());
  }
}
