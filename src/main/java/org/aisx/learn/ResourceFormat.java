package org.aisx.learn;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * How a resource is delivered (SPEC §10). {@code schemaOrg} is its schema.org {@code courseMode}
 * (the vocabulary's own examples: "online", "onsite", "blended").
 */
public enum ResourceFormat {
  ONLINE("online", "online"),
  IN_PERSON("in-person", "onsite"),
  BLENDED("blended", "blended");

  private final String wire;
  private final String schemaOrg;

  ResourceFormat(String wire, String schemaOrg) {
    this.wire = wire;
    this.schemaOrg = schemaOrg;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public String schemaOrg() {
    return schemaOrg;
  }

  /** The format a value names, by its wire name or its schema.org {@code courseMode}. */
  public static Optional<ResourceFormat> fromWire(String value) {
    for (ResourceFormat f : values()) {
      if (f.wire.equals(value) || f.schemaOrg.equals(value)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
