package org.aisx.classify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Suggestion;
import org.aisx.semantic.Embedder;
import org.aisx.taxonomy.Dimension;

/**
 * Measures the classifier's shown suggestions (score at least {@link Classifier#CONFIDENT}):
 * precision and recall per dimension, micro-averaged over (record, concept) pairs, on the tuning
 * sample ({@code src/test/resources/eval/classification.json}, where its rules and floors were
 * chosen) and on the held-out sample ({@link #heldOut}: {@code classification-heldout-6.json},
 * never tuned on), strict and lenient readings, with Wilson 95% intervals; and, on the tuning
 * sample, with the labels of the other half confirmed as examples (two-fold). With {@code
 * --calibrate}, it searches each dimension's floors on the tuning sample (the most recall whose
 * precision there is at least 0.9) and prints them, fitted on each half and measured on the other.
 * {@code java -cp ... org.aisx.classify.ClassificationEvaluation [--calibrate]}.
 */
public final class ClassificationEvaluation {

  /**
   * A labelled record: its gold concepts per dimension (strict reading), and the doubtful ones that
   * the lenient reading also counts as right when suggested.
   */
  record Labelled(String id, Map<Dimension, Set<String>> gold, Map<Dimension, Set<String>> maybe) {
    Set<String> lenient(Dimension d) {
      Set<String> out = new LinkedHashSet<>(gold.get(d));
      out.addAll(maybe.getOrDefault(d, Set.of()));
      return out;
    }
  }

  /** Micro-averaged counts of one dimension. */
  record Counts(int truePositive, int predicted, int gold) {
    double precision() {
      return predicted == 0 ? 1 : (double) truePositive / predicted;
    }

    double recall() {
      return gold == 0 ? 1 : (double) truePositive / gold;
    }

    /** The Wilson 95% interval of precision, as {low, high}. */
    double[] precisionInterval() {
      return wilson(truePositive, predicted);
    }

    /** The Wilson 95% interval of recall, as {low, high}. */
    double[] recallInterval() {
      return wilson(truePositive, gold);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    Counts plus(Counts o) {
      return new Counts(truePositive + o.truePositive, predicted + o.predicted, gold + o.gold);
    }
  }

  /** The Wilson score interval (95%) of {@code k} successes in {@code n}; {0, 1} when n is 0. */
  static double[] wilson(int k, int n) {
    if (n == 0) {
      return new double[] {0, 1};
    }
    double z = 1.96;
    double p = (double) k / n;
    double den = 1 + z * z / n;
    double centre = (p + z * z / (2 * n)) / den;
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / den;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  /** The tuning sample: rules, synonyms and floors may be chosen on it. */
  static List<Labelled> sample() throws IOException {
    return read("/eval/classification.json");
  }

  /**
   * The held-out sample: measured once, never tuned on (src/test/resources/eval/README.md, "Sixth
   * held-out sample"): 150 records outside the bundled corpus that the AI census read. Every
   * earlier held-out sample is now a training sample of {@code ConceptModelWriter}.
   */
  static List<Case> heldOut(App app) throws IOException {
    return outsideCorpus(app, "/eval/classification-heldout-6");
  }

  /**
   * The seventh held-out sample: 150 records of a whole shared-feed import's bulk, outside the
   * corpus and outside the AI census's pool (src/test/resources/eval/README.md, "Seventh held-out
   * sample"), measured once.
   */
  static List<Case> heldOutSeven(App app) throws IOException {
    return outsideCorpus(app, "/eval/classification-heldout-7");
  }

  /**
   * A sample of records outside the bundled corpus: its judgements ({@code NAME.json}) and the
   * records' catalogue documents ({@code NAME-records.json}), embedded here as the embedding job
   * would.
   */
  static List<Case> outsideCorpus(App app, String name) throws IOException {
    Map<String, Standard> documents = new HashMap<>();
    try (InputStream in =
        ClassificationEvaluation.class.getResourceAsStream(name + "-records.json")) {
      for (JsonNode d : Json.mapper().readTree(in).get("records")) {
        Standard s = Json.mapper().treeToValue(d, Standard.class);
        documents.put(s.id(), s);
      }
    }
    List<Case> out = new ArrayList<>();
    for (Labelled l : read(name + ".json")) {
      Standard s = documents.get(l.id());
      if (s == null) {
        throw new IllegalStateException("no catalogue document for " + l.id() + " in " + name);
      }
      out.add(new Case(l, s, app.embedder().document(s)));
    }
    return out;
  }

  static List<Labelled> read(String resource) throws IOException {
    try (InputStream in = ClassificationEvaluation.class.getResourceAsStream(resource)) {
      JsonNode root = Json.mapper().readTree(in);
      List<Labelled> out = new ArrayList<>();
      for (JsonNode r : root.get("records")) {
        Map<Dimension, Set<String>> gold = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
          Set<String> s = new LinkedHashSet<>();
          JsonNode list = r.get(d.id());
          if (list != null) {
            list.forEach(c -> s.add(c.asText()));
          }
          gold.put(d, s);
        }
        Map<Dimension, Set<String>> maybe = new EnumMap<>(Dimension.class);
        r.path("maybe")
            .fields()
            .forEachRemaining(
                e -> {
                  Set<String> m = new LinkedHashSet<>();
                  e.getValue().forEach(c -> m.add(c.asText()));
                  maybe.put(Dimension.fromId(e.getKey()).orElseThrow(), m);
                });
        out.add(new Labelled(r.get("id").asText(), gold, maybe));
      }
      return out;
    }
  }

