package org.aisx.search;

import org.aisx.catalog.Standard;

/** Where the index finds a record's embedding when it indexes the record. */
@FunctionalInterface
public interface VectorSource {
  /** The record's embedding for its current text, or null when there is none (yet). */
  float[] vectorFor(Standard record);

  VectorSource NONE = record -> null;
}
