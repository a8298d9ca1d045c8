package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainTextTest {

  @Test
  void turnsMarkupIntoParagraphsAndKeepsLiteralAngleBrackets() {
    assertThat(PlainText.of("<p>First  para</p><p>Second<br>line &amp; more</p>"))
        .isEqualTo("First para\n\nSecond\n\nline & more");
    assertThat(PlainText.of("a <transaction> b &lt;x&gt;")).isEqualTo("a <transaction> b <x>");
    assertThat(PlainText.of("escaped\\r\\nbreaks\\n\\nkept")).isEqualTo("escaped breaks\n\nkept");
  }

  /** The shortcut for text that is already tidy must give what the full tidy gives. */
  @Test
  void tidiesWhiteSpaceExactlyAsTheRegexRuleForAnyMixOfSpaces() {
    String[] parts = {
      "a",
      "b",
      " ",
      "  ",
      "\n",
      "\n\n",
      "\n \n",
      "\t",
      "\u00a0",
      "\r",
      "xy",
      "\f",
      "\u000b",
      "\u2028",
      "\u001c",
      "\u3000",
      "\n\u00a0\n"
    };
    Random random = new Random(42);
    for (int run = 0; run < 20_000; run++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(12);
      for (int i = 0; i < len; i++) {
        s.append(parts[random.nextInt(parts.length)]);
      }
      String text = s.toString();
      assertThat(PlainText.of(text))
          .as("tidy of [%s]", text.replace("\n", "\\n"))
          .isEqualTo(reference(text));
    }
  }

  /** The rule as first written: paragraphs split at blank lines, white space runs collapsed. */
  private static String reference(String s) {
    s = s.replace("\r\n", "\n");
    StringBuilder out = new StringBuilder();
    for (String p : s.replace('\u00a0', ' ').split("\\n\\s*\\n")) {
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
