package org.aisx.ingest;

import static org.aisx.ingest.RelatonFields.list;
import static org.aisx.ingest.RelatonFields.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.editions.EditionKey;

/**
 * The status of a Relaton record whose feed gives none (SPEC §1, {@code statusInferred: true}), as
 * far as the record itself tells it; what the catalogue's other editions tell is added when the
 * record is saved ({@link EditionStatus}).
 *
 * <ol>
 *   <li>a draft version ({@code version.draft}) or a draft identifier ("prEN 18228", "ISO/IEC DIS
 *       42005", "IEEE P7001", "... Draft ...") → draft;
 *   <li>a successor the record itself names (a replaced-by relation, not to a draft that will
 *       replace it: {@link IsoIecRules#willBeReplacedBy}) → superseded;
 *   <li>a date of publication, issue or any other date → in-force;
 *   <li>nothing of these → no status: the record is rejected, saying so.
 * </ol>
 */
final class StatusInference {
  private StatusInference() {}

  private static final Pattern DRAFT_ID =
      Pattern.compile(
          "(?:^|[\\s/])(?:pr[A-Z]+|(?:A|F)?DIS|CD|WD|AWI|NWIP|DAM|FDAM|DTR|DTS|P\\d[\\w.-]*|Draft)"
              + "(?:[\\s/:.-]|$)");

  /** The status the record's own content allows inferring, or null. */
  static Status infer(BodyRules.Context record) {
    if (draftVersion(record.doc())
        || (record.identifier() != null && DRAFT_ID.matcher(record.identifier()).find())) {
      return Status.DRAFT;
    }
    if (record.relations().stream()
        .anyMatch(
            r -> r.type() == RelationType.REPLACED_BY && !EditionKey.namesIsoDraft(r.target()))) {
      return Status.SUPERSEDED;
    }
    if (record.publishedOrIssued() != null || !record.dates().isEmpty()) {
      return Status.IN_FORCE;
    }
    return null;
  }

  /**
   * The status of a record of another feed ({@code json}, {@code csv}, ...) that gives none, by the
   * same rules as far as such a record tells them: a draft identifier → draft; a successor named (a
   * replaced-by relation, not to a draft) → superseded; a date of publication → in force; else
   * null. The catalogue's other editions are looked at when the record is saved ({@link
   * EditionStatus}).
   */
  static Status infer(String identifier, String published, List<Relation> relations) {
    if (identifier != null && DRAFT_ID.matcher(identifier).find()) {
      return Status.DRAFT;
    }
    if (relations != null
        && relations.stream()
            .anyMatch(
                r ->
                    r.type() == RelationType.REPLACED_BY
                        && r.target() != null
                        && !EditionKey.namesIsoDraft(r.target()))) {
      return Status.SUPERSEDED;
    }
    if (published != null && !published.isBlank()) {
      return Status.IN_FORCE;
    }
    return null;
  }

  /**
   * {@code record}, a record as JSON, with the status inferred ({@link #infer(String, String,
   * List)}, {@code statusInferred: true}) when it gives none; as it is when it gives one or none
   * can be inferred (the reader then says the status is required).
   */
  static JsonNode inferInto(JsonNode record) {
    if (!(record instanceof ObjectNode object) || given(object.get("status"))) {
      return record;
    }
    List<Relation> relations = new ArrayList<>();
    JsonNode given = object.get("relations");
    if (given != null && given.isArray()) {
      for (JsonNode r : given) {
        JsonNode type = r.get("type");
        JsonNode target = r.get("target");
        if (type != null && type.isTextual() && target != null && target.isTextual()) {
          RelationType.fromWire(type.asText())
              .ifPresent(t -> relations.add(Relation.of(t, target.asText())));
        }
      }
    }
    Status inferred =
        infer(textOf(object.get("identifier")), textOf(object.get("published")), relations);
    if (inferred == null) {
      return record;
    }
    ObjectNode out = object.deepCopy();
    out.put("status", inferred.wire());
    out.put("statusInferred", true);
    return out;
  }

  /** {@code record}, a record a feed reader mapped, with the status inferred when it gives none. */
  static Standard inferInto(Standard record) {
    if (record.status() != null) {
      return record;
    }
    Status inferred = infer(record.identifier(), record.published(), record.relations());
    return inferred == null
        ? record
        : record.toBuilder().status(inferred).statusInferred(true).build();
  }

  private static boolean given(JsonNode status) {
    return status != null && !status.isNull() && !(status.isTextual() && status.asText().isBlank());
  }

  private static String textOf(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  /** Whether the record is a draft version ({@code version: [{draft: ...}]}). */
  private static boolean draftVersion(Map<?, ?> doc) {
    for (Object v : list(doc.get("version"))) {
      if (v instanceof Map<?, ?> m && m.get("draft") != null) {
        return true;
      }
    }
    return path(doc, "ext", "version", "draft") != null;
  }
}
