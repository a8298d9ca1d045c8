package org.aisx.learn;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Whom a resource is pitched at: schema.org {@code educationalLevel}, as a closed set. */
public enum ResourceLevel {
  INTRODUCTORY("introductory"),
  INTERMEDIATE("intermediate"),
  ADVANCED("advanced");

  private final String wire;

  ResourceLevel(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public static Optional<ResourceLevel> fromWire(String value) {
    for (ResourceLevel l : values()) {
      if (l.wire.equals(value)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
