package org.aisx.web;

import java.util.ArrayList;
import java.util.List;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Slug;
import org.aisx.catalog.Standard;
import org.aisx.search.Facet;
import org.aisx.search.SearchIndex;
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
      throw new CatalogException.BadParameter(
          "record", "give one of record, committee or text (none was given)");
    }
    if (bases.size() > 1) {
      throw new CatalogException.BadParameter(
          bases.get(1),
          "give only one of record, committee or text, not " + String.join(" and ", bases));
    }
    if (sdo != null && text == null) {
      throw new CatalogException.BadParameter(
          "sdo",
          "leaves out one body's work for a text only; a record or committee leaves out"
              + " its own body already");
    }
    if (sdo != null && (sdo.length() > MAX_NAME || !index.knows(Facet.SDO, sdo))) {
      throw new CatalogException.BadParameter(
          "sdo", "unknown standards body '" + Params.echo(sdo) + "'");
    }
    Overlap.Basis basis;
    if (record != null) {
      basis = new Overlap.OfRecord(record(record));
    } else if (committee != null) {
      if (committee.length() > MAX_NAME || !index.knows(Facet.COMMITTEE, committee)) {
        throw new CatalogException.BadParameter(
            "committee", "unknown committee '" + Params.echo(committee) + "'");
      }
      basis = new Overlap.OfCommittee(committee);
    } else {
      if (text.length() > Overlap.MAX_TEXT) {
        throw new CatalogException.BadParameter(
            "text",
            "longer than "
                + Overlap.MAX_TEXT
                + " characters ("
                + text.length()
                + "); describe the proposed work in a paragraph or two");
      }
      basis = new Overlap.OfText(text, sdo);
    }
    return new Question(basis, limit);
  }

  /** A record by its id, or by its identifier as written ({@code ISO/IEC 42001:2023}). */
  private Standard record(String value) {
    if (value.length() > MAX_NAME) {
      throw new CatalogException.BadParameter("record", "longer than " + MAX_NAME + " characters");
    }
    return catalog
        .find(value)
        .or(() -> catalog.find(Slug.of(value)))
        .orElseThrow(() -> new CatalogException.NotFound("record " + value));
  }
}
