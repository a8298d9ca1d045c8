package org.aisx.glossary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The machine's mapping suggestions between terms of different vocabularies, by fixed rules
 * (written down in docs/glossary.md before the judged sample was drawn), first that applies:
 *
 * <ol>
 *   <li><b>explicit</b>: a source links the two concepts (skos:broader, narrower, related,
 *       exactMatch, closeMatch): that relation, score 0.95;
 *   <li><b>same label</b> (a compared form in common, {@link Labels#forms}): exactMatch when the
 *       definitions' cosine is at least 0.90, else closeMatch; score 0.6 + 0.4 × cosine;
 *   <li><b>specialised label</b>: one label's words are the other's plus more, with the same last
 *       word ("General Purpose AI System" / "AI System"): the longer broadMatch the shorter; score
 *       0.3 + 0.5 × cosine;
 *   <li><b>definitions alike</b>: the two are each other's nearest term in the other vocabulary by
 *       the cosine of their embedded label and definition: closeMatch when the cosine is at least
 *       0.80, relatedMatch from 0.70; score the cosine.
 * </ol>
 *
 * A pair gets at most one suggestion, from the vocabulary listed first to the later one.
 */
final class MappingRules {
  static final String VERSION = "glossary-mapping-rules-1 (bge-small-en-v1.5-q)";
  static final double EXPLICIT = 0.95;
  static final double EXACT_COSINE = 0.90;
  static final double CLOSE_COSINE = 0.80;
  static final double RELATED_COSINE = 0.70;

  private final List<Term> terms;
  private final Map<String, float[]> vectors;
  private final Map<String, Map<String, List<String>>> explicit;
  private final Map<String, String> idByIri;

  MappingRules(
      List<Term> terms,
      Map<String, float[]> vectors,
      Map<String, Map<String, List<String>>> explicit,
      Map<String, String> idByIri) {
    this.terms = terms;
    this.vectors = vectors;
    this.explicit = explicit;
    this.idByIri = idByIri;
  }

  /** What is embedded for a term: its English label and its first definition. */
  static String textOf(Term t) {
    String label = t.labelIn("en");
    return t.definitions().isEmpty() ? label : label + ": " + t.definitions().get(0).text();
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static final Map<String, MappingType> SKOS_LINKS =
      Map.of(
          "broader", MappingType.BROAD,
          "narrower", MappingType.NARROW,
          "related", MappingType.RELATED,
          "exactMatch", MappingType.EXACT,
          "closeMatch", MappingType.CLOSE);

  List<Suggested> suggest() {
    Map<String, List<Term>> byVocabulary = new LinkedHashMap<>();
    for (Term t : terms) {
      byVocabulary.computeIfAbsent(t.vocabulary(), k -> new ArrayList<>()).add(t);
    }
    List<String> order = List.copyOf(byVocabulary.keySet());
    // Nearest term in each other vocabulary, for rule 4.
    Map<String, Map<String, String>> nearest = new HashMap<>();
    for (Term a : terms) {
      Map<String, String> best = new HashMap<>();
      for (String v : order) {
        if (v.equals(a.vocabulary())) {
          continue;
        }
        String bestId = null;
        double bestCos = -2;
        for (Term b : byVocabulary.get(v)) {
          double c = cosine(vectors.get(a.id()), vectors.get(b.id()));
          if (c > bestCos) {
            bestCos = c;
            bestId = b.id();
          }
        }
        best.put(v, bestId);
      }
      nearest.put(a.id(), best);
    }
    List<Suggested> out = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      for (int j = i + 1; j < order.size(); j++) {
        for (Term a : byVocabulary.get(order.get(i))) {
          for (Term b : byVocabulary.get(order.get(j))) {
            Suggested s = suggest(a, b, nearest);
            if (s != null) {
              out.add(s);
            }
          }
        }
      }
    }
    return out;
  }

  /** The SKOS property by which {@code from}'s vocabulary links it to {@code to}, or null. */
  private String explicitLink(Term from, Term to) {
    for (var e : explicit.getOrDefault(from.id(), Map.of()).entrySet()) {
      for (String iri : e.getValue()) {
        if (to.id().equals(idByIri.get(iri))) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  private Suggested suggest(Term a, Term b, Map<String, Map<String, String>> nearest) {
    double cos = cosine(vectors.get(a.id()), vectors.get(b.id()));
    String cosText = String.format(Locale.ROOT, "definitions cosine %.3f", cos);
    String forward = explicitLink(a, b);
    if (forward != null) {
      return new Suggested(
          a.id(),
          b.id(),
          SKOS_LINKS.get(forward),
          EXPLICIT,
          "skos:" + forward + " " + linkText(a, b) + " in " + a.vocabulary() + "; " + cosText);
    }
    String backward = explicitLink(b, a);
    if (backward != null) {
      return new Suggested(
          a.id(),
          b.id(),
          SKOS_LINKS.get(backward).inverse(),
          EXPLICIT,
          "skos:" + backward + " " + linkText(b, a) + " in " + b.vocabulary() + "; " + cosText);
    }
    String la = a.labelIn("en");
    String lb = b.labelIn("en");
    Set<String> fa = Labels.forms(la);
    Set<String> fb = Labels.forms(lb);
    if (fa.stream().anyMatch(fb::contains)) {
      return new Suggested(
          a.id(),
          b.id(),
          cos >= EXACT_COSINE ? MappingType.EXACT : MappingType.CLOSE,
          round(0.6 + 0.4 * Math.max(0, cos)),
          "same label '" + la + "' / '" + lb + "'; " + cosText);
    }
    List<String> wa = List.copyOf(Labels.words(la));
    List<String> wb = List.copyOf(Labels.words(lb));
    if (!wa.isEmpty() && !wb.isEmpty() && wa.get(wa.size() - 1).equals(wb.get(wb.size() - 1))) {
      if (wa.size() > wb.size() && wa.containsAll(wb)) {
        // a's label specialises b's: b is the broader concept, a broadMatch b.
        return new Suggested(
            a.id(),
            b.id(),
            MappingType.BROAD,
            round(0.3 + 0.5 * Math.max(0, cos)),
            "label '" + la + "' specialises '" + lb + "'; " + cosText);
      }
      if (wb.size() > wa.size() && wb.containsAll(wa)) {
        return new Suggested(
            a.id(),
            b.id(),
            MappingType.NARROW,
            round(0.3 + 0.5 * Math.max(0, cos)),
            "label '" + lb + "' specialises '" + la + "'; " + cosText);
      }
    }
    boolean mutual =
        b.id().equals(nearest.get(a.id()).get(b.vocabulary()))
            && a.id().equals(nearest.get(b.id()).get(a.vocabulary()));
    if (mutual && cos >= RELATED_COSINE) {
      return new Suggested(
          a.id(),
          b.id(),
          cos >= CLOSE_COSINE ? MappingType.CLOSE : MappingType.RELATED,
          round(cos),
          "each other's nearest definition; " + cosText);
    }
    return null;
  }

  private static String linkText(Term from, Term to) {
    return from.labelIn("en") + " → " + to.labelIn("en");
  }
}
