package org.aisx.taxonomy;

import java.util.List;

/**
 * Where the committee's edits of the taxonomy are kept, on top of the bundled vocabularies: an
 * append-only list of changes, one per version.
 */
public interface TaxonomyStore {
  /** The edits after {@code version}, oldest first. */
  List<TaxonomyEdit> since(int version);

  /**
   * Appends {@code edit}; returns false, storing nothing, when its version is already taken
   * (another process edited first).
   */
  boolean append(TaxonomyEdit edit);
}
