package org.aisx.ingest;

import static org.aisx.ingest.RelatonFields.authorSubdivision;
import static org.aisx.ingest.RelatonFields.doctype;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.editions.EditionKey;

/**
 * ISO and IEC records (identifier type {@code ISO} or {@code IEC}; the IEC feed, with the joint
 * ISO/IEC JTC 1 standards, and the ISO feed): {@link DefaultRules} plus what the two bodies do
 * their own way.
 *
 * <table>
 * <caption>status ({@code stage} keeps the body's own value verbatim)</caption>
 * <tr><th>source value (records in the shared feeds)</th><th>status</th></tr>
 * <tr><td>IEC docstatus PUBLISHED (15,443)</td><td>in-force</td></tr>
 * <tr><td>REVISED (12,797), REPLACED (2,692)</td><td>superseded</td></tr>
 * <tr><td>WITHDRAWN (1,592)</td><td>withdrawn</td></tr>
 * <tr><td>harmonized stage code below 60, and 60.00 (under publication)</td><td>draft</td></tr>
 * <tr><td>60.60, and 90.xx (reviewed: the document stays in force)</td><td>in-force</td></tr>
 * <tr><td>95.99 (and bare 95)</td><td>withdrawn</td></tr>
 * <tr><td>other words</td><td>as {@link DefaultRules}</td></tr>
 * </table>
 *
 * <p>Type: IEC white papers ({@code wp}, {@code white-paper}), technology reports ({@code tec}),
 * trend reports ({@code sttr}) and technology and market outlooks ({@code tmop}) are technical
 * papers; other doctypes as {@link DefaultRules}.
 *
 * <p>Committee: {@code ext.editorialgroup.technical_committee[0].name}, with "IEC " (or "ISO ") put
 * in front of bare "TC 61"-style names; else the authors' subdivision. Publishers: "CISPR" counts
 * as IEC; the bodies' full names become ISO and IEC.
 *
 * <p>Relations: the ISO feed writes {@code updates} for what ISO's catalogue lists as "Revised by"
 * and "Corrigenda / Amendments" on the older document's page, so it means <em>updated by</em>: "ISO
 * 12813:2015 updates ISO 12813:2019" is the 2015 edition revised by the 2019 one, "ISO 21207:2004
 * updates ISO 21207:2004/Cor 1:2008" the standard corrected by its corrigendum. Of the 34,842
 * {@code updates} links of the shared feed, 28,789 join identifiers of editions of different years,
 * and in 28,784 of them the target is the newer (the 5 others join different documents). So {@code
 * updates} is {@code updated-by}, unless the years say the target is the older (both identifiers
 * dated, the target's edition year before the source's): then {@code updates} as the verb says
 * ({@link #updatesDirection}). The IEC feed has no {@code updates} links.
 *
 * <p>The ISO feed writes {@code obsoletes} both for what an edition replaces ("Revises" on ISO's
 * page: newer to older in all 19,234 links between dated editions of one document) and, from a
 * dated edition to an undated draft, for ISO's "Will be replaced by": "ISO 23150:2023 obsoletes
 * ISO/DIS 23150-1", "IEC 60601-2-52:2009 obsoletes IEC/DIS 80601-2-52" (2,928 of the feed's 37,441
 * {@code obsoletes} links, 2,927 of them to an identifier that names a draft stage). That shape
 * reads {@code replaced-by} ({@link #willBeReplacedBy}): the draft will replace the edition.
 */
public final class IsoIecRules implements BodyRules {

  private static final Pattern STAGE_CODE = Pattern.compile("(\\d{2})(?:\\.(\\d{2}))?");
  private static final Pattern COMMITTEE_CODE = Pattern.compile("(?:TC|SC|SyC|TA)\\b.*");

  @Override
  public Set<String> identifierTypes() {
    return Set.of("ISO", "IEC");
  }

  @Override
  public Set<String> publishers() {
    return Set.of("ISO", "IEC");
  }

  @Override
  public String publisherAbbreviation(String name) {
    return switch (name) {
      case "International Organization for Standardization" -> "ISO";
      case "International Electrotechnical Commission", "CISPR" -> "IEC";
      default -> null;
    };
  }

  @Override
  public RelationType relationType(String type, String identifier, String target) {
    if ("obsoletes".equals(type) && willBeReplacedBy(identifier, target)) {
      return RelationType.REPLACED_BY;
    }
    return "updates".equals(type) ? updatesDirection(identifier, target) : null;
  }

  /**
   * Whether an ISO {@code obsoletes} link from {@code identifier} to {@code target} is ISO's "Will
   * be replaced by": the record is a dated edition ("ISO 23150:2023") and the target an undated
   * draft of the ISO/IEC family ("ISO/DIS 23150-1", "IEC/DIS 80601-2-52", "ISO/CD TS 22726-1";
   * {@link EditionKey#namesIsoDraft}), which will replace it once published. Such a link is {@code
   * replaced-by}, held by the edition: the draft replaces it, not the other way round. Every other
   * {@code obsoletes} link keeps its generic meaning, {@code replaces}. The upgrade turns links
   * stored before this rule the same way ({@code store.IsoDraftLinksTurned}).
   */
  public static boolean willBeReplacedBy(String identifier, String target) {
    return EditionKey.dated(identifier)
        && !EditionKey.dated(target)
        && EditionKey.namesIsoDraft(target);
  }

  private static final Pattern YEAR = Pattern.compile(":((?:19|20)\\d{2})\\b");

  /**
   * What an ISO {@code updates} link from {@code identifier} to {@code target} means: {@code
   * updated-by}, unless both are dated and the target is the older, by the year of the edition each
   * identifier names (the first: "ISO 12813:2015/Amd 1:2017" is of the 2015 edition, so the link
   * from "ISO 12813:2015" to its amendment stays {@code updated-by}, as does the feed's link from
   * "ISO 2537:1985" to "ISO 2537:1985/Amd 1:1983"). The upgrade turns links stored before this rule
   * round by it ({@code store.IsoUpdatesTurned}).
   */
  public static RelationType updatesDirection(String identifier, String target) {
    int from = editionYear(identifier);
    int to = editionYear(target);
    return from > 0 && to > 0 && to < from ? RelationType.UPDATES : RelationType.UPDATED_BY;
  }

  private static int editionYear(String identifier) {
    Matcher m = YEAR.matcher(identifier);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  @Override
  public void complete(Context record, Standard.Builder b) {
    Map<?, ?> doc = record.doc();
    String stage = RelatonFields.stage(doc);
    PublicationType type = type(doctype(doc), record.identifier());
    b.stage(stage)
        .status(status(stage))
        .type(type)
        .kind(DefaultRules.kind(type))
        .published(record.publishedOrIssued())
        .committee(committee(doc, record.sdo()));
  }

  /** The status of a harmonized stage code ("60.60") or of a stage's words. */
  static Status status(String stage) {
    if (stage == null) {
      return null;
    }
    Matcher numeric = STAGE_CODE.matcher(stage.strip());
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
    return DefaultRules.status(stage);
  }

  static PublicationType type(String doctype, String identifier) {
    String d = doctype == null ? "" : doctype.strip().toLowerCase(Locale.ROOT);
    return switch (d) {
      case "wp", "white-paper", "tec", "sttr", "tmop" -> PublicationType.TECHNICAL_PAPER;
      default -> DefaultRules.type(doctype, identifier);
    };
  }

  private static String committee(Map<?, ?> doc, String sdo) {
    String name = DefaultRules.technicalCommittee(doc);
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
}
