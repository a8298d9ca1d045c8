package org.aisx.ingest;

import static org.aisx.ingest.RelatonFields.doctype;
import static org.aisx.ingest.RelatonFields.firstNonNull;
import static org.aisx.ingest.RelatonFields.list;
import static org.aisx.ingest.RelatonFields.path;
import static org.aisx.ingest.RelatonFields.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * Japanese Industrial Standards (identifier type {@code JIS}: "JIS X 22989:2023", "TR A 0001:1996",
 * "TS B 0033:2017"). The feed names the bodies in Japanese (一般財団法人 日本規格協会, the Japanese Standards
 * Association, which publishes JIS with the drafting associations): every record's {@code sdo} is
 * "JIS", and those names count as JIS wherever they appear.
 *
 * <table>
 * <caption>status ({@code stage} keeps the feed's word)</caption>
 * <tr><th>docstatus (records in the shared feed)</th><th>status</th></tr>
 * <tr><td>valid (11,993)</td><td>in-force</td></tr>
 * <tr><td>withdrawn (9,334)</td><td>withdrawn</td></tr>
 * <tr><td>none or other words</td><td>as {@link DefaultRules}, else inferred</td></tr>
 * </table>
 *
 * <p>Type: a Japanese Industrial Standard and its amendments are national standards; technical
 * reports (TR) and specifications (TS) keep those types. {@code committee}: the drafting
 * organisations the feed lists in {@code editorialgroup.technical_committee} (one per line), joined
 * by "; ". National adoptions ("JIS X 22989:2023" adopts "ISO/IEC 22989:2022") are not in the feed:
 * they are found in the catalogue when records are saved ({@link NationalAdoptions}).
 */
final class JisRules implements BodyRules {

  private static final Pattern LINES = Pattern.compile("\\s*[\\r\\n]+\\s*");

  private static final Set<String> NAMES =
      Set.of(
          "Japanese Industrial Standards",
          "Japanese Industrial Standards Committee",
          "Japanese Standards Association",
          "JSA",
          "JISC");

  @Override
  public Set<String> identifierTypes() {
    return Set.of("JIS");
  }

  @Override
  public Set<String> publishers() {
    return Set.of("JIS");
  }

  @Override
  public String publisherAbbreviation(String name) {
    return NAMES.contains(name) || name.contains("日本規格協会") || name.contains("日本産業標準調査会")
        ? "JIS"
        : null;
  }

  @Override
  public String sdo(String identifier, List<String> authors) {
    return "JIS";
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
        .committee(committee(doc));
  }

  static Status status(String stage) {
    if (stage == null) {
      return null;
    }
    return switch (stage.strip().toLowerCase(Locale.ROOT)) {
      case "valid" -> Status.IN_FORCE;
      case "withdrawn", "abolished" -> Status.WITHDRAWN;
      default -> DefaultRules.status(stage);
    };
  }

  static PublicationType type(String doctype, String identifier) {
    String d = doctype == null ? "" : doctype.strip().toLowerCase(Locale.ROOT);
    return switch (d) {
      case "japanese-industrial-standard", "amendment", "" ->
          identifier != null && identifier.startsWith("TR ")
              ? PublicationType.TECHNICAL_REPORT
              : identifier != null && identifier.startsWith("TS ")
                  ? PublicationType.TECHNICAL_SPECIFICATION
                  : PublicationType.NATIONAL_STANDARD;
      default -> {
        PublicationType t = DefaultRules.type(doctype, identifier);
        yield t == PublicationType.INTERNATIONAL_STANDARD ? PublicationType.NATIONAL_STANDARD : t;
      }
    };
  }

  /** The drafting organisations, one per line in the feed, joined by "; ". */
  static String committee(Map<?, ?> doc) {
    Object group = firstNonNull(path(doc, "ext", "editorialgroup"), doc.get("editorialgroup"));
    if (!(group instanceof Map<?, ?> g)) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Object tc : list(g.get("technical_committee"))) {
      String raw = tc instanceof Map<?, ?> m ? str(m.get("name")) : str(tc);
      if (raw == null) {
        continue;
      }
      for (String line : LINES.split(raw.strip())) {
        String name = PlainText.line(line);
        if (name != null && !names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names.isEmpty() ? null : String.join("; ", names);
  }
}
