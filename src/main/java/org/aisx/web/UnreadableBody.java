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
    Object where = where(e.getLocation());
    if (e instanceof StreamConstraintsException) {
      String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      return Problem.of(
          "body",
          original.contains("nesting depth") ? "problem.bodyTooDeep" : "problem.bodyTooLong",
          where);
    }
    if (e instanceof JsonParseException
        && e.getOriginalMessage() != null
        && e.getOriginalMessage().startsWith("Duplicate field '")) {
      return Problem.of("body", "problem.bodyFieldTwice", where);
    }
    if (e instanceof JsonParseException) {
      return Problem.of("body", "problem.bodyNotJson", where);
    }
    if (!(e instanceof JsonMappingException mapping)) {
      return Problem.of("body", "problem.bodyUnreadable", where);
    }
    String path = path(mapping.getPath());
    String field = path.isEmpty() ? "body" : "body." + path;
    if (mapping instanceof MismatchedInputException mismatch) {
      if (path.isEmpty() && isTrailing(mismatch)) {
        return Problem.of(field, "problem.bodyTrailing", where);
      }
      if (path.isEmpty() && isEmpty(mismatch)) {
        return Problem.of(field, "problem.bodyEmpty", shape(expected));
      }
      Type target = mismatch.getTargetType() != null ? mismatch.getTargetType() : expected;
      if (path.isEmpty()) {
        return Problem.of(field, "problem.bodyMustBe", shape(target), where);
      }
      if (mismatch instanceof InvalidFormatException invalid && invalid.getValue() != null) {
        return Problem.of(
            field,
            "problem.bodyMustBeNot",
            kind(target),
            Params.echo(String.valueOf(invalid.getValue())),
            where);
      }
      return Problem.of(field, "problem.bodyMustBe", kind(target), where);
    }
    return Problem.of(field, "problem.bodyUnreadableAs", kind(expected), where);
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

  /** Where in the body Jackson stopped, said after a problem; nothing when it does not know. */
  private static Object where(JsonLocation at) {
    if (at == null || at.getLineNr() < 1) {
      return "";
    }
    return Problem.Phrase.of(
        "problem.bodyAt", String.valueOf(at.getLineNr()), String.valueOf(at.getColumnNr()));
  }

  /**
   * A whole body's shape: an object names the fields it may have, when they are known; else the
   * kind of value.
   */
  private static Problem.Phrase shape(Type type) {
    Class<?> raw = raw(type);
    if (raw != null && raw.isRecord()) {
      return Problem.Phrase.of(
          "problem.bodyObjectWithFields",
          Arrays.stream(raw.getRecordComponents())
              .map(RecordComponent::getName)
              .collect(Collectors.joining(", ")));
    }
    return kind(type);
  }

  /** What kind of JSON value a type is read from, as a person says it: its message. */
  private static Problem.Phrase kind(Type type) {
    return Problem.Phrase.of(Kind.of(raw(type)).key);
  }

  /** The kinds of JSON value a body's field is read as, each with the message that says it. */
  private enum Kind {
    STRING("problem.kindString"),
    BOOLEAN("problem.kindBoolean"),
    WHOLE_NUMBER("problem.kindWholeNumber"),
    NUMBER("problem.kindNumber"),
    ARRAY("problem.kindArray"),
    ALLOWED_VALUE("problem.kindAllowedValue"),
    OBJECT("problem.kindObject"),
    JSON("problem.kindJson"),
    OTHER("problem.kindOther");

    final String key;

    Kind(String key) {
      this.key = key;
    }

    static Kind of(Class<?> raw) {
      if (raw == null) {
        return OTHER;
      }
      if (CharSequence.class.isAssignableFrom(raw) || raw == char.class || raw == Character.class) {
        return STRING;
      }
      if (raw == boolean.class || raw == Boolean.class) {
        return BOOLEAN;
      }
      if (raw == int.class
          || raw == long.class
          || raw == short.class
          || raw == Integer.class
          || raw == Long.class
          || raw == Short.class) {
        return WHOLE_NUMBER;
      }
      if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
        return NUMBER;
      }
      if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
        return ARRAY;
      }
      if (raw.isEnum()) {
        return ALLOWED_VALUE;
      }
      if (Map.class.isAssignableFrom(raw) || raw.isRecord()) {
        return OBJECT;
      }
      if (com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(raw)) {
        return JSON;
      }
      return OTHER;
    }
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
