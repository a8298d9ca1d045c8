package org.aisx.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The value of a record's (or a learning resource's) field as people read it in one language,
 * rather than as its JSON holds it: the label of a coded value ({@code type}, {@code status},
 * {@code kind}, a relation's type, a resource's kind, level and format, a language code), a date in
 * the language's form, yes or no, a text per language labelled with the language's name, a relation
 * as "Replaced by ISO 1". Anything else (an identifier, a body, free text) is shown as written. For
 * the submission's comparison and for the history of records ({@link HistoryValues}).
 */
final class FieldValues {
  /** Fields whose values are codes, and the prefix of their labels in the bundles. */
  private static final Map<String, String> RECORD_CODES =
      Map.of("type", "type.", "status", "status.", "kind", "kind.");

  private static final Map<String, String> RESOURCE_CODES =
      Map.of("kind", "learn.kind.", "level", "learn.level.", "format", "learn.format.");

  private static final Set<String> DATES = Set.of("published", "start", "end");
  private static final Set<String> BOOLEANS = Set.of("openSource", "statusInferred");

  private FieldValues() {}

  /** A record's field {@code field} whose value is {@code v} (as the record's JSON writes it). */
  static String ofRecord(Messages t, String field, JsonNode v, String separator) {
    return shown(t, field, v, RECORD_CODES, separator);
  }

  /** A learning resource's field {@code field} whose value is {@code v}. */
  static String ofResource(Messages t, String field, JsonNode v, String separator) {
    return shown(t, field, v, RESOURCE_CODES, separator);
  }

  /**
   * The name of the language {@code code} in the page's language ({@link Messages#languageName}).
   */
  static String languageName(Messages t, String code) {
    return t.languageName(code);
  }

  private static String shown(
      Messages t, String field, JsonNode v, Map<String, String> codes, String separator) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "";
    }
    if (v.isValueNode()) {
      return scalar(t, field, v.asText(), codes);
    }
    List<String> parts = new ArrayList<>();
    if (v.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = v.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        String name =
            field.equals("fieldSources")
                ? t.fieldName(e.getKey())
                : languageName(t, e.getKey()); // a text per language
        parts.add(name + t.colon() + shown(t, field, e.getValue(), codes, ", "));
      }
      return String.join(separator, parts);
    }
    boolean scalars = true;
    for (JsonNode item : v) {
      scalars &= item.isValueNode();
    }
    for (JsonNode item : v) {
      parts.add(item.isValueNode() ? scalar(t, field, item.asText(), codes) : object(t, item));
    }
    return String.join(scalars ? ", " : separator, parts);
  }

  /** One value: a code's label, a date, yes or no, a language's name; else as written. */
  private static String scalar(Messages t, String field, String value, Map<String, String> codes) {
    String prefix = codes.get(field);
    if (prefix != null && t.has(prefix + value)) {
      return t.get(prefix + value);
    }
    if (DATES.contains(field)) {
      return t.date(value);
    }
    if (BOOLEANS.contains(field) && (value.equals("true") || value.equals("false"))) {
      return t.get(value.equals("true") ? "yes" : "no");
    }
    if (field.equals("languages")) {
      return languageName(t, value);
    }
    return value;
  }

  /** An entry of a list of objects: a relation, an identifier, a use case. */
  private static String object(Messages t, JsonNode item) {
    JsonNode type = item.get("type");
    if (type != null && item.has("target")) {
      String key = "relation." + type.asText();
      return (t.has(key) ? t.get(key) : type.asText())
          + " "
          + t.isolate(item.get("target").asText());
    }
    if (type != null && item.has("value")) {
      return type.asText() + " " + item.get("value").asText();
    }
    if (item.has("description")) {
      JsonNode url = item.get("url");
      return item.get("description").asText()
          + (url == null || url.isNull() ? "" : " (" + url.asText() + ")");
    }
    List<String> parts = new ArrayList<>();
    item.fields().forEachRemaining(e -> parts.add(e.getValue().asText()));
    return String.join(" ", parts);
  }
}
