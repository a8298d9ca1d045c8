package org.aisx.ingest;

import org.aisx.catalog.Progress;

/**
 * The progress of an import, as {@link Importer} reports it: besides {@link Progress}'s bytes of
 * input read ({@code done}) and records read ({@code items}), the {@link ImportStep} it is in and
 * how many records it has processed (written, rejected or folded as a copy), of how many once that
 * is known. Records are read ahead of being written (parsed on other threads, then held in a window
 * where copies of one edition meet), so the input is read to its end well before its records are
 * all written; and after the records come the finishing steps, of which nothing is counted.
 */
public interface ImportProgress extends Progress {
  /** The import begins {@code step}. */
  default void step(ImportStep step) {}

  /**
   * {@code processed} records are processed so far, of {@code total}: how many the input has, -1
   * until its end has been read.
   */
  default void processed(long processed, long total) {}

  /** {@code progress} itself when it follows steps, else {@code progress} with steps ignored. */
  static ImportProgress of(Progress progress) {
    if (progress instanceof ImportProgress steps) {
      return steps;
    }
    return new ImportProgress() {
      @Override
      public void start(String task, long total) {
        progress.start(task, total);
      }

      @Override
      public void advance(long done, long items) {
        progress.advance(done, items);
      }

      @Override
      public void finish(String summary) {
        progress.finish(summary);
      }
    };
  }
}
