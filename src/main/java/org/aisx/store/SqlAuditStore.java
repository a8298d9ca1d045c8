package org.aisx.store;

import java.time.Instant;
import java.util.List;
import org.aisx.audit.AuditEvent;
import org.aisx.audit.AuditStore;
import org.jdbi.v3.core.Jdbi;

/** The audit trail on SQL (SQLite or PostgreSQL): one append-only table. */
public final class SqlAuditStore implements AuditStore {
  private final Jdbi jdbi;

  public SqlAuditStore(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public void append(AuditEvent e) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO audit_event (at, actor, role, via, action, target, outcome,"
                        + " status, address, detail) VALUES (:at, :actor, :role, :via, :action,"
                        + " :target, :outcome, :status, :address, :detail)")
                .bind("at", e.at().toString())
                .bind("actor", e.actor())
                .bind("role", e.role())
                .bind("via", e.via())
                .bind("action", e.action())
                .bind("target", e.target())
                .bind("outcome", e.outcome())
                .bind("status", e.status())
                .bind("address", e.address())
                .bind("detail", e.detail())
                .execute());
  }

  @Override
  public List<AuditEvent> list(Long beforeSeq, String actor, String action, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT seq, at, actor, role, via, action, target, outcome, status, address, detail"
                + " FROM audit_event WHERE 1 = 1");
    if (beforeSeq != null) {
      sql.append(" AND seq < :before");
    }
    if (actor != null) {
      sql.append(" AND actor = :actor");
    }
    if (action != null) {
      sql.append(" AND action = :action");
    }
    sql.append(" ORDER BY seq DESC LIMIT :limit");
    return jdbi.withHandle(
        h -> {
          var q = h.createQuery(sql.toString()).bind("limit", limit);
          if (beforeSeq != null) {
            q.bind("before", beforeSeq.longValue());
          }
          if (actor != null) {
            q.bind("actor", actor);
          }
          if (action != null) {
            q.bind("action", action);
          }
          return q.map(
                  (rs, ctx) -> {
                    int status = rs.getInt("status");
                    Integer st = rs.wasNull() ? null : status;
                    return new AuditEvent(
                        rs.getLong("seq"),
                        Instant.parse(rs.getString("at")),
                        rs.getString("actor"),
                        rs.getString("role"),
                        rs.getString("via"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("outcome"),
                        st,
                        rs.getString("address"),
                        rs.getString("detail"));
                  })
              .list();
        });
  }
}
