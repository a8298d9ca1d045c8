package org.aisx.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.router.JavalinDefaultRouting;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aisx.account.Permission;
import org.aisx.account.User;
import org.aisx.account.WriteLimiter;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Standard;
import org.aisx.suite.Content;
import org.aisx.suite.Edition;
import org.aisx.suite.Publication;
import org.aisx.suite.Report;
import org.aisx.suite.Suite;
import org.aisx.suite.SuiteExports;
import org.aisx.suite.SuiteSuggester;
import org.aisx.suite.Suites;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.TaxonomySource;

/**
 * The suites API (SPEC §7): suggest, create, read (with current statuses, alerts, coverage; and the
 * exports), replace with {@code If-Match}, delete, publish. A suite is changed by its owner or by
 * the holder of its edit key ({@code Authorization: Suite-Key KEY}); a published one also by
 * coordinators. Anonymous creation has a limit of its own per client address.
 */
public final class SuiteApi implements Routes {
  /** Anonymous suites one address may create per window. */
  static final int ANONYMOUS_PER_ADDRESS = 20;

  static final Duration ANONYMOUS_WINDOW = Duration.ofMinutes(10);

  /** The cookie that holds a suite's edit key in the browser that created it. */
  static final String KEY_COOKIE = "aisx_suite_";

  private static final Map<String, String> FORMATS =
      Params.options(new String[] {"json", "csv", "bibtex", "ris"}, f -> f);

  private final Suites suites;
  private final PublicActors actors;
  private final SuiteSuggester suggester;
  private final TaxonomySource taxonomy;
  private final Access access;
  private final Clients clients;
  private final WriteLimiter anonymous;
  private final I18n i18n;
  private final WatchRoutes watchRoutes;

  public SuiteApi(
      Suites suites,
      SuiteSuggester suggester,
      TaxonomySource taxonomy,
      Access access,
      Clients clients,
      WriteLimiter anonymous,
      I18n i18n,
      WatchRoutes watchRoutes,
      PublicActors actors) {
    this.actors = actors;
    this.suites = suites;
    this.suggester = suggester;
    this.taxonomy = taxonomy;
    this.access = access;
    this.clients = clients;
    this.anonymous = anonymous;
    this.i18n = i18n;
    this.watchRoutes = watchRoutes;
  }

  /** The limiter of anonymous suite creation the service uses. */
  public static WriteLimiter anonymousLimiter(java.time.Clock clock) {
    return new WriteLimiter(Integer.MAX_VALUE, ANONYMOUS_PER_ADDRESS, ANONYMOUS_WINDOW, clock);
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.post("/api/v1/suites/suggest", this::suggest);
    router.post("/api/v1/suites", this::create);
    router.get("/api/v1/suites", this::list);
    router.get("/api/v1/suites/{id}", this::get);
    router.put("/api/v1/suites/{id}", this::put);
    router.delete("/api/v1/suites/{id}", this::delete);
    router.post("/api/v1/suites/{id}/publish", this::publish);
    router.get("/api/v1/suites/{id}/history", this::history);
  }

  // ---- the JSON views ----

  record RecordRef(String id, String identifier, String title, String sdo, String status) {
    static RecordRef of(Standard s) {
      return s == null
          ? null
          : new RecordRef(s.id(), s.identifier(), s.titleOrNull("en"), s.sdo(), s.status().wire());
    }
  }

  record MemberView(
      String id,
      String identifier,
      String title,
      String sdo,
      String status,
      String published,
      String url,
      String note,
      ReasonView reason,
      String replaces,
      String group,
      boolean inCatalogue,
      List<String> concepts) {
    /**
     * The member; {@code note} is what a person typed, {@code reason} why the suggester proposed
     * it, with its {@code text} in the caller's language, {@code replaces} the identifier of the
     * member it was swapped in for (its note and reason are then about that one).
     */
    static MemberView of(Report.Resolved m, SuitePageModels.Labels words) {
      Standard r = m.record();
      org.aisx.suite.Reason why = m.member().reason();
      return new MemberView(
          m.member().id(),
          m.identifier(),
          r == null ? null : r.titleOrNull("en"),
          r == null ? null : r.sdo(),
          r == null ? "missing" : r.status().wire(),
          r == null ? null : r.published(),
          r == null ? null : r.url(),
          m.member().note(),
          why == null
              ? null
              : new ReasonView(words.reason(why), why.words(), why.similarity(), why.coming()),
          m.member().replaces(),
          m.group(),
          r != null,
          m.concepts());
    }
  }

