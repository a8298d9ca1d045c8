package org.aisx.catalog;

/**
 * What a committee's name is, whatever its case and spacing: its letters and digits, lower-cased
 * ({@code itu-t sg 13} and {@code ITU-T SG13}, {@code iso/iec jtc1/sc42} and {@code ISO/IEC JTC
 * 1/SC 42} are each one committee). Searches, the overlap check and submissions match committees by
 * it.
 */
public final class CommitteeKey {
  private CommitteeKey() {}

  public static String of(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints()
        .filter(Character::isLetterOrDigit)
        .map(Character::toLowerCase)
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
