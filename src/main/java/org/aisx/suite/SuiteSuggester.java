package org.aisx.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.IncomingRelation;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.search.Facet;
import org.aisx.search.Hit;
import org.aisx.search.SearchRequest;
import org.aisx.search.SearchResult;
import org.aisx.semantic.HybridSearch;
import org.aisx.semantic.Vectors;
import org.aisx.taxonomy.Concept;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.TaxonomySource;

/**
 * Proposes a suite from a description (SPEC §7). A description that finds nothing in the catalogue,
 * by its words or by meaning (nonsense, or only stop words), is not understood and gets no members.
 * Otherwise, the concerns that apply ({@link ConcernGroup#everySystem}, those the user names, and
 * those the description points to: by naming one of the concern's labels, or because it finds the
 * concern's own records) and the sectors (those the user names; else those the description names or
 * its closest records are for) decide the groups. For each concern, a hybrid search of the
 * description with the group's probe phrase, filtered to the group's concern (confirmed or
 * suggested labels) and to current work, and to work for no sector or for the proposal's sectors;
 * the first few hits, in-force before drafts, a body not yet picked in the group before one that
 * is, each record and its twin texts ({@code identical}) once in the whole proposal. A concern that
 * applies and gets no pick is a gap. Each pick carries its reason: the description's words it
 * matches, its similarity in meaning to the description, and its concepts.
 */
public final class SuiteSuggester {
  /** How many members a group proposes at most. */
  public static final int PER_GROUP = 3;

  public static final int MAX_TEXT = 2_000;

  /** The characters of a description searched when all of it makes too costly a query. */
  static final int SEARCHED_TEXT = 500;

  /** How many hits of each group's search are considered. */
  private static final int CANDIDATES = 30;

  /** How many of the description's own closest records say what it is about. */
  private static final int CLOSEST = 5;

  /** How many of those must name a concern or a sector for the description to point to it. */
  private static final int POINTING = 2;

  private final HybridSearch search;
  private final Vectors vectors;
  private final Catalog catalog;
  private final Suites suites;
  private final TaxonomySource taxonomy;

  public SuiteSuggester(
      HybridSearch search,
      Vectors vectors,
      Catalog catalog,
      Suites suites,
      TaxonomySource taxonomy) {
    this.search = search;
    this.vectors = vectors;
    this.catalog = catalog;
    this.suites = suites;
    this.taxonomy = taxonomy;
  }

  /** What the user asks for: a description, and optionally sectors and concerns. */
  public record Ask(String text, List<String> verticals, List<String> concerns) {
    public Ask {
      // Each once, in the order first named: a concern named twice was picked twice, the second
      // time from what the first had left.
      verticals = List.copyOf(new LinkedHashSet<>(verticals));
      concerns = List.copyOf(new LinkedHashSet<>(concerns));
    }
  }

  /**
   * One proposed member and why: {@code words} of the description found in its title or abstract,
   * {@code similarity} (cosine, null without vectors), its concerns and sectors; {@code coming} for
   * a draft.
   */
  public record Pick(
      Standard record,
      String group,
      boolean coming,
      List<String> words,
      Double similarity,
      List<String> concepts) {}

  /** One group of the proposal. */
  public record Group(String id, List<Pick> picks) {}

  /**
   * The proposal: {@code understood} false (and nothing else) when the description found nothing;
   * {@code sectors} the proposal is for (the user's, else those the description points to); the
   * {@code concerns} that apply; the groups with picks; {@code gaps}, the concerns that apply and
   * got no pick.
   */
  public record Proposal(
      Ask ask,
      boolean understood,
      List<String> sectors,
      List<String> concerns,
      List<Group> groups,
      List<String> gaps) {
    public Proposal {
      sectors = List.copyOf(sectors);
      concerns = List.copyOf(concerns);
      groups = List.copyOf(groups);
      gaps = List.copyOf(gaps);
    }

    public List<Pick> picks() {
      return groups.stream().flatMap(g -> g.picks().stream()).toList();
    }
  }

