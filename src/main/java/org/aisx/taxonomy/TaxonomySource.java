package org.aisx.taxonomy;

/**
 * Where readers get the taxonomy: one immutable snapshot per call. A reader takes it once per
 * request or batch and uses that snapshot throughout, so that it sees one consistent version while
 * coordinators edit. A fixed {@link Taxonomy} is its own source; the running service's is {@link
 * LiveTaxonomy}.
 */
@FunctionalInterface
public interface TaxonomySource {
  Taxonomy current();
}
