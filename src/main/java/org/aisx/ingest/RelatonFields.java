package org.aisx.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.Standard;

/**
 * Reading the fields of a parsed Relaton record (a YAML mapping), whatever the schema generation:
 * the small helpers {@link RelatonMapper} and the {@link BodyRules} share. A field may be a scalar,
 * a mapping with {@code content}, or a list of either; these read all three.
 */
final class RelatonFields {
  private RelatonFields() {}

  private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");

  /**
   * The document's stage as the body gives it: {@code docstatus} (v1.2) or {@code status} (v1.5),
   * {@code stage.value} or {@code stage.content}; a two-digit stage and substage are joined as
   * "60.60".
   */
  static String stage(Map<?, ?> doc) {
    Object status = firstNonNull(doc.get("docstatus"), doc.get("status"));
    if (!(status instanceof Map<?, ?> s)) {
      return str(status);
    }
    Object stage = s.get("stage");
    String value =
        stage instanceof Map<?, ?> m
            ? str(firstNonNull(m.get("value"), m.get("content")))
            : str(stage);
    Object substage = s.get("substage");
    String sub =
        substage instanceof Map<?, ?> m
            ? str(firstNonNull(m.get("value"), m.get("content")))
            : str(substage);
    if (value != null
        && sub != null
        && TWO_DIGITS.matcher(value).matches()
        && TWO_DIGITS.matcher(sub).matches()) {
      return value + "." + sub;
    }
    return value;
  }

  /** {@code ext.doctype} or {@code doctype}, by its {@code type} or {@code content}. */
  static String doctype(Map<?, ?> doc) {
    Object dt = firstNonNull(path(doc, "ext", "doctype"), doc.get("doctype"));
    if (dt instanceof Map<?, ?> m) {
      return str(firstNonNull(m.get("type"), m.get("content")));
    }
    return str(dt);
  }

  /** The first named subdivision of an organisation that is an author of the record. */
  static String authorSubdivision(Map<?, ?> doc) {
    for (Object c : list(doc.get("contributor"))) {
      if (!(c instanceof Map<?, ?> contributor)) {
        continue;
      }
      boolean author = false;
      for (Object r : list(contributor.get("role"))) {
        author |= "author".equals(r instanceof Map<?, ?> rm ? str(rm.get("type")) : str(r));
      }
      if (!author || !(contributor.get("organization") instanceof Map<?, ?> org)) {
        continue;
      }
      for (Object sub : list(org.get("subdivision"))) {
        if (sub instanceof Map<?, ?> s) {
          String name = PlainText.line(str(first(list(s.get("name")))));
          if (name != null) {
            return name;
          }
        }
      }
    }
    return null;
  }

  /**
   * The titles of a record (or of a relation's bibitem) by language: the {@code main} title, else
   * "intro - main - part", else the first title given. A language whose title (or a part of it) is
   * the feed's placeholder for a missing title ({@link Standard#isPlaceholderTitle}) has none.
   */
  static Map<String, String> titles(Map<?, ?> doc, String defaultLang) {
    Map<String, Map<String, String>> byLang = new LinkedHashMap<>();
    for (Object t : list(doc.get("title"))) {
      if (!(t instanceof Map<?, ?> m)) {
        String plain = PlainText.line(str(t));
        if (plain != null) {
          byLang.computeIfAbsent(defaultLang, k -> new LinkedHashMap<>()).putIfAbsent("", plain);
        }
        continue;
      }
      String content = PlainText.clean(str(m.get("content")), PlainText.Field.TITLE, markup(m));
      if (content == null) {
        continue;
      }
      String type = str(m.get("type"));
      byLang
          .computeIfAbsent(language(m, defaultLang), k -> new LinkedHashMap<>())
          .putIfAbsent(type == null ? "" : type, content);
    }
    Map<String, String> titles = new LinkedHashMap<>();
    byLang.forEach(
        (lang, typed) -> {
          if (typed.values().stream().anyMatch(Standard::isPlaceholderTitle)) {
            return; // "Titre manque", "Title missing": the feed has no title in this language
          }
          String main = typed.get("main");
          if (main == null) {
            List<String> parts = new ArrayList<>();
            for (String part : List.of("title-intro", "title-main", "title-part")) {
              if (typed.get(part) != null) {
                parts.add(typed.get(part));
              }
            }
            main = parts.isEmpty() ? typed.values().iterator().next() : String.join(" - ", parts);
          }
          titles.put(lang, main);
        });
    return titles;
  }

  /** How a text element is written: HTML when its format says so, plain text otherwise. */
  static PlainText.Markup markup(Map<?, ?> textElement) {
    return "text/html".equals(str(textElement.get("format")))
        ? PlainText.Markup.HTML
        : PlainText.Markup.TEXT;
  }

  static String language(Map<?, ?> textElement, String defaultLang) {
    String lang = first(list(textElement.get("language")));
    return lang == null ? defaultLang : lang.toLowerCase(Locale.ROOT);
  }

  /**
   * The identifier of a relation's {@code bibitem}: its first primary docid without a scope, else
   * its first docid, else its {@code formattedref}.
   */
  static String bibitemIdentifier(Object bibitem) {
    if (!(bibitem instanceof Map<?, ?> bib)) {
      return null;
    }
    List<Object> ids = new ArrayList<>(list(bib.get("docidentifier")));
    ids.addAll(list(bib.get("docid")));
    String fallback = null;
    for (Object id : ids) {
      if (id instanceof Map<?, ?> m) {
        String value = idValue(m);
        if (value != null && isTrue(m.get("primary")) && m.get("scope") == null) {
          return value;
        }
        fallback = fallback == null ? value : fallback;
      }
    }
    if (fallback == null) {
      fallback = PlainText.line(str(bib.get("formattedref")));
    }
    return fallback;
  }

  /** A docid's value: {@code id} (v1.2) or {@code content} (v1.5), on one line. */
  static String idValue(Map<?, ?> docid) {
    String v = str(firstNonNull(docid.get("id"), docid.get("content")));
    return v == null ? null : PlainText.line(v);
  }

  static Object path(Object root, String... keys) {
    Object o = root;
    for (String k : keys) {
      if (!(o instanceof Map<?, ?> m)) {
        return null;
      }
      o = m.get(k);
    }
    return o;
  }

  /** A list as it is; null as an empty list; anything else as a list of one. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    if (o == null) {
      return List.of();
    }
    if (o instanceof List<?> l) {
      return (List<Object>) l;
    }
    return List.of(o);
  }

  /** A scalar as text; a mapping by its {@code content}; a list by its first element. */
  static String str(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Map<?, ?> m) {
      return str(m.get("content"));
    }
    if (o instanceof List<?> l) {
      return l.isEmpty() ? null : str(l.get(0));
    }
    String s = o.toString().strip();
    return s.isEmpty() ? null : s;
  }

  /** The first of {@code values} that is not empty as text. */
  static String first(List<Object> values) {
    for (Object v : values) {
      String s = str(v);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  static boolean isTrue(Object o) {
    return Boolean.TRUE.equals(o) || (o instanceof String s && s.equalsIgnoreCase("true"));
  }

  @SafeVarargs
  static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
