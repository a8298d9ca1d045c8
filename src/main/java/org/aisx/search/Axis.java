package org.aisx.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dimension records can be counted along (SPEC §8): one of the search facets, or the year of
 * publication. A facet axis drills down as that facet's filter, the year axis as {@code from=to=}.
 */
public sealed interface Axis permits Axis.OfFacet, Axis.Year {
  /** The parameter value naming the axis ({@code rows=vertical}). */
  String id();

  /** A facet as an axis. */
  record OfFacet(Facet facet) implements Axis {
    @Override
    public String id() {
      return facet.id();
    }
  }

  /** The year of publication as an axis. */
  record Year() implements Axis {
    @Override
    public String id() {
      return "year";
    }
  }

  /** Every axis, facets in their order and then the year. */
  static List<Axis> all() {
    List<Axis> out = new ArrayList<>();
    for (Facet f : Facet.values()) {
      out.add(new OfFacet(f));
    }
    out.add(new Year());
    return List.copyOf(out);
  }

  /** The axis named {@code id}. */
  static Optional<Axis> fromId(String id) {
    return all().stream().filter(a -> a.id().equals(id)).findFirst();
  }
}
