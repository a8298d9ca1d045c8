package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.account.Accounts;
import org.aisx.account.Permission;
import org.aisx.account.TokenInfo;
import org.aisx.account.User;
import org.aisx.catalog.CatalogException;

/** The account API: who am I, and revoking an API token. */
public final class AccountApi implements Routes {
  private final Accounts accounts;
  private final Access access;

  public AccountApi(Accounts accounts, Access access) {
    this.accounts = accounts;
    this.access = access;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/api/v1/me", this::me);
    router.delete("/api/v1/tokens/{id}", this::revokeToken);
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
}
