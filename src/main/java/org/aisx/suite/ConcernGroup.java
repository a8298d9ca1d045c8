package org.aisx.suite;

import java.util.Optional;

/**
 * The groups a suite's members are shown in (SPEC §7): every concern of the taxonomy's concern
 * dimension, whose ids they share, and sector-specific work. {@code probe} is the English phrase
 * the suggester searches with beside the user's description, to find the group's own work. The
 * first nine apply to every AI system ({@link #everySystem}); the others only when the description
 * or the user points to them (safety for a car's lane keeping, bias for CV screening). New values
 * go before {@link #SECTOR}, after the ones a suite already shows its members in.
 */
public enum ConcernGroup {
  MANAGEMENT_SYSTEM("management-systems", "artificial intelligence management system", true),
  RISK("risk-management", "AI risk management", true),
  DATA_QUALITY("data-quality", "data quality for analytics and machine learning", true),
  TRANSPARENCY(
      "transparency-explainability", "transparency and explainability of AI systems", true),
  HUMAN_OVERSIGHT("human-oversight", "human oversight and control of AI systems", true),
  ROBUSTNESS("robustness", "robustness and accuracy of neural networks and AI systems", true),
  SECURITY("security", "security threats to AI systems", true),
  PRIVACY("privacy", "privacy and protection of personal data", true),
  TESTING(
      "testing-conformity", "testing, evaluation and conformity assessment of AI systems", true),
  SAFETY("safety", "functional safety and safety of AI systems", false),
  BIAS_FAIRNESS("bias-fairness", "bias in AI systems and AI aided decision making", false),
  GOVERNANCE("governance", "governance implications of the use of AI by organizations", false),
  LIFE_CYCLE("life-cycle", "AI system life cycle processes", false),
  TERMINOLOGY("terminology", "artificial intelligence concepts and terminology", false),
  ENVIRONMENTAL_SUSTAINABILITY(
      "environmental-sustainability", "environmental sustainability aspects of AI systems", false),
  SECTOR("sector-specific", null, false);

  private final String id;
  private final String probe;
  private final boolean everySystem;

  ConcernGroup(String id, String probe, boolean everySystem) {
    this.id = id;
    this.probe = probe;
    this.everySystem = everySystem;
  }

  /**
   * Whether the concern applies to every AI system, so that the suggester proposes it (or reports
   * it as a gap) whatever the description says.
   */
  public boolean everySystem() {
    return everySystem;
  }

  /** The wire name: the taxonomy concern's id, or {@code sector-specific}. */
  public String id() {
    return id;
  }

  /** Whether the group is a concept of the taxonomy's concern dimension. */
  public boolean isConcern() {
    return this != SECTOR;
  }

  String probe() {
    return probe;
  }

  public static Optional<ConcernGroup> fromId(String id) {
    for (ConcernGroup g : values()) {
      if (g.id.equals(id)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
