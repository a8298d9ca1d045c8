package org.aisx;

/** What the fuzz tests (Jazzer {@code @FuzzTest}, issue 18) share. */
public final class Fuzzing {
  /**
   * How long {@code mvn verify} fuzzes each target: pom.xml has one failsafe execution per target,
   * each in fuzzing mode (JAZZER_FUZZ=1). A longer run overrides it on the command line
   * (BENCHMARKS.md, "Fuzzing (issue 18)"). Replaying the corpus in the unit tests ignores it.
   */
  public static final String BOUNDED = "20s";

  private Fuzzing() {}
}
