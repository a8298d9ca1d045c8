package org.aisx.catalog;

import java.util.List;

/**
 * The result of saving one record. {@code keptReviewed}: for an import, the fields whose value
 * people decided and the feed gives otherwise, kept as people decided ({@link FieldSources}).
 */
public record WriteOutcome(
    Change change, Standard record, List<HistoryEvent> events, List<String> keptReviewed) {

  public WriteOutcome {
    keptReviewed = keptReviewed == null ? List.of() : List.copyOf(keptReviewed);
  }

  public WriteOutcome(Change change, Standard record, List<HistoryEvent> events) {
    this(change, record, events, List.of());
  }

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
