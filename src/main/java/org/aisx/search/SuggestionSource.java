package org.aisx.search;

import java.util.List;
import java.util.Map;
import org.aisx.catalog.Standard;

/** Where the index finds a record's current machine suggestions when it indexes the record. */
@FunctionalInterface
public interface SuggestionSource {
  /**
   * Suggested concept ids by dimension id ({@code vertical}, ...), for the record's current text
   * and without the concepts people already confirmed or rejected; empty when there are none.
   */
  Map<String, List<String>> suggestedFor(Standard record);

  /**
   * Of {@link #suggestedFor}, the concepts whose evidence names them (a label or synonym in the
   * record's title, abstract or keywords), not those suggested on meaning alone.
   */
  default Map<String, List<String>> namedFor(Standard record) {
    return suggestedFor(record);
  }

  SuggestionSource NONE = record -> Map.of();
}
