package org.aisx.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
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

  /** The column (1-based, in bytes) of the last line's first byte that is not UTF-8; 0 if none. */
  private int malformedColumn;

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
          String line = decode(start, scan - start);
          start = scan + 1;
          afterCr = b == '\r';
          return line;
        }
      }
      if (eof) {
        if (start == limit) {
          return null;
        }
        String last = decode(start, limit - start);
        start = limit;
        return last;
      }
      scan -= start;
      fill();
    }
  }

  /**
   * The last line {@link #next} gave had bytes that are not UTF-8 (a Latin-1 feed, say), which it
   * gave as U+FFFD: the column (1-based, in bytes) of the first of them, or 0 when it had none.
   */
  int malformedColumn() {
    return malformedColumn;
  }

  /** The byte of the last line at {@link #malformedColumn}. */
  private int malformedByte;

  int malformedByte() {
    return malformedByte;
  }

  private String decode(int from, int length) {
    String line = new String(buffer, from, length, StandardCharsets.UTF_8);
    malformedColumn = 0;
    if (line.indexOf('\uFFFD') >= 0) {
      // Rare: a U+FFFD the feed wrote itself, or bytes that are not UTF-8. Find the first of those.
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer bytes = ByteBuffer.wrap(buffer, from, length);
      CharBuffer chars = CharBuffer.allocate(length);
      var result = decoder.decode(bytes, chars, true);
      if (result.isError()) {
        malformedColumn = bytes.position() - from + 1;
        malformedByte = buffer[bytes.position()] & 0xff;
      }
    }
    return line;
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
