package org.aisx.learn;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Slug;

/**
 * Reads a resource from its JSON (SPEC §10) and checks it: the one place the rules of a resource's
 * fields live, one rule per field. Every problem names its field ({@code title.en}, {@code
 * standards[2]}); all of them are reported at once as {@link CatalogException.Invalid}. Imports
 * (JSON in the MOOChub shape, CSV), the API and submissions all come through here. Texts (titles,
 * provider, audience) are one line of clean text, cleaned here by the catalogue's one cleaner
 * ({@link PlainText#line}): markup is dropped, scripts with their content.
 */
public final class ResourceReader {
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final int MAX_TEXT = 500;
  private static final int MAX_URL = 2_000;
  private static final int MAX_LINKS = 200;
  private static final List<String> KINDS =
      java.util.Arrays.stream(ResourceKind.values()).map(ResourceKind::wire).toList();
  private static final List<String> LEVELS =
      java.util.Arrays.stream(ResourceLevel.values()).map(ResourceLevel::wire).toList();
  private static final List<String> FORMATS =
      java.util.Arrays.stream(ResourceFormat.values()).map(ResourceFormat::wire).toList();

  private final Predicate<String> knownRecord;
  private final Predicate<String> knownConcept;

  /**
   * {@code knownRecord}: whether a record id is in the catalogue; {@code knownConcept}: whether a
   * concept id is in the taxonomy.
   */
  public ResourceReader(Predicate<String> knownRecord, Predicate<String> knownConcept) {
    this.knownRecord = knownRecord;
    this.knownConcept = knownConcept;
  }

