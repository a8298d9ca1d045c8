package org.aisx.glossary;

/** Where a mapping stands: suggested by machine, or decided by a coordinator. */
public enum MappingState {
  PENDING("pending"),
  CONFIRMED("confirmed"),
  REJECTED("rejected");

  private final String wire;

  MappingState(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static MappingState fromWire(String wire) {
    for (MappingState s : values()) {
      if (s.wire.equals(wire)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no mapping state " + wire);
  }
}
