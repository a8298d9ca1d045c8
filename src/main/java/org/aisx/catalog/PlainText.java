package org.aisx.catalog;

import java.nio.charset.Charset;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

/**
 * The one text cleaner: turns the text fields of feeds and contributions (plain text, HTML, or
 * plain text with some HTML in it) into the plain text a record stores. Each text is cleaned once,
 * where it enters: by the feed reader that knows how its feed writes text ({@link Markup}), or by
 * {@link StandardReader} for a record read from JSON (the {@code json} import, API bodies,
 * submissions). A record a feed reader built is only checked ({@link #isClean}), not cleaned again.
 *
 * <p>What clean text is:
 *
 * <ul>
 *   <li>paragraphs are separated by one blank line, and a single line break stays a line break;
 *   <li>a list item is a line of its own starting with "• ": an HTML {@code <li>}, or a line of
 *       plain text starting with a bullet or a dash followed by white space ("–\titem", "- item",
 *       "· item", "— item", Word's symbol-font bullets);
 *   <li>within a line, runs of spaces (tabs, no-break spaces, form feeds) are one space, and lines
 *       have no white space at either end;
 *   <li>no control characters (stray C1 characters, windows-1252 bytes taken for code points, are
 *       read as windows-1252: {@code &#x92;} is ’), no soft hyphen, zero-width space or byte-order
 *       mark; CR LF, CR, U+2028 and U+2029 are line breaks, and so is the literal {@code \r\n} or
 *       {@code \n} some exports write;
 *   <li>entities decoded, tags dropped; scripts and style sheets dropped with their content.
 * </ul>
 *
 * How a field is laid out is said once, by {@link Field}: titles are one line (line breaks become
 * spaces), abstracts keep paragraphs, lines and list items.
 *
 * <p>Cleaning is idempotent: clean text cleaned again as plain text ({@link Markup#TEXT}, as JSON
 * is read) comes out as it went in, so an exported record imports unchanged and an edited record
 * keeps its text. For that, text whose decoding brings out markup again ({@code &lt;p&gt;}, a
 * double-escaped {@code &amp;amp;}) is cleaned again until nothing changes: a tag spelled out with
 * entities in HTML does not survive, since stored text could not tell it from a real one.
 */
public final class PlainText {
  private PlainText() {}

  /** How a feed writes a text field. */
  public enum Markup {
    /**
     * Declared HTML (Relaton {@code format: text/html}, ISO Open Data's scope): HTML's white-space
     * rules, so a line break in the source is a space (feeds wrap their HTML), and only {@code
     * <br>}, blocks, list items and blank lines (which no feed writes by accident) break lines.
     */
    HTML,
    /**
     * Plain text (Relaton {@code text/plain} or no format, CSV cells, JSON): its line breaks are
     * line breaks. Text holding one of the HTML tags feeds write in plain text ({@code <p>}, {@code
     * <br>}, {@code <li>}, {@code <b>}, ... but not {@code <transaction>}) is read as {@link
     * #HTML}; otherwise only entities are decoded. In either, scripts and style sheets are dropped
     * with their content, and tags that embed or load something ({@code <img>}, ...) are dropped.
     */
    TEXT
  }

  /** The text fields of a record and how each is laid out: the one place that says so. */
  public enum Field {
    /** Titles, and any other one-line text (committee names, keywords): line breaks are spaces. */
    TITLE("title", false),
    /** Abstracts: paragraphs, line breaks and list items are kept. */
    ABSTRACT("abstract", true);

    private final String wire;
    private final boolean multiline;

    Field(String wire, boolean multiline) {
      this.wire = wire;
      this.multiline = multiline;
    }

    /** The record field's name in JSON. */
    public String wire() {
      return wire;
    }

    /** Whether the field keeps line breaks. */
    public boolean multiline() {
      return multiline;
    }
  }

  /**
   * Clean text for {@code field}; null for null input or for text with nothing left to show.
   *
   * @param raw the text as the feed or the contributor wrote it
   */
  public static String clean(String raw, Field field, Markup markup) {
    return clean(raw, field, markup, true);
  }

