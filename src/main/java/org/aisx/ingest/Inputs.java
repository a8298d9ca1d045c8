package org.aisx.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Import inputs: a directory means every file in it; gzip is recognised by its magic bytes. */
public final class Inputs {
  private Inputs() {}

  /** The files named, with each directory replaced by the regular files under it, sorted. */
  public static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new IOException("no such file or directory: " + p);
      }
    }
    return files;
  }

  /**
   * The most bytes a compressed input may inflate to (1 GiB; the largest shared feed, ISO's Relaton
   * YAML, inflates to 266 MB). Set with {@code -Daisx.import.maxInflatedBytes=}.
   */
  public static final long MAX_INFLATED_BYTES =
      Long.getLong("aisx.import.maxInflatedBytes", 1L << 30);

  /**
   * The most a compressed input may inflate relative to the compressed bytes read so far (100; the
   * shared feeds inflate 5 to 40 times, a compression bomb of zeros about 1000 times). Set with
   * {@code -Daisx.import.maxInflationRatio=}. Checked once {@link #RATIO_CHECKED_AFTER} bytes have
   * been inflated, so that small files with repetitive text are never refused for it.
   */
  public static final long MAX_INFLATION_RATIO =
      Long.getLong("aisx.import.maxInflationRatio", 100L);

  static final long RATIO_CHECKED_AFTER = 16L << 20;

  /**
   * The longest line a line-based feed may have (16 MiB; the shared feeds' longest is about 7 kB).
   * Set with {@code -Daisx.import.maxLineBytes=}.
   */
  public static final long MAX_LINE_BYTES = Long.getLong("aisx.import.maxLineBytes", 16L << 20);

  /** An input went over one of the limits above; reading it stops here. */
  public static final class LimitExceeded extends IOException {
    private static final long serialVersionUID = 1L;

    LimitExceeded(String message) {
      super(message);
    }
  }

  /**
   * A gzip input that is not whole: empty, cut short (a download that stopped) or damaged; reading
   * stops here. Its message says which, in words a person can act on.
   */
  public static final class Damaged extends IOException {
    private static final long serialVersionUID = 1L;

    Damaged(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * {@code in} inflated as gzip; a stream that is empty, not gzip, cut short or damaged throws
   * {@link Damaged} (the JDK's own {@code EOFException} says only "Unexpected end of ZLIB input
   * stream").
   */
  public static InputStream gunzip(InputStream in) throws IOException {
    GZIPInputStream gzip;
    try {
      gzip = new GZIPInputStream(in, 1 << 16);
    } catch (EOFException e) {
      throw new Damaged("the file is empty or ends inside its gzip header (cut short)", e);
    } catch (ZipException e) {
      throw new Damaged("the file is not gzip-compressed (" + e.getMessage() + ")", e);
    }
    return new FilterInputStream(gzip) {
      /**
       * Nothing is promised without blocking: the JDK's inflater says 1 until its end, so a {@link
       * BufferedInputStream} above would read on into a cut and lose the bytes it already had.
       */
      @Override
      public int available() {
        return 0;
      }

      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (EOFException | ZipException e) {
          throw damaged(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (EOFException | ZipException e) {
          throw damaged(e);
        }
      }
    };
  }

  private static Damaged damaged(IOException e) {
    return e instanceof EOFException
        ? new Damaged("the gzip-compressed file ends early: it was cut short", e)
        : new Damaged("the gzip-compressed data is damaged (" + e.getMessage() + ")", e);
  }

  /**
   * Opens {@code in}, transparently decompressing gzip, within {@link #MAX_INFLATED_BYTES} and
   * {@link #MAX_INFLATION_RATIO}: past either, reading throws {@link LimitExceeded}.
   */
  public static InputStream decompressed(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      CountingInputStream compressed = new CountingInputStream(buffered);
      return new BufferedInputStream(
          new Inflation(gunzip(compressed), compressed, MAX_INFLATED_BYTES, MAX_INFLATION_RATIO),
          1 << 16);
    }
    return buffered;
  }

  /** {@code in}, throwing {@link LimitExceeded} on a line longer than {@code maxLineBytes}. */
  static InputStream lineLimited(InputStream in, long maxLineBytes) {
    return new LineLimit(in, maxLineBytes);
  }

  /** Skips by reading, so that the skipped bytes count against the limits too. */
  private static long skipByReading(InputStream in, long n) throws IOException {
    byte[] buffer = new byte[8192];
    long left = n;
    while (left > 0) {
      int r = in.read(buffer, 0, (int) Math.min(left, buffer.length));
      if (r < 0) {
        break;
      }
      left -= r;
    }
    return n - left;
  }

  /** Counts inflated bytes against the limits. */
  static final class Inflation extends FilterInputStream {
    private final CountingInputStream compressed;
    private final long maxBytes;
    private final long maxRatio;
    private long inflated;

    Inflation(InputStream in, CountingInputStream compressed, long maxBytes, long maxRatio) {
      super(in);
      this.compressed = compressed;
      this.maxBytes = maxBytes;
      this.maxRatio = maxRatio;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        inflated += n;
        check();
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      return skipByReading(this, n);
    }

    private void check() throws LimitExceeded {
      if (inflated > maxBytes) {
        throw new LimitExceeded(
            "the gzip input inflates to more than "
                + maxBytes
                + " bytes (aisx.import.maxInflatedBytes); reading stopped");
      }
      long read = Math.max(1, compressed.count());
      if (inflated > RATIO_CHECKED_AFTER && inflated / read > maxRatio) {
        throw new LimitExceeded(
            "the gzip input inflates more than "
                + maxRatio
                + " times its size ("
                + inflated
                + " bytes from the first "
                + read
                + " compressed bytes; aisx.import.maxInflationRatio): a compression bomb?"
                + " Reading stopped");
      }
    }
  }

  /** Counts the bytes since the last line break against a limit. */
  static final class LineLimit extends FilterInputStream {
    private final long maxLineBytes;
    private long line;
    private long lineNumber = 1;

    LineLimit(InputStream in, long maxLineBytes) {
      super(in);
      this.maxLineBytes = maxLineBytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      for (int i = off; i < off + n; i++) {
        count(b[i]);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      return skipByReading(this, n);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void count(byte b) throws LimitExceeded {
      if (b == '\n' || b == '\r') {
        if (b == '\n') {
          lineNumber++;
        }
        line = 0;
      } else if (++line > maxLineBytes) {
        throw new LimitExceeded(
            "line "
                + lineNumber
                + " is longer than "
                + maxLineBytes
                + " bytes (aisx.import.maxLineBytes); reading stopped");
      }
    }
  }
}
