package org.aisx.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Life-cycle status of one edition (SPEC §1). */
public enum Status {
  IN_FORCE("in-force", true),
  DRAFT("draft", true),
  SUPERSEDED("superseded", false),
  WITHDRAWN("withdrawn", false);

  private final String wire;
  private final boolean current;

  Status(String wire, boolean current) {
    this.wire = wire;
    this.current = current;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /** In force or draft: the editions a default search ranks first. */
  public boolean isCurrent() {
    return current;
  }

  private static final WireNames<Status> NAMES = new WireNames<>(values(), Status::wire);

  public static Optional<Status> fromWire(String value) {
    return NAMES.find(value);
  }
}
