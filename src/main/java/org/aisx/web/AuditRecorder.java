package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Optional;
import java.util.Set;
import org.aisx.account.User;
import org.aisx.audit.AuditLog;

/**
 * After every write request, whatever its outcome: one line of the audit trail with who, what, on
 * what, from where and how it ended. Handlers name what they did with {@link #note}; other writes
 * are recorded by method and route. (The write limit before the handler is {@link WriteRateLimit}.)
 */
public final class AuditRecorder implements Routes {
  private static final Set<HandlerType> READS =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
  private static final String ACTION = "aisx.audit.action";
  private static final String TARGET = "aisx.audit.target";
  private static final String DETAIL = "aisx.audit.detail";
  private static final String ACTOR = "aisx.audit.actor";

  private final AuditLog log;
  private final Access access;
  private final Clients clients;

  public AuditRecorder(AuditLog log, Access access, Clients clients) {
    this.log = log;
    this.access = access;
    this.clients = clients;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.after(this::record);
  }

  /** Names what a handler did, for the audit line of this request. */
  static void note(Context ctx, String action, String target, String detail) {
    ctx.attribute(ACTION, action);
    ctx.attribute(TARGET, target);
    ctx.attribute(DETAIL, detail);
  }

  /**
   * Who makes this request and from where, to record an action it begins and that ends after it (a
   * background import) as that person's, once it ends.
   */
  Later later(Context ctx) {
    Optional<User> user = access.userQuietly(ctx);
    return new Later(
        log,
        user.map(User::email).orElse(null),
        user.map(u -> u.role().wire()).orElse(null),
        user.isEmpty() ? "anonymous" : access.session(ctx).isPresent() ? "session" : "token",
        clients.address(ctx));
  }

  /** A line of the audit trail written after the request that began its action. */
  record Later(AuditLog log, String actor, String role, String via, String address) {
    /** Records the action's end; {@code outcome} as {@link #outcome} names them. */
    void record(String action, String target, String outcome, String detail) {
      log.record(
          new AuditLog.Entry(actor, role, via, action, target, outcome, null, address, detail));
    }
  }

  /** Names who tried, when no one is signed in (a failed sign-in). */
  static void attempt(Context ctx, String email) {
    ctx.attribute(ACTOR, email);
  }

  /** After every request: a write, whatever its outcome, becomes one line of the audit trail. */
  void record(Context ctx) {
    if (READS.contains(ctx.method())) {
      return;
    }
    int status = ctx.statusCode();
    Optional<User> user = access.userQuietly(ctx);
    String action = ctx.attribute(ACTION);
    if (action == null) {
      String route = ctx.endpointHandlerPath();
      action = ctx.method().name() + " " + (route == null || route.isEmpty() ? "?" : route);
    }
    String target = ctx.attribute(TARGET);
    log.record(
        new AuditLog.Entry(
            user.map(User::email).orElse(ctx.attribute(ACTOR)),
            user.map(u -> u.role().wire()).orElse(null),
            user.isEmpty() ? "anonymous" : access.session(ctx).isPresent() ? "session" : "token",
            action,
            target == null ? ctx.path() : target,
            outcome(status),
            status,
            clients.address(ctx),
            ctx.attribute(DETAIL)));
  }

  static String outcome(int status) {
    if (status < 400) {
      return "ok";
    }
    if (status == 401 || status == 403) {
      return "refused";
    }
    if (status == 429) {
      return "limited";
    }
    return status < 500 ? "rejected" : "failed";
  }
}
