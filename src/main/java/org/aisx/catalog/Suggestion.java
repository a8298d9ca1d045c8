package org.aisx.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A machine suggestion of a taxonomy concept, not yet confirmed by a person: how sure the machine
 * is (0 to 1), the sentence of the record that supports it, and the words of that sentence that
 * name the concept (empty when the suggestion rests on meaning alone).
 */
public record Suggestion(
    String concept,
    double score,
    String evidence,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> terms) {

  public Suggestion {
    terms = terms == null ? List.of() : List.copyOf(terms);
  }

  public Suggestion(String concept, double score, String evidence) {
    this(concept, score, evidence, List.of());
  }
}
