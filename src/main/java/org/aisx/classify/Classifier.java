package org.aisx.classify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Suggestion;
import org.aisx.semantic.Embedder;
import org.aisx.taxonomy.Concept;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;

/**
 * Suggests taxonomy concepts for a record. A concept is shown (scores at least {@link #CONFIDENT})
 * when the record names it, by its label or a synonym in the sense the concept means ({@link
 * Senses}: "diagnostic" is medical only near patients or clinics, AI-ESTATE rules medical diagnosis
 * out), and the record's embedding is at least the dimension's floor close to the concept's (label,
 * definition and synonyms embedded together); a name in the title needs less closeness than one in
 * the abstract. On meaning alone, without a name, only a dimension's single closest concept can
 * pass, above a high floor. The floors were chosen for precision first on the tuning sample; the
 * shown suggestions are measured on a held-out sample (BENCHMARKS.md). Confirmed labels of similar
 * records ({@link Examples}) then pull each score towards what people decided for them. Every
 * suggestion carries its evidence: the sentence of the record that names the concept, or, when only
 * the meaning matches, the sentence sharing most words with the concept's definition.
 */
public final class Classifier {
  /** Names the method and its calibration; stored suggestions from another version are redone. */
  static final String METHOD = "learned-2";

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+(?=[A-Z0-9(\"“])");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final int EVIDENCE_CHARS = 300;

  /**
   * How far (in cosine) above a floor a score moves from 0.5 to 0.73: it spreads scores so that a
   * record well past the floor reads as about 0.95, not as certainty.
   */
  static final double WIDTH = 0.05;

  /**
   * Suggestions scoring at least this are shown: counted in taxonomy facets and filters, and in the
   * measured precision and recall. A record with none gets its single closest concept as an unsure
   * suggestion instead, for people to decide.
   */
  public static final double CONFIDENT = 0.5;

  /** The highest score of a concept that may not be shown (a meaning-only runner-up). */
  private static final double UNSURE = 0.49;

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
  private final Senses senses;
  private final Map<Dimension, Calibration> calibration;
  private final ConceptModel model;
  private final String version;
  private volatile List<Profile> profiles;

  /**
   * Concept texts already embedded, by text: shared by the classifiers of successive taxonomy
   * versions, so that an edit embeds only the concepts it changed.
   */
  private final Map<String, float[]> embedded;

  /**
   * A dimension's decision rule: how close (cosine) a record must be to a concept it names in its
   * title, names only in its abstract or keywords, or does not name (then only the closest concept
   * of the dimension counts); and how many concepts a record gets at most.
   */
  record Calibration(double titleFloor, double textFloor, double meaningFloor, int max) {
    double floor(Evidence.Kind kind) {
      return switch (kind) {
        case TITLE -> titleFloor;
        case TEXT -> textFloor;
        case MEANING, EXCLUDED -> meaningFloor;
      };
    }
  }

  /**
   * What the classifier knows of one concept: its embedding, the terms that name it whatever the
   * context ({@code strong}) and those that name it only in context ({@code weak}, may be null),
   * its senses, and the stems of its definition's words.
   */
  record Profile(
      Dimension dimension,
      Concept concept,
      float[] vector,
      Phrases strong,
      Phrases weak,
      Senses.Sense sense,
      Set<String> words) {

    /**
     * The profile of {@code c}: its label and synonyms split by {@code sense} into strong and weak.
     */
    static Profile of(Dimension dim, Concept c, Senses.Sense sense, float[] vector) {
      List<String> strong = new ArrayList<>();
      List<String> weak = new ArrayList<>();
      List<String> terms = new ArrayList<>();
      terms.add(c.label("en"));
      terms.addAll(c.altLabels().getOrDefault("en", List.of()));
      for (String t : terms) {
        (sense.weak().stream().anyMatch(w -> sameTerm(t, w)) ? weak : strong).add(t);
      }
      return new Profile(
          dim,
          c,
          vector,
          strong.isEmpty() ? null : phrasePattern(strong),
          weak.isEmpty() ? null : phrasePattern(weak),
          sense,
          definitionWords(c.label("en") + " " + c.definition("en")));
    }
  }

  /**
   * Whether {@code term} is {@code weak} or its plural, in any case: patterns match plural endings
   * anyway, so a label "Management systems" is the weak term "management system", not a strong one.
   */
  static boolean sameTerm(String term, String weak) {
    String t = term.toLowerCase(Locale.ROOT);
    String w = weak.toLowerCase(Locale.ROOT);
    return t.equals(w) || t.equals(w + "s") || t.equals(w + "es");
  }

  public Classifier(Taxonomy taxonomy, Embedder embedder) {
    this(
        taxonomy,
        embedder,
        Senses.bundled(taxonomy),
        defaultCalibration(),
        ConceptModel.bundled(),
        new ConcurrentHashMap<>());
  }

  Classifier(
      Taxonomy taxonomy,
      Embedder embedder,
      Senses senses,
      Map<Dimension, Calibration> calibration) {
    this(
        taxonomy, embedder, senses, calibration, ConceptModel.bundled(), new ConcurrentHashMap<>());
  }

  private Classifier(
      Taxonomy taxonomy,
      Embedder embedder,
      Senses senses,
      Map<Dimension, Calibration> calibration,
      ConceptModel model,
      Map<String, float[]> embedded) {
    this.taxonomy = taxonomy;
    this.embedder = embedder;
    this.senses = senses;
    this.calibration = Map.copyOf(calibration);
    this.model = model;
    this.embedded = embedded;
    this.version =
        METHOD
            + "/"
            + taxonomy.base()
            + "/"
            + fingerprint(taxonomy)
            + "/"
            + model.fingerprint()
            + "/"
            + AiRelevance.fingerprint();
  }

  /** The same taxonomy, model and senses with other decision rules (for the evaluation). */
  Classifier with(Map<Dimension, Calibration> other) {
    Classifier c = new Classifier(taxonomy, embedder, senses, other, model, embedded);
    c.profiles = profiles();
    return c;
  }

  /**
   * The same taxonomy, senses and rules with another learned model ({@link ConceptModel#NONE}:
   * zero-shot only).
   */
  Classifier with(ConceptModel other) {
    Classifier c = new Classifier(taxonomy, embedder, senses, calibration, other, embedded);
    c.profiles = profiles();
    return c;
  }

  /**
   * The classifier of another version of the taxonomy, with the same model, senses and rules;
   * concepts whose text did not change keep their embeddings.
   */
  public Classifier forTaxonomy(Taxonomy next) {
    return new Classifier(next, embedder, Senses.bundled(next), calibration, model, embedded);
  }

  /**
   * What of the taxonomy the classifier goes by, as a short hash: the concepts offered for
   * classification with their English text (the language it reads). An edit that leaves it alone (a
   * French label, a move) does not make the catalogue be classified again.
   */
  private static String fingerprint(Taxonomy taxonomy) {
    StringBuilder text = new StringBuilder();
    for (Taxonomy.DimensionInfo info : taxonomy.dimensions()) {
      for (Concept c : info.concepts().values()) {
        if (!c.retired()) {
          text.append(info.dimension().id())
              .append('/')
              .append(c.id())
              .append('\u001f')
              .append(profileText(c))
              .append('\u001e');
        }
      }
    }
    return ConceptModel.hash(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** What is embedded for a concept: its English label, definition and synonyms. */
  private static String profileText(Concept c) {
    List<String> synonyms = c.altLabels().getOrDefault("en", List.of());
    return c.label("en")
        + ": "
        + c.definition("en")
        + (synonyms.isEmpty() ? "" : " Also known as: " + String.join(", ", synonyms));
  }

  /**
   * Chosen on the tuning sample in src/test/resources/eval for precision first (about 0.9 there,
   * the most recall that keeps it), from the grid that {@code ClassificationEvaluation --calibrate}
   * searches; the vertical text floor was then raised from 0.62 to 0.64, which drops a tuning
   * record's sector named only in a list of examples (health in an industry-wide AIGC paper).
   * Figures measured on the held-out sample in BENCHMARKS.md.
   */
  static Map<Dimension, Calibration> defaultCalibration() {
    Map<Dimension, Calibration> c = new LinkedHashMap<>();
    c.put(Dimension.VERTICAL, new Calibration(0.50, 0.64, 1.0, 3));
    c.put(Dimension.ACTIVITY, new Calibration(0.45, 0.60, 0.68, 2));
    c.put(Dimension.APPLICATION, new Calibration(0.45, 0.60, 0.72, 2));
    c.put(Dimension.CONCERN, new Calibration(0.45, 0.68, 0.74, 3));
    return c;
  }

  /**
   * The version stored with suggestions: the method, the bundled taxonomy, the fingerprint of the
   * concepts it classifies by, the learned model's, and the AI tier rules' (the model reads the
   * tier).
   */
  public String version() {
    return version;
  }

  /**
   * Suggestions for {@code record} by dimension id, best first, leaving out its confirmed labels
   * and the concepts in {@code excluded} (ids as {@code dimension/concept}, e.g. rejected ones).
   */
  public Map<String, List<Suggestion>> classify(
      Standard record, float[] vector, Examples examples, Set<String> excluded) {
    return decide(
        record, vector, features(record, vector), examples.vote(vector, record.id()), excluded);
  }

  /** What the record says of one concept: how close it is, and what names it. */
  record Feature(Profile profile, double cosine, Evidence evidence) {}

  /** The features of {@code record} for every concept, in taxonomy order. */
  List<Feature> features(Standard record, float[] vector) {
    Sentences sentences = new Sentences(sentences(record));
    List<Feature> out = new ArrayList<>();
    for (Profile p : profiles()) {
      out.add(new Feature(p, dot(vector, p.vector()), evidence(p, sentences)));
    }
    return out;
  }

  /**
   * The suggestions this classifier's rules make from a record's features: a concept the learned
   * model ({@link ConceptModel}) has weights for scores what the model gives it, any other its
   * zero-shot score; then it moves towards people's decisions on similar records. A dimension the
   * model shows nothing of for records the AI tier leaves out ({@link ConceptModel#shows}) gives
   * such a record unsure suggestions at most.
   */
  Map<String, List<Suggestion>> decide(
      Standard record,
      float[] vector,
      List<Feature> features,
      Examples.Vote votes,
      Set<String> excluded) {
    boolean learns = model != ConceptModel.NONE;
    ConceptModel.Words words = learns ? model.words(record) : ConceptModel.Words.NONE;
    ConceptModel.Context context = learns ? ConceptModel.Context.of(features, record) : null;
    boolean leftOut = learns && context.tier() == AiRelevance.Tier.OTHER;
    Map<Dimension, Feature> closest = new EnumMap<>(Dimension.class);
    for (Feature f : features) {
      Dimension dim = f.profile().dimension();
      if (!isResidual(f.profile())
          && (!closest.containsKey(dim) || f.cosine() > closest.get(dim).cosine())) {
        closest.put(dim, f);
      }
    }
    Map<String, List<Suggestion>> out = new LinkedHashMap<>();
    Suggestion unsure = null;
    String unsureDimension = null;
    Feature residual = null;
    double residualLearned = 0;
    for (Feature f : features) {
      Profile p = f.profile();
      Dimension dim = p.dimension();
      String key = dim.id() + "/" + p.concept().id();
      boolean shows = model.shows(dim, leftOut);
      double learned = learns && shows ? learned(f, context, vector, words, leftOut) : 0;
      if (isResidual(p)) {
        residual = f;
        residualLearned = learned;
        continue;
      }
      if (excluded.contains(key)
          || record.concepts(dim.id()).contains(p.concept().id())
          || f.evidence().kind() == Evidence.Kind.EXCLUDED) {
        continue;
      }
      double zeroShot =
          zeroShot(f.cosine(), f.evidence().kind(), closest.get(dim) == f, calibration.get(dim));
      double base = learns && model.knows(dim, p.concept().id()) ? learned : zeroShot;
      double score = rounded(votes.blend(dim, p.concept().id(), base, PRIOR_WEIGHT));
      if (!shows) {
        score = Math.min(score, UNSURE);
      }
      Suggestion s =
          new Suggestion(p.concept().id(), score, f.evidence().sentence(), f.evidence().terms());
      if (score >= CONFIDENT) {
        out.computeIfAbsent(dim.id(), d -> new ArrayList<>()).add(s);
      } else if (unsure == null || s.score() > unsure.score()) {
        unsure = s;
        unsureDimension = dim.id();
      }
    }
    Map<String, List<Suggestion>> best = new LinkedHashMap<>();
    out.forEach(
        (dim, list) -> {
          list.sort(Comparator.comparingDouble(Suggestion::score).reversed());
          int max = calibration.get(Dimension.fromId(dim).orElseThrow()).max();
          best.put(dim, new ArrayList<>(list.subList(0, Math.min(max, list.size()))));
        });
    Suggestion cross =
        residual == null || !model.shows(Dimension.VERTICAL, leftOut)
            ? null
            : residual(record, residual, residualLearned, votes, excluded, best);
    if (cross != null) {
      best.computeIfAbsent(Dimension.VERTICAL.id(), d -> new ArrayList<>()).add(cross);
    }
    if (best.isEmpty() && unsure != null) {
      // Nothing passed: the closest concept, shown as unsure, so that people can still decide.
      best.put(unsureDimension, List.of(unsure));
    }
    best.replaceAll((dim, list) -> List.copyOf(list));
    return best;
  }

  /**
   * The vertical that means "no sector in particular": an AI standard for every sector names none,
   * so neither its words nor its definition's meaning single it out. It is suggested when the
   * record's title names AI itself ({@link #AI_IN_TITLE}), no sector, application or activity is
   * shown for it (a record about one application family has no sector), the record has no confirmed
   * vertical, its senses do not rule it out, and it is at least {@link #RESIDUAL_FLOOR} close to
   * the concept; or when the learned model shows it. Never for a record the AI tier leaves out when
   * the model shows no vertical for such records ({@link ConceptModel#shows}). Never beside a
   * sector shown for the record (of 611 judged records, 6 carry two verticals; out of fold this
   * raised vertical precision from 0.870 to 0.884 for 0.004 of recall).
   */
  static final String RESIDUAL = "cross-sector";

  static final double RESIDUAL_FLOOR = 0.52;

  /** A title naming AI, machine learning or its techniques as its subject. */
  static final Phrases AI_IN_TITLE =
      phrasePattern(
          List.of(
              "artificial intelligence",
              "AI",
              "machine learning",
              "ML",
              "deep learning",
              "neural network",
              "foundation model",
              "federated learning",
              "federated machine learning",
              "intelligent systems"));

  private static boolean isResidual(Profile p) {
    return p.dimension() == Dimension.VERTICAL && p.concept().id().equals(RESIDUAL);
  }

  private static Suggestion residual(
      Standard record,
      Feature f,
      double learned,
      Examples.Vote votes,
      Set<String> excluded,
      Map<String, List<Suggestion>> shown) {
    if (!record.verticals().isEmpty()
        || shown.containsKey(Dimension.VERTICAL.id())
        || excluded.contains(Dimension.VERTICAL.id() + "/" + RESIDUAL)
        || f.evidence().kind() == Evidence.Kind.EXCLUDED) {
      return null;
    }
    String title = record.titleIn("en");
    boolean byRule =
        !shown.containsKey(Dimension.APPLICATION.id())
            && !shown.containsKey(Dimension.ACTIVITY.id())
            && title != null
            && AI_IN_TITLE.matcher(title).find();
    double zeroShot = byRule ? 1 / (1 + Math.exp(-(f.cosine() - RESIDUAL_FLOOR) / WIDTH)) : 0;
    double score =
        rounded(
            votes.blend(Dimension.VERTICAL, RESIDUAL, Math.max(zeroShot, learned), PRIOR_WEIGHT));
    return score < CONFIDENT
        ? null
        : new Suggestion(RESIDUAL, score, f.evidence().sentence(), f.evidence().terms());
  }

  /** The learned model's score of the concept of {@code f} (0 without weights). */
  private double learned(
      Feature f,
      ConceptModel.Context context,
      float[] vector,
      ConceptModel.Words words,
      boolean leftOut) {
    Profile p = f.profile();
    if (!model.knows(p.dimension(), p.concept().id())) {
      return 0;
    }
    return model.score(
        p.dimension(), p.concept().id(), ConceptModel.pair(f, context), vector, words, leftOut);
  }

  /**
   * The zero-shot probability of a concept: the cosine of record and concept against the floor for
   * the kind of evidence the record gives. Without a name, a concept that is not the dimension's
   * closest stays below {@link #CONFIDENT}.
   */
  static double zeroShot(double cosine, Evidence.Kind kind, boolean closest, Calibration cal) {
    double p = 1 / (1 + Math.exp(-(cosine - cal.floor(kind)) / WIDTH));
    return kind == Evidence.Kind.MEANING && !closest ? Math.min(p, UNSURE) : p;
  }

  /** Why a concept fits: a sentence, the concept's words in it, and what kind of evidence it is. */
  record Evidence(String sentence, List<String> terms, Kind kind) {
    enum Kind {
      /** The title names the concept. */
      TITLE,
      /** The abstract or keywords name it. */
      TEXT,
      /** Nothing names it: the sentence closest to its definition. */
      MEANING,
      /** The record says something that rules the concept out (its senses' exclude). */
      EXCLUDED
    }

    boolean inTitle() {
      return kind == Kind.TITLE;
    }
  }

  static Evidence evidence(Profile p, List<String> sentences) {
    return evidence(p, new Sentences(sentences));
  }

  /**
   * A record's sentences with what every concept's evidence reads of them, computed once per record
   * rather than once per concept: their lower-case forms (for {@link Phrases#mayOccurIn}) and, when
   * first asked, their words with the words' stems.
   */
  static final class Sentences {
    private final List<String> all;
    private final List<String> lower;
    private List<List<String[]>> words;

    Sentences(List<String> all) {
      this.all = List.copyOf(all);
      List<String> l = new ArrayList<>(all.size());
      for (String sentence : all) {
        l.add(sentence.toLowerCase(Locale.ROOT));
      }
      this.lower = l;
    }

    /** The words of each sentence, each as {word, stem of its lower-case form}. */
    List<List<String[]>> words() {
      if (words == null) {
        List<List<String[]>> out = new ArrayList<>(all.size());
        for (String sentence : all) {
          List<String[]> ws = new ArrayList<>();
          Matcher w = WORD.matcher(sentence);
          while (w.find()) {
            String word = w.group();
            ws.add(new String[] {word, stem(word.toLowerCase(Locale.ROOT))});
          }
          out.add(ws);
        }
        words = out;
      }
      return words;
    }
  }

  static Evidence evidence(Profile p, Sentences text) {
    List<String> sentences = text.all;
    Senses.Sense sense = p.sense();
    if (sense.exclude() != null) {
      for (int i = 0; i < sentences.size(); i++) {
        if (!sense.exclude().mayOccurIn(text.lower.get(i))) {
          continue;
        }
        String sentence = sentences.get(i);
        Matcher m = sense.exclude().matcher(sentence);
        if (m.find()) {
          return new Evidence(cut(sentence), List.of(m.group()), Evidence.Kind.EXCLUDED);
        }
      }
    }
    List<String> masked = new ArrayList<>(sentences.size());
    boolean context = false;
    // The context matters only to weak terms: a concept without them never reads it.
    boolean needsContext = sense.context() != null && p.weak() != null;
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      String m =
          sense.mask() == null || !sense.mask().mayOccurIn(text.lower.get(i))
              ? sentence
              : blank(sense.mask(), sentence);
      masked.add(m);
      context |=
          needsContext
              && sense.context().mayOccurIn(text.lower.get(i))
              && sense.context().matcher(m).find();
    }
    // A sentence naming the concept (by label or synonym, in its sense), the title first.
    for (int i = 0; i < masked.size(); i++) {
      Set<String> found = new LinkedHashSet<>();
      if (p.strong() != null && p.strong().mayOccurIn(text.lower.get(i))) {
        Matcher m = p.strong().matcher(masked.get(i));
        while (m.find()) {
          found.add(m.group());
        }
      }
      if (context && p.weak() != null && p.weak().mayOccurIn(text.lower.get(i))) {
        Matcher m = p.weak().matcher(masked.get(i));
        while (m.find()) {
          found.add(m.group());
        }
      }
      if (!found.isEmpty()) {
        return new Evidence(
            cut(sentences.get(i)),
            List.copyOf(found),
            i == 0 ? Evidence.Kind.TITLE : Evidence.Kind.TEXT);
      }
    }
    // Otherwise the sentence sharing most words with the concept's definition.
    String best = sentences.isEmpty() ? "" : sentences.get(0);
    Set<String> bestWords = Set.of();
    List<List<String[]>> words = text.words();
    for (int i = 0; i < sentences.size(); i++) {
      Set<String> shared = new LinkedHashSet<>();
      for (String[] word : words.get(i)) {
        if (p.words().contains(word[1])) {
          shared.add(word[0]);
        }
      }
      if (shared.size() > bestWords.size()) {
        best = sentences.get(i);
        bestWords = shared;
      }
    }
    return new Evidence(cut(best), List.of(), Evidence.Kind.MEANING);
  }

  /** {@code text} with every match of {@code pattern} replaced by spaces (offsets kept). */
  private static String blank(Phrases pattern, String text) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text);
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
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
        if (c.retired()) {
          continue; // no longer offered: never suggested again
        }
        float[] vector = embedded.computeIfAbsent(profileText(c), embedder::query);
        out.add(Profile.of(info.dimension(), c, senses.of(info.dimension(), c.id()), vector));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The phrases as whole words, plural endings allowed, words joined by spaces or hyphens; short
   * all-capital acronyms (ITS, NLP) match only in capitals, everything else in any case.
   */
  static Phrases phrasePattern(List<String> phrases) {
    return Phrases.of(phrases);
  }

  /** The regular expression of {@link #phrasePattern}. */
  static Pattern phrasePatternOf(List<String> phrases) {
    List<String> exact = new ArrayList<>();
    List<String> anyCase = new ArrayList<>();
    for (String t : new LinkedHashSet<>(phrases)) {
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
