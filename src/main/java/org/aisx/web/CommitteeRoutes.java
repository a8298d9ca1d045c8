package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.catalog.CatalogException;
import org.aisx.committee.Committee;
import org.aisx.committee.Committees;
import org.aisx.search.Facet;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;
import org.aisx.search.SearchResult;
import org.aisx.semantic.HybridSearch;

/**
 * The committees: a page per committee ({@code /committees/{ref}}, the slug of its reference) with
 * what ISO's register says of it and the catalogue's records of it, and the same as JSON ({@code
 * /api/v1/committees/{ref}}). A committee the register does not have (another body's, ITU-T SG13)
 * still has its page when records name it; a name neither knows is a 404 offering the committees it
 * comes close to.
 */
public final class CommitteeRoutes implements Routes {
  /** Records per page of a committee's page. */
  static final int PAGE_SIZE = 20;

  /** The longest committee name looked up. */
  static final int MAX_NAME = 300;

  private final Committees committees;
  private final HybridSearch search;
  private final I18n i18n;
  private final PageRenderer pages;

  public CommitteeRoutes(
      Committees committees, HybridSearch search, I18n i18n, PageRenderer pages) {
    this.committees = committees;
    this.search = search;
    this.i18n = i18n;
    this.pages = pages;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/committees/{ref}", this::page);
    router.get("/api/v1/committees/{ref}", this::api);
  }

  /** The address of the page of the committee named {@code reference}. */
  public static String url(String reference) {
    return "/committees/" + Committee.slugOf(reference);
  }

  /**
   * What is known of one committee: its reference, the register's entry (null when the register
   * does not have it), and its name as the catalogue's records write it (null when none does).
   */
  record Known(String reference, Committee entry, String catalogueName) {}

  /** The committee named {@code given} in any spelling; a near miss or not found otherwise. */
  Known resolve(String given) {
    if (given.length() > MAX_NAME) {
      throw CatalogException.BadParameter.of("ref", "invalid.tooLong", String.valueOf(MAX_NAME));
    }
    String slug = Committee.slugOf(given);
    Committee entry = committees.find(slug).orElse(null);
    SearchIndex index = search.index();
    String name = null;
    if (entry != null && index.knows(Facet.COMMITTEE, entry.reference())) {
      name = entry.reference();
    } else if (!slug.isEmpty()) {
      name =
          index.values(Facet.COMMITTEE).stream()
              .filter(c -> Committee.slugOf(c).equals(slug))
              .findFirst()
              .orElse(null);
    }
    if (entry == null && name == null) {
      throw missed(given, slug);
    }
    return new Known(entry != null ? entry.reference() : name, entry, name);
  }

  /** A name neither the register nor the catalogue knows: the committees it comes close to. */
  private CatalogException missed(String given, String slug) {
    String key = slug.replace("-", "");
    Map<String, String> names = new LinkedHashMap<>(); // slug → label
    Map<String, String> references = new LinkedHashMap<>(); // slug → reference
    if (!key.isEmpty()) {
      for (Committee c : committees.all()) {
        references.put(c.slug(), c.reference());
        names.put(c.slug(), c.title() == null ? c.reference() : c.reference() + " " + c.title());
      }
      for (String c : search.index().values(Facet.COMMITTEE)) {
        references.putIfAbsent(Committee.slugOf(c), c);
        names.putIfAbsent(Committee.slugOf(c), c);
      }
    }
    List<String> close =
        references.keySet().stream()
            .filter(s -> !s.isEmpty())
            .filter(
                s -> {
                  String k = s.replace("-", "");
                  return k.contains(key) || key.contains(k);
                })
            .sorted(
                Comparator.comparingInt(
                        (String s) -> Math.abs(s.replace("-", "").length() - key.length()))
                    .thenComparing(Comparator.naturalOrder()))
            .limit(OverlapParams.CHOICES)
            .toList();
    if (close.isEmpty()) {
      return new CatalogException.NotFound("committee " + Params.echo(given));
    }
    List<CatalogException.Choice> choices = new ArrayList<>();
    close.forEach(s -> choices.add(new CatalogException.Choice(s, names.get(s))));
    return new CatalogException.NearMiss("ref", Params.echo(given), choices);
  }

