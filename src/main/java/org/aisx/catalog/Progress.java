package org.aisx.catalog;

/** Reports the progress of long work (imports, re-indexing) to whoever started it. */
public interface Progress {
  Progress SILENT = new Progress() {};

  /**
   * Work begins. {@code total} is in the units of {@link #advance} (bytes of input for an import,
   * records for re-indexing), or -1 when unknown.
   */
  default void start(String task, long total) {}

  /** {@code done} units of the total are finished, and {@code items} records so far. */
  default void advance(long done, long items) {}

  /** The task ended; {@code summary} says how. */
  default void finish(String summary) {}
}
