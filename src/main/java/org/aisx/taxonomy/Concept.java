package org.aisx.taxonomy;

import java.util.List;
import java.util.Map;

/**
 * One concept of a dimension, with labels and definitions per language. A retired concept keeps its
 * id (links and existing classifications still name it) but is no longer offered for new ones.
 */
public record Concept(
    String id,
    Dimension dimension,
    String parent,
    Map<String, String> labels,
    Map<String, String> definitions,
    Map<String, List<String>> altLabels,
    String source,
    boolean retired) {

  public String label(String lang) {
    return labels.getOrDefault(lang, labels.getOrDefault("en", id));
  }

  public String definition(String lang) {
    return definitions.getOrDefault(lang, definitions.getOrDefault("en", ""));
  }

  Concept withParent(String newParent) {
    return new Concept(id, dimension, newParent, labels, definitions, altLabels, source, retired);
  }

  Concept withLabels(Map<String, String> newLabels) {
    return new Concept(id, dimension, parent, newLabels, definitions, altLabels, source, retired);
  }

  Concept withDefinitions(Map<String, String> newDefinitions) {
    return new Concept(id, dimension, parent, labels, newDefinitions, altLabels, source, retired);
  }

  Concept asRetired() {
    return new Concept(id, dimension, parent, labels, definitions, altLabels, source, true);
  }
}
