package org.aisx.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/** Typed, directed relations; each has the inverse shown on the target (SPEC §1). */
public enum RelationType {
  REPLACES("replaces", "replaced-by"),
  REPLACED_BY("replaced-by", "replaces"),
  AMENDS("amends", "amended-by"),
  AMENDED_BY("amended-by", "amends"),
  UPDATES("updates", "updated-by"),
  UPDATED_BY("updated-by", "updates"),
  ADOPTS("adopts", "adopted-by"),
  ADOPTED_BY("adopted-by", "adopts"),
  COMPLEMENTS("complements", "complements"),
  /**
   * The same text under another identifier: an exact duplicate (same ISBN or URL) or a twin (an
   * IEC/IEEE dual-logo text, an ITU-T | ISO/IEC common text).
   */
  IDENTICAL("identical", "identical"),
  RELATED("related", "related");

  private final String wire;
  private final String inverseWire;

  RelationType(String wire, String inverseWire) {
    this.wire = wire;
    this.inverseWire = inverseWire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /**
   * Whether holding this relation changes how its target reads: the target then shows that it was
   * replaced, amended or updated by the holder (the banner "This edition is superseded. Current
   * edition: ..." for {@code replaces}). Such a relation towards another body's record, written by
   * a person, waits for that body's or a coordinator's approval ({@link RelationReview}).
   */
  public boolean altersTarget() {
    return this == REPLACES || this == AMENDS || this == UPDATES;
  }

  public RelationType inverse() {
    return fromWire(inverseWire).orElseThrow();
  }

  private static final WireNames<RelationType> NAMES =
      new WireNames<>(values(), RelationType::wire);

  public static Optional<RelationType> fromWire(String value) {
    return NAMES.find(value);
  }
}
