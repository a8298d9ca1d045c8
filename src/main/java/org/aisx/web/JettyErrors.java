package org.aisx.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The answer to a request Jetty refuses before any route sees it (Jetty 11's {@link
 * ErrorHandler#badMessageError}): an address longer than the header limit (414), a malformed
 * %-escape or a control character in the path (400; but {@code %00}, which reaches the routes
 * marked: {@link NulInPath}), headers too large (431). Jetty has not parsed the path then (or not
 * at all), so the answer cannot depend on it: it is the API's error body, in UTF-8 JSON, which a
 * browser shows as plain text too. It carries the security headers every other answer has ({@link
 * WebServer}).
 */
final class JettyErrors extends ErrorHandler {
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    if (HttpStatus.hasNoBody(status)) {
      return ByteBuffer.allocate(0);
    }
    fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    fields.put("Content-Security-Policy", WebServer.CSP);
    fields.put("X-Content-Type-Options", "nosniff");
    fields.put("X-Frame-Options", "DENY");
    String body =
        "{\"error\":{\"code\":\""
            + WebServer.codeOf(status)
            + "\",\"message\":\""
            + message(status)
            + "\",\"details\":[]}}";
    return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
  }

  /** What went wrong, in words that hold whatever Jetty's reason was (no quotes to escape). */
  private static String message(int status) {
    return switch (status) {
      case 414 -> "The address is longer than the server accepts; shorten the query.";
      case 431 -> "The request headers are larger than the server accepts.";
      case 400 ->
          "The request could not be read: its address or headers are malformed (for example a %"
              + " not followed by two hexadecimal digits, or a control character).";
      default -> "The request could not be read (HTTP " + status + ").";
    };
  }
}
