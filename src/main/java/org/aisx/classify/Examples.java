package org.aisx.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.taxonomy.Dimension;

/**
 * Records people have classified, as examples for the classifier: a record's confirmed concepts on
 * a dimension are positive for them and negative for that dimension's other concepts, and a
 * rejected suggestion is negative for its concept. Immutable; rebuilt when decisions change.
 */
public final class Examples {
  /** How many of the closest examples vote. */
  static final int NEIGHBOURS = 10;

  /** Examples less similar than this do not vote; a vote's weight grows from here to 1. */
  static final double FLOOR = 0.70;

  private final List<Example> examples;

  /** One classified record: its vector, and what people said on each dimension. */
  record Example(
      String id,
      float[] vector,
      Map<Dimension, Set<String>> confirmed,
      Map<Dimension, Set<String>> rejected) {

    /** Whether {@code other} says the same of the same record (null: no). */
    boolean sameLabels(Example other) {
      return other != null && confirmed.equals(other.confirmed) && rejected.equals(other.rejected);
    }

    /**
     * 1 when people confirmed the concept, 0 when they ruled it out, null when they did not say.
     */
    Double label(Dimension dim, String concept) {
      Set<String> yes = confirmed.getOrDefault(dim, Set.of());
      if (yes.contains(concept)) {
        return 1.0;
      }
      if (!yes.isEmpty() || rejected.getOrDefault(dim, Set.of()).contains(concept)) {
        return 0.0;
      }
      return null;
    }
  }

  static final Examples NONE = new Examples(List.of());

  Examples(List<Example> examples) {
    this.examples = List.copyOf(examples);
  }

  int size() {
    return examples.size();
  }

  /** The examples closest to {@code vector}, leaving out the record itself. */
  Vote vote(float[] vector, String excludeId) {
    if (examples.isEmpty()) {
      return Vote.NONE;
    }
    List<Neighbour> near = new ArrayList<>();
    for (Example e : examples) {
      if (e.id().equals(excludeId)) {
        continue;
      }
      double sim = Classifier.dot(vector, e.vector());
      if (sim > FLOOR) {
        near.add(new Neighbour(e, (sim - FLOOR) / (1 - FLOOR)));
      }
    }
    near.sort(Comparator.comparingDouble(Neighbour::weight).reversed());
    return new Vote(List.copyOf(near.subList(0, Math.min(NEIGHBOURS, near.size()))));
  }

  record Neighbour(Example example, double weight) {}

  /** The close examples of one record. */
  record Vote(List<Neighbour> neighbours) {
    static final Vote NONE = new Vote(List.of());

    /**
     * The zero-shot probability {@code prior} moved towards the examples' labels: their weighted
     * votes count against {@code priorWeight} pseudo-votes for the prior.
     */
    double blend(Dimension dim, String concept, double prior, double priorWeight) {
      double votes = 0;
      double weight = 0;
      for (Neighbour n : neighbours) {
        Double label = n.example().label(dim, concept);
        if (label != null) {
          votes += n.weight() * label;
          weight += n.weight();
        }
      }
      return (votes + priorWeight * prior) / (weight + priorWeight);
    }
  }
}
