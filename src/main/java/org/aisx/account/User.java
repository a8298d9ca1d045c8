package org.aisx.account;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * An account: its e-mail (lower case, unique), role, the standards bodies a contributor belongs to
 * (empty for the other roles), and when an admin disabled it (null while it may sign in). An
 * account is never deleted, so that history and the audit trail still name it. The password hash is
 * not part of it.
 */
public record User(
    String id, String email, Role role, Set<String> bodies, Instant created, Instant disabled) {
  public User {
    bodies = Collections.unmodifiableSortedSet(new TreeSet<>(bodies));
  }

  /** An account that is not disabled. */
  public User(String id, String email, Role role, Set<String> bodies, Instant created) {
    this(id, email, role, bodies, created, null);
  }

  /** Whether the account may sign in and use its tokens. */
  public boolean active() {
    return disabled == null;
  }

  /** Whether this account belongs to {@code body} (case and surrounding spaces aside). */
  public boolean belongsTo(String body) {
    if (body == null) {
      return false;
    }
    String wanted = normalise(body);
    return bodies.stream().anyMatch(b -> normalise(b).equals(wanted));
  }

  static String normalise(String body) {
    return body.strip().toUpperCase(Locale.ROOT);
  }
}
