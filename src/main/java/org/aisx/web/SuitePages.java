package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.router.JavalinDefaultRouting;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aisx.account.Permission;
import org.aisx.account.User;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Standard;
import org.aisx.suite.ConcernGroup;
import org.aisx.suite.Content;
import org.aisx.suite.Member;
import org.aisx.suite.Reason;
import org.aisx.suite.Report;
import org.aisx.suite.Suite;
import org.aisx.suite.SuiteSuggester;
import org.aisx.suite.Suites;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;
import org.aisx.taxonomy.TaxonomySource;
import org.aisx.watch.Watch;

/**
 * The suite pages (SPEC §7), plain forms with the CSRF token and no script: {@code /suites} (the
 * published ones, "My suites", and those this browser holds the key of), {@code /suites/new} (from
 * a description, or empty), {@code /suites/{id}} (members by concern with their current status,
 * alerts with a one-click swap, coverage, and for its editors reorder, annotate, remove, rename),
 * {@code /suites/add?record=ID} ("Add to suite" from search results and record pages), the print
 * view, and the Atom feed of changes to a suite's members.
 */
public final class SuitePages implements Routes {
  private static final int KEY_COOKIE_AGE = 60 * 60 * 24 * 365;
  private static final int MAX_HELD = 50;

  private final Suites suites;
  private final SuiteSuggester suggester;
  private final SuiteApi api;
  private final Catalog catalog;
  private final TaxonomySource taxonomy;
  private final Watch watch;
  private final WatchRoutes watchRoutes;
  private final Access access;
  private final I18n i18n;
  private final PageRenderer pages;
  private final OverlapParams records;

  public SuitePages(
      Suites suites,
      SuiteSuggester suggester,
      SuiteApi api,
      Catalog catalog,
      TaxonomySource taxonomy,
      Watch watch,
      WatchRoutes watchRoutes,
      Access access,
      I18n i18n,
      PageRenderer pages,
      OverlapParams records) {
    this.records = records;
    this.suites = suites;
    this.suggester = suggester;
    this.api = api;
    this.catalog = catalog;
    this.taxonomy = taxonomy;
    this.watch = watch;
    this.watchRoutes = watchRoutes;
    this.access = access;
    this.i18n = i18n;
    this.pages = pages;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/suites", this::list);
    router.get("/suites/new", this::newForm);
    router.post("/suites", this::create);
    router.get("/suites/add", this::addForm);
    router.post("/suites/add", this::add);
    router.get("/suites/{id}", this::show);
    router.post("/suites/{id}", this::edit);
    router.get("/suites/{id}/print", this::print);
    router.post("/suites/{id}/publish", this::publish);
    router.get("/feeds/suites/{file}", this::feed);
  }

  private SuitePageModels.Labels labels(Messages t) {
    return new SuitePageModels.Labels(taxonomy.current(), t);
  }

  /** {@code GET /suites}. */
  void list(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Optional<User> user = access.user(ctx);
    pages.render(
        ctx,
        "suites.jte",
        new SuitePageModels.ListPage(
            pages.layout(ctx, t, t.get("suites.title")),
            suites.published(),
            user.map(suites::ownedBy).orElse(List.of()),
            held(ctx),
            user.isPresent()));
  }

  /** The suites whose edit key this browser holds (in cookies), newest first. */
  private List<Suite> held(Context ctx) {
    List<Suite> out = new ArrayList<>();
    for (Map.Entry<String, String> c : ctx.cookieMap().entrySet()) {
      if (out.size() == MAX_HELD || !c.getKey().startsWith(SuiteApi.KEY_COOKIE)) {
        continue;
      }
      suites
          .find(c.getKey().substring(SuiteApi.KEY_COOKIE.length()))
          .filter(s -> suites.mayEdit(s, null, c.getValue()))
          .ifPresent(out::add);
    }
    out.sort((a, b) -> b.updated().compareTo(a.updated()));
    return out;
  }

  /** {@code GET /suites/new[?record=ID]}. */
  void newForm(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    String recordId = Params.query(ctx).text("record", 300);
    Standard record = recordId == null ? null : catalog.get(recordId);
    renderNew(ctx, t, record, List.of(), SuitePageModels.Typed.NONE, HttpStatus.OK);
  }

