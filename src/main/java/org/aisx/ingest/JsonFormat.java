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

  public JsonFormat(ObjectMapper json) {
    this.json = json;
  }

  /** One raw record as read, with its 1-based number and the line it starts on. */
  public record RawRecord(int number, long line, JsonNode node) {}

  /**
   * Streams the records of {@code in} to {@code sink}.
   *
   * @throws JsonProcessingException when the document itself is broken (the records before the
   *     break have been passed on); the message names the line
   */
  public void read(InputStream in, Consumer<RawRecord> sink) throws IOException {
    try (JsonParser p = json.getFactory().createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_OBJECT) {
        boolean found = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals("records") && value == JsonToken.START_ARRAY) {
            readArray(p, sink);
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
        readArray(p, sink);
      } else {
        throw new IOException("expected a JSON object with \"records\" or a JSON array of records");
      }
    }
  }

  private void readArray(JsonParser p, Consumer<RawRecord> sink) throws IOException {
    int number = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == null) {
        throw new IOException("the list of records is not closed");
      }
      long line = p.currentLocation().getLineNr();
      JsonNode node = json.readTree(p);
      sink.accept(new RawRecord(++number, line, node));
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