  /**
   * Why the suggester proposed a member: said in the caller's language ({@code text}, which a PUT
   * does not read: it is said again in each reader's), and the facts it is said from.
   */
  record ReasonView(String text, List<String> words, Double similarity, boolean coming) {}

  record AlertView(String kind, String member, String memberIdentifier, RecordRef successor) {
    static AlertView of(Report.Alert a) {
      return new AlertView(
          a.kind(), a.memberId(), a.memberIdentifier(), RecordRef.of(a.successor()));
    }
  }

  record CoverageView(List<Report.Coverage> concerns, List<Report.Coverage> verticals) {}

  record Links(String page, String print, String feed, String csv) {
    static Links of(String id) {
      return new Links(
          "/suites/" + id,
          "/suites/" + id + "/print",
          "/feeds/suites/" + id + ".atom",
          "/api/v1/suites/" + id + "?format=csv");
    }
  }

  record SuiteView(
      String id,
      String title,
      String purpose,
      List<String> verticals,
      List<String> concerns,
      String attribution,
      boolean published,
      int publishedVersion,
      boolean unpublishedChanges,
      int version,
      Instant created,
      Instant updated,
      List<MemberView> members,
      List<AlertView> alerts,
      CoverageView coverage,
      List<String> gaps,
      Edition edition,
      Links links,
      String editKey) {
    /**
     * The suite of the report; {@code unpublishedChanges}: a published suite whose working copy
     * (shown to its editors) differs from its latest publication (shown to everyone else).
     */
    static SuiteView of(
        Report r,
        Edition edition,
        SuitePageModels.Labels words,
        String editKey,
        boolean unpublishedChanges) {
      Suite s = r.suite();
      Content c = s.content();
      return new SuiteView(
          s.id(),
          c.title(),
          c.purpose(),
          c.verticals(),
          c.concerns(),
          c.attribution(),
          s.published(),
          s.publishedVersion(),
          unpublishedChanges,
          s.version(),
          s.created(),
          s.updated(),
          r.members().stream().map(m -> MemberView.of(m, words)).toList(),
          r.alerts().stream().map(AlertView::of).toList(),
          new CoverageView(r.concerns(), r.verticals()),
          r.gaps(),
          edition,
          Links.of(s.id()),
          editKey);
    }
  }

  record SuiteSummary(
      String id, String title, String purpose, int members, int publishedVersion, Instant updated) {
    static SuiteSummary of(Suite s) {
      return new SuiteSummary(
          s.id(),
          s.content().title(),
          s.content().purpose(),
          s.content().members().size(),
          s.publishedVersion(),
          s.updated());
    }
  }

  record Reason(List<String> words, Double similarity, List<String> concepts) {}

  record PickView(
      String id,
      String identifier,
      String title,
      String sdo,
      String status,
      boolean coming,
      String url,
      Reason reason) {
    static PickView of(SuiteSuggester.Pick p) {
      Standard s = p.record();
      return new PickView(
          s.id(),
          s.identifier(),
          s.titleOrNull("en"),
          s.sdo(),
          s.status().wire(),
          p.coming(),
          s.url(),
          new Reason(p.words(), p.similarity(), p.concepts()));
    }
  }

  record GroupView(String concern, List<PickView> members) {}

  record ProposalView(
      String text,
      List<String> verticals,
      List<String> concerns,
      boolean understood,
      List<String> sectors,
      List<String> applies,
      List<GroupView> groups,
      List<String> gaps) {
    static ProposalView of(SuiteSuggester.Proposal p) {
      return new ProposalView(
          p.ask().text(),
          p.ask().verticals(),
          p.ask().concerns(),
          p.understood(),
          p.sectors(),
          p.concerns(),
          p.groups().stream()
              .map(g -> new GroupView(g.id(), g.picks().stream().map(PickView::of).toList()))
              .toList(),
          p.gaps());
    }
  }

  // ---- handlers ----

