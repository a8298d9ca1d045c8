package org.aisx.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

/**
 * Proposes a suite from a description (SPEC §7): for each {@link ConcernGroup}, a hybrid search of
 * the description with the group's probe phrase, filtered to the group's concern (confirmed or
 * suggested labels) and to current work; the first few hits, in-force before drafts, a body not yet
 * picked in the group before one that is, each record and its twin texts ({@code identical}) once
 * in the whole proposal. Each pick carries its reason: the description's words it matches, its
 * similarity in meaning to the description, and its concepts.
 */
public final class SuiteSuggester {
  /** How many members a group proposes at most. */
  public static final int PER_GROUP = 3;

  public static final int MAX_TEXT = 2_000;

  /** The characters of a description searched when all of it makes too costly a query. */
  static final int SEARCHED_TEXT = 500;

  /** How many hits of each group's search are considered. */
  private static final int CANDIDATES = 30;

  private static final Set<String> STOP =
      Set.of(
          "the", "and", "for", "with", "that", "this", "from", "into", "our", "their", "its", "are",
          "was", "will", "which", "who", "using", "used", "use", "based", "system", "systems",
          "about", "over", "under", "can", "has", "have", "not", "all", "any", "per");

  private final HybridSearch search;
  private final Vectors vectors;
  private final Catalog catalog;
  private final Suites suites;

  public SuiteSuggester(HybridSearch search, Vectors vectors, Catalog catalog, Suites suites) {
    this.search = search;
    this.vectors = vectors;
    this.catalog = catalog;
    this.suites = suites;
  }

  /** What the user asks for: a description, and optionally sectors and concerns. */
  public record Ask(String text, List<String> verticals, List<String> concerns) {
    public Ask {
      verticals = List.copyOf(verticals);
      concerns = List.copyOf(concerns);
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

  public record Proposal(Ask ask, List<Group> groups) {
    public List<Pick> picks() {
      return groups.stream().flatMap(g -> g.picks().stream()).toList();
    }
  }

  public Proposal suggest(Ask ask) {
    float[] query = search.queryVector(ask.text());
    List<String> words = words(ask.text());
    Set<String> taken = new HashSet<>();
    List<ConcernGroup> order = new ArrayList<>();
    // Concerns the user named first, so that their work is not taken by an earlier group.
    for (String c : ask.concerns()) {
      ConcernGroup.fromId(c).ifPresent(order::add);
    }
    for (ConcernGroup g : ConcernGroup.values()) {
      if (!order.contains(g)) {
        order.add(g);
      }
    }
    Map<ConcernGroup, Group> groups = new LinkedHashMap<>();
    for (ConcernGroup g : order) {
      List<Standard> candidates = candidates(g, ask);
      float[] probe = g.isConcern() ? search.queryVector(g.probe()) : null;
      List<Pick> picks = pick(g, candidates, taken, query, probe, words);
      groups.put(g, new Group(g.id(), picks));
    }
    List<Group> inOrder = new ArrayList<>();
    for (ConcernGroup g : ConcernGroup.values()) {
      Group found = groups.get(g);
      if (found != null && !found.picks().isEmpty()) {
        inOrder.add(found);
      }
    }
    return new Proposal(ask, inOrder);
  }

  /**
   * The group's candidates: for a concern, the hits of the description and those of the group's
   * probe phrase, both filtered to the concern (a long description matches few records by its
   * words, and the concern's general work, such as a management system standard, is rarely close in
   * meaning to a description of one system); for sector-specific work, the description's hits in
   * the named sectors (or in any sector but cross-sector).
   */
  private List<Standard> candidates(ConcernGroup g, Ask ask) {
    Map<Facet, List<String>> filters = new LinkedHashMap<>();
    filters.put(Facet.STATUS, List.of(Status.IN_FORCE.wire(), Status.DRAFT.wire()));
    List<Hit> hits = new ArrayList<>();
    if (g.isConcern()) {
      filters.put(Facet.CONCERN, List.of(g.id()));
      hits.addAll(run(ask.text(), filters).items());
      hits.addAll(run(g.probe(), filters).items());
      if (!ask.verticals().isEmpty()) {
        // A concern's work for another sector (medical datasets for a bank's chatbot) is no part
        // of a suite for the sectors named; work for no sector, or for every one, is.
        hits =
            hits.stream()
                .filter(
                    h ->
                        sectors(h).isEmpty()
                            || sectors(h).stream().anyMatch(ask.verticals()::contains))
                .toList();
      }
    } else {
      if (!ask.verticals().isEmpty()) {
        filters.put(Facet.VERTICAL, ask.verticals());
      }
      hits.addAll(run(ask.text(), filters).items());
      if (ask.verticals().isEmpty()) {
        hits = hits.stream().filter(h -> !sectors(h).isEmpty()).toList();
      }
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
              matched(words, s),
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

  /** The description's words worth matching: lower case, three letters or more, no stop words. */
  static List<String> words(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 3 && !STOP.contains(w)) {
        out.add(w);
      }
    }
    return List.copyOf(out);
  }

  /** The words found in the record's English title or abstract (a word or its singular). */
  static List<String> matched(List<String> words, Standard s) {
    String text =
        (" " + s.titleIn("en") + " " + s.abstractIn("en") + " ")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", " ");
    List<String> out = new ArrayList<>();
    for (String w : words) {
      String stem = w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w;
      if (text.contains(" " + stem)) {
        out.add(w);
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
