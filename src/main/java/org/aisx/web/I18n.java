package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRouting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses each request's language: {@code ?lang=} (remembered in a cookie), else the cookie, else
 * the browser's Accept-Language, else English. A page given a {@code lang} it does not have falls
 * back the same way; the API refuses it ({@link #register}).
 */
public final class I18n implements Routes {
  static final String COOKIE = "lang";
  private final Map<String, Messages> bundles = new LinkedHashMap<>();

  /** The languages by code, in the order a refusal lists them (as openapi.json does). */
  private final Map<String, String> codes = new TreeMap<>();

  public I18n(List<String> languages) {
    for (String lang : languages) {
      bundles.put(lang, new Messages(Locale.forLanguageTag(lang)));
      codes.put(lang, lang);
    }
  }

  /**
   * A filter on the API: {@code lang}, which every endpoint takes, names one of the site's
   * languages, else the request is a 400 naming it, as any other parameter outside its documented
   * values is. A page keeps falling back instead (a link is followed by people, who get the page in
   * a language they can read rather than an error).
   */
  @Override
  public void register(JavalinDefaultRouting router) {
    router.before(
        "/api/*",
        ctx -> {
          if (ctx.method() != HandlerType.OPTIONS) {
            Params.query(ctx).choice(Params.LANG, codes, null);
          }
        });
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
    if (asked == null) {
      WebServer.vary(ctx, "Accept-Language");
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

  /**
   * The request's language. Unless the address names it, the answer depends on the cookie and the
   * Accept-Language header: it says so in {@code Vary}, so that a cache keeps one answer per
   * language.
   */
  Messages forRequest(Context ctx) {
    String asked = ctx.queryParam("lang");
    if (asked != null && bundles.containsKey(asked)) {
      if (!asked.equals(ctx.cookie(COOKIE))) {
        ctx.cookie(COOKIE, asked, 60 * 60 * 24 * 365);
      }
      return bundles.get(asked);
    }
    WebServer.vary(ctx, "Cookie", "Accept-Language");
    String cookie = ctx.cookie(COOKIE);
    if (cookie != null && bundles.containsKey(cookie)) {
      return bundles.get(cookie);
    }
    Messages accepted = fromAcceptLanguage(ctx.header("Accept-Language"));
    return accepted != null ? accepted : bundles.get("en");
  }
}
