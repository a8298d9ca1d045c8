package org.aisx.catalog;

/** Reports the progress of long work (imports, re-indexing) to whoever started it. */
public interface Progress {
  Progress SILENT = new Progress() {};

  /** Work begins; {@code total} is -1 when unknown. */
  default void start(String task, long total) {}

  /** {@code done} items of the task are finished. */
  default void advance(long done) {}

  /** The task ended; {@code summary} says how. */
  default void finish(String summary) {}
}
