package org.aisx.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.JsonScalarResolver;

/**
 * A fast reader for the block-style YAML that Ruby's Psych emitter writes, which is how the Relaton
 * data repositories publish their feeds: block mappings and sequences (sequences in a mapping at
 * the key's indentation), plain scalars folded over several lines, single- and double-quoted
 * scalars, literal and folded block scalars, and {@code []} / {@code {}} for empty collections.
 *
 * <p>It reads one document of such a feed several times faster than a general YAML parser, and
 * gives the same values as SnakeYAML Engine with its default JSON schema (maps are {@link
 * LinkedHashMap}, sequences {@link ArrayList}, plain scalars resolved by {@link
 * JsonScalarResolver}). Anything outside that subset (anchors, aliases, tags, comments, flow
 * collections with content, quoted or complex keys, tabs in indentation, duplicate keys, anything
 * it cannot place) makes it throw {@link Unsupported}, and the caller parses the document with
 * SnakeYAML instead, which also produces the error message for a document that is not valid YAML.
 * So this reader never decides what a document means when it is unsure; it only takes the common
 * path fast. Equivalence with SnakeYAML is tested on real feed documents.
 */
final class PsychYaml {

  /** The document uses YAML this reader does not handle; parse it with a full YAML parser. */
  static final class Unsupported extends RuntimeException {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private static final JsonScalarResolver RESOLVER = new JsonScalarResolver();

  private final List<String> lines;
  private final Function<String, Object> typedScalar;
  private final Scalars scalars;
  private int at;

  /** Each line's indentation plus one, once computed (0: not yet). */
  private final int[] indents;

  /**
   * One-line plain scalars already read by one parsing thread: mapping keys ("type", "content") and
   * values that may resolve to a non-string ("true", "2019"), so that each distinct one is cut out
   * of its line, checked and resolved once per thread instead of at every occurrence. Not
   * thread-safe: one per thread.
   */
  static final class Scalars {
    /** Longer scalars are rarely repeated and are read every time. */
    static final int MAX_LENGTH = 48;

    final Table keys = new Table();
    final Table values = new Table();

    /** An open-addressing table of scalar texts and what they resolved to. */
    static final class Table {
      private static final int SLOTS = 1 << 12;
      private static final int PROBES = 8;
      private static final int FULL = Integer.MIN_VALUE;

      /** Stands for a null value. */
      private static final Object NO_VALUE = new Object();

      private final String[] texts = new String[SLOTS];
      private final Object[] values = new Object[SLOTS];
      private int size;

      /**
       * The slot that holds the text {@code line[from, to)}; when it is not held, {@code -1 - slot}
       * for the free slot to {@link #store} it in, or {@link #FULL}.
       */
      int find(String line, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
          h = 31 * h + line.charAt(i);
        }
        h ^= h >>> 16;
        int length = to - from;
        for (int probe = 0; probe < PROBES; probe++) {
          int slot = (h + probe) & (SLOTS - 1);
          String text = texts[slot];
          if (text == null) {
            return -1 - slot;
          }
          if (text.length() == length && line.regionMatches(from, text, 0, length)) {
            return slot;
          }
        }
        return FULL;
      }

      Object value(int slot) {
        Object v = values[slot];
        return v == NO_VALUE ? null : v;
      }

      /** Remembers {@code text} in the free slot {@link #find} returned, while there is room. */
      void store(int found, String text, Object value) {
        if (found != FULL && size < SLOTS / 2) {
          int slot = -1 - found;
          texts[slot] = text;
          values[slot] = value == null ? NO_VALUE : value;
          size++;
        }
      }
    }
  }

  /**
   * @param typedScalar constructs a plain scalar that the JSON schema resolves to a number (rare in
   *     these feeds), exactly as the full parser would
   */
  private PsychYaml(List<String> lines, Function<String, Object> typedScalar, Scalars scalars) {
    this.lines = lines;
    this.typedScalar = typedScalar;
    this.scalars = scalars;
    this.indents = new int[lines.size()];
  }

