package org.aisx.web;

import io.javalin.http.Context;

/**
 * The client's address, for rate limits and the audit trail. Behind a reverse proxy every
 * connection comes from the proxy, so (with {@code serve --behind-proxy}) the address is the last
 * entry of X-Forwarded-For, the one the proxy itself added; otherwise the header is ignored, since
 * any client can send it.
 */
final class Clients {
  private final boolean behindProxy;

  Clients(boolean behindProxy) {
    this.behindProxy = behindProxy;
  }

  String address(Context ctx) {
    String forwarded = behindProxy ? ctx.header("X-Forwarded-For") : null;
    if (forwarded != null && !forwarded.isBlank()) {
      String[] hops = forwarded.split(",");
      String last = hops[hops.length - 1].strip();
      if (!last.isEmpty() && last.length() <= 100) {
        return last;
      }
    }
    return ctx.ip();
  }
}
