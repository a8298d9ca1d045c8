package org.aisx.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where accounts, sessions and API tokens are kept. Sessions and tokens are found by the SHA-256 of
 * their secret; the secrets themselves are never stored. Every node reads sessions and tokens from
 * here on every request, so a change made through one node (or the command line) holds on all of
 * them at once.
 */
public interface AccountStore {
  /** Adds an account; the e-mail must not be taken. */
  void addUser(User user, String passwordHash);

  Optional<User> findByEmail(String email);

  Optional<User> findById(String id);

  /** The stored password hash of an account. */
  Optional<String> passwordHash(String userId);

  /** Every account, disabled ones included, by e-mail. */
  List<User> users();

  /**
   * Gives an account a new role and bodies and ends its sessions, in one transaction; false when
   * there is no such account.
   */
  boolean changeRole(String userId, Role role, Set<String> bodies);

  /**
   * Disables an account at {@code at}, ends its sessions and revokes its live tokens, in one
   * transaction; false when there is no such account or it was already disabled.
   */
  boolean disable(String userId, Instant at);

  /** Lets a disabled account sign in again; false when there is no such disabled account. */
  boolean enable(String userId);

  /**
   * Replaces an account's password hash and ends its sessions, in one transaction; false when there
   * is no such account.
   */
  boolean changePassword(String userId, String passwordHash);

  /** Notes that an account signed in at {@code at}. */
  void signedIn(String userId, Instant at);

  /** When each account that ever signed in last did, by account id. */
  Map<String, Instant> lastSignIns();

  void addSession(String idHash, String userId, String csrf, Instant created, Instant expires);

  Optional<StoredSession> session(String idHash);

  void deleteSession(String idHash);

  /** Deletes every session of an account (signs it out everywhere); returns how many. */
  int deleteSessions(String userId);

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
