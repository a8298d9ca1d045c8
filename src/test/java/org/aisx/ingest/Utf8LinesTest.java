package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8LinesTest {

  @Test
  void givesTheLinesBufferedReaderGivesForEveryKindOfLineBreak() throws IOException {
    String text = "a\nb\r\nc\rd\r\r\ne\n\n\r\rlast without a break";
    assertThat(lines(bytes(text), Integer.MAX_VALUE)).isEqualTo(reference(bytes(text)));
    assertThat(lines(bytes(text), Integer.MAX_VALUE))
        .containsExactly("a", "b", "c", "d", "", "e", "", "", "", "last without a break");
  }

  @Test
  void anEmptyStreamHasNoLinesAndAFinalBreakAddsNone() throws IOException {
    assertThat(lines(new byte[0], Integer.MAX_VALUE)).isEmpty();
    assertThat(lines(bytes("x\n"), Integer.MAX_VALUE)).containsExactly("x");
    assertThat(lines(bytes("x\r"), Integer.MAX_VALUE)).containsExactly("x");
  }

  @Test
  void decodesUtf8AndKeepsAByteOrderMark() throws IOException {
    String text = "\ufefftitle: Cybersécurité — 人工智能 \uD83E\uDD16\nnext";
    assertThat(lines(bytes(text), 1)).containsExactly(text.split("\n"));
  }

  @Test
  void agreesWithBufferedReaderOnRandomBytesWhateverTheReadSizes() throws IOException {
    Random random = new Random(42);
    byte[] alphabet =
        bytes("ab é—人\uD83E\uDD16\r\n\n\n- key: value\n")
            .clone(); // multi-byte sequences get cut anywhere, and become U+FFFD, as in a Reader
    for (int round = 0; round < 2_000; round++) {
      byte[] input = new byte[random.nextInt(300)];
      for (int i = 0; i < input.length; i++) {
        input[i] =
            random.nextInt(20) == 0
                ? (byte) random.nextInt(256)
                : alphabet[random.nextInt(alphabet.length)];
      }
      int chunk = 1 + random.nextInt(8);
      assertThat(lines(input, chunk)).as("round %d", round).isEqualTo(reference(input));
    }
  }

  @Test
  void readsLinesLongerThanItsBuffer() throws IOException {
    String longLine = "x".repeat(200_000) + "é".repeat(70_000);
    String text = "short\r\n" + longLine + "\r\nend";
    assertThat(lines(bytes(text), 4096)).containsExactly("short", longLine, "end");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Every line, read from a stream that hands out at most {@code chunk} bytes per read. */
  private static List<String> lines(byte[] input, int chunk) throws IOException {
    InputStream in =
        new FilterInputStream(new ByteArrayInputStream(input)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, chunk));
          }
        };
    Utf8Lines lines = new Utf8Lines(in);
    List<String> out = new ArrayList<>();
    for (String line; (line = lines.next()) != null; ) {
      out.add(line);
    }
    return out;
  }

  private static List<String> reference(byte[] input) throws IOException {
    BufferedReader r =
        new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8));
    List<String> out = new ArrayList<>();
    for (String line; (line = r.readLine()) != null; ) {
      out.add(line);
    }
    return out;
  }
}