  /**
   * Parses one document given as its lines (without line terminators), starting with an optional
   * {@code ---} marker and ending with an optional {@code ...} marker. The list is modified.
   * Returns null for an empty document.
   */
  static Object parse(List<String> lines, Function<String, Object> typedScalar) {
    return parse(lines, typedScalar, null);
  }

  /**
   * {@link #parse(List, Function)}, taking the one-line scalars it has already seen from {@code
   * scalars} (the calling thread's own; null for none) and adding the ones it reads.
   */
  static Object parse(List<String> lines, Function<String, Object> typedScalar, Scalars scalars) {
    int end = lines.size();
    if (end > 0 && isMarker(lines.get(end - 1), "...")) {
      lines.remove(end - 1);
    }
    PsychYaml p = new PsychYaml(lines, typedScalar, scalars);
    if (!lines.isEmpty() && isMarker(lines.get(0), "---")) {
      if (!lines.get(0).substring(3).isBlank()) {
        throw new Unsupported("content after the document marker");
      }
      p.at = 1;
    }
    if (p.nextContent() < 0) {
      return null;
    }
    String first = lines.get(p.at);
    int indent = p.indent(p.at);
    if (indent != 0) {
      throw new Unsupported("document does not start at column 0");
    }
    Object value;
    if (isSequenceEntry(first, 0)) {
      value = p.sequence(0);
    } else if (keyEnd(first, 0) >= 0) {
      value = p.mapping(0);
    } else {
      throw new Unsupported("top-level scalar");
    }
    if (p.nextContent() >= 0) {
      throw new Unsupported("content after the top-level node at line " + (p.at + 1));
    }
    return value;
  }

