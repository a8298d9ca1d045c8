package org.aisx.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The JSON tree of a record, node for node what {@code Json.mapper().valueToTree(record)} gives
 * (every property in {@link Standard}'s order, nulls included, map keys sorted), built directly: an
 * import validates each mapped record as JSON, and serialising it through Jackson to read it back
 * cost as much as the validation. {@code RecordTreeTest} checks the two agree.
 */
final class RecordTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RecordTree() {}

  static ObjectNode of(Standard s) {
    ObjectNode o = NODES.objectNode();
    o.set("id", text(s.id()));
    o.set("identifier", text(s.identifier()));
    o.set("identifiers", array(s.identifiers(), RecordTree::identifier));
    o.set("title", texts(s.title()));
    o.set("abstract", texts(s.summary()));
    o.set("sdo", text(s.sdo()));
    o.set("committee", text(s.committee()));
    o.set("type", text(s.type() == null ? null : s.type().wire()));
    o.set("status", text(s.status() == null ? null : s.status().wire()));
    o.set("stage", text(s.stage()));
    o.set("published", text(s.published()));
    o.set("edition", text(s.edition()));
    o.set("url", text(s.url()));
    o.set("kind", text(s.kind() == null ? null : s.kind().wire()));
    o.set("keywords", array(s.keywords(), RecordTree::text));
    o.set("verticals", array(s.verticals(), RecordTree::text));
    o.set("activities", array(s.activities(), RecordTree::text));
    o.set("applications", array(s.applications(), RecordTree::text));
    o.set("concerns", array(s.concerns(), RecordTree::text));
    ObjectNode suggestions = NODES.objectNode();
    new TreeMap<>(s.suggestions())
        .forEach((dim, list) -> suggestions.set(dim, array(list, RecordTree::suggestion)));
    o.set("suggestions", suggestions);
    o.set("useCases", array(s.useCases(), RecordTree::useCase));
    o.set(
        "openSource",
        s.openSource() == null ? NODES.nullNode() : NODES.booleanNode(s.openSource()));
    o.set("codeRepository", text(s.codeRepository()));
    o.set("relations", array(s.relations(), RecordTree::relation));
    o.set("source", text(s.source()));
    o.set("revision", NODES.numberNode(s.revision()));
    return o;
  }

  private static JsonNode text(String value) {
    return value == null ? NODES.nullNode() : NODES.textNode(value);
  }

  private static ObjectNode texts(Map<String, String> byLanguage) {
    ObjectNode o = NODES.objectNode();
    new TreeMap<>(byLanguage).forEach((lang, t) -> o.set(lang, text(t)));
    return o;
  }

  private static <T> ArrayNode array(List<T> values, Function<T, JsonNode> node) {
    ArrayNode a = NODES.arrayNode(values.size());
    for (T v : values) {
      a.add(v == null ? NODES.nullNode() : node.apply(v));
    }
    return a;
  }

  private static JsonNode identifier(Identifier i) {
    ObjectNode o = NODES.objectNode();
    o.set("type", text(i.type()));
    o.set("value", text(i.value()));
    return o;
  }

  private static JsonNode suggestion(Suggestion s) {
    ObjectNode o = NODES.objectNode();
    o.set("concept", text(s.concept()));
    o.set("score", NODES.numberNode(s.score()));
    o.set("evidence", text(s.evidence()));
    return o;
  }

  private static JsonNode useCase(UseCase u) {
    ObjectNode o = NODES.objectNode();
    o.set("description", text(u.description()));
    o.set("url", text(u.url()));
    return o;
  }

  private static JsonNode relation(Relation r) {
    ObjectNode o = NODES.objectNode();
    o.set("type", text(r.type() == null ? null : r.type().wire()));
    o.set("target", text(r.target()));
    o.set("targetId", text(r.targetId()));
    return o;
  }
}
