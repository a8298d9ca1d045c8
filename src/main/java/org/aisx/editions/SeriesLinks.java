package org.aisx.editions;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;

/**
 * Tells series-level links from real relations. The ITU-T feed links every Recommendation of a
 * series to every supplement of that series ({@code complementOf}: a 2022 DNN Recommendation
 * "complements" a 1988 supplement), which makes up most relations of the catalogue. A {@code
 * complements} link to a supplement ("Y Suppl. 55") is series-level unless the supplement's title
 * names the record ("Y.3172") or a sub-series it is in ("ITU-T Y.3170-series" names Y.3170 to
 * Y.3179): those, and every other relation, are real. The links are kept; pages and the API show
 * the real ones first and the series-level ones apart.
 */
public final class SeriesLinks {
  private SeriesLinks() {}

  private static final Pattern SUPPLEMENT = Pattern.compile("\\bSuppl\\.");
  private static final Pattern NUMBER = Pattern.compile("\\b([A-Z]+\\.\\d+(?:\\.\\d+)*)");
  private static final Pattern SERIES = Pattern.compile("\\b([A-Z]+)\\.(\\d+)-series");

  /**
   * Whether {@code r}, a relation of {@code record}, is a series-level link; {@code targets} are
   * the records of the catalogue among the relation targets, by id (a supplement not in the
   * catalogue has no title to name the record, so its link counts as series-level).
   */
  public static boolean seriesLevel(Standard record, Relation r, Map<String, Standard> targets) {
    if (r.type() != RelationType.COMPLEMENTS
        || !SUPPLEMENT.matcher(r.target()).find()
        || SUPPLEMENT.matcher(record.identifier()).find()) {
      return false;
    }
    Standard target = targets.get(r.targetId());
    Matcher own = NUMBER.matcher(record.identifier());
    if (target == null || !own.find()) {
      return true;
    }
    String number = own.group(1);
    String title = target.titleIn("en");
    if (Pattern.compile("\\b" + Pattern.quote(number) + "(?![\\d.]*\\d)").matcher(title).find()) {
      return false;
    }
    Matcher series = SERIES.matcher(title);
    while (series.find()) {
      String prefix = series.group(1) + "." + series.group(2).replaceFirst("0+$", "");
      if (number.startsWith(prefix)) {
        return false;
      }
    }
    return true;
  }
}
