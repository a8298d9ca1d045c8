package org.aisx.ingest;

import static org.aisx.ingest.RelatonFields.list;
import static org.aisx.ingest.RelatonFields.path;

import java.util.Map;
import java.util.regex.Pattern;
import org.aisx.catalog.RelationType;
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
