package org.aisx.search;

/**
 * The dot product of two int8 vectors of the same length, exact in integer arithmetic: the inner
 * loop of the quantized scan ({@link QuantizedVectors}). Two implementations give the same answer;
 * {@link #fastest()} picks the JDK's vector API when the JVM has its module.
 */
interface Int8Dot {
  /** {@code a} · {@code b[offset .. offset + a.length)}. */
  int dot(byte[] a, byte[] b, int offset);

  /** A plain loop; HotSpot does not vectorise it (about 9x slower than {@link SimdInt8Dot}). */
  Int8Dot SCALAR =
      (a, b, offset) -> {
        int sum = 0;
        for (int i = 0; i < a.length; i++) {
          sum += a[i] * b[offset + i];
        }
        return sum;
      };

  /**
   * With the JDK's vector API ({@code jdk.incubator.vector}, which {@code bin/aisx} adds to the
   * JVM), or empty when the JVM runs without that module: then the quantized scan is slower than
   * Lucene's own float scan and is not used.
   */
  static java.util.Optional<Int8Dot> fastest() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new SimdInt8Dot());
  }
}
