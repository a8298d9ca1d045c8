package org.aisx.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.account.Permission;
import org.aisx.account.User;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Relation;
import org.aisx.catalog.Standard;
import org.aisx.learn.Resource;
import org.aisx.learn.Resources;
import org.aisx.submission.Action;
import org.aisx.submission.Decision;
import org.aisx.submission.FieldPolicy;
import org.aisx.submission.Submission;
import org.aisx.submission.SubmissionKind;
import org.aisx.submission.SubmissionState;
import org.aisx.submission.Submissions;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.TaxonomySource;

/**
 * The submission form, "My submissions", the review queue with its side-by-side comparison and
 * decisions, and the required-field policy editor. Plain forms with the CSRF token; no script.
 */
public final class SubmissionPages implements Routes {
  /** The form's inputs, in the order of the form; title and abstract per language. */
  private static final List<String> TEXT_INPUTS =
      List.of(
          "identifier",
          "sdo",
          "committee",
          "type",
          "status",
          "stage",
          "published",
          "edition",
          "url");

  /**
   * The fields compared side by side: every field of the record, in its own order (the one its JSON
   * has), but the id (it follows the identifier), machine suggestions and provenance.
   */
  private static final List<String> DIFFED =
      Standard.FIELDS.stream()
          .filter(
              f ->
                  !java.util.Set.of("id", "suggestions", "source", "revision", "fieldSources")
                      .contains(f))
          .toList();

  private static final Map<String, String> ACTIONS =
      Params.options("create", "create", "update", "update");
  private static final Map<String, Decision> DECISIONS =
      Params.options(Decision.values(), Decision::wire);
  private static final int MAX_POLICY_FIELDS = 100;
  private static final int MAX_FIELD_NAME = 100;
  private static final int MAX_RESOURCE_INPUT = 10_000;
  private static final int MAX_RESOURCE_ID = 300;

  /** The most relation rows a form is read for (the record's own plus the empty ones to add). */
  private static final int MAX_RELATION_ROWS = 500;

  /** A problem of one relation the form sent: {@code relations[2].target}. */
  private static final Pattern RELATION_PROBLEM = Pattern.compile("^relations\\[(\\d+)\\](.*)$");

  private static final int MAX_CONCEPTS = 100;
  private static final int MAX_CONCEPT_ID = 100;

  private final Submissions submissions;
  private final SubmissionApi api;
  private final Catalog catalog;
  private final Resources resources;
  private final Access access;
  private final I18n i18n;
  private final PageRenderer pages;
  private final PublicActors actors;
  private final TaxonomySource taxonomy;

  public SubmissionPages(
      Submissions submissions,
      SubmissionApi api,
      Catalog catalog,
      Resources resources,
      Access access,
      I18n i18n,
      PageRenderer pages,
      PublicActors actors,
      TaxonomySource taxonomy) {
    this.actors = actors;
    this.taxonomy = taxonomy;
    this.submissions = submissions;
    this.api = api;
    this.catalog = catalog;
    this.resources = resources;
    this.access = access;
    this.i18n = i18n;
    this.pages = pages;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/submissions/new", this::form);
    router.post("/submissions", this::submit);
    router.get("/submissions/mine", this::mine); // before /submissions/{id}, which would match it
    router.get("/submissions/{id}", this::show);
    router.get("/submissions/{id}/edit", this::editForm);
    router.post("/submissions/{id}", this::resubmit);
    router.post("/submissions/{id}/decision", this::decide);
    router.post("/submissions/{id}/withdraw", this::withdraw);
    router.post("/submissions/{id}/rebase", this::rebase);
    router.get("/review/submissions", this::queue);
    router.get("/review/field-policy", this::policy);
    router.post("/review/field-policy", this::setPolicy);
  }

  /**
   * {@code GET /submissions/new[?record=ID]}: an empty form, or one filled from the record; {@code
   * ?proposal=resource[&standard=ID]}: the form proposing a learning resource; {@code
   * ?proposal=resource&resource=ID}: the form proposing a correction of that resource, filled with
   * its values as they are (404 when there is none).
   */
  void form(Context ctx) {
    User user = access.requireSignedIn(ctx);
    Params query = Params.query(ctx);
    if ("resource".equals(query.text("proposal"))) {
      String correcting = query.text("resource", MAX_RESOURCE_ID);
      if (correcting != null) {
        Resource r = resources.get(correcting);
        renderResourceForm(ctx, ResourceFormState.CORRECTION, inputs(r), List.of(), HttpStatus.OK);
        return;
      }
      Map<String, String> values = new LinkedHashMap<>();
      String standard = query.text("standard", 300);
      if (standard != null && catalog.find(standard).isPresent()) {
        values.put("standards", standard);
      }
      renderResourceForm(ctx, ResourceFormState.NEW, values, List.of(), HttpStatus.OK);
      return;
    }
    String recordId = query.text("record");
    Map<String, String> values = new LinkedHashMap<>();
    if (recordId != null) {
      Standard s = catalog.get(recordId);
      values.putAll(inputs(s));
      renderForm(ctx, "update", s.id(), s.revision(), null, values, List.of(), HttpStatus.OK);
    } else {
      if (user.bodies().size() == 1) {
        values.put("sdo", user.bodies().iterator().next());
      }
      renderForm(ctx, "create", null, null, null, values, List.of(), HttpStatus.OK);
    }
  }

