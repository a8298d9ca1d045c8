package org.aisx.ingest;

import static org.aisx.ingest.RelatonFields.first;
import static org.aisx.ingest.RelatonFields.firstNonNull;
import static org.aisx.ingest.RelatonFields.list;
import static org.aisx.ingest.RelatonFields.path;
import static org.aisx.ingest.RelatonFields.str;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * IEEE records (identifier type {@code IEEE}; the IEEE feeds, standards and P-number drafts).
 *
 * <table>
 * <caption>status ({@code stage} is {@code ext.standard_status}: Active, Inactive, Superseded)
 * </caption>
 * <tr><th>source value</th><th>status</th></tr>
 * <tr><td>P-number identifier ("IEEE P7001/D-4…", "IEEE Approved P802…") or docstatus draft</td>
 *     <td>draft</td></tr>
 * <tr><td>docstatus superseded, or ext.standard_status Superseded</td><td>superseded</td></tr>
 * <tr><td>ext.standard_status Inactive (withdrawn or "reserved")</td><td>withdrawn</td></tr>
 * <tr><td>ext.standard_status Active</td><td>in-force</td></tr>
 * </table>
 *
 * <p>Identifier: a record whose IEEE designation holds no number ("A Call", "IEEE Federated": the
 * feed's docid is the first words of the title) is identified by its ISBN ("ISBN
 * 978-1-5044-7570-9"), which every such record of the feed has; without a DOI too (Industry
 * Connections white papers), it is a technical paper of kind publication.
 *
 * <p>Type: a guide when the title is "[IEEE] [Approved|Unapproved] [Draft] [Trial-Use] Guide…" or
 * "…Recommended Practice…", an international standard otherwise; the kind is standard (but see the
 * identifier rule above).
 *
 * <p>{@code published}: the published date, else issued; but IEEE's "published" is the IEEE Xplore
 * upload date, so the issued (approval) date is used when published is more than a year after the
 * year in the designation and issued is not (digitised legacy standards: "IEEE 1019-1985" published
 * 2013-04-30, issued 1984-06-14). {@code committee}: {@code editorialgroup.committee[0]}.
 */
final class IeeeRules implements BodyRules {

  private static final Pattern DRAFT =
      Pattern.compile("^IEEE\\s+(?:(?:Approved|Unapproved|Draft)\\s+)*P[A-Z]*\\d");
  private static final Pattern GUIDE =
      Pattern.compile(
          "^(?:IEEE\\s+)?(?:(?:Approved|Unapproved)\\s+)?(?:Draft\\s+)?(?:IEEE\\s+)?"
              + "(?:Trial[- ]Use\\s+)?(?:Guide|Recommended\\s+Practice)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DIGIT = Pattern.compile("\\d");

  /** "IEEE Std 1010-2006", "ANSI Std C63.2-1987": the 2025 feed's spelling of "IEEE 1010-2006". */
  private static final Pattern STD_SPELLING = Pattern.compile("^([A-Z][A-Za-z/]*)\\s+Std\\s+(.+)$");

  private static final Pattern DESIGNATION_YEAR =
      Pattern.compile("-((?:18|19|20)\\d{2})(?:-\\d{2})?$");

  @Override
  public Set<String> identifierTypes() {
    return Set.of("IEEE");
  }

  @Override
  public Set<String> publishers() {
    return Set.of("IEEE");
  }

  @Override
  public String publisherAbbreviation(String name) {
    return name.equals("Institute of Electrical and Electronics Engineers") ? "IEEE" : null;
  }

  /**
   * IEEE's feed wrote "IEEE 1010-2006" until 2024 and writes "IEEE Std 1010-2006" since 2025: the
   * catalogue keeps the shorter form (what people type, and the record's id since the first
   * import); the feed's spelling is not kept beside it ({@link #keepsFeedDocid}).
   */
  @Override
  public String identifier(String primary, Map<?, ?> doc) {
    Matcher m = STD_SPELLING.matcher(primary.strip());
    return m.matches() ? m.group(1) + " " + m.group(2) : primary;
  }

  @Override
  public String relationTarget(String target, Map<?, ?> bibitem, String sdo) {
    return identifier(target, bibitem);
  }

  @Override
  public boolean keepsFeedDocid() {
    return false;
  }

  @Override
  public void complete(Context record, Standard.Builder b) {
    Map<?, ?> doc = record.doc();
    String identifier = record.identifier();
    String standardStatus = str(path(doc, "ext", "standard_status"));
    String docstatus = RelatonFields.stage(doc);
    String title = mainTitle(doc);
    PublicationType type =
        title != null && GUIDE.matcher(title).find()
            ? PublicationType.GUIDE
            : PublicationType.INTERNATIONAL_STANDARD;
    Object group = firstNonNull(doc.get("editorialgroup"), path(doc, "ext", "editorialgroup"));
    String committee = null;
    if (group instanceof Map<?, ?> g) {
      committee = PlainText.line(first(list(g.get("committee"))));
    }
    Kind kind = Kind.STANDARD;
    String isbn = docid(doc, "ISBN");
    if (identifier != null && isbn != null && !DIGIT.matcher(identifier).find()) {
      b.identifier("ISBN " + isbn);
      if (docid(doc, "DOI") == null) {
        type = PublicationType.TECHNICAL_PAPER;
        kind = Kind.PUBLICATION;
      }
    }
    b.stage(firstNonNull(standardStatus, docstatus))
        .status(status(identifier, docstatus, standardStatus))
        .type(type)
        .kind(kind)
        .published(published(identifier, record.dates()))
        .committee(committee);
  }

  static Status status(String identifier, String docstatus, String standardStatus) {
    String ds = docstatus == null ? "" : docstatus.toLowerCase(Locale.ROOT);
    String ss = standardStatus == null ? "" : standardStatus.toLowerCase(Locale.ROOT);
    if ((identifier != null && DRAFT.matcher(identifier).find()) || ds.equals("draft")) {
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

  private static String published(String identifier, Map<String, String> dates) {
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

  /** The first docid of {@code type} ({@code docid[].id}), or null. */
  private static String docid(Map<?, ?> doc, String type) {
    for (Object d : list(doc.get("docid"))) {
      if (d instanceof Map<?, ?> m && type.equalsIgnoreCase(str(m.get("type")))) {
        String id = str(m.get("id"));
        if (id != null && !id.isBlank()) {
          return id.strip();
        }
      }
    }
    return null;
  }

  /** The title of type main, else the first title, on one line. */
  private static String mainTitle(Map<?, ?> doc) {
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
}
