package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Status;
import org.aisx.committee.Committees;
import org.aisx.landscape.HeatMap;
import org.aisx.landscape.Landscape;
import org.aisx.landscape.Topics;
import org.aisx.search.Axis;
import org.aisx.search.Facet;
import org.aisx.search.SearchRequest;
import org.aisx.semantic.HybridSearch;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.TaxonomySource;

/**
 * The landscape (SPEC §8), the HTTP face of {@code org.aisx.landscape}: the heat-map of any two
 * axes under any search as JSON, as a page (SVG drawn here, with a table), as CSV and as SVG.
 * Parses at the edge; {@link Landscape} counts.
 */
public final class LandscapeRoutes implements Routes {
  private static final List<String> MAP_PARAMS = List.of("rows", "cols");
  private static final Map<String, Axis> AXES =
      Params.options(Axis.all().toArray(new Axis[0]), Axis::id);

  /** A colour-blind-safe sequential scale (viridis), light to dark. */
  private static final List<String> SCALE =
      List.of("#fde725", "#7ad151", "#22a884", "#2a788e", "#414487", "#440154");

  private static final int DARK_FROM = 3;
  private static final int SHOWN_BODIES = 8;
  private static final int SHOWN_YEARS = 20;
  private static final int SHOWN_COMMITTEES = 5;
  private static final int MAX_LISTED = 1_000;

  private final Landscape landscape;
  private final Topics topics;
  private final HybridSearch search;
  private final SearchParams params;
  private final TaxonomySource taxonomy;
  private final I18n i18n;
  private final PageRenderer pages;
  private final OverlapParams overlapParams;

  /** The register of committees: whether a topic's active committees are in liaison. */
  private final Committees committees;

  /** Whether a proxy says how clients reach the site (the CSV's absolute links). */
  private final boolean behindProxy;

  public LandscapeRoutes(
      Landscape landscape,
      Topics topics,
      HybridSearch search,
      SearchParams params,
      TaxonomySource taxonomy,
      I18n i18n,
      PageRenderer pages,
      OverlapParams overlapParams,
      boolean behindProxy,
      Committees committees) {
    this.committees = committees;
    this.overlapParams = overlapParams;
    this.behindProxy = behindProxy;
    this.landscape = landscape;
    this.topics = topics;
    this.search = search;
    this.params = params;
    this.taxonomy = taxonomy;
    this.i18n = i18n;
    this.pages = pages;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/api/v1/landscape", this::api);
    router.get("/landscape", this::page);
    router.get("/landscape.csv", this::csv);
    router.get("/landscape.svg", this::svg);
    router.get("/api/v1/landscape/clusters", this::clustersApi);
    router.get("/landscape/clusters", this::clustersPage);
    router.get("/landscape/clusters/{number}", this::clusterPage);
    router.get("/api/v1/landscape/duplicates", this::duplicatesApi);
    router.get("/landscape/duplicates", this::duplicatesPage);
    router.get("/landscape/duplicates.csv", this::duplicatesCsv);
  }

  // ---- topic clusters

  public record TopicView(
      int number,
      String label,
      List<String> words,
      int size,
      Map<String, Long> bodies,
      double draftShare,
      List<String> activeCommittees,
      String records,
      List<String> overlap,
      List<Liaison> liaisons,
      int committeesInRegister) {}

  /**
   * Two of a topic's active committees that ISO's register of committees records as in liaison
   * (either names the other), each pair once, {@code a} before {@code b} in the topic's list.
   */
  public record Liaison(String a, String b) {}

  public record ClustersView(
      boolean pending,
      String computed,
      int embedded,
      long withoutVector,
      int k,
      List<TopicView> topics) {}

  /** The last computation's topics, each restricted to the records of {@code request}. */
  private List<Topics.Topic> topicsOf(SearchRequest request, Topics.Snapshot snapshot) {
    boolean everything =
        request.q().isEmpty()
            && request.filters().isEmpty()
            && request.fromYear() == null
            && request.toYear() == null;
    if (everything) {
      return snapshot.topics();
    }
    Set<String> ids = search.index().matchingIds(request, search.queryVectorNow(request));
    return snapshot.topics().stream()
        .map(t -> t.restrictedTo(ids))
        .filter(t -> t.size() > 0)
        .toList();
  }

