package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class InputsTest {
  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(data);
    }
    return gz.toByteArray();
  }

  static InputStream inflation(byte[] gz, long maxBytes, long maxRatio) throws IOException {
    CountingInputStream compressed = new CountingInputStream(new ByteArrayInputStream(gz));
    return new Inputs.Inflation(new GZIPInputStream(compressed), compressed, maxBytes, maxRatio);
  }

  @Test
  void inflatingPastTheSizeLimitStopsWithTheLimitNamed() throws Exception {
    byte[] random = new byte[300_000];
    new Random(18).nextBytes(random);
    assertThatThrownBy(() -> inflation(gzip(random), 200_000, 100).readAllBytes())
        .isInstanceOf(Inputs.LimitExceeded.class)
        .hasMessageContaining("more than 200000 bytes")
        .hasMessageContaining("aisx.import.maxInflatedBytes");
    assertThat(inflation(gzip(random), 300_000, 100).readAllBytes()).isEqualTo(random);
  }

  @Test
  void aBombIsStoppedByTheRatioOnceEnoughHasInflated() throws Exception {
    byte[] zeros = new byte[(int) Inputs.RATIO_CHECKED_AFTER + (1 << 20)];
    assertThatThrownBy(() -> inflation(gzip(zeros), Long.MAX_VALUE, 100).readAllBytes())
        .isInstanceOf(Inputs.LimitExceeded.class)
        .hasMessageContaining("more than 100 times its size");
    // Repetitive but small: never checked for its ratio.
    byte[] small = new byte[1 << 20];
    assertThat(inflation(gzip(small), Long.MAX_VALUE, 100).readAllBytes()).hasSize(1 << 20);
  }

  @Test
  void aLineLongerThanTheLimitStopsTheReadNamingTheLine() {
    byte[] text =
        ("short\r\nalso short\n" + "x".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Inputs.lineLimited(new ByteArrayInputStream(text), 999).readAllBytes())
        .isInstanceOf(Inputs.LimitExceeded.class)
        .hasMessageContaining("line 3 is longer than 999 bytes");
  }

  @Test
  void aGzipCutShortOrDamagedOrEmptyIsSaidInWordsAPersonCanActOn() throws Exception {
    byte[] text = "one line\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
    byte[] whole = gzip(text);
    assertThat(Inputs.gunzip(new ByteArrayInputStream(whole)).readAllBytes()).isEqualTo(text);

    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> Inputs.decompressed(new ByteArrayInputStream(cut)).readAllBytes())
        .isInstanceOf(Inputs.Damaged.class)
        .hasMessage("the gzip-compressed file ends early: it was cut short");

    byte[] damaged = whole.clone();
    for (int i = 20; i < 60; i++) {
      damaged[i] = (byte) 0xff;
    }
    assertThatThrownBy(() -> Inputs.gunzip(new ByteArrayInputStream(damaged)).readAllBytes())
        .isInstanceOf(Inputs.Damaged.class)
        .hasMessageStartingWith("the gzip-compressed data is damaged (");

    assertThatThrownBy(() -> Inputs.gunzip(new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(Inputs.Damaged.class)
        .hasMessageContaining("empty or ends inside its gzip header");
    assertThatThrownBy(() -> Inputs.gunzip(new ByteArrayInputStream(text)))
        .isInstanceOf(Inputs.Damaged.class)
        .hasMessageStartingWith("the file is not gzip-compressed");
  }
}
