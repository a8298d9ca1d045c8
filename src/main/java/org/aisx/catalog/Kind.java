package org.aisx.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Whether a record is a standard or another kind of publication. */
public enum Kind {
  STANDARD("standard"),
  PUBLICATION("publication");

  private final String wire;

  Kind(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  private static final WireNames<Kind> NAMES = new WireNames<>(values(), Kind::wire);

  public static Optional<Kind> fromWire(String value) {
    return NAMES.find(value);
  }
}
