package org.aisx.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.account.Permission;
import org.aisx.audit.AuditEvent;
import org.aisx.audit.AuditLog;
import org.aisx.catalog.CatalogException;

/** The audit trail for admins: {@code /admin/audit} and {@code GET /api/v1/audit}. */
final class AuditTrail {
  private static final Set<String> PARAMS = Set.of("before", "limit", "actor", "action", "lang");

  private final AuditLog log;
  private final Access access;
  private final I18n i18n;
  private final Pages pages;

  AuditTrail(AuditLog log, Access access, I18n i18n, Pages pages) {
    this.log = log;
    this.access = access;
    this.i18n = i18n;
    this.pages = pages;
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
    Map<String, List<String>> map = ctx.queryParamMap();
    if (strict) {
      for (String name : map.keySet()) {
        if (!PARAMS.contains(name)) {
          throw new CatalogException.BadParameter(
              name, "unknown parameter; known: before, limit, actor, action");
        }
      }
    }
    Long before = null;
    String b = SearchParams.single(map, "before");
    if (b != null && !b.isEmpty()) {
      try {
        before = Long.parseLong(b);
      } catch (NumberFormatException e) {
        before = -1L;
      }
      if (before < 1) {
        throw new CatalogException.BadParameter("before", "must be a whole number from 1");
      }
    }
    int limit = AuditLog.DEFAULT_LIMIT;
    String l = SearchParams.single(map, "limit");
    if (l != null && !l.isEmpty()) {
      try {
        limit = Integer.parseInt(l);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > AuditLog.MAX_LIMIT) {
        throw new CatalogException.BadParameter(
            "limit", "must be a number from 1 to " + AuditLog.MAX_LIMIT);
      }
    }
    return new Query(before, limit, text(map, "actor", 320), text(map, "action", 100));
  }

  private static String text(Map<String, List<String>> map, String name, int max) {
    String v = SearchParams.single(map, name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.length() > max) {
      throw new CatalogException.BadParameter(name, "longer than " + max + " characters");
    }
    return v;
  }
}
