package org.aisx.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * Names of the index fields and the one analyzer each uses, shared by indexing and querying. Titles
 * and abstracts are indexed per language; languages without their own analyzer share the {@code
 * _other} fields.
 */
final class IndexFields {
  static final String ID = "id";
  static final String DOCUMENT = "document";
  static final String IDENTIFIER = "identifier";
  static final String COMMITTEE = "committee_text";

  /**
   * The record's {@code sdo} as written, joint bodies whole ("ISO/IEC"): the facet {@code sdo}
   * holds each body apart, this field the exact value, for filters naming a joint body and for
   * "another body than this record's".
   */
  static final String SDO_EXACT = "sdo_exact";

  /**
   * "yes" on a record folded into its twin ({@link org.aisx.editions.Twins}: a W3C dated edition
   * that is its latest version's text), which result lists leave out unless the query names it more
   * closely than its card.
   */
  static final String FOLDED = "folded";

  /** The identifier of the card a folded record is folded into, stored. */
  static final String FOLDED_CARD = "folded_card";

  static final String KEYWORDS = "keywords";
  static final String YEAR = "year";

  /**
   * The words of the titles of every language as written, neither stemmed nor stop words left out
   * ({@link WordsAnalyzer}): what a prefix ({@code managem*}) is matched against in place of the
   * stemmed title fields.
   */
  static final String TITLE_WORDS = "title_words";

  /** As {@link #TITLE_WORDS}, the words of the abstracts and keywords. */
  static final String TEXT_WORDS = "text_words";

  /** The year of publication as a doc value, for counting along years ({@link Axis.Year}). */
  static final String YEAR_VALUE = "year_value";

  static final String PUBLISHED_SORT = "published_sort";
  static final String IDENTIFIER_SORT = "identifier_sort";
  static final String CURRENCY = "currency";

  /**
   * Currency on the scale of closeness in meaning ({@code 0.9 + 0.1 × currency}): the semantic
   * score, (1 + cosine) / 2, lies in a narrow band, where the full currency factor would put any
   * in-force record above a much closer draft.
   */
  static final String CURRENCY_BY_MEANING = "currency_by_meaning";

  static final String VECTOR = "vector";

  /**
   * Languages with their own analyzer; others go to {@code title_other}/{@code abstract_other}.
   * Spanish: the IEC feed gives Spanish titles (5,611 of its 32,524 records). Japanese is written
   * without spaces between words: Kuromoji cuts it into words (and normalises full-width forms),
   * where the standard analyzer would make one token per character. No feed gives Arabic, Chinese
   * or Russian titles yet; their analyzers belong here when one does.
   */
  static final Map<String, Analyzer> LANGUAGES =
      Map.of(
          "en", new EnglishAnalyzer(),
          "fr", new FrenchAnalyzer(),
          "es", new SpanishAnalyzer(),
          "ja", new JapaneseAnalyzer());

  private IndexFields() {}

  static String title(String lang) {
    return "title_" + (LANGUAGES.containsKey(lang) ? lang : "other");
  }

  static String summary(String lang) {
    return "abstract_" + (LANGUAGES.containsKey(lang) ? lang : "other");
  }

  /**
   * Reads each language analyzer's resources (Kuromoji's dictionaries take about a second to load
   * on a quiet machine, in whichever thread first tokenizes Japanese, and every search tokenizes
   * its words for every language's fields).
   */
  static void loadAnalyzers() {
    for (Analyzer a : LANGUAGES.values()) {
      try (org.apache.lucene.analysis.TokenStream ts = a.tokenStream("warm-up", "システム system")) {
        ts.reset();
        while (ts.incrementToken()) {
          // drain, as the TokenStream contract asks before end()
        }
        ts.end();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e); // reading a String cannot fail
      }
    }
  }

  /** The one analyzer per field, used for indexing and for queries. */
  static Analyzer analyzer() {
    Map<String, Analyzer> perField = new HashMap<>();
    Analyzer identifiers = new IdentifierAnalyzer();
    perField.put(IDENTIFIER, identifiers);
    perField.put(COMMITTEE, identifiers);
    perField.put(KEYWORDS, LANGUAGES.get("en"));
    Analyzer words = new WordsAnalyzer();
    perField.put(TITLE_WORDS, words);
    perField.put(TEXT_WORDS, words);
    for (Map.Entry<String, Analyzer> lang : LANGUAGES.entrySet()) {
      perField.put(title(lang.getKey()), lang.getValue());
      perField.put(summary(lang.getKey()), lang.getValue());
    }
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
  }

  /**
   * Query fields and their weights: a title match counts more than an abstract match. Built once;
   * every search uses it.
   */
  static final Map<String, Float> TEXT_FIELD_WEIGHTS = weightedTextFields();

  /**
   * The query fields of each language: its title and abstract (each language with its own analyzer,
   * then the fields of the others) with the fields of no language (keywords, committee,
   * identifier), weighted as in {@link #TEXT_FIELD_WEIGHTS}. A query is read once per entry.
   */
  static final Map<String, Map<String, Float>> TEXT_FIELDS_BY_LANGUAGE = textFieldsByLanguage();

  /** Keyed by the language's title field, whose analyzer tells the language's stop words. */
  private static Map<String, Map<String, Float>> textFieldsByLanguage() {
    List<String> languages = new ArrayList<>(new TreeSet<>(LANGUAGES.keySet()));
    languages.add("other");
    Map<String, Map<String, Float>> out = new LinkedHashMap<>();
    for (String lang : languages) {
      Map<String, Float> fields = new HashMap<>();
      for (String field : List.of(title(lang), summary(lang), KEYWORDS, COMMITTEE, IDENTIFIER)) {
        fields.put(field, TEXT_FIELD_WEIGHTS.get(field));
      }
      out.put(title(lang), Map.copyOf(fields));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * The field a prefix is matched against in place of {@code field}: the words as written of a
   * stemmed field (titles, abstracts, keywords); the field itself otherwise (identifier and
   * committee, whose analyzer stems nothing).
   */
  static String prefixField(String field) {
    if (field.startsWith("title_")) {
      return TITLE_WORDS;
    }
    if (field.startsWith("abstract_") || field.equals(KEYWORDS)) {
      return TEXT_WORDS;
    }
    return field;
  }

  private static Map<String, Float> weightedTextFields() {
    Map<String, Float> weights = new HashMap<>();
    for (String lang : LANGUAGES.keySet()) {
      weights.put(title(lang), 3.0f);
      weights.put(summary(lang), 1.0f);
    }
    weights.put(title("other"), 2.0f);
    weights.put(summary("other"), 0.8f);
    weights.put(KEYWORDS, 1.5f);
    weights.put(COMMITTEE, 1.0f);
    weights.put(IDENTIFIER, 2.0f);
    return Map.copyOf(weights);
  }
}