  /**
   * Whether the line is the document marker {@code ---} or {@code ...} (alone or before a space).
   */
  static boolean isMarker(String line, String marker) {
    return line.startsWith(marker)
        && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '\t');
  }

  /** Moves to the next line with content and returns its indentation, or -1 at the end. */
  private int nextContent() {
    while (at < lines.size()) {
      String line = lines.get(at);
      int indent = indent(at);
      if (indent < line.length()) {
        if (line.charAt(indent) == '#') {
          throw new Unsupported("comment");
        }
        return indent;
      }
      at++;
    }
    return -1;
  }

  /** {@link #indentOf} line {@code index}, computed once per line. */
  private int indent(int index) {
    int known = indents[index];
    if (known == 0) {
      known = indentOf(lines.get(index)) + 1;
      indents[index] = known;
    }
    return known - 1;
  }

  /** Leading spaces; a tab among them is not handled. */
  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    if (i < line.length() && line.charAt(i) == '\t') {
      // A tab after the indentation of a blank line is fine; elsewhere it is not handled.
      if (!line.isBlank()) {
        throw new Unsupported("tab in indentation");
      }
      return line.length();
    }
    return i;
  }

  private static boolean isSequenceEntry(String line, int indent) {
    return line.charAt(indent) == '-'
        && (line.length() == indent + 1 || line.charAt(indent + 1) == ' ');
  }

  /**
   * Where the key of a mapping entry starting at {@code from} ends (the index of its colon), or -1
   * when the line is not a mapping entry with a plain key.
   */
  private static int keyEnd(String line, int from) {
    char c = line.charAt(from);
    if (c == '"' || c == '\'') {
      int close = line.indexOf(c, from + 1);
      if (close > 0 && line.indexOf(':', close) > 0) {
        throw new Unsupported("quoted key or scalar followed by a colon");
      }
      return -1;
    }
    if ("[]{}&*!|>%@`#?,".indexOf(c) >= 0) {
      return -1;
    }
    for (int i = from; i < line.length(); i++) {
      if (line.charAt(i) == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
        return i;
      }
      if (line.charAt(i) == '#' && line.charAt(i - 1) == ' ') {
        throw new Unsupported("comment");
      }
    }
    return -1;
  }

  private Map<Object, Object> mapping(int indent) {
    Map<Object, Object> map = new LinkedHashMap<>();
    while (true) {
      int n = nextContent();
      if (n < indent) {
        return map;
      }
      String line = lines.get(at);
      if (n > indent) {
        throw new Unsupported("unexpected indentation at line " + (at + 1));
      }
      if (isSequenceEntry(line, n)) {
        return map; // the sequence belongs to an enclosing node
      }
      int colon = keyEnd(line, n);
      if (colon < 0) {
        throw new Unsupported("not a mapping entry at line " + (at + 1));
      }
      Object key = key(line, n, colon);
      int size = map.size();
      map.put(key, value(line, colon + 1, indent));
      if (map.size() == size) {
        throw new Unsupported("duplicate key " + key);
      }
    }
  }

  /** The key {@code line[from, colon)} of a mapping entry, resolved as a plain scalar. */
  private Object key(String line, int from, int colon) {
    boolean cacheable =
        scalars != null
            && colon > from
            && colon - from <= Scalars.MAX_LENGTH
            && !Character.isWhitespace(line.charAt(colon - 1));
    int found = cacheable ? scalars.keys.find(line, from, colon) : 0;
    if (cacheable && found >= 0) {
      return scalars.keys.value(found);
    }
    String keyText = line.substring(from, colon).stripTrailing();
    if (keyText.equals("<<")) {
      throw new Unsupported("merge key");
    }
    Object key = plain(keyText);
    if (cacheable) {
      // Interned: the mapper looks keys up by literals, which then match by identity.
      if (key instanceof String k) {
        key = k.intern();
      }
      scalars.keys.store(found, keyText, key);
    }
    return key;
  }

  private List<Object> sequence(int indent) {
    List<Object> list = new ArrayList<>();
    while (true) {
      int n = nextContent();
      if (n != indent || !isSequenceEntry(lines.get(at), n)) {
        if (n > indent) {
          throw new Unsupported("unexpected indentation at line " + (at + 1));
        }
        return list;
      }
      String line = lines.get(at);
      int content = n + 1;
      while (content < line.length() && line.charAt(content) == ' ') {
        content++;
      }
      if (content == line.length()) {
        at++;
        int next = nextContent();
        list.add(next > indent ? block(next) : null);
        continue;
      }
      char c = line.charAt(content);
      if ((c == '|' || c == '>') && line.substring(content).matches(".[+-]?[1-9].*")) {
        throw new Unsupported("indentation indicator on a sequence entry");
      }
      if (isSequenceEntry(line, content) || keyEnd(line, content) >= 0) {
        // A compact nested node: read the rest of the line as if the dash were a space, by giving
        // the line the indentation of its content (nothing reads a line left of its indentation).
        indents[at] = content + 1;
        list.add(block(content));
      } else {
        list.add(value(line, content, indent));
      }
    }
  }

  /** A block node (mapping or sequence) whose first line has content at {@code indent}. */
  private Object block(int indent) {
    String line = lines.get(at);
    if (isSequenceEntry(line, indent)) {
      return sequence(indent);
    }
    if (keyEnd(line, indent) >= 0) {
      return mapping(indent);
    }
    throw new Unsupported("scalar on its own line at line " + (at + 1));
  }

  /**
   * The value that starts at {@code from} on the current line (after a key's colon or a sequence
   * dash) of a node whose parent is at {@code parentIndent}. Leaves {@link #at} on the line after
   * the value.
   */
  private Object value(String line, int from, int parentIndent) {
    int start = from;
    while (start < line.length() && line.charAt(start) == ' ') {
      start++;
    }
    if (start == line.length()) {
      // Nothing on this line: a nested block, an indentless sequence, or null.
      at++;
      int n = nextContent();
      if (n > parentIndent) {
        return block(n);
      }
      if (n == parentIndent && isSequenceEntry(lines.get(at), n)) {
        return sequence(n);
      }
      return null;
    }
    char c = line.charAt(start);
    switch (c) {
      case '\'':
        return quoted(line, start, false);
      case '"':
        return quoted(line, start, true);
      case '|':
      case '>':
        return blockScalar(line, start, parentIndent);
      case '[':
      case '{':
        String rest = line.substring(start).strip();
        if (rest.equals("[]") || rest.equals("{}")) {
          at++;
          return c == '[' ? new ArrayList<>() : new LinkedHashMap<>();
        }
        throw new Unsupported("flow collection");
      default:
        if ("&*!%@`#,]}?:".indexOf(c) >= 0
            || (c == '-' && (start + 1 == line.length() || line.charAt(start + 1) == ' '))) {
          throw new Unsupported("indicator '" + c + "' at line " + (at + 1));
        }
        return plainScalar(line, start, parentIndent);
    }
  }

  /** A plain scalar, folded over the following more-indented lines. */
  private Object plainScalar(String line, int start, int parentIndent) {
    int end = line.length();
    while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    int firstLine = at;
    at++;
    StringBuilder text = null;
    int blanks = 0;
    while (at < lines.size()) {
      String next = lines.get(at);
      int n = indent(at);
      if (n == next.length()) {
        blanks++;
        at++;
        continue;
      }
      if (n <= parentIndent) {
        break;
      }
      String part = checkedPlain(next.substring(n).stripTrailing(), at);
      if (part.isEmpty()) {
        // Only white space other than spaces (a tab, a form feed) after the indentation: found by
        // fuzzing (FeedParsersFuzzTestInputs/relaton/crash-8509...); the full parser decides.
        throw new Unsupported("white space other than spaces at line " + (at + 1));
      }
      if (part.charAt(0) == '#') {
        throw new Unsupported("ambiguous continuation at line " + (at + 1));
      }
      if (text == null) {
        text = new StringBuilder(checkedPlain(line.substring(start, end), firstLine));
      }
      if (blanks == 0) {
        text.append(' ');
      } else {
        text.append("\n".repeat(blanks));
      }
      blanks = 0;
      text.append(part);
      at++;
    }
    if (text != null) {
      return text.toString();
    }
    // Only scalars that may resolve to something else than a string ("true", "1", "text/plain")
    // are remembered: for the rest, the look-up cost more than cutting them out (measured cold).
    boolean cacheable =
        scalars != null && end - start <= Scalars.MAX_LENGTH && mayBeTyped(line.charAt(start));
    int found = cacheable ? scalars.values.find(line, start, end) : 0;
    if (cacheable && found >= 0) {
      return scalars.values.value(found);
    }
    String first = checkedPlain(line.substring(start, end), firstLine);
    Object value = plain(first);
    if (cacheable) {
      scalars.values.store(found, first, value);
    }
    return value;
  }

  /** {@code s}, a line of a plain scalar (line {@code index}), unless it holds an indicator. */
  private static String checkedPlain(String s, int index) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t'
          || (c == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' '))
          || (c == '#' && i > 0 && s.charAt(i - 1) == ' ')) {
        throw new Unsupported("plain scalar with an indicator at line " + (index + 1));
      }
    }
    return s;
  }

  /** Resolves a one-line plain scalar as the JSON schema does. */
  private Object plain(String s) {
    if (s.isEmpty()) {
      return null;
    }
    if (!mayBeTyped(s.charAt(0))) {
      return s;
    }
    return resolve(s);
  }

  /**
   * Whether a plain scalar starting with {@code c} may resolve to a null, a boolean or a number.
   */
  private static boolean mayBeTyped(char c) {
    return c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n';
  }

  private Object resolve(String s) {
    Tag tag = RESOLVER.resolve(s, true);
    if (tag.equals(Tag.STR)) {
      return s;
    }
    if (tag.equals(Tag.NULL)) {
      return null;
    }
    if (tag.equals(Tag.BOOL)) {
      return Boolean.valueOf(s);
    }
    if (tag.equals(Tag.INT)) {
      return integer(s);
    }
    return typedScalar.apply(s);
  }

  /** An integer as SnakeYAML's JSON schema constructs it: Integer, else Long, else BigInteger. */
  private static Number integer(String s) {
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException notInt) {
      try {
        return Long.valueOf(s);
      } catch (NumberFormatException notLong) {
        return new java.math.BigInteger(s);
      }
    }
  }

  /** A single- or double-quoted scalar starting at {@code start}, possibly over several lines. */
  private String quoted(String line, int start, boolean dbl) {
    char q = dbl ? '"' : '\'';
    StringBuilder out = new StringBuilder();
    int i = start + 1;
    while (true) {
      // Read the rest of the current line; white space it ends with is dropped at a line break.
      int keep = out.length();
      boolean escapedBreak = false;
      boolean closed = false;
      while (i < line.length()) {
        // Copy the run up to the next quote or backslash at once.
        int run = i;
        while (run < line.length() && line.charAt(run) != q && line.charAt(run) != '\\') {
          run++;
        }
        if (run > i) {
          out.append(line, i, run);
          for (int j = run - 1; j >= i; j--) {
            char t = line.charAt(j);
            if (t != ' ' && t != '\t') {
              keep = out.length() - (run - 1 - j);
              break;
            }
          }
          i = run;
          if (i == line.length()) {
            break;
          }
        }
        char c = line.charAt(i);
        if (c == q) {
          if (!dbl && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
            out.append('\'');
            i += 2;
            keep = out.length();
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (dbl && c == '\\') {
          if (i + 1 == line.length()) {
            escapedBreak = true;
            i++;
            break;
          }
          i = escape(line, i + 1, out);
          keep = out.length();
          continue;
        }
        out.append(c);
        if (c != ' ' && c != '\t') {
          keep = out.length();
        }
        i++;
      }
      if (closed) {
        for (int j = i; j < line.length(); j++) {
          if (line.charAt(j) != ' ') {
            throw new Unsupported("text after a quoted scalar at line " + (at + 1));
          }
        }
        at++;
        return out.toString();
      }
      // A line break inside the quotes: fold it.
      if (!escapedBreak) {
        out.setLength(keep);
      }
      at++;
      int blanks = 0;
      while (at < lines.size() && lines.get(at).isBlank()) {
        blanks++;
        at++;
      }
      if (at >= lines.size()) {
        throw new Unsupported("unterminated quoted scalar");
      }
      if (escapedBreak) {
        if (blanks > 0) {
          throw new Unsupported("escaped line break before an empty line");
        }
      } else if (blanks == 0) {
        out.append(' ');
      } else {
        out.append("\n".repeat(blanks));
      }
      line = lines.get(at);
      i = 0;
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      if (isMarker(line, "---") || isMarker(line, "...")) {
        throw new Unsupported("document marker inside a quoted scalar");
      }
    }
  }

  /** Decodes the escape whose letter is at {@code i}; returns the index after it. */
  private int escape(String line, int i, StringBuilder out) {
    char e = line.charAt(i);
    switch (e) {
      case '0' -> out.append('\0');
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 't', '\t' -> out.append('\t');
      case 'n' -> out.append('\n');
      case 'v' -> out.append('\u000B');
      case 'f' -> out.append('\f');
      case 'r' -> out.append('\r');
      case 'e' -> out.append('\u001B');
      case ' ' -> out.append(' ');
      case '"' -> out.append('"');
      case '/' -> out.append('/');
      case '\\' -> out.append('\\');
      case 'N' -> out.append('\u0085');
      case '_' -> out.append('\u00A0');
      case 'L' -> out.append('\u2028');
      case 'P' -> out.append('\u2029');
      case 'x' -> {
        return hex(line, i + 1, 2, out);
      }
      case 'u' -> {
        return hex(line, i + 1, 4, out);
      }
      case 'U' -> {
        return hex(line, i + 1, 8, out);
      }
      default -> throw new Unsupported("unknown escape \\" + e + " at line " + (at + 1));
    }
    return i + 1;
  }

  private int hex(String line, int from, int digits, StringBuilder out) {
    if (from + digits > line.length()) {
      throw new Unsupported("short hex escape at line " + (at + 1));
    }
    int cp;
    try {
      cp = Integer.parseUnsignedInt(line.substring(from, from + digits), 16);
    } catch (NumberFormatException e) {
      throw new Unsupported("bad hex escape at line " + (at + 1));
    }
    if (!Character.isValidCodePoint(cp)) {
      throw new Unsupported("bad code point at line " + (at + 1));
    }
    out.appendCodePoint(cp);
    return from + digits;
  }

  /** A literal ({@code |}) or folded ({@code >}) block scalar whose header starts at start. */
  private String blockScalar(String line, int start, int parentIndent) {
    boolean literal = line.charAt(start) == '|';
    int indicator = 0;
    char chomp = 'c';
    for (int i = start + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c >= '1' && c <= '9' && indicator == 0) {
        indicator = c - '0';
      } else if ((c == '-' || c == '+') && chomp == 'c') {
        chomp = c;
      } else if (c == ' ' && line.substring(i).isBlank()) {
        break;
      } else {
        throw new Unsupported("block scalar header at line " + (at + 1));
      }
    }
    at++;
    int contentIndent;
    if (indicator > 0) {
      contentIndent = parentIndent + indicator;
    } else {
      contentIndent = -1;
      int maxBlank = 0;
      for (int j = at; j < lines.size(); j++) {
        String l = lines.get(j);
        int n = leadingSpaces(l);
        if (n == l.length()) {
          maxBlank = Math.max(maxBlank, n);
          continue;
        }
        contentIndent = n;
        break;
      }
      if (contentIndent <= parentIndent) {
        throw new Unsupported("empty or unindented block scalar at line " + at);
      }
      if (maxBlank > contentIndent) {
        throw new Unsupported("leading blank line longer than the indentation");
      }
    }
    List<String> body = new ArrayList<>();
    while (at < lines.size()) {
      String l = lines.get(at);
      int n = leadingSpaces(l);
      if (n < contentIndent && n < l.length()) {
        break; // a less-indented line with content ends the scalar
      }
      body.add(n >= contentIndent ? l.substring(contentIndent) : "");
      at++;
    }
    // Trailing empty lines are line breaks subject to chomping.
    int last = body.size();
    while (last > 0 && body.get(last - 1).isEmpty()) {
      last--;
    }
    StringBuilder out = new StringBuilder();
    for (int j = 0; j < last; j++) {
      String l = body.get(j);
      if (j > 0) {
        if (literal) {
          out.append('\n');
        } else {
          foldBreak(body, j, out);
        }
      }
      if (!literal && (l.isEmpty() ? j == 0 : l.charAt(0) == ' ' || l.charAt(0) == '\t')) {
        throw new Unsupported("more-indented or leading empty line in a folded scalar");
      }
      out.append(l);
    }
    int trailingBreaks = body.size() - last;
    if (last > 0) {
      switch (chomp) {
        case '-' -> {}
        case '+' -> out.append("\n".repeat(trailingBreaks + 1));
        default -> out.append('\n');
      }
    } else if (chomp == '+') {
      out.append("\n".repeat(trailingBreaks));
    }
    return out.toString();
  }

  /** The line break before line j of a folded scalar: a space between two text lines. */
  private static void foldBreak(List<String> body, int j, StringBuilder out) {
    String prev = body.get(j - 1);
    String cur = body.get(j);
    if (cur.isEmpty()) {
      out.append('\n');
    } else if (!prev.isEmpty()) {
      out.append(' ');
    }
  }

  private static int leadingSpaces(String l) {
    int n = 0;
    while (n < l.length() && l.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