  /** A labelled record ready to classify. */
  record Case(Labelled labelled, Standard record, float[] vector) {}

  static List<Case> cases(App app, List<Labelled> sample) {
    List<Case> out = new ArrayList<>();
    for (Labelled l : sample) {
      Standard s = app.catalog().get(l.id());
      float[] v =
          app.vectors()
              .find(s.id(), Embedder.hash(Embedder.textOf(s)))
              .orElseThrow(() -> new IllegalStateException("no vector for " + s.id()));
      out.add(new Case(l, s, v));
    }
    return out;
  }

  /** Classifies {@code cases} and counts against their gold labels, per dimension. */
  static Map<Dimension, Counts> measure(
      Classifier classifier, List<Case> cases, Examples examples) {
    return measure(classifier, cases, examples, false);
  }

  /**
   * As {@link #measure(Classifier, List, Examples)}; {@code lenient} also counts a suggested
   * doubtful ('maybe') pair as right (only the precision of lenient counts is meant to be read).
   */
  static Map<Dimension, Counts> measure(
      Classifier classifier, List<Case> cases, Examples examples, boolean lenient) {
    Map<Dimension, Counts> out = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      out.put(d, new Counts(0, 0, 0));
    }
    for (Case c : cases) {
      Map<String, List<Suggestion>> made =
          classifier.classify(c.record(), c.vector(), examples, Set.of());
      for (Dimension d : Dimension.values()) {
        out.merge(d, count(made, c.labelled(), d, lenient), Counts::plus);
      }
    }
    return out;
  }

  /** The examples people would have given by confirming the gold labels of {@code cases}. */
  static Examples examplesFrom(List<Case> cases) {
    List<Examples.Example> list = new ArrayList<>();
    for (Case c : cases) {
      Map<Dimension, Set<String>> yes = new HashMap<>();
      c.labelled()
          .gold()
          .forEach(
              (d, s) -> {
                if (!s.isEmpty()) {
                  yes.put(d, s);
                }
              });
      list.add(new Examples.Example(c.record().id(), c.vector(), yes, Map.of()));
    }
    return new Examples(list);
  }

