package org.aisx.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Json;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;

/**
 * The columns of the CSV template, one for every field of the record ({@link Standard#FIELDS}, in
 * that order), so that a CSV export carries the whole record and imports again to the same record,
 * as the JSON format does; a new field of {@link Standard} has its column without anything written
 * here. How a field is written in a cell follows from its Java type ({@link Shape}):
 *
 * <ul>
 *   <li>the column is the field's JSON name in snake case ({@code openSource} is {@code
 *       open_source}, {@code statusInferred} {@code status_inferred});
 *   <li>a text per language ({@code title}, {@code abstract}) has one column per language: {@code
 *       title_en}, {@code title_fr}, {@code abstract_ja}, ...;
 *   <li>a list of strings is one cell, its items separated by ";" ({@link CsvReader#listCell});
 *   <li>relations and secondary identifiers are such lists of {@code type:target} and {@code
 *       type:value} items, the type before the first colon;
 *   <li>a yes/no field is {@code yes} or {@code no}; an enumeration its wire name, read without
 *       regard to case; the other single values as JSON writes them;
 *   <li>anything else (machine suggestions, use cases, field provenance) is the field's JSON.
 * </ul>
 *
 * An empty cell is an absent value. Everything a cell holds is then checked by the catalogue as the
 * same record in JSON would be.
 */
public final class CsvColumns {
  private static final ObjectMapper JSON = Json.mapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A language code in a column name: {@code en}, {@code fr}, {@code zh-Hant}. */
  private static final Pattern LANGUAGE = Pattern.compile("([A-Za-z]{2,3})(-[A-Za-z0-9]{2,8})?");

  private static final Pattern PAIR_TYPE = Pattern.compile("[A-Za-z-]+");

  /** How a field's value is written in its cell, from the field's Java type. */
  enum Shape {
    /** A string, as it is. */
    TEXT,
    /** A whole number. */
    NUMBER,
    /** One of an enumeration's wire names, read without regard to case. */
    CHOICE,
    /** yes or no (also true/false, y/n). */
    FLAG,
    /** A text per language: one column per language, {@code <column>_<language>}. */
    PER_LANGUAGE,
    /** Strings separated by ";". */
    LIST,
    /** {@code a:b} items separated by ";" ({@link Pair}). */
    PAIRS,
    /** The field's JSON. */
    JSON
  }

  /**
   * A list of values written as {@code a:b} items: the JSON names of the two parts, an example for
   * messages, and the first part's values when it is an enumeration (read without regard to case;
   * empty when it is free text).
   */
  record Pair(String first, String second, String example, List<String> firstChoices) {}

  /** The values written as pairs, by their Java class. */
  private static final Map<Class<?>, Pair> PAIRS =
      Map.of(
          Relation.class,
          new Pair("type", "target", "replaces:ISO/IEC 22989:2022", wireNames(RelationType.class)),
          Identifier.class,
          new Pair("type", "value", "DOI:10.1109/IEEESTD.2021.9536679", List.of()));

  /**
   * One field of the record as the template writes it.
   *
   * @param field its JSON name
   * @param column its column, or for a text per language the prefix of its columns
   * @param choices the wire names of an enumeration, in declaration order
   */
  record FieldColumn(String field, String column, Shape shape, List<String> choices, Pair pair) {
    /** The column of {@code language}, for a text per language. */
    String column(String language) {
      return column + "_" + language;
    }
  }

  /** Every field of the record, in {@link Standard#FIELDS}' order. */
  static final List<FieldColumn> FIELDS = fields();

  private CsvColumns() {}

