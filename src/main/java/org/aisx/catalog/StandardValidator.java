package org.aisx.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;
import org.aisx.taxonomy.TaxonomySource;

/**
 * The rules of the record, one per field of {@link Standard#FIELDS} and each defined once, in
 * {@link #rules}: a rule reads its field's JSON value into the value the record holds, or reports
 * what is wrong with it. The messages come from the message bundles ({@code invalid.*} in {@code
 * i18n/messages_en.properties}, the language of the API), and a problem names its field and, where
 * it is short enough to quote, the value. A new field of {@link Standard} needs its rule here (the
 * constructor refuses a field without one) and its messages in the bundles, nothing else.
 */
final class StandardValidator {
  static final int MAX_SHORT = 300;
  static final int MAX_TITLE = 1_000;
  static final int MAX_TEXT = 20_000;
  static final int MAX_LIST = 200;
  static final int MAX_URL = 2_000;

  private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

  /**
   * Who wrote the record being read, which decides what it must give: a person (an API body, a
   * submission, the web form) or a feed (a feed reader's mapping, the {@code json} import).
   */
  enum Writer {
    PERSON,
    FEED
  }

  /** Reads one field of a record: its value as the record holds it, null when it is wrong. */
  @FunctionalInterface
  interface Rule {
    Object read(Field field);
  }

  /** The rule of each field of {@link Standard#FIELDS}, in that order. */
  private final Map<String, Rule> rules;

  StandardValidator(TaxonomySource taxonomy) {
    Map<String, Rule> r = new LinkedHashMap<>();
    // Follows the identifier; a given id must be the identifier's slug.
    r.put("id", f -> f.slugOf("identifier"));
    r.put("identifier", f -> f.identifier());
    r.put("identifiers", f -> f.identifiers());
    // People give a title; a feed may describe a publication without one (ISO Open Data's
    // deliverables files carry none), and its record is still a record, shown by its identifier
    // until a feed or a person gives the title.
    r.put("title", f -> f.texts(PlainText.Field.TITLE, MAX_TITLE, f.writer() == Writer.PERSON));
    r.put("abstract", f -> f.texts(PlainText.Field.ABSTRACT, MAX_TEXT, false));
    // One body, one value: "ieee" is "IEEE" (Bodies).
    r.put("sdo", f -> Bodies.usual(f.string(100, true)));
    r.put("committee", f -> f.string(MAX_SHORT, false));
    r.put("type", f -> f.choice(PublicationType::fromWire, PublicationType.values(), true));
    r.put("status", f -> f.choice(Status::fromWire, Status.values(), true));
    // Written only when true: the status was inferred from the feed's dates, not given by it.
    r.put("statusInferred", f -> Boolean.TRUE.equals(f.bool()));
    r.put("stage", f -> f.string(100, false));
    r.put("published", f -> f.date());
    // Editions are written both as strings and as numbers; kept as text.
    r.put("edition", f -> f.scalar(50));
    r.put("url", f -> f.url());
    r.put("kind", f -> f.choice(Kind::fromWire, Kind.values(), false, Kind.STANDARD));
    r.put("keywords", f -> f.strings(MAX_TITLE, true));
    for (Dimension dimension : Dimension.values()) {
      r.put(dimension.recordField(), f -> f.concepts(taxonomy.current(), dimension));
    }
    r.put("suggestions", f -> f.suggestions(taxonomy.current()));
    r.put("useCases", f -> f.useCases());
    r.put("openSource", f -> f.bool());
    r.put("codeRepository", f -> f.url());
    r.put("relations", f -> f.relations());
    // The catalogue sets them on every write: an incoming value is checked, then replaced.
    r.put("fieldSources", f -> f.fieldSources());
    r.put("source", f -> f.string(MAX_SHORT, false));
    // The store counts revisions; one given in JSON (an export read back) is not taken.
    r.put("revision", f -> 0);
    if (!List.copyOf(r.keySet()).equals(Standard.FIELDS)) {
      throw new IllegalStateException(
          "StandardValidator has rules for "
              + r.keySet()
              + " but the record's fields are "
              + Standard.FIELDS);
    }
    this.rules = Map.copyOf(r);
  }

