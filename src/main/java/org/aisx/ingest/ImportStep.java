package org.aisx.ingest;

import java.util.Locale;

/**
 * What an import is doing, in the order an import does it: the steps its progress reports ({@link
 * ImportProgress#step}), which its page names (messages {@code import.step.<wire>}) and the command
 * line prints ({@link #describe}). An import of several files reads and settles each in turn
 * ({@link #RECORDS}, {@link #RELATIONS}, {@link #INDEX} again per file); the edition rules run once
 * at the end, and only when a record was created or updated.
 */
public enum ImportStep {
  /**
   * Reading the feed and writing its records, a batch at a time: how many records the input has is
   * known once its end is read.
   */
  RECORDS("reading and writing records"),
  /**
   * After the records: the catalogue's records that a newer edition of the import replaces are
   * superseded, and the national standards that adopt its ISO or IEC records are linked to them.
   */
  RELATIONS("updating replaced editions and national adoptions"),
  /** Waiting for the records to be indexed and committing the search index. */
  INDEX("committing the search index"),
  /** Running the edition rules over the whole catalogue ({@link org.aisx.editions.Editions}). */
  EDITIONS("applying the edition rules");

  private final String description;

  ImportStep(String description) {
    this.description = description;
  }

  /** The step's name on the page's messages ({@code import.step.<wire>}). */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What the step does, in English, for the command line and logs. */
  public String describe() {
    return description;
  }
}
