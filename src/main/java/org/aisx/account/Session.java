package org.aisx.account;

import java.time.Instant;

/**
 * A signed-in browser: the random id its cookie carries, the CSRF token its forms must send back,
 * the account, and when it ends.
 */
public record Session(String id, String csrf, User user, Instant expires) {
  @Override
  public String toString() {
    return "Session[" + user.email() + " until " + expires + "]";
  }
}
