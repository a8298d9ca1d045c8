package org.aisx.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The controlled vocabularies: for each {@link Dimension}, its concepts in display order. Loaded
 * once at start-up and immutable; a malformed vocabulary stops start-up with the concept named.
 */
public final class Taxonomy {
  private static final String RESOURCE = "/taxonomy/taxonomy.json";

  private final String version;
  private final Map<Dimension, DimensionInfo> dimensions;

  /** A dimension's own labels and definition, with its concepts in order. */
  public record DimensionInfo(
      Dimension dimension,
      Map<String, String> labels,
      Map<String, String> definitions,
      Map<String, Concept> concepts) {
    public String label(String lang) {
      return labels.getOrDefault(lang, labels.getOrDefault("en", dimension.id()));
    }

    public String definition(String lang) {
      return definitions.getOrDefault(lang, definitions.getOrDefault("en", ""));
    }
  }

  private Taxonomy(String version, Map<Dimension, DimensionInfo> dimensions) {
    this.version = version;
    this.dimensions = Collections.unmodifiableMap(dimensions);
  }

  /** The starting vocabularies bundled in the jar. */
  public static Taxonomy bundled(ObjectMapper json) {
    try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("taxonomy resource " + RESOURCE + " is missing");
      }
      return parse(json.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static Taxonomy parse(JsonNode root) {
    Map<Dimension, DimensionInfo> dims = new EnumMap<>(Dimension.class);
    for (JsonNode d : root.path("dimensions")) {
      String dimId = d.path("id").asText();
      Dimension dim =
          Dimension.fromId(dimId)
              .orElseThrow(() -> new IllegalStateException("taxonomy: unknown dimension " + dimId));
      Map<String, Concept> concepts = new LinkedHashMap<>();
      for (JsonNode c : d.path("concepts")) {
        String id = c.path("id").asText();
        Map<String, String> labels = texts(c.path("labels"));
        Map<String, String> definitions = texts(c.path("definitions"));
        if (id.isBlank() || !labels.containsKey("en") || !definitions.containsKey("en")) {
          throw new IllegalStateException(
              "taxonomy: concept '"
                  + id
                  + "' in "
                  + dimId
                  + " needs an id, labels.en and definitions.en");
        }
        Map<String, List<String>> alt = new LinkedHashMap<>();
        c.path("altLabels")
            .fields()
            .forEachRemaining(
                e -> {
                  List<String> values = new ArrayList<>();
                  e.getValue().forEach(v -> values.add(v.asText()));
                  alt.put(e.getKey(), List.copyOf(values));
                });
        String parent = c.path("parent").isTextual() ? c.path("parent").asText() : null;
        String source = c.path("source").isTextual() ? c.path("source").asText() : null;
        concepts.put(
            id, new Concept(id, dim, parent, labels, definitions, Map.copyOf(alt), source));
      }
      dims.put(
          dim,
          new DimensionInfo(
              dim,
              texts(d.path("labels")),
              texts(d.path("definitions")),
              Collections.unmodifiableMap(concepts)));
    }
    for (Dimension dim : Dimension.values()) {
      if (!dims.containsKey(dim)) {
        throw new IllegalStateException("taxonomy: dimension " + dim.id() + " is missing");
      }
    }
    return new Taxonomy(root.path("version").asText("unversioned"), dims);
  }

  private static Map<String, String> texts(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return Collections.unmodifiableMap(out);
  }

  public String version() {
    return version;
  }

  public List<DimensionInfo> dimensions() {
    return List.copyOf(dimensions.values());
  }

  public DimensionInfo dimension(Dimension dim) {
    return dimensions.get(dim);
  }

  public Optional<Concept> concept(Dimension dim, String id) {
    return Optional.ofNullable(dimensions.get(dim).concepts().get(id));
  }

  public boolean contains(Dimension dim, String id) {
    return dimensions.get(dim).concepts().containsKey(id);
  }

  /** The concept's label in {@code lang}, or the id itself when the concept is unknown. */
  public String label(Dimension dim, String id, String lang) {
    return concept(dim, id).map(c -> c.label(lang)).orElse(id);
  }
}
