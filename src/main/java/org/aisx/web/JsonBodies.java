package org.aisx.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/**
 * Javalin's JSON mapper over the project's one {@link ObjectMapper}. It writes bodies as strings:
 * Javalin's stock mapper pipes every body through an extra thread, which halved API throughput
 * (measured in BENCHMARKS.md); our answers are small.
 */
final class JsonBodies implements JsonMapper {
  /** The media type of CSV bodies, which {@link #refuseMalformed} checks as it checks JSON. */
  static final String CSV = "text/csv";

  private final ObjectMapper json;

  JsonBodies(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public String toJsonString(Object obj, Type type) {
    try {
      return json.writeValueAsString(obj);
    } catch (JsonProcessingException e) {
      throw unwritable(obj, e);
    }
  }

  /** {@code body} as UTF-8 JSON bytes, for a body kept to be sent again ({@link KeptBodies}). */
  static byte[] bytes(ObjectMapper json, Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw unwritable(body, e);
    }
  }

  private static IllegalStateException unwritable(Object body, JsonProcessingException e) {
    return new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
  }

  /**
   * Refuses, before any handler reads it, an API request's body whose bytes are not UTF-8: every
   * API body but a multipart upload is read as UTF-8 text, JSON whatever type it declares ({@code
   * text/plain}, a form's, or none) or CSV ({@code POST /api/v1/resources/import}), with each
   * malformed byte replaced by U+FFFD, so that {@code {"title":"\xff"}} would be read, and stored,
   * as "�". A 400 naming the body; nothing is read or written.
   */
  static void refuseMalformed(io.javalin.http.Context ctx) {
    byte[] body = RequestBodies.received(ctx);
    if (body == null || !ctx.path().startsWith("/api/")) {
      return;
    }
    if (!mediaType(ctx).startsWith("multipart/") && !Params.isUtf8(body)) {
      throw UnreadableBody.notUtf8();
    }
  }

  /** A request's media type, lower-case and without parameters; "" when it declares none. */
  static String mediaType(io.javalin.http.Context ctx) {
    String type = ctx.contentType();
    return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The reader of request bodies: a body is one JSON value, so text after it ({@code {...}
   * trailing}, two objects one after the other) is refused rather than ignored, as a body cut short
   * is; and so is an object that names a field twice, rather than keeping the last value.
   */
  private ObjectReader reader(Type type) {
    return json.readerFor(json.constructType(type))
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  @Override
  public <T> T fromJsonString(String text, Type type) {
    try {
      return reader(type).readValue(text);
    } catch (JsonProcessingException e) {
      // A request body that is not the JSON expected is the client's mistake: a 400 naming it
      // (WebServer maps it).
      throw new UnreadableBody(e, type);
    }
  }

  @Override
  public <T> T fromJsonStream(InputStream in, Type type) {
    try {
      return reader(type).readValue(in);
    } catch (JsonProcessingException e) {
      throw new UnreadableBody(e, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
