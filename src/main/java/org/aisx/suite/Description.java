package org.aisx.suite;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aisx.catalog.Standard;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.IOUtils;

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

  /** English stems, no stop words left out (a label's own words are compared as they are). */
  private static final Analyzer STEMS = new EnglishAnalyzer(CharArraySet.EMPTY_SET);

  private final List<String> words;

  /** The description's stems, each between spaces, stop words left out. */
  private final String stems;

  Description(String text) {
    this.words = words(text);
    this.stems = " " + String.join(" ", stems(text)) + " ";
  }

  /** The words worth matching, lower case, each once, in the description's order. */
  List<String> words() {
    return words;
  }

  /** Whether the description holds every word of {@code phrase}, in order, as stems. */
  boolean names(String phrase) {
    List<String> p = stems(phrase);
    return !p.isEmpty() && stems.contains(" " + String.join(" ", p) + " ");
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
        Set.of(
            (s.titleIn("en") + " " + s.abstractIn("en"))
                .toLowerCase(Locale.ROOT)
                .split("[^\\p{L}\\p{N}]+"));
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

  /** The stems of {@code text}'s words, but stop words and words shorter than two letters. */
  private static List<String> stems(String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = STEMS.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        if (t.length() >= 2 && !STOP.contains(t)) {
          out.add(t);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The stop words of the site's languages that Lucene ships (Snowball's English list, the French,
   * Spanish, Russian and Arabic analyzers' own), and {@link #GENERAL}.
   */
  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    try (Reader english =
        IOUtils.getDecodingReader(
            SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)) {
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
