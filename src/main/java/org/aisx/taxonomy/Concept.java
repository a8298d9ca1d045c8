package org.aisx.taxonomy;

import java.util.List;
import java.util.Map;

/** One concept of a dimension, with labels and definitions per language. */
public record Concept(
    String id,
    Dimension dimension,
    String parent,
    Map<String, String> labels,
    Map<String, String> definitions,
    Map<String, List<String>> altLabels,
    String source) {

  public String label(String lang) {
    return labels.getOrDefault(lang, labels.getOrDefault("en", id));
  }

  public String definition(String lang) {
    return definitions.getOrDefault(lang, definitions.getOrDefault("en", ""));
  }
}
