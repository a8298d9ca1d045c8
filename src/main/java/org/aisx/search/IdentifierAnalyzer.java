package org.aisx.search;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * Analyses identifiers the way people type them. {@code ISO/IEC 42001:2023} becomes {@code iso iec
 * 42001 2023}; {@code ITU-T Y.3172 (06/2019)} becomes {@code itu t y 3172 06 2019}; a token that
 * mixes letters and digits, such as {@code P7001}, is kept whole and its number is added at the
 * same position, so "P7001", "7001" and "IEEE P7001" all find the draft. A token that starts with a
 * number and goes on with a revision or edition ({@code 53r5} in NIST SP 800-53r5, {@code 2e2023}
 * in NIST AI 100-2e2023) adds its leading number, so "SP 800-53" and "AI 100-2" find them. "NISTIR"
 * is read as "NIST IR".
 */
final class IdentifierAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
    TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
    return new TokenStreamComponents(
        tokenizer, new NumberPartFilter(new RunTogetherFilter(stream)));
  }

  /** A prefix ({@code Y.31*}) in lower case with accents folded, as the tokens are. */
  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  /**
   * Splits a body prefix that people write run together into its words: "NISTIR 8312" is NIST's
   * older spelling of "NIST IR 8312", and either finds the other.
   */
  static final class RunTogetherFilter extends TokenFilter {
    private static final java.util.Map<String, String[]> SPLIT =
        java.util.Map.of("nistir", new String[] {"nist", "ir"});

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private String pending;

    RunTogetherFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (pending != null) {
        term.setEmpty().append(pending);
        pending = null;
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      String[] words = SPLIT.get(term.toString());
      if (words != null) {
        term.setEmpty().append(words[0]);
        pending = words[1];
      }
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending = null;
    }
  }

  /** Adds the digit run of a mixed letters-and-digits token at the same position. */
  static final class NumberPartFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position =
        addAttribute(PositionIncrementAttribute.class);
    private String pending;

    NumberPartFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (pending != null) {
        term.setEmpty().append(pending);
        position.setPositionIncrement(0);
        pending = null;
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      pending = numberPart(term.buffer(), term.length());
      return true;
    }

    /**
     * For a token that also has a letter: its one run of digits 0-9, or its leading run when it
     * starts with a digit ("53r5": 53); otherwise null (no letter, no digit, or two runs after a
     * letter such as "a1b2").
     */
    static String numberPart(char[] t, int length) {
      boolean letters = false;
      boolean secondRun = false;
      int runStart = -1;
      int runEnd = -1;
      for (int i = 0; i < length; i++) {
        char c = t[i];
        if (c >= '0' && c <= '9') {
          if (runEnd >= 0 && runEnd < i) {
            secondRun = true;
          } else {
            if (runStart < 0) {
              runStart = i;
            }
            runEnd = i + 1;
          }
        } else if (!letters && Character.isLetter(c)) {
          letters = true;
        }
      }
      if (!letters || runStart < 0 || (secondRun && runStart > 0)) {
        return null;
      }
      return new String(t, runStart, runEnd - runStart);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending = null;
    }
  }
}
