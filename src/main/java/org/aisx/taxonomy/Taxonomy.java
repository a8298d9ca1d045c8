package org.aisx.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.aisx.catalog.Problem;

/**
 * One version of the controlled vocabularies: for each {@link Dimension}, its concepts in display
 * order. Immutable: an edit ({@link #apply}) makes the next version, so a reader holding one sees
 * it whole. Version 0 is the bundled starting point (a malformed one stops start-up with the
 * concept named); each committee edit adds one.
 */
public final class Taxonomy implements TaxonomySource {
  private static final String RESOURCE = "/taxonomy/taxonomy.json";

  /** The languages labels and definitions are given in (those of the bundled vocabularies). */
  public static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");

  /** A concept id: lower-case words joined by hyphens, as the bundled ones. */
  static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  static final int MAX_ID = 60;
  static final int MAX_LABEL = 200;
  static final int MAX_DEFINITION = 2000;

  private final String base;
  private final int version;
  private final Map<Dimension, DimensionInfo> dimensions;

  /** A dimension's own labels and definition, with its concepts in order. */
  public record DimensionInfo(
      Dimension dimension,
      Map<String, String> labels,
      Map<String, String> definitions,
      Map<String, Concept> concepts) {
    public String label(String lang) {
      return labels.getOrDefault(lang, labels.getOrDefault("en", dimension.id()));
    }

    public String definition(String lang) {
      return definitions.getOrDefault(lang, definitions.getOrDefault("en", ""));
    }
  }

  private Taxonomy(String base, int version, Map<Dimension, DimensionInfo> dimensions) {
    this.base = base;
    this.version = version;
    this.dimensions = Collections.unmodifiableMap(dimensions);
  }

  /** A fixed taxonomy is its own source. */
  @Override
  public Taxonomy current() {
    return this;
  }