  /** {@code POST /submissions}: the form sent; back to the form with every problem marked. */
  void submit(Context ctx) {
    access.requireSignedIn(ctx);
    Params form = Params.form(ctx);
    if ("resource".equals(form.text("proposal"))) {
      submitResource(ctx, form, null);
      return;
    }
    Map<String, String> values = values(form);
    String action = form.choice("action", ACTIONS, "create");
    String recordId = form.text("recordId");
    Integer base = revision(form, "baseRevision");
    // A change starts from the record as it is, so the fields the form does not show are kept.
    ObjectNode start =
        "update".equals(action) && recordId != null
            ? catalog
                .find(recordId)
                .map(r -> (ObjectNode) submissions.asJson(r))
                .orElseGet(JsonNodeFactory.instance::objectNode)
            : JsonNodeFactory.instance.objectNode();
    keepUnsent(values, start);
    Submissions.Draft draft;
    try {
      draft = submissions.draft(body(action, recordId, base, start, values));
    } catch (CatalogException.Invalid e) {
      renderForm(
          ctx,
          action,
          recordId,
          base,
          null,
          values,
          formProblems(e.problems(), values),
          HttpStatus.BAD_REQUEST);
      return;
    } catch (CatalogException.AlreadyExists e) {
      renderForm(
          ctx,
          new FormState(action, recordId, base, null, null, e.existingId()),
          values,
          e.problems(),
          HttpStatus.CONFLICT);
      return;
    } catch (CatalogException.Conflict e) {
      // The record moved on since the form was opened: the form again (409) on the current
      // revision, with the author's own changes kept and saying what changed, not an error page
      // that loses what was typed.
      start.put("id", recordId);
      Submissions.Rebase now = submissions.rebase(recordId, base, start).orElse(null);
      renderForm(
          ctx,
          new FormState(
              action,
              recordId,
              now == null ? e.currentRevision() : now.currentRevision(),
              null,
              now,
              null),
          now == null ? values : inputs(submissions.standard(now.record())),
          List.of(),
          HttpStatus.CONFLICT);
      return;
    }
    if (refused(ctx, draft, new FormState(action, recordId, base, null, null, null), values)) {
      return;
    }
    User author = access.require(ctx, permission(draft), draft.bodies());
    Submission s = submissions.submit(draft, author);
    ctx.redirect("/submissions/" + s.id(), HttpStatus.SEE_OTHER);
  }

  /**
   * Whether the caller may not send {@code draft} for its bodies: then the form is shown again,
   * with everything typed, the refusal marked on the standards body (403).
   */
  private boolean refused(
      Context ctx, Submissions.Draft draft, FormState state, Map<String, String> values) {
    Permission needed = permission(draft);
    if (access.may(ctx, needed, draft.bodies())) {
      return false;
    }
    renderForm(
        ctx,
        state,
        values,
        List.of(new org.aisx.catalog.Problem("sdo", access.refusal(ctx, needed, draft.bodies()))),
        HttpStatus.FORBIDDEN);
    return true;
  }

  /** {@code GET /submissions/{id}/edit}: the author's form to resubmit after changes requested. */
  void editForm(Context ctx) {
    Submission s = api.visible(ctx, ctx.pathParam("id"));
    if (!s.authorId().equals(access.requireSignedIn(ctx).id())) {
      // Another contributor of its body reads it, but only its author edits it.
      access.require(ctx, Permission.VIEW_REVIEW_QUEUE);
    }
    if (s.kind() == SubmissionKind.RESOURCE) {
      renderResourceForm(
          ctx,
          new ResourceFormState(s.action(), s.id(), null),
          inputs(s.resource()),
          List.of(),
          HttpStatus.OK);
      return;
    }
    Submissions.Rebase rebase = submissions.rebase(s).orElse(null);
    if (rebase != null) {
      // The record moved on: the form starts from it (the author's own changes kept), and says
      // what changed; sending it bases the submission on the current revision.
      renderForm(
          ctx,
          new FormState(
              s.action().wire(), s.recordId(), rebase.currentRevision(), s.id(), rebase, null),
          inputs(submissions.standard(rebase.record())),
          List.of(),
          HttpStatus.OK);
      return;
    }
    renderForm(
        ctx,
        s.action().wire(),
        s.recordId(),
        s.baseRevision(),
        s.id(),
        inputs(s.record()),
        List.of(),
        HttpStatus.OK);
  }

  /** {@code POST /submissions/{id}}: the resubmission. */
  void resubmit(Context ctx) {
    Submission s = submissions.resubmittable(ctx.pathParam("id"), access.requireSignedIn(ctx));
    Params form = Params.form(ctx);
    if (s.kind() == SubmissionKind.RESOURCE) {
      submitResource(ctx, form, s);
      return;
    }
    Map<String, String> values = values(form);
    Integer base = s.action() == Action.UPDATE ? revision(form, "baseRevision") : null;
    // The fields the form does not show are kept as submitted, or, when the author resubmits on
    // the record's current revision (the edit form offered it), as rebased onto it.
    Submissions.Rebase rebase = submissions.rebase(s).orElse(null);
    ObjectNode start =
        rebase != null && base != null && base == rebase.currentRevision()
            ? rebase.record().deepCopy()
            : (ObjectNode) submissions.asJson(s.record());
    keepUnsent(values, start);
    FormState state = new FormState(s.action().wire(), s.recordId(), base, s.id(), null, null);
    Submissions.Draft draft;
    try {
      draft = submissions.draft(body(s.action().wire(), s.recordId(), base, start, values));
    } catch (CatalogException.Invalid e) {
      renderForm(ctx, state, values, formProblems(e.problems(), values), HttpStatus.BAD_REQUEST);
      return;
    } catch (CatalogException.AlreadyExists e) {
      renderForm(
          ctx,
          new FormState(s.action().wire(), s.recordId(), base, s.id(), null, e.existingId()),
          values,
          e.problems(),
          HttpStatus.CONFLICT);
      return;
    } catch (CatalogException.Conflict e) {
      // The record moved on since the form's revision: the form again, with what was typed, on the
      // current revision and saying what changed, for the author to look at and send again.
      Submissions.Rebase now = submissions.rebase(s).orElse(null);
      renderForm(
          ctx,
          new FormState(
              s.action().wire(),
              s.recordId(),
              now == null ? e.currentRevision() : now.currentRevision(),
              s.id(),
              now,
              null),
          values,
          List.of(),
          HttpStatus.CONFLICT);
      return;
    }
    if (refused(ctx, draft, state, values)) {
      return;
    }
    User author = access.require(ctx, permission(draft), draft.bodies());
    submissions.resubmit(s.id(), draft, author);
    ctx.redirect("/submissions/" + s.id(), HttpStatus.SEE_OTHER);
  }

