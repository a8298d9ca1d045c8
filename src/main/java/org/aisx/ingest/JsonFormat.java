package org.aisx.ingest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.function.Consumer;
import org.aisx.catalog.Standard;

/**
 * The {@code json} format of SPEC §3, written by {@code export --format json} and read by {@code
 * import --format json}: {@code {"format": "aisx-json", "version": 1, "records": [...]}}, or just a
 * JSON array of records. Records stream in both directions, so any size fits in memory.
 */
public final class JsonFormat {
  public static final String FORMAT = "aisx-json";

  private final ObjectMapper json;

  /**
   * The longest string (a value or a field name, in bytes of UTF-8 as written in the file) a record
   * may hold: the longest any field takes is 20,000 characters (an abstract), and Jackson would
   * refuse a string over 20,000,000 characters by stopping the whole document. A longer one is cut
   * while it is read, so that it never takes more memory than this, and its record is rejected
   * alone; the rest of the feed is read. Set by {@code -Daisx.import.maxJsonStringBytes}.
   */
  public static final int MAX_STRING_BYTES =
      Integer.getInteger("aisx.import.maxJsonStringBytes", 1 << 20);

  private final int maxStringBytes;

  public JsonFormat(ObjectMapper json) {
    this(json, MAX_STRING_BYTES);
  }

  /** A reader whose records may hold strings of at most {@code maxStringBytes} bytes. */
  public JsonFormat(ObjectMapper json, int maxStringBytes) {
    this.json = json;
    this.maxStringBytes = maxStringBytes;
  }

  /** One raw record as read, with its 1-based number and the line it starts on. */
  public record RawRecord(int number, long line, JsonNode node) {}

  /** A record that is not passed on, with why. */
  public record Refused(int number, long line, String reason) {}

  /**
   * Streams the records of {@code in} to {@code sink}; a record holding a string longer than the
   * limit ends the reading with an {@link IOException} naming it.
   *
   * @throws JsonProcessingException when the document itself is broken (the records before the
   *     break have been passed on); the message names the line
   */
  public void read(InputStream in, Consumer<RawRecord> sink) throws IOException {
    try {
      read(
          in,
          sink,
          refused -> {
            throw new Stop(refused);
          });
    } catch (Stop stop) {
      throw new IOException(
          "record "
              + stop.refused.number()
              + " (line "
              + stop.refused.line()
              + ") "
              + stop.refused.reason());
    }
  }

