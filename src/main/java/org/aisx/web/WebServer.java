package org.aisx.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.JavalinDefaultRouting;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.aisx.store.Database;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin's configuration, the security headers and size limits every response
 * gets, and the one place where failures become HTTP statuses, as JSON under {@code /api/} and as a
 * page everywhere else. It has no routes of its own: each part of the web layer registers its own
 * ({@link Routes}), and {@code org.aisx.App} builds them and hands them over.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

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
  private final PageRenderer pages;
  private final boolean behindProxy;
  private final List<String> endpoints = new CopyOnWriteArrayList<>();
  private final RequestBodies.Limits limits;

  /** The port {@link #start} was asked for, read when Javalin builds the connector. */
  private volatile int requestedPort;

  /** The address listened on; null for every interface. */
  private volatile String requestedHost;

  /**
   * @param json the project's one mapper, for request and response bodies
   * @param pages renders the error page of a failure outside the API
   * @param behindProxy connections come from a reverse proxy that says whether the client used
   *     HTTPS (X-Forwarded-Proto)
   * @param access who is calling: an anonymous request to an operation that needs an account is
   *     refused (401) before its parameters and body are looked at ({@link SignInFirst})
   * @param routes every part of the web layer, registered in this order (so the filters among them
   *     run in this order, after the security headers)
   */
  public WebServer(
      ObjectMapper json,
      PageRenderer pages,
      boolean behindProxy,
      Access access,
      List<Routes> routes) {
    this.pages = pages;
    this.behindProxy = behindProxy;
    this.limits = RequestBodies.Limits.fromSystemProperties();
    com.fasterxml.jackson.databind.JsonNode openapi = DocumentedParams.openapi(json);
    DocumentedParams documented = DocumentedParams.of(openapi);
    SignInFirst signInFirst = SignInFirst.of(openapi, access);
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JsonBodies(json));
              config.http.maxRequestSize = limits.maxBodyBytes();
              hardenJetty(config.jetty);
              config.http.defaultContentType = "application/json";
              config.staticFiles.add(
                  s -> {
                    s.hostedPath = "/static";
                    s.directory = "/static";
                    s.location = Location.CLASSPATH;
                    s.headers = Map.of("Cache-Control", "public, max-age=3600");
                    s.precompress = true;
                  });
              config.router.ignoreTrailingSlashes = true;
              // A path that other methods answer is a 405 with Allow (see failures), not a 404.
              config.http.prefer405over404 = true;
              // Feed uploads on the admin page may be large; everything else stays small.
              config.jetty.multipartConfig.maxFileSize(
                  AdminImport.MAX_UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
              config.jetty.multipartConfig.maxTotalRequestSize(
                  AdminImport.MAX_UPLOAD_BYTES + 65_536, io.javalin.config.SizeUnit.BYTES);
              config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
              Map<String, io.javalin.http.Handler> reads = new LinkedHashMap<>();
              config.events(
                  events ->
                      events.handlerAdded(
                          h -> {
                            // HEAD is answered by the GET handler (below), not a route of its own.
                            if (h.getHttpMethod().isHttpMethod()
                                && h.getHttpMethod() != HandlerType.HEAD) {
                              endpoints.add(h.getHttpMethod() + " " + h.getPath());
                            }
                            if (h.getHttpMethod() == HandlerType.GET) {
                              reads.put(h.getPath(), h.getHandler());
                            }
                          }));
              config.router.mount(
                  router -> {
                    // The order of refusals (openapi.json's info.description): an address that
                    // cannot be read; a body too large, too slow or over the memory for bodies
                    // (413, 408, 503: bounds on what is held); no one signed in to an operation
                    // that needs an account (401); then what the request says: unknown
                    // parameters, a body that is not UTF-8, and the filters and handler below.
                    router.before(this::headers);
                    router.before(this::options);
                    router.before(this::readableAddress);
                    router.before(WebServer::refuseUnreadablePath);
                    router.before(RequestBodies::refuseMarked);
                    router.before(signInFirst::check);
                    router.before(documented::check);
                    router.before(JsonBodies::refuseMalformed);
                    routes.forEach(r -> r.register(router));
                    // Javalin answers HEAD on a GET route itself, with a bare 200 and no headers
                    // (whatever GET would say: a 404, a 400, text/html). HEAD runs the GET handler
                    // instead, so it says what GET says; Jetty sends the headers without the body.
                    reads.forEach(router::head);
                    router.after(WebServer::redirectsAreText);
                    failures(router);
                  });
            });
  }

  /**
   * A redirect's short body (Javalin writes "Redirected") is plain text: without this it was
   * labelled with the API's default type, {@code application/json}, which it is not.
   */
  private static void redirectsAreText(Context ctx) {
    // Redirects only: a 304 keeps the headers of what it revalidates (a cache updates its stored
    // headers from it), so it must not say text/plain.
    int status = ctx.statusCode();
    if (status >= 300 && status < 400 && status != 304 && ctx.res().getHeader("Location") != null) {
      ctx.contentType("text/plain; charset=utf-8");
    }
  }

  /**
   * What Jetty allows a client: request bodies received without holding a thread and bounded
   * ({@link RequestBodies}), an idle timeout and a minimum data rate on every connection, and a
   * bounded request thread pool with a bounded queue (a request beyond it is turned away rather
   * than queued without end).
   */
  private void hardenJetty(io.javalin.config.JettyConfig jetty) {
    QueuedThreadPool threads =
        new QueuedThreadPool(
            limits.maxThreads(),
            Math.min(8, limits.maxThreads()),
            60_000,
            new BlockingArrayQueue<>(64, 64, limits.maxQueued()));
    threads.setName("aisx-http");
    jetty.threadPool = threads;
    jetty.modifyHttpConfiguration(
        http -> {
          http.setMinRequestDataRate(limits.minDataRate());
          // Bodies are read without a thread (RequestBodies), so a request is handed over at
          // once: a declared length over the limit is refused before any of the body arrives.
          http.setDelayDispatchUntilContent(false);
        });
    jetty.addConnector(
        (server, http) -> {
          ServerConnector connector = new ServerConnector(server, new NulInPath(http));
          connector.setHost(requestedHost);
          connector.setPort(requestedPort);
          connector.setIdleTimeout(limits.idleMillis());
          return connector;
        });
    // Requests Jetty refuses before any route sees them (an address over the header limit, a
    // malformed %-escape): the API's error body instead of Jetty's HTML page.
    jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    jetty.modifyServletContextHandler(
        context -> {
          FilterHolder bodies = new FilterHolder(new RequestBodies(limits));
          bodies.setAsyncSupported(true);
          context.addFilter(bodies, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        });
  }

  /** The one mapping of failures to HTTP statuses and error bodies or pages. */
  private void failures(JavalinDefaultRouting router) {
    router.exception(
        CatalogException.class,
        (e, ctx) -> {
          if (e instanceof CatalogException.NearMiss miss) {
            ctx.attribute("choices", miss.choices());
          }
          fail(ctx, status(e), e.code(), e.getMessage(), pageMessage(ctx, e), e.problems());
        });
    router.exception(
        UnreadableBody.class,
        (e, ctx) ->
            fail(
                ctx,
                HttpStatus.BAD_REQUEST,
                "bad_parameter",
                e.getMessage(),
                "error.message.bad_body",
                e.problems()));
    router.exception(
        org.aisx.submission.SubmissionException.class,
        (e, ctx) -> {
          boolean notAuthor = e instanceof org.aisx.submission.SubmissionException.NotAuthor;
          fail(
              ctx,
              notAuthor ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT,
              e.code(),
              e.getMessage(),
              notAuthor ? "error.message.not_author" : "error.message." + e.code(),
              List.of());
        });
    router.exception(
        org.aisx.taxonomy.TaxonomyException.class,
        (e, ctx) -> {
          List<Problem> problems = e.details();
          HttpStatus status =
              e instanceof org.aisx.taxonomy.TaxonomyException.Unknown
                  ? HttpStatus.NOT_FOUND
                  : e instanceof org.aisx.taxonomy.TaxonomyException.Stale
                      ? HttpStatus.CONFLICT
                      : HttpStatus.BAD_REQUEST;
          fail(
              ctx,
              status,
              e.code(),
              e.getMessage(),
              "error.message.taxonomy_" + e.code(),
              problems);
        });
    router.exception(
        org.aisx.suite.Suites.Stale.class,
        (e, ctx) ->
            fail(
                ctx,
                HttpStatus.CONFLICT,
                "conflict",
                e.getMessage(),
                "error.message.suite_stale",
                List.of()));
    // Their messages come from the bundle of the request's language already, but for those that
    // Javalin raises itself: the 405 (prefer405over404), which says which methods the path takes,
    // and the 404 of an address no route or asset has ("Endpoint GET /x not found").
    router.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          if (e instanceof io.javalin.router.EndpointNotFound) {
            notFound(ctx);
            return;
          }
          if (e.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
            String allowed = allowed(ctx.path());
            ctx.header("Allow", allowed);
            fail(
                ctx,
                HttpStatus.METHOD_NOT_ALLOWED,
                "method_not_allowed",
                methodAsSent(ctx) + " is not allowed on " + ctx.path() + "; allowed: " + allowed,
                "error.message.method_not_allowed",
                List.of());
            return;
          }
          fail(
              ctx,
              HttpStatus.forStatus(e.getStatus()),
              codeOf(e.getStatus()),
              e.getMessage(),
              null,
              List.of());
        });
    // Jetty's own refusals of what the client sent, met while a handler reads it (a body that
    // arrives too slowly: 408): the client's, so its status, not a failure of ours.
    router.exception(
        org.eclipse.jetty.http.BadMessageException.class,
        (e, ctx) -> {
          int status = e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : 400;
          LOG.info("{} {} refused by Jetty: {}", ctx.method(), ctx.path(), e.getMessage());
          fail(
              ctx,
              HttpStatus.forStatus(status),
              codeOf(status),
              status == HttpStatus.REQUEST_TIMEOUT.getCode()
                  ? "The request body could not be read: it arrived too slowly or was cut off."
                  : "The request could not be read: " + e.getReason(),
              null,
              List.of());
        });
    router.exception(
        Exception.class,
        (e, ctx) -> {
          if (Database.unreachable(e)) {
            // Not a fault of the request nor of this code: the database is down or refusing
            // connections for now (a restart, a failover). Said as such, to be tried again.
            LOG.warn(
                "{} {}: the database cannot be reached: {}",
                ctx.method(),
                ctx.path(),
                e.toString());
            ctx.header("Retry-After", "5");
            fail(
                ctx,
                HttpStatus.SERVICE_UNAVAILABLE,
                "database_unavailable",
                "The catalogue's database cannot be reached just now; try again in a few seconds.",
                "error.message.database_unavailable",
                List.of());
            return;
          }
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          fail(
              ctx,
              HttpStatus.INTERNAL_SERVER_ERROR,
              "internal_error",
              "The server could not complete the request.",
              "error.message.internal_error",
              List.of());
        });
    // Statuses Javalin or Jetty set without an exception (no route, wrong method, body too big)
    // get the same error body or page, unless a handler above already wrote one.
    onStatus(router, HttpStatus.NOT_FOUND, "not_found", WebServer::notFoundMessage);
    onStatus(
        router,
        HttpStatus.METHOD_NOT_ALLOWED,
        "method_not_allowed",
        ctx -> methodAsSent(ctx) + " is not allowed on " + ctx.path());
    onStatus(
        router,
        HttpStatus.CONTENT_TOO_LARGE,
        "too_large",
        ctx -> "The request is larger than " + limits.maxBodyBytes() + " bytes.");
  }

  /**
   * The answer to an address no route or asset has: the API's JSON error under {@code /api/}, else
   * the not-found page in the page's language.
   */
  private void notFound(Context ctx) {
    fail(ctx, HttpStatus.NOT_FOUND, "not_found", notFoundMessage(ctx), notFoundKey(ctx), List.of());
  }

  /**
   * The message key of {@link #notFoundMessage}: under {@code /api/} one that names the address and
   * where the paths are listed ({0} the path), in every language.
   */
  private static final String API_NOT_FOUND = "error.message.api_not_found";

  private static String notFoundKey(Context ctx) {
    return ctx.path().startsWith("/api/") ? API_NOT_FOUND : "error.message.not_found";
  }

  /**
   * The request's method as the client sent it: Javalin names a method it has no constant for
   * (PROPFIND, BREW) {@code INVALID}.
   */
  private static String methodAsSent(Context ctx) {
    return ctx.req().getMethod();
  }

  /** What the API says of an address it does not have, in English. */
  private static String notFoundMessage(Context ctx) {
    String message = "No page or resource at " + ctx.path();
    return ctx.path().startsWith("/api/")
        ? message + "; the API's paths are listed in /api/v1/openapi.json"
        : message;
  }

  /** Every endpoint registered, as {@code METHOD /path}, in the order of registration. */
  List<String> endpoints() {
    return List.copyOf(endpoints);
  }

  /**
   * The methods the routes take at {@code path}, for an {@code Allow} header: HEAD wherever GET
   * (Javalin answers it with the GET handler), and OPTIONS; empty when no route has the path.
   */
  String allowed(String path) {
    java.util.Set<String> methods = new java.util.TreeSet<>();
    for (String endpoint : endpoints) {
      int space = endpoint.indexOf(' ');
      if (matches(endpoint.substring(space + 1), path)) {
        methods.add(endpoint.substring(0, space));
      }
    }
    if (methods.isEmpty()) {
      return "";
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    methods.add("OPTIONS");
    return String.join(", ", methods);
  }

  /** Where the static assets are served, and the classpath folder they are in. */
  private static final String STATIC = "/static/";

  /** The methods a static asset takes (Javalin's static files answer GET and HEAD). */
  private static final String STATIC_METHODS = "GET, HEAD, OPTIONS";

  /** Whether {@code path} is a file of the static assets ({@code /static/style.css}). */
  static boolean isStaticAsset(String path) {
    if (!path.startsWith(STATIC)) {
      return false;
    }
    String name = path.substring(STATIC.length());
    return !name.isEmpty()
        && name.indexOf('/') < 0
        && name.indexOf('\\') < 0
        && !name.startsWith(".")
        && WebServer.class.getResource(STATIC + name) != null;
  }

  /** Whether a route's path ({@code /api/v1/standards/{id}}) matches a request's path. */
  static boolean matches(String route, String path) {
    String[] r = strip(route).split("/", -1);
    String[] p = strip(path).split("/", -1);
    if (r.length != p.length) {
      return false;
    }
    for (int i = 0; i < r.length; i++) {
      boolean parameter = r[i].startsWith("{") && r[i].endsWith("}") && !p[i].isEmpty();
      if (!parameter && !r[i].equals(p[i])) {
        return false;
      }
    }
    return true;
  }

  private static String strip(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * {@code OPTIONS} on a path that routes take, or on a static asset there is: 204 with {@code
   * Allow}. A path no route or asset has stays a 404.
   *
   * <p>On the API, a CORS preflight for a read ({@code Access-Control-Request-Method} GET or HEAD,
   * with an {@code Origin}) is granted to every site: the API is open data ({@link #headers}). It
   * allows the request headers a reader needs: {@code Authorization}, so that a page elsewhere can
   * read with its own token (a bearer token is never sent by the browser on its own, unlike a
   * cookie: only a script that holds it can send it), {@code If-None-Match} and {@code
   * Accept-Language}. Credentials (cookies) are never allowed ({@code
   * Access-Control-Allow-Credentials} is never sent, and the wildcard rules them out anyway). A
   * preflight for a write is not granted: writes are made from this site or outside a browser.
   */
  private void options(Context ctx) {
    if (ctx.method() != HandlerType.OPTIONS) {
      return;
    }
    String allowed = isStaticAsset(ctx.path()) ? STATIC_METHODS : allowed(ctx.path());
    if (!allowed.isEmpty()) {
      ctx.header("Allow", allowed);
      String requested = ctx.header("Access-Control-Request-Method");
      if (ctx.path().startsWith(API)
          && ctx.header("Origin") != null
          && requested != null
          && CROSS_SITE_METHODS.contains(requested)
          && List.of(allowed.split(", ")).contains(requested)) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Methods", String.join(", ", CROSS_SITE_METHODS));
        ctx.header("Access-Control-Allow-Headers", CROSS_SITE_HEADERS);
        ctx.header("Access-Control-Max-Age", "600");
      }
      ctx.status(HttpStatus.NO_CONTENT);
      ctx.skipRemainingHandlers();
    }
  }

  /** The API, whose reads other sites may make. */
  private static final String API = "/api/v1/";

  /** The methods another site's page may use on the API: the reads. */
  private static final List<String> CROSS_SITE_METHODS = List.of("GET", "HEAD");

  /** The request headers another site's page may send with a read of the API. */
  static final String CROSS_SITE_HEADERS = "Authorization, If-None-Match, Accept-Language";

  /** The response headers of an API read another site's page may see beyond the safelisted. */
  static final String EXPOSED_HEADERS = "ETag, Content-Disposition";

  private void onStatus(
      JavalinDefaultRouting router,
      HttpStatus status,
      String code,
      java.util.function.Function<Context, String> message) {
    router.error(
        status.getCode(),
        ctx -> {
          if (ctx.attribute("failed") == null) {
            String key =
                status == HttpStatus.NOT_FOUND ? notFoundKey(ctx) : "error.message." + code;
            fail(ctx, status, code, message.apply(ctx), key, List.of());
          }
        });
  }

  /**
   * The error page's message key for {@code e}: a value sent with a form is a form's field, not a
   * value in the address.
   */
  private static String pageMessage(Context ctx, CatalogException e) {
    if (e instanceof CatalogException.BadParameter
        && ctx.method() == HandlerType.POST
        && !ctx.path().startsWith("/api/")) {
      return "error.message.bad_form_value";
    }
    if (e instanceof CatalogException.Invalid invalid && !invalid.aboutARecord()) {
      return "error.message.not_accepted";
    }
    return "error.message." + e.code();
  }

  private static HttpStatus status(CatalogException e) {
    if (e instanceof CatalogException.NotFound || e instanceof CatalogException.NearMiss) {
      return HttpStatus.NOT_FOUND;
    }
    if (e instanceof CatalogException.Conflict
        || e instanceof CatalogException.AlreadyExists
        || e instanceof CatalogException.AlreadyDecided
        || e instanceof CatalogException.Gone) {
      return HttpStatus.CONFLICT;
    }
    return HttpStatus.BAD_REQUEST;
  }

  static String codeOf(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 408 -> "request_timeout";
      case 409 -> "conflict";
      case 412 -> "precondition_failed";
      case 428 -> "precondition_required";
      case 413 -> "too_large";
      case 414 -> "uri_too_long";
      case 431 -> "headers_too_large";
      case 429 -> "too_many_requests";
      default -> status >= 500 ? "internal_error" : "error";
    };
  }

  /** Whether failures at {@code path} are answered as the API's JSON error rather than a page. */
  static boolean answersJson(String path) {
    return path.startsWith("/api/") || path.equals("/healthz") || path.equals("/metrics");
  }

  /**
   * Answers with the error: a JSON body under the API (its English message, or in the language the
   * request asks for: {@link I18n#askedFor}), else the error page, which says it in the page's
   * language by {@code pageMessage} (a message key; {@code null} when {@code message} already is in
   * that language).
   */
  private void fail(
      Context ctx,
      HttpStatus status,
      String code,
      String message,
      String pageMessage,
      List<Problem> problems) {
    ctx.attribute("failed", Boolean.TRUE);
    ctx.status(status);
    if (answersJson(ctx.path())) {
      // In the language the request asks for (?lang=, Accept-Language), else in English (SPEC
      // §12): the message as the error page says it, each problem the bundles can say.
      Messages asked = pages.askedFor(ctx);
      boolean translated = asked != null && !asked.lang().equals("en");
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", code);
      error.put(
          "message",
          translated && pageMessage != null && asked.has(pageMessage)
              ? (pageMessage.equals(API_NOT_FOUND)
                  ? asked.get(pageMessage, ctx.path())
                  : asked.get(pageMessage))
              : message);
      List<Map<String, String>> details = new ArrayList<>();
      problems.forEach(
          p ->
              details.add(
                  Map.of("field", p.field(), "problem", Messages.problemAsAsked(asked, p))));
      error.put("details", details);
      List<CatalogException.Choice> choices = ctx.attribute("choices");
      if (choices != null) {
        error.put("choices", choices);
      }
      ctx.json(Map.of("error", error));
    } else {
      pages.error(ctx, status.getCode(), message, pageMessage, problems);
    }
  }

  /**
   * The security headers of every response; and, on the API's reads, {@code
   * Access-Control-Allow-Origin: *}: the API is open data, for pages on other sites to read too,
   * anonymously or with a token of their own ({@link #options} grants the preflight). That is safe
   * with our authentication: the wildcard never lets a browser send cookies along (the session
   * cookie needs {@code Access-Control-Allow-Credentials}, never sent), and a token goes in an
   * Authorization header, which a browser never adds by itself: a script that sends one holds it. A
   * request carrying the session cookie is a signed-in visitor's own, on this site, and gets no
   * such header.
   */
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
    boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
    if (read && ctx.path().startsWith(API)) {
      // Whether the wildcard is sent depends on the cookie, and the answer on the token (whose
      // records, whose view of the history): a shared cache must not mix them. What depends on
      // the language adds Accept-Language (I18n).
      vary(ctx, "Cookie", "Authorization");
      if (ctx.cookie(Access.SESSION_COOKIE) == null) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      }
    }
  }

  /**
   * Refuses an address whose path has %-escapes that are not UTF-8 ({@code /standards/%FF}): Jetty
   * reads them as U+FFFD, and the request would be answered for another address (a record "�" there
   * is not). A 400 naming the path, as a query parameter that is not UTF-8 is ({@link
   * Params#query}). So is a path with {@code %00} ({@link NulInPath}): no address here has a NUL.
   */
  private static void refuseUnreadablePath(Context ctx) {
    if (ctx.req().getAttribute(NulInPath.ATTRIBUTE) != null) {
      throw CatalogException.BadParameter.of("path", "problem.nulInPath");
    }
    String raw = ctx.req().getRequestURI();
    if (raw != null && raw.indexOf('%') >= 0 && !Params.isUtf8(raw)) {
      throw CatalogException.BadParameter.of("path", "problem.notUtf8");
    }
  }

  /**
   * Adds {@code fields} to the response's {@code Vary}, keeping those it names already: each part
   * of the answer that depends on a request header says so where it reads it.
   */
  static void vary(Context ctx, String... fields) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    String current = ctx.res().getHeader("Vary");
    if (current != null) {
      for (String name : current.split(",")) {
        if (!name.isBlank()) {
          names.add(name.strip());
        }
      }
    }
    for (String field : fields) {
      if (names.stream().noneMatch(field::equalsIgnoreCase)) {
        names.add(field);
      }
    }
    ctx.header("Vary", String.join(", ", names));
  }

  /**
   * Where a page answering a write ({@code POST /submissions}, shown again with its problems) sends
   * its language links and its sign-in link, which are followed with GET: the nearest address above
   * it that GET answers ({@code /admin/users/7} for {@code /admin/users/7/password}), or the home
   * page; a handler that knows better (the form's own address) says so ({@link
   * PageRenderer#readAt}). A link to the write's own address would be a 405 and lose the form.
   */
  private void readableAddress(Context ctx) {
    HandlerType m = ctx.method();
    if (m == HandlerType.GET
        || m == HandlerType.HEAD
        || m == HandlerType.OPTIONS
        || answersJson(ctx.path())) {
      return;
    }
    String path = PageModels.Layout.sitePath(ctx.path());
    while (!path.equals("/") && !allowed(path).contains("GET")) {
      path = path.substring(0, Math.max(1, strip(path).lastIndexOf('/')));
    }
    PageRenderer.readAt(ctx, path);
  }

  /** Starts listening on every interface; port 0 picks a free port. */
  public WebServer start(int port) {
    return start(null, port);
  }

  /**
   * Starts listening on the interface of {@code host} (an address of this machine; null for every
   * interface); port 0 picks a free port.
   */
  public WebServer start(String host, int port) {
    requestedHost = host;
    requestedPort = port;
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