  /** {@code POST /submissions/{id}/withdraw}: the author takes the submission back. */
  void withdraw(Context ctx) {
    User author = access.requireSignedIn(ctx);
    Submission s = submissions.withdraw(ctx.pathParam("id"), author);
    ctx.redirect("/submissions/" + s.id(), HttpStatus.SEE_OTHER);
  }

  /**
   * {@code POST /submissions/{id}/rebase}: its author brings a pending submission up to date on the
   * record's current revision ({@link Submissions#updateToCurrent}), choosing with a {@code
   * choices.<field>} radio button ({@code mine} or {@code current}) for each field both changed;
   * {@code revision} is the record's revision the page showed. A choice missing, or a rebase that
   * would change nothing, is the page again (400) with the problem by the form; the record moved on
   * again meanwhile is the page again (409) on the new revision, with the choices made kept. One
   * already up to date (the form sent twice) leads to the submission as it is.
   */
  void rebase(Context ctx) {
    User author = access.requireSignedIn(ctx);
    String id = ctx.pathParam("id");
    Params form = Params.form(ctx);
    Integer seen = revision(form, "revision");
    Map<String, org.aisx.submission.RebaseChoice> choices = new LinkedHashMap<>();
    Map<String, String> chosen = new LinkedHashMap<>();
    for (String field : Standard.FIELDS) {
      org.aisx.submission.RebaseChoice c =
          form.choice("choices." + field, SubmissionApi.CHOICES, null);
      if (c != null) {
        choices.put(field, c);
        chosen.put(field, c.wire());
      }
    }
    try {
      submissions.updateToCurrent(
          id,
          seen,
          choices,
          author,
          draft -> access.require(ctx, permission(draft), draft.bodies()));
    } catch (CatalogException.Invalid e) {
      render(
          ctx,
          submissions.get(id),
          List.of(),
          null,
          new SubmissionPageModels.RebaseForm(e.problems(), chosen),
          HttpStatus.BAD_REQUEST);
      return;
    } catch (CatalogException.Conflict e) {
      render(
          ctx,
          submissions.get(id),
          List.of(),
          null,
          new SubmissionPageModels.RebaseForm(
              List.of(
                  org.aisx.catalog.Problem.of(
                      "revision",
                      "submission.rebaseMovedAgain",
                      String.valueOf(e.currentRevision()))),
              chosen),
          HttpStatus.CONFLICT);
      return;
    } catch (org.aisx.submission.SubmissionException.UpToDate e) {
      // Nothing left to do: sent twice, or brought up to date meanwhile.
    }
    ctx.redirect("/submissions/" + id, HttpStatus.SEE_OTHER);
  }

  private static Permission permission(Submissions.Draft draft) {
    return SubmissionApi.permission(draft);
  }

