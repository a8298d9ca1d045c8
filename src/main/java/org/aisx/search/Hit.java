package org.aisx.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.editions.Twins;

/**
 * What a result list shows of a record. The index stores this, not the whole record, so a page of
 * hits is read without decoding abstracts and relation lists. {@code alsoPublishedAs}: the records
 * of its body folded into it, the same document under another identifier ({@link Twins}), which
 * lists show on this record's card rather than as cards of their own.
 */
public record Hit(
    String id,
    String identifier,
    Map<String, String> title,
    String sdo,
    String committee,
    PublicationType type,
    Status status,
    String stage,
    String published,
    String edition,
    String url,
    List<String> verticals,
    List<String> activities,
    List<String> applications,
    List<String> concerns,
    Map<String, List<String>> suggested,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Twins.Twin> alsoPublishedAs) {

  public Hit {
    title = title == null ? Map.of() : title;
    suggested = suggested == null ? Map.of() : Map.copyOf(suggested);
    alsoPublishedAs = alsoPublishedAs == null ? List.of() : List.copyOf(alsoPublishedAs);
  }

  /** The concepts machines suggested on {@code dimension} (e.g. {@code vertical}). */
  public List<String> suggestedOn(String dimension) {
    return suggested.getOrDefault(dimension, List.of());
  }

  static Hit of(Standard s) {
    return of(s, Map.of());
  }

  static Hit of(Standard s, Map<String, List<String>> suggested) {
    return new Hit(
        s.id(),
        s.identifier(),
        s.title(),
        s.sdo(),
        s.committee(),
        s.type(),
        s.status(),
        s.stage(),
        s.published(),
        s.edition(),
        s.url(),
        s.verticals(),
        s.activities(),
        s.applications(),
        s.concerns(),
        suggested,
        Twins.alsoPublishedAs(s));
  }

  /** As {@link Standard#titleIn}: a feed's placeholder is no title. */
  public String titleIn(String lang) {
    return Standard.pickTitle(title, lang);
  }

  /** As {@link Standard#titleOrNull(String)}: null when the record has no title. */
  public String titleOrNull(String lang) {
    return Standard.titleOrNull(title, lang);
  }

  /** As {@link Standard#nameIn}: the title, or the identifier alone when there is none. */
  public String nameIn(String lang) {
    return Standard.nameOf(title, identifier, lang);
  }

  /** As {@link Standard#untitled}. */
  public boolean untitled() {
    return Standard.untitled(title);
  }

  public String titleLanguage(String lang) {
    return Standard.pickLanguage(Standard.realTitles(title), lang);
  }

  public int year() {
    return Standard.yearOf(published);
  }
}
