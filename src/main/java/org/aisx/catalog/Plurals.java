package org.aisx.catalog;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plural forms in the messages of the bundles, as ICU writes them: {@code {0,plural,one{# record}
 * other{# records}}} picks the text for the count {@code {0}} by the language's plural rules, and
 * {@code #} in the picked text is that count in the language's form. A selector {@code =0} (any
 * exact number) comes before the categories; a category a text does not give falls back to {@code
 * other}; a count may be given as a text of digits, then written as given. {@link
 * java.text.MessageFormat} has no such argument type (its {@code choice} knows English-like
 * languages only: Russian has three forms for whole numbers, Arabic six), and ICU4J is not a
 * dependency; so the rules of the six languages are here, for whole numbers, as CLDR gives them
 * (Unicode CLDR, {@code common/supplemental/plurals.xml}, "Language Plural Rules"):
 *
 * <ul>
 *   <li>en: one: n = 1; other.
 *   <li>fr: one: i = 0,1; many: i != 0 and i % 1000000 = 0; other.
 *   <li>es: one: n = 1; many: i != 0 and i % 1000000 = 0; other.
 *   <li>ru: one: i % 10 = 1 and i % 100 != 11; few: i % 10 = 2..4 and i % 100 != 12..14; many:
 *       every other whole number (i % 10 = 0 or 5..9, or i % 100 = 11..14); other (fractions).
 *   <li>ar: zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99;
 *       other.
 *   <li>zh: other.
 * </ul>
 */
public final class Plurals {
  private static final Pattern PLURAL =
      Pattern.compile("\\s*(\\d+)\\s*,\\s*plural\\s*,(.*)", Pattern.DOTALL);
  private static final Pattern SELECTOR = Pattern.compile("\\s*(=\\d+|[a-z]+)\\s*\\{");

  private Plurals() {}

  /**
   * The CLDR plural category of the whole number {@code n} in {@code lang}: {@code zero}, {@code
   * one}, {@code two}, {@code few}, {@code many} or {@code other}.
   */
  public static String category(String lang, long n) {
    long i = Math.abs(n);
    return switch (lang) {
      case "en" -> i == 1 ? "one" : "other";
      case "fr" -> i <= 1 ? "one" : i % 1_000_000 == 0 ? "many" : "other";
      case "es" -> i == 1 ? "one" : i != 0 && i % 1_000_000 == 0 ? "many" : "other";
      case "ru" -> {
        long mod10 = i % 10;
        long mod100 = i % 100;
        if (mod10 == 1 && mod100 != 11) {
          yield "one";
        }
        yield mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? "few" : "many";
      }
      case "ar" -> {
        long mod100 = i % 100;
        if (i <= 2) {
          yield i == 0 ? "zero" : i == 1 ? "one" : "two";
        }
        yield mod100 >= 3 && mod100 <= 10 ? "few" : mod100 >= 11 ? "many" : "other";
      }
      default -> "other";
    };
  }

  /** {@code pattern} with {@code args} in {@code locale}: plural forms picked, then formatted. */
  public static String format(String pattern, Locale locale, Object... args) {
    return new MessageFormat(resolve(pattern, locale.getLanguage(), args), locale).format(args);
  }

  /**
   * {@code pattern} with each plural argument replaced by the text its count picks in {@code lang}:
   * a pattern {@link MessageFormat} reads. A pattern without plural arguments is returned as it is.
   */
  public static String resolve(String pattern, String lang, Object... args) {
    if (!pattern.contains("plural")) {
      return pattern;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        int end = quoteEnd(pattern, i);
        out.append(pattern, i, end);
        i = end;
      } else if (c == '{') {
        int close = closing(pattern, i);
        String inside = pattern.substring(i + 1, close);
        Matcher m = PLURAL.matcher(inside);
        if (m.matches()) {
          int arg = Integer.parseInt(m.group(1));
          Long n = arg < args.length ? count(args[arg]) : null;
          String picked = pick(m.group(2), lang, n);
          // A count given as a number is written in the language's form, one given as text as is.
          boolean number = arg < args.length && args[arg] instanceof Number;
          out.append(resolve(counted(picked, arg, number), lang, args));
        } else {
          out.append(pattern, i, close + 1);
        }
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The whole number an argument holds (a number, or a text of digits); null for anything else. */
  private static Long count(Object arg) {
    if (arg instanceof Number n) {
      return n.longValue();
    }
    if (arg instanceof String s && s.matches("-?\\d{1,18}")) {
      return Long.parseLong(s);
    }
    return null;
  }

  /** The text of {@code branches} ({@code one{…} other{…}}) for {@code n} (null: other). */
  private static String pick(String branches, String lang, Long n) {
    String category = n == null ? "other" : category(lang, n);
    String exact = n == null ? null : "=" + n;
    String ofCategory = null;
    String other = "";
    int i = 0;
    while (i < branches.length()) {
      Matcher m = SELECTOR.matcher(branches).region(i, branches.length());
      if (!m.lookingAt()) {
        if (branches.substring(i).isBlank()) {
          break;
        }
        throw new IllegalArgumentException("not a plural form at " + i + ": " + branches);
      }
      int open = m.end() - 1;
      int close = closing(branches, open);
      String selector = m.group(1);
      String text = branches.substring(open + 1, close);
      if (selector.equals(exact)) {
        return text;
      }
      if (selector.equals(category)) {
        ofCategory = text;
      } else if (selector.equals("other")) {
        other = text;
      }
      i = close + 1;
    }
    return ofCategory != null ? ofCategory : other;
  }

  /** {@code text} with its top-level {@code #} written as the argument {@code arg}. */
  private static String counted(String text, int arg, boolean number) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        int end = quoteEnd(text, i);
        out.append(text, i, end);
        i = end - 1;
        continue;
      }
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (c == '#' && depth == 0) {
        out.append('{').append(arg).append(number ? ",number,integer}" : "}");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The index just after the quoted part starting at {@code start} ({@code ''} is one quote). */
  private static int quoteEnd(String s, int start) {
    if (start + 1 < s.length() && s.charAt(start + 1) == '\'') {
      return start + 2;
    }
    int end = s.indexOf('\'', start + 1);
    return end < 0 ? s.length() : end + 1;
  }

  /** The index of the brace that closes the one at {@code open}. */
  private static int closing(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        i = quoteEnd(s, i) - 1;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unmatched brace at " + open + ": " + s);
  }
}
