package org.aisx.catalog;

import java.util.List;

/** The result of saving one record. */
public record WriteOutcome(Change change, Standard record, List<HistoryEvent> events) {

  /** Whether the save created, changed or left alone the stored record. */
  public enum Change {
    CREATED,
    UPDATED,
    UNCHANGED
  }
}
