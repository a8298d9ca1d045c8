package org.aisx.ingest;

import static org.aisx.ingest.RelatonFields.authorSubdivision;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * W3C records (identifier type {@code W3C}). The feed gives no status, only the maturity level in
 * {@code status.stage} ("Working Draft", "Recommendation", "Retired", ...): the status is inferred
 * from it ({@code statusInferred: true}) and the stage kept verbatim. A dated edition is written
 * "W3C REC-2dcontext-20151119" (maturity, short name, date); an undated record ("W3C 2dcontext",
 * the specification's latest version) has no stage and no date, and takes both from its latest
 * edition as its {@code hasEdition} relations list them.
 *
 * <table>
 * <caption>status and type by maturity (stage, or the identifier's prefix)</caption>
 * <tr><th>stage / prefix</th><th>status</th><th>type</th></tr>
 * <tr><td>Recommendation (REC)</td><td>in-force</td><td>international-standard</td></tr>
 * <tr><td>Working Draft, First Public / Last Call WD, Candidate Recommendation Snapshot or Draft,
 *     Proposed (Edited) Recommendation (WD, FPWD, LCWD, CR, CRD, PR, PER)</td><td>draft</td>
 *     <td>international-standard</td></tr>
 * <tr><td>Note, Statement (NOTE, STMT)</td><td>in-force</td><td>technical-report</td></tr>
 * <tr><td>Draft Note (DNOTE)</td><td>draft</td><td>technical-report</td></tr>
 * <tr><td>Draft Registry (DRY)</td><td>draft</td><td>other</td></tr>
 * <tr><td>Retired: Superseded or Obsoleted Recommendation (SPSD, OBSL)</td><td>superseded</td>
 *     <td>international-standard</td></tr>
 * <tr><td>Retired otherwise (RSCND, DISC, a retired note or draft)</td><td>withdrawn</td>
 *     <td>as its prefix</td></tr>
 * <tr><td>anything else</td><td>in-force when dated, else none</td><td>technical-report</td></tr>
 * </table>
 *
 * <p>A newer edition in the catalogue (a record that {@code obsoletes} this one) makes an inferred
 * status superseded when the records are saved ({@link EditionStatus}). {@code committee}: the
 * author's subdivision (its working group), except the feed's placeholder "UNKNOWN WORKING GROUP".
 */
final class W3cRules implements BodyRules {

  /** "W3C WD-webnn-20240419": the maturity prefix and the date of a dated edition. */
  private static final Pattern DATED =
      Pattern.compile("^W3C ([A-Z]+)-.*-((?:19|20)\\d{2})(\\d{2})(\\d{2})$");

  private static final Pattern UNKNOWN_GROUP = Pattern.compile("(?i)^unknown\\b.*");

  @Override
  public Set<String> identifierTypes() {
    return Set.of("W3C");
  }

  @Override
  public Set<String> publishers() {
    return Set.of("W3C");
  }

  @Override
  public String publisherAbbreviation(String name) {
    return name.equals("World Wide Web Consortium") ? "W3C" : null;
  }

  @Override
  public String sdo(String identifier, List<String> authors) {
    return "W3C";
  }

  @Override
  public void complete(Context record, Standard.Builder b) {
    String stage = RelatonFields.stage(record.doc());
    Dated self = Dated.parse(record.identifier());
    String published = record.publishedOrIssued();
    String prefix = self == null ? null : self.prefix;
    if (self == null && stage == null) {
      Dated latest = latestEdition(record.relations());
      if (latest != null) {
        prefix = latest.prefix;
        published = latest.date;
      }
    }
    if (published == null && self != null) {
      published = self.date;
    }
    Status status = status(stage, prefix);
    if (status == null && published != null) {
      status = Status.IN_FORCE;
    }
    PublicationType type = type(stage, prefix);
    String committee = authorSubdivision(record.doc());
    b.stage(stage)
        .status(status)
        .statusInferred(status != null)
        .type(type)
        .kind(DefaultRules.kind(type))
        .published(published)
        .committee(
            committee == null || UNKNOWN_GROUP.matcher(committee).matches() ? null : committee);
  }

  /** The status a maturity level (stage words, else the identifier's prefix) implies, or null. */
  static Status status(String stage, String prefix) {
    String s = stage == null ? "" : stage.strip().toLowerCase(Locale.ROOT);
    String p = prefix == null ? "" : prefix;
    if (s.equals("retired") || p.equals("SPSD") || p.equals("OBSL") || p.equals("RSCND")) {
      return p.equals("SPSD") || p.equals("OBSL") ? Status.SUPERSEDED : Status.WITHDRAWN;
    }
    switch (s) {
      case "recommendation", "note", "statement":
        return Status.IN_FORCE;
      case "working draft",
      "first public working draft",
      "last call working draft",
      "candidate recommendation snapshot",
      "candidate recommendation draft",
      "candidate recommendation",
      "proposed recommendation",
      "proposed edited recommendation",
      "draft note",
      "draft registry":
        return Status.DRAFT;
      default:
        break;
    }
    return switch (p) {
      case "REC", "NOTE", "STMT" -> Status.IN_FORCE;
      case "WD", "FPWD", "LCWD", "CR", "CRD", "PR", "PER", "DNOTE", "DRY" -> Status.DRAFT;
      case "DISC" -> Status.WITHDRAWN;
      default -> null;
    };
  }

  /** The type of a maturity level (table above). */
  static PublicationType type(String stage, String prefix) {
    String s = stage == null ? "" : stage.strip().toLowerCase(Locale.ROOT);
    String p = prefix == null ? "" : prefix;
    if (s.contains("note") || s.equals("statement") || p.endsWith("NOTE") || p.equals("STMT")) {
      return PublicationType.TECHNICAL_REPORT;
    }
    if (s.contains("registry") || p.equals("DRY")) {
      return PublicationType.OTHER;
    }
    if (s.contains("recommendation")
        || s.contains("working draft")
        || List.of("REC", "WD", "FPWD", "LCWD", "CR", "CRD", "PR", "PER", "SPSD", "OBSL", "RSCND")
            .contains(p)) {
      return PublicationType.INTERNATIONAL_STANDARD;
    }
    return PublicationType.TECHNICAL_REPORT;
  }

  /** The newest dated edition among the record's relations (its hasEdition list), or null. */
  private static Dated latestEdition(List<Relation> relations) {
    Dated latest = null;
    for (Relation r : relations) {
      Dated d = Dated.parse(r.target());
      if (d != null && (latest == null || d.date.compareTo(latest.date) > 0)) {
        latest = d;
      }
    }
    return latest;
  }

  /** A dated edition's identifier: its maturity prefix and its date (YYYY-MM-DD). */
  private record Dated(String prefix, String date) {
    static Dated parse(String identifier) {
      if (identifier == null) {
        return null;
      }
      Matcher m = DATED.matcher(identifier);
      if (!m.matches()) {
        return null;
      }
      try {
        java.time.LocalDate.of(
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4)));
      } catch (java.time.DateTimeException e) {
        return null;
      }
      return new Dated(m.group(1), m.group(2) + "-" + m.group(3) + "-" + m.group(4));
    }
  }
}
