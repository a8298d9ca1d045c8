package org.aisx.glossary;

import java.util.List;
import java.util.Map;

/**
 * A term of one vocabulary: its labels by language, its definitions (one per cited source; a source
 * such as DPV may quote several side by side), and the concept's IRI in its vocabulary.
 */
public record Term(
    String id,
    String vocabulary,
    String iri,
    Map<String, String> label,
    List<Definition> definitions) {

  public Term {
    label = Map.copyOf(label);
    definitions = List.copyOf(definitions);
  }

  /** The label in {@code lang}, else in English, else any. */
  public String labelIn(String lang) {
    String l = label.get(lang);
    if (l == null) {
      l = label.get("en");
    }
    return l != null ? l : label.values().stream().findFirst().orElse(id);
  }
}