  public Proposal suggest(Ask ask) {
    Description description = new Description(ask.text());
    List<Hit> closest =
        description.words().isEmpty() ? List.of() : run(ask.text(), current()).items();
    if (!understood(description, closest)) {
      return new Proposal(ask, false, List.of(), List.of(), List.of(), List.of());
    }
    closest = closest.subList(0, Math.min(CLOSEST, closest.size()));
    List<String> sectors =
        ask.verticals().isEmpty() ? sectorsPointedTo(description, closest) : ask.verticals();
    // The description's hits within each concern, searched once for both uses.
    Map<ConcernGroup, List<Hit>> described = new EnumMap<>(ConcernGroup.class);
    List<ConcernGroup> applicable = applicable(ask, description, sectors, described);
    float[] query = search.queryVector(ask.text());
    Set<String> taken = new HashSet<>();
    List<ConcernGroup> order = new ArrayList<>();
    // Concerns the user named first, so that their work is not taken by an earlier group.
    for (String c : ask.concerns()) {
      ConcernGroup.fromId(c).filter(applicable::contains).ifPresent(order::add);
    }
    for (ConcernGroup g : applicable) {
      if (!order.contains(g)) {
        order.add(g);
      }
    }
    if (!sectors.isEmpty()) {
      order.add(ConcernGroup.SECTOR);
    }
    Map<ConcernGroup, Group> groups = new LinkedHashMap<>();
    for (ConcernGroup g : order) {
      List<Standard> candidates = candidates(g, ask.text(), sectors, described);
      float[] probe = g.isConcern() ? search.queryVector(g.probe()) : null;
      List<Pick> picks = pick(g, candidates, taken, query, probe, description.words());
      groups.put(g, new Group(g.id(), picks));
    }
    List<Group> inOrder = new ArrayList<>();
    for (ConcernGroup g : ConcernGroup.values()) {
      Group found = groups.get(g);
      if (found != null && !found.picks().isEmpty()) {
        inOrder.add(found);
      }
    }
    // A gap: no pick of any group covers the concern (a group can come out empty because an
    // earlier group took its work; that work still covers it, as in the suite's report).
    List<String> gaps = new ArrayList<>();
    for (ConcernGroup g : applicable) {
      boolean covered =
          inOrder.stream()
              .flatMap(found -> found.picks().stream())
              .anyMatch(pick -> pick.group().equals(g.id()) || pick.concepts().contains(g.id()));
      if (!covered) {
        gaps.add(g.id());
      }
    }
    List<String> concerns = applicable.stream().map(ConcernGroup::id).toList();
    return new Proposal(ask, true, sectors, concerns, inOrder, gaps);
  }

  /**
   * Whether the description means something to the catalogue: at least half of its words are found
   * in it, or some are and the description finds records by words or by meaning, or it names a
   * sector or concern of the taxonomy ("banking", a label of finance, that no record's text has).
   * Nonsense finds none of its words; text with only stop words has none.
   */
  private boolean understood(Description description, List<Hit> closest) {
    List<String> words = description.words();
    if (words.isEmpty()) {
      return false;
    }
    return wordsFound(words, closest) || namesASectorOrConcern(description);
  }

