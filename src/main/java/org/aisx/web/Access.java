package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.router.JavalinDefaultRouting;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aisx.account.AccessPolicy;
import org.aisx.account.Accounts;
import org.aisx.account.Permission;
import org.aisx.account.Session;
import org.aisx.account.User;

/**
 * Who is calling, and whether they may: the one helper every write handler calls, e.g. {@code
 * access.require(ctx, Permission.SUBMIT_CREATE, record.sdo())}. The caller is the holder of an
 * {@code Authorization: Bearer} API token, else of the session cookie, else the public. Refusals
 * are thrown as {@link UnauthorizedResponse} (401: no one signed in, or a bad token) or {@link
 * ForbiddenResponse} (403), which {@link WebServer}'s exception mapper renders as JSON under {@code
 * /api/} and as a page elsewhere.
 *
 * <p>It also guards against cross-site requests: every state-changing request that relies on the
 * browser's cookies must send back the CSRF token ({@code _csrf} form field, or the {@code
 * X-CSRF-Token} header for scripts), checked for all routes in one before-handler.
 */
public final class Access implements Routes {
  static final String SESSION_COOKIE = "aisx_session";
  static final String CSRF_COOKIE = "aisx_csrf";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String CALLER = "aisx.caller";

  /** The scheme of a suite's edit key: {@code Authorization: Suite-Key KEY}. */
  static final String SUITE_KEY = "Suite-Key ";

  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private final Accounts accounts;
  private final AccessPolicy policy;
  private final I18n i18n;

  public Access(Accounts accounts, AccessPolicy policy, I18n i18n) {
    this.accounts = accounts;
    this.policy = policy;
    this.i18n = i18n;
  }

  /** The CSRF check, before every request. */
  @Override
  public void register(JavalinDefaultRouting router) {
    router.before(this::checkCsrf);
  }

  /** Who made this request, resolved once per request. */
  private record Caller(User user, Session session) {
    static final Caller PUBLIC = new Caller(null, null);
  }

  /** The signed-in account (by token or session); empty for the public. */
  public Optional<User> user(Context ctx) {
    return Optional.ofNullable(caller(ctx).user());
  }

  /**
   * The caller if they can be known without refusing the request (for the audit trail, after the
   * handler): empty for the public and for a bad token.
   */
  Optional<User> userQuietly(Context ctx) {
    try {
      return user(ctx);
    } catch (io.javalin.http.HttpResponseException refused) {
      return Optional.empty();
    }
  }

  /**
   * Whose write this is, for the write limit, without refusing anything yet: the SHA-256 of the
   * bearer token (a made-up one counts as its own caller, and the address limit still applies), or
   * the signed-in account of the session; null for the public.
   */
  String limitKey(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(authorization.getBytes(StandardCharsets.UTF_8));
        return "token:" + java.util.HexFormat.of().formatHex(digest);
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return session(ctx).map(s -> "account:" + s.user().id()).orElse(null);
  }

  /** The browser session, when the caller is signed in with one (not with a token). */
  Optional<Session> session(Context ctx) {
    return Optional.ofNullable(caller(ctx).session());
  }

  /**
   * Returns the caller if {@code permission} is theirs for records of every one of {@code bodies};
   * throws 401 when no one is signed in, 403 when the caller may not.
   */
  public User require(Context ctx, Permission permission, String... bodies) {
    return require(ctx, permission, List.of(bodies));
  }

  /** As {@link #require(Context, Permission, String...)} for a collection of bodies. */
  public User require(Context ctx, Permission permission, Collection<String> bodies) {
    User user = caller(ctx).user();
    return switch (policy.decide(user, permission, bodies)) {
      case ALLOW -> user;
      case SIGN_IN_REQUIRED -> throw unauthorized(ctx, "access.signInRequired");
      case FORBIDDEN -> {
        Messages t = i18n.forRequest(ctx);
        List<String> refused = refusedBodies(user, permission, bodies);
        throw new ForbiddenResponse(
            permission.bodyScoped() && !refused.isEmpty()
                ? t.get("access.forbiddenBodies", String.join(", ", refused))
                : t.get("access.forbidden"));
      }
    };
  }

