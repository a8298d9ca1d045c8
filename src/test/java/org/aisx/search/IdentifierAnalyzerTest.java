package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class IdentifierAnalyzerTest {

  @Test
  void splitsIdentifiersAndAddsTheNumberOfAMixedToken() throws IOException {
    assertThat(tokens("ISO/IEC 42001:2023")).containsExactly("iso", "iec", "42001", "2023");
    assertThat(tokens("IEEE P7001-2021")).containsExactly("ieee", "p7001", "+7001", "2021");
    assertThat(tokens("ITU-T Y.3172 (06/2019)"))
        .containsExactly("itu", "t", "y", "3172", "06", "2019");
    assertThat(tokens("a1b2 X25")).containsExactly("a1b2", "x25", "+25");
  }

  @Test
  void aRevisionOrEditionAfterANumberAddsTheNumber() throws IOException {
    assertThat(tokens("NIST SP 800-53r5")).containsExactly("nist", "sp", "800", "53r5", "+53");
    assertThat(tokens("NIST AI 100-2e2023")).containsExactly("nist", "ai", "100", "2e2023", "+2");
    assertThat(tokens("r5b2")).containsExactly("r5b2");
  }

  @Test
  void theNumberPartIsWhatTheRuleWrittenAsARegexGives() {
    Random random = new Random(11);
    String alphabet = "ab7z09é٣Ⅻ";
    for (int round = 0; round < 20_000; round++) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(10); i > 0; i--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = s.toString();
      boolean letters = t.chars().anyMatch(Character::isLetter);
      String digits = t.replaceAll("\\D+", " ").strip();
      String leading = t.replaceAll("^([0-9]+).*$", "$1");
      String expected =
          !letters || digits.isEmpty()
              ? null
              : !digits.contains(" ") ? digits : !leading.equals(t) ? leading : null;
      assertThat(IdentifierAnalyzer.NumberPartFilter.numberPart(t.toCharArray(), t.length()))
          .as(t)
          .isEqualTo(expected);
    }
  }

  /** The tokens, with "+" before one added at the position of the token before it. */
  private static List<String> tokens(String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (IdentifierAnalyzer analyzer = new IdentifierAnalyzer();
        TokenStream ts = analyzer.tokenStream("identifier", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute position = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add((position.getPositionIncrement() == 0 ? "+" : "") + term);
      }
      ts.end();
    }
    return out;
  }
}
