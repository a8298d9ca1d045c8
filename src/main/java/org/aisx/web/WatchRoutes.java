package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Standard;
import org.aisx.search.Facet;
import org.aisx.search.SearchRequest;
import org.aisx.taxonomy.TaxonomySource;
import org.aisx.watch.AtomFeed;
import org.aisx.watch.Change;
import org.aisx.watch.ChangePage;
import org.aisx.watch.ChangeQuery;
import org.aisx.watch.Watch;

/**
 * Watching the catalogue: Atom feeds of a search, of a record and of every change, and the public
 * change log as a page and as JSON: the HTTP face of {@code org.aisx.watch}. Parses at the edge and
 * renders; {@link Watch} does the work.
 */
public final class WatchRoutes implements Routes {
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");
  private static final List<String> CHANGE_PARAMS = List.of("since", "before", "limit", "kind");
  private static final Map<String, HistoryEvent.Kind> KINDS =
      Params.options(HistoryEvent.Kind.values(), HistoryEvent.Kind::wire);

  private final Watch watch;
  private final SearchParams params;
  private final TaxonomySource taxonomy;
  private final I18n i18n;
  private final PageRenderer pages;
  private final boolean behindProxy;

  /** Who made each change, as the one asking may see it; a feed names no e-mail address. */
  private final PublicActors actors;

  public WatchRoutes(
      Watch watch,
      SearchParams params,
      TaxonomySource taxonomy,
      I18n i18n,
      PageRenderer pages,
      PublicActors actors,
      boolean behindProxy) {
    this.actors = actors;
    this.watch = watch;
    this.params = params;
    this.taxonomy = taxonomy;
    this.i18n = i18n;
    this.pages = pages;
    this.behindProxy = behindProxy;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/api/v1/changes", this::changesApi);
    router.get("/changes", this::changesPage);
    router.get("/feeds/changes.atom", this::changesFeed);
    router.get("/feeds/search.atom", this::searchFeed);
    router.get("/feeds/standards/{file}", this::recordFeed);
  }

  /**
   * {@code GET /feeds/search.atom?...}: new records and status changes of a search. It takes the
   * search's parameters as the API does (and counts suggestions as the search page does): a
   * parameter it does not take, paging and order among them (a feed has neither), is a 400 naming
   * it and listing those it takes, rather than a feed that silently watches another search.
   */
  void searchFeed(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    SearchRequest request = params.parseUnpaged(Params.query(ctx), true, List.of());
    List<Change> changes = watch.ofSearch(request, Watch.FEED_ENTRIES);
    String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
    String described = describe(request, t);
    feed(
        ctx,
        t,
        "/feeds/search.atom" + query,
        "/search" + query,
        described.isEmpty() ? t.get("watch.feed.all") : t.get("watch.feed.search", described),
        t.get("watch.feed.searchSubtitle"),
        changes);
  }

  /**
   * Refuses any parameter but {@code lang} on a feed that takes none (of a record, of a suite, of
   * the catalogue), as the API refuses a parameter an endpoint does not take: {@code
   * /feeds/changes.atom?since=...} is a 400 naming {@code since}, not the whole log.
   */
  static void takesNoParameters(Context ctx) {
    Params.query(ctx).onlyKnown(List.of());
  }

  /** {@code GET /feeds/standards/{id}.atom}: every change to one record. */
  void recordFeed(Context ctx) {
    takesNoParameters(ctx);
    Messages t = i18n.forRequest(ctx);
    String file = ctx.pathParam("file");
    if (!file.endsWith(".atom")) {
      throw new NotFoundResponse(t.get("watch.noFeed"));
    }
    String id = file.substring(0, file.length() - ".atom".length());
    List<Change> changes = watch.ofRecord(id, Watch.FEED_ENTRIES);
    Standard s = changes.isEmpty() ? null : changes.get(0).record();
    String name =
        s == null
            ? id
            : s.untitled() ? s.identifier() : s.identifier() + " — " + s.titleIn(t.lang());
    feed(
        ctx,
        t,
        "/feeds/standards/" + id + ".atom",
        "/standards/" + id,
        t.get("watch.feed.record", name),
        null,
        changes);
  }

  /** {@code GET /feeds/changes.atom}: every change to the catalogue. */
  void changesFeed(Context ctx) {
    takesNoParameters(ctx);
    Messages t = i18n.forRequest(ctx);
    feed(
        ctx,
        t,
        "/feeds/changes.atom",
        "/changes",
        t.get("watch.feed.changes"),
        null,
        watch.recent(Watch.FEED_ENTRIES));
  }

