package org.aisx.classify;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Suggestion;
import org.aisx.semantic.Embedder;
import org.aisx.taxonomy.Dimension;

/**
 * Build tool (not in the jar): trains {@link ConceptModel} on the judged training samples, of the
 * bundled corpus ({@link #TRAINING}) and from outside it ({@link #OUTSIDE}, with their catalogue
 * documents), and writes {@link ConceptModel#RESOURCE}. Each concept with at least {@link
 * #MIN_POSITIVES} judged positives gets an L2-regularised logistic regression (LIBLINEAR, {@link
 * #COST}, positives weighed {@link #POSITIVE_WEIGHT}); doubtful ('maybe') pairs are kept as
 * negatives, as the strict reading judges them. The thresholds are chosen out of fold (five folds,
 * a document's drafts and editions in one fold), per dimension and separately for the records the
 * AI tier takes and those it leaves out ({@link #thresholds}). Run after the samples, the corpus,
 * its vectors, the taxonomy or the classifier's features change, then run {@code
 * BundledClassificationWriter}:
 *
 * <pre>
 * ConceptModelWriter src/main/resources/classify/concept-model.bin.gz
 * </pre>
 */
public final class ConceptModelWriter {
  /**
   * The judged samples of the bundled corpus it learns from (src/test/resources/eval/README.md).
   */
  static final List<String> TRAINING =
      List.of(
          "/eval/classification.json",
          "/eval/classification-heldout.json",
          "/eval/classification-train-2.json",
          "/eval/classification-train-3.json",
          "/eval/classification-heldout-2.json",
          "/eval/classification-heldout-3.json",
          "/eval/classification-heldout-4.json");

  /**
   * LIBLINEAR's cost, the weight of a positive example, and the scales of the embedding and of the
   * words against the pair features (the regularisation sees scaled features; the weights written
   * are for unscaled ones). Chosen out of fold on the training samples (BENCHMARKS.md); a system
   * property of the same name ({@code -Dcost=3}) overrides one for such a search.
   */
  static final double COST = Double.parseDouble(System.getProperty("cost", "10"));

  static final double POSITIVE_WEIGHT = Double.parseDouble(System.getProperty("positive", "2"));
  static final double EMBEDDING_SCALE = Double.parseDouble(System.getProperty("embedding", "4"));
  static final double WORDS_SCALE = Double.parseDouble(System.getProperty("words", "2"));
  static final int MIN_POSITIVES = 2;
  static final int FOLDS = 5;
  static final double[] THRESHOLDS = {
    0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9
  };

  private ConceptModelWriter() {}

  /**
   * The judged samples of records outside the bundled corpus, each with its catalogue documents
   * ({@code NAME-records.json}).
   */
  static final List<String> OUTSIDE =
      List.of("/eval/classification-heldout-5", "/eval/classification-train-4");

  /**
   * The out-of-fold precision a dimension's threshold must reach (the target of issue 12). For
   * records the AI tier takes, the threshold with the best min(precision, recall) among those that
   * reach it; for those it leaves out, the lowest that reaches it over at least {@link
   * #LEFT_OUT_MIN_SHOWN} shown pairs, and without one such records are shown nothing of the
   * dimension.
   */
  static final double PRECISION = 0.85;

  static final int LEFT_OUT_MIN_SHOWN = 10;

  /** The judged training records: the catalogue's, then those outside it. */
  static List<ClassificationEvaluation.Case> training(App app) throws IOException {
    List<ClassificationEvaluation.Labelled> all = new ArrayList<>();
    for (String resource : TRAINING) {
      all.addAll(ClassificationEvaluation.read(resource));
    }
    List<ClassificationEvaluation.Case> out =
        new ArrayList<>(ClassificationEvaluation.cases(app, all));
    for (String name : OUTSIDE) {
      out.addAll(ClassificationEvaluation.outsideCorpus(app, name));
    }
    return out;
  }

  /** A training record's features, computed once. */
  record Row(
      ClassificationEvaluation.Case c,
      List<Classifier.Feature> features,
      ConceptModel.Context context,
      String group) {}

  /** Whether the AI tier leaves the row's record out (it gets the left-out thresholds). */
  static boolean leftOut(Row r) {
    return r.context().tier() == AiRelevance.Tier.OTHER;
  }

