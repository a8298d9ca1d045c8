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
final class Bodies {
  private Bodies() {}

  /** Every body whose abbreviation the feeds and the bundled corpus write, as they write it. */
  static final List<String> KNOWN =
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
    if (sdo == null) {
      return null;
    }
    String[] parts = sdo.split("/", -1);
    StringBuilder out = new StringBuilder(sdo.length());
    for (String part : parts) {
      String known = BY_KEY.get(key(part));
      if (known == null) {
        return sdo;
      }
      out.append(out.length() == 0 ? "" : "/").append(known);
    }
    return out.toString();
  }
}
