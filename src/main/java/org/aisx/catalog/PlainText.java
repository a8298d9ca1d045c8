package org.aisx.catalog;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Turns the HTML some feeds put in text fields into plain text: paragraphs kept, tags dropped. */
public final class PlainText {
  private static final java.util.regex.Pattern HTML =
      java.util.regex.Pattern.compile(
          "</?(p|br|div|span|ul|ol|li|b|i|em|strong|a|sub|sup|table|tr|td|th|h[1-6]|blockquote|pre|code)\\b[^>]*>",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private PlainText() {}

  public static String of(String maybeHtml) {
    if (maybeHtml == null) {
      return null;
    }
    String s = maybeHtml;
    if (s.indexOf('\\') >= 0 || s.indexOf('\r') >= 0) {
      s = s.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\r\n", "\n");
    }
    if (s.indexOf('<') < 0 || !HTML.matcher(s).find()) {
      // Not markup: keep literal angle brackets ("<transaction>") and only decode entities.
      return tidy(s.indexOf('&') < 0 ? s : org.jsoup.parser.Parser.unescapeEntities(s, false));
    }
    Document doc = Jsoup.parseBodyFragment(s);
    StringBuilder out = new StringBuilder();
    append(doc.body(), out);
    return tidy(out.toString());
  }

  private static void append(Node node, StringBuilder out) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode text) {
        out.append(text.getWholeText());
      } else if (child instanceof Element el) {
        boolean block = el.isBlock() || el.normalName().equals("br");
        if (block) {
          out.append('\n');
        }
        if (el.normalName().equals("li")) {
          out.append("• ");
        }
        append(el, out);
        if (block) {
          out.append('\n');
        }
      }
    }
  }

  private static String tidy(String s) {
    if (isTidy(s)) {
      return s; // most text from feeds: nothing to change
    }
    // Paragraphs are separated by blank lines; a single line break is only a wrapped line. What
    // splitting at "\\n\\s*\\n" and collapsing "\\s+" gives (PlainTextTest), in one pass.
    StringBuilder out = new StringBuilder(s.length());
    StringBuilder paragraph = new StringBuilder(s.length());
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (!isSpace(c)) {
        paragraph.append(c);
        i++;
        continue;
      }
      int newLines = 0;
      while (i < n && isSpace(s.charAt(i))) {
        if (s.charAt(i) == '\n') {
          newLines++;
        }
        i++;
      }
      if (newLines >= 2) {
        endParagraph(paragraph, out);
      } else {
        paragraph.append(' ');
      }
    }
    endParagraph(paragraph, out);
    return out.toString();
  }

  private static void endParagraph(StringBuilder paragraph, StringBuilder out) {
    String line = paragraph.toString().strip();
    if (!line.isEmpty()) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(line);
    }
    paragraph.setLength(0);
  }

  /**
   * Whether {@link #tidy} would return {@code s} unchanged: single spaces between words, paragraphs
   * separated by exactly one blank line, no other white space, nothing at either end.
   */
  private static boolean isTidy(String s) {
    int n = s.length();
    if (n == 0) {
      return true;
    }
    if (isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1))) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      // Other white space (tabs, U+3000, U+001C...) is collapsed or stripped at paragraph ends.
      if (c != ' ' && c != '\n' && (c == '\u00a0' || Character.isWhitespace(c))) {
        return false;
      }
    }
    for (int i = 1; i < n - 1; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (isSpace(s.charAt(i + 1))) {
          return false;
        }
      } else if (c == '\n') {
        // Only "word\n\nword" is tidy.
        if (s.charAt(i + 1) != '\n'
            || isSpace(s.charAt(i - 1))
            || i + 2 >= n
            || isSpace(s.charAt(i + 2))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  /** White space as {@code \\s} matches it (ASCII only), and the no-break space. */
  private static boolean isSpace(char c) {
    return c == ' '
        || c == '\n'
        || c == '\t'
        || c == '\u000B'
        || c == '\f'
        || c == '\r'
        || c == '\u00a0';
  }
}
