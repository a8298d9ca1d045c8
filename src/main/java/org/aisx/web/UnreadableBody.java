package org.aisx.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aisx.catalog.Problem;

/**
 * A request body that is not the JSON an endpoint expects: not JSON at all, nested too deep, or
 * JSON of the wrong shape. {@link WebServer} maps it, with the other failures, to a 400 naming the
 * body, the field (as a path such as {@code decisions[0].recordId}) and the line and column where
 * Jackson knows them, in words a client can act on: never a Java type or a parser's internals.
 */
final class UnreadableBody extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  /**
   * @param cause what Jackson reported
   * @param expected the type the body was read as
   */
  UnreadableBody(JsonProcessingException cause, Type expected) {
    this(describe(cause, expected), cause);
  }

  private UnreadableBody(Problem problem, JsonProcessingException cause) {
    super(problem.field() + " " + problem.problem(), cause);
    this.problem = problem;
  }

  /** A body that is not UTF-8 text (RFC 8259 §8.1: JSON exchanged between systems is UTF-8). */
  static UnreadableBody notUtf8() {
    return new UnreadableBody(Problem.of("body", "problem.bodyNotUtf8"), null);
  }

  /** The one problem, its field {@code body} or {@code body.<path>}. */
  List<Problem> problems() {
    return List.of(problem);
  }

  private static Problem describe(JsonProcessingException e, Type expected) {
    String where = where(e.getLocation());
    if (e instanceof StreamConstraintsException) {
      String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      return new Problem(
          "body",
          (original.contains("nesting depth")
                  ? "is nested too deeply"
                  : "holds a number, string or name too long to read")
              + where);
    }
    if (e instanceof JsonParseException
        && e.getOriginalMessage() != null
        && e.getOriginalMessage().startsWith("Duplicate field '")) {
      return new Problem("body", "names a field twice" + where);
    }
    if (e instanceof JsonParseException) {
      return new Problem("body", "is not valid JSON" + where);
    }
    if (!(e instanceof JsonMappingException mapping)) {
      return new Problem("body", "could not be read as JSON" + where);
    }
    String path = path(mapping.getPath());
    String field = path.isEmpty() ? "body" : "body." + path;
    if (mapping instanceof MismatchedInputException mismatch) {
      if (path.isEmpty() && isTrailing(mismatch)) {
        return new Problem(field, "has more after its JSON value" + where);
      }
      if (path.isEmpty() && isEmpty(mismatch)) {
        return new Problem(field, "is empty; expected " + shape(expected));
      }
      Type target = mismatch.getTargetType() != null ? mismatch.getTargetType() : expected;
      if (path.isEmpty()) {
        return new Problem(field, "must be " + shape(target) + where);
      }
      String value =
          mismatch instanceof InvalidFormatException invalid && invalid.getValue() != null
              ? " ('" + Params.echo(String.valueOf(invalid.getValue())) + "' is not)"
              : "";
      return new Problem(field, "must be " + kind(target) + value + where);
    }
    return new Problem(field, "could not be read as " + kind(expected) + where);
  }

  /** Jackson's own words for an empty document, which we do not repeat. */
  private static boolean isEmpty(MismatchedInputException e) {
    return e.getOriginalMessage() != null
        && e.getOriginalMessage().startsWith("No content to map due to end-of-input");
  }

  /** Jackson's own words for text after the body's value (FAIL_ON_TRAILING_TOKENS). */
  private static boolean isTrailing(MismatchedInputException e) {
    return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token");
  }

  /** {@code decisions[0].recordId}: the fields and indexes leading to the value refused. */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String where(JsonLocation at) {
    if (at == null || at.getLineNr() < 1) {
      return "";
    }
    return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** A whole body's shape: an object names the fields it may have, when they are known. */
  private static String shape(Type type) {
    Class<?> raw = raw(type);
    if (raw != null && raw.isRecord()) {
      return "a JSON object with the fields "
          + Arrays.stream(raw.getRecordComponents())
              .map(RecordComponent::getName)
              .collect(Collectors.joining(", "));
    }
    String kind = kind(type);
    return kind.startsWith("a ") || kind.startsWith("an ")
        ? "a JSON " + kind.substring(kind.indexOf(' ') + 1)
        : kind;
  }

  /** What kind of JSON value a type is read from, as a person says it. */
  private static String kind(Type type) {
    Class<?> raw = raw(type);
    if (raw == null) {
      return "a value of another kind";
    }
    if (CharSequence.class.isAssignableFrom(raw) || raw == char.class || raw == Character.class) {
      return "a string";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "true or false";
    }
    if (raw == int.class
        || raw == long.class
        || raw == short.class
        || raw == Integer.class
        || raw == Long.class
        || raw == Short.class) {
      return "a whole number";
    }
    if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
      return "a number";
    }
    if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
      return "an array";
    }
    if (raw.isEnum()) {
      return "one of the allowed values";
    }
    if (Map.class.isAssignableFrom(raw) || raw.isRecord()) {
      return "an object";
    }
    if (com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(raw)) {
      return "JSON";
    }
    return "a value of another kind";
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }
}
