package org.aisx.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Json;

/**
 * A changed field's old and new values as people read them, for the record's history, the change
 * log and the Atom feeds: the one place that turns the compact JSON an event stores ({@link
 * HistoryEvent#oldValue()}) into text. A text per language (title, abstract) shows the languages
 * whose text changed, each labelled with the language's name ("anglais : Old title"; a single
 * language the reader's own shows unlabelled); anything else as {@link FieldValues} says it: a list
 * of words (keywords, concepts) is the words separated by commas, a coded value its label, a
 * relation "Replaced by ISO 1", a date in the reader's form.
 */
public final class HistoryValues {
  private static final ObjectMapper JSON = Json.mapper();

  private HistoryValues() {}

  /** The two sides of a change; null for a side that had no value. */
  public record Shown(String oldValue, String newValue) {}

  /** {@code e}'s values as a reader of {@code t}'s language is shown them. */
  public static Shown of(HistoryEvent e, Messages t) {
    if (relationDecision(e)) {
      // The field is the type of the relation decided on, the new value the other record.
      String key = "relation." + e.field();
      return new Shown(null, (t.has(key) ? t.get(key) : e.field()) + " " + e.newValue());
    }
    JsonNode before = tree(e.oldValue());
    JsonNode after = tree(e.newValue());
    if ((before != null || after != null) && isTexts(before) && isTexts(after)) {
      List<String> changed = changedLanguages(before, after);
      boolean labelled = changed.size() > 1 || !changed.contains(t.lang());
      return new Shown(
          texts(before, changed, labelled, e.oldValue(), t),
          texts(after, changed, labelled, e.newValue(), t));
    }
    return new Shown(
        value(e.field(), before, e.oldValue(), t), value(e.field(), after, e.newValue(), t));
  }

  /** The name of the field {@code e} changed, in {@code t}'s language. */
  public static String field(HistoryEvent e, Messages t) {
    return relationDecision(e) ? t.get("record.relations") : t.fieldName(e.field());
  }

  private static boolean relationDecision(HistoryEvent e) {
    return e.kind() == HistoryEvent.Kind.RELATION_APPROVED
        || e.kind() == HistoryEvent.Kind.RELATION_REJECTED;
  }

  /** The stored value as JSON when it is an object or a list; null otherwise (text, a number). */
  private static JsonNode tree(String value) {
    if (value == null || value.isEmpty() || (value.charAt(0) != '{' && value.charAt(0) != '[')) {
      return null;
    }
    try {
      return JSON.readTree(value);
    } catch (JsonProcessingException notJson) {
      return null; // a text that starts with a brace: shown as it is
    }
  }

  /** Whether {@code v} is a text per language, or absent (a side that had none). */
  private static boolean isTexts(JsonNode v) {
    if (v == null) {
      return true;
    }
    if (!v.isObject()) {
      return false;
    }
    for (Iterator<JsonNode> it = v.elements(); it.hasNext(); ) {
      if (!it.next().isTextual()) {
        return false;
      }
    }
    return true;
  }

  /** The languages whose text differs between the two sides, in order of their codes. */
  private static List<String> changedLanguages(JsonNode before, JsonNode after) {
    TreeSet<String> all = new TreeSet<>();
    for (JsonNode side : new JsonNode[] {before, after}) {
      if (side != null) {
        side.fieldNames().forEachRemaining(all::add);
      }
    }
    List<String> changed = new ArrayList<>();
    for (String lang : all) {
      if (!Objects.equals(text(before, lang), text(after, lang))) {
        changed.add(lang);
      }
    }
    return changed.isEmpty() ? List.copyOf(all) : changed;
  }

  private static String text(JsonNode texts, String lang) {
    JsonNode v = texts == null ? null : texts.get(lang);
    return v == null ? null : v.asText();
  }

  private static String texts(
      JsonNode side, List<String> langs, boolean labelled, String raw, Messages t) {
    if (side == null) {
      return raw;
    }
    List<String> parts = new ArrayList<>();
    for (String lang : langs) {
      String text = text(side, lang);
      if (text != null) {
        parts.add(labelled ? FieldValues.languageName(t, lang) + t.colon() + text : text);
      }
    }
    return parts.isEmpty() ? null : String.join(" · ", parts);
  }

  /** A value as {@link FieldValues} says it; null for a side that had none. */
  private static String value(String field, JsonNode side, String raw, Messages t) {
    if (raw == null) {
      return null;
    }
    JsonNode v = side != null ? side : com.fasterxml.jackson.databind.node.TextNode.valueOf(raw);
    String shown = FieldValues.ofRecord(t, field, v, "; ");
    return shown.isEmpty() ? null : shown;
  }
}
