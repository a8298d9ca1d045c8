package org.aisx.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;

/**
 * Reads one record from its JSON form (the {@code json} import format, API request bodies) and
 * validates it. Every problem is collected and reported with the field it concerns, so a
 * contributor fixes them all at once instead of one per attempt.
 */
public final class StandardReader {
  private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

  /** The record's fields as JSON names them: {@link Standard}'s components, in order. */
  private static final Set<String> FIELDS = Set.copyOf(Standard.FIELDS);

  static final int MAX_SHORT = 300;
  static final int MAX_TITLE = 1_000;
  static final int MAX_TEXT = 20_000;
  static final int MAX_LIST = 200;

  /**
   * Builds the JSON tree of a mapped record; one mapper for the process, since a mapper built per
   * record would introspect Standard again each time (twice the CPU of a whole import).
   */
  private static final com.fasterxml.jackson.databind.ObjectMapper TREES = Json.mapper();

  private final Taxonomy taxonomy;

  public StandardReader(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /**
   * Validates a record built in code (a feed mapper's) exactly as its JSON form would be.
   *
   * @throws CatalogException.Invalid naming every field that is missing, of the wrong type or out
   *     of range
   */
  public Standard read(Standard record) {
    return read(TREES.<JsonNode>valueToTree(record), false);
  }

  /**
   * Reads a record written as JSON (the {@code json} import, API bodies, submissions): its title
   * and abstract are cleaned here ({@link PlainText}, as plain text), the only time they are.
   *
   * @throws CatalogException.Invalid naming every field that is missing, of the wrong type or out
   *     of range
   */
  public Standard read(JsonNode node) {
    return read(node, true);
  }

  /**
   * @param cleanTexts whether to clean the title and abstract (JSON as people and other systems
   *     write it), or only check that they are clean (a record a feed reader built: the reader
   *     cleaned its texts, knowing how its feed writes them, and they are not cleaned twice)
   */
  private Standard read(JsonNode node, boolean cleanTexts) {
    List<Problem> problems = new ArrayList<>();
    if (node == null || !node.isObject()) {
      throw new CatalogException.Invalid(
          "record", List.of(new Problem("record", "must be a JSON object")));
    }
    node.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) {
                problems.add(new Problem(f, "unknown field"));
              }
            });
    Fields f = new Fields(node, problems, cleanTexts);
    String identifier = f.string("identifier", MAX_SHORT, true);
    String slug = identifier == null ? null : Slug.of(identifier);
    if (slug != null && slug.isEmpty()) {
      problems.add(new Problem("identifier", "must contain at least one letter or digit"));
    }
    String id = f.string("id", MAX_SHORT, false);
    if (id != null && slug != null && !id.equals(slug)) {
      problems.add(new Problem("id", "must be the slug of the identifier: " + slug));
    }
    Map<String, String> title = f.texts(PlainText.Field.TITLE, MAX_TITLE, true);
    Map<String, String> summary = f.texts(PlainText.Field.ABSTRACT, MAX_TEXT, false);
    String sdo = f.string("sdo", 100, true);
    String committee = f.string("committee", MAX_SHORT, false);
    PublicationType type =
        f.choice("type", PublicationType::fromWire, PublicationType.values(), true);
    Status status = f.choice("status", Status::fromWire, Status.values(), true);
    String stage = f.string("stage", 100, false);
    String published = f.string("published", 10, false);
    if (published != null && !validDate(published)) {
      problems.add(new Problem("published", "must be a date YYYY, YYYY-MM or YYYY-MM-DD"));
    }
    String edition = f.scalar("edition", 50);
    String url = f.url("url");
    Kind kind = f.choice("kind", Kind::fromWire, Kind.values(), false);
    List<String> keywords = f.strings("keywords", MAX_TITLE);
    Map<Dimension, List<String>> concepts = new LinkedHashMap<>();
    for (Dimension dim : Dimension.values()) {
      List<String> ids = f.strings(dim.recordField(), 100);
      for (int i = 0; i < ids.size(); i++) {
        if (!taxonomy.contains(dim, ids.get(i))) {
          problems.add(
              new Problem(
                  dim.recordField() + "[" + i + "]",
                  "'" + ids.get(i) + "' is not a concept of " + dim.id()));
        }
      }
      concepts.put(dim, ids);
    }
    Map<String, List<Suggestion>> suggestions = f.suggestions(taxonomy);
    List<UseCase> useCases = f.useCases();
    Boolean openSource = f.bool("openSource");
    String codeRepository = f.url("codeRepository");
    List<Relation> relations = f.relations();
    List<Identifier> identifiers = f.identifiers();
    Map<String, List<String>> fieldSources = f.fieldSources();
    String source = f.string("source", MAX_SHORT, false);
    if (!problems.isEmpty()) {
      String what = identifier == null ? "record" : "record " + identifier;
      throw new CatalogException.Invalid(what, problems);
    }
    return Standard.builder(identifier)
        .identifiers(identifiers)
        .title(title)
        .summary(summary)
        .sdo(sdo)
        .committee(committee)
        .type(type)
        .status(status)
        .stage(stage)
        .published(published)
        .edition(edition)
        .url(url)
        .kind(kind == null ? Kind.STANDARD : kind)
        .keywords(keywords)
        .verticals(concepts.get(Dimension.VERTICAL))
        .activities(concepts.get(Dimension.ACTIVITY))
        .applications(concepts.get(Dimension.APPLICATION))
        .concerns(concepts.get(Dimension.CONCERN))
        .suggestions(suggestions)
        .useCases(useCases)
        .openSource(openSource)
        .codeRepository(codeRepository)
        .relations(relations)
        .fieldSources(fieldSources)
        .source(source)
        .build();
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
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  /** Typed access to one object's fields, recording a problem instead of throwing. */
  private static final class Fields {
    private final JsonNode node;
    private final List<Problem> problems;
    private final boolean cleanTexts;

    Fields(JsonNode node, List<Problem> problems, boolean cleanTexts) {
      this.node = node;
      this.problems = problems;
      this.cleanTexts = cleanTexts;
    }

    private JsonNode get(String field) {
      JsonNode v = node.get(field);
      return v == null || v.isNull() ? null : v;
    }

    String string(String field, int max, boolean required) {
      JsonNode v = get(field);
      if (v == null || (v.isTextual() && v.asText().isBlank())) {
        if (required) {
          problems.add(new Problem(field, "required"));
        }
        return null;
      }
      if (!v.isTextual()) {
        problems.add(new Problem(field, "must be a string"));
        return null;
      }
      String s = v.asText().strip();
      if (s.length() > max) {
        problems.add(new Problem(field, "longer than " + max + " characters"));
        return null;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x20 && c != '\n' && c != '\t') {
          problems.add(new Problem(field, "contains control characters"));
          return null;
        }
      }
      return s;
    }

    /** A string or a number, kept as text (editions are written both ways). */
    String scalar(String field, int max) {
      JsonNode v = get(field);
      if (v != null && v.isNumber()) {
        return v.asText();
      }
      return string(field, max, false);
    }

    Boolean bool(String field) {
      JsonNode v = get(field);
      if (v == null) {
        return null;
      }
      if (!v.isBoolean()) {
        problems.add(new Problem(field, "must be true or false"));
        return null;
      }
      return v.booleanValue();
    }

    String url(String field) {
      String s = string(field, 2_000, false);
      if (s == null) {
        return null;
      }
      try {
        URI uri = new URI(s);
        if (uri.getScheme() == null
            || !(uri.getScheme().equalsIgnoreCase("http")
                || uri.getScheme().equalsIgnoreCase("https"))
            || uri.getHost() == null) {
          problems.add(new Problem(field, "must be an absolute http or https URL"));
          return null;
        }
      } catch (Exception e) {
        problems.add(new Problem(field, "is not a valid URL"));
        return null;
      }
      return s;
    }

    <T> T choice(
        String field, Function<String, Optional<T>> parse, Object[] allowed, boolean required) {
      String s = string(field, 100, required);
      if (s == null) {
        return null;
      }
      Optional<T> v = parse.apply(s);
      if (v.isEmpty()) {
        List<String> names = new ArrayList<>();
        for (Object a : allowed) {
          names.add(a instanceof Status st ? st.wire() : wire(a));
        }
        problems.add(new Problem(field, "'" + s + "' is not one of " + String.join(", ", names)));
        return null;
      }
      return v.get();
    }

    private static String wire(Object o) {
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
      String field = kind.wire();
      JsonNode v = get(field);
      Map<String, String> out = new LinkedHashMap<>();
      if (v == null) {
        if (required) {
          problems.add(new Problem(field, "required"));
        }
        return out;
      }
      if (v.isTextual()) {
        // A bare string is taken as English, the language of almost every feed.
        v =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("en", v.asText());
      }
      if (!v.isObject()) {
        problems.add(new Problem(field, "must be an object of language code to text"));
        return out;
      }
      v.fields()
          .forEachRemaining(
              e -> {
                if (!LANG.matcher(e.getKey()).matches()) {
                  problems.add(
                      new Problem(
                          field + "." + e.getKey(), "not a language code such as en or fr"));
                } else if (!e.getValue().isTextual()) {
                  problems.add(new Problem(field + "." + e.getKey(), "must be a string"));
                } else {
                  String raw = e.getValue().asText();
                  String text =
                      cleanTexts ? PlainText.clean(raw, kind, PlainText.Markup.TEXT) : raw;
                  if (!cleanTexts && !PlainText.isClean(text, kind)) {
                    // A feed reader's mistake: say so rather than store or clean it silently.
                    problems.add(
                        new Problem(
                            field + "." + e.getKey(),
                            "is not clean text (the feed reader must clean it with PlainText)"));
                  } else if (text != null && text.length() > max) {
                    problems.add(
                        new Problem(
                            field + "." + e.getKey(), "longer than " + max + " characters"));
                  } else if (text != null) {
                    out.put(e.getKey(), text);
                  }
                }
              });
      if (required
          && out.isEmpty()
          && problems.stream().noneMatch(p -> p.field().startsWith(field))) {
        problems.add(new Problem(field, "required"));
      }
      return out;
    }

    private JsonNode array(String field) {
      JsonNode v = get(field);
      if (v == null) {
        return null;
      }
      if (!v.isArray()) {
        problems.add(new Problem(field, "must be a list"));
        return null;
      }
      if (v.size() > MAX_LIST) {
        problems.add(new Problem(field, "more than " + MAX_LIST + " entries"));
        return null;
      }
      return v;
    }

    List<String> strings(String field, int max) {
      JsonNode v = array(field);
      Set<String> out = new LinkedHashSet<>();
      if (v == null) {
        return List.of();
      }
      for (int i = 0; i < v.size(); i++) {
        JsonNode e = v.get(i);
        if (!e.isTextual() || e.asText().isBlank()) {
          problems.add(new Problem(field + "[" + i + "]", "must be a non-empty string"));
        } else if (e.asText().length() > max) {
          problems.add(new Problem(field + "[" + i + "]", "longer than " + max + " characters"));
        } else {
          out.add(e.asText().strip());
        }
      }
      return List.copyOf(out);
    }

    /**
     * Field name → the feeds its value came from: every name a field of the record that a feed
     * gives, every feed a non-empty string. The catalogue sets them on every write (an incoming
     * value is checked, then replaced).
     */
    Map<String, List<String>> fieldSources() {
      JsonNode v = get("fieldSources");
      Map<String, List<String>> out = new LinkedHashMap<>();
      if (v == null) {
        return out;
      }
      if (!v.isObject()) {
        problems.add(new Problem("fieldSources", "must be an object of field name to feeds"));
        return out;
      }
      v.fields()
          .forEachRemaining(
              e -> {
                String field = "fieldSources." + e.getKey();
                if (!FieldSources.MERGED.contains(e.getKey())) {
                  problems.add(
                      new Problem(field, "'" + e.getKey() + "' is not a field a feed gives"));
                  return;
                }
                List<String> feeds = new ArrayList<>();
                JsonNode list = e.getValue();
                if (!list.isArray() || list.isEmpty()) {
                  problems.add(new Problem(field, "must be a non-empty list of feed names"));
                  return;
                }
                for (int i = 0; i < list.size(); i++) {
                  JsonNode n = list.get(i);
                  if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > MAX_SHORT) {
                    problems.add(
                        new Problem(
                            field + "[" + i + "]",
                            "must be a feed name of 1 to " + MAX_SHORT + " characters"));
                  } else {
                    feeds.add(n.asText().strip());
                  }
                }
                out.put(e.getKey(), feeds);
              });
      return out;
    }

    List<Relation> relations() {
      JsonNode v = array("relations");
      List<Relation> out = new ArrayList<>();
      if (v == null) {
        return out;
      }
      for (int i = 0; i < v.size(); i++) {
        Fields r = new Fields(v.get(i), problems, cleanTexts).entry("relations", i);
        if (r == null) {
          continue;
        }
        RelationType type = r.choice("type", RelationType::fromWire, RelationType.values(), true);
        String target = r.string("target", MAX_SHORT, true);
        if (type != null && target != null) {
          Relation relation = Relation.of(type, target);
          if (relation.targetId().isEmpty()) {
            problems.add(
                new Problem("relations[" + i + "].target", "must contain a letter or digit"));
          } else {
            out.add(relation);
          }
        }
      }
      return out;
    }

    List<Identifier> identifiers() {
      JsonNode v = array("identifiers");
      List<Identifier> out = new ArrayList<>();
      if (v == null) {
        return out;
      }
      for (int i = 0; i < v.size(); i++) {
        Fields r = new Fields(v.get(i), problems, cleanTexts).entry("identifiers", i);
        if (r == null) {
          continue;
        }
        String type = r.string("type", 50, true);
        String value = r.string("value", MAX_SHORT, true);
        if (type != null && value != null) {
          out.add(new Identifier(type, value));
        }
      }
      return out;
    }

    List<UseCase> useCases() {
      JsonNode v = array("useCases");
      List<UseCase> out = new ArrayList<>();
      if (v == null) {
        return out;
      }
      for (int i = 0; i < v.size(); i++) {
        Fields r = new Fields(v.get(i), problems, cleanTexts).entry("useCases", i);
        if (r == null) {
          continue;
        }
        String description = r.string("description", MAX_TITLE, true);
        String url = r.url("url");
        if (description != null) {
          out.add(new UseCase(description, url));
        }
      }
      return out;
    }

    Map<String, List<Suggestion>> suggestions(Taxonomy taxonomy) {
      JsonNode v = get("suggestions");
      Map<String, List<Suggestion>> out = new LinkedHashMap<>();
      if (v == null) {
        return out;
      }
      if (!v.isObject()) {
        problems.add(new Problem("suggestions", "must be an object of dimension to suggestions"));
        return out;
      }
      v.fields()
          .forEachRemaining(
              e -> {
                String path = "suggestions." + e.getKey();
                Optional<Dimension> dim = Dimension.fromId(e.getKey());
                if (dim.isEmpty()) {
                  problems.add(new Problem(path, "not a taxonomy dimension"));
                  return;
                }
                if (!e.getValue().isArray()) {
                  problems.add(new Problem(path, "must be a list"));
                  return;
                }
                List<Suggestion> list = new ArrayList<>();
                for (int i = 0; i < e.getValue().size(); i++) {
                  String p = path + "[" + i + "]";
                  Fields s = new Fields(e.getValue().get(i), problems, cleanTexts).entry(path, i);
                  if (s == null) {
                    continue;
                  }
                  String concept = s.string("concept", 100, true);
                  JsonNode score = s.node.get("score");
                  String evidence = s.string("evidence", MAX_TITLE, false);
                  if (concept != null && !taxonomy.contains(dim.get(), concept)) {
                    problems.add(
                        new Problem(
                            p + ".concept",
                            "'" + concept + "' is not a concept of " + dim.get().id()));
                  } else if (score == null
                      || !score.isNumber()
                      || score.asDouble() < 0
                      || score.asDouble() > 1) {
                    problems.add(new Problem(p + ".score", "must be a number from 0 to 1"));
                  } else if (concept != null) {
                    list.add(new Suggestion(concept, score.asDouble(), evidence));
                  }
                }
                out.put(dim.get().id(), List.copyOf(list));
              });
      return out;
    }

    /**
     * The same accessors for entry {@code index} of the list {@code list}, an object whose problems
     * are reported under {@code list[index]}.
     */
    private Fields entry(String list, int index) {
      if (!node.isObject()) {
        problems.add(new Problem(list + "[" + index + "]", "must be an object"));
        return null;
      }
      return new Fields(node, new PrefixedProblems(problems, list, index), cleanTexts);
    }
  }

  /**
   * Adds the path of a list entry ({@code relations[3]}) before the field of every problem reported
   * through it; the path is only written when there is a problem (records have many entries).
   */
  private static final class PrefixedProblems extends java.util.AbstractList<Problem> {
    private final List<Problem> target;
    private final String list;
    private final int index;

    PrefixedProblems(List<Problem> target, String list, int index) {
      this.target = target;
      this.list = list;
      this.index = index;
    }

    @Override
    public boolean add(Problem p) {
      return target.add(new Problem(list + "[" + index + "]." + p.field(), p.problem()));
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
