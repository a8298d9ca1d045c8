package org.aisx.glossary;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How labels are compared: "General-Purpose AI Models", "general purpose AI model" and "GPAI Model"
 * name one thing. A label's forms are its words lower-cased, hyphens as spaces, a final plural
 * dropped, without the acronym in brackets; and the acronym alone.
 */
public final class Labels {
  private static final Pattern BRACKETS = Pattern.compile("\\s*\\(([^()]*)\\)");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Labels() {}

  /**
   * The compared form of a label or query: "General-Purpose AI Systems" → "general purpose ai
   * system".
   */
  public static String normal(String label) {
    String s = BRACKETS.matcher(label).replaceAll(" ");
    s = NOT_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    if (s.isEmpty()) {
      return s;
    }
    String[] words = s.split(" ");
    words[words.length - 1] = singular(words[words.length - 1]);
    return String.join(" ", words);
  }

  private static String singular(String w) {
    if (w.length() > 3 && w.endsWith("s") && "siau".indexOf(w.charAt(w.length() - 2)) < 0) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  /** Running text compared word by word: every word as {@link #normal} treats a label's last. */
  public static String normalText(String text) {
    String s = NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    if (s.isEmpty()) {
      return s;
    }
    String[] words = s.split(" ");
    for (int i = 0; i < words.length; i++) {
      words[i] = singular(words[i]);
    }
    return String.join(" ", words);
  }

  /**
   * Every form under which a label is looked up: the label, and any acronym it gives in brackets.
   */
  public static Set<String> forms(String label) {
    Set<String> out = new LinkedHashSet<>();
    String whole = normal(label);
    if (!whole.isEmpty()) {
      out.add(whole);
    }
    Matcher m = BRACKETS.matcher(label);
    while (m.find()) {
      String inside = normal(m.group(1));
      if (!inside.isEmpty() && !inside.contains(" ") && inside.length() <= 8) {
        out.add(inside);
      }
    }
    return out;
  }

  /** The words of a label's compared form. */
  public static Set<String> words(String label) {
    String n = normal(label);
    return n.isEmpty() ? Set.of() : new LinkedHashSet<>(java.util.List.of(n.split(" ")));
  }
}
