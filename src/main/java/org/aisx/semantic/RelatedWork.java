package org.aisx.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.editions.EditionKey;
import org.aisx.search.Hit;
import org.aisx.search.SearchIndex.Neighbour;

/**
 * Related work by document rather than by edition: the editions and drafts of one publication
 * ({@link EditionKey}: ISO/IEC DIS 42005, ISO/IEC FDIS 42005 and ISO/IEC 42005:2025 are one) are
 * folded into its current ones. A draft that its standard replaced says almost what the standard
 * says, so it is as close in meaning, and would otherwise take the place of the standard itself or
 * of other work.
 *
 * <p>Within another publication among the neighbours: when one of its editions is current (in
 * force, or a draft in development), the others (superseded, withdrawn, replaced) are left out;
 * when none is, only the latest is kept. The record's own publication is not folded: its other
 * editions, marked with their status, tell the reader where this edition stands.
 */
final class RelatedWork {
  private RelatedWork() {}

  /** How many neighbours are looked at for {@code k} related records, some being folded. */
  static int candidates(int k) {
    return Math.max(2 * k, k + 20);
  }

  /** The first {@code k} of {@code neighbours} (best first) once folded, best first. */
  static List<Neighbour> fold(Standard record, List<Neighbour> neighbours, int k) {
    Map<String, List<Neighbour>> byPublication = new HashMap<>();
    for (Neighbour n : neighbours) {
      byPublication.computeIfAbsent(publication(n.hit()), p -> new ArrayList<>()).add(n);
    }
    String own = publication(record.identifier(), record.sdo(), record.id());
    List<Neighbour> kept = new ArrayList<>();
    byPublication.forEach(
        (publication, editions) -> {
          if (publication.equals(own)) {
            kept.addAll(editions);
          } else if (editions.stream().anyMatch(n -> current(n.hit().status()))) {
            editions.stream().filter(n -> current(n.hit().status())).forEach(kept::add);
          } else {
            editions.stream().max(LATEST).ifPresent(kept::add);
          }
        });
    return kept.stream()
        .sorted(
            Comparator.comparingDouble(Neighbour::similarity)
                .reversed()
                .thenComparing(n -> n.hit().id()))
        .limit(k)
        .toList();
  }

  /** The later publication date first, then the closer. */
  private static final Comparator<Neighbour> LATEST =
      Comparator.comparingLong((Neighbour n) -> dateKey(n.hit().published()))
          .thenComparingDouble(Neighbour::similarity);

  private static long dateKey(String published) {
    if (published == null) {
      return 0;
    }
    String digits = published.replace("-", "");
    try {
      return Long.parseLong((digits + "0000").substring(0, 8));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return 0;
    }
  }

  private static boolean current(Status status) {
    return status != null && status.isCurrent();
  }

  private static String publication(Hit hit) {
    return publication(hit.identifier(), hit.sdo(), hit.id());
  }

  /** The publication an edition belongs to, or the record alone when its identifier names none. */
  private static String publication(String identifier, String sdo, String id) {
    String key = EditionKey.of(identifier, sdo);
    return key == null ? "record:" + id : key;
  }
}
