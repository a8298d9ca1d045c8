package org.aisx.search;

import java.util.List;

/**
 * Other words for what a query names: a query in one source's words (a law's "general-purpose AI
 * model") also looks for the words another source uses for the same thing ("foundation model"). The
 * index asks at every search, so that what coordinators confirm counts at once.
 */
@FunctionalInterface
public interface QueryExpansion {
  /** Phrases meaning what {@code q} means, without {@code q} itself; empty when none is known. */
  List<String> alternatives(String q);

  QueryExpansion NONE = q -> List.of();
}
