package org.aisx.learn;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * A learning resource (SPEC §10): a course, workshop, guide, toolkit or webinar, with the records
 * ({@code standards}, record ids) and taxonomy concepts ({@code concepts}) it teaches. Built only
 * by {@link ResourceReader}, which holds every field's rule; {@code start} and {@code end} are ISO
 * dates ({@code 2025-07-08}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "id",
  "title",
  "provider",
  "url",
  "kind",
  "languages",
  "level",
  "format",
  "audience",
  "start",
  "end",
  "standards",
  "concepts"
})
public record Resource(
    String id,
    Map<String, String> title,
    String provider,
    String url,
    ResourceKind kind,
    List<String> languages,
    ResourceLevel level,
    ResourceFormat format,
    String audience,
    String start,
    String end,
    List<String> standards,
    List<String> concepts) {

  /** The fields, in JSON order: the names problems and CSV columns use. */
  public static final List<String> FIELDS =
      List.of(
          "id",
          "title",
          "provider",
          "url",
          "kind",
          "languages",
          "level",
          "format",
          "audience",
          "start",
          "end",
          "standards",
          "concepts");

  public Resource {
    title = Map.copyOf(title);
    languages = List.copyOf(languages);
    standards = List.copyOf(standards);
    concepts = List.copyOf(concepts);
  }

  /** The title in {@code lang}, else English, else any. */
  public String titleIn(String lang) {
    String t = title.get(lang);
    if (t == null) {
      t = title.get("en");
    }
    if (t == null) {
      t = title.values().stream().sorted().findFirst().orElse(id);
    }
    return t;
  }

  /** The language {@link #titleIn} picks, for the page's {@code lang} attribute. */
  public String titleLanguage(String lang) {
    if (title.containsKey(lang)) {
      return lang;
    }
    if (title.containsKey("en")) {
      return "en";
    }
    return title.keySet().stream().sorted().findFirst().orElse(lang);
  }
}
