package org.aisx.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.aisx.catalog.CatalogException;

/**
 * The entity tags of what has a revision (a record, a suite's version) and the conditional requests
 * made with them (RFC 9110 §8.8.3, §13.1).
 *
 * <p>A write ({@code PUT} with {@code If-Match}) is about the revision: {@code If-Match} names it.
 * A record's write answers with the record as a read then gives it, and with that read's ETag.
 *
 * <p>A read answers more than the revision holds: the record's JSON carries the machine's
 * suggestions, the relations other records make to it, the titles of the records it names and its
 * provenance, which all change while its revision stays (an approved relation to it, a
 * reclassification, an edited neighbour); a suite's answer shows its members as they are now. A
 * bare revision as the read's validator would let {@code If-None-Match: "3"} be answered 304 over a
 * body that changed, and a cache would keep showing the old one. So a read's ETag is the revision
 * followed by a digest of the body it sent ({@code "3-5d41402abc4b2a76"}): it still carries the
 * revision (SPEC §4; {@code If-Match} takes either form, and compares the revision), and a 304
 * means the body is the same, byte for byte.
 */
final class EntityTags {
  private EntityTags() {}

  /** The ETag of an answer whose body follows from {@code revision} alone: {@code "3"}. */
  static String of(long revision) {
    return "\"" + revision + "\"";
  }

  /**
   * The ETag of a read of {@code revision} that sent {@code body}: {@code "3-5d41402abc4b2a76"}.
   */
  static String of(long revision, byte[] body) {
    return "\"" + revision + "-" + digest(body) + "\"";
  }

  /** The first 8 bytes of {@code body}'s SHA-256, in hex. */
  private static String digest(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Answers a read of something without a revision (an Atom feed) with {@code body}: its ETag (a
   * digest of the body), {@code Last-Modified} from {@code updated}, and 304 without the body when
   * {@code If-None-Match} names that ETag or, without {@code If-None-Match}, {@code
   * If-Modified-Since} is not before {@code updated} (RFC 9110 §13.1.3, to the second).
   */
  static void answer(Context ctx, byte[] body, String contentType, java.time.Instant updated) {
    String etag = "\"" + digest(body) + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    ctx.header(
        "Last-Modified",
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            updated.atOffset(java.time.ZoneOffset.UTC)));
    String noneMatch = ctx.header("If-None-Match");
    boolean unchanged =
        noneMatch != null
            ? noneMatchFails(noneMatch, etag)
            : notModifiedSince(ctx.header("If-Modified-Since"), updated);
    if (unchanged) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(contentType).result(body);
  }

  /** Whether {@code updated}, to the second, is not after the date {@code header} gives. */
  private static boolean notModifiedSince(String header, java.time.Instant updated) {
    if (header == null) {
      return false;
    }
    try {
      java.time.Instant since =
          java.time.ZonedDateTime.parse(
                  header.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
      return !updated.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(since);
    } catch (java.time.format.DateTimeParseException notADate) {
      return false; // an invalid date is ignored (RFC 9110 §13.1.3)
    }
  }

  /**
   * Answers a read of {@code revision} with {@code view} as JSON, its ETag and, when {@code
   * If-None-Match} names that ETag (or is {@code *}), 304 without the body. Caches are told to ask
   * again each time ({@code no-cache}): the body can change at any moment, the ETag makes asking
   * cheap.
   */
  static void json(Context ctx, long revision, Object view) {
    byte[] body =
        ctx.jsonMapper().toJsonString(view, view.getClass()).getBytes(StandardCharsets.UTF_8);
    answer(ctx, revision, body, "application/json");
  }

  /** As {@link #json}, with a body already made and its media type. */
  static void answer(Context ctx, long revision, byte[] body, String contentType) {
    String etag = of(revision, body);
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
    if (read && noneMatchFails(ctx.header("If-None-Match"), etag)) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(contentType).result(body);
  }

  /**
   * Whether an {@code If-None-Match} header is false for a representation whose ETag is {@code
   * etag}, so that a GET or HEAD is answered 304: it is {@code *} (a representation exists), or one
   * of the entity tags it lists matches {@code etag} by weak comparison (their opaque tags are the
   * same, whether either is weak: {@code W/"1"} matches {@code "1"}). A member that is not an
   * entity tag matches nothing.
   */
  static boolean noneMatchFails(String header, String etag) {
    if (header == null) {
      return false;
    }
    String mine = opaque(etag);
    int i = 0;
    int n = header.length();
    while (i < n) {
      char c = header.charAt(i);
      if (c == ',' || c == ' ' || c == '\t') {
        i++;
        continue;
      }
      if (c == '*') {
        return true;
      }
      int start = header.startsWith("W/\"", i) ? i + 2 : i;
      if (header.charAt(start) == '"') {
        int close = header.indexOf('"', start + 1);
        if (close < 0) {
          return false;
        }
        if (header.substring(start + 1, close).equals(mine)) {
          return true;
        }
        i = close + 1;
      } else {
        int comma = header.indexOf(',', i);
        i = comma < 0 ? n : comma + 1;
      }
    }
    return false;
  }

  /** The opaque tag of an entity tag: {@code 3} of {@code W/"3"}. */
  private static String opaque(String etag) {
    String v = etag.startsWith("W/") ? etag.substring(2) : etag;
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
        ? v.substring(1, v.length() - 1)
        : v;
  }

  /**
   * The request's {@code If-Match}, null when absent or blank. Given on two lines it names two
   * tags, as one line listing two does ({@code "1", "2"}, RFC 9110 §5.3), and is refused as that
   * is: taking the first line would make the change although the client also named another
   * revision.
   */
  static String ifMatch(Context ctx) {
    List<String> lines = Collections.list(ctx.req().getHeaders("If-Match"));
    if (lines.size() > 1) {
      throw new CatalogException.BadParameter(
          "If-Match",
          "must name one revision as an ETag, e.g. \"3\", not '" + String.join(", ", lines) + "'");
    }
    return lines.isEmpty() || lines.get(0).isBlank() ? null : lines.get(0);
  }

  /**
   * The revision an {@code If-Match} names: {@code "3"}, {@code W/"3"} or {@code 3}, or a read's
   * ETag of that revision, {@code "3-5d41402abc4b2a76"} (an edit is made against the revision,
   * whatever else the read showed).
   */
  static int revision(String ifMatch) {
    String v = opaque(ifMatch.strip());
    int dash = v.indexOf('-');
    if (dash > 0 && v.substring(dash + 1).matches("[0-9a-f]{1,64}")) {
      v = v.substring(0, dash);
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new CatalogException.BadParameter(
        "If-Match", "must name one revision as an ETag, e.g. \"3\", not '" + ifMatch + "'");
  }
}
