package org.aisx.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** The seven publication types of SPEC §1. */
public enum PublicationType {
  INTERNATIONAL_STANDARD("international-standard"),
  NATIONAL_STANDARD("national-standard"),
  TECHNICAL_REPORT("technical-report"),
  TECHNICAL_SPECIFICATION("technical-specification"),
  TECHNICAL_PAPER("technical-paper"),
  GUIDE("guide"),
  OTHER("other");

  private final String wire;

  PublicationType(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  private static final WireNames<PublicationType> NAMES =
      new WireNames<>(values(), PublicationType::wire);

  public static Optional<PublicationType> fromWire(String value) {
    return NAMES.find(value);
  }
}