  /**
   * Reads every field of {@code record}, a JSON object, by its rule: the values in {@link
   * Standard#FIELDS}' order, and every problem found in {@code problems}.
   *
   * @param cleanTexts whether to clean the title and abstract (JSON as people and other systems
   *     write it), or only check that they are clean (a record a feed reader built: the reader
   *     cleaned its texts, knowing how its feed writes them, and they are not cleaned twice)
   * @param writer who wrote the record: a person must give what a feed may leave out (the title)
   */
  Object[] validate(JsonNode record, boolean cleanTexts, Writer writer, List<Problem> problems) {
    record
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!rules.containsKey(name)) {
                problems.add(problem(name, "unknownField"));
              }
            });
    Object[] values = new Object[Standard.FIELDS.size()];
    for (int i = 0; i < values.length; i++) {
      String name = Standard.FIELDS.get(i);
      values[i] = rules.get(name).read(new Field(record, name, problems, cleanTexts, writer));
    }
    return values;
  }

  /**
   * The problems of {@code value} as the record's field {@code name}, by that field's rule alone
   * (none: a record may hold it): for a value given once for many records, such as the source name
   * of an import, checked before any record is read.
   */
  List<Problem> problemsOf(String name, JsonNode value) {
    List<Problem> problems = new ArrayList<>();
    rules
        .get(name)
        .read(
            new Field(
                JsonNodeFactory.instance.objectNode().set(name, value),
                name,
                problems,
                false,
                Writer.FEED));
    return problems;
  }

  /** The message {@code invalid.<key>} of the English bundle, with its arguments. */
  static Problem problem(String field, String key, Object... args) {
    return Problem.of(field, "invalid." + key, args);
  }

  static boolean validDate(String s) {
    if (!DATE.matcher(s).matches()) {
      return false;
    }
    // What YearMonth.parse and LocalDate.parse accept once the digits are in place (ISO, strict),
    // without a formatter per call.
    try {
      int year = Integer.parseInt(s, 0, 4, 10);
      if (s.length() == 7) {
        YearMonth.of(year, Integer.parseInt(s, 5, 7, 10));
      } else if (s.length() == 10) {
        LocalDate.of(year, Integer.parseInt(s, 5, 7, 10), Integer.parseInt(s, 8, 10, 10));
      }
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  /**
   * One field of one JSON object and the kinds of value it can hold: each reads the field, records
   * a problem naming it instead of throwing, and gives the value the record holds (null when the
   * field is absent or wrong).
   */
  static final class Field {
    private final JsonNode object;
    private final String name;
    private final List<Problem> problems;
    private final boolean cleanTexts;
    private final Writer writer;

    Field(JsonNode object, String name, List<Problem> problems, boolean cleanTexts, Writer writer) {
      this.object = object;
      this.name = name;
      this.problems = problems;
      this.cleanTexts = cleanTexts;
      this.writer = writer;
    }

    /** Who wrote the record this field is of. */
    Writer writer() {
      return writer;
    }

    /** Another field of the same object. */
    private Field sibling(String other) {
      return new Field(object, other, problems, cleanTexts, writer);
    }

    private JsonNode value() {
      JsonNode v = object.get(name);
      return v == null || v.isNull() ? null : v;
    }

    private void report(String key, Object... args) {
      problems.add(problem(name, key, args));
    }

    private void reportAt(String suffix, String key, Object... args) {
      problems.add(problem(name + suffix, key, args));
    }

    /** A value short enough to quote in a message, else its start. */
    private static String quoted(String value) {
      return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }

    String string(int max, boolean required) {
      JsonNode v = value();
      if (v == null || (v.isTextual() && v.asText().isBlank())) {
        if (required) {
          report("required");
        }
        return null;
      }
      if (!v.isTextual()) {
        report("notString", quoted(v.toString()));
        return null;
      }
      String s = v.asText().strip();
      if (s.length() > max) {
        report("tooLong", String.valueOf(max));
        return null;
      }
      String wrong = unsafeCharacters(s);
      if (wrong != null) {
        report(wrong);
        return null;
      }
      return s;
    }

    /**
     * Why a short field's value cannot be kept as it is, or null: a short field (an identifier, the
     * body, a committee, a relation's target, a URL, ...) is refused, never cleaned, for control
     * characters other than line breaks and tabs (C0, DEL, C1), for the direction controls and
     * marks that make one identifier display as another, and for non-characters and lone surrogates
     * (which UTF-8 cannot store as they are). Titles, abstracts and keywords are cleaned instead
     * ({@link PlainText}).
     */
    private static String unsafeCharacters(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
          return "controlCharacters";
        }
        if (PlainText.isDirectionControl(c) || PlainText.isDirectionMark(c)) {
          return "directionCharacters";
        }
        if (Character.isSurrogate(c)) {
          if (!Character.isHighSurrogate(c)
              || i + 1 >= s.length()
              || !Character.isLowSurrogate(s.charAt(i + 1))
              || PlainText.isNonCharacter(Character.toCodePoint(c, s.charAt(i + 1)))) {
            return "nonCharacters";
          }
          i++;
        } else if (PlainText.isNonCharacter(c)) {
          return "nonCharacters";
        }
      }
      return null;
    }

    /** A string or a number, kept as text. */
    String scalar(int max) {
      JsonNode v = value();
      if (v != null && v.isNumber()) {
        return v.asText();
      }
      return string(max, false);
    }

    /** A string that must match {@code pattern}, else the problem {@code invalid.<key>}. */
    String matching(int max, Pattern pattern, String key) {
      String s = string(max, false);
      if (s != null && !pattern.matcher(s).matches()) {
        report(key, quoted(s));
        return null;
      }
      return s;
    }

    String identifier() {
      String s = string(MAX_SHORT, true);
      if (s != null && Slug.of(s).isEmpty()) {
        report("noLetterOrDigit", quoted(s));
        return null;
      }
      return s;
    }

    /**
     * The slug of the field {@code of}; this field may repeat it. Null when {@code of} is not a
     * usable string: its own rule says why.
     */
    String slugOf(String of) {
      JsonNode source = object.get(of);
      String slug =
          source != null && source.isTextual() && !source.asText().isBlank()
              ? Slug.of(source.asText().strip())
              : null;
      String given = string(MAX_SHORT, false);
      if (given != null && slug != null && !slug.isEmpty() && !given.equals(slug)) {
        report("notSlug", slug);
      }
      return slug == null || slug.isEmpty() ? null : slug;
    }

    String date() {
      String s = string(10, false);
      if (s != null && !validDate(s)) {
        report("date", quoted(s));
        return null;
      }
      return s;
    }

    Boolean bool() {
      JsonNode v = value();
      if (v == null) {
        return null;
      }
      if (!v.isBoolean()) {
        report("notBoolean", quoted(v.toString()));
        return null;
      }
      return v.booleanValue();
    }

    String url() {
      String s = string(MAX_URL, false);
      if (s == null) {
        return null;
      }
      try {
        URI uri = new URI(s);
        if (uri.getScheme() == null
            || !(uri.getScheme().equalsIgnoreCase("http")
                || uri.getScheme().equalsIgnoreCase("https"))
            || uri.getHost() == null) {
          report("notHttpUrl", quoted(s));
          return null;
        }
      } catch (URISyntaxException e) {
        report("notUrl", quoted(s));
        return null;
      }
      return s;
    }

    <T> T choice(Function<String, Optional<T>> parse, Object[] allowed, boolean required) {
      return choice(parse, allowed, required, null);
    }

    /** One of {@code allowed}, by its wire name; {@code absent} when the field is not given. */
    <T> T choice(
        Function<String, Optional<T>> parse, Object[] allowed, boolean required, T absent) {
      String s = string(100, required);
      if (s == null) {
        return absent;
      }
      Optional<T> v = parse.apply(s);
      if (v.isEmpty()) {
        report(
            "notOneOf",
            quoted(s),
            Arrays.stream(allowed).map(Field::wire).collect(Collectors.joining(", ")));
        return null;
      }
      return v.get();
    }

    private static String wire(Object o) {
      if (o instanceof Status s) {
        return s.wire();
      }
      if (o instanceof PublicationType t) {
        return t.wire();
      }
      if (o instanceof Kind k) {
        return k.wire();
      }
      if (o instanceof RelationType r) {
        return r.wire();
      }
      return o.toString();
    }

    /** A text per language, cleaned as {@code kind} says or checked to be clean already. */
    Map<String, String> texts(PlainText.Field kind, int max, boolean required) {
      JsonNode v = value();
      Map<String, String> out = new LinkedHashMap<>();
      if (v == null) {
        if (required) {
          report("required");
        }
        return out;
      }
      if (v.isTextual()) {
        // A bare string is taken as English, the language of almost every feed.
        v = JsonNodeFactory.instance.objectNode().put("en", v.asText());
      }
      if (!v.isObject()) {
        report("notTexts");
        return out;
      }
      int before = problems.size();
      v.fields()
          .forEachRemaining(
              e -> {
                String lang = "." + e.getKey();
                if (!LANG.matcher(e.getKey()).matches()) {
                  reportAt(lang, "notLanguage", quoted(e.getKey()));
                } else if (!e.getValue().isTextual()) {
                  reportAt(lang, "notString", quoted(e.getValue().toString()));
                } else {
                  String raw = e.getValue().asText();
                  String text =
                      cleanTexts ? PlainText.clean(raw, kind, PlainText.Markup.TEXT) : raw;
                  if (!cleanTexts && !PlainText.isClean(text, kind)) {
                    // A feed reader's mistake: say so rather than store or clean it silently.
                    reportAt(lang, "notCleanText");
                  } else if (text != null && text.length() > max) {
                    reportAt(lang, "tooLong", String.valueOf(max));
                  } else if (text != null) {
                    out.put(e.getKey(), text);
                  }
                }
              });
      if (required && out.isEmpty() && problems.size() == before) {
        report("required");
      }
      return out;
    }

    /** The field as a list of at most {@link #MAX_LIST} entries, or null (reported if wrong). */
    private JsonNode array() {
      JsonNode v = value();
      if (v == null) {
        return null;
      }
      if (!v.isArray()) {
        report("notList");
        return null;
      }
      if (v.size() > MAX_LIST) {
        report("tooMany", String.valueOf(MAX_LIST));
        return null;
      }
      return v;
    }

    /**
     * Non-empty strings, each at most {@code max} long, stripped, without repeats.
     *
     * @param text whether they are free text (keywords: each cleaned as one line of text, as a
     *     title is, by {@link PlainText#line}; one that nothing is left of is dropped) or names
     *     (refused for what no text keeps, as a short field is)
     */
    List<String> strings(int max, boolean text) {
      JsonNode v = array();
      if (v == null) {
        return List.of();
      }
      Set<String> out = new LinkedHashSet<>();
      for (int i = 0; i < v.size(); i++) {
        JsonNode e = v.get(i);
        String at = "[" + i + "]";
        if (!e.isTextual() || e.asText().isBlank()) {
          reportAt(at, "notNonEmptyString");
        } else if (e.asText().length() > max) {
          reportAt(at, "tooLong", String.valueOf(max));
        } else if (!text && unsafeCharacters(e.asText()) != null) {
          reportAt(at, unsafeCharacters(e.asText()));
        } else {
          String word = text ? PlainText.line(e.asText()) : e.asText().strip();
          if (word != null && !word.isEmpty()) {
            out.add(word);
          }
        }
      }
      return List.copyOf(out);
    }

    /** Identifiers of concepts of {@code dimension} of the taxonomy. */
    List<String> concepts(Taxonomy taxonomy, Dimension dimension) {
      List<String> ids = strings(100, false);
      List<String> known = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        if (taxonomy.contains(dimension, ids.get(i))) {
          known.add(ids.get(i));
        } else {
          reportAt("[" + i + "]", "notConcept", quoted(ids.get(i)), dimension.id());
        }
      }
      return known;
    }

    /**
     * The objects of this list field, each read by {@code entry} from a {@link Field} whose
     * problems are reported under {@code name[index].}; a null entry value is left out.
     */
    private <T> List<T> entries(Function<Entry, T> entry) {
      JsonNode v = array();
      List<T> out = new ArrayList<>();
      if (v == null) {
        return out;
      }
      for (int i = 0; i < v.size(); i++) {
        JsonNode e = v.get(i);
        if (!e.isObject()) {
          reportAt("[" + i + "]", "notObject");
          continue;
        }
        T value = entry.apply(new Entry(e, new Prefixed(problems, name, i)));
        if (value != null) {
          out.add(value);
        }
      }
      return out;
    }

    List<Relation> relations() {
      return entries(
          e -> {
            RelationType type =
                e.field("type").choice(RelationType::fromWire, RelationType.values(), true);
            String target = e.field("target").string(MAX_SHORT, true);
            if (type == null || target == null) {
              return null;
            }
            Relation relation = Relation.of(type, target);
            if (relation.targetId().isEmpty()) {
              e.field("target").report("noLetterOrDigit", quoted(target));
              return null;
            }
            return relation;
          });
    }

    List<Identifier> identifiers() {
      return entries(
          e -> {
            String type = e.field("type").string(50, true);
            String value = e.field("value").string(MAX_SHORT, true);
            return type == null || value == null ? null : new Identifier(type, value);
          });
    }

    List<UseCase> useCases() {
      return entries(
          e -> {
            String description = e.field("description").string(MAX_TITLE, true);
            String url = e.field("url").url();
            return description == null ? null : new UseCase(description, url);
          });
    }

    /**
     * Field name → the feeds its value came from: every name a field of the record that a feed
     * gives ({@link FieldSources#MERGED}), every feed a non-empty string.
     */
    Map<String, List<String>> fieldSources() {
      JsonNode v = value();
      Map<String, List<String>> out = new LinkedHashMap<>();
      if (v == null) {
        return out;
      }
      if (!v.isObject()) {
        report("notFieldSources");
        return out;
      }
      v.fields()
          .forEachRemaining(
              e -> {
                if (!FieldSources.MERGED.contains(e.getKey())) {
                  reportAt("." + e.getKey(), "notMergedField", quoted(e.getKey()));
                  return;
                }
                Field feeds =
                    new Field(v, e.getKey(), new Prefixed(problems, name, -1), false, writer);
                List<String> names = feeds.strings(MAX_SHORT, false);
                if (names.isEmpty() && feeds.value() != null && feeds.value().isArray()) {
                  reportAt("." + e.getKey(), "notNonEmptyList");
                }
                out.put(e.getKey(), names);
              });
      return out;
    }

    Map<String, List<Suggestion>> suggestions(Taxonomy taxonomy) {
      JsonNode v = value();
      Map<String, List<Suggestion>> out = new LinkedHashMap<>();
      if (v == null) {
        return out;
      }
      if (!v.isObject()) {
        report("notSuggestions");
        return out;
      }
      v.fields()
          .forEachRemaining(
              e -> {
                Optional<Dimension> dimension = Dimension.fromId(e.getKey());
                if (dimension.isEmpty()) {
                  reportAt("." + e.getKey(), "notDimension", quoted(e.getKey()));
                  return;
                }
                Field list =
                    new Field(v, e.getKey(), new Prefixed(problems, name, -1), false, writer);
                out.put(
                    dimension.get().id(),
                    List.copyOf(list.entries(s -> s.suggestion(taxonomy, dimension.get()))));
              });
      return out;
    }
  }

  /** Entry {@code index} of a list field: an object whose fields report under the entry's path. */
  private static final class Entry {
    private final JsonNode object;
    private final List<Problem> problems;

    Entry(JsonNode object, List<Problem> problems) {
      this.object = object;
      this.problems = problems;
    }

    Field field(String name) {
      // An entry's fields (a relation's type and target, ...) are required whoever writes.
      return new Field(object, name, problems, false, Writer.PERSON);
    }

    Suggestion suggestion(Taxonomy taxonomy, Dimension dimension) {
      String concept = field("concept").string(100, true);
      String evidence = field("evidence").string(MAX_TITLE, false);
      JsonNode score = object.get("score");
      if (concept != null && !taxonomy.contains(dimension, concept)) {
        field("concept").report("notConcept", Field.quoted(concept), dimension.id());
        return null;
      }
      if (score == null || !score.isNumber() || score.asDouble() < 0 || score.asDouble() > 1) {
        field("score").report("notScore");
        return null;
      }
      // The words of the evidence that name the concept: kept, so that a record read back from
      // its export (JSON or CSV) is the record.
      List<String> terms = field("terms").strings(MAX_SHORT, true);
      return concept == null ? null : new Suggestion(concept, score.asDouble(), evidence, terms);
    }
  }

  /**
   * Adds a path ({@code relations[3].}, or {@code suggestions.} when {@code index} is negative)
   * before the field of every problem reported through it; the path is only written when there is a
   * problem (records have many entries).
   */
  private static final class Prefixed extends AbstractList<Problem> {
    private final List<Problem> target;
    private final String list;
    private final int index;

    Prefixed(List<Problem> target, String list, int index) {
      this.target = target;
      this.list = list;
      this.index = index;
    }

    @Override
    public boolean add(Problem p) {
      String path = index < 0 ? list + "." : list + "[" + index + "].";
      return target.add(new Problem(path + p.field(), p.problem(), p.key(), p.args()));
    }

    @Override
    public Problem get(int index) {
      return target.get(index);
    }

    @Override
    public int size() {
      return target.size();
    }
  }
}
