package org.aisx.glossary;

import java.time.Instant;

/**
 * A stored mapping between two terms: the machine's suggestion (type, score, evidence) and where it
 * stands; {@code actor} and {@code decidedAt} name the last decision (null while pending).
 */
public record Mapping(
    String from,
    String to,
    MappingType type,
    double score,
    String evidence,
    MappingState state,
    String actor,
    Instant decidedAt) {

  /** The key a decision names: {@code from|to|type}. */
  public String key() {
    return from + "|" + to + "|" + type.wire();
  }
}
