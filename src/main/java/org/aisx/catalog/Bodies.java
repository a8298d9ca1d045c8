package org.aisx.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The usual abbreviations of the standards bodies, so that one body is one value of {@code sdo}
 * (and one facet value) however a feed or a person cases it: "ieee" is "IEEE", "iso/iec" is
 * "ISO/IEC". A joint body written with "/" is normalised part by part when every part is known. A
 * body not listed here is kept as it was given.
 */
public final class Bodies {
  private Bodies() {}

  /** Every body whose abbreviation the feeds and the bundled corpus write, as they write it. */
  public static final List<String> KNOWN =
      List.of(
          "ISO",
          "IEC",
          "IEEE",
          "ITU",
          "ITU-T",
          "ITU-R",
          "ITU-T TSAG",
          "ITU-R RAG",
          "W3C",
          "NIST",
          "IETF",
          "CEN",
          "CENELEC",
          "CEN-CENELEC",
          "ETSI",
          "JIS",
          "ECMA",
          "OGC",
          "OASIS",
          "ASTM",
          "SAE",
          "ANSI",
          "BSI",
          "DIN",
          "AFNOR",
          "3GPP",
          "IRTF",
          "IAB");

  private static final Map<String, String> BY_KEY = new HashMap<>();

  static {
    for (String body : KNOWN) {
      BY_KEY.put(key(body), body);
    }
  }

  private static String key(String s) {
    return s.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
  }

  /**
   * {@code body} as {@link #KNOWN} writes it, when every part of it ("ISO/IEC": ISO and IEC) is a
   * known body, whatever its case and spacing; null else.
   */
  public static String known(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    StringBuilder out = new StringBuilder(body.length());
    for (String part : body.split("/", -1)) {
      String known = BY_KEY.get(key(part));
      if (known == null) {
        return null;
      }
      out.append(out.length() == 0 ? "" : "/").append(known);
    }
    return out.toString();
  }

  /**
   * The bodies that publish a record of {@code sdo}: each part of a joint body ("ISO/IEC" is ISO
   * and IEC), as written; empty for null or blank.
   */
  static List<String> of(String sdo) {
    if (sdo == null || sdo.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(sdo.split("/"))
        .map(String::strip)
        .filter(b -> !b.isEmpty())
        .distinct()
        .toList();
  }

  /** {@code sdo} as the body usually writes it; null for null. */
  static String usual(String sdo) {
    String known = known(sdo);
    return known == null ? sdo : known;
  }
}
