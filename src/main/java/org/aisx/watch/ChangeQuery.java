package org.aisx.watch;

import java.time.Instant;
import java.util.Set;
import org.aisx.catalog.HistoryEvent;

/**
 * A page of the change log: events older than {@code before} (a sequence number; null for the
 * newest), not older than {@code since} (null for any time), of {@code kinds} (empty for all).
 */
public record ChangeQuery(Long before, Instant since, Set<HistoryEvent.Kind> kinds, int limit) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public ChangeQuery {
    kinds = Set.copyOf(kinds);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit out of range: " + limit);
    }
  }
}
