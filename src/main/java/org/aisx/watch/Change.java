package org.aisx.watch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Standard;

/**
 * One write to one record: the events of one revision (a creation, a status change, changed fields,
 * new labels), with the record as it is now ({@code null} if it is no longer stored).
 */
public record Change(String recordId, int revision, List<HistoryEvent> events, Standard record) {
  public Change {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a change has at least one event");
    }
    events = List.copyOf(events);
  }

  /**
   * The change's id in every feed: a name-based UUID of the record id and revision, so the same
   * write always has the same id, in whichever feed it appears.
   */
  public String atomId() {
    String name = "aisx:change:" + recordId + ":" + revision;
    if (relationDecision()) {
      name += ":relation:" + seq();
    }
    return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether this change is a decision on a relation another body's record claims: written on the
   * record's history at its current revision, without a new one, so it is a change of its own.
   */
  public boolean relationDecision() {
    return events.stream().allMatch(Change::relationDecision);
  }

  static boolean relationDecision(HistoryEvent e) {
    return e.kind() == HistoryEvent.Kind.RELATION_APPROVED
        || e.kind() == HistoryEvent.Kind.RELATION_REJECTED;
  }

  /** When the write happened. */
  public Instant at() {
    return events.get(events.size() - 1).at();
  }

  public String actor() {
    return events.get(0).actor();
  }

  public String source() {
    return events.get(0).source();
  }

  /** The newest sequence number of the change's events. */
  public long seq() {
    return events.stream().mapToLong(HistoryEvent::seq).max().orElse(0);
  }

  public boolean has(HistoryEvent.Kind kind) {
    return events.stream().anyMatch(e -> e.kind() == kind);
  }

  /** The record's identifier, or its id when it is no longer stored. */
  public String identifier() {
    return record == null ? recordId : record.identifier();
  }
}