  /**
   * Those of {@code bodies} whose records {@code permission} does not let {@code user} change: the
   * ones a refusal names (not a body the account does belong to); all of them when none alone is
   * refused.
   */
  private List<String> refusedBodies(User user, Permission permission, Collection<String> bodies) {
    Set<String> refused = new java.util.LinkedHashSet<>();
    for (String b : bodies) {
      if (policy.decide(user, permission, List.of(b))
          == org.aisx.account.AccessPolicy.Decision.ALLOW) {
        continue;
      }
      // "ITU-T, IEEE" written as one body: name the parts the account is not in, not ITU-T.
      List<String> notMine =
          java.util.Arrays.stream(b.split(","))
              .map(String::strip)
              .filter(part -> !part.isEmpty() && (user == null || !user.belongsTo(part)))
              .toList();
      refused.addAll(notMine.isEmpty() ? List.of(b) : notMine);
    }
    return refused.isEmpty() ? List.copyOf(bodies) : List.copyOf(refused);
  }

  /**
   * The message of a refusal of {@code permission} for {@code bodies} to the signed-in caller, in
   * the request's language: to show on a form rather than as an error page.
   */
  public String refusal(Context ctx, Permission permission, Collection<String> bodies) {
    Messages t = i18n.forRequest(ctx);
    List<String> refused = refusedBodies(caller(ctx).user(), permission, bodies);
    return permission.bodyScoped() && !refused.isEmpty()
        ? t.get("access.forbiddenBodies", String.join(", ", refused))
        : t.get("access.forbidden");
  }

  /** Whether the caller holds {@code permission} (one that names no bodies): to offer a form. */
  public boolean may(Context ctx, Permission permission) {
    return policy.decide(caller(ctx).user(), permission, List.of())
        == org.aisx.account.AccessPolicy.Decision.ALLOW;
  }

  /** Whether the caller holds {@code permission} for records of every one of {@code bodies}. */
  public boolean may(Context ctx, Permission permission, Collection<String> bodies) {
    return policy.decide(caller(ctx).user(), permission, bodies)
        == org.aisx.account.AccessPolicy.Decision.ALLOW;
  }

  /** Returns the signed-in caller, whatever their role; 401 for the public. */
  public User requireSignedIn(Context ctx) {
    User user = caller(ctx).user();
    if (user == null) {
      throw unauthorized(ctx, "access.signInRequired");
    }
    return user;
  }

  private Caller caller(Context ctx) {
    Caller known = ctx.attribute(CALLER);
    if (known != null) {
      return known;
    }
    // Anonymous until proven otherwise, so that the error page of a refused token renders.
    ctx.attribute(CALLER, Caller.PUBLIC);
    Caller caller = resolve(ctx);
    ctx.attribute(CALLER, caller);
    return caller;
  }

