package org.aisx.ingest;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a feed's record comes from, beyond the feed's name: the body whose catalogue it is (the
 * type of a Relaton record's primary identifier: ISO, IEC, IEEE, ...; null when the feed is not one
 * body's catalogue) and when it was harvested (a Relaton record's {@code schema-version} and {@code
 * fetched} date; null when not given).
 *
 * <p>The body decides which feed leads a joint publication ({@link
 * org.aisx.catalog.FieldSources#leads}); the harvest decides between two copies of one edition in
 * one feed ({@link #FRESHEST_FIRST}).
 */
public record FeedOrigin(String catalogue, String schemaVersion, String fetched) {
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** No catalogue body, no harvest date: json, csv and other feeds. */
  public static final FeedOrigin NONE = new FeedOrigin(null, null, null);

  /**
   * The newer harvest first: a higher schema version (the harvester's schema only moves forward, so
   * a copy written with an older one was harvested earlier), then a later {@code fetched} date; a
   * copy that says nothing comes after one that says something.
   */
  public static final Comparator<FeedOrigin> FRESHEST_FIRST =
      Comparator.comparing(
              (FeedOrigin o) -> versionKey(o.schemaVersion),
              Comparator.nullsFirst(Comparator.<String>naturalOrder()))
          .thenComparing(
              FeedOrigin::fetched, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
          .reversed();

  /** "v1.2.9" → "000001.000002.000009", comparable as text; null stays null. */
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

  /** Whether this copy was harvested after {@code other} (ties: no). */
  public boolean fresherThan(FeedOrigin other) {
    return FRESHEST_FIRST.compare(this, other) < 0;
  }

  /** "schema v1.2.7, fetched 2024-01-16" as far as known. */
  public String harvest() {
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
