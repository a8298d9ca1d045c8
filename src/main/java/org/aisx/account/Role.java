package org.aisx.account;

import java.util.Locale;

/**
 * The roles of SPEC §6. {@code PUBLIC} is anyone not signed in; accounts hold one of the other
 * three.
 */
public enum Role {
  PUBLIC,
  CONTRIBUTOR,
  COORDINATOR,
  ADMIN;

  /** The name on the command line, in the database and in the API. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role an account can be given from its wire name; public is not an account's role. */
  public static Role ofAccount(String wire) {
    for (Role r : values()) {
      if (r != PUBLIC && r.wire().equals(wire)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "role must be contributor, coordinator or admin, not '" + wire + "'");
  }
}