  /** {@code GET /changes}: the public change log. */
  void changesPage(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    ChangeQuery q = changeQuery(ctx, false);
    ChangePage page = visible(ctx, watch.changes(q));
    PageModels.Layout layout =
        pages.layout(ctx, t, t.get("changes.title")).withFeed("/feeds/changes.atom");
    pages.render(
        ctx,
        "changes.jte",
        new PageModels.ChangesPage(
            layout,
            page,
            page.next() == null ? null : "/changes?" + cursor(q, page.next()),
            ctx.queryString() != null && !ctx.queryString().isEmpty()));
  }

  /** {@code GET /api/v1/changes}: the change log as JSON, newest first, paged by a cursor. */
  void changesApi(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    ChangeQuery q = changeQuery(ctx, true);
    ChangePage page = visible(ctx, watch.changes(q));
    List<ApiViews.ChangeItem> items = new ArrayList<>();
    for (HistoryEvent e : page.events()) {
      items.add(ApiViews.ChangeItem.of(e, page.records().get(e.recordId()), t.lang()));
    }
    ctx.json(
        new ApiViews.Changes(
            items, page.next() == null ? null : "/api/v1/changes?" + cursor(q, page.next())));
  }

  private ChangePage visible(Context ctx, ChangePage page) {
    return new ChangePage(actors.forViewer(ctx, page.events()), page.records(), page.next());
  }

  private static String cursor(ChangeQuery q, long next) {
    StringBuilder b = new StringBuilder("before=").append(next);
    if (q.since() != null) {
      b.append("&since=").append(q.since());
    }
    q.kinds().stream()
        .map(HistoryEvent.Kind::wire)
        .sorted()
        .forEach(k -> b.append("&kind=").append(k));
    if (q.limit() != ChangeQuery.DEFAULT_LIMIT) {
      b.append("&limit=").append(q.limit());
    }
    return b.toString();
  }

  /** The change log's parameters, or a 400 naming the bad one. */
  static ChangeQuery changeQuery(Context ctx, boolean strict) {
    Params params = Params.query(ctx);
    if (strict) {
      params.onlyKnown(CHANGE_PARAMS);
    }
    Instant since = since(params.text("since"));
    Long before = params.number("before", 1, Long.MAX_VALUE);
    int limit = params.number("limit", 1, ChangeQuery.MAX_LIMIT, ChangeQuery.DEFAULT_LIMIT);
    Set<HistoryEvent.Kind> kinds = EnumSet.noneOf(HistoryEvent.Kind.class);
    kinds.addAll(params.choices("kind", KINDS));
    return new ChangeQuery(before, since, kinds, limit);
  }

