package org.aisx.submission;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * Where a submission stands. Only a pending one can be decided; changes-requested can be
 * resubmitted; the author may withdraw one not decided yet.
 */
public enum SubmissionState {
  PENDING("pending"),
  APPROVED("approved"),
  REJECTED("rejected"),
  CHANGES_REQUESTED("changes-requested"),
  /** Taken back by its author before a decision. */
  WITHDRAWN("withdrawn");

  private final String wire;

  SubmissionState(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public static Optional<SubmissionState> fromWire(String value) {
    for (SubmissionState s : values()) {
      if (s.wire.equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
