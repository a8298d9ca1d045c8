package org.aisx.audit;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: the one place every audited action is recorded through, whether it came over
 * HTTP (the web server records every write request, and handlers add what it was) or from the
 * command line. Recording never makes the action itself fail: if the store refuses, the event is
 * logged instead.
 */
public final class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  private final AuditStore store;
  private final Clock clock;

  public AuditLog(AuditStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** What is being recorded; the log stamps the time. */
  public record Entry(
      String actor,
      String role,
      String via,
      String action,
      String target,
      String outcome,
      Integer status,
      String address,
      String detail) {}

  public void record(Entry e) {
    AuditEvent event =
        new AuditEvent(
            0,
            clock.instant(),
            e.actor(),
            e.role(),
            e.via(),
            e.action(),
            e.target(),
            e.outcome(),
            e.status(),
            e.address(),
            e.detail());
    try {
      store.append(event);
    } catch (RuntimeException failure) {
      LOG.error("audit event not stored: {}", event, failure);
    }
  }

  /** An action taken on the command line, on the machine that holds the data. */
  public void commandLine(String action, String target, String detail) {
    record(
        new Entry(
            System.getProperty("user.name"),
            null,
            "cli",
            action,
            target,
            "ok",
            null,
            null,
            detail));
  }

  /**
   * What the service did of itself, for no request (via {@code system}): say, an import found cut
   * off by its node's end.
   */
  public void system(String action, String target, String outcome, String detail) {
    record(new Entry(null, null, "system", action, target, outcome, null, null, detail));
  }

  /** A page of the trail, newest first; the cursor of the next page is the last event's seq. */
  public List<AuditEvent> list(Long beforeSeq, String actor, String action, int limit) {
    return store.list(beforeSeq, actor, action, limit);
  }
}
