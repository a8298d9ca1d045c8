package org.aisx.suite;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aisx.catalog.Standard;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A user's description of an AI system as the suggester reads it: its words worth matching (three
 * letters or more, none of the stop words of the site's languages, nor words every description has,
 * such as "system"), and whether it names a phrase (a taxonomy label), compared stem by stem so
 * that "bank" names "banking" and "cars" names "car".
 */
final class Description {
  /** Words that say nothing of a system: every description has them. */
  private static final List<String> GENERAL =
      List.of(
          "using", "used", "use", "uses", "based", "system", "systems", "per", "can", "via", "also",
          "within", "without", "may", "might", "must", "shall", "would", "could", "should");

  private static final CharArraySet STOP = stopWords();

  /** Words as written, lower case, possessives off. */
  private static final Analyzer SURFACE = analyzer(false);

  /** The same words' Porter stems, one for one. */
  private static final Analyzer STEMS = analyzer(true);

  /** A word of a text: as written (lower case) and its stem. */
  private record Token(String surface, String stem) {
    /**
     * Whether this word of a description is {@code label}'s word: the same stem, and one is the
     * other's beginning ("bank" and "banking", "cars" and "car"), so that words Porter's stemmer
     * merely conflates ("accounts" and "accountability") are not.
     */
    boolean is(Token label) {
      return stem.equals(label.stem)
          && (surface.startsWith(label.surface) || label.surface.startsWith(surface));
    }
  }

  private final List<String> words;

  /** The description's words, stop words left out. */
  private final List<Token> tokens;

  Description(String text) {
    this.words = words(text);
    this.tokens = tokens(text);
  }

  /** The words worth matching, lower case, each once, in the description's order. */
  List<String> words() {
    return words;
  }

  /** Whether the description holds every word of {@code phrase} but stop words, in order. */
  boolean names(String phrase) {
    List<Token> p = tokens(phrase);
    if (p.isEmpty()) {
      return false;
    }
    for (int i = 0; i + p.size() <= tokens.size(); i++) {
      boolean all = true;
      for (int j = 0; j < p.size() && all; j++) {
        all = tokens.get(i + j).is(p.get(j));
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  static List<String> words(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= 3 && !STOP.contains(w)) {
        out.add(w);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The words found in the record's English title or abstract as whole words (the word, its
   * singular, or its plural): "art" does not match "artificial".
   */
  static List<String> matched(List<String> words, Standard s) {
    Set<String> tokens =
        new HashSet<>(
            Arrays.asList(
                (s.titleIn("en") + " " + s.abstractIn("en"))
                    .toLowerCase(Locale.ROOT)
                    .split("[^\\p{L}\\p{N}]+")));
    List<String> out = new ArrayList<>();
    for (String w : words) {
      boolean singular = w.endsWith("s") && w.length() > 4;
      if (tokens.contains(w)
          || tokens.contains(w + "s")
          || (singular && tokens.contains(w.substring(0, w.length() - 1)))) {
        out.add(w);
      }
    }
    return out;
  }

  /** The words of {@code text} with their stems, but stop words and one-letter words. */
  private static List<Token> tokens(String text) {
    List<String> surfaces = terms(SURFACE, text);
    List<String> stems = terms(STEMS, text);
    List<Token> out = new ArrayList<>();
    for (int i = 0; i < Math.min(surfaces.size(), stems.size()); i++) {
      String w = surfaces.get(i);
      if (w.length() >= 2 && !STOP.contains(w)) {
        out.add(new Token(w, stems.get(i)));
      }
    }
    return out;
  }

  private static List<String> terms(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Analyzer analyzer(boolean stems) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new LowerCaseFilter(new EnglishPossessiveFilter(source));
        return new TokenStreamComponents(source, stems ? new PorterStemFilter(s) : s);
      }
    };
  }

  /**
   * The stop words of the site's languages that Lucene ships (Snowball's English list, the French,
   * Spanish, Russian and Arabic analyzers' own), and {@link #GENERAL}.
   */
  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    try (Reader english =
        new InputStreamReader(
            SnowballFilter.class.getResourceAsStream("english_stop.txt"), StandardCharsets.UTF_8)) {
      set.addAll(WordlistLoader.getSnowballWordSet(english));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    set.addAll(FrenchAnalyzer.getDefaultStopSet());
    set.addAll(SpanishAnalyzer.getDefaultStopSet());
    set.addAll(RussianAnalyzer.getDefaultStopSet());
    set.addAll(ArabicAnalyzer.getDefaultStopSet());
    set.addAll(GENERAL);
    return CharArraySet.unmodifiableSet(set);
  }
}
