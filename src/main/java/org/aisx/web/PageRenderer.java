package org.aisx.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import org.aisx.catalog.Problem;

/**
 * Renders the HTML pages: the precompiled jte templates, the frame every page shares (language,
 * title, who is signed in) and the error page {@link WebServer}'s one failure mapping shows outside
 * the API.
 */
public final class PageRenderer {
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final I18n i18n;
  private final Access access;

  public PageRenderer(I18n i18n, Access access) {
    this.i18n = i18n;
    this.access = access;
  }

  /** The language a request asks for itself ({@link I18n#askedFor}); null when none. */
  Messages askedFor(Context ctx) {
    return i18n.askedFor(ctx);
  }

  /** Whether the caller may propose a change to {@code s}: signed in, for the record's body. */
  boolean mayProposeChange(Context ctx, org.aisx.catalog.Standard s) {
    return access.user(ctx).isPresent()
        && access.may(
            ctx,
            org.aisx.account.Permission.SUBMIT_UPDATE,
            s.sdo() == null ? List.of() : List.of(s.sdo()));
  }

  /**
   * Whether the caller may propose a learning resource or a correction of one: signed in, and
   * allowed to submit one.
   */
  boolean mayProposeResource(Context ctx) {
    return access.user(ctx).isPresent()
        && access.may(ctx, org.aisx.account.Permission.SUBMIT_RESOURCE);
  }

  /** Where a page answering a write links to for the same page in another language. */
  private static final String READ_AT = "aisx.readAt";

  /**
   * Says where the page answering this write ({@code POST}) is read with GET: a path, with a query
   * if the page needs one ({@code /submissions/new?record=x}). Its links to the page in another
   * language, and the sign-in link's way back, lead there; following them is a GET, which the
   * write's own address would answer with a 405. {@link WebServer} sets the nearest readable
   * address above the write's before the handler runs; a handler that shows a form again names the
   * form's own address.
   */
  static void readAt(Context ctx, String address) {
    ctx.attribute(READ_AT, address);
  }

  /** The frame of a page titled {@code title}. */
  PageModels.Layout layout(Context ctx, Messages t, String title) {
    PageModels.Viewer viewer =
        access
            .user(ctx)
            .map(
                u ->
                    new PageModels.Viewer(
                        u.email(),
                        u.role().wire(),
                        access.session(ctx).map(org.aisx.account.Session::csrf).orElse(null)))
            .orElse(null);
    String path = ctx.path();
    String query = ctx.queryString();
    if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
      String readAt = ctx.attribute(READ_AT);
      String address = readAt == null ? "/" : readAt;
      int q = address.indexOf('?');
      path = q < 0 ? address : address.substring(0, q);
      query = q < 0 ? null : address.substring(q + 1);
    }
    return new PageModels.Layout(
        t, title, PageModels.Layout.sitePath(path), query, i18n.languages(), viewer);
  }

  /** Whether the request comes from a signed-in visitor, whose pages name them. */
  boolean signedIn(Context ctx) {
    return access.user(ctx).isPresent();
  }

  /** Answers with {@code template} rendered over {@code model}. */
  void render(Context ctx, String template, Object model) {
    send(ctx, utf8(template, model, null));
  }

  /** The CSRF token for a form on this page ({@link Access#formToken}). */
  String formToken(Context ctx) {
    return access.formToken(ctx);
  }

  /**
   * Answers with a page already rendered ({@link #utf8}). A page is said in the language its reader
   * chose (a cookie, or the browser's languages) and shows who is signed in, so a cache keeps it
   * for that reader only and asks again before showing it.
   */
  void send(Context ctx, byte[] html) {
    ctx.header("Cache-Control", "private, no-cache");
    WebServer.vary(ctx, "Cookie", "Accept-Language");
    ctx.contentType("text/html; charset=utf-8").result(html);
  }

  /**
   * {@code template} rendered over {@code model} as UTF-8, after {@code prolog} when not null. The
   * templates are compiled with their static parts as UTF-8 bytes (the jte plugin's {@code
   * binaryStaticContent}), so only the values put into them are encoded per request; a {@code
   * StringOutput} would decode those bytes back to text on every render.
   */
  byte[] utf8(String template, Object model, String prolog) {
    Utf8ByteOutput out = new Utf8ByteOutput();
    if (prolog != null) {
      out.writeContent(prolog);
    }
    templates.render(template, model, out);
    return out.toByteArray();
  }

  /**
   * The error page for {@code status}, saying {@code pageMessage} (a message key) in the page's
   * language, or {@code message} as it is when there is no such key.
   */
  void error(Context ctx, int status, String message, String pageMessage, List<Problem> problems) {
    error(ctx, status, message, pageMessage, problems, List.of());
  }

  /**
   * {@link #error(Context, int, String, String, List)} offering {@code choices}: what the address
   * may have meant (a committee named a little differently), each linked to its page.
   */
  void error(
      Context ctx,
      int status,
      String message,
      String pageMessage,
      List<Problem> problems,
      List<CommitteePageModels.Named> choices) {
    // Answered here: the server's own 404 page is not to replace it (WebServer's error handler).
    ctx.attribute("failed", Boolean.TRUE);
    ctx.status(status);
    Messages t = i18n.forRequest(ctx);
    String said = pageMessage != null && t.has(pageMessage) ? t.get(pageMessage) : message;
    render(
        ctx,
        "error.jte",
        new PageModels.ErrorPage(
            layout(
                ctx,
                t,
                t.get(
                    "error.title."
                        + (status == 404
                            ? "404"
                            : status == 401
                                ? "401"
                                : status == 403
                                    ? "403"
                                    : status == 409
                                        ? "409"
                                        : status == 429
                                            ? "429"
                                            : status == 503
                                                ? "503"
                                                : status >= 500 ? "500" : "400"))),
            status,
            said,
            problems,
            choices));
  }
}