  private boolean namesASectorOrConcern(Description description) {
    for (Dimension d : List.of(Dimension.VERTICAL, Dimension.CONCERN)) {
      for (Concept c : taxonomy.current().dimension(d).concepts().values()) {
        if (!c.retired() && namesConcept(description, c)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean wordsFound(List<String> words, List<Hit> closest) {
    int known = 0;
    for (int i = 0; i < words.size(); i++) {
      if (search.index().search(byWords(words.get(i))).total() > 0) {
        known++;
        if (2 * known >= words.size() || !closest.isEmpty()) {
          return true;
        }
      } else if (closest.isEmpty() && 2 * (known + words.size() - i - 1) < words.size()) {
        return false; // half of the words can no longer be found: no more look-ups
      }
    }
    return false;
  }

  /**
   * The concern groups that apply, in {@link ConcernGroup} order: those for every system, those the
   * user names, those whose label (in any language) the description names, and those of which the
   * description itself (without the group's probe) finds at least {@link #POINTING} records for no
   * sector or for the proposal's.
   */
  private List<ConcernGroup> applicable(
      Ask ask,
      Description description,
      List<String> sectors,
      Map<ConcernGroup, List<Hit>> described) {
    Map<String, Concept> concepts = taxonomy.current().dimension(Dimension.CONCERN).concepts();
    List<ConcernGroup> out = new ArrayList<>();
    for (ConcernGroup g : ConcernGroup.values()) {
      if (!g.isConcern()) {
        continue;
      }
      Concept c = concepts.get(g.id());
      if (g.everySystem()
          || ask.concerns().contains(g.id())
          || (c != null && namesConcept(description, c))
          || found(g, ask.text(), sectors, described) >= POINTING) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * How many records of the concern {@code g}, for no sector or for {@code sectors}, the text
   * finds.
   */
  private long found(
      ConcernGroup g, String text, List<String> sectors, Map<ConcernGroup, List<Hit>> described) {
    return described(g, text, described).stream().filter(h -> forSectors(h, sectors)).count();
  }

  /** The current work of the concern {@code g} that {@code text} finds, kept in {@code memo}. */
  private List<Hit> described(ConcernGroup g, String text, Map<ConcernGroup, List<Hit>> memo) {
    List<Hit> hits = memo.get(g);
    if (hits == null) {
      Map<Facet, List<String>> filters = current();
      filters.put(Facet.CONCERN, List.of(g.id()));
      hits = run(text, filters).items();
      memo.put(g, hits);
    }
    return hits;
  }

  private static boolean forSectors(Hit h, List<String> sectors) {
    return sectors(h).isEmpty() || sectors(h).stream().anyMatch(sectors::contains);
  }

  private static SearchRequest byWords(String word) {
    return new SearchRequest(
        word,
        Map.of(),
        null,
        null,
        SearchRequest.Sort.RELEVANCE,
        1,
        1,
        SearchRequest.Mode.KEYWORD,
        true);
  }

  /**
   * The sectors of a description for which the user chose none: those whose label (in any language)
   * it names; when it names none, those that at least {@link #POINTING} of its closest records are
   * for ("AI in finance" is for finance, not also for the telecommunications of the ITU-T records
   * nearest to it); never cross-sector.
   */
  private List<String> sectorsPointedTo(Description description, List<Hit> closest) {
    List<String> named = new ArrayList<>();
    List<String> near = new ArrayList<>();
    for (Concept c : taxonomy.current().dimension(Dimension.VERTICAL).concepts().values()) {
      if (c.retired() || c.id().equals("cross-sector")) {
        continue;
      }
      if (namesConcept(description, c)) {
        named.add(c.id());
      } else if (closest.stream().filter(h -> sectors(h).contains(c.id())).count() >= POINTING) {
        near.add(c.id());
      }
    }
    return named.isEmpty() ? near : named;
  }

  private static boolean namesConcept(Description description, Concept c) {
    for (String label : c.labels().values()) {
      if (description.names(label)) {
        return true;
      }
    }
    for (List<String> alt : c.altLabels().values()) {
      for (String label : alt) {
        if (description.names(label)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Current work: in force or draft. */
  private static Map<Facet, List<String>> current() {
    Map<Facet, List<String>> filters = new LinkedHashMap<>();
    filters.put(Facet.STATUS, List.of(Status.IN_FORCE.wire(), Status.DRAFT.wire()));
    return filters;
  }

  /**
   * The group's candidates: for a concern, the hits of the description and those of the group's
   * probe phrase, both filtered to the concern (a long description matches few records by its
   * words, and the concern's general work, such as a management system standard, is rarely close in
   * meaning to a description of one system), and to work for no sector or for one of {@code
   * sectors} (medical datasets are no part of a bank chatbot's suite); for sector-specific work,
   * the description's hits in {@code sectors}.
   */
  private List<Standard> candidates(
      ConcernGroup g, String text, List<String> sectors, Map<ConcernGroup, List<Hit>> described) {
    Map<Facet, List<String>> filters = current();
    List<Hit> hits = new ArrayList<>();
    if (g.isConcern()) {
      filters.put(Facet.CONCERN, List.of(g.id()));
      hits.addAll(described(g, text, described));
      hits.addAll(run(g.probe(), filters).items());
      hits = hits.stream().filter(h -> forSectors(h, sectors)).toList();
    } else {
      filters.put(Facet.VERTICAL, sectors);
      hits.addAll(run(text, filters).items());
    }
    Map<String, Standard> records = catalog.findAll(hits.stream().map(Hit::id).toList());
    Map<String, Standard> out = new LinkedHashMap<>();
    for (Hit h : hits) {
      Standard s = records.get(h.id());
      if (s != null) {
        out.putIfAbsent(s.id(), s);
      }
    }
    return List.copyOf(out.values());
  }

  /** The sectors a hit is labelled or suggested with, but cross-sector. */
  private static Set<String> sectors(Hit h) {
    Set<String> out = new LinkedHashSet<>(h.verticals());
    out.addAll(h.suggestedOn("vertical"));
    out.remove("cross-sector");
    return out;
  }

  /**
   * The description as the keyword search reads it: its words, not search syntax. A footnote's
   * asterisk ({@code AI*}), a bullet's dash before a word or a quotation mark means nothing in
   * prose, but the search would read a prefix (refused under three letters), an excluded word or a
   * phrase.
   */
  static String asWords(String text) {
    return text.replaceAll("[*\"]", " ").replaceAll("(^|\\s)-+", "$1");
  }

  /**
   * The searches of one suggestion. A description may be longer than a search query (up to {@link
   * #MAX_TEXT} characters, a search 500): should its words make a query too costly to run, its
   * first {@link #SEARCHED_TEXT} characters are searched instead, as a search would take them.
   */
  private SearchResult run(String q, Map<Facet, List<String>> filters) {
    String words = asWords(q);
    try {
      return runAs(words, filters);
    } catch (CatalogException.BadParameter e) {
      if (words.length() <= SEARCHED_TEXT) {
        throw e;
      }
      int end =
          words.offsetByCodePoints(
              0, Math.min(SEARCHED_TEXT, words.codePointCount(0, words.length())));
      return runAs(words.substring(0, end), filters);
    }
  }

  private SearchResult runAs(String q, Map<Facet, List<String>> filters) {
    return search.search(
        new SearchRequest(
            q,
            filters,
            null,
            null,
            SearchRequest.Sort.RELEVANCE,
            1,
            CANDIDATES,
            SearchRequest.Mode.HYBRID,
            true));
  }

  private List<Pick> pick(
      ConcernGroup g,
      List<Standard> candidates,
      Set<String> taken,
      float[] query,
      float[] probe,
      List<String> words) {
    // For a concern, the records that name it before those classified under it on meaning alone;
    // within each, in force before drafts; then closest in meaning to the description and to the
    // group's probe together (records without a vector yet last, in the searches' order).
    Map<String, Boolean> named = new java.util.HashMap<>();
    for (Standard s : candidates) {
      named.put(s.id(), !g.isConcern() || suites.names(s, g.id()));
    }
    Map<String, Double> score = new java.util.HashMap<>();
    for (Standard s : candidates) {
      float[] v = vectors.vectorFor(s);
      score.put(
          s.id(),
          v == null
              ? Double.NEGATIVE_INFINITY
              : dot(query, v) + (probe == null ? 0 : dot(probe, v)));
    }
    List<Standard> ordered = new ArrayList<>(candidates);
    ordered.sort(
        Comparator.<Standard>comparingInt(s -> named.get(s.id()) ? 0 : 1)
            .thenComparingInt(s -> s.status() == Status.IN_FORCE ? 0 : 1)
            .thenComparing(s -> -score.get(s.id())));
    List<Standard> chosen = new ArrayList<>();
    Set<String> bodies = new HashSet<>();
    for (int pass = 0; pass < 2 && chosen.size() < PER_GROUP; pass++) {
      for (Standard s : ordered) {
        if (chosen.size() == PER_GROUP) {
          break;
        }
        if (taken.contains(s.id()) || (pass == 0 && bodies.contains(s.sdo()))) {
          continue;
        }
        chosen.add(s);
        bodies.add(s.sdo());
        taken.add(s.id());
        taken.addAll(twins(s));
      }
    }
    // Shown in force before drafts, whichever reason chose them.
    chosen.sort(Comparator.comparingInt(s -> s.status() == Status.IN_FORCE ? 0 : 1));
    List<Pick> picks = new ArrayList<>();
    for (Standard s : chosen) {
      float[] v = query == null ? null : vectors.vectorFor(s);
      picks.add(
          new Pick(
              s,
              g.id(),
              s.status() == Status.DRAFT,
              Description.matched(words, s),
              v == null ? null : dot(query, v),
              suites.concepts(s)));
    }
    return picks;
  }

  /** The ids of the records that carry the same text as {@code s}. */
  private Set<String> twins(Standard s) {
    Set<String> out = new LinkedHashSet<>();
    for (Relation r : s.relations()) {
      if (r.type() == RelationType.IDENTICAL) {
        out.add(r.targetId());
      }
    }
    for (IncomingRelation in : catalog.incoming(s.id())) {
      if (in.type() == RelationType.IDENTICAL) {
        out.add(in.sourceId());
      }
    }
    return out;
  }

  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      d += a[i] * b[i];
    }
    return d;
  }
}
