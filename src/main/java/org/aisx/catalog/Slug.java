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
    // A plain loop over a char array: this runs for every relation of every record read.
    char[] out = new char[identifier.length()];
    int length = 0;
    boolean pendingDash = false;
    for (int i = 0; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      } else if (c >= 0x80) {
        c = Character.toLowerCase(c); // a few, such as the Kelvin sign, become a-z
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (pendingDash && length > 0) {
          out[length++] = '-';
        }
        out[length++] = c;
        pendingDash = false;
      } else {
        pendingDash = true;
      }
    }
    return new String(out, 0, length);
  }
}
