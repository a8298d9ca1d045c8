package org.aisx.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * The words of titles, abstracts and keywords as they are written, in every language: lower case,
 * accents folded, an elided article taken off ("l'intelligence"), neither stemmed nor stop words
 * left out. A prefix ({@code managem*}) is matched against these words, since a stemmed field holds
 * "manag" for "management" and no word that starts with "managem". The prefix is normalised as the
 * words are ({@link #normalize}).
 */
final class WordsAnalyzer extends Analyzer {
  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    TokenStream stream = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
    stream = new ASCIIFoldingFilter(new LowerCaseFilter(stream));
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
