package org.aisx.submission;

import java.time.Instant;
import java.util.List;

/**
 * Which fields a submission must fill beyond the always-required ones; each change is a new version
 * naming who made it. Version 0 is the built-in default (nothing more required).
 */
public record FieldPolicy(int version, List<String> required, String changedBy, Instant changed) {
  public FieldPolicy {
    required = List.copyOf(required);
  }

  static final FieldPolicy DEFAULT = new FieldPolicy(0, List.of(), null, null);
}
