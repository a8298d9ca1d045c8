package org.aisx.ingest;

import static org.aisx.ingest.RelatonFields.authorSubdivision;
import static org.aisx.ingest.RelatonFields.doctype;
import static org.aisx.ingest.RelatonFields.firstNonNull;
import static org.aisx.ingest.RelatonFields.list;
import static org.aisx.ingest.RelatonFields.path;
import static org.aisx.ingest.RelatonFields.str;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * The generic Relaton vocabulary, for bodies without rules of their own (IETF, ...), and the parts
 * the other rules build on.
 *
 * <table>
 * <caption>type and kind</caption>
 * <tr><th>doctype</th><th>type</th><th>kind</th></tr>
 * <tr><td>international-standard, standard, amendment, technical-corrigendum, none</td>
 *     <td>from the identifier (below), else international-standard</td><td>standard</td></tr>
 * <tr><td>technical-report, or "TR" in the identifier</td><td>technical-report</td>
 *     <td>publication</td></tr>
 * <tr><td>technical-specification, publicly-available-specification, or "TS"/"PAS" in the
 *     identifier</td><td>technical-specification</td><td>standard</td></tr>
 * <tr><td>guide, or "Guide" in the identifier</td><td>guide</td><td>publication</td></tr>
 * <tr><td>technical-paper, or "Suppl." in the identifier</td><td>technical-paper</td>
 *     <td>publication</td></tr>
 * <tr><td>national-standard</td><td>national-standard</td><td>standard</td></tr>
 * <tr><td>anything else (directive, other, ...)</td><td>other</td><td>publication</td></tr>
 * </table>
 *
 * <p>Status from the stage's words: PUBLISHED, IN FORCE, ACTIVE, CONFIRMED, CURRENT → in-force;
 * REVISED, REPLACED, SUPERSEDED, OBSOLETE(D) → superseded; WITHDRAWN, WITHDRAWAL, CANCELLED,
 * DELETED, INACTIVE → withdrawn; DRAFT, PREPARATORY, UNDER DEVELOPMENT, PROPOSAL, APPROVAL, ENQUIRY
 * → draft; other words → none, and the status is then inferred ({@link StatusInference}). {@code
 * stage} keeps the body's value verbatim.
 *
 * <p>{@code published}: the published date, else issued. {@code committee}: the first {@code
 * editorialgroup.technical_committee} name ({@code ext.editorialgroup} first), else the first
 * subdivision of an author organisation.
 */
final class DefaultRules implements BodyRules {

  private static final Pattern TR_ID = Pattern.compile("\\bTR\\b");
  private static final Pattern TS_ID = Pattern.compile("\\b(?:TS|PAS)\\b");
  private static final Pattern GUIDE_ID = Pattern.compile("\\bGuide\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern SUPPLEMENT_ID = Pattern.compile("\\bSuppl\\.");

  @Override
  public void complete(Context record, Standard.Builder b) {
    Map<?, ?> doc = record.doc();
    String stage = RelatonFields.stage(doc);
    PublicationType type = type(doctype(doc), record.identifier());
    b.stage(stage)
        .status(status(stage))
        .type(type)
        .kind(kind(type))
        .published(record.publishedOrIssued())
        .committee(committee(doc));
  }

  /** The status a stage's words say; null when they say none. */
  static Status status(String stage) {
    if (stage == null) {
      return null;
    }
    return switch (stage.strip().toUpperCase(Locale.ROOT)) {
      case "PUBLISHED", "IN FORCE", "ACTIVE", "CONFIRMED", "CURRENT" -> Status.IN_FORCE;
      case "REVISED", "REPLACED", "SUPERSEDED", "OBSOLETE", "OBSOLETED" -> Status.SUPERSEDED;
      case "WITHDRAWN", "WITHDRAWAL", "CANCELLED", "DELETED", "INACTIVE" -> Status.WITHDRAWN;
      case "DRAFT", "PREPARATORY", "UNDER DEVELOPMENT", "PROPOSAL", "APPROVAL", "ENQUIRY" ->
          Status.DRAFT;
      default -> null;
    };
  }

  /** The type of a Relaton doctype, with the identifier's shape for standards (table above). */
  static PublicationType type(String doctype, String identifier) {
    String d = doctype == null ? "" : doctype.strip().toLowerCase(Locale.ROOT);
    return switch (d) {
      case "international-standard", "", "amendment", "technical-corrigendum", "standard" ->
          identifierType(identifier, PublicationType.INTERNATIONAL_STANDARD);
      case "technical-report" -> PublicationType.TECHNICAL_REPORT;
      case "technical-specification", "publicly-available-specification" ->
          PublicationType.TECHNICAL_SPECIFICATION;
      case "guide" -> PublicationType.GUIDE;
      case "technical-paper" -> PublicationType.TECHNICAL_PAPER;
      case "national-standard" -> PublicationType.NATIONAL_STANDARD;
      default -> PublicationType.OTHER;
    };
  }

  /** The type an identifier's shape names ("TR", "TS"/"PAS", "Guide", "Suppl."), else otherwise. */
  private static PublicationType identifierType(String identifier, PublicationType otherwise) {
    if (identifier == null) {
      return otherwise;
    }
    if (TR_ID.matcher(identifier).find()) {
      return PublicationType.TECHNICAL_REPORT;
    }
    if (TS_ID.matcher(identifier).find()) {
      return PublicationType.TECHNICAL_SPECIFICATION;
    }
    if (GUIDE_ID.matcher(identifier).find()) {
      return PublicationType.GUIDE;
    }
    if (SUPPLEMENT_ID.matcher(identifier).find()) {
      return PublicationType.TECHNICAL_PAPER;
    }
    return otherwise;
  }

  /** Standards (international, national, specifications) are standards; the rest publications. */
  static Kind kind(PublicationType type) {
    return switch (type) {
      case INTERNATIONAL_STANDARD, NATIONAL_STANDARD, TECHNICAL_SPECIFICATION -> Kind.STANDARD;
      default -> Kind.PUBLICATION;
    };
  }

  /** The technical committee's name, else the authors' subdivision. */
  static String committee(Map<?, ?> doc) {
    String name = technicalCommittee(doc);
    return name != null ? name : authorSubdivision(doc);
  }

  /**
   * The first {@code editorialgroup.technical_committee} ({@code ext.} first) by its {@code
   * identifier} ("ISO/IEC JTC 1/SC 42", as the ISO feed gives it), else its name; or null.
   */
  static String technicalCommittee(Map<?, ?> doc) {
    Object group = firstNonNull(path(doc, "ext", "editorialgroup"), doc.get("editorialgroup"));
    if (group instanceof Map<?, ?> g) {
      for (Object tc : list(g.get("technical_committee"))) {
        String name =
            tc instanceof Map<?, ?> m
                ? PlainText.line(str(firstNonNull(m.get("identifier"), m.get("name"))))
                : str(tc);
        if (name != null) {
          return name;
        }
      }
    }
    return null;
  }
}
