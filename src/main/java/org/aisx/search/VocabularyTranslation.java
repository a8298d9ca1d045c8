package org.aisx.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * {@link QueryTranslation} over vocabulary entries: the query and every label are read by the
 * analyzer of the label's language (stemming, folding, stop words: "systèmes de management" names
 * the label "système de management"; Arabic prefixes and Chinese characters are normalised the same
 * way), and a label names a phrase of the query when its words are a run of the query's words.
 * Longer phrases win over the shorter ones inside them. English labels are not translated (the
 * records are in English), and neither is a phrase that is also an English label of the vocabulary
 * as written ("surveillance", "finance"), so English queries are searched as before.
 *
 * <p>A label that ends with its abbreviation in brackets ("inteligencia artificial (IA)",
 * "искусственный интеллект (ИИ)") is known with and without it, and its abbreviation alone is a
 * label too where it is one of one entry only ({@link #forms}): people type the words or the
 * abbreviation, seldom both.
 *
 * <p>The entries are read again whenever {@code version} changes (a taxonomy edit).
 */
public final class VocabularyTranslation implements QueryTranslation {
  /** At most this many entries are added to one query. */
  static final int MAX_ENTRIES = 6;

  /** The languages translated from, each with the analyzer its labels and queries are read by. */
  static final Map<String, Analyzer> ANALYZERS = analyzers();

  private final Supplier<?> version;
  private final Supplier<List<Entry>> entries;
  private volatile Compiled compiled;

  public VocabularyTranslation(Supplier<?> version, Supplier<List<Entry>> entries) {
    this.version = version;
    this.entries = entries;
  }

  /** Over a fixed list of entries. */
  public static VocabularyTranslation of(List<Entry> entries) {
    Object fixed = new Object();
    return new VocabularyTranslation(() -> fixed, () -> entries);
  }

  private static Map<String, Analyzer> analyzers() {
    Map<String, Analyzer> m = new LinkedHashMap<>();
    m.put("en", new EnglishAnalyzer());
    m.put("fr", new FrenchAnalyzer());
    m.put("es", new SpanishAnalyzer());
    m.put("ar", new ArabicAnalyzer());
    m.put("ru", new RussianAnalyzer());
    // Bigrams of Han characters: a label is a run of the query's bigrams, with or without spaces.
    m.put("zh", new CJKAnalyzer());
    return java.util.Collections.unmodifiableMap(m);
  }

  /** A label's words in one language, its entry, and its written form ({@link #folded}). */
  private record Label(List<String> tokens, Entry entry, String written) {}

  /** The labels of every entry, by language and by first word; the English labels' words. */
  private record Compiled(
      Object version, Map<String, Map<String, List<Label>>> byFirst, Set<String> english) {}

  private Compiled compiled() {
    Object v = version.get();
    Compiled c = compiled;
    if (c == null || c.version() != v) {
      c = compile(v, entries.get());
      compiled = c;
    }
    return c;
  }

  private static Compiled compile(Object version, List<Entry> entries) {
    Map<String, Map<String, List<Label>>> byFirst = new HashMap<>();
    Set<String> english = new HashSet<>();
    Map<String, Map<List<String>, Set<String>>> abbreviations = abbreviations(entries);
    for (Entry e : entries) {
      for (Map.Entry<String, List<String>> lang : e.labels().entrySet()) {
        Analyzer a = ANALYZERS.get(lang.getKey());
        if (a == null) {
          continue;
        }
        Map<List<String>, Set<String>> abbreviated =
            abbreviations.getOrDefault(lang.getKey(), Map.of());
        Set<List<String>> known = new HashSet<>();
        for (String written : lang.getValue()) {
          Forms forms = forms(written);
          List<String> labels = new ArrayList<>(forms.labels());
          // An English abbreviation is English whatever it abbreviates.
          if (forms.abbreviation() != null
              && (lang.getKey().equals("en")
                  || abbreviated.getOrDefault(terms(a, forms.abbreviation()), Set.of()).size()
                      == 1)) {
            labels.add(forms.abbreviation());
          }
          for (String label : labels) {
            List<String> tokens = terms(a, label);
            if (tokens.isEmpty() || !known.add(tokens)) {
              continue;
            }
            if (lang.getKey().equals("en")) {
              english.add(plain(label));
              continue;
            }
            byFirst
                .computeIfAbsent(lang.getKey(), k -> new HashMap<>())
                .computeIfAbsent(tokens.get(0), k -> new ArrayList<>())
                .add(new Label(tokens, e, folded(label)));
          }
        }
      }
    }
    return new Compiled(version, byFirst, english);
  }

  /** What an entry means, as its first English phrase says (else its id). */
  private static String meaning(Entry e) {
    return e.english().isEmpty() ? e.id() : e.english().get(0).toLowerCase(java.util.Locale.ROOT);
  }

  /** A bracketed part of a label: "(IA)" of "inteligencia artificial (IA)". */
  private static final java.util.regex.Pattern BRACKETED =
      java.util.regex.Pattern.compile("\\s*\\(([^()]*)\\)");

  /**
   * The labels a written label stands for, and its abbreviation: the label as written and, when it
   * holds a bracketed part, the label without it ("inteligencia artificial"); the bracketed part is
   * an abbreviation when it is one word of at most six letters or digits ("IA", "ИИ").
   */
  record Forms(List<String> labels, String abbreviation) {}

  static Forms forms(String written) {
    java.util.regex.Matcher m = BRACKETED.matcher(written);
    if (!m.find()) {
      return new Forms(List.of(written), null);
    }
    String inside = m.group(1).strip();
    String without = BRACKETED.matcher(written).replaceAll("").strip();
    List<String> labels = without.isEmpty() ? List.of(written) : List.of(written, without);
    boolean abbreviation =
        inside.codePointCount(0, inside.length()) <= 6
            && !inside.isEmpty()
            && inside.codePoints().allMatch(Character::isLetterOrDigit);
    return new Forms(labels, abbreviation ? inside : null);
  }

  /**
   * By language, each bracketed abbreviation's words (as the language's analyzer reads them) and
   * the entries it abbreviates, told apart by their shown English: an abbreviation of two meanings,
   * or one that is also another entry's label, is no label of its own.
   */
  private static Map<String, Map<List<String>, Set<String>>> abbreviations(List<Entry> entries) {
    Map<String, Map<List<String>, Set<String>>> out = new HashMap<>();
    for (Entry e : entries) {
      String meaning = meaning(e);
      for (Map.Entry<String, List<String>> lang : e.labels().entrySet()) {
        Analyzer a = ANALYZERS.get(lang.getKey());
        if (a == null) {
          continue;
        }
        Map<List<String>, Set<String>> byWords =
            out.computeIfAbsent(lang.getKey(), k -> new HashMap<>());
        for (String written : lang.getValue()) {
          Forms forms = forms(written);
          if (forms.abbreviation() != null) {
            byWords
                .computeIfAbsent(terms(a, forms.abbreviation()), k -> new HashSet<>())
                .add(meaning);
          }
        }
      }
    }
    // A label of another meaning that reads as an abbreviation makes it ambiguous.
    for (Entry e : entries) {
      String meaning = meaning(e);
      for (Map.Entry<String, List<String>> lang : e.labels().entrySet()) {
        Map<List<String>, Set<String>> byWords = out.get(lang.getKey());
        if (byWords == null) {
          continue;
        }
        Analyzer a = ANALYZERS.get(lang.getKey());
        for (String written : lang.getValue()) {
          for (String label : forms(written).labels()) {
            Set<String> meanings = byWords.get(terms(a, label));
            if (meanings != null) {
              meanings.add(meaning);
            }
          }
        }
      }
    }
    return out;
  }

  @Override
  public List<Translation> translate(String q) {
    if (q == null || q.isBlank()) {
      return List.of();
    }
    Compiled c = compiled();
    List<Found> found = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<Label>>> lang : c.byFirst().entrySet()) {
      List<Token> tokens = tokens(ANALYZERS.get(lang.getKey()), q);
      for (int i = 0; i < tokens.size(); i++) {
        for (Label label : lang.getValue().getOrDefault(tokens.get(i).term(), List.of())) {
          int n = label.tokens().size();
          if (i + n > tokens.size() || !matches(tokens, i, label.tokens())) {
            continue;
          }
          int start = tokens.get(i).start();
          int end = tokens.get(i + n - 1).end();
          String typed = q.substring(start, end);
          if (c.english().contains(plain(typed))) {
            continue; // the phrase is also English: the query may well be
          }
          if (typed.chars().allMatch(ch -> ch < 128) && !folded(typed).equals(label.written())) {
            // Typed in plain ASCII letters, it may be English that only shares a stem with the
            // label ("personal data" and the Spanish "personalización"): it must be the label as
            // written, up to case, accents and a plural "s".
            continue;
          }
          found.add(new Found(start, end, typed, lang.getKey(), label.entry()));
        }
      }
    }
    // Longest phrases first; a phrase inside one already taken is not taken again.
    found.sort(
        Comparator.comparingInt((Found f) -> -(f.end() - f.start()))
            .thenComparingInt(Found::start)
            .thenComparing(f -> f.entry().id()));
    List<Found> taken = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> shown = new HashSet<>();
    List<Translation> out = new ArrayList<>();
    for (Found f : found) {
      boolean inside =
          taken.stream()
              .anyMatch(
                  t ->
                      f.start() >= t.start()
                          && f.end() <= t.end()
                          && (f.end() - f.start()) < (t.end() - t.start()));
      if (inside || !ids.add(f.entry().id()) || f.entry().english().isEmpty()) {
        continue;
      }
      if (!shown.add(f.entry().english().get(0).toLowerCase(java.util.Locale.ROOT))) {
        continue; // two vocabularies' entries with one English label: searched once
      }
      taken.add(f);
      out.add(new Translation(f.typed(), f.language(), f.entry().id(), f.entry().english()));
      if (out.size() == MAX_ENTRIES) {
        break;
      }
    }
    return List.copyOf(out);
  }

  private record Found(int start, int end, String typed, String language, Entry entry) {}

  private record Token(String term, int start, int end) {}

  private static boolean matches(List<Token> tokens, int from, List<String> label) {
    for (int j = 0; j < label.size(); j++) {
      if (!tokens.get(from + j).term().equals(label.get(j))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A phrase compared with the English labels as written: lower case, words only, a final "s"
   * dropped (no stemming, which would make the French "transparence" English).
   */
  private static String plain(String text) {
    StringBuilder out = new StringBuilder();
    for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(w.length() > 3 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
    }
    return out.toString();
  }

  /** {@link #plain} without accents: "gestion" and "gestión" fold alike. */
  private static String folded(String text) {
    return java.text.Normalizer.normalize(plain(text), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "");
  }

  private static List<String> terms(Analyzer a, String text) {
    return tokens(a, text).stream().map(Token::term).toList();
  }

  private static List<Token> tokens(Analyzer a, String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