  private TopicView topicView(Topics.Topic t, String query) {
    List<String> active = t.activeCommittees().keySet().stream().limit(SHOWN_COMMITTEES).toList();
    // Whether committees working on one topic already coordinate, as ISO's register says (held in
    // memory, no query per committee).
    List<Liaison> liaisons = new ArrayList<>();
    committees
        .liaisonsAmong(active)
        .forEach((a, with) -> with.forEach(b -> liaisons.add(new Liaison(a, b))));
    return new TopicView(
        t.number(),
        String.join(", ", t.words()),
        t.words(),
        t.size(),
        t.bodies(),
        t.draftShare(),
        active,
        "/landscape/clusters/" + t.number() + (query.isEmpty() ? "" : "?" + query),
        active.stream().map(c -> "/overlap?committee=" + PageModels.enc(c)).toList(),
        List.copyOf(liaisons),
        committees.findAll(active).size());
  }

  void clustersApi(Context ctx) {
    SearchRequest request = params.parseUnpaged(Params.query(ctx), true, List.of());
    ctx.json(clustersView(request));
  }

  private ClustersView clustersView(SearchRequest request) {
    Optional<Topics.Snapshot> snapshot = topics.current();
    if (snapshot.isEmpty()) {
      return new ClustersView(true, null, 0, 0, 0, List.of());
    }
    Topics.Snapshot s = snapshot.get();
    String query = query(request);
    return new ClustersView(
        topics.pending(),
        s.computed().toString(),
        s.embedded(),
        s.withoutVector(),
        s.k(),
        topicsOf(request, s).stream().map(t -> topicView(t, query)).toList());
  }

  void clustersPage(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    SearchRequest request = params.parse(Params.query(ctx), false, 20);
    ClustersView view = clustersView(request);
    pages.render(
        ctx,
        "clusters.jte",
        new LandscapeModels.ClustersPage(
            pages.layout(ctx, t, t.get("clusters.title")), view, request.q(), query(request)));
  }

  void clusterPage(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    SearchRequest request = params.parse(Params.query(ctx), false, 20);
    int number;
    try {
      number = Integer.parseInt(ctx.pathParam("number"));
    } catch (NumberFormatException e) {
      throw new io.javalin.http.NotFoundResponse(t.get("clusters.none"));
    }
    Topics.Topic topic =
        topics
            .current()
            .flatMap(s -> s.topic(number))
            .map(
                tp ->
                    topicsOf(request, topics.current().get()).stream()
                        .filter(x -> x.number() == number)
                        .findFirst()
                        .orElse(tp.restrictedTo(Set.of())))
            .orElseThrow(() -> new io.javalin.http.NotFoundResponse(t.get("clusters.none")));
    pages.render(
        ctx,
        "cluster.jte",
        new LandscapeModels.ClusterPage(
            pages.layout(ctx, t, t.get("clusters.topic", topic.number())),
            topicView(topic, query(request)),
            topic.members().stream().limit(MAX_LISTED).toList(),
            topic.size()));
  }

  // ---- duplication signals

  /**
   * A record of a pair as the API gives it: {@code title} in English, null (never an empty text)
   * when the record has none, as every title in one language the API gives ({@link
   * org.aisx.catalog.Standard#titleOrNull}); a topic keeps an untitled record's as "". {@code
   * also}: the records of its body that are the same document under another identifier, folded into
   * this one ({@link org.aisx.editions.Twins}), empty for most.
   */
  public record MemberView(
      String id,
      String identifier,
      String title,
      String sdo,
      String committee,
      String status,
      List<org.aisx.editions.Twins.Twin> also) {
    static MemberView of(Topics.Member m) {
      return new MemberView(
          m.id(),
          m.identifier(),
          m.title() == null || m.title().isEmpty() ? null : m.title(),
          m.sdo(),
          m.committee(),
          m.status() == null ? null : m.status().wire(),
          m.also());
    }
  }

