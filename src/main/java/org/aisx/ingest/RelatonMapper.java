package org.aisx.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * Maps one parsed Relaton record (a YAML mapping) to a {@link Standard}. Both schema generations of
 * the public Relaton data repositories are read: v1.2.x ({@code docid[].id}, {@code link[]}, {@code
 * docstatus.stage.value}, {@code date[].value}, languages as lists; the IEC and IEEE feeds) and
 * v1.5.x ({@code docidentifier[].content}, {@code source[]}, {@code status.stage.content}, {@code
 * date[].at}, languages as strings; the ITU-T feed).
 *
 * <h2>Identifier</h2>
 *
 * The first {@code primary: true} docid without a {@code scope} (IEEE marks its ™ spelling with
 * {@code scope: trademark}). All other docids (URN, DOI, ISBN, the ™ spelling, the ISO number of a
 * joint ITU-T | ISO/IEC text) go to {@code identifiers} with their Relaton type. A record without a
 * primary docid is rejected.
 *
 * <h2>Body rules</h2>
 *
 * The rules are chosen by the type of the primary docid: {@code IEEE} → IEEE rules, {@code ITU} →
 * ITU rules, anything else → ISO/IEC rules. {@code sdo} comes from the publisher contributors'
 * abbreviations in the order ISO, IEC, IEEE, others, joined by "/" (CISPR counts as IEC); for ITU
 * it is "ITU-T" or "ITU-R" from the identifier prefix or the author's abbreviation.
 *
 * <h2>Publication type and kind</h2>
 *
 * <table>
 * <caption>type</caption>
 * <tr><th>source value</th><th>type</th><th>kind</th></tr>
 * <tr><td>doctype international-standard; ITU recommendation, -amendment, -corrigendum,
 *     -annex</td><td>international-standard</td><td>standard</td></tr>
 * <tr><td>doctype technical-report, or "TR" in the identifier</td>
 *     <td>technical-report</td><td>publication</td></tr>
 * <tr><td>doctype technical-specification, publicly-available-specification, or "TS"/"PAS" in
 *     the identifier</td><td>technical-specification</td><td>standard</td></tr>
 * <tr><td>doctype guide, or "Guide" in the identifier</td><td>guide</td>
 *     <td>publication</td></tr>
 * <tr><td>ITU recommendation-supplement or "Suppl." in the identifier; technical-paper; IEC white
 *     papers (wp), technology reports (tec), trend reports (sttr), technology and market outlooks
 *     (tmop)</td><td>technical-paper</td><td>publication</td></tr>
 * <tr><td>IEEE title "[IEEE] [Approved|Unapproved] [Draft] [Trial-Use] Guide…" or "…Recommended
 *     Practice…"</td><td>guide</td><td>standard</td></tr>
 * <tr><td>any other IEEE document</td><td>international-standard</td><td>standard</td></tr>
 * <tr><td>national-standard</td><td>national-standard</td><td>standard</td></tr>
 * <tr><td>anything else (system-reference-deliverable, other, …)</td><td>other</td>
 *     <td>publication</td></tr>
 * </table>
 *
 * <h2>Status ({@code stage} keeps the body's own value verbatim)</h2>
 *
 * <table>
 * <caption>status</caption>
 * <tr><th>body</th><th>source value (records in the shared feeds)</th><th>status</th></tr>
 * <tr><td>IEC/ISO</td><td>docstatus PUBLISHED (15,443)</td><td>in-force</td></tr>
 * <tr><td>IEC/ISO</td><td>REVISED (12,797), REPLACED (2,692)</td><td>superseded</td></tr>
 * <tr><td>IEC/ISO</td><td>WITHDRAWN (1,592)</td><td>withdrawn</td></tr>
 * <tr><td>ISO numeric</td><td>below 60, and 60.00 (under publication)</td><td>draft</td></tr>
 * <tr><td>ISO numeric</td><td>60.60, and 90.xx (reviewed: the document stays in force)</td>
 *     <td>in-force</td></tr>
 * <tr><td>ISO numeric</td><td>95.99 (and bare 95)</td><td>withdrawn</td></tr>
 * <tr><td>IEEE</td><td>P-number identifier ("IEEE P7001/D-4…", "IEEE Approved P802…") or
 *     docstatus draft</td><td>draft</td></tr>
 * <tr><td>IEEE</td><td>docstatus superseded, or ext.standard_status Superseded</td>
 *     <td>superseded</td></tr>
 * <tr><td>IEEE</td><td>ext.standard_status Active</td><td>in-force</td></tr>
 * <tr><td>IEEE</td><td>ext.standard_status Inactive (withdrawn or "reserved")</td>
 *     <td>withdrawn</td></tr>
 * <tr><td>ITU</td><td>status.stage Published (7,269)</td><td>in-force</td></tr>
 * <tr><td>ITU</td><td>Withdrawal (8,672) with a source URL marked -S (ITU's "superseded")</td>
 *     <td>superseded</td></tr>
 * <tr><td>ITU</td><td>Withdrawal with a source URL marked -W</td><td>withdrawn</td></tr>
 * <tr><td>ITU</td><td>Withdrawal otherwise: superseded when a later edition is listed in
 *     hasEdition, else withdrawn</td><td>superseded / withdrawn</td></tr>
 * <tr><td>ITU</td><td>no status (231): from the source URL mark (I/P in force, S superseded, W
 *     withdrawn)</td><td></td></tr>
 * </table>
 *
 * For IEEE, {@code stage} is {@code ext.standard_status} (Active, Inactive, Superseded).
 *
 * <h2>Relations</h2>
 *
 * obsoletes, supersedes, successorOf → replaces; obsoletedBy, supersededBy, hasSuccessor →
 * replaced-by; updates → replaces when its description is "revises", amends when "amends",
 * otherwise updates; updatedBy → updated-by; amends/amendedBy → amends/amended-by;
 * adoptedFrom/identicalAdopted… → adopts; adoptedAs/adoptedBy → adopted-by; complementOf,
 * complements, hasComplement → complements; ITU hasEdition → replaces/replaced-by between editions
 * of the same text by date, amends/amended-by for amendments and updates/updated-by for corrigenda
 * and errata of this edition, related otherwise; everything else (hasPart, partOf, related, …) →
 * related. ITU relation targets are written without the "ITU-T " prefix in the feed; it is added so
 * that the target ids match the catalogue's.
 *
 * <h2>Other fields</h2>
 *
 * {@code published}: the published date, else issued (YYYY, YYYY-MM or YYYY-MM-DD as given). For
 * IEEE, whose "published" is the IEEE Xplore upload date, the issued (approval) date is used when
 * published is more than a year after the year in the designation and issued is not (digitised
 * legacy standards: "IEEE 1019-1985" published 2013-04-30, issued 1984-06-14). {@code committee}:
 * ISO/IEC {@code ext.editorialgroup.technical_committee[0].name}, with "IEC " (or "ISO ") put in
 * front of bare "TC 61"-style names; IEEE {@code editorialgroup.committee[0]}; ITU the author's
 * subdivision, "ITU-T Study Group 13" → "ITU-T SG13", the TSAG → "ITU-T TSAG".
 */
final class RelatonMapper {

  /** A record that cannot be mapped; the message names the field. */
  static final class Unmappable extends RuntimeException {
    Unmappable(String message) {
      super(message);
    }
  }

  private enum Rules {
    ISO_IEC,
    IEEE,
    ITU
  }

  private final String sourceName;

  RelatonMapper(String sourceName) {
    this.sourceName = sourceName;
  }

  Standard map(Map<?, ?> doc) {
    Ids ids = identifiers(doc);
    Rules rules =
        switch (ids.primaryType == null ? "" : ids.primaryType.toUpperCase(Locale.ROOT)) {
          case "IEEE" -> Rules.IEEE;
          case "ITU" -> Rules.ITU;
          default -> Rules.ISO_IEC;
        };
    String defaultLang = first(list(doc.get("language")));
    if (defaultLang == null) {
      defaultLang = "en";
    }
    String sdo = sdo(doc, ids.primary, rules);
    Map<String, String> dates = dates(doc);
    String url = url(doc);
    List<Relation> relations = relations(doc, ids.primary, sdo, rules);
    Map<String, String> title = titles(doc, defaultLang);
    if (title.isEmpty() && rules == Rules.ITU) {
      title = ituBaseTitle(doc, ids.primary);
    }

    Standard.Builder b =
        Standard.builder(ids.primary)
            .identifiers(ids.others)
            .title(title)
            .summary(abstracts(doc, defaultLang))
            .sdo(sdo)
            .edition(str(doc.get("edition")))
            .url(url)
            .keywords(keywords(doc))
            .relations(relations)
            .source(sourceName);
    switch (rules) {
      case IEEE -> ieee(doc, ids.primary, dates, b);
      case ITU -> itu(doc, ids.primary, sdo, url, dates, relations, b);
      default -> isoIec(doc, ids.primary, sdo, dates, b);
    }
    return b.build();
  }

  // ---------------------------------------------------------------- body rules

  private static void isoIec(
      Map<?, ?> doc, String identifier, String sdo, Map<String, String> dates, Standard.Builder b) {
    String stage = stage(doc);
    PublicationType type = isoIecType(doctype(doc), identifier);
    b.stage(stage)
        .status(isoIecStatus(stage))
        .type(type)
        .kind(kindOf(type))
        .published(firstNonNull(dates.get("published"), dates.get("issued")))
        .committee(isoIecCommittee(doc, sdo));
  }

  static Status isoIecStatus(String stage) {
    if (stage == null) {
      return null;
    }
    String s = stage.strip().toUpperCase(Locale.ROOT);
    Matcher numeric = STAGE_CODE.matcher(s);
    if (numeric.matches()) {
      int major = Integer.parseInt(numeric.group(1));
      int minor = numeric.group(2) == null ? -1 : Integer.parseInt(numeric.group(2));
      if (major < 60 || (major == 60 && minor == 0)) {
        return Status.DRAFT;
      }
      if (major == 95 && (minor == 99 || minor == -1)) {
        return Status.WITHDRAWN;
      }
      return Status.IN_FORCE;
    }
    return switch (s) {
      case "PUBLISHED", "IN FORCE", "ACTIVE", "CONFIRMED", "CURRENT" -> Status.IN_FORCE;
      case "REVISED", "REPLACED", "SUPERSEDED", "OBSOLETE", "OBSOLETED" -> Status.SUPERSEDED;
      case "WITHDRAWN", "WITHDRAWAL", "CANCELLED", "DELETED", "INACTIVE" -> Status.WITHDRAWN;
      case "DRAFT", "PREPARATORY", "UNDER DEVELOPMENT", "PROPOSAL", "APPROVAL", "ENQUIRY" ->
          Status.DRAFT;
      default -> null;
    };
  }

  static PublicationType isoIecType(String doctype, String identifier) {
    String d = doctype == null ? "" : doctype.strip().toLowerCase(Locale.ROOT);
    switch (d) {
      case "international-standard":
        return identifierType(identifier, PublicationType.INTERNATIONAL_STANDARD);
      case "technical-report":
        return PublicationType.TECHNICAL_REPORT;
      case "technical-specification", "publicly-available-specification":
        return PublicationType.TECHNICAL_SPECIFICATION;
      case "guide":
        return PublicationType.GUIDE;
      case "technical-paper", "wp", "white-paper", "tec", "sttr", "tmop":
        return PublicationType.TECHNICAL_PAPER;
      case "national-standard":
        return PublicationType.NATIONAL_STANDARD;
      case "", "amendment", "technical-corrigendum", "standard":
        return identifierType(identifier, PublicationType.INTERNATIONAL_STANDARD);
      default:
        return PublicationType.OTHER;
    }
  }

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

  private static Kind kindOf(PublicationType type) {
    return switch (type) {
      case INTERNATIONAL_STANDARD, NATIONAL_STANDARD, TECHNICAL_SPECIFICATION -> Kind.STANDARD;
      default -> Kind.PUBLICATION;
    };
  }

  private static String isoIecCommittee(Map<?, ?> doc, String sdo) {
    Object group = firstNonNull(path(doc, "ext", "editorialgroup"), doc.get("editorialgroup"));
    String name = null;
    if (group instanceof Map<?, ?> g) {
      for (Object tc : list(g.get("technical_committee"))) {
        name = tc instanceof Map<?, ?> m ? PlainText.line(str(m.get("name"))) : str(tc);
        if (name != null) {
          break;
        }
      }
    }
    if (name == null) {
      return authorSubdivision(doc);
    }
    if (COMMITTEE_CODE.matcher(name).matches() && sdo != null) {
      if (sdo.contains("IEC")) {
        return "IEC " + name;
      }
      if (sdo.contains("ISO")) {
        return "ISO " + name;
      }
    }
    return name;
  }

  private static final Pattern COMMITTEE_CODE = Pattern.compile("(?:TC|SC|SyC|TA)\\b.*");
  private static final Pattern ITU_SECTOR_NAME = Pattern.compile("ITU-[TRD]");
  private static final Pattern ISO_IEC_TARGET = Pattern.compile("^(?:ISO|IEC)\\b.*");
  private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
  private static final Pattern STAGE_CODE = Pattern.compile("(\\d{2})(?:\\.(\\d{2}))?");
  private static final Pattern TR_ID = Pattern.compile("\\bTR\\b");
  private static final Pattern TS_ID = Pattern.compile("\\b(?:TS|PAS)\\b");
  private static final Pattern GUIDE_ID = Pattern.compile("\\bGuide\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern SUPPLEMENT_ID = Pattern.compile("\\bSuppl\\.");
  private static final Pattern STUDY_GROUP = Pattern.compile("^(ITU-[TRD] )?Study Group (\\d+)$");
  private static final Pattern ITU_SECTOR = Pattern.compile("^(ITU-[TRD])\\b");
  private static final Pattern BODY_PREFIX =
      Pattern.compile("^([A-Z][A-Za-z]*(?:/[A-Z][A-Za-z]*)*)\\s");
  private static final Pattern IEEE_DRAFT =
      Pattern.compile("^IEEE\\s+(?:(?:Approved|Unapproved|Draft)\\s+)*P[A-Z]*\\d");
  private static final Pattern IEEE_GUIDE =
      Pattern.compile(
          "^(?:IEEE\\s+)?(?:(?:Approved|Unapproved)\\s+)?(?:Draft\\s+)?(?:IEEE\\s+)?"
              + "(?:Trial[- ]Use\\s+)?(?:Guide|Recommended\\s+Practice)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DESIGNATION_YEAR =
      Pattern.compile("-((?:18|19|20)\\d{2})(?:-\\d{2})?$");

  private static void ieee(
      Map<?, ?> doc, String identifier, Map<String, String> dates, Standard.Builder b) {
    String standardStatus = str(path(doc, "ext", "standard_status"));
    String docstatus = stage(doc);
    Status status = ieeeStatus(identifier, docstatus, standardStatus);
    String title = ieeeTitle(doc);
    PublicationType type =
        title != null && IEEE_GUIDE.matcher(title).find()
            ? PublicationType.GUIDE
            : PublicationType.INTERNATIONAL_STANDARD;
    Object group = firstNonNull(doc.get("editorialgroup"), path(doc, "ext", "editorialgroup"));
    String committee = null;
    if (group instanceof Map<?, ?> g) {
      committee = PlainText.line(first(list(g.get("committee"))));
    }
    b.stage(firstNonNull(standardStatus, docstatus))
        .status(status)
        .type(type)
        .kind(Kind.STANDARD)
        .published(ieeePublished(identifier, dates))
        .committee(committee);
  }

  static Status ieeeStatus(String identifier, String docstatus, String standardStatus) {
    String ds = docstatus == null ? "" : docstatus.toLowerCase(Locale.ROOT);
    String ss = standardStatus == null ? "" : standardStatus.toLowerCase(Locale.ROOT);
    if ((identifier != null && IEEE_DRAFT.matcher(identifier).find()) || ds.equals("draft")) {
      return Status.DRAFT;
    }
    if (ds.equals("superseded") || ss.equals("superseded")) {
      return Status.SUPERSEDED;
    }
    if (ds.equals("withdrawn") || ss.equals("inactive") || ss.equals("withdrawn")) {
      return Status.WITHDRAWN;
    }
    if (ss.equals("active") || ds.equals("approved") || ds.equals("published")) {
      return Status.IN_FORCE;
    }
    return null;
  }

  private static String ieeePublished(String identifier, Map<String, String> dates) {
    String published = dates.get("published");
    String issued = dates.get("issued");
    if (published == null) {
      return issued;
    }
    Matcher m = identifier == null ? null : DESIGNATION_YEAR.matcher(identifier);
    if (issued != null && m != null && m.find()) {
      int designated = Integer.parseInt(m.group(1));
      int pub = Integer.parseInt(published.substring(0, 4));
      int iss = Integer.parseInt(issued.substring(0, 4));
      if (pub - designated > 1 && Math.abs(iss - designated) <= 1) {
        return issued;
      }
    }
    return published;
  }

  private static String ieeeTitle(Map<?, ?> doc) {
    String any = null;
    for (Object t : list(doc.get("title"))) {
      if (t instanceof Map<?, ?> m) {
        String content = PlainText.line(str(m.get("content")));
        if ("main".equals(str(m.get("type"))) && content != null) {
          return content;
        }
        any = any == null ? content : any;
      }
    }
    return any;
  }

  private static final Pattern ITU_URL_MARK = Pattern.compile("-\\d{6}-([A-Z])(?:!.*)?/?$");

  private static void itu(
      Map<?, ?> doc,
      String identifier,
      String sdo,
      String url,
      Map<String, String> dates,
      List<Relation> relations,
      Standard.Builder b) {
    String stage = stage(doc);
    String mark = null;
    if (url != null) {
      Matcher m = ITU_URL_MARK.matcher(url);
      if (m.find()) {
        mark = m.group(1);
      }
    }
    boolean laterEdition = relations.stream().anyMatch(r -> r.type() == RelationType.REPLACED_BY);
    String doctype = doctype(doc);
    PublicationType type = ituType(doctype, identifier);
    b.stage(stage)
        .status(ituStatus(stage, mark, laterEdition))
        .type(type)
        .kind(type == PublicationType.INTERNATIONAL_STANDARD ? Kind.STANDARD : Kind.PUBLICATION)
        .published(firstNonNull(dates.get("published"), dates.get("issued")))
        .committee(ituCommittee(authorSubdivision(doc), sdo));
  }

  /**
   * ITU amendments, corrigenda and errata often have no title of their own: they take the title of
   * the edition they belong to, as listed among their hasEdition relations.
   */
  private static Map<String, String> ituBaseTitle(Map<?, ?> doc, String identifier) {
    ItuId self = ItuId.parse(identifier);
    if (self == null || self.isEdition()) {
      return Map.of();
    }
    for (Object r : list(doc.get("relation"))) {
      if (r instanceof Map<?, ?> rel
          && "hasEdition".equals(str(rel.get("type")))
          && rel.get("bibitem") instanceof Map<?, ?> bib) {
        String target = relationTarget(bib);
        ItuId base = target == null ? null : ItuId.parse(target);
        if (base != null
            && base.isEdition()
            && base.rest.isEmpty()
            && base.rec.equals(self.rec)
            && base.year == self.baseYear) {
          return titles(bib, "en");
        }
      }
    }
    return Map.of();
  }

  static Status ituStatus(String stage, String urlMark, boolean laterEditionListed) {
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
        return isoIecStatus(stage);
    }
  }

  static PublicationType ituType(String doctype, String identifier) {
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

  static String ituCommittee(String subdivision, String sdo) {
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

  // ---------------------------------------------------------------- shared fields

  private record Ids(String primary, String primaryType, List<Identifier> others) {}

  private static Ids identifiers(Map<?, ?> doc) {
    List<Object> entries = new ArrayList<>(list(doc.get("docidentifier")));
    entries.addAll(list(doc.get("docid")));
    if (entries.isEmpty()) {
      throw new Unmappable("no identifier: the record has neither docid[] nor docidentifier[]");
    }
    int chosen = -1;
    int firstPrimary = -1;
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) instanceof Map<?, ?> m && isTrue(m.get("primary")) && idValue(m) != null) {
        if (firstPrimary < 0) {
          firstPrimary = i;
        }
        if (m.get("scope") == null) {
          chosen = i;
          break;
        }
      }
    }
    if (chosen < 0) {
      chosen = firstPrimary;
    }
    if (chosen < 0) {
      throw new Unmappable(
          "no primary identifier: no docid[] / docidentifier[] entry has primary: true");
    }
    Map<?, ?> primary = (Map<?, ?>) entries.get(chosen);
    String primaryValue = idValue(primary);
    List<Identifier> others = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    seen.add(primaryValue);
    for (int i = 0; i < entries.size(); i++) {
      if (i != chosen && entries.get(i) instanceof Map<?, ?> m) {
        String value = idValue(m);
        if (value != null && seen.add(value)) {
          String type = str(m.get("type"));
          others.add(new Identifier(type == null ? "other" : type, value));
        }
      }
    }
    return new Ids(primaryValue, str(primary.get("type")), others);
  }

  private static String idValue(Map<?, ?> docid) {
    String v = str(firstNonNull(docid.get("id"), docid.get("content")));
    return v == null ? null : PlainText.line(v);
  }

  private static String sdo(Map<?, ?> doc, String identifier, Rules rules) {
    List<String> publishers = new ArrayList<>();
    List<String> authors = new ArrayList<>();
    for (Object c : list(doc.get("contributor"))) {
      if (!(c instanceof Map<?, ?> contributor)) {
        continue;
      }
      String abbr = orgAbbreviation(contributor.get("organization"));
      if (abbr == null) {
        continue;
      }
      for (Object r : list(contributor.get("role"))) {
        String role = r instanceof Map<?, ?> rm ? str(rm.get("type")) : str(r);
        if ("publisher".equals(role)) {
          publishers.add(abbr);
        } else if ("author".equals(role)) {
          authors.add(abbr);
        }
      }
    }
    if (rules == Rules.ITU || publishers.contains("ITU")) {
      if (identifier != null) {
        Matcher m = ITU_SECTOR.matcher(identifier);
        if (m.find()) {
          return m.group(1);
        }
      }
      for (String a : authors) {
        if (ITU_SECTOR_NAME.matcher(a).matches()) {
          return a;
        }
      }
      return "ITU";
    }
    Set<String> bodies = new LinkedHashSet<>();
    for (String known : List.of("ISO", "IEC", "IEEE")) {
      if (publishers.contains(known)) {
        bodies.add(known);
      }
    }
    bodies.addAll(publishers);
    if (bodies.isEmpty() && identifier != null) {
      Matcher m = BODY_PREFIX.matcher(identifier);
      if (m.find()) {
        return m.group(1);
      }
    }
    return bodies.isEmpty() ? null : String.join("/", bodies);
  }

  private static String orgAbbreviation(Object organization) {
    if (!(organization instanceof Map<?, ?> org)) {
      return null;
    }
    String abbr = str(org.get("abbreviation"));
    if (abbr == null) {
      String name = str(first(list(org.get("name"))));
      if (name != null) {
        abbr =
            switch (name) {
              case "International Organization for Standardization" -> "ISO";
              case "International Electrotechnical Commission" -> "IEC";
              case "Institute of Electrical and Electronics Engineers" -> "IEEE";
              case "International Telecommunication Union" -> "ITU";
              default -> name;
            };
      }
    }
    if ("CISPR".equals(abbr)) {
      return "IEC";
    }
    return abbr;
  }

  private static String authorSubdivision(Map<?, ?> doc) {
    for (Object c : list(doc.get("contributor"))) {
      if (!(c instanceof Map<?, ?> contributor)) {
        continue;
      }
      boolean author = false;
      for (Object r : list(contributor.get("role"))) {
        author |= "author".equals(r instanceof Map<?, ?> rm ? str(rm.get("type")) : str(r));
      }
      if (!author || !(contributor.get("organization") instanceof Map<?, ?> org)) {
        continue;
      }
      for (Object sub : list(org.get("subdivision"))) {
        if (sub instanceof Map<?, ?> s) {
          String name = PlainText.line(str(first(list(s.get("name")))));
          if (name != null) {
            return name;
          }
        }
      }
    }
    return null;
  }

  private static Map<String, String> titles(Map<?, ?> doc, String defaultLang) {
    Map<String, Map<String, String>> byLang = new LinkedHashMap<>();
    for (Object t : list(doc.get("title"))) {
      if (!(t instanceof Map<?, ?> m)) {
        String plain = PlainText.line(str(t));
        if (plain != null) {
          byLang.computeIfAbsent(defaultLang, k -> new LinkedHashMap<>()).putIfAbsent("", plain);
        }
        continue;
      }
      String content = PlainText.clean(str(m.get("content")), PlainText.Field.TITLE, markup(m));
      if (content == null) {
        continue;
      }
      String type = str(m.get("type"));
      byLang
          .computeIfAbsent(language(m, defaultLang), k -> new LinkedHashMap<>())
          .putIfAbsent(type == null ? "" : type, content);
    }
    Map<String, String> titles = new LinkedHashMap<>();
    byLang.forEach(
        (lang, typed) -> {
          String main = typed.get("main");
          if (main == null) {
            List<String> parts = new ArrayList<>();
            for (String part : List.of("title-intro", "title-main", "title-part")) {
              if (typed.get(part) != null) {
                parts.add(typed.get(part));
              }
            }
            main = parts.isEmpty() ? typed.values().iterator().next() : String.join(" - ", parts);
          }
          titles.put(lang, main);
        });
    return titles;
  }

  private static Map<String, String> abstracts(Map<?, ?> doc, String defaultLang) {
    Map<String, String> abstracts = new LinkedHashMap<>();
    for (Object a : list(doc.get("abstract"))) {
      if (a instanceof Map<?, ?> m) {
        String text = PlainText.clean(str(m.get("content")), PlainText.Field.ABSTRACT, markup(m));
        if (text != null) {
          abstracts.putIfAbsent(language(m, defaultLang), text);
        }
      } else {
        String text = PlainText.clean(str(a), PlainText.Field.ABSTRACT, PlainText.Markup.TEXT);
        if (text != null) {
          abstracts.putIfAbsent(defaultLang, text);
        }
      }
    }
    return abstracts;
  }

  /** How a text element is written: HTML when its format says so, plain text otherwise. */
  private static PlainText.Markup markup(Map<?, ?> textElement) {
    return "text/html".equals(str(textElement.get("format")))
        ? PlainText.Markup.HTML
        : PlainText.Markup.TEXT;
  }

  private static String language(Map<?, ?> textElement, String defaultLang) {
    String lang = first(list(textElement.get("language")));
    return lang == null ? defaultLang : lang.toLowerCase(Locale.ROOT);
  }

  private static final Pattern DATE = Pattern.compile("^(\\d{4})(-\\d{2}(-\\d{2})?)?");

  /** Date type → YYYY[-MM[-DD]], the first of each type. */
  private static Map<String, String> dates(Map<?, ?> doc) {
    Map<String, String> dates = new LinkedHashMap<>();
    for (Object d : list(doc.get("date"))) {
      if (d instanceof Map<?, ?> m) {
        String type = str(m.get("type"));
        String value = str(firstNonNull(m.get("at"), m.get("value"), m.get("on")));
        if (type != null && value != null) {
          Matcher dm = DATE.matcher(value.strip());
          if (dm.find()) {
            dates.putIfAbsent(type, dm.group());
          }
        }
      }
    }
    return dates;
  }

  private static String url(Map<?, ?> doc) {
    List<Object> links = new ArrayList<>(list(doc.get("source")));
    links.addAll(list(doc.get("link")));
    String firstUrl = null;
    for (Object l : links) {
      String content = str(l);
      if (content == null) {
        continue;
      }
      if (l instanceof Map<?, ?> m && "src".equals(str(m.get("type")))) {
        return content;
      }
      firstUrl = firstUrl == null ? content : firstUrl;
    }
    return firstUrl;
  }

  private static List<String> keywords(Map<?, ?> doc) {
    Map<String, String> unique = new LinkedHashMap<>();
    for (Object k : list(doc.get("keyword"))) {
      Object v = k instanceof Map<?, ?> m && m.get("content") == null ? m.get("vocab") : k;
      String word = PlainText.line(str(v));
      if (word != null) {
        unique.putIfAbsent(word.toLowerCase(Locale.ROOT), word);
      }
    }
    return List.copyOf(unique.values());
  }

  // ---------------------------------------------------------------- relations

  private static List<Relation> relations(
      Map<?, ?> doc, String identifier, String sdo, Rules rules) {
    Set<Relation> relations = new LinkedHashSet<>();
    ItuId self = null; // parsed at the first hasEdition relation, once per record
    boolean selfParsed = false;
    for (Object r : list(doc.get("relation"))) {
      if (!(r instanceof Map<?, ?> rel)) {
        continue;
      }
      String type = str(rel.get("type"));
      String target = relationTarget(rel.get("bibitem"));
      if (type == null || target == null) {
        continue;
      }
      if (rules == Rules.ITU
          && sdo != null
          && sdo.startsWith("ITU-")
          && !target.startsWith("ITU")
          && !ISO_IEC_TARGET.matcher(target).matches()) {
        target = sdo + " " + target;
      }
      if (target.equals(identifier)) {
        continue;
      }
      String description = str(rel.get("description"));
      RelationType mapped;
      if ("hasEdition".equals(type) && rules == Rules.ITU) {
        if (!selfParsed) {
          self = ItuId.parse(identifier);
          selfParsed = true;
        }
        mapped = ituEdition(self, target);
      } else {
        mapped = relationType(type, description);
      }
      relations.add(Relation.of(mapped, target));
    }
    return List.copyOf(relations);
  }

  private static String relationTarget(Object bibitem) {
    if (!(bibitem instanceof Map<?, ?> bib)) {
      return null;
    }
    List<Object> ids = new ArrayList<>(list(bib.get("docidentifier")));
    ids.addAll(list(bib.get("docid")));
    String fallback = null;
    for (Object id : ids) {
      if (id instanceof Map<?, ?> m) {
        String value = idValue(m);
        if (value != null && isTrue(m.get("primary")) && m.get("scope") == null) {
          return value;
        }
        fallback = fallback == null ? value : fallback;
      }
    }
    if (fallback == null) {
      fallback = PlainText.line(str(bib.get("formattedref")));
    }
    return fallback;
  }

  static RelationType relationType(String type, String description) {
    String d = description == null ? "" : description.strip().toLowerCase(Locale.ROOT);
    return switch (type) {
      case "obsoletes", "supersedes", "successorOf", "replaces" -> RelationType.REPLACES;
      case "obsoletedBy", "supersededBy", "hasSuccessor", "replacedBy" -> RelationType.REPLACED_BY;
      case "updates" ->
          switch (d) {
            case "revises" -> RelationType.REPLACES;
            case "amends" -> RelationType.AMENDS;
            default -> RelationType.UPDATES;
          };
      case "updatedBy" -> RelationType.UPDATED_BY;
      case "amends" -> RelationType.AMENDS;
      case "amendedBy" -> RelationType.AMENDED_BY;
      case "adoptedAs", "adoptedBy" -> RelationType.ADOPTED_BY;
      case "complementOf", "complements", "hasComplement" -> RelationType.COMPLEMENTS;
      default ->
          type.startsWith("adopted") || type.startsWith("identicalAdopted")
              ? RelationType.ADOPTS
              : RelationType.RELATED;
    };
  }

  /**
   * "ITU-T Y.3117 (2022) Cor. 1 (05/2023)": the Recommendation, the year of the edition an
   * amendment or corrigendum belongs to, what it is, and its own month/year.
   */
  private static final Pattern ITU_ID =
      Pattern.compile(
          "^(?:ITU-[TRD] )?(?<rec>\\S+)(?: \\((?<base>\\d{4})\\))?(?<rest>.*?)"
              + "\\s*\\((?<mm>\\d{2})/(?<yyyy>\\d{4})\\)$");

  private record ItuId(String rec, String rest, Integer baseYear, int year, int month) {
    static ItuId parse(String identifier) {
      Matcher m = ITU_ID.matcher(identifier.strip());
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
  static RelationType ituEdition(String self, String other) {
    return ituEdition(ItuId.parse(self), other);
  }

  private static RelationType ituEdition(ItuId a, String other) {
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

  // ---------------------------------------------------------------- small helpers

  private static String stage(Map<?, ?> doc) {
    Object status = firstNonNull(doc.get("docstatus"), doc.get("status"));
    if (!(status instanceof Map<?, ?> s)) {
      return str(status);
    }
    Object stage = s.get("stage");
    String value =
        stage instanceof Map<?, ?> m
            ? str(firstNonNull(m.get("value"), m.get("content")))
            : str(stage);
    Object substage = s.get("substage");
    String sub =
        substage instanceof Map<?, ?> m
            ? str(firstNonNull(m.get("value"), m.get("content")))
            : str(substage);
    if (value != null
        && sub != null
        && TWO_DIGITS.matcher(value).matches()
        && TWO_DIGITS.matcher(sub).matches()) {
      return value + "." + sub;
    }
    return value;
  }

  private static String doctype(Map<?, ?> doc) {
    Object dt = firstNonNull(path(doc, "ext", "doctype"), doc.get("doctype"));
    if (dt instanceof Map<?, ?> m) {
      return str(firstNonNull(m.get("type"), m.get("content")));
    }
    return str(dt);
  }

  private static Object path(Object root, String... keys) {
    Object o = root;
    for (String k : keys) {
      if (!(o instanceof Map<?, ?> m)) {
        return null;
      }
      o = m.get(k);
    }
    return o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    if (o == null) {
      return List.of();
    }
    if (o instanceof List<?> l) {
      return (List<Object>) l;
    }
    return List.of(o);
  }

  /** A scalar as text; a mapping by its {@code content}; a list by its first element. */
  private static String str(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Map<?, ?> m) {
      return str(m.get("content"));
    }
    if (o instanceof List<?> l) {
      return l.isEmpty() ? null : str(l.get(0));
    }
    String s = o.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private static String first(List<Object> values) {
    for (Object v : values) {
      String s = str(v);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private static boolean isTrue(Object o) {
    return Boolean.TRUE.equals(o) || (o instanceof String s && s.equalsIgnoreCase("true"));
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
