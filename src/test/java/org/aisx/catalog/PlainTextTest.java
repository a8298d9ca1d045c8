package org.aisx.catalog;

import static org.aisx.catalog.PlainText.Field.ABSTRACT;
import static org.aisx.catalog.PlainText.Field.TITLE;
import static org.aisx.catalog.PlainText.Markup.HTML;
import static org.aisx.catalog.PlainText.Markup.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.aisx.catalog.PlainText.Field;
import org.aisx.catalog.PlainText.Markup;
import org.junit.jupiter.api.Test;

class PlainTextTest {

  /** The text of the issue: what the two cleaners one after the other made of it. */
  @Test
  void keepsLineBreaksParagraphsAndBulletsOfAnAbstract() {
    String text = "First line\nsecond line\n\n• alpha\n• beta";
    assertThat(PlainText.clean(text, ABSTRACT, TEXT)).isEqualTo(text);
    assertThat(PlainText.clean(text, TITLE, TEXT))
        .isEqualTo("First line second line • alpha • beta");
    assertThat(
            PlainText.clean(
                "<p>First line<br>second line</p><ul><li>alpha</li><li>beta</li></ul>",
                ABSTRACT,
                HTML))
        .isEqualTo(text);
  }

  @Test
  void turnsMarkupIntoParagraphsLinesAndBulletsAndKeepsLiteralAngleBrackets() {
    assertThat(
            PlainText.clean("<p>First  para</p><p>Second<br>line &amp; more</p>", ABSTRACT, TEXT))
        .isEqualTo("First para\n\nSecond\nline & more");
    assertThat(PlainText.clean("a <transaction> b &lt;x&gt;", ABSTRACT, TEXT))
        .isEqualTo("a <transaction> b <x>");
    assertThat(PlainText.clean("escaped\\r\\nbreaks\\n\\nkept", ABSTRACT, TEXT))
        .isEqualTo("escaped\nbreaks\n\nkept");
    assertThat(PlainText.clean("Windows\r\nline\rends", ABSTRACT, TEXT))
        .isEqualTo("Windows\nline\nends");
    // A list inside a list item: its items are lines of the list, not a new paragraph.
    assertThat(
            PlainText.clean(
                "<p>It specifies</p><ul><li>types<ul><li>rules,</li><li>clusters,</li></ul></li>"
                    + "<li>routines</li></ul><p>End.</p>",
                ABSTRACT,
                HTML))
        .isEqualTo("It specifies\n\n• types\n• rules,\n• clusters,\n• routines\n\nEnd.");
  }

  /**
   * A script or a style sheet is dropped with its content, and so is a tag that only markup writes
   * (an image, a frame, a form), in plain text as in HTML, as {@code <b>} is: while plain text
   * keeps its line breaks and list items.
   */
  @Test
  void scriptsGoWithTheirContentAndActiveTagsGoWhilePlainTextKeepsItsLines() {
    assertThat(PlainText.clean("Safe <script>alert(1)</script>title", TITLE, TEXT))
        .isEqualTo("Safe title");
    assertThat(PlainText.clean("<b>Bold</b> <SCRIPT type=x>alert(1)</Script>", TITLE, TEXT))
        .isEqualTo("Bold");
    assertThat(
            PlainText.clean(
                "a <img src=x onerror=alert(1)> b <iframe src=y></iframe>", TITLE, TEXT))
        .isEqualTo("a b");
    assertThat(PlainText.clean("<style>p { color: red }</style>Styled", TITLE, HTML))
        .isEqualTo("Styled");
    // A tag of one that is not closed goes alone: text that names one keeps what follows.
    assertThat(PlainText.clean("Cut <script>alert(1)", TITLE, TEXT)).isEqualTo("Cut alert(1)");
    assertThat(
            PlainText.clean(
                "The <template> element holds markup.\nIt is not rendered.", ABSTRACT, TEXT))
        .isEqualTo("The element holds markup.\nIt is not rendered.");
    assertThat(PlainText.clean("<p>The <script> element runs code.</p>", ABSTRACT, HTML))
        .isEqualTo("The element runs code.");
    assertThat(PlainText.clean("a</script x>b <script>c</script/> d", TITLE, TEXT))
        .isEqualTo("ab d");
    assertThat(PlainText.clean("&lt;script&gt;alert(1)&lt;/script&gt;Escaped", TITLE, TEXT))
        .isEqualTo("Escaped");
    assertThat(PlainText.clean("<script>alert(1)</script>", TITLE, TEXT)).isNull();
    // Lines, paragraphs and list items of plain text stay; a "tag" no markup writes is text.
    assertThat(
            PlainText.clean(
                "First line<script>alert(1)</script>\nsecond <transaction> line\n\n• alpha\n- beta",
                ABSTRACT,
                TEXT))
        .isEqualTo("First line\nsecond <transaction> line\n\n• alpha\n• beta");
    assertThat(PlainText.isClean("a <script>alert(1)</script>", TITLE)).isFalse();
    assertThat(PlainText.isClean("a <img src=x>", TITLE)).isFalse();
  }

