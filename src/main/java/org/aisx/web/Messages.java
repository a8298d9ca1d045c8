package org.aisx.web;

import gg.jte.Content;
import gg.jte.html.HtmlContent;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
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

  /** First strong isolate: what follows, up to {@link #PDI}, takes the direction it begins with. */
  static final char FSI = '\u2068';

  /** Pop directional isolate: ends the isolate {@link #FSI} began. */
  static final char PDI = '\u2069';

  /**
   * Marks an argument's place in a formatted message (a character of the private use area, which no
   * bundle writes), so that the text around it and the argument itself can be written apart.
   */
  private static final char MARK_OPEN = '\ue000';

  private static final char MARK_CLOSE = '\ue001';

  /**
   * The message {@code key} with {@code args} as a page shows it, each argument given as text (an
   * identifier, a title, a body's, committee's or person's name, a value someone typed, or a
   * problem's phrase) isolated from the sentence around it, so that the bidirectional algorithm
   * orders it on its own: in an Arabic sentence "ISO/IEC 42001:2023" keeps its colon and numbers in
   * place. Numbers are not isolated (a plural's count, a page number). In an element's text each
   * such argument is a {@code <bdi>}; in an attribute's value, where there is no markup, it stands
   * between {@link #FSI} and {@link #PDI} on a right-to-left page and is written as it is on the
   * others. The text of the message and of its arguments is escaped by the template as any other
   * value, once. Not for {@code <title>}, {@code <option>} or {@code <textarea>}, whose text cannot
   * hold an element: there {@link #isolating} says the message as text.
   */
  public Content html(String key, Object... args) {
    return (HtmlContent) out -> writeHtml(key, args, out);
  }

  private void writeHtml(String key, Object[] args, HtmlTemplateOutput out) {
    // jte hands a value in an element's text the page's own output, and one in an attribute a
    // buffer it escapes as the attribute's value afterwards: markup goes to the first only.
    boolean attribute = !(out instanceof OwaspHtmlTemplateOutput);
    formatted(
        key,
        args,
        out::writeUserContent,
        arg -> {
          if (arg instanceof Problem.Phrase p) {
            writeHtml(p.key(), p.args().toArray(), out);
          } else if (attribute) {
            out.writeUserContent(isolate(arg.toString()));
          } else {
            out.writeContent("<bdi>");
            out.writeUserContent(arg.toString());
            out.writeContent("</bdi>");
          }
        });
  }

  /**
   * The message {@code key} with {@code args} as text: as {@link #get(String, Object...)} says it,
   * with each argument given as text between {@link #FSI} and {@link #PDI} on a right-to-left page
   * ({@link #isolate}). For the text of a page where there can be no markup: its title, an SVG
   * label, an attribute a model fills in.
   */
  public String isolating(String key, Object... args) {
    StringBuilder out = new StringBuilder();
    formatted(
        key,
        args,
        out::append,
        arg ->
            out.append(
                arg instanceof Problem.Phrase p
                    ? isolating(p.key(), p.args().toArray())
                    : isolate(arg.toString())));
    return out.toString();
  }

  /**
   * {@code text} between {@link #FSI} and {@link #PDI} on a right-to-left page, where a
   * left-to-right value (an identifier, an English label) is ordered on its own; as it is on the
   * others. For text where there can be no {@code <bdi>}: an attribute, an SVG {@code <text>}.
   */
  public String isolate(String text) {
    return rightToLeft() && text != null && !text.isEmpty() ? FSI + text + PDI : text;
  }

  /**
   * Formats {@code key} with {@code args} as {@link #get(String, Object...)} does, handing the text
   * of the message to {@code text} and each argument given as text (or a problem's phrase) to
   * {@code arg}, in order. A message without arguments is the pattern as written.
   */
  private void formatted(
      String key,
      Object[] args,
      java.util.function.Consumer<String> text,
      java.util.function.Consumer<Object> arg) {
    if (args.length == 0) {
      text.accept(get(key));
      return;
    }
    Object[] marked = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      marked[i] =
          args[i] instanceof CharSequence || args[i] instanceof Problem.Phrase
              ? MARK_OPEN + Integer.toString(i) + MARK_CLOSE
              : args[i];
    }
    String pattern = Plurals.resolve(get(key), locale.getLanguage(), args);
    String said = new MessageFormat(pattern, locale).format(marked);
    int from = 0;
    for (int open = said.indexOf(MARK_OPEN); open >= 0; open = said.indexOf(MARK_OPEN, from)) {
      int close = said.indexOf(MARK_CLOSE, open);
      if (open > from) {
        text.accept(said.substring(from, open));
      }
      Object a = args[Integer.parseInt(said.substring(open + 1, close))];
      if (!a.toString().isEmpty() || a instanceof Problem.Phrase) {
        arg.accept(a);
      }
      from = close + 1;
    }
    if (from < said.length()) {
      text.accept(said.substring(from));
    }
  }

  /**
   * What {@code p} says as text ({@link #problem}), each value it names isolated as {@link
   * #isolating} isolates a message's arguments.
   */
  public String isolatingProblem(Problem p) {
    if (!p.translatable() || !has(p.key())) {
      return p.problem();
    }
    return isolating(p.key(), p.args().toArray());
  }

  /**
   * What {@code p} says as a page shows it ({@link #problem}), each value it names isolated as
   * {@link #html} isolates a message's arguments.
   */
  public Content problemHtml(Problem p) {
    if (!p.translatable() || !has(p.key())) {
      return (HtmlContent) out -> out.writeUserContent(p.problem());
    }
    return html(p.key(), p.args().toArray());
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

  /**
   * The name of the language {@code code} in this language, e.g. "anglais" for en on a French page
   * (the language menu names each language in its own: {@code language.<code>}); the code when the
   * JDK has no name for it.
   */
  public String languageName(String code) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(locale);
    return name.isEmpty() || name.equals(code) ? code : name;
  }

  /**
   * {@link #languageName} as a label on its own (a list's term) begins: with a capital letter where
   * the language writes one ("Anglais", "Английский").
   */
  public String languageLabel(String code) {
    String name = languageName(code);
    return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
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
