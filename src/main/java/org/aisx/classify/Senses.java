package org.aisx.classify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Json;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;

/**
 * Word senses of the concepts' terms ({@code classify/senses.json}): which words of a concept name
 * it only in some contexts (e.g. "diagnostic" is medical diagnosis only near "patient" or
 * "clinical"), which phrases are another sense of its words and are blanked out before matching
 * ("test environment" is not the environment), and which phrases rule a concept out for a record
 * (AI-ESTATE diagnoses faults of test equipment, not patients). Loaded once per version of the
 * taxonomy; an entry naming a concept the taxonomy does not have, or a weak term that is not one of
 * the bundled vocabulary's labels or synonyms, stops start-up with the entry named. A weak term
 * that the committee's edits took away (a concept renamed) is left out: it no longer names the
 * concept.
 */
final class Senses {
  private static final String RESOURCE = "/classify/senses.json";

  /** One concept's senses; the patterns are null when the entry has none. */
  record Sense(List<String> weak, Phrases context, Phrases mask, Phrases exclude) {
    static final Sense NONE = new Sense(List.of(), null, null, null);
  }

  private final Map<String, Sense> byConcept;

  private Senses(Map<String, Sense> byConcept) {
    this.byConcept = Map.copyOf(byConcept);
  }

  static final Senses NONE = new Senses(Map.of());

  /** The senses of {@code concept} on {@code dim}; none when the file has no entry for it. */
  Sense of(Dimension dim, String concept) {
    return byConcept.getOrDefault(dim.id() + "/" + concept, Sense.NONE);
  }

  static Senses bundled(Taxonomy taxonomy) {
    try (InputStream in = Senses.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classifier resource " + RESOURCE + " is missing");
      }
      return parse(Json.mapper().readTree(in), taxonomy);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static Senses parse(JsonNode root, Taxonomy taxonomy) {
    Map<String, Sense> out = new LinkedHashMap<>();
    root.path("senses")
        .fields()
        .forEachRemaining(
            e -> {
              String key = e.getKey();
              String[] parts = key.split("/", 2);
              Dimension dim = parts.length == 2 ? Dimension.fromId(parts[0]).orElse(null) : null;
              if (dim == null || !taxonomy.contains(dim, parts[1])) {
                throw new IllegalStateException(
                    RESOURCE + ": '" + key + "' is not a taxonomy concept (dimension/concept)");
              }
              var concept = taxonomy.concept(dim, parts[1]).orElseThrow();
              List<String> terms = new ArrayList<>();
              terms.add(concept.label("en"));
              terms.addAll(concept.altLabels().getOrDefault("en", List.of()));
              List<String> weak = new ArrayList<>();
              for (String w : texts(e.getValue().path("weak"))) {
                if (terms.stream().anyMatch(t -> t.equalsIgnoreCase(w))) {
                  weak.add(w);
                } else if (taxonomy.version() == 0) {
                  // Only the bundled vocabulary must match the file; after the committee renamed
                  // the concept the word is no longer one of its terms and is left out.
                  throw new IllegalStateException(
                      RESOURCE
                          + ": weak term '"
                          + w
                          + "' of "
                          + key
                          + " is not its label or one of its synonyms");
                }
              }
              List<String> context = texts(e.getValue().path("context"));
              if (!weak.isEmpty() && context.isEmpty()) {
                throw new IllegalStateException(
                    RESOURCE + ": " + key + " has weak terms but no context to confirm them");
              }
              out.put(
                  key,
                  new Sense(
                      List.copyOf(weak),
                      pattern(context),
                      pattern(texts(e.getValue().path("mask"))),
                      pattern(texts(e.getValue().path("exclude")))));
            });
    return new Senses(out);
  }

  private static Phrases pattern(List<String> phrases) {
    return phrases.isEmpty() ? null : Classifier.phrasePattern(phrases);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
