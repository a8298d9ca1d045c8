package org.aisx.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.account.AccessPolicy;
import org.aisx.account.Accounts;
import org.aisx.account.SignInLimiter;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.aisx.search.SearchIndex;
import org.aisx.taxonomy.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the Exchange: routes, security headers, and the one place where failures become
 * HTTP statuses, as JSON under {@code /api/} and as a page everywhere else.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  static final long MAX_REQUEST_BYTES = 1_000_000;

  /**
   * Nothing but this site's own files: no inline script or style, no plug-ins, no framing, forms
   * posting here only.
   */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  static final String HSTS = "max-age=31536000";

  private final Javalin app;
  private final I18n i18n;
  private final Pages pages;
  private final Access access;
  private final Metrics metrics = new Metrics();
  private final boolean behindProxy;

  public WebServer(
      Catalog catalog,
      SearchIndex index,
      org.aisx.semantic.HybridSearch search,
      org.aisx.semantic.Overlap overlap,
      Taxonomy taxonomy,
      ObjectMapper json,
      org.aisx.ingest.Importer importer,
      org.aisx.classify.Classification classification,
      Accounts accounts,
      AccessPolicy policy,
      SignInLimiter signInLimiter,
      org.aisx.submission.Submissions submissions,
      org.aisx.catalog.StandardReader reader,
      org.aisx.watch.Watch watch,
      org.aisx.audit.AuditLog auditLog,
      org.aisx.account.WriteLimiter writeLimiter,
      boolean behindProxy) {
    this.behindProxy = behindProxy;
    this.i18n = new I18n(List.of("en", "fr"));
    SearchParams params = new SearchParams(taxonomy, index);
    TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    OverlapParams overlapParams = new OverlapParams(catalog, index);
    Api api =
        new Api(catalog, search, classification, overlap, overlapParams, taxonomy, params, i18n);
    this.access = new Access(accounts, policy, i18n);
    this.pages =
        new Pages(
            catalog,
            search,
            classification,
            overlap,
            overlapParams,
            taxonomy,
            params,
            i18n,
            templates,
            access);
    AdminImport adminImport = new AdminImport(importer, access, i18n, pages);
    SuggestionReview review =
        new SuggestionReview(catalog, classification, taxonomy, i18n, pages, access);
    Clients clients = new Clients(behindProxy);
    SignIn signIn = new SignIn(accounts, signInLimiter, access, i18n, pages, clients);
    Auditing auditing = new Auditing(auditLog, writeLimiter, access, clients, i18n);
    AuditTrail auditTrail = new AuditTrail(auditLog, access, i18n, pages);
    AccountApi accountApi = new AccountApi(accounts, access);
    SubmissionApi submissionApi = new SubmissionApi(submissions, catalog, reader, access, i18n);
    SubmissionPages submissionPages =
        new SubmissionPages(submissions, submissionApi, catalog, taxonomy, access, i18n, pages);
    WatchRoutes watching = new WatchRoutes(watch, params, taxonomy, i18n, pages, behindProxy);
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JsonBodies(json));
              config.http.maxRequestSize = MAX_REQUEST_BYTES;
              config.http.defaultContentType = "application/json";
              config.staticFiles.add(
                  s -> {
                    s.hostedPath = "/static";
                    s.directory = "/static";
                    s.location = Location.CLASSPATH;
                    s.headers = Map.of("Cache-Control", "public, max-age=3600");
                  });
              config.router.ignoreTrailingSlashes = true;
              // Feed uploads on the admin page may be large; everything else stays small.
              config.jetty.multipartConfig.maxFileSize(
                  AdminImport.MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
              config.jetty.multipartConfig.maxTotalRequestSize(
                  AdminImport.MAX_UPLOAD_BYTES + 65_536, io.javalin.config.SizeUnit.BYTES);
              config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            });
    app.before(this::headers);
    app.before(auditing::limit);
    app.before(access::checkCsrf);
    app.before(ctx -> ctx.attribute("startNanos", System.nanoTime()));
    app.after(metrics::record);
    app.after(auditing::record);

    app.get("/api/v1/standards", api::search);
    app.get("/api/v1/standards/{id}", api::record);
    app.get("/api/v1/standards/{id}/history", api::history);
    app.get("/api/v1/standards/{id}/related", api::related);
    app.get("/api/v1/overlap", api::overlap);
    app.get("/api/v1/taxonomy", api::taxonomy);
    app.get("/api/v1/suggestions", review::list);
    app.post("/api/v1/suggestions/decisions", review::decideApi);
    app.put("/api/v1/standards/{id}", submissionApi::put);
    app.post("/api/v1/submissions", submissionApi::submit);
    app.get("/api/v1/submissions", submissionApi::list);
    app.get("/api/v1/submissions/{id}", submissionApi::get);
    app.put("/api/v1/submissions/{id}", submissionApi::resubmit);
    app.post("/api/v1/submissions/{id}/decision", submissionApi::decide);
    app.get("/api/v1/field-policy", submissionApi::fieldPolicy);
    app.get("/api/v1/changes", watching::changesApi);
    app.get("/api/v1/audit", auditTrail::api);
    app.get("/api/v1/openapi.json", api::openapi);
    app.get("/api/v1/me", accountApi::me);
    app.delete("/api/v1/tokens/{id}", accountApi::revokeToken);
    app.get("/healthz", api::health);
    app.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4").result(metrics.render(catalog.count())));

    app.get("/", pages::search);
    app.get("/search", pages::search);
    app.get("/standards/{id}", pages::record);
    app.get("/overlap", pages::overlap);
    app.get("/taxonomy", pages::taxonomy);
    app.get("/changes", watching::changesPage);
    app.get("/feeds/changes.atom", watching::changesFeed);
    app.get("/feeds/search.atom", watching::searchFeed);
    app.get("/feeds/standards/{file}", watching::recordFeed);
    app.get("/admin/import", adminImport::form);
    app.get("/admin/audit", auditTrail::page);
    app.post("/admin/import", adminImport::upload);
    app.get("/review/suggestions", review::page);
    app.post("/review/suggestions", review::decide);
    app.get("/submissions/new", submissionPages::form);
    app.post("/submissions", submissionPages::submit);
    app.get("/submissions/mine", submissionPages::mine);
    app.get("/submissions/{id}", submissionPages::show);
    app.get("/submissions/{id}/edit", submissionPages::editForm);
    app.post("/submissions/{id}", submissionPages::resubmit);
    app.post("/submissions/{id}/decision", submissionPages::decide);
    app.get("/review/submissions", submissionPages::queue);
    app.get("/review/field-policy", submissionPages::policy);
    app.post("/review/field-policy", submissionPages::setPolicy);
    app.get("/signin", signIn::form);
    app.post("/signin", signIn::signIn);
    app.get("/signout", signIn::confirmSignOut);
    app.post("/signout", signIn::signOut);

    app.exception(
        CatalogException.class,
        (e, ctx) -> fail(ctx, status(e), e.code(), e.getMessage(), e.problems()));
    app.exception(
        org.aisx.submission.SubmissionException.class,
        (e, ctx) ->
            fail(
                ctx,
                e instanceof org.aisx.submission.SubmissionException.NotAuthor
                    ? HttpStatus.FORBIDDEN
                    : HttpStatus.CONFLICT,
                e.code(),
                e.getMessage(),
                List.of()));
    app.exception(
        HttpResponseException.class,
        (e, ctx) ->
            fail(
                ctx,
                HttpStatus.forStatus(e.getStatus()),
                codeOf(e.getStatus()),
                e.getMessage(),
                List.of()));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          fail(
              ctx,
              HttpStatus.INTERNAL_SERVER_ERROR,
              "internal_error",
              "The server could not complete the request.",
              List.of());
        });
    // Statuses Javalin or Jetty set without an exception (no route, wrong method, body too big)
    // get the same error body or page, unless a handler above already wrote one.
    onStatus(HttpStatus.NOT_FOUND, "not_found", ctx -> "No page or resource at " + ctx.path());
    onStatus(
        HttpStatus.METHOD_NOT_ALLOWED,
        "method_not_allowed",
        ctx -> ctx.method() + " is not allowed on " + ctx.path());
    onStatus(
        HttpStatus.CONTENT_TOO_LARGE,
        "too_large",
        ctx -> "The request is larger than " + MAX_REQUEST_BYTES + " bytes.");
  }

  private void onStatus(
      HttpStatus status, String code, java.util.function.Function<Context, String> message) {
    app.error(
        status.getCode(),
        ctx -> {
          if (ctx.attribute("failed") == null) {
            fail(ctx, status, code, message.apply(ctx), List.of());
          }
        });
  }

  private static HttpStatus status(CatalogException e) {
    if (e instanceof CatalogException.NotFound) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof CatalogException.Conflict) {
      return HttpStatus.CONFLICT;
    }
    return HttpStatus.BAD_REQUEST;
  }

  private static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 412 -> "precondition_failed";
      case 428 -> "precondition_required";
      case 413 -> "too_large";
      case 429 -> "too_many_requests";
      default -> status >= 500 ? "internal_error" : "error";
    };
  }

  private void fail(
      Context ctx, HttpStatus status, String code, String message, List<Problem> problems) {
    ctx.attribute("failed", Boolean.TRUE);
    ctx.status(status);
    if (ctx.path().startsWith("/api/")
        || ctx.path().equals("/healthz")
        || ctx.path().equals("/metrics")) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", code);
      error.put("message", message);
      List<Map<String, String>> details = new ArrayList<>();
      problems.forEach(p -> details.add(Map.of("field", p.field(), "problem", p.problem())));
      error.put("details", details);
      ctx.json(Map.of("error", error));
    } else {
      pages.error(ctx, status.getCode(), message, problems);
    }
  }

  private void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    // Over HTTPS (directly, or through a proxy we were told about), browsers keep to HTTPS.
    if ("https".equalsIgnoreCase(ctx.scheme())
        || (behindProxy && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto")))) {
      ctx.header("Strict-Transport-Security", HSTS);
    }
  }

  /** Starts listening; port 0 picks a free port. */
  public WebServer start(int port) {
    app.start(port);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
