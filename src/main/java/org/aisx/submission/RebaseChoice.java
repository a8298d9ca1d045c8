package org.aisx.submission;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Which value an author keeps, bringing a submission up to date on its record's current revision,
 * for a field both the record (since the submission's base) and the submission changed.
 */
public enum RebaseChoice {
  /** The submission's own value. */
  MINE("mine"),
  /** The record's value now. */
  CURRENT("current");

  private final String wire;

  RebaseChoice(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public static Optional<RebaseChoice> fromWire(String value) {
    for (RebaseChoice c : values()) {
      if (c.wire.equals(value)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
