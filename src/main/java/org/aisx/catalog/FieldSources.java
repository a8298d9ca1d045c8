package org.aisx.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Per-field provenance ({@link Standard#fieldSources()}: field → the feeds its value came from) and
 * the rule that merges one feed's record of a publication into what other feeds gave for it.
 *
 * <h2>The merge rule</h2>
 *
 * A joint publication (ISO/IEC 42001:2023 is in the ISO and the IEC feed) is one record. Each
 * incoming record comes from a feed that is either the <em>lead</em> feed of the publication (the
 * catalogue of the body named first in the identifier: ISO for "ISO/IEC ...", IEC for "IEC/IEEE
 * ..." and for "IEC 31010:2019", which the ISO feed lists too) or another body's feed. For each
 * field:
 *
 * <ul>
 *   <li>A field that only this feed gave so far (or that nobody gave) takes the incoming value,
 *       empty included: a feed corrects and removes its own values.
 *   <li>A field another feed gave: if the incoming record has no value, the stored one stays. A
 *       single value (status, stage, published, url, committee, type, edition, ...) is the lead
 *       feed's when the lead feed gives one, else the first feed's (when no feed leads, the first
 *       feed's). Texts per language (title, abstract) are merged language by language, the lead
 *       feed's text winning for a language both give. Lists (identifiers, relations, keywords, ...)
 *       are the union: the winner's entries in its order, then the other entries not already there;
 *       a union with the stored entries only, in another order, leaves the stored list as it is.
 *   <li>{@code source} names the lead feed once it has given the record, else the first feed.
 * </ul>
 *
 * So the result is the same whichever feed is imported first, and importing a feed again changes
 * nothing. A record whose values a feed only confirms is not rewritten, its provenance included (a
 * field keeps naming the feed that gave it first when another gives the same value). Snapshots of
 * one feed are the same feed: a name that differs only by a trailing date ({@code
 * relaton-ieee-2025} is a snapshot of {@code relaton-ieee}) replaces its own values as the feed
 * itself would, unless it is an older harvest than the one that gave the record ({@link Harvest}):
 * then {@link Catalog#importAll} leaves the record alone. An entry of a list that a feed drops is
 * removed only when that feed alone gave the list.
 *
 * <p><b>People's corrections stay.</b> A field whose value people decided ({@link
 * SourceNames#reviewed}: an approved submission, a coordinator's edit, a review of suggestions)
 * keeps it while a feed gives the value people corrected away (any value a reviewed change of the
 * field replaced, as its history says): importing that feed again, unchanged, would otherwise undo
 * a correction a coordinator approved. Such a field is named in the import's report ({@link
 * WriteOutcome#keptReviewed}). A feed value people never saw (the body changed its record since, or
 * the record was made by a submission before any feed gave it) is news, and merges by the rules
 * above.
 */
public final class FieldSources {
  private static final Pattern SNAPSHOT_SUFFIX = Pattern.compile("[-_.]\\d{4}([-_.]\\d{2}){0,2}$");
  private static final Pattern FILE_SUFFIX =
      Pattern.compile("(\\.(ya?ml|txt|jsonl?|csv|ris|xml))?(\\.gz)?$", Pattern.CASE_INSENSITIVE);

  /** Fields that no feed gives: the catalogue's own bookkeeping. */
  private static final Set<String> SYSTEM = Set.of("id", "fieldSources", "source", "revision");

  /** The fields a feed gives, as JSON names them. */
  static final List<String> MERGED =
      Standard.FIELDS.stream().filter(f -> !SYSTEM.contains(f)).toList();

  private FieldSources() {}

  /**
   * An immutable copy, empty lists and blank names dropped, each name as {@link
   * SourceNames#publishable} reads it.
   */
  static Map<String, List<String>> copyOf(Map<String, List<String>> sources) {
    if (sources == null || sources.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> out = new TreeMap<>();
    sources.forEach(
        (field, feeds) -> {
          if (field != null && feeds != null) {
            List<String> names =
                feeds.stream()
                    .filter(n -> n != null && !n.isBlank())
                    .map(SourceNames::publishable)
                    .distinct()
                    .toList();
            if (!names.isEmpty()) {
              out.put(field, List.copyOf(names));
            }
          }
        });
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The feed a source name belongs to: the name without a trailing snapshot date. */
  public static String feedOf(String source) {
    if (source == null) {
      return "";
    }
    String name = FILE_SUFFIX.matcher(source.strip()).replaceFirst("");
    return SNAPSHOT_SUFFIX.matcher(name).replaceFirst("").toLowerCase(Locale.ROOT);
  }

  static boolean sameFeed(String a, String b) {
    return feedOf(a).equals(feedOf(b));
  }

  /**
   * Whether a record from the catalogue of {@code body} is the lead feed's record of {@code
   * identifier}: the body is the one named first in the identifier ("ISO" of "ISO/IEC 42001:2023";
   * "ITU" leads "ITU-T Y.3172"). A body's catalogue listing another body's publication ("IEC
   * 31010:2019" in the ISO feed) does not lead it. A null body (a feed that is not one body's
   * catalogue: json, csv) leads.
   */
  public static boolean leads(String body, String identifier) {
    if (body == null || identifier == null) {
      return true;
    }
    String first = identifier.strip().split("[\\s:/]", 2)[0].toUpperCase(Locale.ROOT);
    String b = body.strip().toUpperCase(Locale.ROOT);
    return first.equals(b) || first.startsWith(b + "-");
  }

  /** The accessors of the merged fields, by JSON name. */
  private static final Map<String, java.lang.reflect.Method> ACCESSORS = accessors();

  private static Map<String, java.lang.reflect.Method> accessors() {
    Map<String, java.lang.reflect.Method> out = new LinkedHashMap<>();
    java.lang.reflect.RecordComponent[] components = Standard.class.getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      String name = Standard.FIELDS.get(i);
      if (!SYSTEM.contains(name)) {
        out.put(name, components[i].getAccessor());
      }
    }
    return out;
  }

  /** Every non-empty field of a record new to the catalogue attributed to {@code source}. */
  static Map<String, List<String>> allFrom(Standard record, String source) {
    Map<String, List<String>> out = new TreeMap<>();
    if (source == null) {
      return out;
    }
    List<String> feed = List.of(source);
    ACCESSORS.forEach(
        (field, accessor) -> {
          Object v;
          try {
            v = accessor.invoke(record);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
          // A flag left at its default is left out of the record's JSON, as merge sees it.
          boolean empty =
              v == null
                  || (v instanceof java.util.Collection<?> c && c.isEmpty())
                  || (v instanceof Map<?, ?> m && m.isEmpty())
                  || (accessor.getReturnType() == boolean.class && Boolean.FALSE.equals(v));
          if (!empty) {
            out.put(field, feed);
          }
        });
    return out;
  }

  /** The sources of a stored field; a record from before per-field provenance: its source. */
  static List<String> of(Standard stored, JsonNode storedTree, String field) {
    List<String> given = stored.fieldSources().get(field);
    if (given != null) {
      return given;
    }
    if (stored.source() != null && !isEmpty(storedTree.get(field))) {
      return List.of(stored.source());
    }
    return List.of();
  }

  /**
   * Merges {@code incoming} (from feed {@code source}; {@code lead} as {@link #leads} says) into
   * {@code stored}, both as JSON trees of {@link Standard}. Returns the merged tree with its {@code
   * fieldSources} and {@code source}; revision is the stored one. {@code corrected} says whether a
   * value is one that a reviewed change of the field replaced; the fields whose reviewed value was
   * kept against such a value of the feed are added to {@code keptReviewed}.
   */
  static ObjectNode merge(
      ObjectMapper json,
      Standard stored,
      JsonNode storedTree,
      JsonNode incomingTree,
      String source,
      boolean lead,
      java.util.function.BiPredicate<String, JsonNode> corrected,
      List<String> keptReviewed) {
    ObjectNode out = ((ObjectNode) storedTree).deepCopy();
    Map<String, List<String>> sources = new TreeMap<>();
    for (String field : MERGED) {
      JsonNode s = storedTree.get(field);
      JsonNode i = incomingTree.get(field);
      List<String> had = of(stored, storedTree, field);
      if (!isEmpty(s)
          && had.stream().anyMatch(SourceNames::reviewed)
          && (isEmpty(i) || i.equals(s) || corrected.test(field, i))) {
        sources.put(field, had);
        if (!isEmpty(i) && !i.equals(s)) {
          keptReviewed.add(field);
        }
        continue;
      }
      boolean own = had.stream().allMatch(n -> sameFeed(n, source));
      if (own) {
        if (i == null) {
          out.remove(field); // a field left out of JSON when default (statusInferred)
        } else {
          out.set(field, i);
        }
        if (!isEmpty(i)) {
          // Unchanged values keep the name they were given under (an earlier snapshot's).
          sources.put(field, i.equals(s) && !had.isEmpty() ? had : List.of(source));
        }
        continue;
      }
      if (isEmpty(i)) {
        if (!isEmpty(s)) {
          sources.put(field, had);
        }
        continue;
      }
      if (i.isObject() && s.isObject()) {
        boolean otherSurvives = mergeObject(out, field, (ObjectNode) s, (ObjectNode) i, lead);
        sources.put(field, names(had, source, lead, otherSurvives, out.get(field), i, s));
      } else if (i.isArray() && s.isArray()) {
        boolean otherSurvives = mergeArray(out, field, (ArrayNode) s, (ArrayNode) i, lead);
        sources.put(field, names(had, source, lead, otherSurvives, out.get(field), i, s));
      } else if (lead) {
        out.set(field, i);
        sources.put(field, List.of(source));
      } else {
        sources.put(field, had);
      }
    }
    out.set("fieldSources", json.valueToTree(sources));
    String recordSource =
        lead || stored.source() == null || sameFeed(stored.source(), source)
            ? source
            : stored.source();
    out.put("source", recordSource);
    return out;
  }

  /**
   * The feeds of a merged list or per-language field: the winner's first, then the loser's when
   * some of its entries survived.
   */
  private static List<String> names(
      List<String> had,
      String source,
      boolean lead,
      boolean otherSurvives,
      JsonNode merged,
      JsonNode incoming,
      JsonNode stored) {
    Set<String> names = new LinkedHashSet<>();
    List<String> others = had.stream().filter(n -> !sameFeed(n, source)).toList();
    if (lead) {
      names.add(source);
      if (otherSurvives) {
        names.addAll(others);
      }
    } else {
      names.addAll(others);
      if (otherSurvives) {
        names.add(source);
      } else if (had.stream().anyMatch(n -> sameFeed(n, source))) {
        // What this feed gave before is still part of the union.
        had.stream().filter(n -> sameFeed(n, source)).forEach(names::add);
      }
    }
    return List.copyOf(names);
  }

  /**
   * Language by language (or key by key): the winner's value, then the loser's keys it lacks.
   * Returns whether any of the loser's keys survived.
   */
  private static boolean mergeObject(
      ObjectNode out, String field, ObjectNode stored, ObjectNode incoming, boolean lead) {
    ObjectNode winner = lead ? incoming : stored;
    ObjectNode loser = lead ? stored : incoming;
    ObjectNode merged = winner.deepCopy();
    boolean survived = false;
    Iterator<Map.Entry<String, JsonNode>> it = loser.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!merged.has(e.getKey())) {
        merged.set(e.getKey(), e.getValue());
        survived = true;
      }
    }
    out.set(field, merged);
    return survived;
  }

  /** The winner's entries, then the loser's not among them; whether any of the loser's survived. */
  private static boolean mergeArray(
      ObjectNode out, String field, ArrayNode stored, ArrayNode incoming, boolean lead) {
    ArrayNode winner = lead ? incoming : stored;
    ArrayNode loser = lead ? stored : incoming;
    Map<JsonNode, Boolean> seen = new LinkedHashMap<>();
    winner.forEach(e -> seen.putIfAbsent(e, Boolean.TRUE));
    boolean survived = false;
    for (JsonNode e : loser) {
      if (seen.putIfAbsent(e, Boolean.TRUE) == null) {
        survived = true;
      }
    }
    if (seen.size() == stored.size() && containsAll(stored, seen.keySet())) {
      // The same entries as stored, only in another order: the list stays as it was, so that
      // importing a feed again does not reorder it.
      out.set(field, stored);
      return survived;
    }
    ArrayNode merged = out.arrayNode();
    seen.keySet().forEach(merged::add);
    out.set(field, merged);
    return survived;
  }

  private static boolean containsAll(ArrayNode list, Set<JsonNode> entries) {
    Set<JsonNode> have = new java.util.HashSet<>();
    list.forEach(have::add);
    return have.containsAll(entries);
  }

  static boolean isEmpty(JsonNode v) {
    return v == null || v.isNull() || ((v.isArray() || v.isObject()) && v.isEmpty());
  }
}
