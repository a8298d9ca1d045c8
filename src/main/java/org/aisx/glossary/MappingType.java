package org.aisx.glossary;

/** The SKOS mapping relations between terms of different sources (SKOS §10). */
public enum MappingType {
  EXACT("exactMatch"),
  CLOSE("closeMatch"),
  BROAD("broadMatch"),
  NARROW("narrowMatch"),
  RELATED("relatedMatch");

  public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

  private final String wire;

  MappingType(String wire) {
    this.wire = wire;
  }

  /** The SKOS property's local name, as the API and the exports write it. */
  public String wire() {
    return wire;
  }

  public String iri() {
    return SKOS + wire;
  }

  /** The relation read from the other end: broad and narrow swap, the others are symmetric. */
  public MappingType inverse() {
    return switch (this) {
      case BROAD -> NARROW;
      case NARROW -> BROAD;
      default -> this;
    };
  }

  /** Whether a query for one end may also look for the other's words: the same meaning. */
  public boolean sameMeaning() {
    return this == EXACT || this == CLOSE;
  }

  /** The type with this wire name, or null. */
  public static MappingType fromWire(String wire) {
    for (MappingType t : values()) {
      if (t.wire.equals(wire)) {
        return t;
      }
    }
    return null;
  }
}
