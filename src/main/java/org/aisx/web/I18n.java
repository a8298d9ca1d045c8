package org.aisx.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses each request's language: {@code ?lang=} (remembered in a cookie), else the cookie, else
 * the browser's Accept-Language, else English.
 */
public final class I18n {
  static final String COOKIE = "lang";
  private final Map<String, Messages> bundles = new LinkedHashMap<>();

  public I18n(List<String> languages) {
    for (String lang : languages) {
      bundles.put(lang, new Messages(Locale.forLanguageTag(lang)));
    }
  }

  List<String> languages() {
    return List.copyOf(bundles.keySet());
  }

  Messages messages(String lang) {
    return bundles.getOrDefault(lang, bundles.get("en"));
  }

  /**
   * The language a request asks for itself, for the API's errors: {@code ?lang=} or the first of
   * the six that Accept-Language names; null when it names none (the cookie of the pages is not
   * asked for, and nothing is remembered).
   */
  Messages askedFor(Context ctx) {
    String asked = ctx.queryParam("lang");
    if (asked != null && bundles.containsKey(asked)) {
      return bundles.get(asked);
    }
    return fromAcceptLanguage(ctx.header("Accept-Language"));
  }

  private Messages fromAcceptLanguage(String accept) {
    if (accept != null) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
          String lang = range.getRange().split("-")[0];
          if (bundles.containsKey(lang)) {
            return bundles.get(lang);
          }
        }
      } catch (IllegalArgumentException ignored) {
        // A malformed header is not the user's fault: as if it named no language.
      }
    }
    return null;
  }

  Messages forRequest(Context ctx) {
    String asked = ctx.queryParam("lang");
    if (asked != null && bundles.containsKey(asked)) {
      if (!asked.equals(ctx.cookie(COOKIE))) {
        ctx.cookie(COOKIE, asked, 60 * 60 * 24 * 365);
      }
      return bundles.get(asked);
    }
    String cookie = ctx.cookie(COOKIE);
    if (cookie != null && bundles.containsKey(cookie)) {
      return bundles.get(cookie);
    }
    Messages accepted = fromAcceptLanguage(ctx.header("Accept-Language"));
    return accepted != null ? accepted : bundles.get("en");
  }
}
