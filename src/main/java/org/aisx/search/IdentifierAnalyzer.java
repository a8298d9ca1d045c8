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
 * same position, so "P7001", "7001" and "IEEE P7001" all find the draft.
 */
final class IdentifierAnalyzer extends Analyzer {

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
    TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
    return new TokenStreamComponents(tokenizer, new NumberPartFilter(stream));
  }

  /** Adds the digit run of a mixed letters-and-digits token at the same position. */
  static final class NumberPartFilter extends TokenFilter {
    private static final java.util.regex.Pattern NON_DIGITS =
        java.util.regex.Pattern.compile("\\D+");
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
      String t = term.toString();
      boolean letters = t.chars().anyMatch(Character::isLetter);
      String digits = NON_DIGITS.matcher(t).replaceAll(" ").strip();
      if (letters && !digits.isEmpty() && !digits.contains(" ")) {
        pending = digits;
      }
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending = null;
    }
  }
}
