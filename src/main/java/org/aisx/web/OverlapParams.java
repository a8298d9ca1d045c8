package org.aisx.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Standard;
import org.aisx.editions.EditionKey;
import org.aisx.search.Facet;
import org.aisx.search.Hit;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;
import org.aisx.semantic.Overlap;

/**
 * Turns the parameters of {@code /overlap} and {@code /api/v1/overlap}, read through {@link
 * Params}, into an overlap question, or a 400 naming the parameter (an unknown record is a 404).
 */
public final class OverlapParams {
  static final List<String> KNOWN = List.of("record", "committee", "text", "sdo", "limit");
  private static final int MAX_NAME = 200;

  private final Catalog catalog;
  private final SearchIndex index;

  public OverlapParams(Catalog catalog, SearchIndex index) {
    this.catalog = catalog;
    this.index = index;
  }

  /** The question and how many matches per status group. */
  record Question(Overlap.Basis basis, int limit) {}

  /**
   * @param strict reject unknown parameters and a missing basis (the API); the page shows its form
   *     when no basis is given
   * @return the question, or null when no basis is given and not strict
   */
  Question parse(Params params, boolean strict) {
    if (strict) {
      params.onlyKnown(KNOWN);
    }
    String record = params.text("record");
    String committee = params.text("committee");
    String text = params.text("text");
    String sdo = params.text("sdo");
    int limit = params.number("limit", 1, 50, 10);
    List<String> bases = new ArrayList<>();
    for (String name : List.of("record", "committee", "text")) {
      if (params.has(name)) {
        bases.add(name);
      }
    }
    if (bases.isEmpty()) {
      if (!strict) {
        return null;
      }
      throw CatalogException.BadParameter.of("record", "problem.overlapNoBasis");
    }
    if (bases.size() > 1) {
      throw bases.size() == 2
          ? CatalogException.BadParameter.of(
              bases.get(1), "problem.overlapTwoBases", bases.get(0), bases.get(1))
          : CatalogException.BadParameter.of(
              bases.get(1), "problem.overlapThreeBases", bases.get(0), bases.get(1), bases.get(2));
    }
    if (sdo != null && text == null) {
      throw CatalogException.BadParameter.of("sdo", "problem.overlapSdoNeedsText");
    }
    if (sdo != null && (sdo.length() > MAX_NAME || !index.knows(Facet.SDO, sdo))) {
      throw CatalogException.BadParameter.of("sdo", "problem.unknownSdo", Params.echo(sdo));
    }
    Overlap.Basis basis;
    if (record != null) {
      basis = new Overlap.OfRecord(record(record));
    } else if (committee != null) {
      basis = new Overlap.OfCommittee(committee(committee));
    } else {
      if (text.length() > Overlap.MAX_TEXT) {
        throw CatalogException.BadParameter.of(
            "text",
            "problem.overlapTextTooLong",
            String.valueOf(Overlap.MAX_TEXT),
            String.valueOf(text.length()));
      }
      basis = new Overlap.OfText(text, sdo);
    }
    return new Question(basis, limit);
  }

  /**
   * A record by its id, its identifier as written ({@code ISO/IEC 42001:2023}), or as people type
   * it ({@code 42001}, {@code Y.3172}: the current edition of the one publication it names, {@link
   * Catalog#named}). A value that names several publications, or none but matches some words, is a
   * near miss with choices.
   */
  private Standard record(String value) {
    if (value.length() > MAX_NAME) {
      throw CatalogException.BadParameter.of("record", "invalid.tooLong", String.valueOf(MAX_NAME));
    }
    var named = catalog.named(value);
    if (named.isPresent()) {
      return named.get();
    }
    List<CatalogException.Choice> choices = closest(value);
    if (choices.isEmpty()) {
      throw new CatalogException.NotFound("record " + value);
    }
    throw new CatalogException.NearMiss("record", Params.echo(value), choices);
  }

  private static Map<String, Hit> byPublication(List<Hit> named) {
    Map<String, Hit> byPublication = new LinkedHashMap<>();
    named.forEach(
        h -> byPublication.putIfAbsent(EditionKey.publicationOf(h.identifier(), h.sdo()), h));
    return byPublication;
  }

  /**
   * The records a value that names none exactly comes close to, closest first, at most {@link
   * #CHOICES}: one per publication its identifier words name ({@code ISO/IEC 42001}, {@code
   * 42001}), else those a search for it finds; empty when none. The overlap's near miss offers
   * them, and so does a suite's "add a record by its id".
   */
  List<CatalogException.Choice> closest(String value) {
    if (value.length() > MAX_NAME) {
      return List.of();
    }
    return choices(value, byPublication(index.named(value, 50)));
  }

  private List<CatalogException.Choice> choices(String value, Map<String, Hit> byPublication) {
    List<Hit> close =
        byPublication.isEmpty()
            ? index
                .search(
                    new SearchRequest(
                        value, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, CHOICES))
                .items()
            : List.copyOf(byPublication.values());
    List<CatalogException.Choice> choices = new ArrayList<>();
    close.stream()
        .limit(CHOICES)
        .forEach(
            h ->
                choices.add(
                    new CatalogException.Choice(
                        h.id(),
                        h.untitled() ? h.identifier() : h.identifier() + " " + h.titleIn("en"))));
    return choices;
  }

  /**
   * A committee as the catalogue spells it, from a name in any case and spacing ({@code itu-t sg
   * 13} is {@code ITU-T SG13}); a name that matches none exactly is a near miss with the committees
   * it comes close to, and one close to none is unknown. The landscape's duplicates read their
   * committee so too.
   */
  String committee(String value) {
    if (value.length() > MAX_NAME) {
      throw CatalogException.BadParameter.of(
          "committee", "invalid.tooLong", String.valueOf(MAX_NAME));
    }
    if (index.knows(Facet.COMMITTEE, value)) {
      return value;
    }
    String key = Facet.squash(value);
    if (key.isEmpty()) {
      throw CatalogException.BadParameter.of(
          "committee", "problem.noLettersOrDigits", Params.echo(value));
    }
    List<String> all = index.values(Facet.COMMITTEE);
    List<String> same = all.stream().filter(c -> Facet.squash(c).equals(key)).toList();
    if (same.size() == 1) {
      return same.get(0);
    }
    List<String> close =
        same.isEmpty()
            ? all.stream()
                .filter(c -> Facet.squash(c).contains(key) || key.contains(Facet.squash(c)))
                .sorted(
                    Comparator.comparingInt(
                            (String c) -> Math.abs(Facet.squash(c).length() - key.length()))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(CHOICES)
                .toList()
            : same;
    if (close.isEmpty()) {
      throw CatalogException.BadParameter.of(
          "committee", "problem.unknownCommittee", Params.echo(value));
    }
    List<CatalogException.Choice> choices = new ArrayList<>();
    close.forEach(c -> choices.add(new CatalogException.Choice(c, c)));
    throw new CatalogException.NearMiss("committee", Params.echo(value), choices);
  }

  /** How many choices a near miss offers at most. */
  static final int CHOICES = 8;
}
