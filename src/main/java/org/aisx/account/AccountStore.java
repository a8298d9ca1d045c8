package org.aisx.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where accounts, sessions and API tokens are kept. Sessions and tokens are found by the SHA-256 of
 * their secret; the secrets themselves are never stored.
 */
public interface AccountStore {
  /** Adds an account; the e-mail must not be taken. */
  void addUser(User user, String passwordHash);

  Optional<User> findByEmail(String email);

  Optional<User> findById(String id);

  /** The stored password hash of an account. */
  Optional<String> passwordHash(String userId);

  /** Every account, by e-mail. */
  List<User> users();

  void addSession(String idHash, String userId, String csrf, Instant created, Instant expires);

  Optional<StoredSession> session(String idHash);

  void deleteSession(String idHash);

  /** Deletes sessions that expired before {@code now}; returns how many. */
  int deleteSessionsExpiredBefore(Instant now);

  void addToken(TokenInfo token, String tokenHash);

  Optional<TokenInfo> tokenByHash(String tokenHash);

  Optional<TokenInfo> tokenById(String tokenId);

  /** An account's tokens, revoked ones included, oldest first. */
  List<TokenInfo> tokens(String userId);

  /** Marks one token revoked; false when there is no such token or it was already revoked. */
  boolean revokeToken(String tokenId, Instant at);

  /** Marks every live token of an account revoked; returns how many. */
  int revokeTokens(String userId, Instant at);

  /** A session row. */
  record StoredSession(String userId, String csrf, Instant expires) {}
}
