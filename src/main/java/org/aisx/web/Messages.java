package org.aisx.web;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.aisx.catalog.Plurals;
import org.aisx.catalog.Problem;

/** The user-visible strings of one language, from {@code messages_xx.properties}. */
public final class Messages {
  private final ResourceBundle bundle;
  private final Locale locale;
  private final DateTimeFormatter day;
  private final DateTimeFormatter dayAndTime;
  private final DateTimeFormatter month;

  /**
   * Counts in this language's form: a number format per thread, since one is not safe to share and
   * making one looks the locale's symbols up again (12 % of a search page's CPU, JFR).
   */
  private final ThreadLocal<NumberFormat> integers;

  /**
   * The bundle of {@code locale}'s language; numbers and dates in that locale's form. Arabic pages
   * keep Western digits ({@code -u-nu-latn}), as the identifiers they show do.
   */
  Messages(Locale locale) {
    this.locale =
        locale.getLanguage().equals("ar") ? Locale.forLanguageTag("ar-u-nu-latn") : locale;
    this.bundle =
        ResourceBundle.getBundle(
            "i18n.messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.day = localized(FormatStyle.MEDIUM, null, this.locale);
    this.dayAndTime =
        localized(FormatStyle.MEDIUM, FormatStyle.SHORT, this.locale).withZone(ZoneOffset.UTC);
    this.month = DateTimeFormatter.ofPattern(get("format.yearMonth"), this.locale);
    Locale numbers = this.locale;
    this.integers = ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(numbers));
  }

