package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.aisx.account.WriteLimiter;

/**
 * Before every write request: the write limit, per caller and per client address; past it, a 429
 * with Retry-After, before the handler runs. {@link WriteLimiter} keeps the counts.
 */
public final class WriteRateLimit implements Routes {
  private static final Set<HandlerType> READS =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private final WriteLimiter limiter;
  private final Access access;
  private final Clients clients;
  private final I18n i18n;

  public WriteRateLimit(WriteLimiter limiter, Access access, Clients clients, I18n i18n) {
    this.limiter = limiter;
    this.access = access;
    this.clients = clients;
    this.i18n = i18n;
  }

  @Override
  public void register(JavalinDefaultRouting router) {
    router.before(this::check);
  }

  /** A write past the caller's or the address's limit is a 429. */
  void check(Context ctx) {
    if (READS.contains(ctx.method())) {
      return;
    }
    Optional<Duration> wait = limiter.tryWrite(access.limitKey(ctx), clients.address(ctx));
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      ctx.header("Retry-After", Long.toString(seconds));
      throw new HttpResponseException(
          HttpStatus.TOO_MANY_REQUESTS.getCode(),
          i18n.forRequest(ctx).get("limit.writes", seconds));
    }
  }
}
