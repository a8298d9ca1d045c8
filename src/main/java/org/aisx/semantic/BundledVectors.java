package org.aisx.semantic;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The precomputed embeddings of the bundled corpus ({@code corpus/starter-embeddings.bin}), so that
 * a first start offers semantic search at once. Written, after the corpus changes, by the build
 * tool {@code org.aisx.semantic.BundledVectorsWriter} ({@code src/tools/java}, not in the jar; the
 * README says how to run it).
 *
 * <p>Format: "AISXVEC1", the model name, the count, then per record its id, the hash of the
 * embedded text and {@link Embedder#DIMENSIONS} floats (big-endian, {@link DataOutputStream}).
 */
public final class BundledVectors {
  public static final String RESOURCE = "/corpus/starter-embeddings.bin";
  static final String MAGIC = "AISXVEC1";

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
}
