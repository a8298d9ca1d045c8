package org.aisx.web;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aisx.catalog.CatalogException;

/**
 * The query or form parameters of one request, read the one way every handler reads them. Values
 * are stripped, an empty value counts as absent, and a parameter without a name is none. Every
 * refusal is a {@link CatalogException.BadParameter} naming the parameter (a 400 in {@link
 * WebServer}'s one mapping): a value given twice where one is expected, a text too long, a number
 * that is not one or is out of range, a value that is not one of the choices, a parameter the
 * endpoint does not know.
 *
 * <p>What a value means (a facet value the index knows, a concept of the taxonomy, a date) is
 * checked by the handler or its feature, also as a {@code BadParameter}.
 */
final class Params {
  /** The language switch: {@link I18n} reads it, and every endpoint accepts it. */
  static final String LANG = "lang";

  /** How much of a refused value an error message repeats. */
  private static final int ECHO = 60;

  private final Map<String, List<String>> values;

  /**
   * The parameters that could not be read as sent, by name ({@link #BROKEN_NAME} for one whose name
   * is broken), each with the message key of what is wrong (a broken escape, bytes that are not
   * UTF-8): refused when read, and when the endpoint takes only known parameters.
   */
  private final Map<String, String> broken;

  /** How a parameter whose very name holds a broken escape is named in the refusal. */
  private static final String BROKEN_NAME = "(name)";

  /**
   * An empty name ({@code ?q=ai&}, {@code a=1&&b=2}, {@code ?=x}) is no parameter: a stray {@code
   * &} is left out here, for every endpoint alike, rather than refused as an unknown parameter.
   */
  private Params(Map<String, List<String>> values) {
    this(values, Map.of());
  }

  private Params(Map<String, List<String>> values, Map<String, String> broken) {
    if (values.containsKey("") || !broken.isEmpty()) {
      values = new LinkedHashMap<>(values);
      values.remove("");
      values.keySet().removeAll(broken.keySet());
    }
    this.values = values;
    this.broken = broken;
  }

  /** A {@code %} that does not start an escape: two hexadecimal digits must follow it. */
  private static final java.util.regex.Pattern BAD_ESCAPE =
      java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");

  /**
   * The query string's parameters. A parameter with a broken escape ({@code ?q=%ZZ}) or whose
   * escapes are not UTF-8 ({@code ?q=%FF%FE}) is refused naming it when the handler reads it: the
   * decoder would otherwise drop the value or put U+FFFD in it, and the request would answer as if
   * the parameter had not been given, or had been given as something else. One the endpoint does
   * not read is ignored on a page, as any other parameter a page does not know is (a shared link's
   * tracking parameter), and refused by an endpoint that takes only known parameters ({@link
   * #onlyKnown}).
   */
  static Params query(Context ctx) {
    return new Params(ctx.queryParamMap(), unreadable(ctx.queryString()));
  }