  static List<Row> rows(Classifier zeroShot, List<ClassificationEvaluation.Case> cases) {
    List<Row> rows = new ArrayList<>();
    for (ClassificationEvaluation.Case c : cases) {
      String title = c.record().titleIn("en");
      String group =
          (title == null ? c.record().id() : title)
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9]", "");
      List<Classifier.Feature> features = zeroShot.features(c.record(), c.vector());
      rows.add(new Row(c, features, ConceptModel.Context.of(features, c.record()), group));
    }
    return rows;
  }

  /**
   * Trains on {@code rows}, with {@code thresholds}: the vocabulary (terms in at least two records,
   * smoothed idf) and one model per concept with enough positives.
   */
  static ConceptModel train(
      List<Classifier.Profile> profiles, List<Row> rows, ConceptModel.Thresholds thresholds) {
    Map<String, Integer> df = new HashMap<>();
    for (Row r : rows) {
      for (String t : new HashSet<>(ConceptModel.terms(r.c().record()))) {
        df.merge(t, 1, Integer::sum);
      }
    }
    List<String> terms = new ArrayList<>();
    df.forEach(
        (t, n) -> {
          if (n >= 2) {
            terms.add(t);
          }
        });
    terms.sort(null);
    Map<String, Integer> vocabulary = new LinkedHashMap<>();
    float[] idf = new float[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      vocabulary.put(terms.get(i), i);
      idf[i] = (float) (Math.log((1.0 + rows.size()) / (1 + df.get(terms.get(i)))) + 1);
    }
    ConceptModel vocabularyOnly =
        new ConceptModel(vocabulary, idf, Map.of(), ConceptModel.Thresholds.NONE, "training");
    List<ConceptModel.Words> words = new ArrayList<>();
    for (Row r : rows) {
      words.add(vocabularyOnly.words(r.c().record()));
    }
    Map<String, ConceptModel.Weights> concepts = new LinkedHashMap<>();
    for (int ci = 0; ci < profiles.size(); ci++) {
      Classifier.Profile p = profiles.get(ci);
      Feature[][] x = new Feature[rows.size()][];
      double[] y = new double[rows.size()];
      int positives = 0;
      for (int i = 0; i < rows.size(); i++) {
        Row r = rows.get(i);
        boolean yes = r.c().labelled().gold().get(p.dimension()).contains(p.concept().id());
        positives += yes ? 1 : 0;
        y[i] = yes ? 1 : 0;
        x[i] = features(r, ci, words.get(i));
      }
      if (positives < MIN_POSITIVES) {
        continue;
      }
      concepts.put(p.dimension().id() + "/" + p.concept().id(), weights(x, y, vocabulary.size()));
    }
    return new ConceptModel(vocabulary, idf, concepts, thresholds, "training");
  }

  /** Pair features, embedding, words: liblinear's 1-based ascending sparse layout. */
  private static Feature[] features(Row r, int ci, ConceptModel.Words words) {
    double[] pair = ConceptModel.pair(r.features().get(ci), r.context());
    float[] v = r.c().vector();
    Feature[] out = new Feature[ConceptModel.PAIR + v.length + words.index().length];
    int k = 0;
    for (int i = 0; i < pair.length; i++) {
      out[k++] = new FeatureNode(i + 1, pair[i]);
    }
    for (int i = 0; i < v.length; i++) {
      out[k++] = new FeatureNode(ConceptModel.PAIR + i + 1, v[i] * EMBEDDING_SCALE);
    }
    for (int j = 0; j < words.index().length; j++) {
      out[k++] =
          new FeatureNode(
              ConceptModel.PAIR + v.length + words.index()[j] + 1, words.value()[j] * WORDS_SCALE);
    }
    return out;
  }

  private static ConceptModel.Weights weights(Feature[][] x, double[] y, int vocabulary) {
    Problem problem = new Problem();
    problem.l = x.length;
    problem.n = ConceptModel.PAIR + Embedder.DIMENSIONS + vocabulary + 1;
    problem.x = x;
    problem.y = y;
    problem.bias = 1;
    Parameter parameter = new Parameter(SolverType.L2R_LR, COST, 0.001);
    parameter.setWeights(new double[] {POSITIVE_WEIGHT}, new int[] {1});
    Model model = Linear.train(problem, parameter);
    double[] w = model.getFeatureWeights();
    double sign = model.getLabels()[0] == 1 ? 1 : -1;
    float[] pair = new float[ConceptModel.PAIR];
    float[] embedding = new float[Embedder.DIMENSIONS];
    float[] words = new float[vocabulary];
    int k = 0;
    for (int i = 0; i < pair.length; i++) {
      pair[i] = (float) (sign * w[k++]);
    }
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] = (float) (sign * w[k++] * EMBEDDING_SCALE);
    }
    for (int i = 0; i < words.length; i++) {
      words[i] = (float) (sign * w[k++] * WORDS_SCALE);
    }
    return new ConceptModel.Weights((float) (sign * w[k]), pair, embedding, words);
  }

  /** Out-of-fold counts per threshold and dimension, for one kind of record. */
  record Sweep(Map<Double, Map<Dimension, ClassificationEvaluation.Counts>> counts) {
    Sweep() {
      this(new LinkedHashMap<>());
    }

    void add(double t, Dimension d, ClassificationEvaluation.Counts c) {
      counts
          .computeIfAbsent(t, k -> new EnumMap<>(Dimension.class))
          .merge(d, c, ClassificationEvaluation.Counts::plus);
    }

    ClassificationEvaluation.Counts at(double t, Dimension d) {
      return counts
          .getOrDefault(t, Map.of())
          .getOrDefault(d, new ClassificationEvaluation.Counts(0, 0, 0));
    }
  }

  /**
   * Out of fold (five folds, a document's versions in one): for each threshold, applied to every
   * dimension, the shown suggestions of the classifier with a model trained on the other folds,
   * counted against the gold labels per dimension; {@code taken} and {@code leftOut} by the AI tier
   * of the record.
   */
  static void sweep(Classifier zeroShot, List<Row> rows, Sweep taken, Sweep leftOut) {
    for (int fold = 0; fold < FOLDS; fold++) {
      List<Row> train = new ArrayList<>();
      List<Row> test = new ArrayList<>();
      for (Row r : rows) {
        (Math.floorMod(r.group().hashCode(), FOLDS) == fold ? test : train).add(r);
      }
      ConceptModel m = train(zeroShot.profiles(), train, ConceptModel.Thresholds.NONE);
      for (double t : THRESHOLDS) {
        Map<Dimension, Double> same = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
          same.put(d, t);
        }
        Classifier c = zeroShot.with(m.withThresholds(ConceptModel.Thresholds.same(same)));
        for (Row r : test) {
          Map<String, List<Suggestion>> made =
              c.classify(r.c().record(), r.c().vector(), Examples.NONE, Set.of());
          for (Dimension d : Dimension.values()) {
            (leftOut(r) ? leftOut : taken)
                .add(t, d, ClassificationEvaluation.count(made, r.c().labelled(), d, false));
          }
        }
      }
    }
  }

  /**
   * The thresholds, printing the sweep, precision first (the target asks for precision 0.85 of what
   * is shown, then recall 0.85): for records the AI tier takes, among the thresholds whose
   * out-of-fold precision reaches {@link #PRECISION}, the one with the highest min(precision,
   * recall), the higher on a tie, or the most precise where none reaches it; for records it leaves
   * out, the lowest threshold whose out-of-fold precision reaches {@link #PRECISION} over at least
   * {@link #LEFT_OUT_MIN_SHOWN} shown pairs, or none.
   */
  static ConceptModel.Thresholds thresholds(Sweep taken, Sweep leftOut) {
    Map<Dimension, Double> forTaken = new EnumMap<>(Dimension.class);
    Map<Dimension, Double> forLeftOut = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      StringBuilder line = new StringBuilder(d.id() + " out of fold, tier core or adjacent:");
      StringBuilder left = new StringBuilder(d.id() + " out of fold, tier other:");
      double best = -1;
      for (double t : THRESHOLDS) {
        ClassificationEvaluation.Counts c = taken.at(t, d);
        ClassificationEvaluation.Counts o = leftOut.at(t, d);
        line.append(
            String.format(Locale.ROOT, " %.2f: P %.3f R %.3f;", t, c.precision(), c.recall()));
        left.append(
            String.format(
                Locale.ROOT,
                " %.2f: P %.3f R %.3f (%d/%d);",
                t,
                o.precision(),
                o.recall(),
                o.predicted(),
                o.gold()));
        // The precision bar first: a threshold under it ranks below every threshold over it; one
        // that shows nothing is no choice.
        double key =
            c.precision() >= PRECISION ? 1 + Math.min(c.precision(), c.recall()) : c.precision();
        if (c.predicted() > 0 && key >= best) {
          best = key;
          forTaken.put(d, t);
        }
        if (!forLeftOut.containsKey(d)
            && o.predicted() >= LEFT_OUT_MIN_SHOWN
            && o.precision() >= PRECISION) {
          forLeftOut.put(d, t);
        }
      }
      System.out.println(line);
      System.out.println(left);
    }
    return new ConceptModel.Thresholds(forTaken, forLeftOut);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: ConceptModelWriter OUTPUT.bin.gz");
      System.exit(2);
    }
    Linear.disableDebugOutput();
    Path scratch = Files.createTempDirectory("aisx-concept-model");
    try (App app = Fixtures.starter(scratch)) {
      Classifier zeroShot = new Classifier(app.taxonomy(), app.embedder()).with(ConceptModel.NONE);
      List<Row> rows = rows(zeroShot, training(app));
      Sweep taken = new Sweep();
      Sweep leftOut = new Sweep();
      sweep(zeroShot, rows, taken, leftOut);
      ConceptModel.Thresholds thresholds = thresholds(taken, leftOut);
      ConceptModel model = train(zeroShot.profiles(), rows, thresholds);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      model.write(bytes);
      Files.write(Path.of(args[0]), bytes.toByteArray());
      System.out.printf(
          Locale.ROOT,
          "%d training records (%d left out by the AI tier), %d terms, thresholds %s; wrote %s (%d"
              + " bytes)%n",
          rows.size(),
          rows.stream().filter(ConceptModelWriter::leftOut).count(),
          model.vocabularySize(),
          thresholds,
          args[0],
          bytes.size());
    }
  }
}
