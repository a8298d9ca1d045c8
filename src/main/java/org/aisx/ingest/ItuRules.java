package org.aisx.ingest;

import static org.aisx.ingest.RelatonFields.authorSubdivision;
import static org.aisx.ingest.RelatonFields.bibitemIdentifier;
import static org.aisx.ingest.RelatonFields.doctype;
import static org.aisx.ingest.RelatonFields.list;
import static org.aisx.ingest.RelatonFields.str;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * ITU records (identifier type {@code ITU}; the ITU-T feed, schema v1.5).
 *
 * <p>{@code sdo}: "ITU-T" or "ITU-R" from the identifier prefix, else an author's abbreviation
 * ("ITU-D"), else "ITU"; also for a record ITU co-publishes under another identifier type.
 *
 * <table>
 * <caption>status ({@code stage} keeps ITU's own value verbatim)</caption>
 * <tr><th>source value (records in the shared feed)</th><th>status</th></tr>
 * <tr><td>status.stage Published (7,269)</td><td>in-force</td></tr>
 * <tr><td>Withdrawal (8,672) with a source URL marked -S (ITU's "superseded")</td>
 *     <td>superseded</td></tr>
 * <tr><td>Withdrawal with a source URL marked -W</td><td>withdrawn</td></tr>
 * <tr><td>Withdrawal otherwise: superseded when a later edition is listed in hasEdition, else
 *     withdrawn</td><td>superseded / withdrawn</td></tr>
 * <tr><td>no status (231): from the source URL mark (I/P in force, S superseded, W withdrawn)</td>
 *     <td></td></tr>
 * <tr><td>other words</td><td>as {@link DefaultRules}</td></tr>
 * </table>
 *
 * <table>
 * <caption>type</caption>
 * <tr><th>doctype</th><th>type</th></tr>
 * <tr><td>recommendation, -amendment, -corrigendum, -annex, -errata, none</td>
 *     <td>international-standard</td></tr>
 * <tr><td>recommendation-supplement, technical-paper, or "Suppl." in the identifier</td>
 *     <td>technical-paper</td></tr>
 * <tr><td>technical-report</td><td>technical-report</td></tr>
 * <tr><td>implementers-guide</td><td>guide</td></tr>
 * <tr><td>anything else</td><td>other</td></tr>
 * </table>
 *
 * <p>Relations: the feed writes targets without the "ITU-T " prefix; it is added so that the target
 * ids match the catalogue's. hasEdition → replaces/replaced-by between editions of the same text by
 * date, amends/amended-by for amendments and updates/updated-by for corrigenda and errata of this
 * edition, related otherwise. Amendments, corrigenda and errata without a title of their own take
 * the title of the edition they belong to, as their hasEdition relations list it.
 *
 * <p>{@code committee}: the author's subdivision, "ITU-T Study Group 13" → "ITU-T SG13", the
 * Telecommunication Standardization Advisory Group → "ITU-T TSAG", the Radiocommunication Advisory
 * Group → "ITU-R RAG".
 */
final class ItuRules implements BodyRules {

  private static final Pattern SECTOR = Pattern.compile("^(ITU-[TRD])\\b");
  private static final Pattern SECTOR_NAME = Pattern.compile("ITU-[TRD]");
  private static final Pattern ISO_IEC_TARGET = Pattern.compile("^(?:ISO|IEC)\\b.*");
  private static final Pattern STUDY_GROUP = Pattern.compile("^(ITU-[TRD] )?Study Group (\\d+)$");
  private static final Pattern URL_MARK = Pattern.compile("-\\d{6}-([A-Z])(?:!.*)?/?$");

  /**
   * "ITU-T Y.3117 (2022) Cor. 1 (05/2023)": the Recommendation, the year of the edition an
   * amendment or corrigendum belongs to, what it is, and its own month/year.
   */
  private static final Pattern ID =
      Pattern.compile(
          "^(?:ITU-[TRD] )?(?<rec>\\S+)(?: \\((?<base>\\d{4})\\))?(?<rest>.*?)"
              + "\\s*\\((?<mm>\\d{2})/(?<yyyy>\\d{4})\\)$");

  @Override
  public Set<String> identifierTypes() {
    return Set.of("ITU");
  }

  @Override
  public Set<String> publishers() {
    return Set.of("ITU");
  }

  @Override
  public String publisherAbbreviation(String name) {
    return name.equals("International Telecommunication Union") ? "ITU" : null;
  }

  @Override
  public String sdo(String identifier, List<String> authors) {
    if (identifier != null) {
      Matcher m = SECTOR.matcher(identifier);
      if (m.find()) {
        return m.group(1);
      }
    }
    for (String a : authors) {
      if (SECTOR_NAME.matcher(a).matches()) {
        return a;
      }
    }
    return "ITU";
  }

  @Override
  public String relationTarget(String target, Map<?, ?> bibitem, String sdo) {
    if (sdo != null
        && sdo.startsWith("ITU-")
        && !target.startsWith("ITU")
        && !ISO_IEC_TARGET.matcher(target).matches()) {
      return sdo + " " + target;
    }
    return target;
  }

  @Override
  public RelationType relationType(String type, String identifier, String target) {
    return "hasEdition".equals(type) ? edition(identifier, target) : null;
  }

  /**
   * ITU amendments, corrigenda and errata often have no title of their own: they take the title of
   * the edition they belong to, as listed among their hasEdition relations.
   */
  @Override
  public Map<String, String> titleWhenMissing(Map<?, ?> doc, String identifier) {
    ItuId self = ItuId.parse(identifier);
    if (self == null || self.isEdition()) {
      return Map.of();
    }
    for (Object r : list(doc.get("relation"))) {
      if (r instanceof Map<?, ?> rel
          && "hasEdition".equals(str(rel.get("type")))
          && rel.get("bibitem") instanceof Map<?, ?> bib) {
        String target = bibitemIdentifier(bib);
        ItuId base = target == null ? null : ItuId.parse(target);
        if (base != null
            && base.isEdition()
            && base.rest.isEmpty()
            && base.rec.equals(self.rec)
            && base.year == self.baseYear) {
          return RelatonFields.titles(bib, "en");
        }
      }
    }
    return Map.of();
  }

  @Override
  public void complete(Context record, Standard.Builder b) {
    Map<?, ?> doc = record.doc();
    String stage = RelatonFields.stage(doc);
    String mark = null;
    if (record.url() != null) {
      Matcher m = URL_MARK.matcher(record.url());
      if (m.find()) {
        mark = m.group(1);
      }
    }
    boolean laterEdition =
        record.relations().stream().anyMatch(r -> r.type() == RelationType.REPLACED_BY);
    PublicationType type = type(doctype(doc), record.identifier());
    b.stage(stage)
        .status(status(stage, mark, laterEdition))
        .type(type)
        .kind(DefaultRules.kind(type))
        .published(record.publishedOrIssued())
        .committee(committee(authorSubdivision(doc), record.sdo()));
  }

  static Status status(String stage, String urlMark, boolean laterEditionListed) {
    String s = stage == null ? "" : stage.strip().toLowerCase(Locale.ROOT);
    String mark = urlMark == null ? "" : urlMark;
    switch (s) {
      case "published", "in force", "in-force":
        return Status.IN_FORCE;
      case "superseded":
        return Status.SUPERSEDED;
      case "withdrawal", "withdrawn":
        if (mark.equals("S")) {
          return Status.SUPERSEDED;
        }
        if (mark.equals("W")) {
          return Status.WITHDRAWN;
        }
        return laterEditionListed ? Status.SUPERSEDED : Status.WITHDRAWN;
      case "":
        return switch (mark) {
          case "I", "P" -> Status.IN_FORCE;
          case "S" -> Status.SUPERSEDED;
          case "W" -> Status.WITHDRAWN;
          default -> laterEditionListed ? Status.SUPERSEDED : null;
        };
      default:
        return DefaultRules.status(stage);
    }
  }

  static PublicationType type(String doctype, String identifier) {
    String d = doctype == null ? "" : doctype.strip().toLowerCase(Locale.ROOT);
    if (d.equals("recommendation-supplement")
        || d.equals("technical-paper")
        || (identifier != null && identifier.contains("Suppl."))) {
      return PublicationType.TECHNICAL_PAPER;
    }
    return switch (d) {
      case "recommendation",
          "recommendation-amendment",
          "recommendation-corrigendum",
          "recommendation-annex",
          "recommendation-errata",
          "" ->
          PublicationType.INTERNATIONAL_STANDARD;
      case "technical-report" -> PublicationType.TECHNICAL_REPORT;
      case "implementers-guide" -> PublicationType.GUIDE;
      default -> PublicationType.OTHER;
    };
  }

  static String committee(String subdivision, String sdo) {
    if (subdivision == null) {
      return null;
    }
    String sector = sdo != null && sdo.startsWith("ITU-") ? sdo : "ITU-T";
    Matcher sg = STUDY_GROUP.matcher(subdivision);
    if (sg.matches()) {
      return (sg.group(1) != null ? sg.group(1).strip() : sector) + " SG" + sg.group(2);
    }
    if (subdivision.equalsIgnoreCase("Telecommunication Standardization Advisory Group")) {
      return "ITU-T TSAG";
    }
    if (subdivision.equalsIgnoreCase("Radiocommunication Advisory Group")) {
      return "ITU-R RAG";
    }
    return subdivision;
  }

  private record ItuId(String rec, String rest, Integer baseYear, int year, int month) {
    static ItuId parse(String identifier) {
      Matcher m = ID.matcher(identifier.strip());
      if (!m.matches()) {
        return null;
      }
      return new ItuId(
          m.group("rec"),
          m.group("rest").strip(),
          m.group("base") == null ? null : Integer.valueOf(m.group("base")),
          Integer.parseInt(m.group("yyyy")),
          Integer.parseInt(m.group("mm")));
    }

    boolean isEdition() {
      return baseYear == null;
    }

    int months() {
      return year * 12 + month;
    }

    RelationType fix() {
      if (rest.contains("Amd.")) {
        return RelationType.AMENDS;
      }
      return rest.contains("Cor.") || rest.contains("Err.") ? RelationType.UPDATES : null;
    }
  }

  /** The meaning of an ITU "hasEdition" link from {@code self} to {@code other}. */
  static RelationType edition(String self, String other) {
    ItuId a = ItuId.parse(self);
    ItuId b = ItuId.parse(other);
    if (a == null || b == null) {
      return RelationType.RELATED;
    }
    if (a.isEdition() && b.isEdition() && a.rest.equals(b.rest)) {
      int cmp = Integer.compare(b.months(), a.months());
      return cmp > 0
          ? RelationType.REPLACED_BY
          : cmp < 0 ? RelationType.REPLACES : RelationType.RELATED;
    }
    if (a.isEdition() && a.rest.isEmpty() && !b.isEdition() && b.baseYear == a.year) {
      RelationType fix = b.fix();
      return fix == null ? RelationType.RELATED : fix.inverse();
    }
    if (!a.isEdition() && b.isEdition() && b.rest.isEmpty()) {
      if (a.baseYear == b.year) {
        RelationType fix = a.fix();
        return fix == null ? RelationType.RELATED : fix;
      }
      if (b.months() >= a.months()) {
        return RelationType.REPLACED_BY;
      }
    }
    return RelationType.RELATED;
  }
}
