package org.aisx.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrases matched as whole words ({@link Classifier#phrasePattern}), with a cheap literal check in
 * front of the regular expression: a phrase can only match a text whose lower-case form contains
 * the phrase's first word. Most sentences contain none of a concept's first words, so most of the
 * classifier's regular-expression scans (about 55 concepts for every sentence of every record)
 * never start. The check is necessary, never sufficient: {@link #matcher} decides.
 */
final class Phrases {
  private final Pattern pattern;

  /** The lower-case text before each phrase's first space; empty: no check (match everything). */
  private final String[] firstWords;

  private Phrases(Pattern pattern, String[] firstWords) {
    this.pattern = pattern;
    this.firstWords = firstWords;
  }

  /** The phrases as {@link Classifier#phrasePattern} reads them. */
  static Phrases of(List<String> phrases) {
    List<String> first = new ArrayList<>();
    for (String t : new LinkedHashSet<>(phrases)) {
      String term = t.strip();
      if (!term.isEmpty()) {
        int space = term.indexOf(' ');
        first.add((space < 0 ? term : term.substring(0, space)).toLowerCase(Locale.ROOT));
      }
    }
    return new Phrases(Classifier.phrasePatternOf(phrases), first.toArray(String[]::new));
  }

  /** A matcher of the phrases over {@code text}. */
  Matcher matcher(CharSequence text) {
    return pattern.matcher(text);
  }

  /**
   * False when no phrase can occur in the text whose lower-case form ({@code Locale.ROOT}) is
   * {@code lowerText}; true when one may.
   */
  boolean mayOccurIn(String lowerText) {
    if (firstWords.length == 0) {
      return true;
    }
    for (String w : firstWords) {
      if (lowerText.contains(w)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return pattern.pattern();
  }
}
