package org.aisx.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.aisx.App;
import org.aisx.catalog.Progress;
import org.aisx.semantic.Embedder;
import org.aisx.semantic.Vectors;

/**
 * Gives every record of a data directory a stored vector, as if the embedding job had finished: a
 * random unit vector (seeded by the record's id) under the hash of the record's current text, so
 * that {@code serve} counts it as current, indexes it and runs what follows embedding
 * (classification, topic clustering) without the hours the model takes over a large catalogue on a
 * small machine. For memory measurements only (BENCHMARKS.md, "Memory bound"): the vectors mean
 * nothing, so search by meaning and the duplication signals are not realistic, but the vectors take
 * the room real ones take (384 floats each) everywhere they are held.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.aisx.bench.SyntheticVectors DIR
 * java -jar target/aisx.jar reindex --data DIR
 * </pre>
 */
public final class SyntheticVectors {
  static final int DIMENSIONS = 384;

  private SyntheticVectors() {}

  public static void main(String[] args) {
    try (App app = App.open(Path.of(args[0]), null, Progress.SILENT)) {
      Vectors vectors = app.vectors();
      Map<String, String> have = vectors.hashes();
      List<String[]> missing = new ArrayList<>();
      app.catalog()
          .forEach(
              s -> {
                String hash = Embedder.hash(Embedder.textOf(s));
                if (!hash.equals(have.get(s.id()))) {
                  missing.add(new String[] {s.id(), hash});
                }
              });
      Map<String, Vectors.Computed> batch = new LinkedHashMap<>();
      for (String[] m : missing) {
        batch.put(m[0], new Vectors.Computed(m[1], unit(m[0])));
        if (batch.size() == 2_000) {
          vectors.saveAll(batch);
          batch.clear();
        }
      }
      vectors.saveAll(batch);
      System.out.printf(
          java.util.Locale.ROOT,
          "%d records, %d vectors written%n",
          app.catalog().count(),
          missing.size());
    }
  }

  /** A random unit vector, the same for the same id. */
  static float[] unit(String id) {
    SplittableRandom random = new SplittableRandom(id.hashCode());
    float[] v = new float[DIMENSIONS];
    double norm = 0;
    for (int i = 0; i < DIMENSIONS; i++) {
      double x = random.nextDouble() * 2 - 1;
      v[i] = (float) x;
      norm += x * x;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < DIMENSIONS; i++) {
      v[i] *= scale;
    }
    return v;
  }
}
