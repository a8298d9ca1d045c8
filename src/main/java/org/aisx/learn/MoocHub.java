package org.aisx.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeMap;

/**
 * The exchange shape of resources: the MOOChub API's JSON:API document ({@code {"links", "data":
 * [{"type": "Course", "id", "attributes": {...}}]}}), whose attributes are schema.org {@code
 * Course} properties: {@code name}, {@code url}, {@code learningResourceType}, {@code provider} (an
 * Organization), {@code inLanguage}, {@code educationalLevel}, {@code courseMode} ("online",
 * "onsite", "blended"), {@code audience} (an Audience), {@code startDate}, {@code endDate}, {@code
 * about} (the standards, as CreativeWorks with their record id as {@code identifier}) and {@code
 * teaches} (the taxonomy concepts, as DefinedTerms with their id as {@code termCode}). A title in
 * several languages is a list of JSON-LD value objects ({@code {"@value", "@language"}}).
 *
 * <p>Only the mapping lives here: what comes in is turned into the resource's own JSON and checked
 * by {@link ResourceReader} like everything else.
 */
final class MoocHub {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private MoocHub() {}

  /** Whether {@code node} is a MOOChub course (it has {@code attributes}). */
  static boolean isCourse(JsonNode node) {
    return node.isObject() && node.has("attributes");
  }

  /** One resource as a MOOChub course. */
  static ObjectNode course(Resource r) {
    ObjectNode a = F.objectNode();
    // A bare name is read back in the language toResourceJson assumes for one: only a title in
    // that language may be written so; any other keeps its language as a value object.
    if (r.title().size() == 1
        && r.title()
            .containsKey(bareNameLanguage(r.languages().isEmpty() ? null : r.languages().get(0)))) {
      a.put("name", r.title().values().iterator().next());
    } else {
      ArrayNode names = a.putArray("name");
      new TreeMap<>(r.title())
          .forEach((lang, text) -> names.addObject().put("@value", text).put("@language", lang));
    }
    if (r.url() != null) {
      a.put("url", r.url());
    }
    a.put("learningResourceType", r.kind().wire());
    a.putObject("provider").put("type", "Organization").put("name", r.provider());
    ArrayNode langs = a.putArray("inLanguage");
    r.languages().forEach(langs::add);
    if (r.level() != null) {
      a.put("educationalLevel", r.level().wire());
    }
    if (r.format() != null) {
      a.put("courseMode", r.format().schemaOrg());
    }
    if (r.audience() != null) {
      a.putObject("audience").put("type", "Audience").put("audienceType", r.audience());
    }
    if (r.start() != null) {
      a.put("startDate", r.start());
    }
    if (r.end() != null) {
      a.put("endDate", r.end());
    }
    ArrayNode about = a.putArray("about");
    r.standards().forEach(s -> about.addObject().put("type", "CreativeWork").put("identifier", s));
    ArrayNode teaches = a.putArray("teaches");
    r.concepts().forEach(c -> teaches.addObject().put("type", "DefinedTerm").put("termCode", c));
    ObjectNode course = F.objectNode();
    course.put("type", "Course");
    course.put("id", r.id());
    course.set("attributes", a);
    return course;
  }

  /**
   * The language a bare (string) {@code name} is read in: the course's first language ({@code
   * null}: none), else English.
   */
  private static String bareNameLanguage(String firstLanguage) {
    return firstLanguage == null ? "en" : firstLanguage;
  }

  /** A MOOChub course as the resource's own JSON, for {@link ResourceReader}. */
  static ObjectNode toResourceJson(JsonNode course) {
    JsonNode a = course.path("attributes");
    ObjectNode out = F.objectNode();
    if (course.path("id").isTextual()) {
      out.put("id", course.path("id").asText());
    }
    String firstLanguage =
        first(a.path("inLanguage").isMissingNode() ? a.path("languages") : a.path("inLanguage"));
    out.set("title", names(a.get("name"), bareNameLanguage(firstLanguage)));
    putText(out, "provider", nameOf(a.has("provider") ? a.get("provider") : a.get("publisher")));
    putText(out, "url", a.path("url").isTextual() ? a.path("url").asText() : null);
    JsonNode type = a.get("learningResourceType");
    String kind =
        type == null
            ? "course"
            : type.isObject() ? type.path("identifier").asText(null) : first(type);
    putText(out, "kind", kind);
    JsonNode langs = a.has("inLanguage") ? a.get("inLanguage") : a.get("languages");
    if (langs != null) {
      out.set("languages", langs.isArray() ? langs : F.arrayNode().add(langs.asText()));
    }
    putText(out, "level", first(a.path("educationalLevel")));
    putText(out, "format", first(a.path("courseMode")));
    JsonNode audience = a.get("audience");
    putText(
        out,
        "audience",
        audience == null
            ? null
            : audience.isObject() ? audience.path("audienceType").asText(null) : first(audience));
    putText(out, "start", date(first(a.path("startDate"))));
    putText(out, "end", date(first(a.path("endDate"))));
    out.set("standards", ids(a.path("about"), "identifier"));
    out.set("concepts", ids(a.path("teaches"), "termCode"));
    return out;
  }

  private static ObjectNode names(JsonNode name, String defaultLanguage) {
    ObjectNode title = F.objectNode();
    if (name == null || name.isNull()) {
      return null;
    }
    if (name.isTextual()) {
      title.put(defaultLanguage, name.asText());
    } else if (name.isArray()) {
      for (JsonNode v : name) {
        if (v.isTextual()) {
          title.put(defaultLanguage, v.asText());
        } else {
          title.set(v.path("@language").asText(defaultLanguage), v.path("@value"));
        }
      }
    } else if (name.isObject()) {
      return (ObjectNode) name;
    }
    return title;
  }

  private static String nameOf(JsonNode org) {
    if (org == null || org.isNull()) {
      return null;
    }
    if (org.isArray()) {
      return org.isEmpty() ? null : nameOf(org.get(0));
    }
    return org.isObject() ? org.path("name").asText(null) : org.asText();
  }

  private static ArrayNode ids(JsonNode list, String key) {
    ArrayNode out = F.arrayNode();
    for (JsonNode item : list.isArray() ? list : F.arrayNode().add(list)) {
      if (item.isObject() && item.has(key)) {
        out.add(item.get(key));
      } else if (item.isTextual()) {
        out.add(item);
      }
    }
    return out;
  }

  /** A single value, or the first of a list (MOOChub gives dates and modes as lists). */
  private static String first(JsonNode v) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (v.isArray()) {
      return v.isEmpty() ? null : first(v.get(0));
    }
    return v.isValueNode() ? v.asText() : null;
  }

  /** A date-time cut to its date: MOOChub gives {@code 2025-07-08T00:00:00+00:00}. */
  private static String date(String v) {
    return v != null && v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v;
  }

  private static void putText(ObjectNode out, String field, String value) {
    if (value != null) {
      out.put(field, value);
    }
  }
}
