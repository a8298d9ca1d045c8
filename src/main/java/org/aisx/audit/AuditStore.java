package org.aisx.audit;

import java.util.List;

/** Where the audit trail is kept: append-only. */
public interface AuditStore {
  /** Appends one event. */
  void append(AuditEvent event);

  /**
   * Events newest first: below {@code beforeSeq} (all when null), by {@code actor} (any when null),
   * of {@code action} (any when null), at most {@code limit}.
   */
  List<AuditEvent> list(Long beforeSeq, String actor, String action, int limit);
}
