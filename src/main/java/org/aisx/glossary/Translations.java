package org.aisx.glossary;

import java.util.List;
import java.util.Map;

/**
 * Labels of glossary terms in the other UN languages ({@code /glossary/translations.json}), kept
 * apart from the vocabularies' own files, which give English only: for each English label, its
 * labels by language and, by language, the key of the source it was taken from ({@code sources}
 * says what each key is).
 */
public record Translations(String about, Map<String, String> sources, List<Translated> labels) {
  public Translations {
    sources = Map.copyOf(sources);
    labels = List.copyOf(labels);
  }

  /** One English label's labels in other languages, and where each language's come from. */
  public record Translated(
      String en, Map<String, List<String>> labels, Map<String, String> source) {
    public Translated {
      labels = Map.copyOf(labels);
      source = Map.copyOf(source);
    }
  }
}