  private void renderNew(
      Context ctx,
      Messages t,
      Standard record,
      List<org.aisx.catalog.Problem> problems,
      SuitePageModels.Typed typed,
      HttpStatus status) {
    ctx.status(status);
    // Shown again after it was sent (POST /suites), its language links lead to the form.
    PageRenderer.readAt(
        ctx,
        record == null
            ? "/suites/new"
            : "/suites/new?record="
                + java.net.URLEncoder.encode(record.id(), java.nio.charset.StandardCharsets.UTF_8));
    Taxonomy current = taxonomy.current();
    pages.render(
        ctx,
        "suite-new.jte",
        new SuitePageModels.NewPage(
            pages.layout(ctx, t, t.get("suites.new")),
            access.formToken(ctx),
            record,
            // Retired concepts are no longer offered for new suites.
            current.dimension(Dimension.VERTICAL).concepts().values().stream()
                .filter(c -> !c.retired())
                .toList(),
            current.dimension(Dimension.CONCERN).concepts().values().stream()
                .filter(c -> !c.retired() && ConcernGroup.fromId(c.id()).isPresent())
                .toList(),
            labels(t),
            problems,
            typed));
  }

  /**
   * {@code POST /suites}: a new suite from a description (the suggested members, each with the
   * reason it was chosen as its note), or empty, or holding one record.
   */
  void create(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Params form = Params.form(ctx);
    String text = form.text("text", SuiteSuggester.MAX_TEXT);
    String title = form.text("title", Suites.MAX_TITLE);
    String recordId = form.text("record", 300);
    List<String> verticals = form.choices("vertical", concepts(Dimension.VERTICAL));
    List<String> concerns = form.choices("concern", concepts(Dimension.CONCERN));
    // A refused form is shown again with what the user typed and chose, never what was derived
    // from it (the title made from the description, the concerns the description pointed to).
    SuitePageModels.Typed typed = new SuitePageModels.Typed(text, title, verticals, concerns);
    Standard record = recordId == null ? null : catalog.find(recordId).orElse(null);
    List<Member> members = new ArrayList<>();
    if (recordId != null) {
      members.add(suites.memberFor(recordId, null, null));
    }
    if (text != null) {
      SuiteSuggester.Proposal p;
      try {
        p = suggester.suggest(new SuiteSuggester.Ask(text, verticals, concerns));
      } catch (CatalogException.BadParameter e) {
        // The searches the description makes refused it: the form names its own field, never
        // the search's q that the user did not see.
        renderNew(
            ctx,
            t,
            record,
            List.of(org.aisx.catalog.Problem.of("text", "suite.problem.unsearchable")),
            typed,
            HttpStatus.BAD_REQUEST);
        return;
      }
      if (!p.understood()) {
        // Nonsense or only stop words: said so, rather than a suite of general work.
        renderNew(
            ctx,
            t,
            record,
            List.of(org.aisx.catalog.Problem.of("text", "invalid.notUnderstood")),
            typed,
            HttpStatus.BAD_REQUEST);
        return;
      }
      // The suite is for the concerns the description pointed to too, so that its report shows
      // one that no member covers as a gap; and for the sectors the proposal was made for (those
      // chosen, else those the description points to: "a chatbot for bank customers" is finance),
      // which it keeps, shows and reports the coverage of.
      Set<String> forConcerns = new LinkedHashSet<>(concerns);
      forConcerns.addAll(p.concerns());
      concerns = List.copyOf(forConcerns);
      Set<String> forSectors = new LinkedHashSet<>(verticals);
      forSectors.addAll(p.sectors());
      verticals = List.copyOf(forSectors);
      Set<String> ids = new LinkedHashSet<>();
      members.forEach(m -> ids.add(m.id()));
      for (SuiteSuggester.Pick pick : p.picks()) {
        if (ids.add(pick.record().id())) {
          // Why it was proposed, kept as facts: each reader is told it in their language.
          members.add(
              new Member(
                  pick.record().id(),
                  pick.record().identifier(),
                  null,
                  pick.group(),
                  Reason.of(pick)));
        }
      }
    }
    if (title == null) {
      title =
          text != null
              ? shorten(text)
              : members.isEmpty() ? t.get("suite.untitled") : members.get(0).identifier();
    }
    Content content;
    try {
      content = suites.check(new Content(title, text, verticals, concerns, members, null));
    } catch (CatalogException.Invalid e) {
      renderNew(ctx, t, record, e.problems(), typed, HttpStatus.BAD_REQUEST);
      return;
    }
    Suites.Created created = api.create(ctx, content);
    String id = created.suite().id();
    if (created.editKey() != null) {
      ctx.cookie(keyCookie(ctx, id, created.editKey(), KEY_COOKIE_AGE));
      ctx.redirect("/suites/" + id + "?created=1", HttpStatus.SEE_OTHER);
    } else {
      ctx.redirect("/suites/" + id, HttpStatus.SEE_OTHER);
    }
  }

