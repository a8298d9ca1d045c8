package org.aisx.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;

/**
 * One entry of a record's append-only event log. {@code oldValue} and {@code newValue} are the
 * field's values as compact JSON (strings without quotes); both are null for {@code created}.
 */
public record HistoryEvent(
    long seq,
    String recordId,
    Instant at,
    Kind kind,
    String field,
    String oldValue,
    String newValue,
    String actor,
    String source,
    int revision) {

  /** What happened. */
  public enum Kind {
    CREATED("created"),
    FIELD_CHANGED("field-changed"),
    STATUS_CHANGED("status-changed"),
    CLASSIFIED("classified"),
    /** A coordinator approved a submission; the change's own events share its revision. */
    APPROVED("approved");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    @JsonValue
    public String wire() {
      return wire;
    }

    public static Kind fromWire(String value) {
      for (Kind k : values()) {
        if (k.wire.equals(value)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown history event kind " + value);
    }
  }
}
