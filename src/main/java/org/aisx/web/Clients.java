package org.aisx.web;

import io.javalin.http.Context;

/**
 * The client's address, for rate limits and the audit trail. Behind a reverse proxy every
 * connection comes from the proxy, so (with {@code serve --behind-proxy}) the address is the last
 * entry of the last X-Forwarded-For line, the one the proxy itself added; otherwise the header is
 * ignored, since any client can send it.
 */
public final class Clients {
  private final boolean behindProxy;

  public Clients(boolean behindProxy) {
    this.behindProxy = behindProxy;
  }

  String address(Context ctx) {
    String last = behindProxy ? lastHop(forwardedFor(ctx)) : null;
    return last != null ? last : ctx.ip();
  }

  /**
   * Every X-Forwarded-For line of the request, joined in order as one list (RFC 9110 §5.3): a
   * client may send a line of its own before the one its proxy adds, and only the last entry of the
   * last line is the proxy's.
   */
  private static String forwardedFor(Context ctx) {
    java.util.Enumeration<String> lines = ctx.req().getHeaders("X-Forwarded-For");
    if (lines == null || !lines.hasMoreElements()) {
      return null;
    }
    return String.join(",", java.util.Collections.list(lines));
  }

  /**
   * The last entry of an X-Forwarded-For value, or null when there is no usable one. Trailing empty
   * entries count (split with limit -1): "1.2.3.4," ends in an empty entry, not in 1.2.3.4, and ","
   * is two empty entries (a plain split drops them and returned no entry at all for ",").
   */
  static String lastHop(String forwarded) {
    if (forwarded == null) {
      return null;
    }
    String[] hops = forwarded.split(",", -1);
    String last = hops[hops.length - 1].strip();
    return !last.isEmpty() && last.length() <= 100 ? last : null;
  }
}