  void page(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Known known;
    try {
      known = resolve(ctx.pathParam("ref"));
    } catch (CatalogException.NearMiss miss) {
      List<CommitteePageModels.Named> choices = new ArrayList<>();
      miss.choices()
          .forEach(
              c ->
                  choices.add(
                      new CommitteePageModels.Named(c.label(), null, "/committees/" + c.value())));
      pages.error(
          ctx,
          404,
          miss.getMessage(),
          "error.message.committee_near_miss",
          miss.problems(),
          choices);
      return;
    }
    int page = Params.query(ctx).number("page", 1, 100_000, 1);
    // A page past what a search reaches (SearchRequest.MAX_WINDOW) is past the end: no records.
    int reached = Math.min(page, SearchRequest.MAX_WINDOW / PAGE_SIZE);
    SearchResult records = records(known, reached);
    Committee c = known.entry();
    long total = records.total();
    int lastPage = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    String base = url(known.reference());
    pages.render(
        ctx,
        "committee.jte",
        new CommitteePageModels.CommitteePage(
            pages.layout(
                ctx,
                t,
                c != null && c.title() != null
                    ? known.reference() + " " + c.title()
                    : known.reference()),
            known.reference(),
            c != null,
            c == null ? null : c.title(),
            c == null ? null : c.status(),
            c == null ? null : c.secretariat(),
            c == null ? null : c.created(),
            c == null ? null : c.scope(),
            c == null ? null : committees.parent(c).map(this::named).orElse(null),
            c == null ? List.of() : committees.children(c).stream().map(this::named).toList(),
            c == null ? List.of() : liaisons(c),
            c == null ? List.of() : c.organizations(),
            reached == page ? records.items() : List.of(),
            total,
            page,
            lastPage,
            page > 1 ? pageUrl(base, Math.min(page - 1, lastPage)) : null,
            page < lastPage ? pageUrl(base, page + 1) : null,
            pageUrl(base, lastPage),
            known.catalogueName() == null
                ? null
                : "/search?committee=" + PageModels.enc(known.catalogueName())));
  }

  private static String pageUrl(String base, int page) {
    return page == 1 ? base : base + "?page=" + page;
  }

  /** The catalogue's records of the committee, newest first. */
  private SearchResult records(Known known, int page) {
    Map<Facet, List<String>> filter =
        known.catalogueName() == null
            ? Map.of()
            : Map.of(Facet.COMMITTEE, List.of(known.catalogueName()));
    if (known.catalogueName() == null) {
      return new SearchResult(
          0, page, PAGE_SIZE, List.of(), Map.of(), Set.of(), false, false, List.of(), false);
    }
    return search
        .index()
        .search(
            new SearchRequest("", filter, null, null, SearchRequest.Sort.DATE, page, PAGE_SIZE));
  }

  private CommitteePageModels.Named named(Committee c) {
    return new CommitteePageModels.Named(c.reference(), c.title(), url(c.reference()));
  }

  /**
   * The committees {@code c} liaises with, linked to their pages when the register or the catalogue
   * knows them, with their titles when the register has them.
   */
  private List<CommitteePageModels.Named> liaisons(Committee c) {
    Map<String, Committee> known = committees.findAll(c.liaisons());
    Set<String> inCatalogue = new LinkedHashSet<>();
    for (String v : search.index().values(Facet.COMMITTEE)) {
      inCatalogue.add(Committee.slugOf(v));
    }
    List<CommitteePageModels.Named> out = new ArrayList<>();
    for (String reference : c.liaisons()) {
      Committee k = known.get(reference);
      boolean linked = k != null || inCatalogue.contains(Committee.slugOf(reference));
      out.add(
          new CommitteePageModels.Named(
              reference, k == null ? null : k.title(), linked ? url(reference) : null));
    }
    return out;
  }

  /** The committee as JSON: what the register says of it and how many records name it. */
  void api(Context ctx) {
    Known known = resolve(ctx.pathParam("ref"));
    Committee c = known.entry();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reference", known.reference());
    body.put("slug", Committee.slugOf(known.reference()));
    body.put("inRegister", c != null);
    body.put("title", c == null ? null : c.title());
    body.put("status", c == null ? null : c.status());
    body.put("secretariat", c == null ? null : c.secretariat());
    body.put("created", c == null ? null : c.created());
    body.put("scope", c == null ? null : c.scope());
    body.put(
        "parent", c == null ? null : committees.parent(c).map(CommitteeRoutes::ref).orElse(null));
    body.put(
        "subcommittees",
        c == null ? List.of() : committees.children(c).stream().map(CommitteeRoutes::ref).toList());
    List<Map<String, Object>> liaisons = new ArrayList<>();
    if (c != null) {
      Map<String, Committee> titled = committees.findAll(c.liaisons());
      for (String reference : c.liaisons()) {
        Committee k = titled.get(reference);
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("reference", reference);
        l.put("title", k == null ? null : k.title());
        liaisons.add(l);
      }
    }
    body.put("committeeLiaisons", liaisons);
    body.put("organizationLiaisons", c == null ? List.of() : c.organizations());
    body.put("records", records(known, 1).total());
    body.put(
        "recordsUrl",
        known.catalogueName() == null
            ? null
            : "/api/v1/standards?committee=" + PageModels.enc(known.catalogueName()));
    ctx.json(body);
  }

  private static Map<String, Object> ref(Committee c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reference", c.reference());
    m.put("slug", c.slug());
    m.put("title", c.title());
    return m;
  }
}
