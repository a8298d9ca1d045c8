package org.aisx.catalog;

import java.util.Locale;

/**
 * The stable record id of SPEC §1: lower case, every run of characters other than a-z0-9 is one
 * '-', trimmed.
 */
public final class Slug {
  private Slug() {}

  public static String of(String identifier) {
    if (identifier == null) {
      return "";
    }
    return identifier
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
  }
}
