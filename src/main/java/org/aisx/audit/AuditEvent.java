package org.aisx.audit;

import java.time.Instant;

/**
 * One line of the audit trail: at {@code at}, {@code actor} (an e-mail; null for the public) with
 * {@code role}, coming {@code via} a session, an API token, the command line or anonymously, did
 * {@code action} on {@code target}; {@code outcome} says how it ended ({@code ok}, {@code refused},
 * {@code limited}, {@code rejected}, {@code failed}), {@code status} is the HTTP status when it
 * came over HTTP, {@code address} the client's address, {@code detail} a short free text. {@code
 * seq} is 0 until stored.
 */
public record AuditEvent(
    long seq,
    Instant at,
    String actor,
    String role,
    String via,
    String action,
    String target,
    String outcome,
    Integer status,
    String address,
    String detail) {

  static final int MAX_TEXT = 2_000;

  public AuditEvent {
    actor = cut(actor, 320);
    role = cut(role, 20);
    via = via == null ? "anonymous" : cut(via, 20);
    action = cut(action, 100);
    target = cut(target, 500);
    outcome = cut(outcome, 20);
    address = cut(address, 100);
    detail = cut(detail, MAX_TEXT);
  }

  private static String cut(String s, int max) {
    if (s == null) {
      return null;
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
