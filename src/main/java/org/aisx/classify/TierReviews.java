package org.aisx.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aisx.classify.AiRelevance.Tier;

/**
 * The {@code ai} tiers that an editorial review decided for records the rules of {@link
 * AiRelevance} tier otherwise: each one a record id, the tier, and the basis of the decision. The
 * bundled reviews ({@code classify/ai-tier-reviews.tsv}) are the AI census of 2026-12-05
 * (docs/ai-corpus.md, "The census"): every record of the shared feeds that the rules leave out of
 * the core and that names an AI-related word was triaged (the ones it set aside, a second time),
 * and the likely ones were read in full by two judges under the written judging rule; a record both
 * judges called core is reviewed core, unless an earlier committed tier sample judged it otherwise.
 * A review wins over the rules, for the bundled corpus and for every imported record with the same
 * id. The file is written by {@code bench/ai-census.py reviews} from the committed judgements,
 * never by hand.
 */
final class TierReviews {
  /** One review: the record, its tier, and why (the judgements it rests on). */
  record Review(String id, Tier tier, String basis) {}

  static final String RESOURCE = "/classify/ai-tier-reviews.tsv";

  static final TierReviews BUNDLED = load(TierReviews.class.getResourceAsStream(RESOURCE));

  private final Map<String, Review> byId;

  private TierReviews(Map<String, Review> byId) {
    this.byId = Map.copyOf(byId);
  }

  /** A short hash of every review (id and tier), in id order: changes when a review does. */
  String fingerprint() {
    StringBuilder text = new StringBuilder();
    byId.keySet().stream()
        .sorted()
        .forEach(
            id -> text.append(id).append('\t').append(byId.get(id).tier().wire()).append('\n'));
    return ConceptModel.hash(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  Optional<Review> of(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  int size() {
    return byId.size();
  }

  Set<String> ids() {
    return byId.keySet();
  }

  /**
   * Reads reviews: one per line, tab-separated {@code id, tier, basis}; lines starting with {@code
   * #} and blank lines are skipped. A malformed line fails naming its number and content.
   */
  static TierReviews load(InputStream in) {
    if (in == null) {
      throw new IllegalStateException(
          "the tier reviews are missing from the class path: " + RESOURCE);
    }
    Map<String, Review> byId = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = r.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        Optional<Tier> tier = cells.length == 3 ? Tier.fromWire(cells[1]) : Optional.empty();
        if (tier.isEmpty() || cells[0].isBlank() || cells[2].isBlank()) {
          throw new IllegalArgumentException(
              "tier reviews line "
                  + number
                  + ": expected 'id<TAB>core|adjacent|other<TAB>basis', got '"
                  + line
                  + "'");
        }
        if (byId.put(cells[0], new Review(cells[0], tier.get(), cells[2])) != null) {
          throw new IllegalArgumentException(
              "tier reviews line " + number + ": a second review of '" + cells[0] + "'");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the tier reviews", e);
    }
    return new TierReviews(byId);
  }
}
