package org.aisx.ingest;

import java.nio.charset.Charset;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from the text fields of Relaton records. Only text that is declared {@code text/html}
 * or contains real HTML tags goes through jsoup: ITU abstracts are plain text that may contain
 * angle brackets of their own ("a set of actions called a &lt;transaction&gt;"), which an HTML
 * parser would swallow.
 */
final class RelatonText {
  private RelatonText() {}

  /** An HTML tag that real feeds use; unknown "tags" such as {@code <transaction>} are text. */
  private static final Pattern HTML_TAG =
      Pattern.compile(
          "</?(?:p|br|div|span|b|i|u|em|strong|ul|ol|li|sub|sup|a|table|thead|tbody|tr|td|th"
              + "|h[1-6]|blockquote|pre|code|font|dl|dt|dd|hr|img|small|big|tt|s|strike)"
              + "(?:\\s[^<>]*)?/?>",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ENTITY =
      Pattern.compile("&(?:#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");

  private static final Pattern BLOCK =
      Pattern.compile(
          "p|div|ul|ol|table|thead|tbody|tr|h[1-6]|blockquote|pre|dl|dt|dd|hr|section|article");

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /**
   * Multi-line plain text: HTML paragraphs become paragraphs separated by a blank line, {@code
   * <br>} a line break, list items lines starting with "• "; entities decoded; literal {@code \r\n}
   * sequences become line breaks; runs of spaces collapse; blank or null input gives null.
   */
  static String paragraphs(String raw, boolean declaredHtml) {
    return paragraphs(raw, declaredHtml, true);
  }

  /**
   * {@link #paragraphs(String, boolean)}; with {@code shortcuts} false, every text takes the
   * general path (regexes, jsoup) that the shortcuts must agree with ({@code RelatonTextTest}).
   */
  static String paragraphs(String raw, boolean declaredHtml, boolean shortcuts) {
    if (raw == null) {
      return null;
    }
    String s = raw.replace("\\r\\n", "\n").replace("\r\n", "\n").replace('\r', '\n');
    boolean angle = !shortcuts || s.indexOf('<') >= 0;
    boolean ampersand = !shortcuts || s.indexOf('&') >= 0;
    if (declaredHtml && !angle && !ampersand && s.indexOf('\0') < 0) {
      // Declared HTML without a tag or an entity (most IEC abstracts): what jsoup would give.
      s = htmlTextWithoutMarkup(s);
    } else if (declaredHtml || (angle && HTML_TAG.matcher(s).find())) {
      s = htmlToText(s);
    } else if (ampersand && ENTITY.matcher(s).find()) {
      s = Parser.unescapeEntities(s, false);
    }
    String tidy = shortcuts && isTidy(s) ? s : tidy(s);
    return tidy.isEmpty() ? null : tidy;
  }

  /** One line of plain text (titles, keywords, committee names); blank or null input gives null. */
  static String line(String raw) {
    return line(raw, true);
  }

  /** {@link #line(String)}, with or without the shortcuts (see {@link #paragraphs}). */
  static String line(String raw, boolean shortcuts) {
    String s = paragraphs(raw, false, shortcuts);
    if (s == null) {
      return null;
    }
    if (shortcuts && s.indexOf('\n') < 0) {
      return s; // tidy text on one line has no space to collapse
    }
    return collapse(s, true);
  }

  /**
   * Collapses each run of spaces (and of any {@code \\s} white space if {@code allWhiteSpace}) into
   * one space and strips both ends; what {@code replaceAll(" {2,}"|"\\s+", " ").strip()} gives,
   * without compiling a pattern per call.
   */
  private static String collapse(String s, boolean allWhiteSpace) {
    StringBuilder out = new StringBuilder(s.length());
    boolean inRun = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space =
          c == ' '
              || (allWhiteSpace
                  && (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'));
      if (!space) {
        out.append(c);
      } else if (!inRun) {
        out.append(' ');
      }
      inRun = space;
    }
    return out.toString().strip();
  }

  /**
   * The text jsoup makes of HTML that has no tag, no entity and no NUL: one text node whose white
   * space (including the no-break space) collapses to single spaces and whose zero-width spaces and
   * soft hyphens are dropped. {@code RelatonTextTest} checks it against jsoup.
   */
  private static String htmlTextWithoutMarkup(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean lastWasWhite = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00a0') {
        if (!lastWasWhite) {
          out.append(' ');
          lastWasWhite = true;
        }
      } else if (c != '\u200b' && c != '\u00ad') {
        out.append(c);
        lastWasWhite = false;
      }
    }
    return out.toString();
  }

  private static String htmlToText(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    StringBuilder out = new StringBuilder();
    body.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              out.append(text.text());
            } else if (node instanceof Element el) {
              String name = el.normalName();
              if (name.equals("br")) {
                out.append('\n');
              } else if (name.equals("li")) {
                newLine(out);
                out.append("• ");
              } else if (name.equals("td") || name.equals("th")) {
                out.append(' ');
              } else if (BLOCK.matcher(name).matches()) {
                out.append("\n\n");
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element el) {
              String name = el.normalName();
              if (name.equals("li")) {
                newLine(out);
              } else if (BLOCK.matcher(name).matches()) {
                out.append("\n\n");
              }
            }
          }
        });
    return out.toString();
  }

  private static void newLine(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }

  /**
   * Whether {@link #tidy} would return {@code s} unchanged: lines without white space at either end
   * or twice in a row, at most one blank line between lines, no character tidy replaces.
   */
  private static boolean isTidy(String s) {
    int n = s.length();
    if (n == 0) {
      return true;
    }
    if (s.charAt(0) == '\n' || s.charAt(n - 1) == '\n') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (i == 0 || i == n - 1) {
          return false;
        }
        char before = s.charAt(i - 1);
        char after = s.charAt(i + 1);
        if (before == ' ' || before == '\n' || after == ' ' || after == '\n') {
          return false;
        }
      } else if (c == '\n') {
        if (s.charAt(i + 1) == '\n' && (i + 2 >= n || s.charAt(i + 2) == '\n')) {
          return false;
        }
      } else if (c < 0x20
          || (c >= 0x80 && c <= 0xa0)
          || c == '\u2028'
          || c == '\u2029'
          || Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /** Trims every line, collapses spaces and blank-line runs, repairs stray C1 control chars. */
  private static String tidy(String s) {
    StringBuilder cleaned = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
        cleaned.append('\n');
      } else if (c >= 0x80 && c <= 0x9f) {
        // "&#x92;" and friends: windows-1252 bytes that were taken for code points.
        String decoded = new String(new byte[] {(byte) c}, WINDOWS_1252);
        if (decoded.length() == 1 && decoded.charAt(0) != '\ufffd' && decoded.charAt(0) != c) {
          cleaned.append(decoded);
        }
      } else if (c == '\u00a0' || c == '\t' || c == '\f' || c == '\u000b') {
        cleaned.append(' ');
      } else if (c == '\n' || c >= 0x20) {
        cleaned.append(c);
      }
    }
    String[] lines = cleaned.toString().split("\n", -1);
    StringBuilder out = new StringBuilder(cleaned.length());
    int pendingBreaks = 0;
    for (String l : lines) {
      String line = collapse(l, false);
      if (line.isEmpty()) {
        pendingBreaks++;
        continue;
      }
      if (out.length() > 0) {
        out.append(pendingBreaks >= 1 ? "\n\n" : "\n");
      }
      out.append(line);
      pendingBreaks = 0;
    }
    return out.toString();
  }
}
