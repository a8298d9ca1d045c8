package org.aisx.catalog;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Turns the HTML some feeds put in text fields into plain text: paragraphs kept, tags dropped. */
public final class PlainText {
  private PlainText() {}

  public static String of(String maybeHtml) {
    if (maybeHtml == null) {
      return null;
    }
    String s = maybeHtml.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\r\n", "\n");
    if (s.indexOf('<') < 0 && s.indexOf('&') < 0) {
      return tidy(s);
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
    String[] paragraphs = s.replace('\u00a0', ' ').split("\\n\\s*\\n|\\n");
    StringBuilder out = new StringBuilder();
    for (String p : paragraphs) {
      String line = p.replaceAll("[ \\t\\x0B\\f]+", " ").strip();
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
