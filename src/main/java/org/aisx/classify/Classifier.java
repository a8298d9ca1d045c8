package org.aisx.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Suggestion;
import org.aisx.semantic.Embedder;
import org.aisx.taxonomy.Concept;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;

/**
 * Suggests taxonomy concepts for a record, zero-shot: the record's embedding is compared with the
 * embedding of each concept's label, definition and synonyms, and the concept's words found in the
 * record's title, abstract or keywords add to the score. Confirmed labels of similar records
 * ({@link Examples}) then pull each score towards what people decided for them. Every suggestion
 * carries its evidence: the sentence of the record that names the concept, or, when only the
 * meaning matches, the sentence sharing most words with the concept's definition.
 */
public final class Classifier {
  /** Names the method and its calibration; stored suggestions from another version are redone. */
  static final String METHOD = "zero-shot-1";

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+(?=[A-Z0-9(\"“])");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final int EVIDENCE_CHARS = 300;

  /**
   * How far (in cosine) from the threshold a score moves from 0.5 to 0.73: it spreads scores so
   * that a title naming the concept reads as about 0.95, not as certainty.
   */
  static final double WIDTH = 0.05;

  /**
   * Suggestions scoring at least this count in taxonomy facets and in the measured precision and
   * recall; a record with none gets its single closest concept as an unsure suggestion instead.
   */
  public static final double CONFIDENT = 0.5;

  /** How strongly the examples' vote weighs against the zero-shot score (pseudo-neighbours). */
  static final double PRIOR_WEIGHT = 2.0;

  private static final Set<String> STOP =
      Set.of(
          "about",
          "also",
          "among",
          "and",
          "are",
          "based",
          "been",
          "between",
          "both",
          "but",
          "can",
          "each",
          "for",
          "from",
          "has",
          "have",
          "how",
          "including",
          "into",
          "its",
          "more",
          "such",
          "that",
          "the",
          "their",
          "them",
          "these",
          "they",
          "this",
          "those",
          "through",
          "used",
          "uses",
          "using",
          "well",
          "what",
          "when",
          "where",
          "which",
          "while",
          "with",
          "within",
          "without",
          "standards",
          "standard",
          "systems",
          "system",
          "other",
          "example",
          "examples");

  private final Taxonomy taxonomy;
  private final Embedder embedder;
  private final Map<Dimension, Calibration> calibration;
  private volatile List<Profile> profiles;

  /** A dimension's decision rule: the raw score at which a concept is suggested, and how many. */
  record Calibration(
      double threshold, double width, int max, double titleBonus, double textBonus) {}

  /** What the classifier knows of one concept. */
  record Profile(
      Dimension dimension, Concept concept, float[] vector, Pattern terms, Set<String> words) {}

  public Classifier(Taxonomy taxonomy, Embedder embedder) {
    this(taxonomy, embedder, defaultCalibration());
  }

  Classifier(Taxonomy taxonomy, Embedder embedder, Map<Dimension, Calibration> calibration) {
    this.taxonomy = taxonomy;
    this.embedder = embedder;
    this.calibration = Map.copyOf(calibration);
  }

  /**
   * Fitted by F1 on the labelled sample in src/test/resources/eval ({@code ClassificationEvaluation
   * --calibrate}; figures measured on held-out halves in BENCHMARKS.md).
   */
  static Map<Dimension, Calibration> defaultCalibration() {
    Map<Dimension, Calibration> c = new LinkedHashMap<>();
    c.put(Dimension.VERTICAL, new Calibration(0.745, WIDTH, 3, 0.15, 0.10));
    c.put(Dimension.ACTIVITY, new Calibration(0.625, WIDTH, 3, 0.15, 0.10));
    c.put(Dimension.APPLICATION, new Calibration(0.675, WIDTH, 1, 0.20, 0.15));
    c.put(Dimension.CONCERN, new Calibration(0.750, WIDTH, 3, 0.20, 0.15));
    return c;
  }

  /** The version stored with suggestions: method and taxonomy version. */
  public String version() {
    return METHOD + "/" + taxonomy.version();
  }

  /**
   * Suggestions for {@code record} by dimension id, best first, leaving out its confirmed labels
   * and the concepts in {@code excluded} (ids as {@code dimension/concept}, e.g. rejected ones).
   */
  public Map<String, List<Suggestion>> classify(
      Standard record, float[] vector, Examples examples, Set<String> excluded) {
    List<String> sentences = sentences(record);
    Examples.Vote votes = examples.vote(vector, record.id());
    Map<String, List<Suggestion>> out = new LinkedHashMap<>();
    Suggestion closest = null;
    String closestDimension = null;
    for (Profile p : profiles()) {
      Dimension dim = p.dimension();
      String key = dim.id() + "/" + p.concept().id();
      if (excluded.contains(key) || record.concepts(dim.id()).contains(p.concept().id())) {
        continue;
      }
      Evidence evidence = evidence(p, sentences);
      double zeroShot = zeroShot(dot(vector, p.vector()), evidence, calibration.get(dim));
      double score = rounded(votes.blend(dim, p.concept().id(), zeroShot, PRIOR_WEIGHT));
      Suggestion s = new Suggestion(p.concept().id(), score, evidence.sentence(), evidence.terms());
      if (score >= CONFIDENT) {
        out.computeIfAbsent(dim.id(), d -> new ArrayList<>()).add(s);
      } else if (closest == null || s.score() > closest.score()) {
        closest = s;
        closestDimension = dim.id();
      }
    }
    Suggestion residual = residual(record, vector, sentences, votes, excluded, out);
    if (residual != null) {
      out.computeIfAbsent(Dimension.VERTICAL.id(), d -> new ArrayList<>()).add(residual);
      if (closest != null && closest.concept().equals(RESIDUAL)) {
        closest = null;
      }
    }
    if (out.isEmpty() && closest != null) {
      // Nothing passed: the closest concept, shown as unsure, so that people can still decide.
      out.put(closestDimension, new ArrayList<>(List.of(closest)));
    }
    Map<String, List<Suggestion>> best = new LinkedHashMap<>();
    out.forEach(
        (dim, list) -> {
          list.sort(Comparator.comparingDouble(Suggestion::score).reversed());
          int max = calibration.get(Dimension.fromId(dim).orElseThrow()).max();
          best.put(dim, List.copyOf(list.subList(0, Math.min(max, list.size()))));
        });
    return best;
  }

  /**
   * The vertical that means "no sector in particular": an AI standard for every sector names none,
   * so neither its words nor its definition's meaning single it out. It is suggested when no sector
   * is, the record has no confirmed vertical, and the record is at least {@link #RESIDUAL_FLOOR}
   * close to it (on the labelled sample this lifts vertical F1 from 0.44 to 0.61; BENCHMARKS.md).
   */
  static final String RESIDUAL = "cross-sector";

  static final double RESIDUAL_FLOOR = 0.55;

  private Suggestion residual(
      Standard record,
      float[] vector,
      List<String> sentences,
      Examples.Vote votes,
      Set<String> excluded,
      Map<String, List<Suggestion>> confident) {
    if (confident.containsKey(Dimension.VERTICAL.id())
        || !record.verticals().isEmpty()
        || excluded.contains(Dimension.VERTICAL.id() + "/" + RESIDUAL)) {
      return null;
    }
    for (Profile p : profiles()) {
      if (p.dimension() == Dimension.VERTICAL && p.concept().id().equals(RESIDUAL)) {
        double cos = dot(vector, p.vector());
        double zeroShot = 1 / (1 + Math.exp(-(cos - RESIDUAL_FLOOR) / WIDTH));
        double score = rounded(votes.blend(Dimension.VERTICAL, RESIDUAL, zeroShot, PRIOR_WEIGHT));
        if (score < CONFIDENT) {
          return null;
        }
        Evidence evidence = evidence(p, sentences);
        return new Suggestion(RESIDUAL, score, evidence.sentence(), evidence.terms());
      }
    }
    return null;
  }

  /**
   * The zero-shot probability of a concept: the cosine of record and concept, plus a bonus when the
   * record names the concept (more in its title), against the dimension's threshold.
   */
  static double zeroShot(double cosine, Evidence evidence, Calibration cal) {
    double raw = cosine;
    if (!evidence.terms().isEmpty()) {
      raw += evidence.inTitle() ? cal.titleBonus() : cal.textBonus();
    }
    return 1 / (1 + Math.exp(-(raw - cal.threshold()) / cal.width()));
  }

  /** Why a concept fits: a sentence and the concept's words in it. */
  record Evidence(String sentence, List<String> terms, boolean inTitle) {}

  static Evidence evidence(Profile p, List<String> sentences) {
    // A sentence naming the concept (by label or synonym), the title first.
    for (int i = 0; i < sentences.size(); i++) {
      Matcher m = p.terms().matcher(sentences.get(i));
      Set<String> found = new LinkedHashSet<>();
      while (m.find()) {
        found.add(m.group());
      }
      if (!found.isEmpty()) {
        return new Evidence(cut(sentences.get(i)), List.copyOf(found), i == 0);
      }
    }
    // Otherwise the sentence sharing most words with the concept's definition.
    String best = sentences.isEmpty() ? "" : sentences.get(0);
    Set<String> bestWords = Set.of();
    for (String sentence : sentences) {
      Set<String> shared = new LinkedHashSet<>();
      Matcher w = WORD.matcher(sentence);
      while (w.find()) {
        String word = w.group();
        if (p.words().contains(stem(word.toLowerCase(Locale.ROOT)))) {
          shared.add(word);
        }
      }
      if (shared.size() > bestWords.size()) {
        best = sentence;
        bestWords = shared;
      }
    }
    return new Evidence(cut(best), List.of(), false);
  }

  private static String cut(String sentence) {
    return sentence.length() <= EVIDENCE_CHARS
        ? sentence
        : sentence.substring(0, EVIDENCE_CHARS - 1).strip() + "…";
  }

  /** The record's English title, the sentences of its abstract, and its keywords. */
  static List<String> sentences(Standard s) {
    List<String> out = new ArrayList<>();
    String title = s.titleIn("en");
    if (title != null && !title.isBlank()) {
      out.add(title.strip());
    }
    String summary = Standard.pick(s.summary(), "en");
    if (summary != null) {
      for (String sentence : SENTENCE_END.split(summary.strip())) {
        if (!sentence.isBlank()) {
          out.add(sentence.strip());
        }
      }
    }
    if (!s.keywords().isEmpty()) {
      out.add(String.join(", ", s.keywords()));
    }
    return out;
  }

  /** The concepts' embeddings and word patterns, computed once (about 55 embeddings). */
  List<Profile> profiles() {
    List<Profile> p = profiles;
    if (p == null) {
      synchronized (this) {
        p = profiles;
        if (p == null) {
          p = buildProfiles();
          profiles = p;
        }
      }
    }
    return p;
  }

  private List<Profile> buildProfiles() {
    List<Profile> out = new ArrayList<>();
    for (Taxonomy.DimensionInfo info : taxonomy.dimensions()) {
      for (Concept c : info.concepts().values()) {
        List<String> synonyms = c.altLabels().getOrDefault("en", List.of());
        String text =
            c.label("en")
                + ": "
                + c.definition("en")
                + (synonyms.isEmpty() ? "" : " Also known as: " + String.join(", ", synonyms));
        out.add(
            new Profile(
                info.dimension(),
                c,
                embedder.query(text),
                termPattern(c.label("en"), synonyms),
                definitionWords(c.label("en") + " " + c.definition("en"))));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The concept's label and synonyms as whole words, plural endings allowed; short all-capital
   * acronyms (ITS, NLP) match only in capitals, everything else in any case.
   */
  static Pattern termPattern(String label, List<String> synonyms) {
    List<String> exact = new ArrayList<>();
    List<String> anyCase = new ArrayList<>();
    Set<String> terms = new LinkedHashSet<>();
    terms.add(label);
    terms.addAll(synonyms);
    for (String t : terms) {
      String term = t.strip();
      if (term.isEmpty()) {
        continue;
      }
      String quoted = Pattern.quote(term).replace(" ", "\\E[\\s-]+\\Q");
      if (term.length() <= 6 && term.equals(term.toUpperCase(Locale.ROOT))) {
        exact.add(quoted);
      } else {
        anyCase.add("(?i:" + quoted + ")");
      }
    }
    List<String> all = new ArrayList<>(anyCase);
    all.addAll(exact);
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])(?:" + String.join("|", all) + ")(?:s|es)?(?![\\p{L}\\p{N}])");
  }

  private static Set<String> definitionWords(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher w = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (w.find()) {
      String word = w.group();
      if (word.length() >= 4 && !STOP.contains(word)) {
        out.add(stem(word));
      }
    }
    return out;
  }

  private static String stem(String word) {
    if (word.endsWith("ies") && word.length() > 4) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 4) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /** Scores are kept to three decimals, and compared with {@link #CONFIDENT} as kept. */
  private static double rounded(double score) {
    return Math.round(score * 1000) / 1000.0;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
