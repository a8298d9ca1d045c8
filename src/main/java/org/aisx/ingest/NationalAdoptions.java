package org.aisx.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Slug;
import org.aisx.catalog.Standard;

/**
 * National adoptions of international standards ({@code adopts}; SPEC §1), found in the catalogue
 * because the national feed does not say them: JIS numbers a Japanese adoption of an ISO, IEC or
 * ISO/IEC standard with the international number ("JIS X 22989:2023" is the Japanese edition of
 * "ISO/IEC 22989:2022", "JIS C 61000-4-2:2012" of "IEC 61000-4-2:2008"), but also gives numbers of
 * its own that happen to equal unrelated international ones. So a national record adopts an
 * international one when:
 *
 * <ol>
 *   <li>its identifier is "JIS L NNNN[-p...]:YYYY" (or "TR"/"TS" for reports and specifications,
 *       which adopt "… TR"/"… TS" documents; amendments are left out);
 *   <li>the catalogue has "ISO/IEC", "ISO" or "IEC" [TR/TS] with the same number and parts, in an
 *       edition of the same year as the national one or of up to 30 years before;
 *   <li>their English titles say the same: at least {@value #MIN_TITLE_OVERLAP} of their words in
 *       common (Jaccard, after lower-casing and dropping punctuation);
 * </ol>
 *
 * and of the candidates it adopts the latest such edition. The relation's inverse ({@code
 * adopted-by}) shows on the international record. It is applied to national records when they are
 * saved, and, after an import that brought ISO or IEC records, to the national records of the
 * catalogue that adopt nothing yet; so the order of the imports does not matter, and importing a
 * feed again changes nothing.
 */
final class NationalAdoptions {
  static final double MIN_TITLE_OVERLAP = 0.6;
  private static final int YEARS_BACK = 30;

  private static final Pattern JIS =
      Pattern.compile("^(JIS|TR|TS) [A-Z] (\\d{4,5}(?:-\\d{1,3}){0,4}):((?:19|20)\\d{2})$");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final Catalog catalog;

  NationalAdoptions(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Whether {@code s} is a national standard that adopts nothing yet, so may be looked up. */
  static boolean open(Standard s) {
    return s.type() != null
        && (s.type() == PublicationType.NATIONAL_STANDARD
            || "JIS".equals(s.sdo())) // JIS technical reports and specifications
        && s.relations().stream().noneMatch(r -> r.type() == RelationType.ADOPTS)
        && JIS.matcher(s.identifier()).matches();
  }

  /** {@code s} with its {@code adopts} relation when the catalogue has what it adopts. */
  Standard apply(Standard s) {
    if (!open(s)) {
      return s;
    }
    Matcher m = JIS.matcher(s.identifier());
    if (!m.matches()) {
      return s;
    }
    String series = m.group(1);
    String number = m.group(2);
    int year = Integer.parseInt(m.group(3));
    List<String> prefixes =
        series.equals("JIS")
            ? List.of("ISO/IEC", "ISO", "IEC")
            : List.of("ISO/IEC " + series, "ISO " + series, "IEC " + series);
    Map<String, String> candidates = new LinkedHashMap<>();
    for (int y = year; y >= year - YEARS_BACK; y--) {
      for (String prefix : prefixes) {
        String identifier = prefix + " " + number + ":" + y;
        candidates.put(Slug.of(identifier), identifier);
      }
    }
    String english = s.title().get("en");
    if (english == null) {
      return s;
    }
    Standard adopted = null;
    for (Standard c : catalog.findAll(candidates.keySet()).values()) {
      if (c.type() == PublicationType.NATIONAL_STANDARD
          || titleOverlap(english, c.titleIn("en")) < MIN_TITLE_OVERLAP) {
        continue;
      }
      if (adopted == null || c.year() > adopted.year()) {
        adopted = c;
      }
    }
    if (adopted == null) {
      return s;
    }
    List<Relation> relations = new ArrayList<>(s.relations());
    relations.add(Relation.of(RelationType.ADOPTS, adopted.identifier()));
    return s.toBuilder().relations(relations).build();
  }

  /** Words two titles share, over the words of either (Jaccard), in [0, 1]. */
  static double titleOverlap(String a, String b) {
    Set<String> x = words(a);
    Set<String> y = words(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return (double) x.size() / union.size();
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    for (String w : NOT_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }
}
