package org.aisx.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.aisx.account.AccountStore;
import org.aisx.account.Role;
import org.aisx.account.TokenInfo;
import org.aisx.account.User;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Accounts, sessions and API tokens on SQL (SQLite or PostgreSQL, the same statements). Times are
 * stored as ISO-8601 instants to the second, which sort as text.
 */
public final class SqlAccountStore implements AccountStore {
  private static final String TOKEN_COLUMNS = "id, account_id, label, created_at, revoked_at";
  private final Jdbi jdbi;

  public SqlAccountStore(Database database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public void addUser(User user, String passwordHash) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "INSERT INTO account (id, email, role, password_hash, created_at)"
                      + " VALUES (:id, :email, :role, :hash, :created)")
              .bind("id", user.id())
              .bind("email", user.email())
              .bind("role", user.role().wire())
              .bind("hash", passwordHash)
              .bind("created", user.created().toString())
              .execute();
          for (String body : user.bodies()) {
            h.createUpdate("INSERT INTO account_body (account_id, body) VALUES (:id, :body)")
                .bind("id", user.id())
                .bind("body", body)
                .execute();
          }
        });
  }

  @Override
  public Optional<User> findByEmail(String email) {
    return jdbi.withHandle(h -> one(h, "email", email));
  }

  @Override
  public Optional<User> findById(String id) {
    return jdbi.withHandle(h -> one(h, "id", id));
  }

  private static Optional<User> one(Handle h, String column, String value) {
    List<User> found = users(h, " WHERE " + column + " = :value", value);
    return found.stream().findFirst();
  }

  private static List<User> users(Handle h, String where, String value) {
    var query =
        h.createQuery(
            "SELECT id, email, role, created_at, disabled_at FROM account"
                + where
                + " ORDER BY email");
    if (value != null) {
      query.bind("value", value);
    }
    Map<String, String[]> rows = new LinkedHashMap<>();
    query
        .map(
            (rs, ctx) ->
                new String[] {
                  rs.getString("id"),
                  rs.getString("email"),
                  rs.getString("role"),
                  rs.getString("created_at"),
                  rs.getString("disabled_at")
                })
        .forEach(r -> rows.put(r[0], r));
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, Set<String>> bodies = new HashMap<>();
    h.createQuery("SELECT account_id, body FROM account_body WHERE account_id IN (<ids>)")
        .bindList("ids", List.copyOf(rows.keySet()))
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
        .forEach(r -> bodies.computeIfAbsent(r[0], k -> new TreeSet<>()).add(r[1]));
    List<User> users = new ArrayList<>();
    for (String[] r : rows.values()) {
      users.add(
          new User(
              r[0],
              r[1],
              Role.ofAccount(r[2]),
              bodies.getOrDefault(r[0], Set.of()),
              Instant.parse(r[3]),
              r[4] == null ? null : Instant.parse(r[4])));
    }
    return users;
  }

  @Override
  public Optional<String> passwordHash(String userId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT password_hash FROM account WHERE id = :id")
                .bind("id", userId)
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public List<User> users() {
    return jdbi.withHandle(h -> users(h, "", null));
  }

  @Override
  public boolean changeRole(String userId, Role role, Set<String> bodies) {
    return jdbi.inTransaction(
        h -> {
          int found =
              h.createUpdate("UPDATE account SET role = :role WHERE id = :id")
                  .bind("id", userId)
                  .bind("role", role.wire())
                  .execute();
          if (found == 0) {
            return false;
          }
          h.createUpdate("DELETE FROM account_body WHERE account_id = :id")
              .bind("id", userId)
              .execute();
          for (String body : new TreeSet<>(bodies)) {
            h.createUpdate("INSERT INTO account_body (account_id, body) VALUES (:id, :body)")
                .bind("id", userId)
                .bind("body", body)
                .execute();
          }
          deleteSessions(h, userId);
          return true;
        });
  }

  @Override
  public boolean disable(String userId, Instant at) {
    return jdbi.inTransaction(
        h -> {
          int changed =
              h.createUpdate(
                      "UPDATE account SET disabled_at = :at WHERE id = :id AND disabled_at IS"
                          + " NULL")
                  .bind("id", userId)
                  .bind("at", at.toString())
                  .execute();
          // Sessions and tokens go even when it was disabled already: nothing of it stays live.
          deleteSessions(h, userId);
          h.createUpdate(
                  "UPDATE api_token SET revoked_at = :at WHERE account_id = :account AND"
                      + " revoked_at IS NULL")
              .bind("account", userId)
              .bind("at", at.toString())
              .execute();
          return changed == 1;
        });
  }

  @Override
  public boolean enable(String userId) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE account SET disabled_at = NULL WHERE id = :id AND disabled_at IS"
                            + " NOT NULL")
                    .bind("id", userId)
                    .execute())
        == 1;
  }

  @Override
  public boolean changePassword(String userId, String passwordHash) {
    return jdbi.inTransaction(
        h -> {
          int found =
              h.createUpdate("UPDATE account SET password_hash = :hash WHERE id = :id")
                  .bind("id", userId)
                  .bind("hash", passwordHash)
                  .execute();
          deleteSessions(h, userId);
          return found == 1;
        });
  }

  @Override
  public void signedIn(String userId, Instant at) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE account SET last_sign_in_at = :at WHERE id = :id")
                .bind("id", userId)
                .bind("at", at.toString())
                .execute());
  }

  @Override
  public Map<String, Instant> lastSignIns() {
    Map<String, Instant> last = new HashMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery(
                    "SELECT id, last_sign_in_at FROM account WHERE last_sign_in_at IS NOT NULL")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .forEach(r -> last.put(r[0], Instant.parse(r[1]))));
    return last;
  }

  @Override
  public int deleteSessions(String userId) {
    return jdbi.withHandle(h -> deleteSessions(h, userId));
  }

  private static int deleteSessions(Handle h, String userId) {
    return h.createUpdate("DELETE FROM account_session WHERE account_id = :id")
        .bind("id", userId)
        .execute();
  }

  @Override
  public void addSession(
      String idHash, String userId, String csrf, Instant created, Instant expires) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO account_session (id_hash, account_id, csrf, created_at,"
                        + " expires_at) VALUES (:id, :account, :csrf, :created, :expires)")
                .bind("id", idHash)
                .bind("account", userId)
                .bind("csrf", csrf)
                .bind("created", created.toString())
                .bind("expires", expires.toString())
                .execute());
  }

  @Override
  public Optional<StoredSession> session(String idHash) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT account_id, csrf, expires_at FROM account_session WHERE id_hash = :id")
                .bind("id", idHash)
                .map(
                    (rs, ctx) ->
                        new StoredSession(
                            rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3))))
                .findOne());
  }

  @Override
  public void deleteSession(String idHash) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM account_session WHERE id_hash = :id")
                .bind("id", idHash)
                .execute());
  }

  @Override
  public int deleteSessionsExpiredBefore(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM account_session WHERE expires_at < :now")
                .bind("now", now.toString())
                .execute());
  }

  @Override
  public void addToken(TokenInfo token, String tokenHash) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO api_token (id, account_id, token_hash, label, created_at)"
                        + " VALUES (:id, :account, :hash, :label, :created)")
                .bind("id", token.id())
                .bind("account", token.userId())
                .bind("hash", tokenHash)
                .bind("label", token.label())
                .bind("created", token.created().toString())
                .execute());
  }

  @Override
  public Optional<TokenInfo> tokenByHash(String tokenHash) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + TOKEN_COLUMNS + " FROM api_token WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> token(rs))
                .findOne());
  }

  @Override
  public Optional<TokenInfo> tokenById(String tokenId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + TOKEN_COLUMNS + " FROM api_token WHERE id = :id")
                .bind("id", tokenId)
                .map((rs, ctx) -> token(rs))
                .findOne());
  }

  @Override
  public List<TokenInfo> tokens(String userId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + TOKEN_COLUMNS
                        + " FROM api_token WHERE account_id = :account ORDER BY created_at, id")
                .bind("account", userId)
                .map((rs, ctx) -> token(rs))
                .list());
  }

  @Override
  public boolean revokeToken(String tokenId, Instant at) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS"
                            + " NULL")
                    .bind("id", tokenId)
                    .bind("at", at.toString())
                    .execute())
        == 1;
  }

  @Override
  public int revokeTokens(String userId, Instant at) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "UPDATE api_token SET revoked_at = :at WHERE account_id = :account AND"
                        + " revoked_at IS NULL")
                .bind("account", userId)
                .bind("at", at.toString())
                .execute());
  }

  private static TokenInfo token(ResultSet rs) throws SQLException {
    String revoked = rs.getString("revoked_at");
    return new TokenInfo(
        rs.getString("id"),
        rs.getString("account_id"),
        rs.getString("label"),
        Instant.parse(rs.getString("created_at")),
        revoked == null ? null : Instant.parse(revoked));
  }
}
