package org.aisx.learn;

/** What writing a resource did. */
public enum SaveOutcome {
  CREATED,
  UPDATED,
  /** It was stored already, exactly so; nothing was written. */
  UNCHANGED
}
