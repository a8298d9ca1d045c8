package org.aisx.editions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * How the edition rules read an identifier: the publication it is an edition (or a draft) of, the
 * draft version, and whether it amends or corrects another document.
 *
 * <table>
 * <caption>edition groups: the publication an identifier belongs to</caption>
 * <tr><th>identifier</th><th>group</th></tr>
 * <tr><td>IEEE 7001-2021, IEEE P7001/D-4-2021-10, IEEE Approved P2660_1/D-3</td>
 *     <td>IEEE 7001, IEEE 2660.1 (the project number; {@code _} read as {@code .})</td></tr>
 * <tr><td>ISO/IEC 42001:2023, ISO/IEC DIS 42001, ISO/IEC DTR 24030, IEC 62243-2012 Redline</td>
 *     <td>ISO/IEC 42001, ISO/IEC TR 24030, IEC 62243 (stage prefixes and the year dropped)</td></tr>
 * <tr><td>ISO 18374:2025, ISO/DIS 18374, ISO/TR 21718:2019, ISO/CD TR 12786, ISO/DPAS 8800</td>
 *     <td>ISO 18374, ISO TR 21718, ISO TR 12786, ISO PAS 8800 (a body alone writes its stage
 *     or type after a slash)</td></tr>
 * <tr><td>ITU-T Y.3172 (06/2019), ITU-T H.626.5 (V2) (03/2022), ITU-T Y Suppl. 55 (10/2019)</td>
 *     <td>ITU-T Y.3172, ITU-T H.626.5, ITU-T Y Suppl. 55</td></tr>
 * <tr><td>another body's "X:YYYY" (JIS X 22989:2023)</td><td>X</td></tr>
 * <tr><td>amendments, corrigenda, errata; RFCs; anything else</td><td>none</td></tr>
 * </table>
 */
public final class EditionKey {
  private EditionKey() {}

  /**
   * The types of a record's other identifiers that name the same text under another body's
   * designation (ITU-T T.840.3 carries "ISO/IEC 6048-3" of type ISO: their common text).
   */
  public static final Set<String> TWIN_IDENTIFIER_TYPES =
      Set.of("ISO", "IEC", "ITU", "IEEE", "IETF");

