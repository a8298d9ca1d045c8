package org.aisx.taxonomy;

import java.util.Arrays;
import java.util.Optional;

/** The four classification dimensions of SPEC §2; their ids are stable API filter names. */
public enum Dimension {
  VERTICAL("vertical", "verticals"),
  ACTIVITY("activity", "activities"),
  APPLICATION("application", "applications"),
  CONCERN("concern", "concerns");

  private final String id;
  private final String recordField;

  Dimension(String id, String recordField) {
    this.id = id;
    this.recordField = recordField;
  }

  /** The filter and facet name, e.g. {@code vertical}. */
  public String id() {
    return id;
  }

  /** The record field holding confirmed concepts, e.g. {@code verticals}. */
  public String recordField() {
    return recordField;
  }

  /** The dimension whose confirmed concepts {@code field} holds, e.g. {@code verticals}. */
  public static Optional<Dimension> fromRecordField(String field) {
    return Arrays.stream(values()).filter(d -> d.recordField.equals(field)).findFirst();
  }

  public static Optional<Dimension> fromId(String id) {
    return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
  }
}
