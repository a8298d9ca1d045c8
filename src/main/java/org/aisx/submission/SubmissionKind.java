package org.aisx.submission;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** What a submission proposes: a catalogue record (SPEC §1) or a learning resource (SPEC §10). */
public enum SubmissionKind {
  RECORD("record"),
  RESOURCE("resource");

  private final String wire;

  SubmissionKind(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public static Optional<SubmissionKind> fromWire(String value) {
    for (SubmissionKind k : values()) {
      if (k.wire.equals(value)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
