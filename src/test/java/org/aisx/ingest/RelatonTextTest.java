package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RelatonTextTest {
  private static final String[] PARTS = {
    "a",
    "Word",
    "é",
    "\uD83D\uDE00",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\n \n",
    "\t",
    "\f",
    "\r",
    "\r\n",
    "\\r\\n",
    "\u000b",
    "\u0001",
    "\u00a0",
    "\u200b",
    "\u00ad",
    "\u2028",
    "\u2029",
    "\u0085",
    "\u0092",
    "\u3000",
    "\u2003",
    "\u001c",
    "x y",
    "x\ny",
    "x\n\ny",
    "<",
    ">",
    "&",
    ";",
    "#",
    "amp",
    "&amp;",
    "&#x92;",
    "&#8212;",
    "&nbsp;",
    "&bogus;",
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<li>",
    "<ul>",
    "<transaction>",
    "<b class=\"x\">",
    "</b>",
  };

  /** Text that skips jsoup or the regexes must come out as it does through them. */
  @Test
  void shortcutsGiveWhatTheGeneralPathGives() {
    Random random = new Random(7);
    for (int run = 0; run < 20_000; run++) {
      String text = randomText(random, random.nextInt(12));
      for (boolean html : new boolean[] {true, false}) {
        assertThat(RelatonText.paragraphs(text, html))
            .as("paragraphs(html=%s) of [%s]", html, escaped(text))
            .isEqualTo(RelatonText.paragraphs(text, html, false));
      }
      // Its own output again: text that is already tidy, the shortcut's common case.
      String once = RelatonText.paragraphs(text, false, false);
      assertThat(RelatonText.paragraphs(once, false))
          .as("paragraphs of tidy [%s]", once == null ? null : escaped(once))
          .isEqualTo(RelatonText.paragraphs(once, false, false));
      assertThat(RelatonText.line(once)).isEqualTo(RelatonText.line(once, false));
      assertThat(RelatonText.line(text))
          .as("line of [%s]", escaped(text))
          .isEqualTo(RelatonText.line(text, false));
    }
  }

  /** The common case, long plain text declared as HTML, including jsoup's buffer boundary. */
  @Test
  void longDeclaredHtmlWithoutMarkupMatchesJsoup() {
    Random random = new Random(11);
    for (int run = 0; run < 20; run++) {
      StringBuilder s = new StringBuilder();
      while (s.length() < 40_000) {
        s.append(PARTS[random.nextInt(13)]);
      }
      String text = s.toString();
      assertThat(RelatonText.paragraphs(text, true))
          .isEqualTo(RelatonText.paragraphs(text, true, false));
    }
  }

  @Test
  void plainTextDeclaredAsHtmlCollapsesWhiteSpaceLikeHtml() {
    assertThat(RelatonText.paragraphs("Line one\nline  two\u00a0and\u200b three", true))
        .isEqualTo("Line one line two and three");
    assertThat(RelatonText.paragraphs("Line one\nline two", false)).isEqualTo("Line one\nline two");
  }

  private static String randomText(Random random, int parts) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      s.append(PARTS[random.nextInt(PARTS.length)]);
    }
    return s.toString();
  }

  private static String escaped(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(
          c < 0x20 || c > 0x7e
              ? String.format(Locale.ROOT, "\\u%04x", (int) c)
              : String.valueOf(c));
    }
    return out.toString();
  }
}
