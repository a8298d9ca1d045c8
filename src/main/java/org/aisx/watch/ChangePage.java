package org.aisx.watch;

import java.util.List;
import java.util.Map;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Standard;

/**
 * One page of the change log, newest first, with the records the events belong to (by id; a record
 * that is no longer stored is absent), and the cursor of the next (older) page, or null.
 */
public record ChangePage(List<HistoryEvent> events, Map<String, Standard> records, Long next) {
  public ChangePage {
    events = List.copyOf(events);
    records = Map.copyOf(records);
  }
}
