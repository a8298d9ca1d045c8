package org.aisx.learn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CSV shape of resources: one resource a row, a header row naming the columns {@code id, kind,
 * title_en, title_fr, ... (one per title language), provider, url, languages, level, format,
 * audience, start, end, standards, concepts}; lists (languages, standards, concepts) separated by
 * {@code ;}. Only the mapping lives here; {@link ResourceReader} checks what comes in.
 */
final class ResourceCsv {
  /** The title languages always given a column, in this order; others follow sorted. */
  static final List<String> TITLE_LANGUAGES = List.of("en", "fr", "es", "ar", "ru", "zh");

  static final List<String> LISTS = List.of("languages", "standards", "concepts");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ResourceCsv() {}

  /** The header for {@code resources}: a title column for every language any of them has. */
  static List<String> header(List<Resource> resources) {
    Set<String> langs = new LinkedHashSet<>(TITLE_LANGUAGES);
    resources.stream().flatMap(r -> r.title().keySet().stream()).sorted().forEach(langs::add);
    List<String> header = new ArrayList<>();
    header.add("id");
    header.add("kind");
    langs.forEach(l -> header.add("title_" + l));
    for (String f : Resource.FIELDS) {
      if (!List.of("id", "kind", "title").contains(f)) {
        header.add(f);
      }
    }
    return header;
  }

  /** Whether a header column is one this format knows. */
  static boolean knownColumn(String column) {
    return (column.startsWith("title_") && column.length() > 6)
        || (Resource.FIELDS.contains(column) && !column.equals("title"));
  }

  /** One row under {@code header}. */
  static List<String> row(Resource r, List<String> header) {
    List<String> row = new ArrayList<>();
    for (String column : header) {
      row.add(
          switch (column) {
            case "id" -> r.id();
            case "kind" -> r.kind().wire();
            case "provider" -> r.provider();
            case "url" -> nullToEmpty(r.url());
            case "languages" -> String.join("; ", r.languages());
            case "level" -> r.level() == null ? "" : r.level().wire();
            case "format" -> r.format() == null ? "" : r.format().wire();
            case "audience" -> nullToEmpty(r.audience());
            case "start" -> nullToEmpty(r.start());
            case "end" -> nullToEmpty(r.end());
            case "standards" -> String.join("; ", r.standards());
            case "concepts" -> String.join("; ", r.concepts());
            default -> r.title().getOrDefault(column.substring("title_".length()), "");
          });
    }
    return row;
  }

  /** A row (by column) as the resource's own JSON, for {@link ResourceReader}. */
  static ObjectNode toResourceJson(Map<String, String> row) {
    ObjectNode out = F.objectNode();
    ObjectNode title = F.objectNode();
    for (Map.Entry<String, String> cell : row.entrySet()) {
      String column = cell.getKey();
      String value = cell.getValue() == null ? "" : cell.getValue().strip();
      if (value.isEmpty()) {
        continue;
      }
      if (column.startsWith("title_")) {
        title.put(column.substring("title_".length()), value);
      } else if (LISTS.contains(column)) {
        ArrayNode list = out.putArray(column);
        for (String item : value.split(";", -1)) {
          if (!item.isBlank()) {
            list.add(item.strip());
          }
        }
      } else {
        out.put(column, value);
      }
    }
    if (!title.isEmpty()) {
      out.set("title", title);
    }
    return out;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
