package org.aisx.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;

/**
 * One entry of a record's append-only event log. {@code oldValue} and {@code newValue} are the
 * field's values as compact JSON (strings without quotes); for {@code created} the field and the
 * old value are null and the new value is the title the record was created with (null in events
 * written before it was kept), so that a feed's "New" entry names the record as it was. The {@code
 * actor} is who did it (an account's e-mail address, shown to admins only); the {@code source},
 * public, never names an address ({@link SourceNames}).
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

  public HistoryEvent {
    // An older version's "edit:<address>", read back from the store: never shown (SourceNames).
    source = SourceNames.publishable(source);
  }

  /** What happened. */
  public enum Kind {
    CREATED("created"),
    FIELD_CHANGED("field-changed"),
    STATUS_CHANGED("status-changed"),
    CLASSIFIED("classified"),
    /** A coordinator approved a submission; the change's own events share its revision. */
    APPROVED("approved"),
    /**
     * Another body's relation towards this record was approved by this record's body or a
     * coordinator ({@link RelationReview}): {@code field} is the relation as this record shows it
     * ({@code replaced-by}), {@code newValue} the other record's identifier. The record itself and
     * its revision do not change.
     */
    RELATION_APPROVED("relation-approved"),
    /** Such a relation was refused: the record reads as it did; {@code field} as above. */
    RELATION_REJECTED("relation-rejected");

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
