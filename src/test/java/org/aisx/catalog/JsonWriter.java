package org.aisx.catalog;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes compact JSON character for character as {@link Json#mapper()} writes records: no white
 * space, map keys sorted, nulls written, strings escaped as Jackson escapes them (quote, backslash
 * and control characters; everything else as it is). An import writes every record twice (the
 * stored document, the index's hit), and Jackson's reflective serialisation was a tenth of its
 * time. {@code JsonWriterTest} checks the output against Jackson's.
 */
// Test oracle: the hand-written JSON writer the product used before it wrote with Jackson.
public final class JsonWriter {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final StringBuilder out = new StringBuilder(1024);
  private boolean first = true;
  private boolean exact = true;

  /**
   * False when the output may differ from Jackson's: a surrogate character (Jackson's UTF-8 output
   * checks pairs) or a number that is not finite. The caller then serialises with Jackson.
   */
  public boolean exact() {
    return exact;
  }

  public JsonWriter beginObject() {
    comma();
    out.append('{');
    first = true;
    return this;
  }

  public JsonWriter endObject() {
    out.append('}');
    first = false;
    return this;
  }

  public JsonWriter beginArray() {
    comma();
    out.append('[');
    first = true;
    return this;
  }

  public JsonWriter endArray() {
    out.append(']');
    first = false;
    return this;
  }

  /** The name of the next value in an object. */
  public JsonWriter name(String name) {
    comma();
    quoted(name);
    out.append(':');
    first = true;
    return this;
  }

  public JsonWriter value(String s) {
    comma();
    if (s == null) {
      out.append("null");
    } else {
      quoted(s);
    }
    first = false;
    return this;
  }

  public JsonWriter value(int n) {
    comma();
    out.append(n);
    first = false;
    return this;
  }

  public JsonWriter value(double d) {
    exact &= Double.isFinite(d);
    comma();
    out.append(d);
    first = false;
    return this;
  }

  public JsonWriter value(Boolean b) {
    comma();
    out.append(b == null ? "null" : b.toString());
    first = false;
    return this;
  }

  public JsonWriter strings(List<String> values) {
    beginArray();
    for (String v : values) {
      value(v);
    }
    return endArray();
  }

  /** A map of strings (per-language texts), keys sorted. */
  public JsonWriter texts(Map<String, String> texts) {
    beginObject();
    for (Map.Entry<String, String> e : sorted(texts).entrySet()) {
      name(e.getKey()).value(e.getValue());
    }
    return endObject();
  }

  public static <V> Map<String, V> sorted(Map<String, V> map) {
    return map.size() <= 1 ? map : new TreeMap<>(map);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void comma() {
    if (!first) {
      out.append(',');
    }
  }

  private void quoted(String s) {
    out.append('"');
    int n = s.length();
    int run = 0; // start of the characters not yet written, which need no escape
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        if (Character.isSurrogate(c)) {
          exact = false;
        }
        continue;
      }
      out.append(s, run, i);
      run = i + 1;
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else {
        switch (c) {
          case '\n' -> out.append("\\n");
          case '\t' -> out.append("\\t");
          case '\r' -> out.append("\\r");
          case '\b' -> out.append("\\b");
          case '\f' -> out.append("\\f");
          default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
      }
    }
    out.append(s, run, n);
    out.append('"');
  }
}
