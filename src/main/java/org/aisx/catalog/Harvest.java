package org.aisx.catalog;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a feed's copy of a record was harvested from its body's catalogue: the harvester's schema
 * version (a Relaton record's {@code schema-version}) and the {@code fetched} date, each null when
 * the copy does not say.
 *
 * <p>Two harvests of one body's catalogue (the {@code relaton-ieee} snapshot of 2024 and {@code
 * relaton-ieee-2025}) are two copies of one feed: the catalogue keeps, per record and feed, the
 * newest harvest that gave it ({@link CatalogStore#harvests}), and an older harvest never
 * overwrites what a newer one gave ({@link Catalog#importAll}).
 */
public record Harvest(String schemaVersion, String fetched) {
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** A copy that says nothing of its harvest (json, csv, the RFC index, ...). */
  public static final Harvest UNKNOWN = new Harvest(null, null);

  /**
   * The newer harvest first: a higher schema version (the harvester's schema only moves forward, so
   * a copy written with an older one was harvested earlier), then a later {@code fetched} date; a
   * copy that says nothing comes after one that says something.
   */
  public static final Comparator<Harvest> NEWEST_FIRST =
      Comparator.comparing(
              (Harvest h) -> versionKey(h.schemaVersion),
              Comparator.nullsFirst(Comparator.<String>naturalOrder()))
          .thenComparing(Harvest::fetched, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
          .reversed();

  /** Blank parts read as not given. */
  public Harvest {
    schemaVersion = schemaVersion == null || schemaVersion.isBlank() ? null : schemaVersion.strip();
    fetched = fetched == null || fetched.isBlank() ? null : fetched.strip();
  }

  /** "v1.2.9" → "000001.000002.000009.", comparable as text; null stays null. */
  static String versionKey(String version) {
    if (version == null) {
      return null;
    }
    StringBuilder key = new StringBuilder();
    Matcher m = NUMBER.matcher(version);
    while (m.find()) {
      String n = m.group();
      key.append("0".repeat(Math.max(0, 6 - n.length()))).append(n).append('.');
    }
    return key.toString();
  }

  /** Whether the copy says anything of its harvest. */
  public boolean known() {
    return schemaVersion != null || fetched != null;
  }

  /** Whether this copy was harvested after {@code other} (ties: no). */
  public boolean newerThan(Harvest other) {
    return NEWEST_FIRST.compare(this, other) < 0;
  }

  /** "schema v1.2.7, fetched 2024-01-16" as far as known. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (schemaVersion != null) {
      b.append("schema ").append(schemaVersion);
    }
    if (fetched != null) {
      b.append(b.length() > 0 ? ", " : "").append("fetched ").append(fetched);
    }
    return b.length() == 0 ? "no harvest date" : b.toString();
  }
}
