package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;

/**
 * The pages about the site itself, linked from every page's footer: {@code /about}, {@code
 * /accessibility} (the accessibility statement), {@code /data-licences} (where the records come
 * from and on what terms); and what browsers and crawlers ask every site for: {@code /robots.txt}
 * and {@code /favicon.ico} (a redirect to the SVG icon the pages link).
 */
public final class SitePages implements Routes {
  /** The icon the pages link ({@code <link rel="icon">}); {@code /favicon.ico} leads to it. */
  static final String ICON = "/static/favicon.svg";

  /**
   * What crawlers may fetch: the public pages, not the sign-in and sign-out forms, the signed-in
   * work (submissions, reviews, administration), the forms that create or change a suite, a suite's
   * edit link ({@code ?key=}), or the API's bulk downloads (every record of a kind in one answer:
   * the same data the pages show, and an expensive answer); the API's description stays allowed.
   */
  static final String ROBOTS =
      String.join(
          "\n",
          "User-agent: *",
          "Allow: /",
          "Allow: /api/v1/openapi.json",
          "Disallow: /signin",
          "Disallow: /signout",
          "Disallow: /account",
          "Disallow: /admin/",
          "Disallow: /review/",
          "Disallow: /submissions/",
          "Disallow: /suites/new",
          "Disallow: /suites/add",
          "Disallow: /*?key=",
          "Disallow: /*&key=",
          "Disallow: /api/",
          "Disallow: /landscape.csv",
          "Disallow: /landscape/duplicates.csv",
          "Disallow: /feeds/search.atom",
          "");

  private final I18n i18n;
  private final PageRenderer pages;
  private final String contact;

  /**
   * @param contact where to report a problem with the site (an e-mail address or a web address), as
   *     the operator of this installation names it; null when it names none
   */
  public SitePages(I18n i18n, PageRenderer pages, String contact) {
    this.i18n = i18n;
    this.pages = pages;
    this.contact = contact == null || contact.isBlank() ? null : contact.strip();
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/about", ctx -> page(ctx, "about.jte", "about.title"));
    router.get("/accessibility", ctx -> page(ctx, "accessibility.jte", "a11y.title"));
    router.get("/data-licences", ctx -> page(ctx, "data-licences.jte", "licences.title"));
    router.get(
        "/robots.txt",
        ctx ->
            ctx.contentType("text/plain; charset=utf-8")
                .header("Cache-Control", "public, max-age=3600")
                .result(ROBOTS));
    router.get(
        "/favicon.ico",
        ctx ->
            ctx.header("Cache-Control", "public, max-age=86400")
                .redirect(ICON, io.javalin.http.HttpStatus.MOVED_PERMANENTLY));
  }

  private void page(Context ctx, String template, String titleKey) {
    Messages t = i18n.forRequest(ctx);
    pages.render(
        ctx, template, new PageModels.SitePage(pages.layout(ctx, t, t.get(titleKey)), contact));
  }
}
