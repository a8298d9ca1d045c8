package org.aisx.ingest;

import java.util.Comparator;
import org.aisx.catalog.Harvest;

/**
 * Where a feed's record comes from, beyond the feed's name: the body whose catalogue it is (the
 * type of a Relaton record's primary identifier: ISO, IEC, IEEE, ...; null when the feed is not one
 * body's catalogue) and when it was harvested ({@link Harvest}).
 *
 * <p>The body decides which feed leads a joint publication ({@link
 * org.aisx.catalog.FieldSources#leads}); the harvest decides between two copies of one edition in
 * one feed ({@link #FRESHEST_FIRST}) and, across imports, between two harvests of one body's
 * catalogue (the catalogue keeps the newer one's values).
 */
public record FeedOrigin(String catalogue, Harvest harvest) {

  /** No catalogue body, no harvest date: json, csv and other feeds. */
  public static final FeedOrigin NONE = new FeedOrigin(null, Harvest.UNKNOWN);

  public FeedOrigin {
    harvest = harvest == null ? Harvest.UNKNOWN : harvest;
  }

  /** The newer harvest first ({@link Harvest#NEWEST_FIRST}). */
  public static final Comparator<FeedOrigin> FRESHEST_FIRST =
      Comparator.comparing(FeedOrigin::harvest, Harvest.NEWEST_FIRST);

  /** Whether this copy was harvested after {@code other} (ties: no). */
  public boolean fresherThan(FeedOrigin other) {
    return harvest.newerThan(other.harvest);
  }
}
