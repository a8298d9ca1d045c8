package org.aisx.taxonomy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One edit of the taxonomy by a coordinator: a concept added, renamed (labels in any of the
 * languages), moved (another parent, or none), defined (definitions in any of the languages) or
 * retired. Every change names its dimension and concept; {@link Taxonomy#apply} checks it against
 * the version it is applied to.
 */
public sealed interface TaxonomyChange {
  Dimension dimension();

  String concept();

  /** The kind as the API and the store name it. */
  Kind kind();

  /** The parent the change names (add, move); null for none or for other kinds. */
  default String parent() {
    return null;
  }

  /** The labels the change sets, by language (add, rename); empty for other kinds. */
  default Map<String, String> labels() {
    return Map.of();
  }

  /** The definitions the change sets, by language (add, define); empty for other kinds. */
  default Map<String, String> definitions() {
    return Map.of();
  }

  /** The kinds of change, with their wire names. */
  enum Kind {
    ADD("add"),
    RENAME("rename"),
    MOVE("move"),
    DEFINE("define"),
    RETIRE("retire");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Optional<Kind> fromWire(String wire) {
      return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }

    public static List<String> wires() {
      return Arrays.stream(values()).map(Kind::wire).toList();
    }
  }

  /** A new concept under {@code parent} (null: at the top of its dimension). */
  record Add(
      Dimension dimension,
      String concept,
      String parent,
      Map<String, String> labels,
      Map<String, String> definitions)
      implements TaxonomyChange {
    public Add {
      labels = Map.copyOf(labels);
      definitions = Map.copyOf(definitions);
    }

    @Override
    public Kind kind() {
      return Kind.ADD;
    }
  }

  /** New labels in the languages given; the others stay. */
  record Rename(Dimension dimension, String concept, Map<String, String> labels)
      implements TaxonomyChange {
    public Rename {
      labels = Map.copyOf(labels);
    }

    @Override
    public Kind kind() {
      return Kind.RENAME;
    }
  }

  /** Another parent (null: the top of its dimension). */
  record Move(Dimension dimension, String concept, String parent) implements TaxonomyChange {
    @Override
    public Kind kind() {
      return Kind.MOVE;
    }
  }

  /** New definitions in the languages given; the others stay. */
  record Define(Dimension dimension, String concept, Map<String, String> definitions)
      implements TaxonomyChange {
    public Define {
      definitions = Map.copyOf(definitions);
    }

    @Override
    public Kind kind() {
      return Kind.DEFINE;
    }
  }

  /** The concept is retired: it keeps its id, and is no longer offered. */
  record Retire(Dimension dimension, String concept) implements TaxonomyChange {
    @Override
    public Kind kind() {
      return Kind.RETIRE;
    }
  }

  /**
   * The change of {@code kind} from its parts as a form, the API or the store gives them; what a
   * kind does not use is ignored.
   */
  static TaxonomyChange of(
      Kind kind,
      Dimension dimension,
      String concept,
      String parent,
      Map<String, String> labels,
      Map<String, String> definitions) {
    return switch (kind) {
      case ADD -> new Add(dimension, concept, parent, labels, definitions);
      case RENAME -> new Rename(dimension, concept, labels);
      case MOVE -> new Move(dimension, concept, parent);
      case DEFINE -> new Define(dimension, concept, definitions);
      case RETIRE -> new Retire(dimension, concept);
    };
  }

  /** The change's texts in a fixed order (the store keeps them as JSON). */
  default Map<String, Object> detail() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (parent() != null) {
      out.put("parent", parent());
    }
    if (!labels().isEmpty()) {
      out.put("labels", new java.util.TreeMap<>(labels()));
    }
    if (!definitions().isEmpty()) {
      out.put("definitions", new java.util.TreeMap<>(definitions()));
    }
    return out;
  }
}
