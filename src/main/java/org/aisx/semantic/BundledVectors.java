package org.aisx.semantic;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.ingest.JsonFormat;
import org.aisx.taxonomy.Taxonomy;

/**
 * The precomputed embeddings of the bundled corpus ({@code corpus/starter-embeddings.bin}), so that
 * a first start offers semantic search at once. Rebuilt after the corpus changes with:
 *
 * <pre>
 * mvn -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:$(cat target/cp.txt) org.aisx.semantic.BundledVectors \
 *     src/main/resources/corpus/starter.json src/main/resources/corpus/starter-embeddings.bin
 * </pre>
 *
 * <p>Format: "AISXVEC1", the model name, the count, then per record its id, the hash of the
 * embedded text and {@link Embedder#DIMENSIONS} floats (big-endian, {@link DataOutputStream}).
 */
public final class BundledVectors {
  public static final String RESOURCE = "/corpus/starter-embeddings.bin";
  private static final String MAGIC = "AISXVEC1";

  private BundledVectors() {}

  /** Reads the bundled vectors; empty if the resource is absent or for another model. */
  public static Map<String, Vectors.Computed> read() throws IOException {
    Map<String, Vectors.Computed> out = new LinkedHashMap<>();
    try (InputStream raw = BundledVectors.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        return out;
      }
      DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
      if (!MAGIC.equals(in.readUTF()) || !Embedder.MODEL.equals(in.readUTF())) {
        return out;
      }
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String id = in.readUTF();
        String hash = in.readUTF();
        float[] v = new float[Embedder.DIMENSIONS];
        for (int d = 0; d < v.length; d++) {
          v[d] = in.readFloat();
        }
        out.put(id, new Vectors.Computed(hash, v));
      }
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    Path target = Path.of(args[1]);
    var json = Json.mapper();
    StandardReader reader = new StandardReader(Taxonomy.bundled(json));
    List<Standard> records = new ArrayList<>();
    try (InputStream in = Files.newInputStream(corpus)) {
      new JsonFormat(json).read(in, raw -> records.add(reader.read(raw.node())));
    }
    Embedder embedder = new Embedder();
    long start = System.nanoTime();
    // Two caller threads, one ONNX session: the fastest arrangement on two cores.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<float[]>> vectors = new ArrayList<>();
    for (Standard s : records) {
      vectors.add(pool.submit(() -> embedder.document(s)));
    }
    try (OutputStream os = Files.newOutputStream(target);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
      out.writeUTF(MAGIC);
      out.writeUTF(Embedder.MODEL);
      out.writeInt(records.size());
      for (int i = 0; i < records.size(); i++) {
        Standard s = records.get(i);
        out.writeUTF(s.id());
        out.writeUTF(Embedder.hash(Embedder.textOf(s)));
        for (float f : vectors.get(i).get()) {
          out.writeFloat(f);
        }
        if ((i + 1) % 50 == 0) {
          System.err.printf(Locale.ROOT, "%d/%d embedded%n", i + 1, records.size());
        }
      }
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(
        Locale.ROOT,
        "%d records embedded in %.1f s (%.1f records/s)%n",
        records.size(),
        seconds,
        records.size() / seconds);
  }
}
