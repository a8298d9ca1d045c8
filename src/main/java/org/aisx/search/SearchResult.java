package org.aisx.search;

import java.util.List;
import java.util.Map;

/** One page of hits, with the counts of every facet computed drill-sideways. */
public record SearchResult(
    long total, int page, int size, List<Hit> items, Map<Facet, List<FacetCount>> facets) {

  /** How many hits carry one value of a facet. */
  public record FacetCount(String value, long count) {}
}
