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
    String s = maybeHtml.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\r\n", "\n");
    if (!HTML.matcher(s).find()) {
      // Not markup: keep literal angle brackets ("<transaction>") and only decode entities.
      return tidy(org.jsoup.parser.Parser.unescapeEntities(s, false));
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
    // Paragraphs are separated by blank lines; a single line break is only a wrapped line.
    String[] paragraphs = s.replace('\u00a0', ' ').split("\\n\\s*\\n");
    StringBuilder out = new StringBuilder();
    for (String p : paragraphs) {
      String line = p.replaceAll("\\s+", " ").strip();
      if (!line.isEmpty()) {
        if (out.length() > 0) {
          out.append("\n\n");
        }
        out.append(line);
      }
    }
    return out.toString();
  }
}
