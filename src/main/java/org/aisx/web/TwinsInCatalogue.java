package org.aisx.web;

import java.util.List;
import java.util.Map;
import org.aisx.catalog.Standard;
import org.aisx.editions.Twins;

/**
 * The twins of a record ({@link Twins}: a W3C latest version and its dated edition of the same
 * date) that the catalogue holds, as the record's page and the API's record name them: the one
 * place where both read them, so that they say the same.
 */
final class TwinsInCatalogue {
  private TwinsInCatalogue() {}

  /**
   * The record {@code s} is the same text of, when it is folded into it and {@code targets} (the
   * records its relations name, by id) holds it; else null.
   */
  static Twins.Twin sameTextAs(Standard s, Map<String, Standard> targets) {
    return Twins.foldedInto(s).filter(card -> targets.containsKey(card.id())).orElse(null);
  }

  /** The records folded into {@code s} that {@code targets} holds; empty for most records. */
  static List<Twins.Twin> alsoPublishedAs(Standard s, Map<String, Standard> targets) {
    return Twins.alsoPublishedAs(s).stream()
        .filter(twin -> targets.containsKey(twin.id()))
        .toList();
  }
}
