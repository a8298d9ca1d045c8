package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Duration;
import java.util.Optional;
import org.aisx.account.Accounts;
import org.aisx.account.SignInLimiter;
import org.aisx.account.User;

/** The sign-in and sign-out pages. */
public final class SignIn implements Routes {
  private final Accounts accounts;
  private final SignInLimiter limiter;
  private final Access access;
  private final I18n i18n;
  private final PageRenderer pages;
  private final Clients clients;

  public SignIn(
      Accounts accounts,
      SignInLimiter limiter,
      Access access,
      I18n i18n,
      PageRenderer pages,
      Clients clients) {
    this.clients = clients;
    this.accounts = accounts;
    this.limiter = limiter;
    this.access = access;
    this.i18n = i18n;
    this.pages = pages;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.get("/signin", this::form);
    router.post("/signin", this::signIn);
    router.get("/signout", this::confirmSignOut);
    router.post("/signout", this::signOut);
  }

  void form(Context ctx) {
    show(ctx, HttpStatus.OK, safeNext(Params.query(ctx).text("next")), "", null);
  }

  void signIn(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    Params form = Params.form(ctx);
    String email = form.text("email") == null ? "" : form.text("email");
    String password = form.raw("password");
    String next = safeNext(form.text("next"));
    AuditRecorder.attempt(ctx, email);
    if (email.isEmpty() || password == null || password.isEmpty()) {
      show(ctx, HttpStatus.BAD_REQUEST, next, email, t.get("signin.missing"));
      return;
    }
    Optional<Duration> wait = limiter.begin(email, clientAddress(ctx));
    if (wait.isPresent()) {
      AuditRecorder.note(ctx, "sign-in-limited", email, null);
      long seconds = Math.max(1, wait.get().toSeconds());
      ctx.header("Retry-After", Long.toString(seconds));
      throw new HttpResponseException(
          HttpStatus.TOO_MANY_REQUESTS.getCode(), t.get("signin.tooMany", (seconds + 59) / 60));
    }
    Optional<User> user = accounts.authenticate(email, password.toCharArray());
    if (user.isEmpty()) {
      // The same answer as a wrong password, so that it says nothing of whether the password was
      // right; the audit trail tells the admins that the account is disabled.
      boolean disabled = accounts.user(email).map(u -> !u.active()).orElse(false);
      AuditRecorder.note(
          ctx,
          "sign-in-failed",
          email,
          disabled ? "account disabled" : null); // the limiter counted it at begin()
      show(ctx, HttpStatus.UNAUTHORIZED, next, email, t.get("signin.failed"));
      return;
    }
    limiter.succeeded(email, clientAddress(ctx));
    AuditRecorder.note(ctx, "sign-in", email, null);
    access.signIn(ctx, accounts.startSession(user.get()));
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  void confirmSignOut(Context ctx) {
    Messages t = i18n.forRequest(ctx);
    pages.render(
        ctx,
        "signout.jte",
        new PageModels.SignOutPage(pages.layout(ctx, t, t.get("signout.title"))));
  }

  void signOut(Context ctx) {
    AuditRecorder.note(ctx, "sign-out", null, null);
    access.user(ctx).ifPresent(u -> AuditRecorder.attempt(ctx, u.email()));
    access.signOut(ctx);
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx, HttpStatus status, String next, String email, String error) {
    Messages t = i18n.forRequest(ctx);
    String csrf = access.formToken(ctx);
    ctx.status(status);
    // Shown again after a failed sign-in, its language links keep where it leads afterwards.
    PageRenderer.readAt(
        ctx,
        next.equals("/")
            ? "/signin"
            : "/signin?next="
                + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
    pages.render(
        ctx,
        "signin.jte",
        new PageModels.SignInPage(
            pages.layout(ctx, t, t.get("signin.title")), csrf, next, email, error));
  }

  String clientAddress(Context ctx) {
    return clients.address(ctx);
  }

  /** Where to go after signing in: a path on this site only, never another site. */
  static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.length() > 2000
        || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "/";
    }
    return next;
  }
}
