package org.aisx.search;

import java.util.List;
import java.util.Map;

/**
 * Query translation by vocabulary: the phrases of a query that are labels, in a language other than
 * English, of a controlled vocabulary's entries (the taxonomy's concepts, the glossary's terms),
 * with the English words of those entries, so that a query in French, Spanish, Arabic, Chinese or
 * Russian also finds the records that exist in English only.
 */
@FunctionalInterface
public interface QueryTranslation {
  /** The entries {@code q} names in another language, at most a few, longest phrase first. */
  List<Translation> translate(String q);

  QueryTranslation NONE = q -> List.of();

  /**
   * One entry of a vocabulary: its labels by language (preferred label first, then alternative
   * labels), and the English phrases a query naming it also searches for, the first of which is
   * shown as the translation used.
   */
  record Entry(String id, Map<String, List<String>> labels, List<String> english) {
    public Entry {
      labels = Map.copyOf(labels);
      english = List.copyOf(english);
    }
  }

  /**
   * One phrase of the query ({@code matched}, as typed) recognised as a label in {@code language}
   * of the entry {@code id}, and the English phrases searched for it ({@code english}; the first is
   * the one to show).
   */
  record Translation(String matched, String language, String id, List<String> english) {
    public Translation {
      english = List.copyOf(english);
    }

    /** The translation to show: the entry's first English phrase. */
    public String shown() {
      return english.get(0);
    }
  }
}
