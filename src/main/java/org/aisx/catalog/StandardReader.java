package org.aisx.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aisx.taxonomy.TaxonomySource;

/**
 * Reads one record from its JSON form (the {@code json} import format, API request bodies) or from
 * a record built in code, and has {@link StandardValidator} check every field. Every problem is
 * collected and reported with the field it concerns, so a contributor fixes them all at once
 * instead of one per attempt. Knows no field by name: the fields are {@link Standard#FIELDS}, each
 * read by its rule.
 */
public final class StandardReader {
  /**
   * Builds the JSON tree of a mapped record; one mapper for the process, since a mapper built per
   * record would introspect Standard again each time (twice the CPU of a whole import).
   */
  private static final ObjectMapper TREES = Json.mapper();

  /** Standard's canonical constructor: its parameters are {@link Standard#FIELDS}, in order. */
  private static final Constructor<Standard> CANONICAL = canonicalConstructor();

  private final StandardValidator validator;

  public StandardReader(TaxonomySource taxonomy) {
    this.validator = new StandardValidator(taxonomy);
  }

  /**
   * The problems of {@code value} as the text of the record's field {@code field}, by that field's
   * rule (none: a record may hold it).
   */
  public List<Problem> problemsOf(String field, String value) {
    return validator.problemsOf(
        field, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(value));
  }

  /**
   * Validates a record built in code (a feed mapper's) exactly as its JSON form would be, as a
   * feed's record: it may lack what only people must give (the title).
   *
   * @throws CatalogException.Invalid naming every field that is missing, of the wrong type or out
   *     of range
   */
  public Standard read(Standard record) {
    return read(TREES.<JsonNode>valueToTree(record), false, StandardValidator.Writer.FEED);
  }

  /**
   * Reads a record people wrote as JSON (API bodies, submissions, the web form): its title and
   * abstract are cleaned here ({@link PlainText}, as plain text), the only time they are, and it
   * must give every field people must give (the title).
   *
   * @throws CatalogException.Invalid naming every field that is missing, of the wrong type or out
   *     of range
   */
  public Standard read(JsonNode node) {
    return read(node, true, StandardValidator.Writer.PERSON);
  }

  /**
   * Reads a record a feed wrote as JSON (the {@code json} import, an export read back): cleaned as
   * {@link #read(JsonNode)} cleans, but it may lack what only people must give (the title), as a
   * feed reader's record may.
   *
   * @throws CatalogException.Invalid naming every field that is missing, of the wrong type or out
   *     of range
   */
  public Standard readFeed(JsonNode node) {
    return read(node, true, StandardValidator.Writer.FEED);
  }

  private Standard read(JsonNode node, boolean cleanTexts, StandardValidator.Writer writer) {
    if (node == null || !node.isObject()) {
      throw new CatalogException.Invalid(
          "record", List.of(StandardValidator.problem("record", "notRecord")));
    }
    List<Problem> problems = new ArrayList<>();
    Object[] values = validator.validate(node, cleanTexts, writer, problems);
    if (!problems.isEmpty()) {
      JsonNode identifier = node.get("identifier");
      String what =
          identifier != null && identifier.isTextual()
              ? "record " + identifier.asText().strip()
              : "record";
      throw new CatalogException.Invalid(what, problems);
    }
    try {
      return CANONICAL.newInstance(values);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot build a Standard from " + Arrays.asList(values), e);
    }
  }

  private static Constructor<Standard> canonicalConstructor() {
    Class<?>[] types =
        Arrays.stream(Standard.class.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
    try {
      return Standard.class.getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record has its canonical constructor", e);
    }
  }
}