  /** The resource {@code node} describes, or every problem with it. */
  public Resource read(JsonNode node) {
    List<Problem> problems = new ArrayList<>();
    if (node == null || !node.isObject()) {
      throw new CatalogException.Invalid(
          "resource", List.of(Problem.of("resource", "invalid.notRecord")));
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!Resource.FIELDS.contains(name)) {
        problems.add(
            Problem.of(name, "invalid.unknownFieldOf", String.join(", ", Resource.FIELDS)));
      }
    }
    Map<String, String> title = title(node.get("title"), problems);
    String provider = text(node, "provider", true, MAX_TEXT, problems);
    String url = url(node.get("url"), problems);
    ResourceKind kind = choice(node, "kind", true, ResourceKind::fromWire, KINDS, problems);
    List<String> languages = languages(node.get("languages"), problems);
    ResourceLevel level = choice(node, "level", false, ResourceLevel::fromWire, LEVELS, problems);
    ResourceFormat format =
        choice(node, "format", false, ResourceFormat::fromWire, FORMATS, problems);
    String audience = text(node, "audience", false, MAX_TEXT, problems);
    String start = date(node, "start", problems);
    String end = date(node, "end", problems);
    if (start != null && end != null && end.compareTo(start) < 0) {
      problems.add(Problem.of("end", "resource.problem.endBeforeStart", start));
    }
    List<String> standards = links(node.get("standards"), "standards", knownRecord, problems);
    List<String> concepts = links(node.get("concepts"), "concepts", knownConcept, problems);
    String id = id(node.get("id"), title, problems);
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("resource", problems);
    }
    return new Resource(
        id, title, provider, url, kind, languages, level, format, audience, start, end, standards,
        concepts);
  }

  /** The id given (already a slug), else the slug of the English (or first) title. */
  private static String id(JsonNode v, Map<String, String> title, List<Problem> problems) {
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      String basis = title.getOrDefault("en", title.values().stream().findFirst().orElse(""));
      String slug = Slug.of(basis);
      if (slug.length() > 120) {
        slug = slug.substring(0, 120).replaceAll("-+$", "");
      }
      return slug.isEmpty() ? null : slug;
    }
    if (!v.isTextual()) {
      problems.add(Problem.of("id", "resource.problem.notString"));
      return null;
    }
    String id = v.asText().strip();
    if (!id.equals(Slug.of(id)) || id.length() > 200) {
      problems.add(Problem.of("id", "resource.problem.idShape", "200"));
      return null;
    }
    return id;
  }

  private static Map<String, String> title(JsonNode v, List<Problem> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      problems.add(Problem.of("title", "invalid.required"));
      return out;
    }
    if (!v.isObject() || v.isEmpty()) {
      problems.add(Problem.of("title", "resource.problem.titleNotTexts", "{\"en\": …}"));
      return out;
    }
    v.fields()
        .forEachRemaining(
            e -> {
              String lang = e.getKey();
              JsonNode text = e.getValue();
              if (!LANGUAGE.matcher(lang).matches()) {
                problems.add(Problem.of("title." + lang, "resource.problem.titleLanguage"));
              } else if (!text.isTextual() || text.asText().isBlank()) {
                problems.add(Problem.of("title." + lang, "invalid.notNonEmptyString"));
              } else if (text.asText().length() > MAX_TEXT) {
                problems.add(
                    Problem.of("title." + lang, "invalid.tooLong", String.valueOf(MAX_TEXT)));
              } else {
                String clean = PlainText.line(text.asText());
                if (clean == null) {
                  problems.add(Problem.of("title." + lang, "invalid.notNonEmptyString"));
                } else {
                  out.put(lang, clean);
                }
              }
            });
    return out;
  }

  private static String text(
      JsonNode node, String field, boolean required, int max, List<Problem> problems) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      if (required) {
        problems.add(Problem.of(field, "invalid.required"));
      }
      return null;
    }
    if (!v.isTextual()) {
      problems.add(Problem.of(field, "resource.problem.notString"));
      return null;
    }
    if (v.asText().length() > max) {
      problems.add(Problem.of(field, "invalid.tooLong", String.valueOf(max)));
      return null;
    }
    String clean = PlainText.line(v.asText());
    if (clean == null && required) {
      problems.add(Problem.of(field, "invalid.required"));
    }
    return clean;
  }

  private static String url(JsonNode v, List<Problem> problems) {
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      return null;
    }
    if (!v.isTextual() || v.asText().length() > MAX_URL) {
      problems.add(Problem.of("url", "resource.problem.urlNotString", String.valueOf(MAX_URL)));
      return null;
    }
    String s = v.asText().strip();
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return s;
      }
    } catch (URISyntaxException bad) {
      // reported below
    }
    problems.add(Problem.of("url", "resource.problem.notHttpUrl"));
    return null;
  }

  private static <T> T choice(
      JsonNode node,
      String field,
      boolean required,
      java.util.function.Function<String, java.util.Optional<T>> parse,
      List<String> wires,
      List<Problem> problems) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      if (required) {
        problems.add(Problem.of(field, "invalid.required"));
      }
      return null;
    }
    T value = v.isTextual() ? parse.apply(v.asText().strip()).orElse(null) : null;
    if (value == null) {
      problems.add(Problem.of(field, "resource.problem.notOneOf", String.join(", ", wires)));
    }
    return value;
  }

  private static List<String> languages(JsonNode v, List<Problem> problems) {
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      problems.add(Problem.of("languages", "resource.problem.notLanguages"));
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      String code = item.isTextual() ? item.asText().strip().toLowerCase(Locale.ROOT) : "";
      if (!LANGUAGE.matcher(code).matches()) {
        problems.add(Problem.of("languages[" + i + "]", "resource.problem.notLanguage"));
      } else if (!out.contains(code)) {
        out.add(code);
      }
    }
    return out;
  }

  private static String date(JsonNode node, String field, List<Problem> problems) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      return null;
    }
    String s = v.isTextual() ? v.asText().strip() : "";
    try {
      return LocalDate.parse(s).toString();
    } catch (DateTimeParseException bad) {
      problems.add(Problem.of(field, "resource.problem.notDate"));
      return null;
    }
  }

  private static List<String> links(
      JsonNode v, String field, Predicate<String> known, List<Problem> problems) {
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      problems.add(Problem.of(field, "resource.problem.notIds"));
      return out;
    }
    if (v.size() > MAX_LINKS) {
      problems.add(Problem.of(field, "resource.problem.tooManyIds", String.valueOf(MAX_LINKS)));
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      String id = item.isTextual() ? item.asText().strip() : "";
      if (id.isEmpty()) {
        problems.add(Problem.of(field + "[" + i + "]", "resource.problem.emptyId"));
      } else if (!known.test(id)) {
        problems.add(
            Problem.of(
                field + "[" + i + "]",
                "standards".equals(field)
                    ? "resource.problem.noRecord"
                    : "resource.problem.noConcept",
                id));
      } else if (!out.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }
}