  /**
   * Two close records of different bodies; {@code inLiaison}: whether ISO's register of committees
   * records their committees as in liaison, null unless the register has both and they differ.
   */
  public record PairView(MemberView a, MemberView b, double similarity, Boolean inLiaison) {}

  /** What ISO's register says of the committees of {@code a} and {@code b}, as {@link PairView}. */
  private Boolean inLiaison(Topics.Member a, Topics.Member b) {
    Map<String, org.aisx.committee.Committee> found =
        committees.findAll(java.util.stream.Stream.of(a.committee(), b.committee()).toList());
    if (found.size() < 2
        || found.get(a.committee()).slug().equals(found.get(b.committee()).slug())) {
      return null;
    }
    return committees.inLiaison(a.committee(), b.committee());
  }

  public record DuplicatesView(
      boolean pending, String committee, double floor, int total, List<PairView> pairs) {}

  private DuplicatesView duplicatesView(Params p) {
    // A committee as the overlap reads it: any case and spacing, a near miss offers choices, an
    // unknown one is a 400 (not an empty list that looks like "no duplicates").
    String given = p.text("committee");
    String committee = given == null ? null : overlapParams.committee(given);
    Optional<Topics.Snapshot> snapshot = topics.current();
    List<Topics.Pair> pairs =
        snapshot.map(Topics.Snapshot::duplicates).orElse(List.of()).stream()
            .filter(x -> committee == null || x.involves(committee))
            .toList();
    return new DuplicatesView(
        snapshot.isEmpty() || topics.pending(),
        committee,
        Topics.DUPLICATE_FLOOR,
        pairs.size(),
        pairs.stream()
            .limit(MAX_LISTED)
            .map(
                x ->
                    new PairView(
                        MemberView.of(x.a()),
                        MemberView.of(x.b()),
                        x.similarity(),
                        inLiaison(x.a(), x.b())))
            .toList());
  }

  void duplicatesApi(Context ctx) {
    Params p = Params.query(ctx).onlyKnown(List.of("committee"));
    ctx.json(duplicatesView(p));
  }

  void duplicatesPage(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    DuplicatesView view = duplicatesView(Params.query(ctx));
    List<String> committees =
        topics.current().map(Topics.Snapshot::duplicates).orElse(List.of()).stream()
            .flatMap(x -> java.util.stream.Stream.of(x.a().committee(), x.b().committee()))
            .filter(c -> c != null)
            .distinct()
            .sorted()
            .toList();
    pages.render(
        ctx,
        "duplicates.jte",
        new LandscapeModels.DuplicatesPage(
            pages.layout(ctx, t, t.get("duplicates.title")), view, committees));
  }

  void duplicatesCsv(Context ctx) {
    DuplicatesView view = duplicatesView(Params.query(ctx));
    StringBuilder out = new StringBuilder();
    Csv.line(
        out,
        List.of(
            "similarity",
            "a_identifier",
            "a_sdo",
            "a_committee",
            "a_status",
            "a_title",
            "b_identifier",
            "b_sdo",
            "b_committee",
            "b_status",
            "b_title",
            "a_also",
            "b_also"));
    for (PairView x : view.pairs()) {
      Csv.line(
          out,
          List.of(
              String.format(Locale.ROOT, "%.3f", x.similarity()),
              x.a().identifier(),
              nz(x.a().sdo()),
              nz(x.a().committee()),
              nz(x.a().status()),
              nz(x.a().title()),
              x.b().identifier(),
              nz(x.b().sdo()),
              nz(x.b().committee()),
              nz(x.b().status()),
              nz(x.b().title()),
              also(x.a()),
              also(x.b())));
    }
    ctx.header("Content-Disposition", "attachment; filename=\"duplication-signals.csv\"")
        .contentType("text/csv; charset=utf-8")
        .result(out.toString());
  }