  /** The locale's own date (and time) pattern of that length, built for that locale only. */
  private static DateTimeFormatter localized(FormatStyle date, FormatStyle time, Locale locale) {
    return DateTimeFormatter.ofPattern(
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            date, time, IsoChronology.INSTANCE, locale),
        locale);
  }

  /** Whether this language has a message for {@code key}. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  public String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  /**
   * The message {@code key} with {@code args}: a {@link MessageFormat} pattern, whose plural forms
   * ({@code {0,plural,one{…} other{…}}}) are chosen by this language's rules ({@link Plurals}).
   */
  public String get(String key, Object... args) {
    return Plurals.format(get(key), locale, args);
  }

  /**
   * What {@code p} says, in this language when the bundles can say it ({@link Problem#of}), else as
   * the API says it, in English.
   */
  public String problem(Problem p) {
    if (!p.translatable() || !has(p.key())) {
      return p.problem();
    }
    return say(p.key(), Problem.said(p.args(), this::say));
  }

  /** As a problem's message is said: a pattern only when there are arguments. */
  private String say(String key, Object[] args) {
    return args.length == 0 ? get(key) : get(key, args);
  }

  /**
   * What {@code p} says in an API answer: in the language the request asked for ({@code asked},
   * {@link I18n#askedFor}), else as the API says it, in English (SPEC §12).
   */
  static String problemAsAsked(Messages asked, Problem p) {
    return asked == null || asked.lang().equals("en") ? p.problem() : asked.problem(p);
  }

  /**
   * A problem's field or parameter as the pages name it in this language: {@code field.<name>},
   * else {@code facet.<name>}, else {@code param.<name>}; a language part or an index after the
   * name is kept ({@code title.fr}: "Titre (fr)", {@code keywords[2]}: "Mots-clés [2]"). Null when
   * the bundles have no name for it.
   */
  public String fieldLabel(String field) {
    String base = field.replaceAll("[.\\[].*$", "");
    String label = null;
    for (String prefix : new String[] {"field.", "facet.", "param."}) {
      if (has(prefix + base)) {
        label = get(prefix + base);
        break;
      }
    }
    if (label == null) {
      return null;
    }
    String rest = field.substring(base.length());
    if (rest.isEmpty()) {
      return label;
    }
    return rest.startsWith(".") ? label + " (" + rest.substring(1) + ")" : label + " " + rest;
  }

  /** Record fields named by another message than {@code field.<name>}: lists by their facet. */
  private static final java.util.Map<String, String> FIELD_ALIASES =
      java.util.Map.of(
          "verticals", "facet.vertical",
          "activities", "facet.activity",
          "applications", "facet.application",
          "concerns", "facet.concern",
          "useCases", "record.useCases",
          "codeRepository", "record.code",
          "relations", "record.relations",
          "abstract", "record.abstract");

  /**
   * A record's field as the pages name it in this language ({@link #fieldLabel}, or the label of
   * what the record page shows it as); the field's own name when the bundles have none.
   */
  public String fieldName(String field) {
    String label = fieldLabel(field);
    if (label != null) {
      return label;
    }
    String alias = FIELD_ALIASES.get(field);
    return alias != null ? get(alias) : field;
  }

  /**
   * A learning resource's field as the learning pages name it ({@code learn.facet.<name>}, {@code
   * resource.field.<name>}, else as a record's field).
   */
  public String resourceFieldName(String field) {
    String singular = field.endsWith("s") ? field.substring(0, field.length() - 1) : field;
    for (String key :
        new String[] {
          "learn.facet." + field, "learn.facet." + singular, "resource.field." + field
        }) {
      if (has(key)) {
        return get(key);
      }
    }
    return fieldName(field);
  }

  /**
   * A record's publication date as the catalogue holds it ({@code YYYY}, {@code YYYY-MM} or {@code
   * YYYY-MM-DD}) in this language's form, e.g. {@code 18 déc. 2023} or {@code 2023年12月}; a value of
   * another shape is shown as it is.
   */
  public String date(String isoDate) {
    if (isoDate == null) {
      return "";
    }
    try {
      return switch (isoDate.length()) {
        case 7 -> month.format(YearMonth.parse(isoDate));
        case 10 -> day.format(LocalDate.parse(isoDate));
        default -> isoDate;
      };
    } catch (DateTimeParseException e) {
      return isoDate;
    }
  }

  /** A count in this language's form, e.g. {@code 12 345} in French. */
  public String number(long n) {
    return integers.get().format(n);
  }

  /** The day of {@code at} (UTC) in this language's form. */
  public String day(Instant at) {
    return day.format(at.atZone(ZoneOffset.UTC).toLocalDate());
  }

  /** The day and minute of {@code at} (UTC) in this language's form. */
  public String dayAndTime(Instant at) {
    return dayAndTime.format(at);
  }

  /** The language code, for {@code <html lang>}. */
  public String lang() {
    return locale.getLanguage();
  }

  /** Text direction, for {@code <html dir>}. */
  public String dir() {
    return rightToLeft() ? "rtl" : "ltr";
  }

  private boolean rightToLeft() {
    return locale.getLanguage().equals("ar");
  }

  /**
   * The arrow that points the way this language reads: {@code →}, in Arabic {@code ←}. It leads on
   * ("Next →", "Older changes →") and from an old value to its new one ("draft → in force"). Arrows
   * are not mirrored by the browser, so the character is the one shown.
   */
  public String forward() {
    return rightToLeft() ? "\u2190" : "\u2192";
  }

  /** The arrow that points back, against the way this language reads ("← Previous"). */
  public String back() {
    return rightToLeft() ? "\u2192" : "\u2190";
  }

  /**
   * The separator between the steps of a breadcrumb, pointing the way this language reads: {@code
   * ›}, in Arabic {@code ‹}. A browser mirrors these two characters inside right-to-left text, so
   * pages show it in a left-to-right isolate ({@code <span dir="ltr">}), where it is drawn as it
   * is.
   */
  public String separator() {
    return rightToLeft() ? "\u2039" : "\u203a";
  }

  /**
   * What follows a label before its value ("Audience: regulators"): French sets a no-break space
   * before the colon, Chinese a full-width colon without spaces.
   */
  public String colon() {
    return switch (locale.getLanguage()) {
      case "fr" -> "\u00a0: ";
      case "zh" -> "\uff1a";
      default -> ": ";
    };
  }

  /**
   * Words of this language listed in a sentence ("Title, Abstract"), separated by {@link
   * #listComma}.
   */
  public String list(List<String> words) {
    return String.join(listComma(), words);
  }

  /**
   * What separates the words of a list in this language: Chinese the enumeration comma {@code 、},
   * Arabic its comma {@code ، }, the others {@code , }.
   */
  public String listComma() {
    return switch (locale.getLanguage()) {
      case "zh" -> "\u3001";
      case "ar" -> "\u060c ";
      default -> ", ";
    };
  }

  /**
   * Clauses of this language joined in one sentence ("title: required; year: not a date"): French
   * sets a narrow no-break space before the semicolon, Chinese a full-width one, Arabic its own.
   */
  public String clauses(List<String> parts) {
    String semicolon =
        switch (locale.getLanguage()) {
          case "fr" -> "\u202f; ";
          case "zh" -> "\uff1b";
          case "ar" -> "\u061b ";
          default -> "; ";
        };
    return String.join(semicolon, parts);
  }

  public Locale locale() {
    return locale;
  }
}
