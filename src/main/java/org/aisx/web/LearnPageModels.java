package org.aisx.web;

import java.util.List;
import org.aisx.learn.Resource;

/** What the learning-resource templates render: the {@code /learn} list and a record's block. */
public final class LearnPageModels {
  private LearnPageModels() {}

  /** One facet value as the page shows it: its label, its count, whether it is ticked. */
  public record FacetValue(String value, String label, int count, boolean selected) {}

  /** One facet of {@code /learn}: its parameter, its label and its values. */
  public record FacetView(String id, String label, List<FacetValue> values, String clearUrl) {
    public boolean active() {
      return values.stream().anyMatch(FacetValue::selected);
    }
  }

  /**
   * One resource as a card: the resource, the labels of what it teaches, and its languages (code
   * and name, each name in its own language as the language menu gives it).
   */
  public record Card(
      Resource r, List<Link> standards, List<String> concepts, List<Link> languages) {}

  /** A record a resource teaches: its id (for the link) and identifier (to show). */
  public record Link(String id, String label) {}

  /** {@code /learn}: the resources of one page, the facets, the pager. */
  public record LearnPage(
      PageModels.Layout layout,
      List<Card> cards,
      int total,
      int first,
      int last,
      List<FacetView> facets,
      int page,
      int lastPage,
      String prevUrl,
      String nextUrl,
      // The last page, linked from a page past it.
      String lastUrl,
      // Whether the viewer may propose a correction of a resource (signed in, may submit one).
      boolean canCorrect,
      // Whether the viewer may remove a resource (a coordinator).
      boolean canRemove,
      // The id of the resource just removed (the page says so), or null.
      String removed) {
    public Messages t() {
      return layout.t();
    }
  }

  /** The "Learn about this standard" block of a record page. */
  public record RecordBlock(String recordId, List<Card> cards, boolean canCorrect) {}
}
