package org.aisx.submission;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** A coordinator's decision on a pending submission, and the state it leads to. */
public enum Decision {
  APPROVE("approve", SubmissionState.APPROVED),
  REJECT("reject", SubmissionState.REJECTED),
  CHANGES_REQUESTED("changes-requested", SubmissionState.CHANGES_REQUESTED);

  private final String wire;
  private final SubmissionState outcome;

  Decision(String wire, SubmissionState outcome) {
    this.wire = wire;
    this.outcome = outcome;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public SubmissionState outcome() {
    return outcome;
  }

  public static Optional<Decision> fromWire(String value) {
    for (Decision d : values()) {
      if (d.wire.equals(value)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