  /** One line of clean text ({@link Field#TITLE}) from plain text; null if nothing is left. */
  public static String line(String raw) {
    return clean(raw, Field.TITLE, Markup.TEXT, true);
  }

  /**
   * Whether {@code text} is clean text for {@code field}: what {@link #clean} returns, and what it
   * returns unchanged. Null is clean.
   */
  public static boolean isClean(String text, Field field) {
    return text == null || (!text.isEmpty() && isFixedPoint(text, field));
  }

  /** Rounds of cleaning after the first one, at most; real text needs one or two. */
  private static final int MAX_ROUNDS = 16;

  /**
   * {@link #clean(String, Field, Markup)}; with {@code shortcuts} false, every text takes the
   * general path (jsoup, the regexes, the full tidy) that the shortcuts must agree with ({@code
   * PlainTextTest}).
   */
  static String clean(String raw, Field field, Markup markup, boolean shortcuts) {
    if (raw == null) {
      return null;
    }
    String s = round(raw, field, markup, shortcuts);
    for (int i = 0; i < MAX_ROUNDS; i++) {
      if (shortcuts && isFixedPoint(s, field)) {
        break;
      }
      // Decoding can bring out markup ("&lt;p&gt;", "&amp;amp;"): clean until nothing changes.
      String next = round(s, field, Markup.TEXT, shortcuts);
      if (next.equals(s)) {
        break;
      }
      s = next;
    }
    return s.isEmpty() ? null : s;
  }

  // ------------------------------------------------------------------------------ one round

  /**
   * An HTML tag that real feeds write in text they declare plain (all the Relaton feeds together
   * use no other without one of these); other "tags", such as {@code <transaction>} in an ITU
   * abstract, are text, but for {@link #ACTIVE_TAG}.
   */
  private static final Pattern HTML_TAG =
      Pattern.compile(
          "</?(?:p|br|div|span|b|i|em|strong|ul|ol|li|sub|sup|a|table|tr|td|th|h[1-6]|blockquote"
              + "|pre|code)(?:\\s[^<>]*)?/?>",
          Pattern.CASE_INSENSITIVE);

  /**
   * Elements whose content is code or markup, never text to show: dropped with everything in them
   * when closed, in any text ({@code <script>alert(1)</script>} leaves nothing). A tag of one that
   * is not closed is dropped alone, so that text which merely names one ("the <template> element is
   * ...") loses the tag, never the rest of the text.
   */
  private static final String DROPPED = "script|style|noscript|template";

