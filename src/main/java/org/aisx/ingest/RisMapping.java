package org.aisx.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * Maps one RIS entry ({@link RisReader.Entry}) to a record (SPEC §1).
 *
 * <table>
 *   <tr><th>RIS</th><th>record</th></tr>
 *   <tr><td>TI (T1)</td><td>title (English)</td></tr>
 *   <tr><td>AB (N2)</td><td>abstract</td></tr>
 *   <tr><td>DA, else PY (Y1): {@code YYYY[/MM[/DD]]}</td><td>published</td></tr>
 *   <tr><td>DO</td><td>an identifier of type DOI; the url ({@code https://doi.org/...}) when there is no UR</td></tr>
 *   <tr><td>UR</td><td>url</td></tr>
 *   <tr><td>KW</td><td>keywords</td></tr>
 *   <tr><td>PB, or NIST's DOI prefix</td><td>sdo</td></tr>
 *   <tr><td>SN (report number), else the DOI</td><td>identifier</td></tr>
 *   <tr><td>TY</td><td>type, unless the body's series says more</td></tr>
 * </table>
 *
 * <p>Authors (AU) and the place (CY) have no field in the record and are not kept.
 *
 * <p><b>NIST</b> (publisher "National Institute of Standards and Technology" or "National Bureau of
 * Standards", or a DOI under NIST's prefix 10.6028): the identifier is the one NIST writes, "NIST
 * SP 1270", taken from the DOI ({@code 10.6028/NIST.SP.1270}: body, series, number, with the DOI's
 * dots as spaces), which is unique per publication and regular; the report number (SN) agrees with
 * it for 90 % of the feed and is kept as a second identifier where it is spelled otherwise ("NISTIR
 * 8343" for "NIST IR 8343", "LCIRC 17" for "NBS LCIRC 17", or garbled: "NIST AI NIST AI
 * 100-2e2023"). The SN is the identifier only when the DOI lacks that shape. The type follows the
 * series ({@link #nistType}). The feed gives no status: a public draft (the identifier ends in
 * "ipd", "2pd", "fpd", "pd" or "-draft") is a draft, every other publication is in force, with the
 * draft's name or "Final" as the stage.
 */
final class RisMapping {
  /** NIST's DOIs: {@code 10.6028/NIST.SP.800-53r5}, {@code 10.6028/NBS.CIRC.13e2revjune}. */
  private static final Pattern NIST_DOI =
      Pattern.compile("^10\\.6028/(NIST|NBS)\\.([A-Za-z][A-Za-z-]*)\\.(.+)$");

  private static final Pattern NIST_PUBLISHER =
      Pattern.compile(
          "National Institute of Standards and Technology|National Bureau of Standards",
          Pattern.CASE_INSENSITIVE);

  /** A public draft's suffix: " ipd", " 2pd", " fpd", " pd", "-draft", "-draft2". */
  private static final Pattern NIST_DRAFT =
      Pattern.compile("(?i)(?:\\s([i2-9f]?pd)|-(draft)\\d*)$");

  private static final Pattern DATE =
      Pattern.compile("^(\\d{4})(?:[/-](\\d{1,2})(?:[/-](\\d{1,2}))?)?(?:[/-].*)?$");

  /** SN values that some records garble: "error: NIST CHIPS 1000-2 ipd", "NIST AI NIST AI 1". */
  private static final Pattern SN_NOISE = Pattern.compile("^(?:error:\\s*)|^(\\w+ \\w+) (?=\\1 )");

  /**
   * NIST's series and the publication type each is (SPEC §1); any other series is a technical
   * report, as NIST's technical publications are by default (RIS type RPRT).
   */
  private static final Map<String, PublicationType> NIST_SERIES =
      Map.ofEntries(
          // Federal Information Processing Standards and the NBS Commercial Standards.
          Map.entry("FIPS", PublicationType.NATIONAL_STANDARD),
          Map.entry("CS", PublicationType.NATIONAL_STANDARD),
          // Special Publications (SP 800 guidelines, SP 1270), the AI series (AI 100-1, the AI
          // RMF), handbooks (HB 44, HB 130) and Building and Housing: guidance.
          Map.entry("SP", PublicationType.GUIDE),
          Map.entry("AI", PublicationType.GUIDE),
          Map.entry("HB", PublicationType.GUIDE),
          Map.entry("BH", PublicationType.GUIDE),
          // Technical notes, cybersecurity white papers, monographs.
          Map.entry("TN", PublicationType.TECHNICAL_PAPER),
          Map.entry("CSWP", PublicationType.TECHNICAL_PAPER),
          Map.entry("MONO", PublicationType.TECHNICAL_PAPER),
          // Reference data and miscellaneous publications.
          Map.entry("NSRDS", PublicationType.OTHER),
          Map.entry("MP", PublicationType.OTHER));

  private static final Map<String, PublicationType> RIS_TYPES =
      Map.of(
          "RPRT", PublicationType.TECHNICAL_REPORT,
          "JOUR", PublicationType.TECHNICAL_PAPER,
          "CONF", PublicationType.TECHNICAL_PAPER,
          "CPAPER", PublicationType.TECHNICAL_PAPER);

  private final String sourceName;

  RisMapping(String sourceName) {
    this.sourceName = sourceName;
  }

  /**
   * The record of one entry.
   *
   * @throws IllegalArgumentException naming the tag when the entry cannot stand as a record
   */
  Standard map(RisReader.Entry e) {
    String doi = e.first("DO");
    String sn = e.first("SN");
    String publisher = e.first("PB");
    // An entry without a title (TI) is still a record, shown by its identifier.
    String title = PlainText.line(first(e, "TI", "T1"));
    Matcher nistDoi = doi == null ? null : NIST_DOI.matcher(doi);
    boolean nist =
        (nistDoi != null && nistDoi.matches())
            || (doi != null && doi.startsWith("10.6028/"))
            || (publisher != null && NIST_PUBLISHER.matcher(publisher).find());
    String reportNumber = sn == null ? null : PlainText.line(SN_NOISE.matcher(sn).replaceAll(""));

    String identifier;
    if (nist && nistDoi != null && nistDoi.matches()) {
      identifier =
          nistDoi.group(1) + " " + nistDoi.group(2) + " " + nistDoi.group(3).replace('.', ' ');
    } else if (reportNumber != null) {
      identifier = reportNumber;
    } else if (doi != null) {
      identifier = doi;
    } else {
      throw new IllegalArgumentException("no identifier: neither a report number (SN) nor a DOI");
    }

    List<Identifier> identifiers = new ArrayList<>();
    if (doi != null && !doi.equals(identifier)) {
      identifiers.add(new Identifier("DOI", doi));
    }
    if (reportNumber != null && !reportNumber.equalsIgnoreCase(identifier)) {
      identifiers.add(new Identifier("report number", reportNumber));
    }

    String sdo;
    if (nist) {
      sdo = "NIST";
    } else if (publisher != null) {
      sdo = PlainText.line(publisher);
    } else {
      throw new IllegalArgumentException(
          identifier + ": no publisher (PB) to name the body that issued it");
    }

    PublicationType type;
    Status status = Status.IN_FORCE;
    String stage = null;
    if (nist) {
      type = nistType(identifier);
      Matcher draft = NIST_DRAFT.matcher(identifier);
      if (draft.find()) {
        status = Status.DRAFT;
        stage = draftStage(draft.group(1) != null ? draft.group(1) : draft.group(2));
      } else {
        stage = "Final";
      }
    } else {
      type =
          RIS_TYPES.getOrDefault(
              String.valueOf(e.first("TY")).toUpperCase(Locale.ROOT), PublicationType.OTHER);
    }

    String url = e.first("UR");
    if (url == null && doi != null) {
      url = "https://doi.org/" + doi;
    }

    List<String> keywords = new ArrayList<>();
    for (String k : e.all("KW")) {
      String clean = PlainText.line(k);
      if (clean != null && !keywords.contains(clean)) {
        keywords.add(clean);
      }
    }
    String summary =
        PlainText.clean(first(e, "AB", "N2"), PlainText.Field.ABSTRACT, PlainText.Markup.TEXT);

    return Standard.builder(identifier)
        .identifiers(identifiers)
        .title(title == null ? Map.of() : Map.of("en", title))
        .summary(summary == null ? Map.of() : Map.of("en", summary))
        .sdo(sdo)
        .type(type)
        .status(status)
        .stage(stage)
        .published(published(e))
        .url(url)
        .kind(type == PublicationType.NATIONAL_STANDARD ? Kind.STANDARD : Kind.PUBLICATION)
        .keywords(keywords)
        .source(sourceName)
        .build();
  }

  /** The series of a NIST identifier ("SP" in "NIST SP 1270") and its type. */
  static PublicationType nistType(String identifier) {
    String[] words = identifier.split(" ");
    String series = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
    if (series.startsWith("NISTIR")) {
      series = "IR";
    }
    return NIST_SERIES.getOrDefault(series, PublicationType.TECHNICAL_REPORT);
  }

  private static String draftStage(String suffix) {
    return switch (suffix.toLowerCase(Locale.ROOT)) {
      case "ipd" -> "Initial Public Draft";
      case "fpd" -> "Final Public Draft";
      case "pd" -> "Public Draft";
      case "2pd" -> "Second Public Draft";
      case "3pd" -> "Third Public Draft";
      case "draft" -> "Draft";
      default -> "Public Draft " + suffix.charAt(0);
    };
  }

  /** DA, else PY, else Y1, as an ISO date of the precision given; null when none parses. */
  static String published(RisReader.Entry e) {
    for (String tag : List.of("DA", "PY", "Y1")) {
      String value = e.first(tag);
      if (value == null) {
        continue;
      }
      Matcher m = DATE.matcher(value);
      if (!m.matches()) {
        continue;
      }
      StringBuilder date = new StringBuilder(m.group(1));
      int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
      if (month >= 1 && month <= 12) {
        date.append('-').append(String.format(Locale.ROOT, "%02d", month));
        int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (day >= 1
            && day <= java.time.YearMonth.of(Integer.parseInt(m.group(1)), month).lengthOfMonth()) {
          date.append('-').append(String.format(Locale.ROOT, "%02d", day));
        }
      }
      return date.toString();
    }
    return null;
  }

  private static String first(RisReader.Entry e, String tag, String alternative) {
    String v = e.first(tag);
    return v != null ? v : e.first(alternative);
  }
}
