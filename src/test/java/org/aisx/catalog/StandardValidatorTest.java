package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

class StandardValidatorTest {
  private static final ObjectMapper JSON = Json.mapper();
  private final StandardValidator validator = new StandardValidator(Taxonomy.bundled(JSON));

  private static final String VALID =
      """
      {"identifier": "ISO/IEC 42001:2023", "sdo": "ISO/IEC", "type": "international-standard",
       "status": "in-force", "title": {"en": "AI management system"}}
      """;

  /** The problems found in {@code json}, a record. */
  private List<Problem> problems(String json) throws IOException {
    List<Problem> problems = new ArrayList<>();
    validator.validate(JSON.readTree(json), true, StandardValidator.Writer.PERSON, problems);
    return problems;
  }

  /** The values read from {@code json}, by field name, with no problem found. */
  private Object value(String json, String field) throws IOException {
    List<Problem> problems = new ArrayList<>();
    Object[] values =
        validator.validate(JSON.readTree(json), true, StandardValidator.Writer.PERSON, problems);
    assertThat(problems).isEmpty();
    return values[Standard.FIELDS.indexOf(field)];
  }

  /** {@link #VALID} with {@code field} set to the JSON value {@code value}. */
  private static String with(String field, String value) throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode node =
        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(VALID);
    node.set(field, JSON.readTree(value));
    return node.toString();
  }

  @Test
  void aValidRecordHasNoProblemAndEveryFieldAValue() throws IOException {
    List<Problem> problems = new ArrayList<>();
    Object[] values =
        validator.validate(JSON.readTree(VALID), true, StandardValidator.Writer.PERSON, problems);
    assertThat(problems).isEmpty();
    assertThat(values).hasSameSizeAs(Standard.FIELDS);
    assertThat(values[Standard.FIELDS.indexOf("id")]).isEqualTo("iso-iec-42001-2023");
    assertThat(values[Standard.FIELDS.indexOf("status")]).isEqualTo(Status.IN_FORCE);
  }

  @Test
  void problemsNameTheFieldAndQuoteTheValue() throws IOException {
    assertThat(problems(with("published", "\"2023-13-01\"")))
        .containsExactly(
            new Problem("published", "'2023-13-01' is not a date YYYY, YYYY-MM or YYYY-MM-DD"));
    assertThat(problems(with("url", "\"javascript:alert(1)\"")))
        .containsExactly(
            new Problem("url", "'javascript:alert(1)' is not an absolute http or https URL"));
    assertThat(problems(with("status", "\"active\"")))
        .containsExactly(
            new Problem(
                "status",
                "'active' is not one of in-force, draft, superseded, withdrawn, replaced"));
    assertThat(problems(with("openSource", "\"yes\"")))
        .containsExactly(new Problem("openSource", "must be true or false, not \"yes\""));
    assertThat(problems(with("sdo", "42")))
        .containsExactly(new Problem("sdo", "must be a string, not 42"));
    assertThat(problems(with("concerns", "[\"management-systems\", \"mars\"]")))
        .containsExactly(new Problem("concerns[1]", "'mars' is not a concept of concern"));
  }

  @Test
  void aLongValueIsQuotedByItsStartOnly() throws IOException {
    String path = "x".repeat(500);
    List<Problem> problems = problems(with("url", "\"ftp://example.org/" + path + "\""));
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).problem())
        .startsWith("'ftp://example.org/xxx")
        .endsWith("…' is not an absolute http or https URL")
        .hasSizeLessThan(200);
  }

  @Test
  void entriesOfListsAreReportedUnderTheirPath() throws IOException {
    String record =
        with(
            "relations",
            "[{\"type\": \"replaces\", \"target\": \"X 0\"}, {\"type\": \"obsoletes\","
                + " \"target\": \"X 1\"}, \"X 2\"]");
    assertThat(problems(record))
        .containsExactly(
            new Problem(
                "relations[1].type",
                "'obsoletes' is not one of replaces, replaced-by, amends, amended-by, updates,"
                    + " updated-by, adopts, adopted-by, complements, identical, related"),
            new Problem("relations[2]", "must be an object"));
    assertThat(problems(with("identifiers", "[{\"type\": \"URN\"}]")))
        .containsExactly(new Problem("identifiers[0].value", "required"));
    assertThat(problems(with("suggestions", "{\"concern\": [{\"concept\": \"privacy\"}]}")))
        .containsExactly(
            new Problem("suggestions.concern[0].score", "must be a number from 0 to 1"));
    assertThat(problems(with("suggestions", "{\"colour\": []}")))
        .containsExactly(new Problem("suggestions.colour", "'colour' is not a taxonomy dimension"));
  }

  /** A suggestion read from JSON (an export imported again) keeps the words naming its concept. */
  @Test
  void aSuggestionKeepsTheWordsOfItsEvidenceThatNameTheConcept() throws IOException {
    assertThat(
            value(
                with(
                    "suggestions",
                    "{\"concern\": [{\"concept\": \"privacy\", \"score\": 0.8,"
                        + " \"evidence\": \"Personal data.\", \"terms\": [\"personal data\"]}]}"),
                "suggestions"))
        .isEqualTo(
            Map.of(
                "concern",
                List.of(
                    new Suggestion("privacy", 0.8, "Personal data.", List.of("personal data")))));
  }

  @Test
  void theKindDefaultsToStandardAndAGivenRevisionIsNotTaken() throws IOException {
    assertThat(value(VALID, "kind")).isEqualTo(Kind.STANDARD);
    assertThat(value(with("kind", "\"publication\""), "kind")).isEqualTo(Kind.PUBLICATION);
    assertThat(value(with("revision", "12"), "revision")).isEqualTo(0);
  }

  @Test
  void anEditionMayBeANumberAndIsKeptAsText() throws IOException {
    assertThat(value(with("edition", "2"), "edition")).isEqualTo("2");
    assertThat(value(with("edition", "\"2nd\""), "edition")).isEqualTo("2nd");
  }

  @Test
  void anIdentifierWithoutLetterOrDigitAndAFieldNoRuleKnowsAreRejected() throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode record =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            JSON.readTree(with("identifier", "\"/ -\""));
    record.put("colour", "blue");
    assertThat(problems(record.toString()))
        .containsExactlyInAnyOrder(
            new Problem("identifier", "'/ -' must contain at least one letter or digit"),
            new Problem("colour", "unknown field"));
  }

  @Test
  void feedTextsAreCheckedNotCleaned() throws IOException {
    JsonNode raw = JSON.readTree(with("abstract", "{\"en\": \"<p>Not cleaned</p>\"}"));
    List<Problem> problems = new ArrayList<>();
    validator.validate(raw, false, StandardValidator.Writer.PERSON, problems);
    assertThat(problems)
        .containsExactly(
            new Problem(
                "abstract.en", "is not clean text (the feed reader must clean it with PlainText)"));
    problems.clear();
    validator.validate(raw, true, StandardValidator.Writer.PERSON, problems);
    assertThat(problems).isEmpty();
  }

  /** Dates are checked without a formatter; the answer is what ISO parsing gives. */
  @Test
  void acceptsExactlyTheDatesIsoParsingAccepts() {
    for (String year : new String[] {"0000", "1900", "1999", "2000", "2023", "2024", "9999"}) {
      assertThat(StandardValidator.validDate(year)).isTrue();
      for (int month = 0; month <= 13; month++) {
        String ym = year + "-" + String.format(Locale.ROOT, "%02d", month);
        assertThat(StandardValidator.validDate(ym)).as(ym).isEqualTo(parses(ym, true));
        for (int day = 0; day <= 32; day++) {
          String ymd = ym + "-" + String.format(Locale.ROOT, "%02d", day);
          assertThat(StandardValidator.validDate(ymd)).as(ymd).isEqualTo(parses(ymd, false));
        }
      }
    }
    assertThat(StandardValidator.validDate("2023-1-01")).isFalse();
    assertThat(StandardValidator.validDate("23")).isFalse();
  }

  private static boolean parses(String date, boolean yearMonth) {
    try {
      if (yearMonth) {
        java.time.YearMonth.parse(date);
      } else {
        java.time.LocalDate.parse(date);
      }
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }
}
