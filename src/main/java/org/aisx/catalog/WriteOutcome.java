package org.aisx.catalog;

import java.util.List;

/** The result of saving one record. */
public record WriteOutcome(Change change, Standard record, List<HistoryEvent> events) {

  /**
   * Whether the save created, changed or left alone the stored record; {@code OLDER_HARVEST}: an
   * import's record left out because the stored record has a newer harvest of the same feed (the
   * outcome's record is the stored one).
   */
  public enum Change {
    CREATED,
    UPDATED,
    UNCHANGED,
    OLDER_HARVEST
  }
}