  private static final Pattern IEEE =
      Pattern.compile(
          "^IEEE(?:/[A-Z]+)?\\s+(?:(?:Approved|Unapproved|Draft)\\s+)*(?:IEEE\\s+)?(?:Std\\s+)?"
              + "(P)?([A-Z]{0,2}\\d+(?:[._]\\d+)*[a-z]?)");
  private static final Pattern IEEE_DRAFT_VERSION = Pattern.compile("/D-?(\\d+(?:\\.\\d+)*)");
  private static final Pattern ISO =
      Pattern.compile(
          "^((?:ISO|IEC)(?:/(?:IEC|IEEE|ASTM|SAE|CIE))*)(?:\\s+|/(?=[A-Z]))"
              + "(?:(?:DIS|FDIS|CD|AWI|NP|PWI|WD|PRF|(?:P|F)?D(TR|TS|PAS))\\s+)?"
              + "(?:(TR|TS|PAS|Guide|ISP|IWA)\\s+)?(\\d+(?:-\\d{1,3})*)");
  private static final Pattern ISO_DRAFT =
      Pattern.compile(
          "^(?:ISO|IEC)\\S*?[\\s/](?:DIS|FDIS|CD|AWI|NP|PWI|WD|PRF|(?:P|F)?D(?:TR|TS|PAS))\\b");
  private static final Pattern ITU =
      Pattern.compile(
          "^(ITU-[TR]\\s+(?:[A-Z]+\\s+Suppl\\.\\s*\\d+|[A-Z]+\\.[\\d.]*\\d(?:/[A-Z.\\d]+)?))");
  private static final Pattern REDLINE = Pattern.compile("\\bRedline$", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR_SUFFIX = Pattern.compile("^(.+?):(?:19|20)\\d{2}$");

  private static final Pattern AMENDMENT =
      Pattern.compile(
          "\\bAmd\\.?\\s*\\d|[/+](?:D|FD|PD)?AMD\\s*\\d|/Amd\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern CORRIGENDUM =
      Pattern.compile("\\b(?:Cor|Err)\\.?\\s*\\d|[/+](?:D)?COR\\s*\\d", Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE_AMENDMENT =
      Pattern.compile("(?:^|[\\s\u2014\u2013-])Amendment\\s+\\d+\\s*:");
  private static final Pattern TITLE_CORRIGENDUM =
      Pattern.compile("(?:^|[\\s\u2014\u2013-])Corrigendum\\s+\\d+\\s*:");

  /** The group of editions {@code s} belongs to, or null (amendments, RFCs, unknown shapes). */
  static String of(Standard s) {
    return of(s.identifier(), s.sdo());
  }

  /**
   * The group of editions {@code identifier} belongs to (the publication it names, without its
   * edition), or null (amendments, RFCs, unknown shapes).
   */
  public static String of(String identifier, String sdo) {
    if (identifier == null || changeType(identifier, null) != null) {
      return null;
    }
    Matcher m = IEEE.matcher(identifier);
    if (m.find()) {
      return "IEEE " + m.group(2).replace('_', '.');
    }
    m = ISO.matcher(identifier);
    if (m.find()) {
      String kind = m.group(3) != null ? m.group(3) : m.group(2);
      return m.group(1) + " " + (kind == null ? "" : kind + " ") + m.group(4);
    }
    m = ITU.matcher(identifier);
    if (m.find()) {
      return m.group(1).replaceAll("\\s+", " ");
    }
    if (identifier.startsWith("RFC")) {
      return null;
    }
    m = YEAR_SUFFIX.matcher(identifier);
    return m.matches() ? m.group(1) : null;
  }

  /**
   * The publication {@code identifier} belongs to, whatever kind of document it names: its edition
   * group ({@link #of(String, String)}), the group of the document an amendment or corrigendum
   * changes ({@code ISO/IEC 42001:2023/Amd 1:2024} is {@code ISO/IEC 42001}), or, for shapes no
   * rule reads (an RFC), the identifier itself.
   */
  public static String publicationOf(String identifier, String sdo) {
    String changed = identifier.strip();
    for (Pattern change : List.of(AMENDMENT, CORRIGENDUM)) {
      Matcher m = change.matcher(changed);
      if (m.find() && m.start() > 0) {
        changed = changed.substring(0, m.start()).strip();
      }
    }
    String group = of(changed, sdo);
    return group != null ? group : changed;
  }

  private static final Pattern ISO_PART =
      Pattern.compile("^((?:ISO|IEC)\\S*\\s.*?\\d+)(?:-\\d{1,3})+$");
  private static final Pattern ITU_PART = Pattern.compile("^(ITU-[TR] [A-Z]+\\.\\d+)\\.[\\d.]+$");
  private static final Pattern IEEE_PART = Pattern.compile("^(IEEE \\d+)\\.[\\d.]+$");

  /**
   * The series {@code identifier}'s publication is a part of: its {@link #publicationOf
   * publication} without the part number ({@code ISO/IEC 6048-3} and {@code ISO/IEC DIS 6048-4} are
   * parts of {@code ISO/IEC 6048}, {@code ITU-T T.840.3 (01/2026)} of {@code ITU-T T.840}, {@code
   * IEEE 2660.1-2020} of {@code IEEE 2660}); a publication of no parts is its own series ({@code
   * ITU-T Y.3172}, {@code RFC 9110}).
   */
  public static String seriesOf(String identifier, String sdo) {
    String publication = publicationOf(identifier, sdo);
    for (Pattern part : List.of(ISO_PART, ITU_PART, IEEE_PART)) {
      Matcher m = part.matcher(publication);
      if (m.matches()) {
        return m.group(1);
      }
    }
    return publication;
  }

  /**
   * {@link PublicationType#AMENDMENT} or {@link PublicationType#CORRIGENDUM} when the identifier
   * (or, for bodies that number them within the base designation, the title) says the document
   * amends or corrects another; null otherwise.
   */
  static PublicationType changeType(String identifier, String title) {
    if (identifier != null) {
      if (AMENDMENT.matcher(identifier).find()) {
        return PublicationType.AMENDMENT;
      }
      if (CORRIGENDUM.matcher(identifier).find()) {
        return PublicationType.CORRIGENDUM;
      }
    }
    if (title != null) {
      if (TITLE_CORRIGENDUM.matcher(title).find()) {
        return PublicationType.CORRIGENDUM;
      }
      if (TITLE_AMENDMENT.matcher(title).find()) {
        return PublicationType.AMENDMENT;
      }
    }
    return null;
  }

  /**
   * Whether the identifier names a redline: IEEE's marked-up copy of an edition showing its changes
   * from the one before ("IEEE 802.11-2020 Redline"), sold beside the clean text.
   */
  public static boolean isRedline(String identifier) {
    return identifier != null && REDLINE.matcher(identifier.strip()).find();
  }

  private static final Pattern ISO_FAMILY_DRAFT =
      Pattern.compile(
          "^(?:ISO|IEC)\\b.*?\\b(?:PWI|NP|AWI|WD|CD|DIS|FDIS|PRF|(?:P|F)?D(?:TR|TS|PAS)"
              + "|(?:P|F)?DAmd|(?:P|F)?DAM|F?DCOR|F?DCor|F?DGuide)\\b");

  private static final Pattern DATED = Pattern.compile(":(?:19|20)\\d{2}\\b");

  /**
   * Whether {@code identifier} names an ISO or IEC document at a draft stage, before publication: a
   * stage prefix ("ISO/DIS 23150-1", "ISO/IEC CD 27001", "ISO/CD TS 22726-1", "IEC/DIS 80601-2-52")
   * or a draft amendment or corrigendum ("ISO/IEC 14496-15:2022/DAM 3", "ISO 10110-6:2015/DAmd 1"),
   * or a draft guide ("ISO/DGuide 84").
   */
  public static boolean namesIsoDraft(String identifier) {
    return identifier != null && ISO_FAMILY_DRAFT.matcher(identifier.strip()).find();
  }

  /** Whether {@code identifier} names the year of an edition (":2023"). */
  public static boolean dated(String identifier) {
    return identifier != null && DATED.matcher(identifier).find();
  }

  /** A draft by its status, or by an identifier that names a draft (IEEE P-number, ISO DIS). */
  static boolean isDraft(Standard s) {
    if (s.status() == Status.DRAFT || s.status() == Status.REPLACED) {
      return true;
    }
    String id = s.identifier();
    Matcher m = IEEE.matcher(id);
    return (m.find() && m.group(1) != null) || ISO_DRAFT.matcher(id).find();
  }

  /** The draft version as numbers ("/D-9.1" → [9, 1]); empty when the identifier gives none. */
  static List<Integer> draftVersion(String identifier) {
    Matcher m = IEEE_DRAFT_VERSION.matcher(identifier);
    List<Integer> out = new ArrayList<>();
    if (m.find()) {
      for (String n : m.group(1).split("\\.")) {
        out.add(Integer.parseInt(n.length() > 9 ? n.substring(0, 9) : n));
      }
    }
    return out;
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Set<String> NOISE =
      Set.of(
          "the",
          "of",
          "and",
          "for",
          "in",
          "on",
          "a",
          "an",
          "to",
          "with",
          "by",
          "or",
          "its",
          "from",
          "as",
          "at",
          "ieee",
          "draft",
          "approved",
          "unapproved",
          "standard",
          "standards",
          "std",
          "trial",
          "use",
          "guide",
          "recommended",
          "practice",
          "practices",
          "replaced",
          "mpai");

  /**
   * Whether two titles name the same publication: at least half of their words shared (Jaccard),
   * leaving out small words, numbers and the words that only say what kind of draft or document it
   * is. Needed for IEEE, which reuses project numbers (P2815 is a machine-learning fairness draft
   * and a distribution-transformer terminal).
   */
  static boolean sameTitle(String a, String b) {
    Set<String> wa = words(a);
    Set<String> wb = words(b);
    if (wa.isEmpty() || wb.isEmpty()) {
      return false;
    }
    Set<String> both = new HashSet<>(wa);
    both.retainAll(wb);
    Set<String> either = new HashSet<>(wa);
    either.addAll(wb);
    return both.size() * 2 >= either.size();
  }

  private static Set<String> words(String title) {
    Set<String> words = new HashSet<>();
    if (title == null) {
      return words;
    }
    Matcher m = WORD.matcher(title.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (!NOISE.contains(w) && !w.chars().allMatch(Character::isDigit)) {
        words.add(w);
      }
    }
    return words;
  }
}
