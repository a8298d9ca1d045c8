package org.aisx.submission;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** What a submission proposes: a new record, or a change to an existing one. */
public enum Action {
  CREATE("create"),
  UPDATE("update");

  private final String wire;

  Action(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public static Optional<Action> fromWire(String value) {
    for (Action a : values()) {
      if (a.wire.equals(value)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
