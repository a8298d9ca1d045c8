package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.List;
import org.aisx.account.Permission;
import org.aisx.audit.AuditEvent;
import org.aisx.audit.AuditLog;

/** The audit trail for admins: {@code /admin/audit} and {@code GET /api/v1/audit}. */
public final class AuditTrail implements Routes {
  private static final List<String> PARAMS = List.of("before", "limit", "actor", "action");

  private final AuditLog log;
  private final Access access;
  private final I18n i18n;
  private final PageRenderer pages;

  public AuditTrail(AuditLog log, Access access, I18n i18n, PageRenderer pages) {
    this.log = log;
    this.access = access;
    this.i18n = i18n;
    this.pages = pages;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/api/v1/audit", this::api);
    router.get("/admin/audit", this::page);
  }

  /** The parameters of a page of the trail. */
  record Query(Long before, int limit, String actor, String action) {
    String next(long seq) {
      return "before="
          + seq
          + (limit == AuditLog.DEFAULT_LIMIT ? "" : "&limit=" + limit)
          + (actor == null ? "" : "&actor=" + PageModels.enc(actor))
          + (action == null ? "" : "&action=" + PageModels.enc(action));
    }
  }

  void page(Context ctx) {
    access.require(ctx, Permission.READ_AUDIT_TRAIL);
    Messages t = i18n.forRequest(ctx);
    Query q = query(ctx, false);
    List<AuditEvent> events = log.list(q.before(), q.actor(), q.action(), q.limit() + 1);
    String next = null;
    if (events.size() > q.limit()) {
      events = events.subList(0, q.limit());
      next = "/admin/audit?" + q.next(events.get(events.size() - 1).seq());
    }
    pages.render(
        ctx,
        "audit.jte",
        new PageModels.AuditPage(
            pages.layout(ctx, t, t.get("audit.title")),
            events,
            next,
            q.actor() == null ? "" : q.actor(),
            q.action() == null ? "" : q.action()));
  }

  void api(Context ctx) {
    access.require(ctx, Permission.READ_AUDIT_TRAIL);
    Query q = query(ctx, true);
    List<AuditEvent> events = log.list(q.before(), q.actor(), q.action(), q.limit() + 1);
    String next = null;
    if (events.size() > q.limit()) {
      events = events.subList(0, q.limit());
      next = "/api/v1/audit?" + q.next(events.get(events.size() - 1).seq());
    }
    ctx.json(new ApiViews.Audit(events, next));
  }

  private static Query query(Context ctx, boolean strict) {
    Params params = Params.query(ctx);
    if (strict) {
      params.onlyKnown(PARAMS);
    }
    return new Query(
        params.number("before", 1, Long.MAX_VALUE),
        params.number("limit", 1, AuditLog.MAX_LIMIT, AuditLog.DEFAULT_LIMIT),
        params.text("actor", 320),
        params.text("action", 100));
  }
}