  /** The identifiers a record of a pair is also published as, separated by "; ". */
  private static String also(MemberView m) {
    return String.join(
        "; ", m.also().stream().map(org.aisx.editions.Twins.Twin::identifier).toList());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** The request of a map: its axes and its search. */
  private record MapRequest(Axis rows, Axis cols, SearchRequest search) {}

  private MapRequest mapRequest(Context ctx, boolean strict) {
    Params p = Params.query(ctx);
    Axis rows = p.choice("rows", AXES, new Axis.OfFacet(Facet.VERTICAL));
    Axis cols = p.choice("cols", AXES, new Axis.OfFacet(Facet.CONCERN));
    return new MapRequest(rows, cols, params.parseUnpaged(p, strict, MAP_PARAMS));
  }

  // ---- API

  /**
   * A value of an axis with its label in the reader's language; a committee's with its title in
   * ISO's register ({@code title}, left out when there is none), as the search's committee facet.
   */
  record AxisValueView(
      String value,
      String label,
      long total,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          String title) {}

  record CellView(
      String row,
      String col,
      long count,
      Map<String, Long> byStatus,
      Map<String, Long> bySdo,
      boolean gap,
      boolean draftOnly,
      String search) {}

  record Position(String row, String col) {}

  record MapView(
      String rowAxis,
      String colAxis,
      long total,
      boolean truncated,
      List<AxisValueView> rows,
      List<AxisValueView> cols,
      List<CellView> cells,
      List<Position> gaps,
      List<Position> draftOnly) {}

  void api(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    MapRequest m = mapRequest(ctx, true);
    HeatMap map = landscape.heatMap(m.search(), m.rows(), m.cols());
    List<CellView> cells = new ArrayList<>();
    for (HeatMap.Cell c : map.cells()) {
      cells.add(
          new CellView(
              c.row(),
              c.col(),
              c.count(),
              c.byStatus(),
              c.bySdo(),
              c.gap(),
              c.draftOnly(),
              "/api/v1/standards?" + cellQuery(m, c)));
    }
    ctx.json(
        new MapView(
            m.rows().id(),
            m.cols().id(),
            map.total(),
            map.truncated(),
            axisValues(m.rows(), map.rows(), map, true, t),
            axisValues(m.cols(), map.cols(), map, false, t),
            cells,
            map.gaps().stream().map(c -> new Position(c.row(), c.col())).toList(),
            map.draftOnly().stream().map(c -> new Position(c.row(), c.col())).toList()));
  }

  private List<AxisValueView> axisValues(
      Axis axis, List<String> values, HeatMap map, boolean rows, Messages t) {
    List<AxisValueView> out = new ArrayList<>();
    for (String v : values) {
      out.add(
          new AxisValueView(
              v, label(axis, v, t), rows ? map.rowTotal(v) : map.colTotal(v), title(axis, v)));
    }
    return out;
  }

  /** How a value of an axis is named on a page in the reader's language. */
  String label(Axis axis, String value, Messages t) {
    return axis instanceof Axis.OfFacet f
        ? ApiViews.facetLabel(f.facet(), value, taxonomy.current(), t)
        : value;
  }

  String axisLabel(Axis axis, Messages t) {
    return axis instanceof Axis.OfFacet f
        ? t.get("facet." + f.facet().id())
        : t.get("landscape.year");
  }

  private static String cellQuery(MapRequest m, HeatMap.Cell c) {
    return query(Landscape.cellSearch(m.search(), m.rows(), c.row(), m.cols(), c.col()));
  }

  /**
   * A search as the query string of the search page and API: the same parameters it was read from.
   */
  static String query(SearchRequest r) {
    List<String> parts = new ArrayList<>();
    if (!r.q().isEmpty()) {
      parts.add("q=" + PageModels.enc(r.q()));
      parts.add("mode=" + r.mode().wire());
    }
    for (Facet f : Facet.values()) {
      for (String v : r.filters().getOrDefault(f, List.of())) {
        parts.add(f.id() + "=" + PageModels.enc(v));
      }
    }
    if (r.fromYear() != null) {
      parts.add("from=" + r.fromYear());
    }
    if (r.toYear() != null) {
      parts.add("to=" + r.toYear());
    }
    parts.add("suggestions=" + (r.includeSuggestions() ? "include" : "exclude"));
    return String.join("&", parts);
  }

  // ---- page and downloads

  void page(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    MapRequest m;
    HeatMap map;
    try {
      m = mapRequest(ctx, false);
      map = landscape.heatMap(m.search(), m.rows(), m.cols());
    } catch (CatalogException.BadParameter e) {
      refused(ctx, t, e.problems());
      return;
    }
    SearchRequest r = m.search();
    String query = "rows=" + m.rows().id() + "&cols=" + m.cols().id() + "&" + query(r);
    List<LandscapeModels.Hidden> hidden = new ArrayList<>();
    List<LandscapeModels.FilterSelect> filters = filters(r.filters(), hidden, t);
    HeatMap byYear = landscape.heatMap(r, new Axis.OfFacet(Facet.SDO), new Axis.Year());
    List<LandscapeModels.YearChart> years = yearCharts(byYear);
    pages.render(
        ctx,
        "landscape.jte",
        new LandscapeModels.LandscapePage(
            pages.layout(ctx, t, t.get("landscape.title")),
            List.of(),
            m.rows().id(),
            m.cols().id(),
            axes(t),
            filters,
            hidden,
            r.q(),
            r.fromYear() == null ? "" : r.fromYear().toString(),
            r.toYear() == null ? "" : r.toYear().toString(),
            r.includeSuggestions(),
            map,
            svgMap(m, map, t, "/search?"),
            scale(map.max(), t),
            query,
            List.of(draftsChart(r, t)),
            years,
            years.isEmpty() ? "" : years.get(0).years().get(0),
            years.isEmpty() ? "" : years.get(0).years().get(years.get(0).years().size() - 1)));
  }

  /**
   * The page of a map that cannot be drawn (the same axis twice, a period that ends before it
   * starts, a value no filter knows): the form as the reader filled it in, with what to change, and
   * no map.
   */
  private void refused(Context ctx, Messages t, List<Problem> problems) {
    String rows = ctx.queryParam("rows");
    String cols = ctx.queryParam("cols");
    Map<Facet, List<String>> chosen = new java.util.EnumMap<>(Facet.class);
    for (Facet f : Facet.values()) {
      List<String> values = ctx.queryParams(f.id()).stream().filter(v -> !v.isBlank()).toList();
      if (!values.isEmpty()) {
        chosen.put(f, values);
      }
    }
    List<LandscapeModels.Hidden> hidden = new ArrayList<>();
    List<LandscapeModels.FilterSelect> filters = filters(chosen, hidden, t);
    ctx.status(400);
    pages.render(
        ctx,
        "landscape.jte",
        new LandscapeModels.LandscapePage(
            pages.layout(ctx, t, t.get("landscape.title")),
            problems,
            AXES.containsKey(rows) ? rows : new Axis.OfFacet(Facet.VERTICAL).id(),
            AXES.containsKey(cols) ? cols : new Axis.OfFacet(Facet.CONCERN).id(),
            axes(t),
            filters,
            hidden,
            raw(ctx, "q"),
            raw(ctx, "from"),
            raw(ctx, "to"),
            !"exclude".equals(ctx.queryParam("suggestions")),
            null,
            null,
            List.of(),
            "",
            List.of(),
            List.of(),
            "",
            ""));
  }

  /** The axes the form offers, named in the reader's language. */
  private List<LandscapeModels.AxisOption> axes(Messages t) {
    List<LandscapeModels.AxisOption> axes = new ArrayList<>();
    for (Axis a : Axis.all()) {
      axes.add(new LandscapeModels.AxisOption(a.id(), axisLabel(a, t)));
    }
    return axes;
  }

  /**
   * The form's filter selects with the values {@code chosen} selected; a facet's values after its
   * first go into {@code hidden} fields, so that the form sends them on.
   */
  private List<LandscapeModels.FilterSelect> filters(
      Map<Facet, List<String>> chosenByFacet, List<LandscapeModels.Hidden> hidden, Messages t) {
    List<LandscapeModels.FilterSelect> filters = new ArrayList<>();
    for (Facet f : Facet.values()) {
      List<String> chosen = chosenByFacet.getOrDefault(f, List.of());
      List<String> options = options(f);
      if (options.isEmpty() && chosen.isEmpty()) {
        continue;
      }
      List<LandscapeModels.Option> opts = new ArrayList<>();
      for (String v : options) {
        opts.add(new LandscapeModels.Option(v, ApiViews.facetLabel(f, v, taxonomy.current(), t)));
      }
      String selected = chosen.isEmpty() ? "" : chosen.get(0);
      if (!selected.isEmpty() && !options.contains(selected)) {
        opts.add(
            new LandscapeModels.Option(
                selected, ApiViews.facetLabel(f, selected, taxonomy.current(), t)));
      }
      for (String extra : chosen.subList(Math.min(1, chosen.size()), chosen.size())) {
        hidden.add(new LandscapeModels.Hidden(f.id(), extra));
      }
      filters.add(
          new LandscapeModels.FilterSelect(f.id(), t.get("facet." + f.id()), opts, selected));
    }
    return filters;
  }

  /** A parameter as the reader typed it, for the form to show again ("" when absent). */
  private static String raw(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v;
  }

  /** The values a filter select offers: a closed facet's all, an open facet's most frequent. */
  private List<String> options(Facet f) {
    return switch (f) {
      case TYPE ->
          java.util.Arrays.stream(PublicationType.values()).map(PublicationType::wire).toList();
      case STATUS -> java.util.Arrays.stream(Status.values()).map(Status::wire).toList();
      case AI ->
          java.util.Arrays.stream(org.aisx.classify.AiRelevance.Tier.values())
              .map(org.aisx.classify.AiRelevance.Tier::wire)
              .toList();
      case VERTICAL ->
          List.copyOf(taxonomy.current().dimension(Dimension.VERTICAL).concepts().keySet());
      case ACTIVITY ->
          List.copyOf(taxonomy.current().dimension(Dimension.ACTIVITY).concepts().keySet());
      case APPLICATION ->
          List.copyOf(taxonomy.current().dimension(Dimension.APPLICATION).concepts().keySet());
      case CONCERN ->
          List.copyOf(taxonomy.current().dimension(Dimension.CONCERN).concepts().keySet());
      case SDO -> landscape.bodies();
      case COMMITTEE -> List.of();
    };
  }

  /** Drafts in progress per body: the body × status map's draft column, as bars. */
  private LandscapeModels.BarChart draftsChart(SearchRequest r, Messages t) {
    Axis sdo = new Axis.OfFacet(Facet.SDO);
    Axis status = new Axis.OfFacet(Facet.STATUS);
    HeatMap map = landscape.heatMap(r, sdo, status);
    List<LandscapeModels.BarChart.Bar> bars = new ArrayList<>();
    int col = map.cols().indexOf(Status.DRAFT.wire());
    for (int i = 0; col >= 0 && i < map.rows().size(); i++) {
      HeatMap.Cell c = map.cell(i, col);
      if (c.count() > 0) {
        bars.add(
            new LandscapeModels.BarChart.Bar(
                c.row(),
                c.count(),
                0,
                0,
                "/search?" + query(Landscape.cellSearch(r, sdo, c.row(), status, c.col()))));
      }
    }
    bars.sort(java.util.Comparator.comparingLong(LandscapeModels.BarChart.Bar::value).reversed());
    return LandscapeModels.BarChart.of(
        "drafts-chart",
        t.get("landscape.time.drafts"),
        t.get("status.draft"),
        bars.subList(0, Math.min(bars.size(), SHOWN_BODIES * 2)));
  }

  /** Publications per body per year: the most active bodies over the latest years. */
  private static List<LandscapeModels.YearChart> yearCharts(HeatMap byYear) {
    List<String> years = byYear.cols();
    int from = Math.max(0, years.size() - SHOWN_YEARS);
    List<String> shownYears = years.subList(from, years.size());
    long max = 1;
    List<String> bodies = byYear.rows().subList(0, Math.min(SHOWN_BODIES, byYear.rows().size()));
    List<List<Long>> counts = new ArrayList<>();
    for (String body : bodies) {
      int i = byYear.rows().indexOf(body);
      List<Long> row = new ArrayList<>();
      for (int j = from; j < years.size(); j++) {
        long n = byYear.cell(i, j).count();
        row.add(n);
        max = Math.max(max, n);
      }
      counts.add(row);
    }
    List<LandscapeModels.YearChart> out = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      out.add(new LandscapeModels.YearChart(bodies.get(i), shownYears, counts.get(i), max));
    }
    return out;
  }

