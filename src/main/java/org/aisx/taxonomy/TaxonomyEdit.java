package org.aisx.taxonomy;

import java.time.Instant;

/**
 * One version of the taxonomy as the store keeps it: the change that made version {@code version}
 * from the one before, who made it and when.
 */
public record TaxonomyEdit(int version, Instant at, String actor, TaxonomyChange change) {}
