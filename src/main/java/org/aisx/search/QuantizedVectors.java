package org.aisx.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * One segment's vectors in int8 (a quarter of their floats' size), with what bounds each record's
 * true dot product with a query from above, so that a scan of the bytes finds every record that can
 * be at least a floor similar, and the float vectors are read only for those ({@link
 * CloseInMeaning}).
 *
 * <p>Each dimension j has a scale s<sub>j</sub> (the largest |v<sub>j</sub>| of the segment over
 * 127) and each vector v its codes q = round(v / s) and its rounding error e = v - s∘q. A query t
 * is folded into the scales (t' = t∘s) and quantized in turn: t' = step·p + f. Then t·v =
 * step·(p·q) + f·q + t·e exactly, and by Cauchy-Schwarz t·v ≤ step·(p·q) + ‖f‖‖q‖ + ‖t‖‖e‖: the
 * integer dot product p·q and two norms kept per vector give an upper bound that no record above
 * the floor can fall below. For 384-dimension unit vectors the two terms add up to about 0.03 of
 * cosine.
 */
final class QuantizedVectors {
  /**
   * Added below the floor for the arithmetic's rounding: floats in Lucene's dot product and in the
   * bound (both far below 1e-4 for unit vectors of a few hundred dimensions).
   */
  private static final double SLACK = 1e-4;

  private final int dim;
  private final int[] docs; // the segment's documents with a vector, ascending
  private final byte[] codes; // docs.length × dim
  private final float[] scales;
  private final float[] codeNorms; // ‖q‖, rounded up
  private final float[] errorNorms; // ‖e‖, rounded up

  private QuantizedVectors(
      int dim, int[] docs, byte[] codes, float[] scales, float[] codeNorms, float[] errorNorms) {
    this.dim = dim;
    this.docs = docs;
    this.codes = codes;
    this.scales = scales;
    this.codeNorms = codeNorms;
    this.errorNorms = errorNorms;
  }

  /** The vectors of {@code field} in {@code reader}'s segment, or null when it has none. */
  static QuantizedVectors of(LeafReader reader, String field) throws IOException {
    FloatVectorValues first = reader.getFloatVectorValues(field);
    if (first == null || first.size() == 0) {
      return null;
    }
    int dim = first.dimension();
    float[] max = new float[dim];
    for (int d = first.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = first.nextDoc()) {
      float[] v = first.vectorValue();
      for (int j = 0; j < dim; j++) {
        max[j] = Math.max(max[j], Math.abs(v[j]));
      }
    }
    float[] scales = new float[dim];
    for (int j = 0; j < dim; j++) {
      scales[j] = max[j] == 0 ? 1f : max[j] / 127f;
    }
    FloatVectorValues second = reader.getFloatVectorValues(field);
    int n = second.size();
    int[] docs = new int[n];
    byte[] codes = new byte[Math.multiplyExact(n, dim)]; // fails beyond 2^31 bytes a segment
    float[] codeNorms = new float[n];
    float[] errorNorms = new float[n];
    int i = 0;
    for (int d = second.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = second.nextDoc()) {
      float[] v = second.vectorValue();
      double codeSquares = 0;
      double errorSquares = 0;
      for (int j = 0; j < dim; j++) {
        int q = clamp(Math.round(v[j] / scales[j]));
        codes[i * dim + j] = (byte) q;
        codeSquares += (double) q * q;
        double e = v[j] - (double) scales[j] * q;
        errorSquares += e * e;
      }
      docs[i] = d;
      codeNorms[i] = Math.nextUp((float) Math.sqrt(codeSquares));
      errorNorms[i] = Math.nextUp((float) Math.sqrt(errorSquares));
      i++;
    }
    return new QuantizedVectors(dim, docs, codes, scales, codeNorms, errorNorms);
  }

  private static int clamp(long q) {
    return (int) Math.max(-127, Math.min(127, q));
  }

  /** Bytes held, for the log and the benchmarks. */
  long bytes() {
    return codes.length + 4L * (docs.length * 3L + scales.length);
  }

  /**
   * The segment's documents (ascending) whose vector's dot product with {@code target} may be at
   * least {@code floorDot}: every one that is, and some that fall just below (within the bound).
   */
  int[] candidates(float[] target, double floorDot, Int8Dot product) {
    if (target.length != dim) {
      throw new IllegalArgumentException(
          "query vector has " + target.length + " dimensions, the segment's " + dim);
    }
    double[] folded = new double[dim];
    double largest = 0;
    double targetSquares = 0;
    for (int j = 0; j < dim; j++) {
      folded[j] = (double) target[j] * scales[j];
      largest = Math.max(largest, Math.abs(folded[j]));
      targetSquares += (double) target[j] * target[j];
    }
    double step = largest == 0 ? 1 : largest / 127;
    byte[] p = new byte[dim];
    double restSquares = 0;
    for (int j = 0; j < dim; j++) {
      int q = clamp(Math.round(folded[j] / step));
      p[j] = (byte) q;
      double f = folded[j] - step * q;
      restSquares += f * f;
    }
    double restNorm = Math.sqrt(restSquares);
    double targetNorm = Math.sqrt(targetSquares);
    double threshold = floorDot - SLACK;
    int[] out = new int[64];
    int n = 0;
    for (int i = 0; i < docs.length; i++) {
      double upper =
          step * product.dot(p, codes, i * dim)
              + restNorm * codeNorms[i]
              + targetNorm * errorNorms[i];
      if (upper >= threshold) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = docs[i];
      }
    }
    return Arrays.copyOf(out, n);
  }
}
