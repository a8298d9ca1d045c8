package org.aisx.account;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * An account: its e-mail (lower case, unique), role, and the standards bodies a contributor belongs
 * to (empty for the other roles). The password hash is not part of it.
 */
public record User(String id, String email, Role role, Set<String> bodies, Instant created) {
  public User {
    bodies = Collections.unmodifiableSortedSet(new TreeSet<>(bodies));
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
