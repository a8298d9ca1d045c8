package org.aisx.suite;

import java.util.Optional;

/**
 * The groups a suite's members are shown in (SPEC §7): nine concerns of the taxonomy's concern
 * dimension, whose ids they share, and sector-specific work. {@code probe} is the English phrase
 * the suggester searches with beside the user's description, to find the group's own work.
 */
public enum ConcernGroup {
  MANAGEMENT_SYSTEM("management-systems", "artificial intelligence management system"),
  RISK("risk-management", "AI risk management"),
  DATA_QUALITY("data-quality", "data quality for analytics and machine learning"),
  TRANSPARENCY("transparency-explainability", "transparency and explainability of AI systems"),
  HUMAN_OVERSIGHT("human-oversight", "human oversight and control of AI systems"),
  ROBUSTNESS("robustness", "robustness and accuracy of neural networks and AI systems"),
  SECURITY("security", "security threats to AI systems"),
  PRIVACY("privacy", "privacy and protection of personal data"),
  TESTING("testing-conformity", "testing, evaluation and conformity assessment of AI systems"),
  SECTOR("sector-specific", null);

  private final String id;
  private final String probe;

  ConcernGroup(String id, String probe) {
    this.id = id;
    this.probe = probe;
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