  /** {@code POST /api/v1/suites/suggest}. */
  void suggest(Context ctx) {
    JsonNode body = ctx.bodyAsClass(JsonNode.class);
    ctx.json(ProposalView.of(suggester.suggest(ask(body))));
  }

  /** The fields a suggestion's request may hold. */
  private static final List<String> ASK_FIELDS = List.of("text", "vertical", "concern");

  /** Reads {@code {"text", "vertical": [], "concern": []}}; problems name the field. */
  SuiteSuggester.Ask ask(JsonNode body) {
    List<Problem> problems = new ArrayList<>();
    if (body == null || !body.isObject()) {
      throw new CatalogException.Invalid(
          "suggestion", List.of(Problem.of("body", "invalid.notRecord")));
    }
    JsonNode t = body.get("text");
    String text = null;
    if (t != null && !t.isNull() && !t.isTextual()) {
      problems.add(Problem.notString("text", t));
    } else if (t == null || t.isNull() || t.asText().isBlank()) {
      problems.add(Problem.of("text", "invalid.required"));
    } else if (t.asText().length() > SuiteSuggester.MAX_TEXT) {
      problems.add(Problem.of("text", "invalid.tooLong", String.valueOf(SuiteSuggester.MAX_TEXT)));
    } else {
      text = t.asText().strip();
    }
    List<String> verticals = concepts(body, "vertical", Dimension.VERTICAL, problems);
    List<String> concerns = concepts(body, "concern", Dimension.CONCERN, problems);
    // A misspelt field ("verticals") would otherwise be a suggestion for no sector, silently.
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!ASK_FIELDS.contains(name)) {
                problems.add(
                    Problem.of(name, "invalid.unknownFieldOf", String.join(", ", ASK_FIELDS)));
              }
            });
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("suggestion", problems);
    }
    return new SuiteSuggester.Ask(text, verticals, concerns);
  }

  private List<String> concepts(JsonNode body, String name, Dimension dim, List<Problem> problems) {
    JsonNode v = body.get(name);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      problems.add(Problem.of(name, "suite.problem.notConceptList", dim.id()));
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      String c = v.get(i).asText("");
      if (taxonomy.current().contains(dim, c)) {
        out.add(c);
      } else {
        problems.add(Problem.of(name + "[" + i + "]", "problem.notConceptOfTaxonomy", dim.id()));
      }
    }
    return out;
  }

  /** {@code POST /api/v1/suites}: 201 with the suite, and an edit key for the public. */
  void create(Context ctx) {
    Content content = suites.read(ctx.bodyAsClass(JsonNode.class));
    Suites.Created created = create(ctx, content);
    ctx.header("Location", "/api/v1/suites/" + created.suite().id());
    ctx.header("ETag", etag(created.suite()));
    ctx.status(HttpStatus.CREATED)
        .json(
            SuiteView.of(
                suites.report(created.suite()),
                suites.edition(created.suite(), true),
                labels(ctx),
                created.editKey(),
                false));
  }

  /** Creates the suite for the caller; the public within the anonymous limit. */
  Suites.Created create(Context ctx, Content content) {
    Optional<User> user = access.user(ctx);
    if (user.isEmpty()) {
      Optional<Duration> wait = anonymous.tryWrite(null, clients.address(ctx));
      if (wait.isPresent()) {
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        throw new HttpResponseException(
            HttpStatus.TOO_MANY_REQUESTS.getCode(),
            i18n.forRequest(ctx).get("limit.writes", seconds));
      }
    }
    return suites.create(content, user.orElse(null));
  }

  /**
   * {@code GET /api/v1/suites}: the published suites as they were last published, or the caller's
   * own as they are with {@code mine=true}.
   */
  void list(Context ctx) {
    Params params = Params.query(ctx).onlyKnown(List.of("mine"));
    boolean mine = params.choice("mine", Params.options("true", true, "false", false), false);
    List<Suite> found = mine ? suites.ownedBy(access.requireSignedIn(ctx)) : suites.published();
    ctx.json(Map.of("items", found.stream().map(SuiteSummary::of).toList()));
  }

  /**
   * {@code GET /api/v1/suites/{id}[?format=csv|json|bibtex|ris]}: to its editors the suite as it
   * is, to everyone else a published suite as it was last published ({@link #shown}).
   */
  void get(Context ctx) {
    Params params = Params.query(ctx).onlyKnown(List.of("format"));
    String format = params.choice("format", FORMATS, "json");
    Suite stored = suites.get(ctx.pathParam("id"));
    boolean editor = mayEdit(ctx, stored, ctx.header("Authorization"));
    Suite s = shown(stored, editor);
    Report report = suites.report(s);
    String base = watchRoutes.base(ctx);
    // The answer shows the members as they are now: its ETag is the version and the body's digest
    // (EntityTags), so that a 304 never stands for a body that changed under the same version.
    // The exports say the sectors and the other words a person reads in the caller's language.
    // Each says which state of the suite it is: the working copy to its editors, else the
    // publication the public sees.
    SuitePageModels.Labels words = labels(ctx);
    Edition edition = suites.edition(stored, editor);
    switch (format) {
      case "csv" -> {
        StringBuilder csv = new StringBuilder();
        SuiteExports.csv(report, edition, base, words).forEach(row -> Csv.line(csv, row));
        download(ctx, s, "csv", "text/csv", csv.toString());
      }
      case "bibtex" ->
          download(
              ctx,
              s,
              "bib",
              "application/x-bibtex",
              SuiteExports.bibtex(report, edition, base, words));
      case "ris" ->
          download(
              ctx,
              s,
              "ris",
              "application/x-research-info-systems",
              SuiteExports.ris(report, edition, base, words));
      default ->
          EntityTags.json(
              ctx,
              s.version(),
              SuiteView.of(report, edition, words, null, editor && suites.hasDraft(stored)));
    }
  }

  /**
   * The suite as a caller sees it: its editors (owner, key holder, coordinators of a published one)
   * the working copy; everyone else a published suite's latest publication, so that a change made
   * after publishing is not public until a coordinator publishes it again.
   */
  Suite shown(Suite s, boolean editor) {
    return editor ? s : suites.asPublished(s);
  }

  private static void download(Context ctx, Suite s, String ext, String type, String body) {
    ctx.header(
        "Content-Disposition", "attachment; filename=\"" + SuiteExports.fileName(s, ext) + "\"");
    EntityTags.answer(
        ctx, s.version(), body.getBytes(StandardCharsets.UTF_8), type + "; charset=utf-8");
  }

  /** The words of the caller's language for a suite's answers and exports. */
  private SuitePageModels.Labels labels(Context ctx) {
    return new SuitePageModels.Labels(taxonomy.current(), i18n.forRequest(ctx));
  }

  /** {@code PUT /api/v1/suites/{id}} with {@code If-Match}: 428 without, 412 when stale. */
  void put(Context ctx) {
    Suite s = suites.get(ctx.pathParam("id"));
    requireEditor(ctx, s, ctx.header("Authorization"));
    Messages t = i18n.forRequest(ctx);
    String ifMatch = EntityTags.ifMatch(ctx);
    if (ifMatch == null) {
      throw new HttpResponseException(428, t.get("suite.ifMatchRequired"));
    }
    int expected = EntityTags.revision(ifMatch);
    Content read = suites.read(ctx.bodyAsClass(JsonNode.class));
    // The attribution a licence asks for is not dropped by a body that leaves it out.
    Content content =
        new Content(
            read.title(),
            read.purpose(),
            read.verticals(),
            read.concerns(),
            read.members(),
            read.attribution() != null ? read.attribution() : s.content().attribution());
    Suite saved;
    try {
      saved = suites.save(s.id(), content, expected);
    } catch (Suites.Stale stale) {
      ctx.header("ETag", "\"" + stale.current() + "\"");
      throw new HttpResponseException(412, t.get("suite.stale", expected, stale.current()));
    }
    ctx.header("ETag", etag(saved));
    ctx.json(
        SuiteView.of(
            suites.report(saved),
            suites.edition(saved, true),
            labels(ctx),
            null,
            suites.hasDraft(saved)));
  }

  /**
   * {@code DELETE /api/v1/suites/{id}}: 204; with {@code If-Match}, 412 when the suite moved on
   * from the version it names (a client deleting what it has not seen), as for {@code PUT}.
   */
  void delete(Context ctx) {
    Suite s = suites.get(ctx.pathParam("id"));
    requireEditor(ctx, s, ctx.header("Authorization"));
    String ifMatch = EntityTags.ifMatch(ctx);
    Integer expected = ifMatch == null ? null : EntityTags.revision(ifMatch);
    try {
      suites.delete(s.id(), expected);
    } catch (Suites.Stale stale) {
      ctx.header("ETag", "\"" + stale.current() + "\"");
      throw new HttpResponseException(
          412, i18n.forRequest(ctx).get("suite.stale", expected, stale.current()));
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** {@code POST /api/v1/suites/{id}/publish} (coordinators). */
  void publish(Context ctx) {
    User coordinator = access.require(ctx, Permission.PUBLISH_SUITE);
    Suite published = suites.publish(ctx.pathParam("id"), coordinator);
    ctx.header("ETag", etag(published));
    ctx.json(
        SuiteView.of(
            suites.report(published), suites.edition(published, true), labels(ctx), null, false));
  }

  /** {@code GET /api/v1/suites/{id}/history}: its publications, newest first. */
  void history(Context ctx) {
    List<Publication> found = suites.history(ctx.pathParam("id"));
    List<Map<String, Object>> items = new ArrayList<>();
    java.util.function.UnaryOperator<String> names = actors.names(ctx);
    for (Publication p : found) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("version", p.version());
      item.put("publishedBy", names.apply(p.publishedBy()));
      item.put("publishedAt", p.publishedAt());
      item.put("title", p.content().title());
      item.put("members", p.content().members());
      items.add(item);
    }
    ctx.json(Map.of("items", items));
  }

  static String etag(Suite s) {
    return EntityTags.of(s.version());
  }

  /**
   * The edit key the caller shows: the {@code Suite-Key} header, else this browser's cookie. The
   * cookie is a credential the browser sends by itself, on another site's behalf too: it counts for
   * the pages, whose forms carry the CSRF token, and for reading through the API, never for a
   * change through the API (which takes no CSRF token from a caller without a session), which must
   * show the key itself.
   */
  static String keyOf(Context ctx, String suiteId, String authorization) {
    if (authorization != null
        && authorization.regionMatches(true, 0, Access.SUITE_KEY, 0, Access.SUITE_KEY.length())) {
      return authorization.substring(Access.SUITE_KEY.length()).strip();
    }
    boolean apiWrite =
        ctx.path().startsWith("/api/")
            && ctx.method() != HandlerType.GET
            && ctx.method() != HandlerType.HEAD;
    return apiWrite ? null : ctx.cookie(KEY_COOKIE + suiteId);
  }

  /**
   * Whether the caller may change {@code s}: its owner, its key's holder, or a coordinator. Once a
   * coordinator has published a suite, it is listed on /suites as theirs too: its anonymous edit
   * key no longer changes or deletes it (its signed-in owner and coordinators still may).
   */
  boolean mayEdit(Context ctx, Suite s, String authorization) {
    User user = access.user(ctx).orElse(null);
    if (suites.mayEdit(s, user, s.published() ? null : keyOf(ctx, s.id(), authorization))) {
      return true;
    }
    if (user != null && (s.published() || (s.ownerId() == null && s.keyHash() == null))) {
      try {
        access.require(ctx, Permission.PUBLISH_SUITE);
        return true;
      } catch (ForbiddenResponse notCoordinator) {
        return false;
      }
    }
    return false;
  }

  /** Refuses a caller who may not change {@code s}: 401 with no credentials, else 403. */
  void requireEditor(Context ctx, Suite s, String authorization) {
    if (mayEdit(ctx, s, authorization)) {
      return;
    }
    Messages t = i18n.forRequest(ctx);
    String key = keyOf(ctx, s.id(), authorization);
    if (access.user(ctx).isEmpty() && key == null) {
      throw new UnauthorizedResponse(t.get("suite.keyRequired"));
    }
    if (s.published() && suites.mayEdit(s, null, key)) {
      throw new ForbiddenResponse(t.get("suite.publishedKeyRefused"));
    }
    throw new ForbiddenResponse(t.get("suite.notEditor"));
  }
}