  private Caller resolve(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null) {
      if (authorization.regionMatches(true, 0, SUITE_KEY, 0, SUITE_KEY.length())) {
        return Caller.PUBLIC; // a suite's edit key: the suite's handlers check it, no account
      }
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw unauthorized(ctx, "access.bearerOnly");
      }
      return accounts
          .userForToken(authorization.substring(7).strip())
          .map(u -> new Caller(u, null))
          .orElseThrow(() -> unauthorized(ctx, "access.badToken"));
    }
    return accounts
        .session(ctx.cookie(SESSION_COOKIE))
        .map(s -> new Caller(s.user(), s))
        .orElse(Caller.PUBLIC);
  }

  /**
   * The 401 of {@code key}: under the API, with the token scheme; on a page, said to a person
   * ({@code key.page} when the bundles have it: sign in, and come back here), whom the error page
   * offers the sign-in form.
   */
  private UnauthorizedResponse unauthorized(Context ctx, String key) {
    Messages t = i18n.forRequest(ctx);
    if (ctx.path().startsWith("/api/")) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"aisx\"");
    }
    if (WebServer.answersJson(ctx.path())) {
      return new UnauthorizedResponse(t.get(key));
    }
    return new UnauthorizedResponse(t.has(key + ".page") ? t.get(key + ".page") : t.get(key));
  }

  /**
   * Before every request: a state-changing request that a browser's cookies could have sent on
   * another site's behalf must carry this site's CSRF token. API calls with a bearer token carry no
   * ambient credential and need none.
   */
  void checkCsrf(Context ctx) {
    // With an Authorization header the caller is its token's holder and cookies are ignored.
    if (SAFE.contains(ctx.method()) || ctx.header("Authorization") != null) {
      return;
    }
    Optional<Session> session = session(ctx);
    if (session.isEmpty() && ctx.isMultipartFormData()) {
      // Only signed-in users upload (feed files): refuse before the body is read.
      throw unauthorized(ctx, "access.signInRequired");
    }
    String expected;
    String given = ctx.header(CSRF_HEADER);
    if (ctx.path().startsWith("/api/")) {
      if (session.isEmpty()) {
        return; // no cookie authenticates this call: the handler answers 401 if it needs a user
      }
      expected = session.get().csrf();
    } else {
      expected = session.map(Session::csrf).orElse(ctx.cookie(CSRF_COOKIE));
      if (given == null) {
        given = ctx.formParam(CSRF_FIELD);
      }
    }
    if (expected == null
        || expected.isEmpty()
        || given == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
      throw new ForbiddenResponse(i18n.forRequest(ctx).get("access.csrf"));
    }
  }

  /**
   * The CSRF token for a form on this page: the session's when signed in, else one kept in a cookie
   * of its own (the sign-in form), set here if the browser has none yet.
   */
  public String formToken(Context ctx) {
    Optional<Session> session = session(ctx);
    if (session.isPresent()) {
      return session.get().csrf();
    }
    String existing = ctx.cookie(CSRF_COOKIE);
    if (existing != null && existing.matches("[A-Za-z0-9_-]{43}")) {
      return existing;
    }
    String token = accounts.randomToken();
    ctx.cookie(cookie(ctx, CSRF_COOKIE, token, -1, SameSite.STRICT));
    return token;
  }

  /** Starts {@code session} in this browser. */
  void signIn(Context ctx, Session session) {
    String old = ctx.cookie(SESSION_COOKIE);
    if (old != null) {
      accounts.endSession(old);
    }
    int maxAge = (int) Accounts.SESSION_LIFETIME.toSeconds();
    ctx.cookie(cookie(ctx, SESSION_COOKIE, session.id(), maxAge, SameSite.LAX));
    ctx.cookie(cookie(ctx, CSRF_COOKIE, "", 0, SameSite.STRICT));
    ctx.attribute(CALLER, new Caller(session.user(), session));
  }

  /** Ends this browser's session, if any. */
  void signOut(Context ctx) {
    accounts.endSession(ctx.cookie(SESSION_COOKIE));
    ctx.cookie(cookie(ctx, SESSION_COOKIE, "", 0, SameSite.LAX));
    ctx.attribute(CALLER, Caller.PUBLIC);
  }

  /**
   * An HttpOnly cookie for the whole site; Secure when the request came over HTTPS (directly or
   * through a proxy that says so).
   */
  private static Cookie cookie(
      Context ctx, String name, String value, int maxAge, SameSite sameSite) {
    boolean secure =
        "https".equalsIgnoreCase(ctx.scheme())
            || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    return new Cookie(name, value, "/", maxAge, secure, 0, true, null, null, sameSite);
  }
}
