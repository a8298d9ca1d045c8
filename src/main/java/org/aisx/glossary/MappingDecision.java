package org.aisx.glossary;

/**
 * A coordinator's decision on one mapping: confirm or reject it; a confirmation may name the
 * relation the coordinator holds instead of the suggested one ({@code as}; null: as suggested).
 */
public record MappingDecision(
    String from, String to, MappingType type, boolean confirmed, MappingType as) {

  public MappingDecision(String from, String to, MappingType type, boolean confirmed) {
    this(from, to, type, confirmed, null);
  }

  /** The relation the mapping has once decided. */
  public MappingType decidedType() {
    return confirmed && as != null ? as : type;
  }
}
