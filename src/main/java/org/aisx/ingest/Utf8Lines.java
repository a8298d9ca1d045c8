package org.aisx.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a UTF-8 byte stream, as {@link java.io.BufferedReader#readLine} gives them (ended by
 * LF, CR or CR LF; malformed bytes become U+FFFD), but cut on the bytes and decoded a line at a
 * time: a feed's lines are mostly ASCII, which {@link String#String(byte[], int, int,
 * java.nio.charset.Charset)} turns into a compact string directly, where a {@code Reader} first
 * widens every byte to a char and narrows it again. CR and LF never occur inside a multi-byte UTF-8
 * sequence, so cutting before decoding is safe.
 */
final class Utf8Lines {
  private final InputStream in;
  private byte[] buffer = new byte[1 << 16];
  private int start;
  private int limit;
  private boolean eof;

  /** The last line ended with CR: an LF right after it belongs to the same line break. */
  private boolean afterCr;

  Utf8Lines(InputStream in) {
    this.in = in;
  }

  /** The next line without its terminator, or null at the end of the stream. */
  String next() throws IOException {
    if (afterCr) {
      afterCr = false;
      if (start == limit) {
        fill();
      }
      if (start < limit && buffer[start] == '\n') {
        start++;
      }
    }
    int scan = start;
    while (true) {
      for (; scan < limit; scan++) {
        byte b = buffer[scan];
        if (b == '\n' || b == '\r') {
          String line = new String(buffer, start, scan - start, StandardCharsets.UTF_8);
          start = scan + 1;
          afterCr = b == '\r';
          return line;
        }
      }
      if (eof) {
        if (start == limit) {
          return null;
        }
        String last = new String(buffer, start, limit - start, StandardCharsets.UTF_8);
        start = limit;
        return last;
      }
      scan -= start;
      fill();
    }
  }

  /** Moves the unread bytes to the front (growing the buffer for a long line) and reads more. */
  private void fill() throws IOException {
    int unread = limit - start;
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, unread);
    } else if (unread == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    start = 0;
    limit = unread;
    int n = in.read(buffer, limit, buffer.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }
}
