package org.aisx.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.BiFunction;

/**
 * One thing wrong with one field of a request or record, e.g. {@code title: required}. {@code
 * problem} is the English text the API answers with; {@code key} and {@code args}, when the problem
 * was made by {@link #of}, are its message in the bundles ({@code i18n/messages_*}), so that a page
 * says it in its own language. A problem without a key is only known in English.
 *
 * <p>An argument may itself be a message of the bundles, a {@link Phrase} (a kind of JSON value,
 * where in a body), said in the same language as the problem that holds it.
 *
 * <p>Two problems are equal when they say the same about the same field: the key is how to say it,
 * not what is said.
 */
public record Problem(String field, String problem, String key, List<Object> args) {
  public Problem {
    args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
  }

  /** A problem known only in English. */
  public Problem(String field, String problem) {
    this(field, problem, null, List.of());
  }

  /**
   * The problem that the message {@code key} of the bundles says, with {@code args}: in English
   * here, in the page's language where a page shows it. Numbers among the arguments are formatted
   * in each language's form; pass them as text to keep them as written.
   */
  public static Problem of(String field, String key, Object... args) {
    return new Problem(field, English.format(key, args), key, Arrays.asList(args));
  }

  /**
   * The message {@code key} of the bundles with {@code args}, as an argument of a problem's message
   * ({@link #of}): said in the language the problem is said in, so a phrase a problem shares with
   * others (a kind of value, a place in a body) is defined once and translated with it.
   */
  public record Phrase(String key, List<Object> args) {
    public Phrase {
      args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Phrase of(String key, Object... args) {
      return new Phrase(key, Arrays.asList(args));
    }
  }

  /**
   * {@code args} with each {@link Phrase} among them said by {@code say} (a phrase's own phrases
   * too): the arguments as a language's message gets them.
   */
  public static Object[] said(List<Object> args, BiFunction<String, Object[], String> say) {
    return args.stream()
        .map(a -> a instanceof Phrase p ? say.apply(p.key(), said(p.args(), say)) : a)
        .toArray();
  }

  /**
   * {@code field} holds a value of another kind than text ({@code 123} for a title): {@code value}
   * is the value as sent (its JSON), cut after 100 characters.
   */
  public static Problem notString(String field, Object value) {
    String sent = String.valueOf(value);
    return of(
        field, "invalid.notString", sent.length() <= 100 ? sent : sent.substring(0, 100) + "…");
  }

  /** Whether the bundles can say this problem in another language. */
  public boolean translatable() {
    return key != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Problem p && field.equals(p.field) && problem.equals(p.problem);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, problem);
  }

  @Override
  public String toString() {
    return field + ": " + problem;
  }

  /** The English bundle, the language of the API. */
  private static final class English {
    private static final ResourceBundle MESSAGES =
        ResourceBundle.getBundle(
            "i18n.messages",
            Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    /** As the pages format a message: a pattern only when there are arguments. */
    static String format(String key, Object... args) {
      String pattern = MESSAGES.getString(key);
      return args.length == 0
          ? pattern
          : Plurals.format(pattern, Locale.ENGLISH, said(Arrays.asList(args), English::format));
    }
  }
}
