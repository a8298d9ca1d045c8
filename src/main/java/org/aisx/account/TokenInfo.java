package org.aisx.account;

import java.time.Instant;

/** What is known of an API token besides its secret: who holds it, and whether it is revoked. */
public record TokenInfo(String id, String userId, String label, Instant created, Instant revoked) {
  public boolean live() {
    return revoked == null;
  }
}
