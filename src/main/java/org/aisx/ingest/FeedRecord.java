package org.aisx.ingest;

import java.util.List;
import org.aisx.catalog.Standard;

/** What a feed reader made of one entry of its input. */
public sealed interface FeedRecord {
  /** Where the entry is in its input, e.g. "record 12" or "line 3401". */
  String where();

  /** The entry mapped to a record (not yet validated against the catalogue's rules). */
  record Mapped(String where, Standard standard) implements FeedRecord {}

  /**
   * The entry could not be read or mapped; {@code reason} names the field or the error, {@code
   * problems} (when not empty) say it as the bundles can, for pages in other languages.
   */
  record Rejected(String where, String reason, List<org.aisx.catalog.Problem> problems)
      implements FeedRecord {
    public Rejected {
      problems = List.copyOf(problems);
    }

    public Rejected(String where, String reason) {
      this(where, reason, List.of());
    }

    /**
     * A rejection said by {@code problems}, its English reason their texts in order, each after the
     * field it is about ("column type: 'x' is not one of ..."; a problem of no field by itself).
     */
    static Rejected of(String where, List<org.aisx.catalog.Problem> problems) {
      return new Rejected(
          where,
          problems.stream()
              .map(p -> p.field().isEmpty() ? p.problem() : p.toString())
              .collect(java.util.stream.Collectors.joining("; ")),
          problems);
    }

    /** Two rejections are equal when they say the same: the problems are how to say it. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Rejected r && where.equals(r.where) && reason.equals(r.reason);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(where, reason);
    }
  }
}
