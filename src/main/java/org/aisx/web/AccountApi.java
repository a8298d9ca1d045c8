package org.aisx.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.account.Accounts;
import org.aisx.account.Permission;
import org.aisx.account.Role;
import org.aisx.account.TokenInfo;
import org.aisx.account.User;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;

/**
 * The account API: who am I, one's own API tokens, and for admins the accounts themselves (list,
 * read, change role and bodies, disable and enable, set a new password). Every change is a line of
 * the audit trail naming the admin and what changed.
 */
public final class AccountApi implements Routes {
  private static final Set<String> PATCH_FIELDS = Set.of("role", "bodies", "disabled");

  private final Accounts accounts;
  private final Access access;

  public AccountApi(Accounts accounts, Access access) {
    this.accounts = accounts;
    this.access = access;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/api/v1/me", this::me);
    router.get("/api/v1/tokens", this::ownTokens);
    router.delete("/api/v1/tokens/{id}", this::revokeToken);
    router.get("/api/v1/users", this::users);
    router.get("/api/v1/users/{user}", this::user);
    router.patch("/api/v1/users/{user}", this::change);
    router.post("/api/v1/users/{user}/password", this::password);
  }

  /** {@code GET /api/v1/me}: the caller's account; 401 for the public. */
  void me(Context ctx) {
    User user = access.requireSignedIn(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("email", user.email());
    body.put("role", user.role().wire());
    body.put("bodies", List.copyOf(user.bodies()));
    body.put("via", access.session(ctx).isPresent() ? "session" : "token");
    ctx.json(body);
  }

  /** {@code GET /api/v1/tokens}: the caller's own API tokens, revoked ones too, never a secret. */
  void ownTokens(Context ctx) {
    User user = access.requireSignedIn(ctx);
    ctx.json(Map.of("tokens", tokens(accounts.tokensOf(user))));
  }

  /**
   * {@code DELETE /api/v1/tokens/{id}}: revokes a token. Anyone signed in may revoke their own;
   * other people's need {@link Permission#MANAGE_ACCOUNTS}.
   */
  void revokeToken(Context ctx) {
    User user = access.requireSignedIn(ctx);
    String id = ctx.pathParam("id");
    TokenInfo token =
        accounts.token(id).orElseThrow(() -> new CatalogException.NotFound("token " + id));
    if (!token.userId().equals(user.id())) {
      access.require(ctx, Permission.MANAGE_ACCOUNTS);
    }
    accounts.revokeToken(token.id());
    AuditRecorder.note(ctx, "token-revoked", "token " + token.id(), null);
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** {@code GET /api/v1/users}: every account, disabled ones too (admins). */
  void users(Context ctx) {
    access.require(ctx, Permission.MANAGE_ACCOUNTS);
    Map<String, Instant> last = accounts.lastSignIns();
    List<Map<String, Object>> users = new ArrayList<>();
    for (User u : accounts.users()) {
      users.add(view(u, last.get(u.id())));
    }
    ctx.json(Map.of("users", users));
  }

  /** {@code GET /api/v1/users/{user}}: one account by id or e-mail, with its tokens (admins). */
  void user(Context ctx) {
    access.require(ctx, Permission.MANAGE_ACCOUNTS);
    User user = target(ctx, accounts);
    Map<String, Object> body = view(user, accounts.lastSignIns().get(user.id()));
    body.put("tokens", tokens(accounts.tokensOf(user)));
    ctx.json(body);
  }

  /**
   * {@code PATCH /api/v1/users/{user}}: changes the role, the bodies and whether the account is
   * disabled (admins). A change of role or bodies, and disabling, signs the account out everywhere;
   * disabling also revokes its tokens.
   */
  void change(Context ctx) {
    User admin = access.require(ctx, Permission.MANAGE_ACCOUNTS);
    User before = target(ctx, accounts);
    JsonNode body = ctx.bodyAsClass(JsonNode.class);
    if (body == null || !body.isObject()) {
      throw new CatalogException.BadParameter("body", "a JSON object");
    }
    List<Problem> problems = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!PATCH_FIELDS.contains(name)) {
        problems.add(Problem.of(name, "invalid.unknownFieldOf", "bodies, disabled, role"));
      }
    }
    Role role = before.role();
    JsonNode r = body.get("role");
    if (r != null) {
      try {
        role = Role.ofAccount(r.isTextual() ? r.asText() : String.valueOf(r));
      } catch (IllegalArgumentException e) {
        problems.add(Problem.of("role", "account.problem.role"));
      }
    }
    List<String> bodies = null;
    JsonNode b = body.get("bodies");
    if (b != null) {
      if (!b.isArray()) {
        problems.add(Problem.of("bodies", "account.problem.bodiesList"));
      } else {
        bodies = new ArrayList<>();
        for (JsonNode one : b) {
          bodies.add(one.isTextual() ? one.asText() : "");
        }
      }
    }
    JsonNode d = body.get("disabled");
    if (d != null && !d.isBoolean()) {
      problems.add(Problem.of("disabled", "account.problem.trueOrFalse"));
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("account", problems);
    }
    User after = before;
    List<String> changes = new ArrayList<>();
    if (r != null || bodies != null) {
      List<String> newBodies =
          bodies != null
              ? bodies
              : role == Role.CONTRIBUTOR && before.role() == Role.CONTRIBUTOR
                  ? List.copyOf(before.bodies())
                  : List.of();
      after = accounts.changeRole(before, role, newBodies);
      changes.add(Accounts.describeChange(before, after));
    }
    String action = "user-changed";
    if (d != null && d.asBoolean() && after.active()) {
      after = accounts.disable(after);
      changes.add("disabled: sessions ended, tokens revoked");
      action = changes.size() == 1 ? "user-disabled" : action;
    } else if (d != null && !d.asBoolean() && !after.active()) {
      after = accounts.enable(after);
      changes.add("enabled");
      action = changes.size() == 1 ? "user-enabled" : action;
    }
    AuditRecorder.note(
        ctx,
        action,
        after.email(),
        (changes.isEmpty() ? "nothing changed" : String.join("; ", changes))
            + " (by "
            + admin.email()
            + ")");
    ctx.json(view(after, accounts.lastSignIns().get(after.id())));
  }

