package org.aisx.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.aisx.catalog.Suggestion;

/**
 * The machine classification of the bundled corpus ({@code corpus/starter-classification.json.gz}),
 * shipped beside its vectors so that a first start does not classify the corpus again. Written,
 * after the corpus, its vectors or the classifier change, by the build tool {@code
 * org.aisx.BundledClassificationWriter} ({@code src/tools/java}, not in the jar), which loads the
 * corpus into a scratch catalogue and lets the service's own embedding job classify it to the end,
 * so the file holds exactly what the service would compute.
 *
 * <p>Format: {@code {"version": CLASSIFIER_VERSION, "records": [{"id", "textHash", "suggestions":
 * {dimension: [Suggestion, ...]}}]}}. A file made by another classifier version is ignored (the
 * records are then classified at start, as before).
 */
public final class BundledClassification {
  public static final String RESOURCE = "/corpus/starter-classification.json.gz";

  private BundledClassification() {}

  /**
   * Stores the bundled suggestions when they were made by {@code classifier}'s version; returns how
   * many records they cover (0 when the resource is absent or from another version).
   */
  public static int load(Suggestions suggestions, Classifier classifier, ObjectMapper json)
      throws IOException {
    try (InputStream raw = BundledClassification.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        return 0;
      }
      JsonNode root = json.readTree(new GZIPInputStream(raw));
      if (!classifier.version().equals(root.path("version").asText())) {
        return 0;
      }
      List<Suggestions.Classified> made = new ArrayList<>();
      for (JsonNode r : root.path("records")) {
        Map<String, List<Suggestion>> byDimension = new LinkedHashMap<>();
        r.path("suggestions")
            .fields()
            .forEachRemaining(
                e -> {
                  List<Suggestion> list = new ArrayList<>();
                  for (JsonNode s : e.getValue()) {
                    list.add(json.convertValue(s, Suggestion.class));
                  }
                  byDimension.put(e.getKey(), List.copyOf(list));
                });
        made.add(
            new Suggestions.Classified(
                r.path("id").asText(),
                r.path("textHash").asText(),
                classifier.version(),
                byDimension));
      }
      suggestions.replaceAll(made);
      return made.size();
    }
  }
}
