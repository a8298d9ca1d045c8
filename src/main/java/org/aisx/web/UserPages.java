package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aisx.account.Accounts;
import org.aisx.account.Permission;
import org.aisx.account.Role;
import org.aisx.account.SignInLimiter;
import org.aisx.account.TokenInfo;
import org.aisx.account.User;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;

/**
 * The account pages. For admins, {@code /admin/users} (every account: role, bodies, whether
 * disabled, last sign-in) and {@code /admin/users/{id}} (one account, with forms to change its role
 * and bodies, disable or enable it, and set a new password). For anyone signed in, {@code /account}
 * (their account and their API tokens, each of which they may revoke, and a form to change their
 * own password, giving the current one). Plain forms with the session's CSRF token: no script
 * needed. Every change is a line of the audit trail naming the admin and the change.
 */
public final class UserPages implements Routes {
  private static final Set<String> DONE = Set.of("role", "disabled", "enabled", "password");

  private final Accounts accounts;
  private final Access access;
  private final I18n i18n;
  private final PageRenderer pages;
  private final SignInLimiter limiter;
  private final Clients clients;

  public UserPages(
      Accounts accounts,
      Access access,
      I18n i18n,
      PageRenderer pages,
      SignInLimiter limiter,
      Clients clients) {
    this.accounts = accounts;
    this.access = access;
    this.i18n = i18n;
    this.pages = pages;
    this.limiter = limiter;
    this.clients = clients;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/admin/users", this::list);
    router.get("/admin/users/{id}", this::one);
    router.post("/admin/users/{id}/role", this::changeRole);
    router.post("/admin/users/{id}/state", this::changeState);
    router.post("/admin/users/{id}/password", this::setPassword);
    router.get("/account", this::account);
    router.post("/account/tokens/{id}/revoke", this::revokeOwnToken);
    router.post("/account/password", this::changeOwnPassword);
  }

  /** One account on the admin's list. */
  public record Row(User user, Instant lastSignIn) {}

  /** {@code /admin/users}. */
  public record ListPage(PageModels.Layout layout, List<Row> rows) {
    public Messages t() {
      return layout.t();
    }
  }

  /** {@code /admin/users/{id}}. */
  public record UserPage(
      PageModels.Layout layout,
      String csrf,
      Row row,
      List<TokenInfo> tokens,
      String done,
      List<FieldProblem> errors,
      String role,
      String bodies) {
    public Messages t() {
      return layout.t();
    }

    /**
     * Whether a form field of the page ({@code role}, {@code bodies}, {@code password}, ...) was
     * refused.
     */
    public boolean invalid(String field) {
      return errors.stream().anyMatch(p -> field.equals(p.field()));
    }

    public List<String> roles() {
      return List.of("contributor", "coordinator", "admin");
    }
  }

  /**
   * {@code /account}: {@code done} names what was just done ({@code revoked}, {@code password}) or
   * is null; {@code problems} why the password form was refused, each naming its field.
   */
  public record AccountPage(
      PageModels.Layout layout,
      String csrf,
      User user,
      List<TokenInfo> tokens,
      String done,
      List<FieldProblem> problems) {
    public Messages t() {
      return layout.t();
    }

    /** Whether the password form's {@code field} was refused. */
    public boolean invalid(String field) {
      return problems.stream().anyMatch(p -> p.field().equals(field));
    }
  }

  /**
   * A problem of a form's field: its id on the page, its label and what is wrong with it; the id
   * and label are null for a problem of no one field (the last admin disabled).
   */
  public record FieldProblem(String field, String label, String text) {}

  void list(Context ctx) {
    access.require(ctx, Permission.MANAGE_ACCOUNTS);
    Messages t = i18n.forRequest(ctx);
    Map<String, Instant> last = accounts.lastSignIns();
    List<Row> rows = new ArrayList<>();
    for (User u : accounts.users()) {
      rows.add(new Row(u, last.get(u.id())));
    }
    pages.render(ctx, "users.jte", new ListPage(pages.layout(ctx, t, t.get("users.title")), rows));
  }

  void one(Context ctx) {
    access.require(ctx, Permission.MANAGE_ACCOUNTS);
    User user = target(ctx);
    String done = Params.query(ctx).text("done");
    show(
        ctx,
        HttpStatus.OK,
        user,
        done != null && DONE.contains(done) ? done : null,
        List.of(),
        null,
        null);
  }

  private void show(
      Context ctx,
      HttpStatus status,
      User user,
      String done,
      List<FieldProblem> errors,
      String role,
      String bodies) {
    Messages t = i18n.forRequest(ctx);
    ctx.status(status);
    pages.render(
        ctx,
        "user.jte",
        new UserPage(
            pages.layout(ctx, t, t.isolating("users.one", user.email())),
            access.formToken(ctx),
            new Row(user, accounts.lastSignIns().get(user.id())),
            accounts.tokensOf(user),
            done,
            errors,
            role == null ? user.role().wire() : role,
            bodies == null ? String.join(", ", user.bodies()) : bodies));
  }