  private static String shorten(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 79) + "…";
  }

  private Map<String, String> concepts(Dimension dim) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    taxonomy.current().dimension(dim).concepts().keySet().forEach(c -> out.put(c, c));
    return out;
  }

  private static Cookie keyCookie(Context ctx, String id, String key, int maxAge) {
    boolean secure =
        "https".equalsIgnoreCase(ctx.scheme())
            || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    return new Cookie(
        SuiteApi.KEY_COOKIE + id, key, "/", maxAge, secure, 0, true, null, null, SameSite.LAX);
  }

  /** {@code GET /suites/{id}[?key=KEY]}: a key in the link is kept in this browser first. */
  void show(Context ctx) {
    Params q = Params.query(ctx);
    Suite s = suites.get(ctx.pathParam("id"));
    String key = q.text("key", 100);
    if (key != null) {
      if (suites.mayEdit(s, null, key)) {
        ctx.cookie(keyCookie(ctx, s.id(), key, KEY_COOKIE_AGE));
      }
      ctx.redirect("/suites/" + s.id(), HttpStatus.SEE_OTHER);
      return;
    }
    render(ctx, s, "1".equals(q.text("created", 2)), SuitePageModels.Refused.NONE, HttpStatus.OK);
  }

  /**
   * The suite's page: to its editors as it is (saying when the public sees an earlier publication),
   * to everyone else a published suite as last published; with the change {@code refused}, if one
   * was.
   */
  private void render(
      Context ctx,
      Suite stored,
      boolean justCreated,
      SuitePageModels.Refused refused,
      HttpStatus status) {
    Messages t = i18n.forRequest(ctx);
    boolean editable = api.mayEdit(ctx, stored, null);
    Suite s = api.shown(stored, editable);
    String heldKey = ctx.cookie(SuiteApi.KEY_COOKIE + s.id());
    String base = watchRoutes.base(ctx);
    ctx.status(status);
    pages.render(
        ctx,
        "suite.jte",
        new SuitePageModels.SuitePage(
            pages.layout(ctx, t, s.content().title()).withFeed("/feeds/suites/" + s.id() + ".atom"),
            suites.report(s),
            editable,
            // This browser holds the key of a suite published since: say why it cannot edit.
            !editable && s.published() && heldKey != null && suites.mayEdit(s, null, heldKey),
            canPublish(ctx),
            editable ? access.formToken(ctx) : null,
            justCreated && editable && heldKey != null ? heldKey : null,
            base + "/suites/" + s.id(),
            labels(t),
            editable && suites.hasDraft(stored),
            refused));
  }

  private boolean canPublish(Context ctx) {
    if (access.user(ctx).isEmpty()) {
      return false;
    }
    try {
      access.require(ctx, Permission.PUBLISH_SUITE);
      return true;
    } catch (io.javalin.http.ForbiddenResponse notCoordinator) {
      return false;
    }
  }

  /**
   * {@code POST /suites/{id}}: one change by its editor, named by {@code op}: {@code up}, {@code
   * down}, {@code remove}, {@code note}, {@code swap} (for {@code successor}) of {@code member};
   * {@code rename}; {@code sectors} (the {@code vertical}s it is for, none for no sector); {@code
   * add} ({@code record}); {@code delete} the suite. A change refused (a record the catalogue does
   * not name, an empty title, a note too long) is the suite's page again, 400, with the problem by
   * its form and what was typed there; for a record, the records the value comes close to, each to
   * add with one click.
   */
  void edit(Context ctx) {
    Suite s = suites.get(ctx.pathParam("id"));
    api.requireEditor(ctx, s, null);
    Params form = Params.form(ctx);
    String op =
        form.choice(
            "op",
            Params.options(
                new String[] {
                  "up", "down", "remove", "note", "swap", "rename", "sectors", "add", "delete"
                },
                o -> o));
    if (op.equals("delete")) {
      suites.delete(s.id());
      ctx.cookie(keyCookie(ctx, s.id(), "", 0));
      ctx.redirect("/suites", HttpStatus.SEE_OTHER);
      return;
    }
    String memberId = form.text("member", 300);
    try {
      change(ctx, s, form, op, memberId);
    } catch (CatalogException.BadParameter | CatalogException.Invalid e) {
      String input =
          switch (op) {
            case "add" -> "record";
            case "rename" -> "title";
            case "note" -> "note";
            default -> null;
          };
      String typed = input == null ? null : form.raw(input);
      List<CatalogException.Choice> choices = List.of();
      if (op.equals("add")
          && typed != null
          && !typed.isBlank()
          && e.problems().stream().anyMatch(p -> "problem.noRecordNamed".equals(p.key()))) {
        try {
          choices = records.closest(typed.strip());
        } catch (CatalogException notSearchable) {
          choices = List.of(); // a value the search refuses comes close to nothing
        }
      }
      // A problem of the whole suite's check names the member's note; the page names its form.
      List<org.aisx.catalog.Problem> problems =
          e.problems().stream()
              .map(
                  p ->
                      p.field().startsWith("members[") && input != null
                          ? new org.aisx.catalog.Problem(input, p.problem(), p.key(), p.args())
                          : p)
              .toList();
      render(
          ctx,
          s,
          false,
          new SuitePageModels.Refused(
              op, op.equals("note") ? memberId : null, problems, typed, choices),
          HttpStatus.BAD_REQUEST);
      return;
    }
    ctx.redirect("/suites/" + s.id() + anchor(op, memberId), HttpStatus.SEE_OTHER);
  }

  /** Applies one change of {@link #edit}, or throws what is wrong with it. */
  private void change(Context ctx, Suite s, Params form, String op, String memberId) {
    Content c = s.content();
    List<Member> members = new ArrayList<>(c.members());
    int at = -1;
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).id().equals(memberId)) {
        at = i;
      }
    }
    Content next =
        switch (op) {
          case "up" -> c.withMembers(move(members, member(at, memberId), -1));
          case "down" -> c.withMembers(move(members, member(at, memberId), 1));
          case "remove" -> {
            members.remove(member(at, memberId));
            yield c.withMembers(members);
          }
          case "note" -> {
            int i = member(at, memberId);
            Member m = members.get(i);
            String typed = form.text("note", Suites.MAX_NOTE);
            // The form shows a suggested member's reason, and what a swapped-in member replaces,
            // in the editor's language: sent back unchanged, they stay facts that each reader is
            // told in their language.
            if ((m.reason() != null || m.replaces() != null)
                && typed != null
                && typed.equals(labels(i18n.forRequest(ctx)).note(m))) {
              yield c;
            }
            members.set(i, m.withNote(typed));
            yield c.withMembers(members);
          }
          case "swap" -> {
            Member old = members.get(member(at, memberId));
            yield suites.swap(
                c, memberId, required(form, "successor"), labels(i18n.forRequest(ctx)).note(old));
          }
          case "rename" -> c.withTitle(required(form, "title"));
          case "sectors" -> c.withVerticals(form.choices("vertical", concepts(Dimension.VERTICAL)));
          default -> {
            Member added = suites.memberFor(required(form, "record"), null, null);
            if (members.stream().anyMatch(m -> m.id().equals(added.id()))) {
              // Said, not done silently: the editor typed a record the suite lists already.
              throw new CatalogException.Invalid(
                  "suite",
                  List.of(
                      org.aisx.catalog.Problem.of(
                          "record", "suite.problem.alreadyMember", added.identifier())));
            }
            members.add(added);
            yield c.withMembers(members);
          }
        };
    if (next.equals(c)) {
      return; // nothing changed (a member moved past an end): no new version
    }
    suites.save(s.id(), suites.check(next), s.version());
  }

  private static String anchor(String op, String memberId) {
    return (op.equals("up") || op.equals("down") || op.equals("note")) && memberId != null
        ? "#m-" + memberId
        : "";
  }

  private static String required(Params form, String name) {
    String v = form.text(name, Suites.MAX_TITLE);
    if (v == null) {
      throw CatalogException.BadParameter.of(name, "invalid.required");
    }
    return v;
  }

  private static int member(int at, String memberId) {
    if (at < 0) {
      throw CatalogException.BadParameter.of(
          "member", memberId == null ? "invalid.required" : "problem.notSuiteMember");
    }
    return at;
  }

  private static List<Member> move(List<Member> members, int i, int by) {
    int j = i + by;
    if (j >= 0 && j < members.size()) {
      Member m = members.get(i);
      members.set(i, members.get(j));
      members.set(j, m);
    }
    return members;
  }

  /** {@code GET /suites/add?record=ID}: the suites the viewer may add it to, or a new one. */
  void addForm(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    String recordId = Params.query(ctx).text("record", 300);
    if (recordId == null) {
      throw CatalogException.BadParameter.of("record", "invalid.required");
    }
    Standard record = catalog.get(recordId);
    pages.render(
        ctx,
        "suite-add.jte",
        new SuitePageModels.AddPage(
            pages.layout(ctx, t, t.isolating("suite.addTitle", record.identifier())),
            record,
            editableSuites(ctx),
            access.formToken(ctx),
            labels(t)));
  }

  private List<Suite> editableSuites(Context ctx) {
    List<Suite> out = new ArrayList<>(held(ctx));
    access
        .user(ctx)
        .ifPresent(
            u ->
                suites.ownedBy(u).stream()
                    .filter(s -> out.stream().noneMatch(o -> o.id().equals(s.id())))
                    .forEach(out::add));
    return out;
  }

  /** {@code POST /suites/add}: adds {@code record} to {@code suite}. */
  void add(Context ctx) {
    Params form = Params.form(ctx);
    String suiteId = required(form, "suite");
    Suite s = suites.get(suiteId);
    api.requireEditor(ctx, s, null);
    Member added = suites.memberFor(required(form, "record"), null, null);
    List<Member> members = new ArrayList<>(s.content().members());
    // A member already: the suite is left as it is, and the page opens at that member.
    if (members.stream().noneMatch(m -> m.id().equals(added.id()))) {
      members.add(added);
      suites.save(s.id(), suites.check(s.content().withMembers(members)), s.version());
    }
    ctx.redirect("/suites/" + s.id() + "#m-" + added.id(), HttpStatus.SEE_OTHER);
  }

  /** {@code POST /suites/{id}/publish} (coordinators). */
  void publish(Context ctx) {
    User coordinator = access.require(ctx, Permission.PUBLISH_SUITE);
    Suite s = suites.publish(ctx.pathParam("id"), coordinator);
    ctx.redirect("/suites/" + s.id(), HttpStatus.SEE_OTHER);
  }

  /** {@code GET /suites/{id}/print}: for a clean PDF from the browser. */
  void print(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Suite stored = suites.get(ctx.pathParam("id"));
    Suite s = api.shown(stored, api.mayEdit(ctx, stored, null));
    Report report = suites.report(s);
    List<String> attributions = new ArrayList<>();
    if (s.content().attribution() != null) {
      attributions.add(s.content().attribution());
    }
    Set<String> bodies = new LinkedHashSet<>();
    report.members().stream()
        .filter(Report.Resolved::inCatalogue)
        .forEach(m -> bodies.add(m.record().sdo()));
    for (String b : bodies) {
      attributions.add(t.isolating("suite.print.bodyData", b));
    }
    pages.render(
        ctx,
        "suite-print.jte",
        new SuitePageModels.PrintPage(
            pages.layout(ctx, t, s.content().title()),
            report,
            LocalDate.now(ZoneOffset.UTC).toString(),
            attributions,
            watchRoutes.base(ctx),
            labels(t)));
  }

  /**
   * {@code GET /feeds/suites/{id}.atom}: every change to the suite's members (a published suite's
   * as last published: a feed reader is the public).
   */
  void feed(Context ctx) {
    WatchRoutes.takesNoParameters(ctx);
    Messages t = i18n.forRequest(ctx);
    String file = ctx.pathParam("file");
    if (!file.endsWith(".atom")) {
      throw new CatalogException.NotFound("feed " + file);
    }
    Suite s = suites.asPublished(suites.get(file.substring(0, file.length() - ".atom".length())));
    watchRoutes.feed(
        ctx,
        t,
        "/feeds/suites/" + s.id() + ".atom",
        "/suites/" + s.id(),
        t.get("suite.feed", s.content().title()),
        t.get("suite.feedSubtitle"),
        watch.ofRecords(
            s.content().members().stream().map(Member::id).toList(), Watch.FEED_ENTRIES));
  }
}