  /** Ends {@link #read(InputStream, Consumer)} at a refused record. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Refused refused;

    Stop(Refused refused) {
      super(null, null, false, false);
      this.refused = refused;
    }
  }

  /**
   * Streams the records of {@code in} to {@code sink}, and those holding a string longer than the
   * limit to {@code refused}, reading on.
   *
   * @throws JsonProcessingException when the document itself is broken (the records before the
   *     break have been passed on); the message names the line
   */
  public void read(InputStream in, Consumer<RawRecord> sink, Consumer<Refused> refused)
      throws IOException {
    StringLimit limited = new StringLimit(in, maxStringBytes);
    try (JsonParser p = json.getFactory().createParser(limited)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_OBJECT) {
        boolean found = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals("records") && value == JsonToken.START_ARRAY) {
            readArray(p, limited, sink, refused);
            found = true;
          } else if (name.equals("format") && !FORMAT.equals(p.getValueAsString())) {
            throw new IOException(
                "line "
                    + p.currentLocation().getLineNr()
                    + ": format is '"
                    + p.getValueAsString()
                    + "', expected '"
                    + FORMAT
                    + "'");
          } else {
            p.skipChildren();
          }
        }
        if (!found) {
          throw new IOException("no \"records\" list in the document");
        }
      } else if (first == JsonToken.START_ARRAY) {
        readArray(p, limited, sink, refused);
      } else {
        throw new IOException("expected a JSON object with \"records\" or a JSON array of records");
      }
    }
  }

  private void readArray(
      JsonParser p, StringLimit limited, Consumer<RawRecord> sink, Consumer<Refused> refused)
      throws IOException {
    int number = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == null) {
        throw new IOException("the list of records is not closed");
      }
      long line = p.currentLocation().getLineNr();
      long start = p.currentTokenLocation().getByteOffset();
      JsonNode node = json.readTree(p);
      number++;
      if (limited.cutBetween(start, p.currentLocation().getByteOffset())) {
        refused.accept(
            new Refused(
                number,
                line,
                "holds a string longer than "
                    + maxStringBytes
                    + " bytes (aisx.import.maxJsonStringBytes); the record is not read"));
      } else {
        sink.accept(new RawRecord(number, line, node));
      }
    }
  }

  /**
   * The bytes of a JSON document with every string cut to at most {@code max} bytes (its closing
   * quote kept, and never inside a character or an escape), noting where in what it passes on each
   * cut was made. A document in UTF-8, as the format is written.
   */
  static final class StringLimit extends java.io.FilterInputStream {
    private static final int OUTSIDE = 0;
    private static final int INSIDE = 1;
    private static final int ESCAPE = 2;
    private static final int HEX = 3;
    private static final int SKIP = 4;
    private static final int SKIP_ESCAPE = 5;

    private final int max;
    private final byte[] buffer = new byte[1 << 16];
    private final java.util.ArrayDeque<Long> cuts = new java.util.ArrayDeque<>();
    private int state = OUTSIDE;
    private int length;
    private int hexLeft;
    private long passed;

    /** The offset the byte being looked at has if it is passed on. */
    private long here;

    StringLimit(InputStream in, int max) {
      super(in);
      this.max = max;
    }

    /**
     * Whether a string was cut between the offsets {@code from} and {@code to} of what was passed
     * on; forgets the cuts before {@code to} (records are asked about in order).
     */
    boolean cutBetween(long from, long to) {
      if (from < 0 || to < 0) {
        // No byte offsets (not read as UTF-8): every cut so far is this record's.
        boolean any = !cuts.isEmpty();
        cuts.clear();
        return any;
      }
      boolean found = false;
      while (!cuts.isEmpty() && cuts.peekFirst() <= to) {
        found |= cuts.pollFirst() >= from;
      }
      return found;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n;
      do {
        n = read(one, 0, 1);
      } while (n == 0);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (true) {
        int n = in.read(buffer, 0, Math.min(len, buffer.length));
        if (n < 0) {
          return -1;
        }
        int out = off;
        for (int i = 0; i < n; i++) {
          here = passed + (out - off);
          if (pass(buffer[i])) {
            b[out++] = buffer[i];
          }
        }
        if (out > off) {
          passed += out - off;
          return out - off;
        }
      }
    }

    /** Moves the state on by one byte; whether the byte is passed on. */
    private boolean pass(byte c) {
      switch (state) {
        case OUTSIDE -> {
          if (c == '"') {
            state = INSIDE;
            length = 0;
          }
          return true;
        }
        case INSIDE -> {
          if (c == '"') {
            state = OUTSIDE;
            return true;
          }
          if (length >= max && (c & 0xc0) != 0x80) {
            cuts.addLast(here);
            state = c == '\\' ? SKIP_ESCAPE : SKIP;
            return false;
          }
          length++;
          state = c == '\\' ? ESCAPE : INSIDE;
          return true;
        }
        case ESCAPE -> {
          length++;
          if (c == 'u') {
            state = HEX;
            hexLeft = 4;
          } else {
            state = INSIDE;
          }
          return true;
        }
        case HEX -> {
          length++;
          if (--hexLeft == 0) {
            state = INSIDE;
          }
          return true;
        }
        case SKIP -> {
          if (c == '"') {
            state = OUTSIDE;
            return true;
          }
          state = c == '\\' ? SKIP_ESCAPE : SKIP;
          return false;
        }
        default -> {
          state = SKIP;
          return false;
        }
      }
    }
  }

  /** Writes records one at a time; close it to finish the document. */
  public Writer writer(OutputStream out, String attribution) throws IOException {
    return new Writer(out, attribution);
  }

  /** A streaming writer of the format. */
  public final class Writer implements AutoCloseable {
    private final JsonGenerator g;
    private int count;

    private Writer(OutputStream out, String attribution) throws IOException {
      g = json.getFactory().createGenerator(out, JsonEncoding.UTF8);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", 1);
      g.writeStringField("generated", Instant.now().toString());
      if (attribution != null) {
        g.writeStringField("attribution", attribution);
      }
      g.writeArrayFieldStart("records");
    }

    public void write(Standard record) throws IOException {
      json.writeValue(g, record);
      count++;
    }

    public int count() {
      return count;
    }

    @Override
    public void close() throws IOException {
      g.writeEndArray();
      g.writeEndObject();
      g.close();
    }
  }
}