  void changeRole(Context ctx) {
    User admin = access.require(ctx, Permission.MANAGE_ACCOUNTS);
    User before = target(ctx);
    Params form = Params.form(ctx);
    String roleName = form.text("role");
    String bodiesText = form.raw("bodies") == null ? "" : form.raw("bodies");
    Role role;
    try {
      role = Role.ofAccount(roleName == null ? "" : roleName);
    } catch (IllegalArgumentException e) {
      role = Role.PUBLIC; // refused below as a problem of the role, on the form
    }
    List<String> bodies =
        Arrays.stream(bodiesText.split("[,;\\n]"))
            .map(String::strip)
            .filter(b -> !b.isEmpty())
            .toList();
    try {
      User after = accounts.changeRole(before, role, bodies);
      AuditRecorder.note(
          ctx,
          "user-changed",
          after.email(),
          Accounts.describeChange(before, after) + " (by " + admin.email() + ")");
      done(ctx, after, "role");
    } catch (CatalogException.Invalid e) {
      AuditRecorder.note(ctx, "user-changed", before.email(), "refused: " + e.getMessage());
      show(
          ctx,
          HttpStatus.BAD_REQUEST,
          before,
          null,
          messages(ctx, e.problems()),
          roleName,
          bodiesText);
    }
  }

  void changeState(Context ctx) {
    User admin = access.require(ctx, Permission.MANAGE_ACCOUNTS);
    User before = target(ctx);
    boolean disable = "disable".equals(Params.form(ctx).text("action"));
    try {
      if (disable) {
        User after = accounts.disable(before);
        AuditRecorder.note(
            ctx,
            "user-disabled",
            after.email(),
            "sessions ended, tokens revoked (by " + admin.email() + ")");
        done(ctx, after, "disabled");
      } else {
        User after = accounts.enable(before);
        AuditRecorder.note(ctx, "user-enabled", after.email(), "(by " + admin.email() + ")");
        done(ctx, after, "enabled");
      }
    } catch (CatalogException.Invalid e) {
      AuditRecorder.note(ctx, "user-disabled", before.email(), "refused: " + e.getMessage());
      show(ctx, HttpStatus.BAD_REQUEST, before, null, messages(ctx, e.problems()), null, null);
    }
  }

