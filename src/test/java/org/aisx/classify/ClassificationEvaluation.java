package org.aisx.classify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Measures the classifier on the hand-labelled sample ({@code src/test/resources/eval/
 * classification.json}): precision and recall per dimension, zero-shot, and with the labels of the
 * other half of the sample confirmed as examples (two-fold). With {@code --calibrate}, it also
 * searches each dimension's decision rule by F1, reporting the rule chosen on each half as measured
 * on the other half, so the shipped figures are not fitted to the records they are measured on.
 * {@code java -cp ... org.aisx.classify.ClassificationEvaluation [--calibrate]}.
 */
public final class ClassificationEvaluation {

  /** A labelled record: its gold concepts per dimension. */
  record Labelled(String id, Map<Dimension, Set<String>> gold) {}

  /** Micro-averaged counts of one dimension. */
  record Counts(int truePositive, int predicted, int gold) {
    double precision() {
      return predicted == 0 ? 1 : (double) truePositive / predicted;
    }

    double recall() {
      return gold == 0 ? 1 : (double) truePositive / gold;
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

  static List<Labelled> sample() throws IOException {
    try (InputStream in =
        ClassificationEvaluation.class.getResourceAsStream("/eval/classification.json")) {
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
        out.add(new Labelled(r.get("id").asText(), gold));
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
    Map<Dimension, Counts> out = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      out.put(d, new Counts(0, 0, 0));
    }
    for (Case c : cases) {
      Map<String, List<Suggestion>> made =
          classifier.classify(c.record(), c.vector(), examples, Set.of());
      for (Dimension d : Dimension.values()) {
        Set<String> predicted = new LinkedHashSet<>();
        made.getOrDefault(d.id(), List.of()).stream()
            .filter(s -> s.score() >= Classifier.CONFIDENT)
            .forEach(s -> predicted.add(s.concept()));
        Set<String> gold = c.labelled().gold().get(d);
        int tp = (int) predicted.stream().filter(gold::contains).count();
        out.merge(d, new Counts(tp, predicted.size(), gold.size()), Counts::plus);
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

  /** The best rule for one dimension on {@code cases} by F1. */
  static Classifier.Calibration calibrate(
      App app, List<Case> cases, Dimension dim, Map<Dimension, Classifier.Calibration> base) {
    Classifier.Calibration best = base.get(dim);
    double bestF1 = -1;
    // Features once: the classifier's profiles and each record's evidence.
    Classifier probe = new Classifier(app.taxonomy(), app.embedder(), base);
    List<Classifier.Profile> profiles =
        probe.profiles().stream().filter(p -> p.dimension() == dim).toList();
    int n = cases.size();
    double[][] cos = new double[n][profiles.size()];
    Classifier.Evidence[][] ev = new Classifier.Evidence[n][profiles.size()];
    for (int i = 0; i < n; i++) {
      List<String> sentences = Classifier.sentences(cases.get(i).record());
      for (int j = 0; j < profiles.size(); j++) {
        cos[i][j] = Classifier.dot(cases.get(i).vector(), profiles.get(j).vector());
        ev[i][j] = Classifier.evidence(profiles.get(j), sentences);
      }
    }
    for (double t = 0.50; t <= 0.80; t += 0.005) {
      for (int max = 1; max <= 3; max++) {
        for (double tb : new double[] {0, 0.05, 0.1, 0.15, 0.2, 0.3}) {
          for (double xb : new double[] {0, 0.03, 0.06, 0.1, 0.15, 0.2}) {
            Classifier.Calibration cal =
                new Classifier.Calibration(t, Classifier.WIDTH, max, tb, xb);
            Counts counts = new Counts(0, 0, 0);
            for (int i = 0; i < n; i++) {
              List<Integer> chosen = new ArrayList<>();
              for (int j = 0; j < profiles.size(); j++) {
                if (Classifier.zeroShot(cos[i][j], ev[i][j], cal) >= 0.5) {
                  chosen.add(j);
                }
              }
              final int row = i;
              chosen.sort(
                  Comparator.comparingDouble(
                      (Integer j) -> -Classifier.zeroShot(cos[row][j], ev[row][j], cal)));
              Set<String> gold = cases.get(i).labelled().gold().get(dim);
              int tp = 0;
              int k = Math.min(max, chosen.size());
              for (int c = 0; c < k; c++) {
                if (gold.contains(profiles.get(chosen.get(c)).concept().id())) {
                  tp++;
                }
              }
              counts = counts.plus(new Counts(tp, k, gold.size()));
            }
            if (counts.f1() > bestF1 + 1e-9) {
              bestF1 = counts.f1();
              best = cal;
            }
          }
        }
      }
    }
    return best;
  }

  static Map<Dimension, Classifier.Calibration> calibrateAll(App app, List<Case> cases) {
    Map<Dimension, Classifier.Calibration> base = Classifier.defaultCalibration();
    Map<Dimension, Classifier.Calibration> out = new LinkedHashMap<>();
    for (Dimension d : Dimension.values()) {
      out.put(d, calibrate(app, cases, d, base));
    }
    return out;
  }

  static void print(String title, Map<Dimension, Counts> counts) {
    System.out.println(title);
    System.out.println("| dimension | precision | recall | F1 | suggested | gold |");
    System.out.println("|---|---|---|---|---|---|");
    Counts all = new Counts(0, 0, 0);
    for (Map.Entry<Dimension, Counts> e : counts.entrySet()) {
      Counts c = e.getValue();
      all = all.plus(c);
      System.out.printf(
          Locale.ROOT,
          "| %s | %.2f | %.2f | %.2f | %d | %d |%n",
          e.getKey().id(),
          c.precision(),
          c.recall(),
          c.f1(),
          c.predicted(),
          c.gold());
    }
    System.out.printf(
        Locale.ROOT,
        "| all | %.2f | %.2f | %.2f | %d | %d |%n",
        all.precision(),
        all.recall(),
        all.f1(),
        all.predicted(),
        all.gold());
  }

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("aisx-classify-eval");
    try (App app = Fixtures.starter(dir)) {
      List<Case> cases = cases(app, sample());
      System.out.printf(Locale.ROOT, "%d labelled records of the bundled corpus%n", cases.size());
      Classifier shipped = new Classifier(app.taxonomy(), app.embedder());
      print("Shipped rule, zero-shot:", measure(shipped, cases, Examples.NONE));
      print(
          "Shipped rule, other half's labels confirmed (two-fold):", withExamples(shipped, cases));
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
          "records with suggestions: %d of %d, with at least one confident (score >= %.1f): %d%n",
          covered[1],
          covered[0],
          Classifier.CONFIDENT,
          covered[2]);
      if (List.of(args).contains("--calibrate")) {
        List<List<Case>> h = halves(cases);
        Map<Dimension, Counts> held = new EnumMap<>(Dimension.class);
        for (int f = 0; f < 2; f++) {
          Map<Dimension, Classifier.Calibration> rule = calibrateAll(app, h.get(f));
          Map<Dimension, Counts> m =
              measure(
                  new Classifier(app.taxonomy(), app.embedder(), rule),
                  h.get(1 - f),
                  Examples.NONE);
          m.forEach((d, c) -> held.merge(d, c, Counts::plus));
        }
        print("Rule fitted on one half, measured on the other (two-fold), zero-shot:", held);
        System.out.println("Rule fitted on the whole sample:");
        calibrateAll(app, cases).forEach((d, c) -> System.out.println("  " + d + " " + c));
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
