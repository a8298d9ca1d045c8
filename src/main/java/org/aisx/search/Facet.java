package org.aisx.search;

import java.util.Arrays;
import java.util.Optional;

/** The facets of SPEC §4: filters on them combine with AND, values within one with OR. */
public enum Facet {
  /**
   * The publishing bodies: a record carries each of its bodies (a joint publication of ISO and IEC,
   * {@code sdo} "ISO/IEC", is counted and found under ISO and under IEC). A filter may also name a
   * joint body as records write it ({@code sdo=ISO/IEC}): the records whose {@code sdo} it is.
   */
  SDO("sdo", false, true, true),
  TYPE("type", false, false, false),
  STATUS("status", false, false, false),
  VERTICAL("vertical", true, false, true),
  ACTIVITY("activity", true, false, true),
  APPLICATION("application", true, false, true),
  CONCERN("concern", true, false, true),
  COMMITTEE("committee", false, true, false),
  /** How strictly a record is about AI: core, adjacent or other ({@code classify.AiRelevance}). */
  AI("ai", false, false, false);

  private final String id;
  private final boolean taxonomy;
  private final boolean open;
  private final boolean multiValued;

  Facet(String id, boolean taxonomy, boolean open, boolean multiValued) {
    this.id = id;
    this.taxonomy = taxonomy;
    this.open = open;
    this.multiValued = multiValued;
  }

  /** Whether a record can carry several values (concepts, bodies). */
  public boolean multiValued() {
    return multiValued;
  }

  /**
   * A value reduced to its letters and digits, lower-cased: how an open facet's value (a committee)
   * typed in any case and spacing is matched ({@code itu-t sg 13} is {@code ITU-T SG13}).
   */
  public static String squash(String value) {
    return org.aisx.catalog.CommitteeKey.of(value);
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

  /**
   * How many values of this facet a search answer lists, those with the most results: 40 of the
   * values the records bring (bodies, committees), 100 of a fixed list.
   */
  public int listed() {
    return open ? 40 : 100;
  }

  public static Optional<Facet> fromId(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
  }
}