  /** The map drawn: geometry, colours, links ({@code searchBase} + the cell's search). */
  LandscapeModels.SvgMap svgMap(MapRequest m, HeatMap map, Messages t, String searchBase) {
    List<LandscapeModels.AxisValue> rows = new ArrayList<>();
    for (String v : map.rows()) {
      rows.add(axisValue(m.rows(), v, t, MapLabels.ROW_PX));
    }
    List<LandscapeModels.AxisValue> cols = new ArrayList<>();
    for (String v : map.cols()) {
      cols.add(axisValue(m.cols(), v, t, MapLabels.COLUMN_PX));
    }
    int labelWidth =
        MapLabels.rowLabelsWidth(rows.stream().map(LandscapeModels.AxisValue::lines).toList());
    int headerHeight =
        MapLabels.headerHeight(cols.stream().map(LandscapeModels.AxisValue::lines).toList());
    List<LandscapeModels.CellView> cells = new ArrayList<>();
    for (int i = 0; i < map.rows().size(); i++) {
      for (int j = 0; j < map.cols().size(); j++) {
        HeatMap.Cell c = map.cell(i, j);
        int step = step(c.count(), map.max());
        String fill = step < 0 ? "#ffffff" : SCALE.get(step);
        String ink = step >= DARK_FROM && !c.gap() ? "#ffffff" : "#000000";
        cells.add(
            new LandscapeModels.CellView(
                c,
                labelWidth + j * LandscapeModels.SvgMap.CELL_W,
                headerHeight + i * LandscapeModels.SvgMap.CELL_H,
                fill,
                ink,
                searchBase + cellQuery(m, c),
                describe(c, rows.get(i).text(), cols.get(j).text(), t),
                rows.get(i).text(),
                cols.get(j).text()));
      }
    }
    // Room for the cells, and for the rotated column labels that reach past the last column.
    int width = labelWidth + map.cols().size() * LandscapeModels.SvgMap.CELL_W + 4;
    for (int j = 0; j < cols.size(); j++) {
      int foot = labelWidth + j * LandscapeModels.SvgMap.CELL_W + LandscapeModels.SvgMap.CELL_W / 2;
      width = Math.max(width, foot + MapLabels.columnReach(cols.get(j).lines()));
    }
    int height = headerHeight + map.rows().size() * LandscapeModels.SvgMap.CELL_H + 4;
    return new LandscapeModels.SvgMap(
        t.get("landscape.mapTitle", axisLabel(m.rows(), t), axisLabel(m.cols(), t)),
        axisLabel(m.rows(), t) + " / " + axisLabel(m.cols(), t),
        width,
        height,
        labelWidth,
        headerHeight,
        rows,
        cols,
        cells,
        t);
  }

