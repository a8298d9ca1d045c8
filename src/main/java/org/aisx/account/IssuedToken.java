package org.aisx.account;

/** A new API token: its secret is shown this once and never stored. */
public record IssuedToken(TokenInfo info, String secret) {
  @Override
  public String toString() {
    return "IssuedToken[" + info + "]";
  }
}