  /**
   * The parameters of a URL-encoded text ({@code a=1&b=%FF}) that cannot be read as sent, by name,
   * with the message key saying why.
   */
  private static Map<String, String> unreadable(String raw) {
    if (raw == null || raw.indexOf('%') < 0) {
      return Map.of();
    }
    Map<String, String> broken = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.indexOf('%') < 0) {
        continue;
      }
      String[] nameAndValue = pair.split("=", 2);
      if (BAD_ESCAPE.matcher(pair).find()) {
        broken.putIfAbsent(brokenName(nameAndValue[0]), "problem.badEscape");
      } else if (!isUtf8(pair)) {
        String name = isUtf8(nameAndValue[0]) ? brokenName(nameAndValue[0]) : BROKEN_NAME;
        broken.putIfAbsent(name, "problem.notUtf8");
      }
    }
    return broken;
  }

  /**
   * Whether the bytes a %-encoded text stands for (its escapes, its other characters as UTF-8) are
   * UTF-8; false when an escape is broken.
   */
  static boolean isUtf8(String encoded) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()
            || Character.digit(encoded.charAt(i + 1), 16) < 0
            || Character.digit(encoded.charAt(i + 2), 16) < 0) {
          return false;
        }
        bytes.write(
            Character.digit(encoded.charAt(i + 1), 16) * 16
                + Character.digit(encoded.charAt(i + 2), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return isUtf8(bytes.toByteArray());
  }

  /** Whether {@code bytes} are UTF-8 text, every byte of them: none malformed, none cut short. */
  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes));
      return true;
    } catch (java.nio.charset.CharacterCodingException notUtf8) {
      return false;
    }
  }

  /** The name of a parameter with a broken escape, decoded, or {@link #BROKEN_NAME}. */
  private static String brokenName(String name) {
    if (name.isEmpty() || BAD_ESCAPE.matcher(name).find()) {
      return BROKEN_NAME;
    }
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException undecodable) {
      return BROKEN_NAME;
    }
  }

  /** Refuses a parameter that is read but could not be read as sent. */
  private void checkEscape(String name) {
    String problem = broken.get(name);
    if (problem != null) {
      throw CatalogException.BadParameter.of(name, problem);
    }
  }

  /**
   * The form body's fields (URL-encoded or multipart). A URL-encoded field that cannot be read as
   * sent is refused when read, as in the {@link #query}.
   */
  static Params form(Context ctx) {
    String type = ctx.contentType();
    boolean urlEncoded =
        type != null
            && type.toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded");
    return new Params(ctx.formParamMap(), urlEncoded ? unreadable(ctx.body()) : Map.of());
  }

  static Params of(Map<String, List<String>> values) {
    return new Params(values);
  }

  /**
   * Refuses any parameter but {@code known} (and {@code lang}): the API's endpoints do, so that a
   * misspelt filter is an error instead of being silently ignored. Pages do not, so that shared
   * links with tracking parameters still work.
   */
  Params onlyKnown(Collection<String> known) {
    if (!broken.isEmpty()) {
      Map.Entry<String, String> first = broken.entrySet().iterator().next();
      throw CatalogException.BadParameter.of(first.getKey(), first.getValue());
    }
    for (String name : values.keySet()) {
      if (!name.equals(LANG) && !known.contains(name)) {
        List<String> all = new ArrayList<>(known);
        if (!all.contains(LANG)) {
          all.add(LANG);
        }
        throw CatalogException.BadParameter.of(
            name, "problem.unknownParameter", String.join(", ", all));
      }
    }
    return this;
  }

  /** The value, stripped; null when absent or empty. */
  String text(String name) {
    String v = raw(name);
    if (v == null) {
      return null;
    }
    v = v.strip();
    return v.isEmpty() ? null : v;
  }

  /** The value, stripped, of at most {@code maxLength} characters; null when absent or empty. */
  String text(String name, int maxLength) {
    String v = text(name);
    if (v != null && v.length() > maxLength) {
      throw CatalogException.BadParameter.of(name, "invalid.tooLong", String.valueOf(maxLength));
    }
    return v;
  }

  /** The value exactly as sent (a password); null when absent. */
  String raw(String name) {
    checkEscape(name);
    List<String> given = values.get(name);
    if (given == null || given.isEmpty()) {
      return null;
    }
    if (given.size() > 1) {
      throw CatalogException.BadParameter.of(name, "problem.givenTwice");
    }
    return given.get(0);
  }

  /** Whether the parameter has a value. */
  boolean has(String name) {
    return text(name) != null;
  }

  /** A whole number from {@code min} to {@code max}; {@code fallback} when absent. */
  int number(String name, int min, int max, int fallback) {
    Long n = number(name, min, (long) max);
    return n == null ? fallback : n.intValue();
  }

  /** A whole number from {@code min} to {@code max}; null when absent. */
  Long number(String name, long min, long max) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // reported below, with the range
    }
    throw max == Long.MAX_VALUE
        ? CatalogException.BadParameter.of(
            name, "problem.notWholeNumberFrom", echo(v), String.valueOf(min))
        : CatalogException.BadParameter.of(
            name, "problem.notWholeNumber", echo(v), String.valueOf(min), String.valueOf(max));
  }

  /**
   * The option a value names, by its wire name; {@code fallback} when absent. The options' order is
   * the order the error message lists them in.
   */
  <T> T choice(String name, Map<String, T> options, T fallback) {
    String v = text(name);
    if (v == null) {
      return fallback;
    }
    if (!options.containsKey(v)) {
      throw notOneOf(name, v, options);
    }
    return options.get(v);
  }

  /** The option a value names; a parameter that must be given. */
  <T> T choice(String name, Map<String, T> options) {
    if (text(name) == null) {
      throw CatalogException.BadParameter.of(
          name, "problem.requiredOneOf", String.join(", ", options.keySet()));
    }
    return choice(name, options, null);
  }

  /**
   * Every value of a repeatable parameter, stripped, in order, once each, empty ones left out: at
   * most {@code maxValues} of at most {@code maxLength} characters.
   */
  List<String> all(String name, int maxValues, int maxLength) {
    checkEscape(name);
    List<String> out = new ArrayList<>();
    for (String v : values.getOrDefault(name, List.of())) {
      String s = v == null ? "" : v.strip();
      if (s.isEmpty() || out.contains(s)) {
        continue;
      }
      if (s.length() > maxLength) {
        throw CatalogException.BadParameter.of(
            name, "problem.valueTooLong", String.valueOf(maxLength));
      }
      out.add(s);
      if (out.size() > maxValues) {
        throw CatalogException.BadParameter.of(
            name, "problem.tooManyValues", String.valueOf(maxValues));
      }
    }
    return out;
  }

  /** The options every value of a repeatable parameter names, in order, once each. */
  <T> List<T> choices(String name, Map<String, T> options) {
    List<T> out = new ArrayList<>();
    for (String v : all(name, Integer.MAX_VALUE, Integer.MAX_VALUE)) {
      if (!options.containsKey(v)) {
        throw notOneOf(name, v, options);
      }
      out.add(options.get(v));
    }
    return out;
  }

  /** Options by wire name, in the order given: {@code options(Sort.values(), Sort::wire)}. */
  static <T> Map<String, T> options(T[] values, Function<T, String> wire) {
    Map<String, T> out = new LinkedHashMap<>();
    for (T v : values) {
      out.put(wire.apply(v), v);
    }
    return out;
  }

  /** Two options, in this order: {@code options("include", true, "exclude", false)}. */
  static <T> Map<String, T> options(String a, T valueA, String b, T valueB) {
    Map<String, T> out = new LinkedHashMap<>();
    out.put(a, valueA);
    out.put(b, valueB);
    return out;
  }

  private static CatalogException.BadParameter notOneOf(
      String name, String value, Map<String, ?> options) {
    return CatalogException.BadParameter.of(
        name, "invalid.notOneOf", echo(value), String.join(", ", options.keySet()));
  }

  /** A refused value as an error message repeats it: cut short when long. */
  static String echo(String value) {
    return value.length() > ECHO ? value.substring(0, ECHO) + "…" : value;
  }
}
