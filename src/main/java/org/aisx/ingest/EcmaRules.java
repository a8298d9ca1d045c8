package org.aisx.ingest;

import static org.aisx.ingest.RelatonFields.str;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * Ecma International records (identifier type {@code ECMA}). The feed has one record per edition
 * but gives every edition the same docid ("ECMA-262"), so the catalogue's identifier adds the
 * edition as Ecma writes it: "ECMA-262 16th edition" ("ECMA-999 edition 5.1" for a decimal
 * edition); the plain docid stays among the record's identifiers, so a search for "ECMA-262" finds
 * every edition. A record without an edition (technical reports "ECMA TR/100", yearbooks "ECMA
 * MEM/2024") keeps its docid.
 *
 * <p>Each record lists the editions of its standard as {@code updates} relations (bibitems with an
 * {@code edition}): an earlier edition is one this edition replaces, a later one replaces this
 * edition ("updates" towards another document is only a link: related). The feed gives no status:
 * it is inferred ({@code statusInferred: true}) as superseded when a later edition is listed,
 * otherwise in-force (the feed lists published documents only; an edition without a date is still
 * published). Type: "TR/" technical report, "MEM/" other, otherwise an international standard.
 * {@code sdo}: "ECMA".
 */
final class EcmaRules implements BodyRules {

  private static final Pattern EDITION = Pattern.compile("^\\d{1,4}(?:\\.\\d{1,4})?$");
  private static final Pattern WITH_EDITION =
      Pattern.compile("^(.*) (?:(\\d+)(?:st|nd|rd|th) edition|edition (\\d+(?:\\.\\d+)?))$");

  @Override
  public Set<String> identifierTypes() {
    return Set.of("ECMA");
  }

  @Override
  public Set<String> publishers() {
    return Set.of("ECMA");
  }

  @Override
  public String publisherAbbreviation(String name) {
    return name.equals("Ecma International") || name.equals("Ecma") ? "ECMA" : null;
  }

  @Override
  public String sdo(String identifier, List<String> authors) {
    return "ECMA";
  }

  @Override
  public String identifier(String primary, Map<?, ?> doc) {
    return withEdition(primary, str(doc.get("edition")));
  }

  @Override
  public String relationTarget(String target, Map<?, ?> bibitem, String sdo) {
    return bibitem == null ? target : withEdition(target, str(bibitem.get("edition")));
  }

  @Override
  public RelationType relationType(String type, String identifier, String target) {
    Matcher self = WITH_EDITION.matcher(identifier);
    Matcher other = WITH_EDITION.matcher(target);
    if (!self.matches() || !other.matches()) {
      return null;
    }
    if (!self.group(1).equals(other.group(1))) {
      // Ecma lists its editions as "updates"; towards another document that says only a link.
      return "updates".equals(type) ? RelationType.RELATED : null;
    }
    int cmp = Double.compare(edition(other), edition(self));
    return cmp > 0 ? RelationType.REPLACED_BY : cmp < 0 ? RelationType.REPLACES : null;
  }

  @Override
  public void complete(Context record, Standard.Builder b) {
    boolean laterEdition =
        record.relations().stream().anyMatch(r -> r.type() == RelationType.REPLACED_BY);
    boolean published =
        record.publishedOrIssued() != null || WITH_EDITION.matcher(record.identifier()).matches();
    Status status = laterEdition ? Status.SUPERSEDED : published ? Status.IN_FORCE : null;
    PublicationType type = type(record.identifier());
    b.status(status)
        .statusInferred(status != null)
        .type(type)
        .kind(DefaultRules.kind(type))
        .published(record.publishedOrIssued());
  }

  static PublicationType type(String identifier) {
    if (identifier.startsWith("ECMA TR/")) {
      return PublicationType.TECHNICAL_REPORT;
    }
    if (identifier.startsWith("ECMA MEM/")) {
      return PublicationType.OTHER;
    }
    return PublicationType.INTERNATIONAL_STANDARD;
  }

  /** "ECMA-262" and edition "16" → "ECMA-262 16th edition"; without an edition, as it is. */
  static String withEdition(String docid, String edition) {
    if (edition == null || !EDITION.matcher(edition).matches()) {
      return docid;
    }
    if (edition.contains(".")) {
      return docid + " edition " + edition;
    }
    int n = Integer.parseInt(edition);
    String suffix =
        n % 100 >= 11 && n % 100 <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return docid + " " + n + suffix + " edition";
  }

  private static double edition(Matcher withEdition) {
    String n = withEdition.group(2) != null ? withEdition.group(2) : withEdition.group(3);
    return Double.parseDouble(n);
  }
}
