package org.aisx.semantic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.search.Facet;
import org.aisx.search.Hit;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;

/**
 * Overlapping work for standards developers: the existing and draft work of other bodies closest in
 * meaning to a record, to a committee's work, or to a description of proposed new work.
 *
 * <p>"Other bodies" means another {@code sdo} value than the record's, or than any of the
 * committee's records' (exact names: {@code ISO/IEC} and {@code IEC} are different bodies). For a
 * committee, each of its current records (in force or draft, at most {@link #MAX_COMMITTEE}) is
 * compared, and each other-body record is listed once, with its best match among them.
 */
public final class Overlap {
  /** The longest description of proposed work accepted (the model reads about 2,000 characters). */
  public static final int MAX_TEXT = 4_000;

  /** Committee records compared at most (each costs two nearest-neighbour searches). */
  static final int MAX_COMMITTEE = 1_000;

  private static final Set<Status> IN_FORCE = Set.of(Status.IN_FORCE);
  private static final Set<Status> DRAFTS = Set.of(Status.DRAFT);

  private final Catalog catalog;
  private final SearchIndex index;
  private final Vectors vectors;
  private final Embedder embedder;

  public Overlap(Catalog catalog, SearchIndex index, Vectors vectors, Embedder embedder) {
    this.catalog = catalog;
    this.index = index;
    this.vectors = vectors;
    this.embedder = embedder;
  }

  /** What overlap is looked for: one of a record, a committee, or a text. */
  public sealed interface Basis permits OfRecord, OfCommittee, OfText {}

  /** The work of other bodies close to this record. */
  public record OfRecord(Standard record) implements Basis {}

  /** The work of other bodies close to any current record of this committee. */
  public record OfCommittee(String committee) implements Basis {}

  /** Any work close to this description, leaving out {@code excludedBody}'s (may be null). */
  public record OfText(String text, String excludedBody) implements Basis {}

  /**
   * One record of another body, its cosine similarity, and (for a committee) the committee's record
   * it is closest to.
   */
  public record Match(Hit hit, double similarity, Hit closestTo) {}

  /**
   * The closest in-force and draft work, best first. {@code compared} counts the basis's records
   * whose vectors were used (0 for a text); {@code pending} is true when none of them has a vector
   * yet, so nothing could be compared.
   */
  public record Result(
      Set<String> excludedBodies,
      int compared,
      boolean pending,
      List<Match> inForce,
      List<Match> drafts) {}

  public Result find(Basis basis, int limit) {
    if (basis instanceof OfRecord r) {
      return ofRecord(r.record(), limit);
    }
    if (basis instanceof OfCommittee c) {
      return ofCommittee(c.committee(), limit);
    }
    return ofText((OfText) basis, limit);
  }

  private Result ofRecord(Standard record, int limit) {
    Set<String> excluded = record.sdo() == null ? Set.of() : Set.of(record.sdo());
    float[] v = vectors.vectorFor(record);
    if (v == null) {
      return new Result(excluded, 0, true, List.of(), List.of());
    }
    return new Result(
        excluded, 1, false, near(v, limit, excluded, IN_FORCE), near(v, limit, excluded, DRAFTS));
  }

  private Result ofText(OfText t, int limit) {
    Set<String> excluded = t.excludedBody() == null ? Set.of() : Set.of(t.excludedBody());
    float[] v = embedder.embed(t.text());
    return new Result(
        excluded, 0, false, near(v, limit, excluded, IN_FORCE), near(v, limit, excluded, DRAFTS));
  }

  private List<Match> near(float[] v, int limit, Set<String> excluded, Set<Status> statuses) {
    return index.nearest(v, limit, excluded, statuses).stream()
        .map(n -> new Match(n.hit(), n.similarity(), null))
        .toList();
  }

  private Result ofCommittee(String committee, int limit) {
    List<Hit> members = members(committee);
    Set<String> excluded = new LinkedHashSet<>();
    members.forEach(
        m -> {
          if (m.sdo() != null) {
            excluded.add(m.sdo());
          }
        });
    Map<String, Match> bestInForce = new HashMap<>();
    Map<String, Match> bestDrafts = new HashMap<>();
    int compared = 0;
    for (Hit member : members) {
      float[] v = catalog.find(member.id()).map(vectors::vectorFor).orElse(null);
      if (v == null) {
        continue;
      }
      compared++;
      keepBest(bestInForce, index.nearest(v, limit, excluded, IN_FORCE), member);
      keepBest(bestDrafts, index.nearest(v, limit, excluded, DRAFTS), member);
    }
    return new Result(
        Set.copyOf(excluded),
        compared,
        compared == 0,
        ranked(bestInForce, limit),
        ranked(bestDrafts, limit));
  }

  /** The committee's current records (in force or draft), in identifier order. */
  private List<Hit> members(String committee) {
    List<Hit> out = new ArrayList<>();
    Map<Facet, List<String>> filters =
        Map.of(
            Facet.COMMITTEE,
            List.of(committee),
            Facet.STATUS,
            List.of(Status.IN_FORCE.wire(), Status.DRAFT.wire()));
    for (int page = 1; out.size() < MAX_COMMITTEE; page++) {
      List<Hit> items =
          index
              .search(
                  new SearchRequest(
                      "",
                      filters,
                      null,
                      null,
                      SearchRequest.Sort.IDENTIFIER,
                      page,
                      SearchRequest.MAX_SIZE))
              .items();
      out.addAll(items.subList(0, Math.min(items.size(), MAX_COMMITTEE - out.size())));
      if (items.size() < SearchRequest.MAX_SIZE) {
        break;
      }
    }
    return out;
  }

  private static void keepBest(
      Map<String, Match> best, List<SearchIndex.Neighbour> found, Hit member) {
    for (SearchIndex.Neighbour n : found) {
      best.merge(
          n.hit().id(),
          new Match(n.hit(), n.similarity(), member),
          (a, b) -> b.similarity() > a.similarity() ? b : a);
    }
  }

  private static List<Match> ranked(Map<String, Match> best, int limit) {
    return best.values().stream()
        .sorted(
            Comparator.comparingDouble(Match::similarity)
                .reversed()
                .thenComparing(m -> m.hit().id()))
        .limit(limit)
        .toList();
  }
}