  /**
   * {@code POST /api/v1/users/{user}/password}: sets a new password (admins) and signs the account
   * out everywhere. The password is never written to the audit trail.
   */
  void password(Context ctx) {
    User admin = access.require(ctx, Permission.MANAGE_ACCOUNTS);
    User user = target(ctx, accounts);
    JsonNode body = ctx.bodyAsClass(JsonNode.class);
    if (body == null || !body.isObject()) {
      throw new CatalogException.BadParameter("body", "a JSON object");
    }
    List<Problem> problems = new ArrayList<>();
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("password")) {
        problems.add(Problem.of(name, "invalid.unknownFieldOf", "password"));
      }
    }
    JsonNode p = body.get("password");
    if (p != null && !p.isNull() && !p.isTextual()) {
      problems.add(Problem.notString("password", p));
    } else if (p == null || p.isNull()) {
      problems.add(
          Problem.of(
              "password",
              "account.problem.passwordTooShort",
              String.valueOf(Accounts.MIN_PASSWORD)));
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("account", problems);
    }
    char[] password = p.asText().toCharArray();
    try {
      accounts.setPassword(user, password);
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
    AuditRecorder.note(
        ctx, "user-password-set", user.email(), "sessions ended (by " + admin.email() + ")");
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** The account a path names by id or e-mail; 404 when there is none. */
  static User target(Context ctx, Accounts accounts) {
    String key = ctx.pathParam("user");
    return accounts.find(key).orElseThrow(() -> new CatalogException.NotFound("account " + key));
  }

  static Map<String, Object> view(User u, Instant lastSignIn) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", u.id());
    v.put("email", u.email());
    v.put("role", u.role().wire());
    v.put("bodies", List.copyOf(u.bodies()));
    v.put("created", u.created().toString());
    v.put("disabled", !u.active());
    v.put("disabledAt", u.disabled() == null ? null : u.disabled().toString());
    v.put("lastSignIn", lastSignIn == null ? null : lastSignIn.toString());
    return v;
  }

  static List<Map<String, Object>> tokens(List<TokenInfo> tokens) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TokenInfo t : tokens) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", t.id());
      v.put("label", t.label());
      v.put("created", t.created().toString());
      v.put("revoked", t.revoked() == null ? null : t.revoked().toString());
      v.put("live", t.live());
      out.add(v);
    }
    return out;
  }
}
