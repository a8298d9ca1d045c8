package org.aisx.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Hostile feed files of issue 18, made in memory for the web and command-line attack tests. */
public final class HostileFeeds {
  private HostileFeeds() {}

  /**
   * A compression bomb: the gzip of a Relaton header and 64 MiB of zeros on one line, about 64 kB
   * compressed (an inflation ratio near 1000; the shared feeds' is 5 to 40).
   */
  public static byte[] bomb() {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("---\nid: BOMB-1\ntitle: ".getBytes(StandardCharsets.UTF_8));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        out.write(zeros);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return gz.toByteArray();
  }

  /**
   * Four Relaton documents: ISO/IEC 42001:2023 (valid), a self-referencing alias ({@code abstract:
   * &ab [ {content: *ab} ]}), a list nested 100,000 deep, and ISO/IEC TR 24030:2021 (valid), the
   * two valid ones cut from the IEC fixture.
   */
  public static byte[] aliasFeed() {
    String[] docs;
    try (InputStream in = HostileFeeds.class.getResourceAsStream("/fixtures/relaton/iec.yaml")) {
      docs = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("(?m)^---\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String feed =
        "---\n"
            + docs[1]
            + "---\nid: ALIAS-1\nabstract: &ab [ {content: *ab} ]\n"
            + "---\nid: DEEP-1\nabstract: "
            + "[".repeat(100_000)
            + "]".repeat(100_000)
            + "\n---\n"
            + docs[2];
    return feed.getBytes(StandardCharsets.UTF_8);
  }
}
