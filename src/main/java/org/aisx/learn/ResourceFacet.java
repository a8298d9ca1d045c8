package org.aisx.learn;

import java.util.List;
import java.util.function.Function;

/**
 * The facets of the resource list (SPEC §10): each is a query parameter of {@code /learn} and
 * {@code GET /api/v1/resources} and counts the resources per value, drill-sideways (the other
 * facets' filters apply, its own does not). Values repeat for OR within a facet; facets combine
 * with AND.
 */
public enum ResourceFacet {
  KIND("kind", r -> List.of(r.kind().wire())),
  LANGUAGE("language", Resource::languages),
  LEVEL("level", r -> r.level() == null ? List.of() : List.of(r.level().wire())),
  FORMAT("format", r -> r.format() == null ? List.of() : List.of(r.format().wire())),
  PROVIDER("provider", r -> List.of(r.provider())),
  STANDARD("standard", Resource::standards),
  CONCEPT("concept", Resource::concepts);

  private final String param;
  private final Function<Resource, List<String>> values;

  ResourceFacet(String param, Function<Resource, List<String>> values) {
    this.param = param;
    this.values = values;
  }

  /** Its query parameter. */
  public String param() {
    return param;
  }

  /** The resource's values in this facet. */
  public List<String> valuesOf(Resource r) {
    return values.apply(r);
  }
}