  /** The two halves of the sample (alternate records). */
  static List<List<Case>> halves(List<Case> cases) {
    List<Case> a = new ArrayList<>();
    List<Case> b = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      (i % 2 == 0 ? a : b).add(cases.get(i));
    }
    return List.of(a, b);
  }

  /** Two-fold: each half classified with the other half's labels as examples. */
  static Map<Dimension, Counts> withExamples(Classifier classifier, List<Case> cases) {
    List<List<Case>> h = halves(cases);
    Map<Dimension, Counts> a = measure(classifier, h.get(0), examplesFrom(h.get(1)));
    Map<Dimension, Counts> b = measure(classifier, h.get(1), examplesFrom(h.get(0)));
    Map<Dimension, Counts> out = new EnumMap<>(Dimension.class);
    a.forEach((d, c) -> out.put(d, c.plus(b.get(d))));
    return out;
  }

  /** The floors searched by {@link #calibrate}. */
  private static final double[] TITLE_FLOORS = {0.45, 0.50, 0.55, 0.60};

  private static final double[] TEXT_FLOORS = {0.60, 0.62, 0.65, 0.68, 0.70, 0.75, 1.0};
  private static final double[] MEANING_FLOORS = {0.66, 0.68, 0.70, 0.72, 0.74, 0.76, 1.0};

  /** The precision a calibrated rule must reach on the cases it is fitted on. */
  static final double TARGET_PRECISION = 0.9;

  /**
   * Each dimension's rule with the most recall on {@code cases} whose precision there is at least
   * {@link #TARGET_PRECISION} (ties: more precision, then higher floors), the other dimensions kept
   * at {@code base} (they matter to the residual vertical). Zero-shot; features computed once.
   */
  static Map<Dimension, Classifier.Calibration> calibrate(
      Classifier shipped, List<Case> cases, Map<Dimension, Classifier.Calibration> base) {
    List<List<Classifier.Feature>> features = new ArrayList<>();
    for (Case c : cases) {
      features.add(shipped.features(c.record(), c.vector()));
    }
    Map<Dimension, Classifier.Calibration> out = new LinkedHashMap<>(base);
    for (Dimension dim : Dimension.values()) {
      Classifier.Calibration best = base.get(dim);
      double[] bestKey = {-1, -1, -1};
      for (double title : TITLE_FLOORS) {
        for (double text : TEXT_FLOORS) {
          for (double meaning : MEANING_FLOORS) {
            for (int max = 1; max <= 3; max++) {
              Classifier.Calibration cal = new Classifier.Calibration(title, text, meaning, max);
              Map<Dimension, Classifier.Calibration> rule = new LinkedHashMap<>(base);
              rule.put(dim, cal);
              Classifier candidate = shipped.with(rule);
              Counts counts = new Counts(0, 0, 0);
              for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                Map<String, List<Suggestion>> made =
                    candidate.decide(
                        c.record(), c.vector(), features.get(i), Examples.Vote.NONE, Set.of());
                counts = counts.plus(count(made, c.labelled(), dim, false));
              }
              double[] key = {
                counts.precision() >= TARGET_PRECISION ? 1 : 0, counts.recall(), counts.precision()
              };
              if (compare(key, bestKey) > 0) {
                bestKey = key;
                best = cal;
              }
            }
          }
        }
      }
      out.put(dim, best);
    }
    return out;
  }

  private static int compare(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > 1e-9) {
        return a[i] > b[i] ? 1 : -1;
      }
    }
    return 0;
  }

  /** The counts of one record's shown suggestions on one dimension. */
  static Counts count(
      Map<String, List<Suggestion>> made, Labelled labelled, Dimension d, boolean lenient) {
    Set<String> predicted = new LinkedHashSet<>();
    made.getOrDefault(d.id(), List.of()).stream()
        .filter(s -> s.score() >= Classifier.CONFIDENT)
        .forEach(s -> predicted.add(s.concept()));
    Set<String> right = lenient ? labelled.lenient(d) : labelled.gold().get(d);
    int tp = (int) predicted.stream().filter(right::contains).count();
    return new Counts(tp, predicted.size(), labelled.gold().get(d).size());
  }

  static void print(String title, Map<Dimension, Counts> counts) {
    print(title, counts, null);
  }

  /**
   * A table of precision and recall with Wilson 95% intervals; with {@code lenient}, a column of
   * the lenient reading's precision too.
   */
  static void print(String title, Map<Dimension, Counts> counts, Map<Dimension, Counts> lenient) {
    System.out.println(title);
    System.out.println(
        "| dimension | precision (95% CI) | recall (95% CI) | shown | gold |"
            + (lenient == null ? "" : " lenient precision (95% CI) |"));
    System.out.println("|---|---|---|---|---|" + (lenient == null ? "" : "---|"));
    Counts all = new Counts(0, 0, 0);
    Counts allLenient = new Counts(0, 0, 0);
    for (Map.Entry<Dimension, Counts> e : counts.entrySet()) {
      all = all.plus(e.getValue());
      if (lenient != null) {
        allLenient = allLenient.plus(lenient.get(e.getKey()));
      }
      System.out.println(
          row(e.getKey().id(), e.getValue(), lenient == null ? null : lenient.get(e.getKey())));
    }
    System.out.println(row("all", all, lenient == null ? null : allLenient));
  }

  private static String row(String name, Counts c, Counts lenient) {
    double[] p = c.precisionInterval();
    double[] r = c.recallInterval();
    String out =
        String.format(
            Locale.ROOT,
            "| %s | %.2f (%.2f–%.2f) | %.2f (%.2f–%.2f) | %d | %d |",
            name,
            c.precision(),
            p[0],
            p[1],
            c.recall(),
            r[0],
            r[1],
            c.predicted(),
            c.gold());
    if (lenient != null) {
      double[] l = lenient.precisionInterval();
      out += String.format(Locale.ROOT, " %.2f (%.2f–%.2f) |", lenient.precision(), l[0], l[1]);
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("aisx-classify-eval");
    try (App app = Fixtures.starter(dir)) {
      List<Case> tuning = cases(app, sample());
      List<Case> held = heldOut(app);
      Classifier shipped = new Classifier(app.taxonomy(), app.embedder());
      Classifier zeroShot = shipped.with(ConceptModel.NONE);
      System.out.printf(
          Locale.ROOT,
          "classifier %s; tuning sample %d records, held-out sample %d records%n",
          shipped.version(),
          tuning.size(),
          held.size());
      print(
          "Held-out sample (outside the corpus, never tuned on), shown suggestions, strict"
              + " reading:",
          measure(shipped, held, Examples.NONE, false),
          measure(shipped, held, Examples.NONE, true));
      print(
          "Held-out sample, zero-shot rule alone (no learned model), strict reading:",
          measure(zeroShot, held, Examples.NONE, false),
          measure(zeroShot, held, Examples.NONE, true));
      List<Case> seven = heldOutSeven(app);
      print(
          "Seventh held-out sample (the bulk of a whole import), shown suggestions, strict reading:",
          measure(shipped, seven, Examples.NONE, false),
          measure(shipped, seven, Examples.NONE, true));
      print(
          "Seventh held-out sample, zero-shot rule alone (no learned model), strict reading:",
          measure(zeroShot, seven, Examples.NONE, false),
          measure(zeroShot, seven, Examples.NONE, true));
      print(
          "Tuning sample (floors chosen here, in-sample), zero-shot rule alone:",
          measure(zeroShot, tuning, Examples.NONE));
      print(
          "Tuning sample, other half's labels confirmed (two-fold):",
          withExamples(shipped, tuning));
      print(
          "Held-out sample, the whole tuning sample's labels confirmed as examples:",
          measure(shipped, held, examplesFrom(tuning), false));
      int[] covered = {0, 0, 0};
      for (String id : allIds(app)) {
        Standard s = app.catalog().get(id);
        float[] v = app.vectors().find(id, Embedder.hash(Embedder.textOf(s))).orElse(null);
        if (v == null) {
          continue; // a test fixture outside the bundled corpus
        }
        covered[0]++;
        Map<String, List<Suggestion>> made = shipped.classify(s, v, Examples.NONE, Set.of());
        if (!made.isEmpty()) {
          covered[1]++;
        }
        if (made.values().stream()
            .flatMap(List::stream)
            .anyMatch(g -> g.score() >= Classifier.CONFIDENT)) {
          covered[2]++;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "records with suggestions: %d of %d, with at least one shown (score >= %.1f): %d%n",
          covered[1],
          covered[0],
          Classifier.CONFIDENT,
          covered[2]);
      if (List.of(args).contains("--calibrate")) {
        List<List<Case>> h = halves(tuning);
        Map<Dimension, Counts> other = new EnumMap<>(Dimension.class);
        for (int f = 0; f < 2; f++) {
          Map<Dimension, Classifier.Calibration> rule =
              calibrate(shipped, h.get(f), Classifier.defaultCalibration());
          measure(shipped.with(rule), h.get(1 - f), Examples.NONE)
              .forEach((d, c) -> other.merge(d, c, Counts::plus));
        }
        print("Floors fitted on one half of the tuning sample, measured on the other:", other);
        System.out.println("Floors fitted on the whole tuning sample:");
        calibrate(shipped, tuning, Classifier.defaultCalibration())
            .forEach((d, c) -> System.out.println("  " + d + " " + c));
      }
    }
  }

  /** Every record id of the catalogue, a page of 100 at a time. */
  static List<String> allIds(App app) {
    List<String> ids = new ArrayList<>();
    for (int page = 1; ; page++) {
      List<org.aisx.search.Hit> items =
          app.index()
              .search(
                  new org.aisx.search.SearchRequest(
                      "",
                      Map.of(),
                      null,
                      null,
                      org.aisx.search.SearchRequest.Sort.IDENTIFIER,
                      page,
                      100))
              .items();
      items.forEach(h -> ids.add(h.id()));
      if (items.size() < 100) {
        return ids;
      }
    }
  }

  private ClassificationEvaluation() {}
}
