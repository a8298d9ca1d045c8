package org.aisx.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Authentication before anything is read of a request to an API operation that needs an account: an
 * anonymous client is told to sign in (401), not that its body or parameters are wrong. The
 * operations are those whose {@code security} in openapi.json names accounts only (an API token or
 * the browser session); the order of the refusals is documented there ({@code info.description}).
 *
 * <p>Only whether someone is signed in is checked here; whether they may (403, which may depend on
 * the body: a record's body) stays with the handler's {@link Access#require}. An operation that an
 * anonymous client may call ({@code POST /api/v1/suites}), or call with a suite's key, keeps its
 * handler's own order.
 */
final class SignInFirst {
  /** The security schemes that are an account. */
  private static final Set<String> ACCOUNT = Set.of("bearer", "session");

  private record Route(String path, Set<HandlerType> needAccount, int parameters) {}

  /** Every documented API path, those with fewer path parameters first (a literal path wins). */
  private final List<Route> routes;

  private final Access access;

  private SignInFirst(List<Route> routes, Access access) {
    this.routes = routes;
    this.access = access;
  }

  static SignInFirst of(JsonNode openapi, Access access) {
    List<Route> routes = new ArrayList<>();
    JsonNode paths = openapi.path("paths");
    for (Iterator<String> p = paths.fieldNames(); p.hasNext(); ) {
      String path = p.next();
      if (!path.startsWith("/api/")) {
        continue;
      }
      Set<HandlerType> needAccount = new java.util.HashSet<>();
      for (Iterator<String> m = paths.get(path).fieldNames(); m.hasNext(); ) {
        String method = m.next();
        JsonNode security = paths.get(path).get(method).get("security");
        if (security != null && security.isArray() && accountsOnly(security)) {
          needAccount.add(HandlerType.valueOf(method.toUpperCase(Locale.ROOT)));
        }
      }
      routes.add(
          new Route(
              path, Set.copyOf(needAccount), (int) path.chars().filter(c -> c == '{').count()));
    }
    routes.sort(Comparator.comparingInt(Route::parameters));
    return new SignInFirst(List.copyOf(routes), access);
  }

  /** Whether every alternative of {@code security} is an account (none is a suite's key). */
  private static boolean accountsOnly(JsonNode security) {
    if (security.isEmpty()) {
      return false;
    }
    for (JsonNode alternative : security) {
      for (Iterator<String> scheme = alternative.fieldNames(); scheme.hasNext(); ) {
        if (!ACCOUNT.contains(scheme.next())) {
          return false;
        }
      }
      if (alternative.isEmpty()) {
        return false; // {} : anonymous allowed
      }
    }
    return true;
  }

  /** Whether {@code method} on {@code path} is documented as needing an account. */
  boolean needsAccount(HandlerType method, String path) {
    return route(method, path) != null;
  }

  /** The documented path of the operation on {@code path} that needs an account, or null. */
  private String route(HandlerType method, String path) {
    HandlerType asked = method == HandlerType.HEAD ? HandlerType.GET : method;
    for (Route r : routes) {
      if (WebServer.matches(r.path(), path)) {
        return r.needAccount().contains(asked) ? r.path() : null;
      }
    }
    return null;
  }

  /**
   * A before filter: 401 for an anonymous request to an operation that needs an account. The
   * refusal comes before the endpoint is reached, so the audit line is told the operation here.
   */
  void check(Context ctx) {
    String route = ctx.method() == HandlerType.OPTIONS ? null : route(ctx.method(), ctx.path());
    if (route != null) {
      AuditRecorder.note(ctx, ctx.method().name() + " " + route, null, null);
      access.requireSignedIn(ctx);
    }
  }
}
