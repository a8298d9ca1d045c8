package org.aisx.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The seven publication types of SPEC §1, and two for the documents that change another: an {@code
 * amendment} (ISO/IEC "Amd", ITU-T "Amd.", an IEEE amendment) and a {@code corrigendum} (ISO/IEC
 * "Cor", ITU-T "Cor." and "Err.", an IEEE corrigendum: corrections and errata).
 */
public enum PublicationType {
  INTERNATIONAL_STANDARD("international-standard"),
  NATIONAL_STANDARD("national-standard"),
  TECHNICAL_REPORT("technical-report"),
  TECHNICAL_SPECIFICATION("technical-specification"),
  TECHNICAL_PAPER("technical-paper"),
  GUIDE("guide"),
  AMENDMENT("amendment"),
  CORRIGENDUM("corrigendum"),
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
