package org.aisx.learn;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A question to the resource list: the values ticked per facet (OR within one, AND across) and a
 * page of the answer.
 */
public record ResourceQuery(Map<ResourceFacet, List<String>> filters, int offset, int limit) {
  public ResourceQuery {
    EnumMap<ResourceFacet, List<String>> copy = new EnumMap<>(ResourceFacet.class);
    filters.forEach((f, v) -> copy.put(f, List.copyOf(v)));
    filters = copy;
  }

  /** Every resource, the first {@code limit}. */
  public static ResourceQuery all(int limit) {
    return new ResourceQuery(Map.of(), 0, limit);
  }

  public List<String> selected(ResourceFacet f) {
    return filters.getOrDefault(f, List.of());
  }

  boolean matches(Resource r, ResourceFacet except) {
    for (Map.Entry<ResourceFacet, List<String>> e : filters.entrySet()) {
      if (e.getKey() == except || e.getValue().isEmpty()) {
        continue;
      }
      List<String> has = e.getKey().valuesOf(r);
      if (e.getValue().stream().noneMatch(has::contains)) {
        return false;
      }
    }
    return true;
  }
}