  void setPassword(Context ctx) {
    User admin = access.require(ctx, Permission.MANAGE_ACCOUNTS);
    User user = target(ctx);
    Params form = Params.form(ctx);
    String password = form.raw("password") == null ? "" : form.raw("password");
    String again = form.raw("password2") == null ? "" : form.raw("password2");
    Messages t = i18n.forRequest(ctx);
    if (!password.equals(again)) {
      show(
          ctx,
          HttpStatus.BAD_REQUEST,
          user,
          null,
          List.of(
              new FieldProblem(
                  "password2",
                  t.get("users.newPasswordAgain"),
                  t.get("users.problem.passwordsDiffer"))),
          null,
          null);
      return;
    }
    char[] chars = password.toCharArray();
    try {
      accounts.setPassword(user, chars);
      AuditRecorder.note(
          ctx, "user-password-set", user.email(), "sessions ended (by " + admin.email() + ")");
      done(ctx, user, "password");
    } catch (CatalogException.Invalid e) {
      show(ctx, HttpStatus.BAD_REQUEST, user, null, messages(ctx, e.problems()), null, null);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * After a change: back to the account's page, which says what was done. An admin who changed
   * their own account was signed out with it, and signs in again on the way back.
   */
  private void done(Context ctx, User changed, String what) {
    String page = "/admin/users/" + changed.id() + "?done=" + what;
    boolean self = access.user(ctx).map(u -> u.id().equals(changed.id())).orElse(false);
    boolean signedOut = self && !what.equals("enabled");
    ctx.redirect(signedOut ? "/signin?next=" + PageModels.enc(page) : page, HttpStatus.SEE_OTHER);
  }

  void account(Context ctx) {
    User user = access.requireSignedIn(ctx);
    String done = Params.query(ctx).text("done");
    showAccount(
        ctx,
        HttpStatus.OK,
        user,
        "revoked".equals(done) || "password".equals(done) ? done : null,
        List.of());
  }

  private void showAccount(
      Context ctx, HttpStatus status, User user, String done, List<FieldProblem> problems) {
    Messages t = i18n.forRequest(ctx);
    ctx.status(status);
    pages.render(
        ctx,
        "account.jte",
        new AccountPage(
            pages.layout(ctx, t, t.get("myAccount.title")),
            access.formToken(ctx),
            user,
            accounts.tokensOf(user),
            done,
            problems));
  }

  /**
   * {@code POST /account/password}: anyone signed in changes their own password, giving the current
   * one. A wrong current password counts against the sign-in limit as a failed sign-in does, so
   * that a session left open is no way to try passwords. The change signs the account out
   * everywhere ({@link Accounts#setPassword}); this browser goes on in a new session.
   */
  void changeOwnPassword(Context ctx) {
    User user = access.requireSignedIn(ctx);
    Messages t = i18n.forRequest(ctx);
    Params form = Params.form(ctx);
    String current = form.raw("current") == null ? "" : form.raw("current");
    String password = form.raw("password") == null ? "" : form.raw("password");
    String again = form.raw("password2") == null ? "" : form.raw("password2");
    String address = clients.address(ctx);
    Optional<Duration> wait = limiter.begin(user.email(), address);
    if (wait.isPresent()) {
      AuditRecorder.note(ctx, "password-change-limited", user.email(), null);
      long seconds = Math.max(1, wait.get().toSeconds());
      ctx.header("Retry-After", Long.toString(seconds));
      throw new HttpResponseException(
          HttpStatus.TOO_MANY_REQUESTS.getCode(), t.get("signin.tooMany", (seconds + 59) / 60));
    }
    char[] currentChars = current.toCharArray();
    boolean right;
    try {
      right = accounts.authenticate(user.email(), currentChars).isPresent();
    } finally {
      Arrays.fill(currentChars, '\0');
    }
    if (!right) {
      AuditRecorder.note(ctx, "password-change-refused", user.email(), "current password");
      showAccount(
          ctx,
          HttpStatus.BAD_REQUEST,
          user,
          null,
          List.of(
              new FieldProblem(
                  "current",
                  t.get("account.password.current"),
                  t.get("account.password.wrongCurrent"))));
      return;
    }
    limiter.succeeded(user.email(), address);
    if (!password.equals(again)) {
      showAccount(
          ctx,
          HttpStatus.BAD_REQUEST,
          user,
          null,
          List.of(
              new FieldProblem(
                  "password2", t.get("users.newPasswordAgain"), t.get("account.password.differ"))));
      return;
    }
    char[] chars = password.toCharArray();
    try {
      accounts.setPassword(user, chars);
    } catch (CatalogException.Invalid e) {
      List<FieldProblem> problems = new ArrayList<>();
      for (Problem p : e.problems()) {
        problems.add(new FieldProblem("password", t.get("users.newPassword"), t.problem(p)));
      }
      showAccount(ctx, HttpStatus.BAD_REQUEST, user, null, problems);
      return;
    } finally {
      Arrays.fill(chars, '\0');
    }
    AuditRecorder.note(ctx, "password-changed", user.email(), "sessions ended");
    access.signIn(ctx, accounts.startSession(user));
    ctx.redirect("/account?done=password", HttpStatus.SEE_OTHER);
  }

  void revokeOwnToken(Context ctx) {
    User user = access.requireSignedIn(ctx);
    String id = ctx.pathParam("id");
    TokenInfo token =
        accounts
            .token(id)
            .filter(tk -> tk.userId().equals(user.id()))
            .orElseThrow(() -> new CatalogException.NotFound("token " + id));
    accounts.revokeToken(token.id());
    AuditRecorder.note(ctx, "token-revoked", "token " + token.id(), null);
    ctx.redirect("/account?done=revoked", HttpStatus.SEE_OTHER);
  }

  private User target(Context ctx) {
    String id = ctx.pathParam("id");
    return accounts.find(id).orElseThrow(() -> new CatalogException.NotFound("account " + id));
  }

  /** The problems of a refused change in the page's language. */
  private List<FieldProblem> messages(Context ctx, List<Problem> problems) {
    Messages t = i18n.forRequest(ctx);
    List<FieldProblem> out = new ArrayList<>();
    for (Problem p : problems) {
      // The form's own sentences where it has one, else the problem in the page's language.
      String key =
          switch (p.key() == null ? "" : p.key()) {
            case "account.problem.passwordTooShort" -> "users.problem.password";
            case "account.problem.lastAdminRole", "account.problem.lastAdminDisabled" ->
                "users.problem.lastAdmin";
            case "account.problem.role" -> "users.problem.role";
            case "account.problem.contributorNeedsBody" -> "users.problem.bodyRequired";
            case "account.problem.onlyContributorsHaveBodies" -> "users.problem.bodyNotAllowed";
            case "account.problem.bodyEmpty" -> "users.problem.body";
            case "invalid.tooLong" -> p.field().equals("bodies") ? "users.problem.body" : null;
            default -> null;
          };
      String text =
          key == null
              ? t.problem(p)
              : key.equals("users.problem.password")
                  ? t.get(key, Accounts.MIN_PASSWORD)
                  : t.get(key);
      // The field of the page's forms the problem is about, as its label names it.
      String label =
          switch (p.field() == null ? "" : p.field()) {
            case "role" -> t.get("users.role");
            case "bodies" -> t.get("users.bodiesField");
            case "password" -> t.get("users.newPassword");
            default -> null;
          };
      FieldProblem problem = new FieldProblem(label == null ? null : p.field(), label, text);
      if (!out.contains(problem)) {
        out.add(problem);
      }
    }
    return out;
  }
}
