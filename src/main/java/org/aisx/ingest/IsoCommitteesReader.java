package org.aisx.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.aisx.catalog.PlainText;
import org.aisx.committee.Committee;

/**
 * Reads ISO Open Data's list of technical committees (https://www.iso.org/open-data.html, ODC-By
 * 1.0, the file {@code iso_technical_committees.jsonl}): JSON Lines, one committee per line, e.g.
 *
 * <pre>
 * {"id":6794475,"reference":"ISO/IEC JTC 1/SC 42","status":"Active",
 *  "title":{"en":"Artificial intelligence"},"secretariat":{"id":2188,"acronym":"ANSI"},
 *  "creationDate":"2017-11-21","scope":{"en":"Standardization in the area of ...&lt;ul&gt;..."},
 *  "parentId":45020,"childrenId":null,"pMembers":[...],"oMembers":[...],
 *  "committeeLiaisons":[{"id":45020,"reference":"ISO/IEC JTC 1"}],
 *  "organizationLiaisons":[{"id":9006,"acronym":"ETSI"}],"sortKey":"ISO/IEC JTC 001/~SC 042"}
 * </pre>
 *
 * <table>
 *   <caption>fields</caption>
 *   <tr><th>ISO Open Data</th><th>{@link Committee}</th></tr>
 *   <tr><td>reference</td><td>reference (required), one line of plain text</td></tr>
 *   <tr><td>id</td><td>isoId</td></tr>
 *   <tr><td>title.en</td><td>title, HTML stripped</td></tr>
 *   <tr><td>status</td><td>status as given ("Active", "Suspended")</td></tr>
 *   <tr><td>secretariat.acronym</td><td>secretariat</td></tr>
 *   <tr><td>creationDate (YYYY-MM-DD)</td><td>created; another shape rejects the line</td></tr>
 *   <tr><td>scope.en (HTML)</td><td>scope, cleaned by {@link PlainText} as an abstract is
 *       (paragraphs and list items kept, markup dropped)</td></tr>
 *   <tr><td>parentId, childrenId</td><td>parentId, childIds</td></tr>
 *   <tr><td>committeeLiaisons[].reference</td><td>liaisons</td></tr>
 *   <tr><td>organizationLiaisons[].acronym</td><td>organizations</td></tr>
 *   <tr><td>sortKey</td><td>sortKey (the reference when absent)</td></tr>
 *   <tr><td>pMembers, oMembers</td><td>not kept</td></tr>
 * </table>
 *
 * A line that is not a JSON object, or lacks a reference or gives a field in another shape, is
 * rejected as "line N" naming the field; reading goes on with the next line. Blank lines are
 * skipped.
 */
public final class IsoCommitteesReader {
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final ObjectMapper json;

  public IsoCommitteesReader(ObjectMapper json) {
    this.json = json;
  }

  /** What one line gave: a committee, or the reason it was rejected. */
  public sealed interface Outcome {
    /** Where in the input: "line N". */
    String where();

    record Read(String where, Committee committee) implements Outcome {}

    record Rejected(String where, String reason) implements Outcome {}
  }

  /** Reads every line of {@code in}, handing each committee or rejection to {@code sink}. */
  public void read(InputStream in, Consumer<Outcome> sink) throws IOException {
    Utf8Lines lines = new Utf8Lines(in);
    int number = 0;
    for (String line = lines.next(); line != null; line = lines.next()) {
      number++;
      String text = number == 1 ? line.replace("\uFEFF", "") : line;
      if (text.isBlank()) {
        continue;
      }
      String where = "line " + number;
      try {
        sink.accept(new Outcome.Read(where, committee(json.readTree(text))));
      } catch (JsonProcessingException e) {
        sink.accept(
            new Outcome.Rejected(
                where, "not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")));
      } catch (Unusable e) {
        sink.accept(new Outcome.Rejected(where, e.getMessage()));
      }
    }
  }

  /** A field that cannot be read; its message names the field. */
  private static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String field, String problem) {
      super(field + ": " + problem);
    }
  }

  static Committee committee(JsonNode d) throws Unusable {
    if (d == null || !d.isObject()) {
      throw new Unusable("line", "not a JSON object");
    }
    String reference = text(d, "reference");
    if (reference == null) {
      throw new Unusable("reference", "missing: every committee needs its reference");
    }
    reference = PlainText.line(reference);
    if (reference == null || org.aisx.catalog.Slug.of(reference).isEmpty()) {
      throw new Unusable("reference", "has no letters or digits");
    }
    String created = text(d, "creationDate");
    if (created != null && !DAY.matcher(created).matches()) {
      throw new Unusable("creationDate", "'" + created + "' is not a day (YYYY-MM-DD)");
    }
    JsonNode scope = d.path("scope").path("en");
    return new Committee(
        reference,
        number(d, "id"),
        english(d, "title", PlainText.Field.TITLE),
        line(text(d, "status")),
        line(text(d.path("secretariat"), "acronym", "secretariat.acronym")),
        created,
        scope.isTextual()
            ? PlainText.clean(scope.asText(), PlainText.Field.ABSTRACT, PlainText.Markup.HTML)
            : null,
        number(d, "parentId"),
        numbers(d, "childrenId"),
        names(d, "committeeLiaisons", "reference"),
        names(d, "organizationLiaisons", "acronym"),
        line(text(d, "sortKey")));
  }

  private static String line(String raw) {
    return raw == null ? null : PlainText.line(raw);
  }

  private static String english(JsonNode d, String field, PlainText.Field kind) throws Unusable {
    JsonNode v = d.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw new Unusable(field, "not an object of texts by language ({\"en\": ...})");
    }
    String en = text(v, "en", field + ".en");
    return en == null ? null : PlainText.clean(en, kind, PlainText.Markup.HTML);
  }

  private static String text(JsonNode d, String field) throws Unusable {
    return text(d, field, field);
  }

  private static String text(JsonNode d, String field, String name) throws Unusable {
    JsonNode v = d.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new Unusable(name, "not a text: " + v);
    }
    return v.asText().isBlank() ? null : v.asText();
  }

  private static Long number(JsonNode d, String field) throws Unusable {
    JsonNode v = d.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber()) {
      throw new Unusable(field, "not a whole number: " + v);
    }
    return v.asLong();
  }

  private static List<Long> numbers(JsonNode d, String field) throws Unusable {
    JsonNode v = d.get(field);
    List<Long> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new Unusable(field, "not a list of ids");
    }
    for (JsonNode n : v) {
      if (!n.isIntegralNumber() || !n.canConvertToLong()) {
        throw new Unusable(field, "not a whole number: " + n);
      }
      out.add(n.asLong());
    }
    return out;
  }

  /** The {@code key} of each object of the list {@code field}, as one line each. */
  private static List<String> names(JsonNode d, String field, String key) throws Unusable {
    JsonNode v = d.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new Unusable(field, "not a list");
    }
    for (JsonNode n : v) {
      String name = line(text(n, key, field + "[]." + key));
      if (name != null && !out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }
}