  @Test
  void declaredHtmlFollowsHtmlWhiteSpaceRulesButKeepsBlankLines() {
    // Feeds wrap their HTML: a line break in the source is a space.
    assertThat(PlainText.clean("Line one\nline  two\u00a0and\u200b three", ABSTRACT, HTML))
        .isEqualTo("Line one line two and three");
    assertThat(PlainText.clean("Line one\nline two", ABSTRACT, TEXT))
        .isEqualTo("Line one\nline two");
    // A blank line is a paragraph, in HTML as in plain text.
    assertThat(PlainText.clean("One.\n\nTwo <b>bold</b>\nwrapped.", ABSTRACT, HTML))
        .isEqualTo("One.\n\nTwo bold wrapped.");
    assertThat(
            PlainText.clean(
                "as:<br />\r\n- household appliances,<br />\r\n- tools", ABSTRACT, HTML))
        .isEqualTo("as:\n• household appliances,\n• tools");
  }

  @Test
  void listMarkersAtTheStartOfALineBecomeBullets() {
    assertThat(
            PlainText.clean(
                "Goals:\r\n–\tDefining;\r\n-  Helping;\r\n•          Testing;\r\n· Dots;\r\n"
                    + "\uf0b7\tSymbol font;\r\n\u0095 windows-1252",
                ABSTRACT,
                TEXT))
        .isEqualTo(
            "Goals:\n• Defining;\n• Helping;\n• Testing;\n• Dots;\n• Symbol font;\n• windows-1252");
    // Only at the start of a line, and only followed by white space.
    assertThat(PlainText.clean("a - b\n-5 dB\n*note", ABSTRACT, TEXT))
        .isEqualTo("a - b\n-5 dB\n*note");
    // Titles are one line; a dash in them is a dash.
    assertThat(PlainText.clean("- Part 1:\nGeneral", TITLE, TEXT)).isEqualTo("- Part 1: General");
  }

  @Test
  void dropsControlCharactersAndRepairsWindows1252() {
    assertThat(PlainText.clean("a\u0001b\u007f\tc\u000bd\u00ade&#x92;s", ABSTRACT, TEXT))
        .isEqualTo("ab c de’s");
    assertThat(PlainText.clean(" \n \t ", ABSTRACT, TEXT)).isNull();
    assertThat(PlainText.clean(null, ABSTRACT, TEXT)).isNull();
    assertThat(PlainText.clean("<p> </p>", TITLE, HTML)).isNull();
  }

  /** Decoding that brings out markup again is cleaned again: what is stored stays as it is. */
  @Test
  void cleansUntilNothingChanges() {
    assertThat(PlainText.clean("AT&amp;amp;T", TITLE, TEXT)).isEqualTo("AT&T");
    assertThat(PlainText.clean("<p>the &lt;b&gt;bold&lt;/b&gt; tag</p>", ABSTRACT, HTML))
        .isEqualTo("the bold tag");
    assertThat(PlainText.clean("a &lt;transaction&gt;", ABSTRACT, HTML))
        .isEqualTo("a <transaction>");
  }