  private static List<FieldColumn> fields() {
    RecordComponent[] components = Standard.class.getRecordComponents();
    List<FieldColumn> out = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      String field = Standard.FIELDS.get(i);
      out.add(column(field, components[i].getType(), components[i].getGenericType()));
    }
    return List.copyOf(out);
  }

  private static FieldColumn column(String field, Class<?> raw, Type generic) {
    String column = snakeCase(field);
    if (raw == String.class) {
      return new FieldColumn(field, column, Shape.TEXT, List.of(), null);
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
      return new FieldColumn(field, column, Shape.NUMBER, List.of(), null);
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return new FieldColumn(field, column, Shape.FLAG, List.of(), null);
    }
    if (raw.isEnum()) {
      return new FieldColumn(field, column, Shape.CHOICE, wireNames(raw), null);
    }
    Type[] args = generic instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
    if (raw == Map.class
        && args.length == 2
        && args[0] == String.class
        && args[1] == String.class) {
      return new FieldColumn(field, column, Shape.PER_LANGUAGE, List.of(), null);
    }
    if (raw == List.class && args.length == 1 && args[0] == String.class) {
      return new FieldColumn(field, column, Shape.LIST, List.of(), null);
    }
    if (raw == List.class && args.length == 1 && PAIRS.containsKey(args[0])) {
      return new FieldColumn(field, column, Shape.PAIRS, List.of(), PAIRS.get(args[0]));
    }
    return new FieldColumn(field, column, Shape.JSON, List.of(), null);
  }

  /** {@code openSource} → {@code open_source}. */
  static String snakeCase(String field) {
    return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static List<String> wireNames(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(c -> JSON.convertValue(c, String.class))
        .toList();
  }

  /**
   * The header of an export whose records hold titles or abstracts in {@code languages}: every
   * field's column in {@link Standard#FIELDS}' order, a text per language with a column for each
   * language, English first and the others in alphabetical order.
   */
  public static List<String> header(Collection<String> languages) {
    List<String> langs = new ArrayList<>(new java.util.TreeSet<>(languages));
    if (langs.remove("en")) {
      langs.add(0, "en");
    }
    List<String> out = new ArrayList<>();
    for (FieldColumn f : FIELDS) {
      if (f.shape() == Shape.PER_LANGUAGE) {
        langs.forEach(l -> out.add(f.column(l)));
      } else {
        out.add(f.column());
      }
    }
    return List.copyOf(out);
  }

  /** The columns as a message lists them: per-language columns once, as {@code title_LANGUAGE}. */
  static String described() {
    List<String> out = new ArrayList<>();
    for (FieldColumn f : FIELDS) {
      out.add(f.shape() == Shape.PER_LANGUAGE ? f.column("LANGUAGE") : f.column());
    }
    return String.join(", ", out)
        + " (LANGUAGE: a language code, e.g. title_en, title_fr, abstract_ja)";
  }

  /** The languages of the texts per language of {@code s} (its titles' and abstracts'). */
  public static java.util.Set<String> languages(Standard s) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    JsonNode tree = JSON.valueToTree(s);
    for (FieldColumn f : FIELDS) {
      if (f.shape() == Shape.PER_LANGUAGE && tree.get(f.field()) != null) {
        tree.get(f.field()).fieldNames().forEachRemaining(out::add);
      }
    }
    return out;
  }

  /**
   * One column of a header: the field and, for a text per language, the language. Empty for a name
   * that is no column. Field names are read without regard to case; a language's first part is
   * lower-cased ({@code Title_EN} is {@code title_en}), its other parts kept as written.
   */
  record Named(FieldColumn field, String language) {
    /** The column's name as the template writes it. */
    String name() {
      return language == null ? field.column() : field.column(language);
    }
  }

  static Optional<Named> named(String header) {
    String name = header.strip();
    String lower = name.toLowerCase(Locale.ROOT);
    for (FieldColumn f : FIELDS) {
      if (f.shape() != Shape.PER_LANGUAGE) {
        if (lower.equals(f.column())) {
          return Optional.of(new Named(f, null));
        }
      } else if (lower.startsWith(f.column() + "_")) {
        Matcher m = LANGUAGE.matcher(name.substring(f.column().length() + 1));
        if (m.matches()) {
          String lang =
              m.group(1).toLowerCase(Locale.ROOT) + (m.group(2) == null ? "" : m.group(2));
          return Optional.of(new Named(f, lang));
        }
      }
    }
    return Optional.empty();
  }

  /** The cells of {@code s} under {@code header} ({@link #header}); null for an empty cell. */
  public static List<String> row(Standard s, List<String> header) {
    JsonNode tree = JSON.valueToTree(s);
    List<String> out = new ArrayList<>(header.size());
    for (String column : header) {
      Named named =
          named(column).orElseThrow(() -> new IllegalArgumentException("no CSV column " + column));
      JsonNode v = tree.get(named.field().field());
      if (named.language() != null) {
        v = v == null ? null : v.get(named.language());
      }
      out.add(cell(named.field(), v));
    }
    return out;
  }

  private static String cell(FieldColumn f, JsonNode v) {
    if (v == null || v.isNull() || ((v.isArray() || v.isObject()) && v.isEmpty())) {
      return null;
    }
    return switch (f.shape()) {
      case TEXT, NUMBER, CHOICE, PER_LANGUAGE -> v.asText();
      case FLAG -> v.asBoolean() ? "yes" : "no";
      case LIST -> {
        List<String> items = new ArrayList<>();
        v.forEach(e -> items.add(e.asText()));
        yield CsvReader.listCell(items);
      }
      case PAIRS -> {
        List<String> items = new ArrayList<>();
        v.forEach(
            e ->
                items.add(
                    e.path(f.pair().first()).asText() + ":" + e.path(f.pair().second()).asText()));
        yield CsvReader.listCell(items);
      }
      case JSON -> {
        try {
          yield JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("cannot write " + f.field() + " as JSON", e);
        }
      }
    };
  }

  /**
   * The record a row's cells make, as JSON (the form {@code import --format json} reads): each
   * non-empty cell, by its column, read into its field. What a cell holds that its shape cannot
   * read (an enumerated value not among its values, a pair without its colon, JSON that is not
   * JSON) is added to {@code problems} as {@code column NAME: ...}, every one of them.
   *
   * @param cells non-empty cells by column
   */
  static ObjectNode record(Map<Named, String> cells, List<Problem> problems) {
    ObjectNode out = F.objectNode();
    Map<String, ObjectNode> texts = new LinkedHashMap<>();
    for (FieldColumn f : FIELDS) {
      for (Map.Entry<Named, String> cell : cells.entrySet()) {
        if (cell.getKey().field() != f) {
          continue;
        }
        String column = cell.getKey().name();
        String v = cell.getValue();
        switch (f.shape()) {
          case TEXT -> out.put(f.field(), v);
          case NUMBER -> {
            if (v.matches("-?\\d{1,9}")) {
              out.put(f.field(), Integer.parseInt(v));
            } else {
              problems.add(Problem.of("column " + column, "import.problem.notWholeNumber", v));
            }
          }
          case CHOICE -> {
            String lower = v.toLowerCase(Locale.ROOT);
            if (f.choices().contains(lower)) {
              out.put(f.field(), lower);
            } else {
              problems.add(notOneOf(column, v, f.choices()));
            }
          }
          case FLAG -> {
            switch (v.toLowerCase(Locale.ROOT)) {
              case "yes", "true", "y" -> out.put(f.field(), true);
              case "no", "false", "n" -> out.put(f.field(), false);
              default -> problems.add(notOneOf(column, v, List.of("yes", "no")));
            }
          }
          case PER_LANGUAGE -> {
            String text = text(f.field(), v);
            if (text != null) {
              texts
                  .computeIfAbsent(f.field(), k -> F.objectNode())
                  .put(cell.getKey().language(), text);
            }
          }
          case LIST -> {
            ArrayNode list = out.putArray(f.field());
            CsvReader.list(v).forEach(list::add);
          }
          case PAIRS -> out.set(f.field(), pairs(column, f.pair(), v, problems));
          case JSON -> {
            try {
              out.set(f.field(), JSON.readTree(v));
            } catch (JsonProcessingException e) {
              problems.add(
                  Problem.of("column " + column, "import.problem.notJson", e.getOriginalMessage()));
            }
          }
        }
      }
    }
    texts.forEach(out::set);
    return out;
  }

  /**
   * A title or abstract cell as clean text: plain text, whose line breaks are kept where the field
   * keeps them ({@link PlainText.Field}).
   */
  private static String text(String field, String cell) {
    PlainText.Field kind =
        Arrays.stream(PlainText.Field.values())
            .filter(k -> k.wire().equals(field))
            .findFirst()
            .orElse(PlainText.Field.TITLE);
    return PlainText.clean(cell, kind, PlainText.Markup.TEXT);
  }

  private static ArrayNode pairs(String column, Pair pair, String cell, List<Problem> problems) {
    ArrayNode out = F.arrayNode();
    java.util.Set<JsonNode> seen = new java.util.HashSet<>();
    for (String item : CsvReader.list(cell)) {
      int colon = item.indexOf(':');
      String first = colon <= 0 ? "" : item.substring(0, colon).strip();
      String second = colon <= 0 ? "" : item.substring(colon + 1).strip();
      boolean choice = !pair.firstChoices().isEmpty();
      if (first.isEmpty() || second.isEmpty() || (choice && !PAIR_TYPE.matcher(first).matches())) {
        problems.add(
            Problem.of(
                "column " + column,
                "import.problem.notPair",
                item,
                pair.first(),
                pair.second(),
                pair.example()));
        continue;
      }
      if (choice) {
        if (!pair.firstChoices().contains(first.toLowerCase(Locale.ROOT))) {
          problems.add(notOneOf(column, first, pair.firstChoices()));
          continue;
        }
        first = first.toLowerCase(Locale.ROOT);
      }
      ObjectNode e = F.objectNode().put(pair.first(), first).put(pair.second(), second);
      if (seen.add(e)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Problem notOneOf(String column, String value, List<String> allowed) {
    return Problem.of(
        "column " + column, "import.problem.notOneOf", value, String.join(", ", allowed));
  }

  /**
   * The record of {@link #record} as a {@link Standard}, for the catalogue's checks; a field whose
   * JSON cannot be the field's value at all (a list where an object belongs) is added to {@code
   * problems} naming its column, and the result is then null.
   */
  static Standard standard(ObjectNode record, List<Problem> problems) {
    RecordComponent[] components = Standard.class.getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      FieldColumn f = FIELDS.get(i);
      JsonNode v = record.get(f.field());
      if (f.shape() != Shape.JSON || v == null) {
        continue;
      }
      try {
        JSON.convertValue(v, JSON.constructType(components[i].getGenericType()));
      } catch (IllegalArgumentException e) {
        problems.add(
            Problem.of(
                "column " + f.column(), "import.problem.notJsonOf", f.field(), firstLine(e)));
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return JSON.treeToValue(record, Standard.class);
    } catch (JsonProcessingException e) {
      problems.add(Problem.of("", "import.problem.notRecord", firstLine(e)));
      return null;
    }
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