  /**
   * A value of {@code axis} as the map draws it, on lines no wider than {@code px}: a committee
   * with its title in ISO's register, as the search's committee facet names it.
   */
  private LandscapeModels.AxisValue axisValue(Axis axis, String value, Messages t, double px) {
    String label = label(axis, value, t);
    String title = title(axis, value);
    String text = title == null ? label : t.get("facet.committee.titled", label, title);
    return new LandscapeModels.AxisValue(value, label, title, text, MapLabels.lines(text, px));
  }

  /**
   * The title ISO's register gives a committee axis's value (held in memory: no query per value);
   * null for another axis's value or a committee the register lacks.
   */
  private String title(Axis axis, String value) {
    return axis instanceof Axis.OfFacet f
        ? ApiViews.facetTitle(f.facet(), value, committees)
        : null;
  }

  private static String describe(HeatMap.Cell c, String row, String col, Messages t) {
    StringBuilder out = new StringBuilder(t.isolating("landscape.cell", row, col, c.count()));
    out.append(' ')
        .append(
            t.get(
                "landscape.cellStatus",
                t.number(c.withStatus(Status.IN_FORCE)),
                t.number(c.withStatus(Status.DRAFT))));
    if (c.draftOnly()) {
      out.append(' ').append(t.get("landscape.mark.draftOnly"));
    } else if (c.gap()) {
      out.append(' ').append(t.get("landscape.mark.gap"));
    }
    if (!c.bySdo().isEmpty()) {
      out.append(' ');
      List<String> bodies = new ArrayList<>();
      c.bySdo().entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> bodies.add(t.isolate(e.getKey()) + " " + t.number(e.getValue())));
      out.append(String.join(", ", bodies));
    }
    return out.toString();
  }

  /** The step of the scale a count falls in, or -1 for none. */
  static int step(long count, long max) {
    if (count <= 0) {
      return -1;
    }
    for (int i = 1; i <= SCALE.size(); i++) {
      if (count <= max * i / SCALE.size()) {
        return i - 1;
      }
    }
    return SCALE.size() - 1;
  }

  private static List<LandscapeModels.Step> scale(long max, Messages t) {
    List<LandscapeModels.Step> out = new ArrayList<>();
    long lo = 1;
    for (int i = 1; i <= SCALE.size(); i++) {
      long hi = max * i / SCALE.size();
      if (hi >= lo) {
        out.add(
            new LandscapeModels.Step(
                SCALE.get(i - 1), lo == hi ? t.number(lo) : t.number(lo) + "–" + t.number(hi)));
        lo = hi + 1;
      }
    }
    return out;
  }

  void svg(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    MapRequest m = mapRequest(ctx, false);
    HeatMap map = landscape.heatMap(m.search(), m.rows(), m.cols());
    byte[] svg =
        pages.utf8(
            "heatmap.jte",
            svgMap(m, map, t, "/search?"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    ctx.header("Content-Disposition", attachment(m, "svg"))
        .contentType("image/svg+xml; charset=utf-8")
        .result(svg);
  }

  void csv(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    MapRequest m = mapRequest(ctx, false);
    HeatMap map = landscape.heatMap(m.search(), m.rows(), m.cols());
    String base = WatchRoutes.base(ctx, behindProxy);
    StringBuilder out = new StringBuilder();
    List<String> header =
        new ArrayList<>(
            List.of(
                m.rows().id(),
                m.rows().id() + "_label",
                m.cols().id(),
                m.cols().id() + "_label",
                "count"));
    for (Status s : Status.values()) {
      header.add(s.wire());
    }
    header.addAll(List.of("gap", "draft_only", "search"));
    // A committee's title in ISO's register in a column of its own, after the others: the columns
    // a consumer already reads keep their places and their values.
    Axis titled = committeeAxis(m);
    if (titled != null) {
      header.add(titled.id() + "_title");
    }
    Csv.line(out, header);
    for (HeatMap.Cell c : map.cells()) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  c.row(),
                  label(m.rows(), c.row(), t),
                  c.col(),
                  label(m.cols(), c.col(), t),
                  Long.toString(c.count())));
      for (Status s : Status.values()) {
        row.add(Long.toString(c.withStatus(s)));
      }
      row.add(Boolean.toString(c.gap()));
      row.add(Boolean.toString(c.draftOnly()));
      // Absolute: a downloaded file's links must work outside the site.
      row.add(base + "/search?" + cellQuery(m, c));
      if (titled != null) {
        row.add(nz(title(titled, titled == m.rows() ? c.row() : c.col())));
      }
      Csv.line(out, row);
    }
    ctx.header("Content-Disposition", attachment(m, "csv"))
        .contentType("text/csv; charset=utf-8")
        .result(out.toString());
  }

  /** The map's committee axis (at most one: an axis is refused twice), or null. */
  private static Axis committeeAxis(MapRequest m) {
    Axis committee = new Axis.OfFacet(Facet.COMMITTEE);
    return committee.equals(m.rows()) ? m.rows() : committee.equals(m.cols()) ? m.cols() : null;
  }

  private static String attachment(MapRequest m, String ext) {
    return String.format(
        Locale.ROOT,
        "attachment; filename=\"landscape-%s-%s.%s\"",
        m.rows().id(),
        m.cols().id(),
        ext);
  }
}