  @Test
  void isCleanSaysWhetherCleaningWouldChangeTheText() {
    assertThat(PlainText.isClean("First line\nsecond\n\n• item", ABSTRACT)).isTrue();
    assertThat(PlainText.isClean("First line\nsecond", TITLE)).isFalse();
    assertThat(PlainText.isClean("a  b", TITLE)).isFalse();
    assertThat(PlainText.isClean("a <br> b", TITLE)).isFalse();
    assertThat(PlainText.isClean("a &amp; b", TITLE)).isFalse();
    assertThat(PlainText.isClean("a <transaction> & b &bogus;", TITLE)).isTrue();
    assertThat(PlainText.isClean("- item", ABSTRACT)).isFalse();
    assertThat(PlainText.isClean("- item", TITLE)).isTrue();
    assertThat(PlainText.isClean("", TITLE)).isFalse();
    assertThat(PlainText.isClean(null, TITLE)).isTrue();
  }

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
    "\n\u00a0\n",
    "\t",
    "\f",
    "\r",
    "\r\n",
    "\\r\\n",
    "\\n",
    "\\",
    "n",
    "\u000b",
    "\u0000",
    "\u0001",
    "\u007f",
    "\u00a0",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "\u2028",
    "\u2029",
    "\u0085",
    "\u0092",
    "\u0095",
    "\u3000",
    "\u2003",
    "\u001c",
    "x y",
    "x\ny",
    "x\n\ny",
    "•",
    "• ",
    "- ",
    "–\t",
    "\uf0b7 ",
    "·",
    "<",
    ">",
    "/",
    "&",
    ";",
    "#",
    "amp",
    "lt",
    "&amp;",
    "&lt;",
    "&gt;",
    "&#x92;",
    "&#8212;",
    "&#10;",
    "&nbsp;",
    "&bogus;",
    "&copy",
    "<p>",
    "</p>",
    "<br>",
    "<br/>",
    "<li>",
    "</li>",
    "<ul>",
    "</ul>",
    "<pre>",
    "<td>",
    "<tr>",
    "<transaction>",
    "<b class=\"x\">",
    "</b>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "</script x>",
    "<style>",
    "<img src=x>",
    "<iframe>",
  };

  /**
   * Cleaning is idempotent: clean text, cleaned again as plain text (as the json import and the API
   * clean what they read), comes out as it went in, and {@link PlainText#isClean} says so.
   */
  @Test
  void cleaningTwiceIsCleaningOnce() {
    Random random = new Random(2026);
    for (int run = 0; run < 10_000; run++) {
      String text = randomText(random, random.nextInt(14));
      for (Field field : Field.values()) {
        for (Markup markup : Markup.values()) {
          String once = PlainText.clean(text, field, markup);
          assertThat(PlainText.clean(once, field, TEXT))
              .as("%s %s of [%s] = [%s]", field, markup, escaped(text), escaped(once))
              .isEqualTo(once);
          assertThat(PlainText.isClean(once, field))
              .as("%s %s of [%s] = [%s] is clean", field, markup, escaped(text), escaped(once))
              .isTrue();
        }
      }
    }
  }

  /** Text that skips jsoup, the regexes or the full tidy must come out as it does through them. */
  @Test
  void shortcutsGiveWhatTheGeneralPathGives() {
    Random random = new Random(7);
    for (int run = 0; run < 10_000; run++) {
      String text = randomText(random, random.nextInt(12));
      for (Field field : Field.values()) {
        for (Markup markup : Markup.values()) {
          String general = PlainText.clean(text, field, markup, false);
          assertThat(PlainText.clean(text, field, markup, true))
              .as("%s %s of [%s]", field, markup, escaped(text))
              .isEqualTo(general);
          // Its own output again: text that is already clean, the shortcuts' common case.
          assertThat(PlainText.clean(general, field, TEXT, true))
              .as("%s of clean [%s]", field, general == null ? null : escaped(general))
              .isEqualTo(PlainText.clean(general, field, TEXT, false));
        }
      }
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
      assertThat(PlainText.clean(text, ABSTRACT, HTML))
          .isEqualTo(PlainText.clean(text, ABSTRACT, HTML, false));
    }
  }

  private static String randomText(Random random, int parts) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      s.append(PARTS[random.nextInt(PARTS.length)]);
    }
    return s.toString();
  }

  private static String escaped(String s) {
    if (s == null) {
      return null;
    }
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
