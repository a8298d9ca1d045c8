package org.aisx.search;

import java.util.Arrays;
import java.util.Optional;

/** The facets of SPEC §4: filters on them combine with AND, values within one with OR. */
public enum Facet {
  SDO("sdo", false, true),
  TYPE("type", false, false),
  STATUS("status", false, false),
  VERTICAL("vertical", true, false),
  ACTIVITY("activity", true, false),
  APPLICATION("application", true, false),
  CONCERN("concern", true, false),
  COMMITTEE("committee", false, true),
  /** How strictly a record is about AI: core, adjacent or other ({@code classify.AiRelevance}). */
  AI("ai", false, false);

  private final String id;
  private final boolean taxonomy;
  private final boolean open;

  Facet(String id, boolean taxonomy, boolean open) {
    this.id = id;
    this.taxonomy = taxonomy;
    this.open = open;
  }

  /**
   * A value reduced to its letters and digits, lower-cased: how an open facet's value (a committee)
   * typed in any case and spacing is matched ({@code itu-t sg 13} is {@code ITU-T SG13}).
   */
  public static String squash(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .map(Character::toLowerCase)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /** The parameter name and the facet key of the search answer. */
  public String id() {
    return id;
  }

  /** A taxonomy dimension: a record can have several values. */
  public boolean taxonomy() {
    return taxonomy;
  }

  /**
   * Whether the values come from the records (bodies, committees) rather than from a fixed list.
   */
  public boolean open() {
    return open;
  }

  public static Optional<Facet> fromId(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
  }
}
