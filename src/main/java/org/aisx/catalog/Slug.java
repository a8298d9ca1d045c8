package org.aisx.catalog;

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
    // A plain loop: this runs for every relation of every record read, and regexes dominated it.
    StringBuilder out = new StringBuilder(identifier.length());
    boolean pendingDash = false;
    for (int i = 0; i < identifier.length(); i++) {
      char c = Character.toLowerCase(identifier.charAt(i));
      boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (keep) {
        if (pendingDash && out.length() > 0) {
          out.append('-');
        }
        out.append(c);
        pendingDash = false;
      } else {
        pendingDash = true;
      }
    }
    return out.toString();
  }
}