  /** The starting vocabularies bundled in the jar. */
  public static Taxonomy bundled(ObjectMapper json) {
    try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("taxonomy resource " + RESOURCE + " is missing");
      }
      return parse(json.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static Taxonomy parse(JsonNode root) {
    Map<Dimension, DimensionInfo> dims = new EnumMap<>(Dimension.class);
    for (JsonNode d : root.path("dimensions")) {
      String dimId = d.path("id").asText();
      Dimension dim =
          Dimension.fromId(dimId)
              .orElseThrow(() -> new IllegalStateException("taxonomy: unknown dimension " + dimId));
      Map<String, Concept> concepts = new LinkedHashMap<>();
      for (JsonNode c : d.path("concepts")) {
        String id = c.path("id").asText();
        Map<String, String> labels = texts(c.path("labels"));
        Map<String, String> definitions = texts(c.path("definitions"));
        if (id.isBlank() || !labels.containsKey("en") || !definitions.containsKey("en")) {
          throw new IllegalStateException(
              "taxonomy: concept '"
                  + id
                  + "' in "
                  + dimId
                  + " needs an id, labels.en and definitions.en");
        }
        Map<String, List<String>> alt = new LinkedHashMap<>();
        c.path("altLabels")
            .fields()
            .forEachRemaining(
                e -> {
                  List<String> values = new ArrayList<>();
                  e.getValue().forEach(v -> values.add(v.asText()));
                  alt.put(e.getKey(), List.copyOf(values));
                });
        String parent = c.path("parent").isTextual() ? c.path("parent").asText() : null;
        String source = c.path("source").isTextual() ? c.path("source").asText() : null;
        concepts.put(
            id,
            new Concept(
                id,
                dim,
                parent,
                labels,
                definitions,
                Map.copyOf(alt),
                source,
                c.path("retired").asBoolean(false)));
      }
      dims.put(
          dim,
          new DimensionInfo(
              dim,
              texts(d.path("labels")),
              texts(d.path("definitions")),
              Collections.unmodifiableMap(concepts)));
    }
    for (Dimension dim : Dimension.values()) {
      if (!dims.containsKey(dim)) {
        throw new IllegalStateException("taxonomy: dimension " + dim.id() + " is missing");
      }
    }
    return new Taxonomy(root.path("version").asText("unversioned"), 0, dims);
  }

  private static Map<String, String> texts(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return Collections.unmodifiableMap(out);
  }

  /**
   * The concepts in use as entries for translating queries: labels and alternative labels in every
   * language; the English words searched are the English label's parts ("Privacy and data
   * protection" searches "privacy" and "data protection"), since a record names one of them rather
   * than the category.
   */
  public List<org.aisx.search.QueryTranslation.Entry> translationEntries() {
    List<org.aisx.search.QueryTranslation.Entry> out = new ArrayList<>();
    for (DimensionInfo d : dimensions.values()) {
      for (Concept c : d.concepts().values()) {
        if (c.retired()) {
          continue;
        }
        Map<String, List<String>> labels = new LinkedHashMap<>();
        c.labels()
            .forEach(
                (lang, label) -> {
                  List<String> all = new ArrayList<>();
                  all.add(label);
                  all.addAll(c.altLabels().getOrDefault(lang, List.of()));
                  labels.put(lang, all);
                });
        c.altLabels().forEach((lang, alt) -> labels.putIfAbsent(lang, alt));
        out.add(
            new org.aisx.search.QueryTranslation.Entry(
                d.dimension().id() + ":" + c.id(), labels, parts(c.label("en"))));
      }
    }
    return out;
  }

  /** "Perceiving (seeing)" → [perceiving, seeing]; "Bias and fairness" → [bias, fairness]. */
  static List<String> parts(String label) {
    List<String> out = new ArrayList<>();
    for (String part : label.split("\\s+and\\s+|,\\s*|\\s*[()]\\s*")) {
      if (!part.isBlank()) {
        out.add(part.strip().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }

  /** The version number: 0 for the bundled vocabularies, one more for each committee edit. */
  public int version() {
    return version;
  }

  /** The version of the bundled vocabularies this one builds on, e.g. {@code 2026-12-04}. */
  public String base() {
    return base;
  }

  public List<DimensionInfo> dimensions() {
    return List.copyOf(dimensions.values());
  }

  public DimensionInfo dimension(Dimension dim) {
    return dimensions.get(dim);
  }

  public Optional<Concept> concept(Dimension dim, String id) {
    return Optional.ofNullable(dimensions.get(dim).concepts().get(id));
  }

  public boolean contains(Dimension dim, String id) {
    return dimensions.get(dim).concepts().containsKey(id);
  }

  /** The concept's label in {@code lang}, or the id itself when the concept is unknown. */
  public String label(Dimension dim, String id, String lang) {
    return concept(dim, id).map(c -> c.label(lang)).orElse(id);
  }

  /** Whether the concept exists and is retired. */
  public boolean retired(Dimension dim, String id) {
    return concept(dim, id).map(Concept::retired).orElse(false);
  }

  /** Whether the concept exists and is not retired: offered for classification and new records. */
  public boolean offered(Dimension dim, String id) {
    return concept(dim, id).map(c -> !c.retired()).orElse(false);
  }

  /** The concepts of {@code dim} whose parent is {@code id} (null: the top ones), in order. */
  public List<Concept> narrower(Dimension dim, String id) {
    List<Concept> out = new ArrayList<>();
    for (Concept c : dimensions.get(dim).concepts().values()) {
      if (Objects.equals(c.parent(), id)) {
        out.add(c);
      }
    }
    return out;
  }

  /** A concept with how deep it sits in its dimension's hierarchy (0: at the top). */
  public record Node(Concept concept, int depth) {}

  /** The concepts of {@code dim} depth first, each after its parent, siblings in order. */
  public List<Node> tree(Dimension dim) {
    List<Node> out = new ArrayList<>();
    walk(dim, null, 0, out);
    return out;
  }

  private void walk(Dimension dim, String parent, int depth, List<Node> out) {
    for (Concept c : narrower(dim, parent)) {
      out.add(new Node(c, depth));
      walk(dim, c.id(), depth + 1, out);
    }
  }

  /** One field of one concept that an edit changed: {@code before} null when it was not there. */
  public record Difference(String field, String before, String after) {}

  /** The version an edit made, and what it changed. */
  public record Step(Taxonomy next, List<Difference> differences) {}

  /**
   * The next version: this one with {@code change} applied. Throws {@link TaxonomyException} when
   * the change does not fit (an unknown concept or parent, a duplicate id, a cycle, a label or
   * definition missing or too long, a language the taxonomy does not have, or nothing changed).
   */
  public Step apply(TaxonomyChange change) {
    Dimension dim = change.dimension();
    Map<String, Concept> concepts = new LinkedHashMap<>(dimensions.get(dim).concepts());
    Concept before = concepts.get(change.concept());
    Map<String, Problem> problems = new LinkedHashMap<>();
    texts("labels", change.labels(), MAX_LABEL, problems);
    texts("definitions", change.definitions(), MAX_DEFINITION, problems);
    Concept after;
    if (change instanceof TaxonomyChange.Add) {
      String id = change.concept();
      if (id == null || id.length() > MAX_ID || !ID.matcher(id).matches()) {
        put(problems, "concept", "problem.conceptIdShape", String.valueOf(MAX_ID));
      } else if (before != null) {
        put(problems, "concept", "problem.alreadyConcept", id, dim.id());
      }
      if (!change.labels().containsKey("en")) {
        put(problems, "labels.en", "invalid.required");
      }
      if (!change.definitions().containsKey("en")) {
        put(problems, "definitions.en", "invalid.required");
      }
      parentProblem(dim, id, change.parent(), problems);
      after =
          new Concept(
              id,
              dim,
              change.parent(),
              sorted(change.labels()),
              sorted(change.definitions()),
              Map.of(),
              null,
              false);
    } else {
      if (before == null) {
        throw new TaxonomyException.Unknown("concept '" + change.concept() + "' of " + dim.id());
      }
      after =
          switch (change.kind()) {
            case RENAME -> before.withLabels(merged(before.labels(), change.labels()));
            case DEFINE ->
                before.withDefinitions(merged(before.definitions(), change.definitions()));
            case MOVE -> {
              parentProblem(dim, before.id(), change.parent(), problems);
              yield before.withParent(change.parent());
            }
            case RETIRE -> {
              if (before.retired()) {
                put(problems, "concept", "problem.alreadyRetired", before.id());
              }
              narrower(dim, before.id()).stream()
                  .filter(c -> !c.retired())
                  .findFirst()
                  .ifPresent(
                      c -> put(problems, "concept", "problem.narrowerInUse", before.id(), c.id()));
              yield before.asRetired();
            }
            case ADD -> throw new IllegalStateException("handled above");
          };
      if ((change.kind() == TaxonomyChange.Kind.RENAME && change.labels().isEmpty())
          || (change.kind() == TaxonomyChange.Kind.DEFINE && change.definitions().isEmpty())) {
        put(
            problems,
            change.kind() == TaxonomyChange.Kind.RENAME ? "labels" : "definitions",
            "problem.giveOneLanguage");
      }
    }
    String en = after.labels().get("en");
    if (en != null && !after.retired()) {
      concepts.values().stream()
          .filter(c -> !c.id().equals(after.id()) && !c.retired())
          .filter(c -> c.label("en").equalsIgnoreCase(en))
          .findFirst()
          .ifPresent(c -> put(problems, "labels.en", "problem.labelTaken", en, c.id()));
    }
    if (!problems.isEmpty()) {
      throw new TaxonomyException.Invalid(problems);
    }
    List<Difference> differences = differences(before, after);
    if (differences.isEmpty()) {
      throw new TaxonomyException.Invalid(
          Map.of("change", Problem.of("change", "problem.changesNothing")));
    }
    concepts.put(after.id(), after);
    Map<Dimension, DimensionInfo> dims = new EnumMap<>(dimensions);
    DimensionInfo info = dimensions.get(dim);
    dims.put(
        dim,
        new DimensionInfo(
            dim, info.labels(), info.definitions(), Collections.unmodifiableMap(concepts)));
    return new Step(new Taxonomy(base, version + 1, dims), List.copyOf(differences));
  }

  private void parentProblem(
      Dimension dim, String id, String parent, Map<String, Problem> problems) {
    if (parent == null) {
      return;
    }
    Concept p = dimensions.get(dim).concepts().get(parent);
    if (p == null) {
      put(problems, "parent", "invalid.notConcept", parent, dim.id());
    } else if (p.retired()) {
      put(problems, "parent", "problem.retired", parent);
    } else {
      for (String at = parent; at != null; at = dimensions.get(dim).concepts().get(at).parent()) {
        if (at.equals(id)) {
          put(problems, "parent", "problem.parentCycle", parent, id);
          break;
        }
      }
    }
  }

  private static void texts(
      String field, Map<String, String> given, int max, Map<String, Problem> problems) {
    given.forEach(
        (lang, text) -> {
          if (!LANGUAGES.contains(lang)) {
            put(
                problems,
                field + "." + lang,
                "problem.notTaxonomyLanguage",
                lang,
                String.join(", ", LANGUAGES));
          } else if (text == null || text.isBlank()) {
            put(problems, field + "." + lang, "invalid.required");
          } else if (text.length() > max) {
            put(problems, field + "." + lang, "invalid.tooLong", String.valueOf(max));
          }
        });
  }

  /** The problem the message {@code key} says about {@code field}, in place of one before. */
  private static void put(Map<String, Problem> problems, String field, String key, Object... args) {
    problems.put(field, Problem.of(field, key, args));
  }

  private static Map<String, String> merged(Map<String, String> old, Map<String, String> given) {
    Map<String, String> out = new LinkedHashMap<>(old);
    given.forEach((lang, text) -> out.put(lang, text.strip()));
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, String> sorted(Map<String, String> given) {
    Map<String, String> out = new LinkedHashMap<>();
    LANGUAGES.stream()
        .filter(given::containsKey)
        .forEach(lang -> out.put(lang, given.get(lang).strip()));
    return Collections.unmodifiableMap(out);
  }

  private static List<Difference> differences(Concept before, Concept after) {
    List<Difference> out = new ArrayList<>();
    if (before == null) {
      out.add(new Difference("concept", null, after.id()));
    }
    String parentBefore = before == null ? null : before.parent();
    if (before != null && !Objects.equals(parentBefore, after.parent())) {
      out.add(new Difference("parent", parentBefore, after.parent()));
    } else if (before == null && after.parent() != null) {
      out.add(new Difference("parent", null, after.parent()));
    }
    for (String lang : LANGUAGES) {
      String lb = before == null ? null : before.labels().get(lang);
      if (!Objects.equals(lb, after.labels().get(lang))) {
        out.add(new Difference("labels." + lang, lb, after.labels().get(lang)));
      }
    }
    for (String lang : LANGUAGES) {
      String db = before == null ? null : before.definitions().get(lang);
      if (!Objects.equals(db, after.definitions().get(lang))) {
        out.add(new Difference("definitions." + lang, db, after.definitions().get(lang)));
      }
    }
    if (before != null && before.retired() != after.retired()) {
      out.add(new Difference("retired", "false", "true"));
    }
    return out;
  }
}