  /**
   * The resource form sent: a new submission ({@code existing} null; a new resource, or a
   * correction of a listed one, as the form's {@code action} says) or the author's resubmission
   * (its action stays); back to the form with every problem marked.
   */
  private void submitResource(Context ctx, Params form, Submission existing) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : SubmissionPageModels.ResourceForm.TEXT_INPUTS) {
      values.put(name, nullToEmpty(form.text(name, MAX_RESOURCE_INPUT)));
    }
    for (String name : List.of("kind", "level", "format")) {
      values.put(name, nullToEmpty(form.text(name, MAX_RESOURCE_INPUT)));
    }
    Action action =
        existing != null
            ? existing.action()
            : Action.fromWire(form.choice("action", ACTIONS, "create")).orElseThrow();
    ResourceFormState state =
        new ResourceFormState(action, existing == null ? null : existing.id(), null);
    Submissions.Draft draft;
    try {
      // The form has inputs for the English and French titles only: a correction keeps the
      // listed resource's titles in other languages.
      Map<String, String> listedTitles =
          action == Action.UPDATE
              ? resources.find(values.get("id").strip()).map(Resource::title).orElse(Map.of())
              : Map.of();
      draft = submissions.draft(resourceBody(action, values, listedTitles));
    } catch (CatalogException.Invalid e) {
      renderResourceForm(ctx, state, values, e.problems(), HttpStatus.BAD_REQUEST);
      return;
    } catch (CatalogException.NotFound e) {
      // The resource to correct is not (or no longer) listed.
      renderResourceForm(ctx, state, values, e.problems(), HttpStatus.NOT_FOUND);
      return;
    } catch (CatalogException.AlreadyExists e) {
      renderResourceForm(
          ctx,
          new ResourceFormState(action, state.submissionId(), e.existingId()),
          values,
          e.problems(),
          HttpStatus.CONFLICT);
      return;
    }
    User author = access.require(ctx, permission(draft), draft.bodies());
    Submission s =
        existing == null
            ? submissions.submit(draft, author)
            : submissions.resubmit(existing.id(), draft, author);
    ctx.redirect("/submissions/" + s.id(), HttpStatus.SEE_OTHER);
  }

  /**
   * The API body the resource form stands for; {@code listedTitles}: the titles of the resource it
   * corrects (none for a new one), whose languages other than the form's English and French stay.
   */
  private static JsonNode resourceBody(
      Action action, Map<String, String> v, Map<String, String> listedTitles) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode resource = f.objectNode();
    for (String name :
        List.of("id", "provider", "url", "kind", "level", "format", "audience", "start", "end")) {
      set(resource, name, v.get(name));
    }
    ObjectNode listed = resource.putObject("title");
    new TreeMap<>(listedTitles).forEach(listed::put);
    texts(resource, "title", v.get("title_en"), v.get("title_fr"));
    for (String name : List.of("languages", "standards", "concepts")) {
      ArrayNode list = resource.putArray(name);
      for (String item : v.getOrDefault(name, "").split(",")) {
        if (!item.isBlank()) {
          list.add(item.strip());
        }
      }
    }
    ObjectNode body = f.objectNode();
    body.put("kind", "resource");
    body.put("action", action.wire());
    body.set("resource", resource);
    return body;
  }

  /** The resource form's inputs filled from a resource. */
  private static Map<String, String> inputs(Resource r) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("id", r.id());
    v.put("title_en", r.title().getOrDefault("en", ""));
    v.put("title_fr", r.title().getOrDefault("fr", ""));
    v.put("provider", r.provider());
    v.put("url", nullToEmpty(r.url()));
    v.put("kind", r.kind().wire());
    v.put("level", r.level() == null ? "" : r.level().wire());
    v.put("format", r.format() == null ? "" : r.format().wire());
    v.put("languages", String.join(", ", r.languages()));
    v.put("audience", nullToEmpty(r.audience()));
    v.put("start", nullToEmpty(r.start()));
    v.put("end", nullToEmpty(r.end()));
    v.put("standards", String.join(", ", r.standards()));
    v.put("concepts", String.join(", ", r.concepts()));
    return v;
  }

  /**
   * Where a resource form stands: a new resource or a correction ({@code action}), a new submission
   * or the resubmission of {@code submissionId}; {@code existingId} when a new resource's id is
   * taken.
   */
  private record ResourceFormState(Action action, String submissionId, String existingId) {
    static final ResourceFormState NEW = new ResourceFormState(Action.CREATE, null, null);
    static final ResourceFormState CORRECTION = new ResourceFormState(Action.UPDATE, null, null);
  }

  private void renderResourceForm(
      Context ctx,
      ResourceFormState state,
      Map<String, String> values,
      List<org.aisx.catalog.Problem> problems,
      HttpStatus status) {
    Messages t = i18n.forRequest(ctx);
    String submissionId = state.submissionId();
    boolean correction = state.action() == Action.UPDATE;
    String id = values.getOrDefault("id", "");
    ctx.status(status);
    PageRenderer.readAt(
        ctx,
        submissionId != null
            ? "/submissions/" + submissionId + "/edit"
            : correction
                ? "/submissions/new?proposal=resource&resource="
                    + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                : "/submissions/new?proposal=resource");
    pages.render(
        ctx,
        "submit-resource.jte",
        new SubmissionPageModels.ResourceForm(
            pages.layout(
                ctx,
                t,
                submissionId != null
                    ? t.get("submit.resubmitTitle")
                    : correction
                        ? t.isolating("submit.resourceCorrectTitle", id)
                        : t.get("submit.resourceTitle")),
            access.formToken(ctx),
            submissionId == null ? "/submissions" : "/submissions/" + submissionId,
            state.action().wire(),
            submissionId,
            values,
            problems,
            state.existingId()));
  }

  /** {@code GET /submissions/mine}. */
  void mine(Context ctx) {
    User user = access.requireSignedIn(ctx);
    Messages t = i18n.forRequest(ctx);
    List<Submission> own = submissions.by(user);
    pages.render(
        ctx,
        "submissions.jte",
        new SubmissionPageModels.ListPage(
            pages.layout(ctx, t, t.get("submissions.mine")),
            t.get("submissions.mine"),
            t.get("submissions.mineLead"),
            own,
            submissions.pendingOfBodies(user).stream()
                .filter(s -> !s.authorId().equals(user.id()))
                .toList(),
            t.lang(),
            // The author learns that others are open on the same record too.
            submissions.competingCounts(own)));
  }

  /** {@code GET /review/submissions}: pending submissions, oldest first (coordinators). */
  void queue(Context ctx) {
    access.require(ctx, Permission.VIEW_REVIEW_QUEUE);
    Messages t = i18n.forRequest(ctx);
    List<Submission> pending = submissions.inState(SubmissionState.PENDING);
    pages.render(
        ctx,
        "submissions.jte",
        new SubmissionPageModels.ListPage(
            pages.layout(ctx, t, t.get("queue.title")),
            t.get("queue.title"),
            t.get("queue.lead"),
            pending,
            List.of(),
            t.lang(),
            // Submissions on a record others are open on: whichever is approved first moves it.
            submissions.competingCounts(pending)));
  }

  /** {@code GET /submissions/{id}}: the submission against the record as it is now. */
  void show(Context ctx) {
    Submission s = api.visible(ctx, ctx.pathParam("id"));
    render(ctx, s, List.of(), null, HttpStatus.OK);
  }

  /**
   * The submission's page, with its decisions; {@code problems} and {@code typedComment} of a
   * decision the page refused (shown again by the comment field), none else.
   */
  private void render(
      Context ctx,
      Submission s,
      List<org.aisx.catalog.Problem> problems,
      String typedComment,
      HttpStatus status) {
    render(ctx, s, problems, typedComment, SubmissionPageModels.RebaseForm.NEW, status);
  }

  /** {@link #render} with the author's rebase form as last sent. */
  private void render(
      Context ctx,
      Submission s,
      List<org.aisx.catalog.Problem> problems,
      String typedComment,
      SubmissionPageModels.RebaseForm rebaseForm,
      HttpStatus status) {
    User viewer = access.requireSignedIn(ctx);
    Messages t = i18n.forRequest(ctx);
    boolean resource = s.kind() == SubmissionKind.RESOURCE;
    Standard current = resource ? null : catalog.find(s.recordId()).orElse(null);
    // A correction is compared with the resource as it is now, not as it was when proposed.
    Resource listed =
        resource && s.action() == Action.UPDATE
            ? resources.find(s.resource().id()).orElse(null)
            : null;
    boolean canDecide = s.state() == SubmissionState.PENDING && mayDecide(ctx);
    boolean canResubmit =
        s.state() == SubmissionState.CHANGES_REQUESTED && s.authorId().equals(viewer.id());
    boolean canWithdraw =
        (s.state() == SubmissionState.PENDING || s.state() == SubmissionState.CHANGES_REQUESTED)
            && s.authorId().equals(viewer.id());
    // Not applied yet: the relations to another body's record that accepting it will hold.
    List<Relation> held = api.held(s);
    List<Submissions.FieldMoved> moved =
        Submissions.isOpen(s) ? submissions.movedSinceBase(s) : List.of();
    boolean byViewer = s.authorId().equals(viewer.id());
    // The author brings it up to date while it waits for review; with changes requested, the edit
    // form does (it starts from the record as it is now).
    boolean canRebase =
        byViewer
            && s.state() == SubmissionState.PENDING
            && s.kind() == SubmissionKind.RECORD
            && current != null
            && s.baseRevision() != null
            && current.revision() != s.baseRevision();
    java.util.function.UnaryOperator<String> names = actors.names(ctx);
    Map<String, String> changedBy = new LinkedHashMap<>();
    for (Submissions.FieldMoved m : moved) {
      String who =
          ActorLabels.who(m.actor() == null ? null : names.apply(m.actor()), m.source(), t);
      String via = ActorLabels.via(m.actor(), m.source(), t);
      if (!who.isEmpty()) {
        changedBy.put(m.field(), via == null ? who : who + " (" + via + ")");
      }
    }
    ctx.status(status);
    pages.render(
        ctx,
        "submission.jte",
        new SubmissionPageModels.Detail(
            pages.layout(ctx, t, t.isolating("submission.title", s.identifier())),
            s,
            s.titleIn(t.lang()),
            resource ? s.action() == Action.CREATE : current == null,
            current == null ? null : current.revision(),
            resource && s.action() == Action.UPDATE && listed == null,
            resource ? diff(listed, s.resource(), t) : diff(current, s.record(), t),
            canDecide,
            canResubmit,
            canWithdraw,
            held,
            access.session(ctx).map(org.aisx.account.Session::csrf).orElse(null),
            submissions.decisions(s.id()),
            problems,
            typedComment == null ? "" : typedComment,
            submissions.competing(s).stream()
                .filter(c -> api.mayRead(ctx, c.submission()))
                .toList(),
            moved,
            byViewer,
            changedBy,
            canRebase,
            rebaseForm,
            submissions.rebases(s.id())));
  }

  private boolean mayDecide(Context ctx) {
    try {
      access.require(ctx, Permission.DECIDE_SUBMISSION);
      return true;
    } catch (io.javalin.http.ForbiddenResponse | io.javalin.http.UnauthorizedResponse no) {
      return false;
    }
  }

  /**
   * {@code POST /submissions/{id}/decision}: the decision form (three buttons). A decision refused
   * for its comment (none where changes are asked for or the submission is rejected, or one too
   * long) is the page again, 400, with the comment as typed and the problem by it.
   */
  void decide(Context ctx) {
    User coordinator = access.require(ctx, Permission.DECIDE_SUBMISSION);
    Params form = Params.form(ctx);
    Decision decision = form.choice("decision", DECISIONS);
    String comment = form.raw("comment");
    String id = ctx.pathParam("id");
    SubmissionApi.noteDecision(ctx, id, decision, comment);
    Submission s;
    try {
      s = submissions.decide(id, decision, comment, coordinator);
    } catch (CatalogException.Invalid e) {
      render(ctx, submissions.get(id), e.problems(), comment, HttpStatus.BAD_REQUEST);
      return;
    } catch (CatalogException.Gone e) {
      // The resource it corrects was deleted meanwhile: the page again (409), saying so, with the
      // comment as typed; nothing was written.
      render(ctx, submissions.get(id), List.of(), comment, HttpStatus.CONFLICT);
      return;
    } catch (CatalogException.Conflict e) {
      // The record moved on since the submission's base (or a new record's identifier was taken
      // meanwhile): the page again (409), the comment as typed, so that the coordinator can ask
      // the author for changes at once; nothing was written.
      render(
          ctx,
          submissions.get(id),
          List.of(org.aisx.catalog.Problem.of("decision", "submission.stale")),
          comment,
          HttpStatus.CONFLICT);
      return;
    } catch (org.aisx.submission.SubmissionException.WrongState e) {
      // Decided meanwhile (a second click, another coordinator) or withdrawn: the page as it now
      // stands (409), saying that this decision was not recorded.
      render(
          ctx,
          submissions.get(id),
          List.of(org.aisx.catalog.Problem.of("decision", "error.message.wrong_state")),
          comment,
          HttpStatus.CONFLICT);
      return;
    }
    ctx.redirect("/submissions/" + s.id(), HttpStatus.SEE_OTHER);
  }

  /** {@code GET /review/field-policy}. */
  void policy(Context ctx) {
    access.require(ctx, Permission.EDIT_FIELD_POLICY);
    renderPolicy(ctx, "1".equals(Params.query(ctx).text("saved")));
  }

  /**
   * {@code POST /review/field-policy}: a new version of the policy. One based on a version someone
   * else replaced meanwhile is the form again (409) on the current version, with the boxes as this
   * editor ticked them and a message saying so; fields that are not the policy's are the form again
   * (400) with the problem.
   */
  void setPolicy(Context ctx) {
    User by = access.require(ctx, Permission.EDIT_FIELD_POLICY);
    Params form = Params.form(ctx);
    Long basedOn = form.number("version", 0, Integer.MAX_VALUE);
    List<String> required = form.all("required", MAX_POLICY_FIELDS, MAX_FIELD_NAME);
    try {
      submissions.setFieldPolicy(required, basedOn == null ? 0 : basedOn.intValue(), by);
    } catch (CatalogException.Conflict stale) {
      renderPolicy(
          ctx,
          false,
          required,
          List.of(
              org.aisx.catalog.Problem.of(
                  "required",
                  "policy.stale",
                  basedOn == null ? "0" : String.valueOf(basedOn),
                  String.valueOf(stale.currentRevision()))),
          HttpStatus.CONFLICT);
      return;
    } catch (CatalogException.Invalid e) {
      renderPolicy(ctx, false, required, e.problems(), HttpStatus.BAD_REQUEST);
      return;
    }
    ctx.redirect("/review/field-policy?saved=1", HttpStatus.SEE_OTHER);
  }

  private void renderPolicy(Context ctx, boolean saved) {
    renderPolicy(ctx, saved, null, List.of(), HttpStatus.OK);
  }

  /**
   * The policy editor on the current version; {@code ticked}: the boxes to show ticked (null: the
   * current policy's), {@code problems}: why the last save was refused.
   */
  private void renderPolicy(
      Context ctx,
      boolean saved,
      List<String> ticked,
      List<org.aisx.catalog.Problem> problems,
      HttpStatus status) {
    Messages t = i18n.forRequest(ctx);
    ctx.status(status);
    FieldPolicy current = submissions.fieldPolicy();
    pages.render(
        ctx,
        "field-policy.jte",
        new SubmissionPageModels.PolicyPage(
            pages.layout(ctx, t, t.get("policy.title")),
            current,
            Submissions.ALWAYS_REQUIRED,
            Submissions.POLICY_FIELDS,
            submissions.fieldPolicyHistory(),
            access.formToken(ctx),
            saved,
            ticked == null ? current.required() : ticked,
            problems));
  }

  /**
   * Where a form stands: a new record, a change to {@code recordId} based on {@code base}, or a
   * resubmission; {@code rebase} when the record moved on since the submission's base revision,
   * {@code existingId} when a new record's identifier is taken.
   */
  private record FormState(
      String action,
      String recordId,
      Integer base,
      String submissionId,
      Submissions.Rebase rebase,
      String existingId) {}

  private void renderForm(
      Context ctx,
      String action,
      String recordId,
      Integer base,
      String submissionId,
      Map<String, String> values,
      List<org.aisx.catalog.Problem> problems,
      HttpStatus status) {
    renderForm(
        ctx,
        new FormState(action, recordId, base, submissionId, null, null),
        values,
        problems,
        status);
  }

  private void renderForm(
      Context ctx,
      FormState state,
      Map<String, String> values,
      List<org.aisx.catalog.Problem> problems,
      HttpStatus status) {
    String action = state.action();
    String recordId = state.recordId();
    Integer base = state.base();
    String submissionId = state.submissionId();
    Messages t = i18n.forRequest(ctx);
    FieldPolicy policy = submissions.fieldPolicy();
    List<String> required = new ArrayList<>(Submissions.ALWAYS_REQUIRED);
    required.addAll(policy.required());
    User user = access.requireSignedIn(ctx);
    ctx.status(status);
    // Shown again after it was sent, the form's links to itself in another language lead to the
    // form's own address, not to the one it was sent to.
    PageRenderer.readAt(
        ctx,
        submissionId != null
            ? "/submissions/" + submissionId + "/edit"
            : "update".equals(action) && recordId != null
                ? "/submissions/new?record="
                    + java.net.URLEncoder.encode(recordId, java.nio.charset.StandardCharsets.UTF_8)
                : "/submissions/new");
    pages.render(
        ctx,
        "submit.jte",
        new SubmissionPageModels.Form(
            pages.layout(
                ctx,
                t,
                submissionId != null
                    ? t.get("submit.resubmitTitle")
                    : "update".equals(action)
                        ? t.isolating("submit.updateTitle", values.getOrDefault("identifier", ""))
                        : t.get("submit.title")),
            access.formToken(ctx),
            submissionId == null ? "/submissions" : "/submissions/" + submissionId,
            action,
            recordId,
            base,
            submissionId,
            values,
            problems,
            required,
            List.copyOf(user.bodies()),
            state.rebase(),
            state.existingId(),
            taxonomy.current()));
  }

  /** The form's values, by input name; empty when not filled in. */
  private static Map<String, String> values(Params form) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : TEXT_INPUTS) {
      values.put(name, nullToEmpty(form.text(name)));
    }
    for (String name : List.of("title_en", "title_fr", "abstract_en", "abstract_fr", "keywords")) {
      values.put(name, nullToEmpty(form.text(name)));
    }
    // The relation rows as sent, each by its row number, the empty ones too: shown again, a
    // problem of a row is marked on that row.
    for (int i = 0; i < MAX_RELATION_ROWS; i++) {
      String type = form.raw(SubmissionPageModels.Form.relationType(i));
      String target = form.raw(SubmissionPageModels.Form.relationTarget(i));
      if (type == null && target == null) {
        break;
      }
      values.put(SubmissionPageModels.Form.relationType(i), nullToEmpty(type).strip());
      values.put(SubmissionPageModels.Form.relationTarget(i), nullToEmpty(target).strip());
    }
    // The open-source select always sends a value: without it, a form from before these inputs
    // (open in a tab across an upgrade) sent none of them, and none is taken as unticked.
    if (form.raw("openSource") != null) {
      for (Dimension d : Dimension.values()) {
        values.put(
            d.recordField(),
            SubmissionPageModels.Form.joinConcepts(
                form.all(d.recordField(), MAX_CONCEPTS, MAX_CONCEPT_ID)));
      }
      values.put("openSource", nullToEmpty(form.text("openSource")));
      values.put("codeRepository", nullToEmpty(form.text("codeRepository")));
    }
    return values;
  }

  /**
   * Fills in {@code v} the inputs a form did not send at all (one rendered before the form had
   * relations, classification and open source) from {@code record}, the record it starts from, so
   * that they are kept as they are rather than emptied.
   */
  private static void keepUnsent(Map<String, String> v, JsonNode record) {
    if (!v.containsKey(SubmissionPageModels.Form.relationTarget(0))
        && record.get("relations") instanceof ArrayNode relations) {
      for (int i = 0; i < relations.size(); i++) {
        v.put(SubmissionPageModels.Form.relationType(i), relations.get(i).path("type").asText(""));
        v.put(
            SubmissionPageModels.Form.relationTarget(i),
            relations.get(i).path("target").asText(""));
      }
    }
    if (!v.containsKey("openSource")) {
      for (Dimension d : Dimension.values()) {
        List<String> ids = new ArrayList<>();
        if (record.get(d.recordField()) instanceof ArrayNode held) {
          held.forEach(id -> ids.add(id.asText()));
        }
        v.put(d.recordField(), SubmissionPageModels.Form.joinConcepts(ids));
      }
      JsonNode openSource = record.path("openSource");
      v.put("openSource", openSource.isBoolean() ? openSource.asText() : "");
      v.put("codeRepository", record.path("codeRepository").asText(""));
    }
  }

  /**
   * The rows of the form's relations that stand for a relation, in order: those with an identifier;
   * a row whose identifier was emptied is a relation removed.
   */
  private static List<Integer> relationRows(Map<String, String> v) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; v.containsKey(SubmissionPageModels.Form.relationTarget(i)); i++) {
      if (!v.get(SubmissionPageModels.Form.relationTarget(i)).isEmpty()) {
        rows.add(i);
      }
    }
    return rows;
  }

  /**
   * The validator's problems as the form marks them: a problem of the {@code n}th relation sent
   * ({@code relations[n].type}) is one of the form's row it came from, empty rows left out before.
   */
  private static List<Problem> formProblems(List<Problem> problems, Map<String, String> v) {
    List<Integer> rows = relationRows(v);
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      Matcher m = RELATION_PROBLEM.matcher(p.field());
      int n = m.matches() ? Integer.parseInt(m.group(1)) : -1;
      out.add(
          n >= 0 && n < rows.size()
              ? new Problem(
                  "relations[" + rows.get(n) + "]" + m.group(2), p.problem(), p.key(), p.args())
              : p);
    }
    return out;
  }

  /** The form's inputs filled from a record. */
  private static Map<String, String> inputs(Standard s) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("identifier", s.identifier());
    v.put("title_en", s.title().getOrDefault("en", ""));
    v.put("title_fr", s.title().getOrDefault("fr", ""));
    v.put("abstract_en", s.summary().getOrDefault("en", ""));
    v.put("abstract_fr", s.summary().getOrDefault("fr", ""));
    v.put("sdo", nullToEmpty(s.sdo()));
    v.put("committee", nullToEmpty(s.committee()));
    v.put("type", s.type() == null ? "" : s.type().wire());
    v.put("status", s.status() == null ? "" : s.status().wire());
    v.put("stage", nullToEmpty(s.stage()));
    v.put("published", nullToEmpty(s.published()));
    v.put("edition", nullToEmpty(s.edition()));
    v.put("url", nullToEmpty(s.url()));
    v.put("keywords", String.join(", ", s.keywords()));
    for (int i = 0; i < s.relations().size(); i++) {
      Relation r = s.relations().get(i);
      v.put(SubmissionPageModels.Form.relationType(i), r.type() == null ? "" : r.type().wire());
      v.put(SubmissionPageModels.Form.relationTarget(i), nullToEmpty(r.target()));
    }
    v.put("verticals", SubmissionPageModels.Form.joinConcepts(s.verticals()));
    v.put("activities", SubmissionPageModels.Form.joinConcepts(s.activities()));
    v.put("applications", SubmissionPageModels.Form.joinConcepts(s.applications()));
    v.put("concerns", SubmissionPageModels.Form.joinConcepts(s.concerns()));
    v.put("openSource", s.openSource() == null ? "" : s.openSource().toString());
    v.put("codeRepository", nullToEmpty(s.codeRepository()));
    return v;
  }

  /**
   * The API body the form stands for: the form's fields set over {@code record} (the record as it
   * is for a proposed change, the submitted one for a resubmission, empty for a new record), so
   * that every field the form does not show is kept as it was.
   */
  private static JsonNode body(
      String action, String recordId, Integer base, ObjectNode record, Map<String, String> v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    for (String name : TEXT_INPUTS) {
      set(record, name, v.get(name));
    }
    record.remove("id");
    texts(record, "title", v.get("title_en"), v.get("title_fr"));
    texts(record, "abstract", v.get("abstract_en"), v.get("abstract_fr"));
    List<String> known = new ArrayList<>();
    if (record.get("keywords") instanceof ArrayNode had) {
      had.forEach(k -> known.add(k.asText()));
    }
    ArrayNode keywords = f.arrayNode();
    keywords(v.getOrDefault("keywords", ""), known).forEach(keywords::add);
    record.set("keywords", keywords);
    ArrayNode relations = f.arrayNode();
    for (int i : relationRows(v)) {
      ObjectNode r = relations.addObject();
      String type = v.get(SubmissionPageModels.Form.relationType(i));
      if (type != null && !type.isEmpty()) {
        r.put("type", type);
      }
      r.put("target", v.get(SubmissionPageModels.Form.relationTarget(i)));
    }
    record.set("relations", relations);
    for (Dimension d : Dimension.values()) {
      ArrayNode ids = record.putArray(d.recordField());
      SubmissionPageModels.Form.splitConcepts(v.getOrDefault(d.recordField(), ""))
          .forEach(ids::add);
    }
    String openSource = v.getOrDefault("openSource", "");
    switch (openSource) {
      case "" -> record.remove("openSource");
      case "true", "false" -> record.put("openSource", Boolean.parseBoolean(openSource));
      default -> record.put("openSource", openSource); // refused by the validator, by the field
    }
    set(record, "codeRepository", v.get("codeRepository"));
    ObjectNode body = f.objectNode();
    body.put("action", action);
    if ("update".equals(action)) {
      body.put("recordId", recordId);
      if (base != null) {
        body.put("baseRevision", base);
      }
    }
    body.set("record", record);
    return body;
  }

  /**
   * The keywords typed in the form's one input, separated by commas. A keyword of the record that
   * holds a comma itself ("Accuracy, Robustness and Cybersecurity", as feeds write them) is shown
   * in the input as it is, and read back whole wherever it is still typed so, rather than split in
   * two by a change of some other field.
   */
  static List<String> keywords(String typed, List<String> known) {
    List<String> withComma = known.stream().filter(k -> k.indexOf(',') >= 0).toList();
    String[] pieces = typed.split(",", -1);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < pieces.length) {
      // The longest run of pieces from here that is a keyword with a comma, else one piece.
      int end = i;
      for (int j = pieces.length - 1; j > i && end == i; j--) {
        String joined = String.join(",", java.util.Arrays.copyOfRange(pieces, i, j + 1)).strip();
        if (withComma.contains(joined)) {
          end = j;
        }
      }
      String keyword = String.join(",", java.util.Arrays.copyOfRange(pieces, i, end + 1)).strip();
      if (!keyword.isEmpty()) {
        out.add(keyword);
      }
      i = end + 1;
    }
    return out;
  }

  private static void set(ObjectNode record, String name, String value) {
    if (value == null || value.isEmpty()) {
      record.remove(name);
    } else {
      record.put(name, value);
    }
  }

  private static void texts(ObjectNode record, String name, String en, String fr) {
    ObjectNode texts =
        record.get(name) instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, String> e : Map.of("en", en, "fr", fr).entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) {
        texts.remove(e.getKey());
      } else {
        texts.put(e.getKey(), e.getValue());
      }
    }
    if (texts.isEmpty()) {
      record.remove(name);
    } else {
      record.set(name, texts);
    }
  }

  /**
   * Field by field: the learning resource as it is now ({@code current}; null: a new one) against
   * the proposed one, each field and value as the pages say them in {@code t}'s language; a field
   * neither has is left out.
   */
  List<SubmissionPageModels.DiffRow> diff(Resource current, Resource proposed, Messages t) {
    return diff(
        current == null ? null : submissions.asJson(current),
        submissions.asJson(proposed),
        Resource.FIELDS,
        t::resourceFieldName,
        (field, v) -> FieldValues.ofResource(t, field, v, "\n"));
  }

  /**
   * Field by field: the record as it is (null: a new record) against the submitted one, each field
   * and value as the pages say them in {@code t}'s language.
   */
  List<SubmissionPageModels.DiffRow> diff(Standard current, Standard proposed, Messages t) {
    return diff(
        current == null ? null : submissions.asJson(current),
        submissions.asJson(proposed),
        DIFFED,
        t::fieldName,
        (field, v) -> FieldValues.ofRecord(t, field, v, "\n"));
  }

  /**
   * The rows of {@code fields} of {@code before} (null: nothing yet) against {@code after}, named
   * by {@code label} and said by {@code value}; a field neither has is left out.
   */
  private static List<SubmissionPageModels.DiffRow> diff(
      JsonNode before,
      JsonNode after,
      List<String> fields,
      java.util.function.UnaryOperator<String> label,
      java.util.function.BiFunction<String, JsonNode, String> value) {
    List<SubmissionPageModels.DiffRow> rows = new ArrayList<>();
    for (String field : fields) {
      JsonNode was = before == null ? null : present(before.get(field));
      JsonNode now = present(after.get(field));
      if (was == null && now == null) {
        continue;
      }
      rows.add(
          new SubmissionPageModels.DiffRow(
              field,
              label.apply(field),
              value.apply(field, was),
              value.apply(field, now),
              !java.util.Objects.equals(was, now)));
    }
    return rows;
  }

  /** A field's value, or null when it has none (absent, null, an empty text, list or object). */
  private static JsonNode present(JsonNode v) {
    if (v == null || v.isNull() || (v.isContainerNode() && v.isEmpty())) {
      return null;
    }
    return v.isTextual() && v.asText().isEmpty() ? null : v;
  }

  /** The revision a form was based on; null when the form names none. */
  private static Integer revision(Params form, String name) {
    Long n = form.number(name, 1, Integer.MAX_VALUE);
    return n == null ? null : n.intValue();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
