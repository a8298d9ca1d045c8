package org.aisx.learn;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** What kind of learning resource it is (SPEC §10). */
public enum ResourceKind {
  COURSE("course"),
  WORKSHOP("workshop"),
  GUIDE("guide"),
  TOOLKIT("toolkit"),
  WEBINAR("webinar"),
  OTHER("other");

  private final String wire;

  ResourceKind(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public static Optional<ResourceKind> fromWire(String value) {
    for (ResourceKind k : values()) {
      if (k.wire.equals(value)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
