package org.aisx.classify;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.aisx.catalog.Standard;
import org.aisx.semantic.Embedder;
import org.aisx.taxonomy.Dimension;

/**
 * What people's labels taught: one logistic regression per concept, over what the record says of
 * the concept ({@link #pair}: closeness, whether and where it names it, the record's AI tier), the
 * record's embedding, and the tf-idf of its words and word pairs. Trained by the build tool {@code
 * ConceptModelWriter} ({@code src/tools/java}, LIBLINEAR) on the judged training samples of {@code
 * src/test/resources/ eval} and shipped as {@link #RESOURCE}; a concept with too few judged
 * examples has no weights and is left to the zero-shot rule. Each dimension has a threshold, chosen
 * out of fold on the training samples, at which a probability reads as {@link
 * Classifier#CONFIDENT}: one for the records the AI tier takes, one for those it leaves out ({@link
 * Thresholds}). Immutable.
 */
final class ConceptModel {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConceptModel.class);

  static final String RESOURCE = "/classify/concept-model.bin.gz";

  /**
   * The written format: {@code AISXCM2} has {@link #PAIR} = 11 pair features and left-out
   * thresholds; a file of another format is refused when read, naming the format it has.
   */
  private static final String MAGIC = "AISXCM2";

  /** Marks a left-out threshold's dimension in the written model. */
  private static final String LEFT_OUT = "left-out:";

  /** How many features {@link #pair} gives. */
  static final int PAIR = 11;

  /** No model: every concept is left to the zero-shot rule. */
  static final ConceptModel NONE =
      new ConceptModel(Map.of(), new float[0], Map.of(), Thresholds.NONE, "none");

  /**
   * Per dimension, the probability that reads as {@link Classifier#CONFIDENT}: {@code taken} for
   * records the AI tier takes (core or adjacent, {@link AiRelevance#tier}), {@code leftOut} for
   * those it leaves out. Outside the AI corpus people judge far fewer concepts to apply (the
   * labelling rule leaves a text that is not about AI without a sector), so the left-out records
   * get their own thresholds, chosen for precision first; a dimension missing from {@code leftOut}
   * shows nothing for such records ({@link #shows}).
   */
  record Thresholds(Map<Dimension, Double> taken, Map<Dimension, Double> leftOut) {
    static final Thresholds NONE = new Thresholds(Map.of(), Map.of());

    Thresholds {
      taken = Map.copyOf(taken);
      leftOut = Map.copyOf(leftOut);
    }

    /** The same thresholds for every record (for choosing them). */
    static Thresholds same(Map<Dimension, Double> both) {
      return new Thresholds(both, both);
    }

    Double of(Dimension d, boolean left) {
      return (left ? leftOut : taken).get(d);
    }
  }

  /** One concept's weights. */
  record Weights(float bias, float[] pair, float[] embedding, float[] words) {}

  /** The model's contents: vocabulary with idf, each concept's weights, the thresholds. */
  private record Parts(
      Map<String, Integer> vocabulary,
      float[] idf,
      Map<String, Weights> concepts,
      Thresholds thresholds) {}

  /** The written model, parsed on first use (null when built from parts). */
  private final byte[] source;

  private volatile Parts parts;
  private final String fingerprint;

  ConceptModel(
      Map<String, Integer> vocabulary,
      float[] idf,
      Map<String, Weights> concepts,
      Thresholds thresholds,
      String fingerprint) {
    this.source = null;
    this.parts = new Parts(Map.copyOf(vocabulary), idf.clone(), Map.copyOf(concepts), thresholds);
    this.fingerprint = fingerprint;
  }

  /**
   * A written model whose header was checked: its weight vectors are parsed when first used (the
   * embedding job's first classification), not while the service starts.
   */
  private ConceptModel(byte[] source) {
    this.source = source;
    this.fingerprint = hash(source);
  }

  private Parts parts() {
    Parts p = parts;
    if (p == null) {
      synchronized (this) {
        p = parts;
        if (p == null) {
          try {
            p = parse(source);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
          }
          parts = p;
        }
      }
    }
    return p;
  }

  /** The shipped model; {@link #NONE} when the jar has none. */
  static ConceptModel bundled() {
    try (InputStream raw = ConceptModel.class.getResourceAsStream(RESOURCE)) {
      return raw == null ? NONE : read(raw.readAllBytes());
    } catch (OtherFormat e) {
      // A build whose model file is older than this code (the writer itself runs in one): the
      // zero-shot rule alone, said out loud; the classifier's version says "none" for the model.
      LOG.warn("{}: the zero-shot rule alone classifies", e.getMessage());
      return NONE;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A written model of another format than {@link #MAGIC}. */
  static final class OtherFormat extends IOException {
    private static final long serialVersionUID = 1L;

    OtherFormat(String message) {
      super(message);
    }
  }

  /** The same weights read at other thresholds (for choosing them). */
  ConceptModel withThresholds(Thresholds other) {
    Parts p = parts();
    return new ConceptModel(p.vocabulary(), p.idf(), p.concepts(), other, fingerprint);
  }

  /** A short hash of the model's bytes, part of the classifier's version. */
  String fingerprint() {
    return fingerprint;
  }

  /**
   * Whether a record may be shown concepts of {@code dim}: always, but for a record the AI tier
   * leaves out ({@code leftOut}) when this model has no left-out threshold for the dimension.
   */
  boolean shows(Dimension dim, boolean leftOut) {
    return this == NONE || !leftOut || parts().thresholds().leftOut().containsKey(dim);
  }

  /** Whether the model has weights for {@code dimension/concept}. */
  boolean knows(Dimension dim, String concept) {
    return parts().concepts().containsKey(dim.id() + "/" + concept);
  }

  int vocabularySize() {
    return parts().idf().length;
  }

  /** The record's words as a sparse, unit-length tf-idf vector over the model's vocabulary. */
  record Words(int[] index, float[] value) {
    static final Words NONE = new Words(new int[0], new float[0]);
  }

  Words words(Standard record) {
    Parts p = parts();
    Map<Integer, Integer> tf = new HashMap<>();
    for (String t : terms(record)) {
      Integer i = p.vocabulary().get(t);
      if (i != null) {
        tf.merge(i, 1, Integer::sum);
      }
    }
    return weigh(tf, p.idf());
  }

  /** Unit-length tf-idf of term counts {@code tf} (sublinear tf), indices ascending. */
  static Words weigh(Map<Integer, Integer> tf, float[] idf) {
    int[] index = tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    float[] value = new float[index.length];
    double norm = 0;
    for (int k = 0; k < index.length; k++) {
      double v = (1 + Math.log(tf.get(index[k]))) * idf[index[k]];
      value[k] = (float) v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (int k = 0; k < value.length && norm > 0; k++) {
      value[k] /= (float) norm;
    }
    return new Words(index, value);
  }

  /**
   * The probability that {@code dim/concept} applies (0 when the model has no weights for it), from
   * the record's pair features for the concept, its embedding and its words.
   */
  double probability(Dimension dim, String concept, double[] pair, float[] vector, Words words) {
    Weights w = parts().concepts().get(dim.id() + "/" + concept);
    if (w == null) {
      return 0;
    }
    double z = w.bias();
    for (int i = 0; i < PAIR; i++) {
      z += w.pair()[i] * pair[i];
    }
    for (int i = 0; i < vector.length; i++) {
      z += w.embedding()[i] * vector[i];
    }
    for (int k = 0; k < words.index().length; k++) {
      z += w.words()[words.index()[k]] * words.value()[k];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * The probability read as a suggestion score: {@link Classifier#CONFIDENT} at the dimension's
   * threshold for records of its kind ({@code leftOut}: the AI tier leaves the record out), moving
   * as the odds do (0 without weights or threshold).
   */
  double score(
      Dimension dim, String concept, double[] pair, float[] vector, Words words, boolean leftOut) {
    Double t = parts().thresholds().of(dim, leftOut);
    if (t == null) {
      return 0;
    }
    double p = probability(dim, concept, pair, vector, words);
    if (p <= 0) {
      return 0;
    }
    double odds = Math.log(p / (1 - p)) - Math.log(t / (1 - t));
    return 1 / (1 + Math.exp(-odds));
  }

  /**
   * What a record says of every concept at once, computed once per record: each dimension's highest
   * closeness, whether the title names AI, and the record's AI tier ({@link AiRelevance#tier}).
   */
  record Context(Map<Dimension, Double> closest, boolean aiInTitle, AiRelevance.Tier tier) {
    static Context of(List<Classifier.Feature> features, Standard record) {
      Map<Dimension, Double> closest = new EnumMap<>(Dimension.class);
      for (Classifier.Feature f : features) {
        closest.merge(f.profile().dimension(), f.cosine(), Math::max);
      }
      String title = record.titleIn("en");
      return new Context(
          closest,
          title != null && Classifier.AI_IN_TITLE.matcher(title).find(),
          AiRelevance.tier(record));
    }
  }

  /**
   * What the record says of the concept of {@code f}: closeness, where the record names it (title,
   * text, nowhere, ruled out), whether it is the dimension's closest concept, how far below the
   * closest, whether the title names AI, the closeness again, shifted, and whether the AI tier
   * takes the record as core or as adjacent.
   */
  static double[] pair(Classifier.Feature f, Context context) {
    double max = context.closest().get(f.profile().dimension());
    Classifier.Evidence.Kind k = f.evidence().kind();
    return new double[] {
      f.cosine(),
      k == Classifier.Evidence.Kind.TITLE ? 1 : 0,
      k == Classifier.Evidence.Kind.TEXT ? 1 : 0,
      k == Classifier.Evidence.Kind.MEANING ? 1 : 0,
      k == Classifier.Evidence.Kind.EXCLUDED ? 1 : 0,
      f.cosine() >= max ? 1 : 0,
      (f.cosine() - max) * 10,
      context.aiInTitle() ? 1 : 0,
      (f.cosine() - 0.6) * 10,
      context.tier() == AiRelevance.Tier.CORE ? 1 : 0,
      context.tier() == AiRelevance.Tier.ADJACENT ? 1 : 0,
    };
  }

  /**
   * The record's terms: the lower-case words (two characters or more, a plural "s" dropped from
   * words over four) of its English title, abstract and keywords, each pair of adjacent words, and
   * its body as {@code sdo:BODY}.
   */
  static List<String> terms(Standard record) {
    StringBuilder text = new StringBuilder();
    for (String sentence : Classifier.sentences(record)) {
      text.append(sentence).append(" . ");
    }
    List<String> words = new ArrayList<>();
    for (String w : text.toString().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 2) {
        words.add(w.endsWith("s") && w.length() > 4 ? w.substring(0, w.length() - 1) : w);
      }
    }
    List<String> out = new ArrayList<>(words);
    for (int i = 0; i + 1 < words.size(); i++) {
      out.add(words.get(i) + "_" + words.get(i + 1));
    }
    out.add("sdo:" + record.sdo());
    return out;
  }

  /** Writes the model (gzip): vocabulary with idf, thresholds, then each concept's weights. */
  void write(OutputStream target) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(target);
    DataOutputStream out = new DataOutputStream(gz);
    out.writeUTF(MAGIC);
    out.writeUTF(Embedder.MODEL);
    Parts p = parts();
    float[] idf = p.idf();
    Thresholds thresholds = p.thresholds();
    String[] terms = new String[idf.length];
    p.vocabulary().forEach((t, i) -> terms[i] = t);
    out.writeInt(terms.length);
    for (int i = 0; i < terms.length; i++) {
      out.writeUTF(terms[i]);
      out.writeFloat(idf[i]);
    }
    out.writeInt(thresholds.taken().size() + thresholds.leftOut().size());
    for (Dimension d : Dimension.values()) {
      if (thresholds.taken().containsKey(d)) {
        out.writeUTF(d.id());
        out.writeDouble(thresholds.taken().get(d));
      }
    }
    for (Dimension d : Dimension.values()) {
      if (thresholds.leftOut().containsKey(d)) {
        out.writeUTF(LEFT_OUT + d.id());
        out.writeDouble(thresholds.leftOut().get(d));
      }
    }
    Map<String, Weights> concepts = p.concepts();
    List<String> keys = new ArrayList<>(concepts.keySet());
    keys.sort(null);
    out.writeInt(keys.size());
    for (String key : keys) {
      Weights w = concepts.get(key);
      out.writeUTF(key);
      out.writeFloat(w.bias());
      for (float[] part : List.of(w.pair(), w.embedding(), w.words())) {
        for (float x : part) {
          out.writeFloat(x);
        }
      }
    }
    out.flush();
    gz.finish();
  }

  /**
   * Reads what {@link #write} wrote; {@link #NONE} when it was made for another embedding model.
   */
  static ConceptModel read(byte[] bytes) throws IOException {
    DataInputStream in = header(bytes);
    return in == null ? NONE : new ConceptModel(bytes);
  }

  /** The stream after the header; null when the model was made for another embedding model. */
  private static DataInputStream header(byte[] bytes) throws IOException {
    DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))));
    String format = in.readUTF();
    if (!MAGIC.equals(format)) {
      throw new OtherFormat(
          RESOURCE
              + " is not a concept model of format "
              + MAGIC
              + " (it has '"
              + format
              + "'): run ConceptModelWriter again");
    }
    return Embedder.MODEL.equals(in.readUTF()) ? in : null;
  }

  private static Parts parse(byte[] bytes) throws IOException {
    DataInputStream in = header(bytes);
    int n = in.readInt();
    Map<String, Integer> vocabulary = new HashMap<>(n * 2);
    float[] idf = new float[n];
    for (int i = 0; i < n; i++) {
      vocabulary.put(in.readUTF(), i);
      idf[i] = in.readFloat();
    }
    Map<Dimension, Double> taken = new EnumMap<>(Dimension.class);
    Map<Dimension, Double> leftOut = new EnumMap<>(Dimension.class);
    int t = in.readInt();
    for (int i = 0; i < t; i++) {
      String key = in.readUTF();
      boolean left = key.startsWith(LEFT_OUT);
      String dim = left ? key.substring(LEFT_OUT.length()) : key;
      (left ? leftOut : taken)
          .put(
              Dimension.fromId(dim).orElseThrow(() -> new IOException("unknown dimension " + dim)),
              in.readDouble());
    }
    Thresholds thresholds = new Thresholds(taken, leftOut);
    int c = in.readInt();
    Map<String, Weights> concepts = new LinkedHashMap<>();
    for (int i = 0; i < c; i++) {
      String key = in.readUTF();
      float bias = in.readFloat();
      float[] pair = floats(in, PAIR);
      float[] embedding = floats(in, Embedder.DIMENSIONS);
      float[] words = floats(in, n);
      concepts.put(key, new Weights(bias, pair, embedding, words));
    }
    return new Parts(vocabulary, idf, Map.copyOf(concepts), thresholds);
  }

  private static float[] floats(DataInputStream in, int n) throws IOException {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = in.readFloat();
    }
    return out;
  }

  static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
