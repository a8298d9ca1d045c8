package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The int8 dot product on the JDK's vector API gives the plain loop's answer, and the int8 scan on
 * it the float scan's. Surefire runs this class alone in a JVM with {@code --add-modules
 * jdk.incubator.vector} and the optimising compiler (execution {@code vector-api} in pom.xml), as
 * {@code bin/aisx} runs the server; without the module it fails rather than skips.
 */
class SimdInt8DotTest {
  @TempDir Path dir;

  @Test
  void theVectorApiIsThereAndGivesThePlainLoopsDotProduct() {
    Int8Dot simd = Int8Dot.fastest().orElseThrow();
    assertThat(simd).isInstanceOf(SimdInt8Dot.class);
    Random r = new Random(3);
    for (int length : new int[] {1, 7, 8, 9, 63, 64, 383, 384, 385}) {
      for (int round = 0; round < 50; round++) {
        byte[] a = new byte[length];
        byte[] b = new byte[length + 11];
        r.nextBytes(a);
        r.nextBytes(b);
        int offset = r.nextInt(12);
        if (round == 0) {
          java.util.Arrays.fill(a, (byte) -128);
          java.util.Arrays.fill(b, (byte) -128);
        }
        assertThat(simd.dot(a, b, offset))
            .as("length %d, offset %d", length, offset)
            .isEqualTo(Int8Dot.SCALAR.dot(a, b, offset));
      }
    }
  }

  @Test
  void theInt8ScanOnTheVectorApiFindsWhatTheFloatScanFinds() throws Exception {
    QuantizedScan scan = QuantizedScan.fastest("v").orElseThrow();
    QuantizedVectorsTest.assertSameAsFloatScan(dir, QuantizedVectorsTest.index(dir), scan);
  }
}