  private static Instant since(String value) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw CatalogException.BadParameter.of("since", "problem.notDateOrTime", Params.echo(value));
    }
  }

  void feed(
      Context ctx,
      Messages t,
      String self,
      String alternate,
      String title,
      String subtitle,
      List<Change> changes) {
    String base = base(ctx);
    List<AtomFeed.Entry> entries = new ArrayList<>();
    for (Change c : changes) {
      entries.add(entry(c, t, base));
    }
    Instant updated =
        changes.stream().map(Change::at).max(Instant::compareTo).orElse(Instant.EPOCH);
    AtomFeed feed =
        new AtomFeed(
            "urn:uuid:"
                + java.util.UUID.nameUUIDFromBytes(
                    ("aisx:feed:" + self).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            t.get("site.name") + t.colon() + title,
            subtitle,
            base + self,
            base + alternate,
            updated,
            t.lang(),
            entries);
    EntityTags.answer(
        ctx,
        feed.xml().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        AtomFeed.MEDIA_TYPE + "; charset=utf-8",
        updated);
  }

  private AtomFeed.Entry entry(Change c, Messages t, String base) {
    Standard s = c.record();
    String identifier = c.identifier();
    String title;
    List<String> lines = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    HistoryEvent status =
        c.events().stream()
            .filter(e -> e.kind() == HistoryEvent.Kind.STATUS_CHANGED)
            .findFirst()
            .orElse(null);
    List<String> fields = new ArrayList<>();
    HistoryValues.Shown decided = null;
    for (HistoryEvent e : c.events()) {
      String kind = e.kind().wire();
      if (!categories.contains(kind)) {
        categories.add(kind);
      }
      if (e.field() != null) {
        String field = HistoryValues.field(e, t);
        if (!fields.contains(field)) {
          fields.add(field);
        }
        HistoryValues.Shown shown = HistoryValues.of(e, t);
        decided = shown;
        lines.add(
            t.get(
                "watch.entry.line",
                HistoryValues.field(e, t),
                shown.oldValue() == null ? "∅" : shown.oldValue(),
                shown.newValue() == null ? "∅" : shown.newValue(),
                t.forward()));
      }
    }
    if (c.has(HistoryEvent.Kind.CREATED)) {
      String created = createdTitle(c, s, t);
      title =
          created.isEmpty()
              ? t.get("watch.entry.createdUntitled", identifier)
              : t.get("watch.entry.created", identifier, created);
      if (s != null) {
        lines.add(0, s.abstractIn(t.lang()));
      }
    } else if (c.relationDecision()) {
      HistoryEvent e = c.events().get(0);
      title =
          t.get(
              "watch.entry.event",
              identifier,
              t.get("history." + e.kind().wire()),
              decided == null || decided.newValue() == null ? "" : decided.newValue());
    } else if (status != null) {
      title =
          t.get(
              "watch.entry.status",
              identifier,
              statusLabel(status.oldValue(), t),
              statusLabel(status.newValue(), t),
              t.forward());
    } else {
      title = t.get("watch.entry.changed", identifier, t.list(fields));
    }
    // Who as a page names them: a person by name, a process by its label in the feed's language.
    String author =
        ActorLabels.who(c.actor() == null ? null : actors.publicName(c.actor(), t), c.source(), t);
    if (c.source() != null) {
      lines.add(t.get("watch.entry.source", ActorLabels.source(c.source(), t)));
    }
    return new AtomFeed.Entry(
        c.atomId(),
        title,
        c.at(),
        base + "/standards/" + c.recordId(),
        String.join("\n", lines),
        author,
        categories);
  }

  /**
   * The title a "New" entry names: the one the record was created with, in the feed's language when
   * the record still has that title; an event written before the title was kept, or a record no
   * longer stored, falls back to what is known now.
   */
  private static String createdTitle(Change c, Standard s, Messages t) {
    String then =
        c.events().stream()
            .filter(e -> e.kind() == HistoryEvent.Kind.CREATED)
            .map(HistoryEvent::newValue)
            .filter(v -> v != null && !v.isBlank())
            .findFirst()
            .orElse(null);
    if (s != null && (then == null || then.equals(s.titleIn("en")))) {
      return s.titleIn(t.lang());
    }
    return then == null ? "" : then;
  }

  private static String statusLabel(String wire, Messages t) {
    if (wire == null) {
      return "∅";
    }
    return org.aisx.catalog.Status.fromWire(wire).map(x -> t.get("status." + wire)).orElse(wire);
  }

  /** What a search asks for, in words: its text and filter values. */
  private String describe(SearchRequest r, Messages t) {
    List<String> parts = new ArrayList<>();
    if (!r.q().isEmpty()) {
      parts.add("“" + r.q() + "”");
    }
    Map<Facet, List<String>> sorted = new LinkedHashMap<>();
    for (Facet f : Facet.values()) {
      if (r.filters().containsKey(f)) {
        sorted.put(f, r.filters().get(f));
      }
    }
    sorted.forEach(
        (f, values) -> {
          List<String> labels = new ArrayList<>();
          values.forEach(v -> labels.add(ApiViews.facetLabel(f, v, taxonomy.current(), t)));
          parts.add(String.join(" / ", labels));
        });
    if (r.fromYear() != null || r.toYear() != null) {
      parts.add(
          (r.fromYear() == null ? "" : r.fromYear())
              + "–"
              + (r.toYear() == null ? "" : r.toYear()));
    }
    return String.join(" · ", parts);
  }

  /**
   * This site's address as the client used it, for the absolute links a feed needs; a Host header
   * that is not a host name falls back to localhost.
   */
  String base(Context ctx) {
    return base(ctx, behindProxy);
  }

  /** {@link #base(Context)} for any part of the web layer (the glossary's SKOS export). */
  static String base(Context ctx, boolean behindProxy) {
    String scheme = ctx.scheme();
    if (behindProxy && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))) {
      scheme = "https";
    }
    String host = ctx.host();
    if (host == null || host.length() > 300 || !HOST.matcher(host).matches()) {
      host = "localhost";
    }
    return ("https".equalsIgnoreCase(scheme) ? "https" : "http") + "://" + host;
  }
}
