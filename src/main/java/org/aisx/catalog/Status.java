package org.aisx.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Life-cycle status of one edition (SPEC §1). {@code replaced} is a draft that is no longer work in
 * development: its standard has been published, or a later draft of the same project replaced it;
 * the record points to what replaced it ({@code replaced-by}). A draft its body marks inactive with
 * nothing known to replace it is {@code withdrawn}.
 */
public enum Status {
  IN_FORCE("in-force", true),
  DRAFT("draft", true),
  SUPERSEDED("superseded", false),
  WITHDRAWN("withdrawn", false),
  REPLACED("replaced", false);

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