  /** A closed element of {@link #DROPPED} with its content. */
  private static final Pattern DROPPED_ELEMENT =
      Pattern.compile(
          "<(" + DROPPED + ")(?:[\\s/][^<>]*)?>.*?</\\1(?:[\\s/][^<>]*)?>",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /**
   * A tag that only markup writes, in text of any kind: {@link #DROPPED}'s, and those that embed,
   * load or ask for something ({@code <img src=x onerror=...>}, {@code <iframe>}, {@code <form>},
   * ...). They are dropped (the elements of {@link #DROPPED} with their content) without reading
   * the text as HTML, so plain text keeps its line breaks.
   */
  private static final Pattern ACTIVE_TAG =
      Pattern.compile(
          "</?(?:"
              + DROPPED
              + "|img|iframe|frame|frameset|object|embed|applet|svg|link|meta|base|form|input"
              + "|button|textarea|select)(?:[\\s/][^<>]*)?>",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ENTITY =
      Pattern.compile("&(?:#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

  /** Elements that stand apart as paragraphs. */
  private static final Pattern PARAGRAPH_BLOCK =
      Pattern.compile(
          "p|div|table|h[1-6]|blockquote|pre|dl|hr|section|article|header|footer|address|figure"
              + "|figcaption|main|nav|aside|caption|center|form|fieldset|details|summary");

  /** Elements that are lines of their own. */
  private static final Pattern LINE_BLOCK = Pattern.compile("li|tr|dt|dd");

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** One round: line ends, markup, then the tidy layout. */
  private static String round(String raw, Field field, Markup markup, boolean shortcuts) {
    if (shortcuts && markup == Markup.TEXT && isFixedPoint(raw, field)) {
      return raw; // already clean: most text read back from JSON
    }
    String s = raw;
    if (!shortcuts || s.indexOf('\\') >= 0) {
      s = s.replace("\\r\\n", "\n").replace("\\n", "\n");
    }
    if (!shortcuts || s.indexOf('\r') >= 0) {
      s = s.replace("\r\n", "\n").replace('\r', '\n');
    }
    boolean angle = !shortcuts || s.indexOf('<') >= 0;
    if (angle && ACTIVE_TAG.matcher(s).find()) {
      s = ACTIVE_TAG.matcher(DROPPED_ELEMENT.matcher(s).replaceAll("")).replaceAll("");
    }
    boolean ampersand = !shortcuts || s.indexOf('&') >= 0;
    if (markup == Markup.HTML && shortcuts && !angle && !ampersand && s.indexOf('\0') < 0) {
      // Declared HTML without a tag or an entity (most IEC abstracts): what jsoup would give.
      s = htmlWhiteSpace(s, 0, s.length(), new StringBuilder(s.length())).toString();
    } else if (markup == Markup.HTML || (angle && HTML_TAG.matcher(s).find())) {
      s = htmlToText(s);
    } else if (ampersand && ENTITY.matcher(s).find()) {
      s = Parser.unescapeEntities(s, false);
    }
    return shortcuts && isTidy(s, field) ? s : tidy(s, field);
  }

  /**
   * Whether one round of {@link Markup#TEXT} cleaning leaves {@code s} as it is: no literal line
   * break, no HTML tag, no entity that decodes, and tidy.
   */
  private static boolean isFixedPoint(String s, Field field) {
    if (!isTidy(s, field)) {
      return false;
    }
    if (s.indexOf('\\') >= 0 && s.contains("\\n")) {
      return false;
    }
    if (s.indexOf('<') >= 0 && (HTML_TAG.matcher(s).find() || ACTIVE_TAG.matcher(s).find())) {
      return false;
    }
    return s.indexOf('&') < 0
        || !ENTITY.matcher(s).find()
        || Parser.unescapeEntities(s, false).equals(s);
  }

  // ------------------------------------------------------------------------------ HTML

  /**
   * Appends the text of {@code s[from, to)} under HTML's white-space rules: each run of spaces,
   * tabs, form feeds and line breaks is one space, except that a run holding a blank line is a
   * paragraph break.
   */
  private static StringBuilder htmlWhiteSpace(String s, int from, int to, StringBuilder out) {
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (!isHtmlSpace(c)) {
        out.append(c);
        i++;
        continue;
      }
      int newLines = 0;
      while (i < to && isHtmlSpace(s.charAt(i))) {
        if (s.charAt(i) == '\n') {
          newLines++;
        }
        i++;
      }
      out.append(newLines >= 2 ? "\n\n" : " ");
    }
    return out;
  }

  private static boolean isHtmlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static String htmlToText(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    body.select(DROPPED.replace('|', ',')).remove();
    StringBuilder out = new StringBuilder(html.length());
    body.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              String t = text.getWholeText();
              if (inPre(text)) {
                out.append(t); // its line breaks are line breaks
              } else {
                htmlWhiteSpace(t, 0, t.length(), out);
              }
            } else if (node instanceof Element el) {
              String name = el.normalName();
              if (name.equals("br")) {
                out.append('\n');
              } else if (name.equals("td") || name.equals("th")) {
                out.append(' ');
              } else if (name.equals("li")) {
                lineBreak(out);
                out.append("• ");
              } else {
                blockBreak(el, out);
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element el && !el.normalName().equals("br")) {
              blockBreak(el, out);
            }
          }
        });
    return out.toString();
  }

  /**
   * The break before or after a block: a paragraph, or a line for a list item, a table row or a
   * definition, and for any block inside a list item (a list in a list is more lines of the list).
   */
  private static void blockBreak(Element el, StringBuilder out) {
    String name = el.normalName();
    boolean list = name.equals("ul") || name.equals("ol");
    if (LINE_BLOCK.matcher(name).matches()) {
      lineBreak(out);
    } else if (list || PARAGRAPH_BLOCK.matcher(name).matches()) {
      if (insideListItem(el)) {
        lineBreak(out);
      } else {
        out.append("\n\n");
      }
    }
  }

  /**
   * Ends the line unless it is ended already (so that two blocks in a row do not make an empty
   * line); white space after its last word goes, as tidy would drop it.
   */
  private static void lineBreak(StringBuilder out) {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) != '\n' && isLineEndSpace(out.charAt(end - 1))) {
      end--;
    }
    out.setLength(end);
    if (end > 0 && out.charAt(end - 1) != '\n') {
      out.append('\n');
    }
  }

  private static boolean isLineEndSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00a0' || replacement(c) == DROP;
  }

  private static boolean insideListItem(Element el) {
    for (Element e = el.parent(); e != null; e = e.parent()) {
      if (e.normalName().equals("li")) {
        return true;
      }
    }
    return false;
  }

  private static boolean inPre(TextNode text) {
    for (Node n = text.parent(); n != null; n = n.parent()) {
      if (n instanceof Element e && e.normalName().equals("pre")) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------------------ tidy

  /**
   * The layout of clean text: characters replaced or dropped ({@link #replacement}), every line
   * trimmed with its runs of spaces collapsed; for a multi-line field, list markers made "• ", runs
   * of blank lines made one, and none at either end; for a one-line field, the lines joined by
   * spaces.
   */
  private static String tidy(String s, Field field) {
    StringBuilder cleaned = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        int pair = surrogatePair(s, i);
        if (pair > 0) {
          cleaned.append(c).append(s.charAt(i + 1));
        }
        i += pair > 0 || pair == -2 ? 1 : 0;
        continue;
      }
      int r = replacement(c);
      if (r == KEEP) {
        cleaned.append(c);
      } else if (r != DROP) {
        cleaned.append((char) r);
      }
    }
    StringBuilder out = new StringBuilder(cleaned.length());
    int pendingBreaks = 0;
    int start = 0;
    int n = cleaned.length();
    while (start <= n) {
      int end = cleaned.indexOf("\n", start);
      if (end < 0) {
        end = n;
      }
      String line = collapseSpaces(cleaned, start, end);
      start = end + 1;
      if (line.isEmpty()) {
        pendingBreaks++;
        continue;
      }
      if (field.multiline()) {
        line = bullet(line);
      }
      if (out.length() > 0) {
        out.append(!field.multiline() ? " " : pendingBreaks >= 1 ? "\n\n" : "\n");
      }
      out.append(line);
      pendingBreaks = 0;
    }
    return out.toString();
  }

  private static final int KEEP = -1;
  private static final int DROP = -2;

  /**
   * The surrogate at {@code s[i]}: 1 when it starts a pair that is a character text keeps, -2 when
   * it starts a pair that is a non-character (U+1FFFE, U+1FFFF, ...: both dropped), -1 when it is
   * alone (dropped: it cannot be stored as UTF-8).
   */
  private static int surrogatePair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1))) {
      return isNonCharacter(Character.toCodePoint(c, s.charAt(i + 1))) ? -2 : 1;
    }
    return -1;
  }

  /**
   * The bidirectional embedding, override and isolate controls (U+202A to U+202E, U+2066 to
   * U+2069): they make text display in another order than it is stored, so that an IEEE record can
   * read as "ISO/IEC 42001:2023". No field keeps them: text drops them, a short field (an
   * identifier, a body, a committee, ...) is refused for them.
   */
  public static boolean isDirectionControl(int c) {
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
  }

  /**
   * The direction marks (U+200E, U+200F, U+061C): legitimate in right-to-left prose, so text keeps
   * them; in a short field they only serve to make one identifier look like another, and it is
   * refused for them.
   */
  public static boolean isDirectionMark(int c) {
    return c == 0x200e || c == 0x200f || c == 0x061c;
  }

  /** Unicode's non-characters: U+FDD0 to U+FDEF and the last two code points of every plane. */
  public static boolean isNonCharacter(int c) {
    return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
  }

  /** What tidy makes of one character: KEEP, DROP, or the character to write instead. */
  private static int replacement(char c) {
    if (c >= 0x20 && c < 0x7f) {
      return KEEP;
    }
    if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
      return c == '\n' ? KEEP : '\n';
    }
    if (c == '\u00a0' || c == '\t' || c == '\f' || c == '\u000b') {
      return ' ';
    }
    if (c < 0x20 || c == 0x7f || c == '\u00ad' || c == '\u200b' || c == '\ufeff') {
      return DROP;
    }
    if (isDirectionControl(c) || isNonCharacter(c)) {
      return DROP;
    }
    if (c >= 0x80 && c <= 0x9f) {
      // "&#x92;" and friends: windows-1252 bytes that were taken for code points.
      String decoded = new String(new byte[] {(byte) c}, WINDOWS_1252);
      char d = decoded.length() == 1 ? decoded.charAt(0) : '\ufffd';
      return d == '\ufffd' || d == c ? DROP : d;
    }
    return KEEP;
  }

  /**
   * {@code s[from, to)} with each run of spaces one space, stripped of white space at both ends.
   */
  private static String collapseSpaces(CharSequence s, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    boolean inRun = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c != ' ') {
        out.append(c);
      } else if (!inRun) {
        out.append(' ');
      }
      inRun = c == ' ';
    }
    return out.toString().strip();
  }

  /** "• " for a line that starts with another list marker and a space. */
  private static String bullet(String line) {
    if (line.length() > 2 && line.charAt(1) == ' ' && isOtherMarker(line.charAt(0))) {
      return "• " + line.substring(2);
    }
    return line;
  }

  /**
   * The list markers feeds write at the start of a line, other than "•": the middle dot, small
   * squares and circles, hyphens and dashes, and the bullets of Word's Symbol and Wingdings fonts
   * (private-use characters U+F000 to U+F0FF, and U+F8E7).
   */
  private static boolean isOtherMarker(char c) {
    switch (c) {
      case '·',
          '∙',
          '▪',
          '▫',
          '●',
          '○',
          '◦',
          '‣',
          '■',
          '□',
          '-',
          '‐',
          '‑',
          '‒',
          '–',
          '—',
          '―',
          '−',
          '─',
          '⎯',
          '\uf8e7' -> {
        return true;
      }
      default -> {
        return c >= '\uf000' && c <= '\uf0ff';
      }
    }
  }

  /** Whether {@link #tidy} would return {@code s} unchanged ({@code PlainTextTest} checks it). */
  private static boolean isTidy(String s, Field field) {
    int n = s.length();
    if (n == 0) {
      return true;
    }
    boolean lineStart = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        if (!field.multiline() || lineStart) {
          return false; // a line break in a title, or an empty first line
        }
        if (i + 1 < n && s.charAt(i + 1) == '\n') {
          i++; // one blank line between two lines
          if (i + 1 >= n || s.charAt(i + 1) == '\n') {
            return false;
          }
        } else if (i + 1 >= n) {
          return false;
        }
        lineStart = true;
        continue;
      }
      if (Character.isSurrogate(c)) {
        if (surrogatePair(s, i) != 1) {
          return false; // alone, or a non-character
        }
        i++;
        lineStart = false;
        continue;
      }
      if (replacement(c) != KEEP) {
        return false;
      }
      if (lineStart) {
        if (Character.isWhitespace(c)
            || (field.multiline()
                && i + 2 < n
                && s.charAt(i + 1) == ' '
                && isOtherMarker(c)
                && s.charAt(i + 2) != '\n')) {
          return false;
        }
        lineStart = false;
      }
      if (Character.isWhitespace(c)) {
        // No run of spaces, and no white space at the end of a line.
        if (i + 1 >= n || s.charAt(i + 1) == '\n' || (c == ' ' && s.charAt(i + 1) == ' ')) {
          return false;
        }
      }
    }
    return true;
  }
}
