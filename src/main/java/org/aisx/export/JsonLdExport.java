package org.aisx.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import org.aisx.catalog.Standard;

/**
 * Records as a DCAT catalogue in JSON-LD: one {@code dcat:Catalog} whose {@code dcat:dataset}s are
 * the records, described with Dublin Core terms (identifier, title and abstract per language,
 * publisher, issued, language, type), {@code dcat:landingPage} (the body's page) and {@code
 * dcat:keyword}. Each dataset's IRI is its page on the Exchange ({@code BASE/standards/ID}). The
 * context is inline, so a parser needs no network. Streamed: one record in memory at a time.
 */
final class JsonLdExport implements RecordWriter {
  static final String DCAT = "http://www.w3.org/ns/dcat#";
  static final String DCT = "http://purl.org/dc/terms/";
  static final String FOAF = "http://xmlns.com/foaf/0.1/";
  static final String XSD = "http://www.w3.org/2001/XMLSchema#";
  static final String SCHEMA = "https://schema.org/";

  /** ISO 639-1 languages as DCAT recommends naming them (Library of Congress). */
  static final String LANGUAGE = "http://id.loc.gov/vocabulary/iso639-1/";

  private final JsonGenerator g;
  private final String base;

  JsonLdExport(ObjectMapper json, OutputStream out, String base, Instant now) throws IOException {
    this.base = base.endsWith("/") ? base : base + "/";
    this.g = json.getFactory().createGenerator(out, JsonEncoding.UTF8);
    g.writeStartObject();
    g.writeObjectFieldStart("@context");
    g.writeStringField("dcat", DCAT);
    g.writeStringField("dct", DCT);
    g.writeStringField("foaf", FOAF);
    g.writeStringField("xsd", XSD);
    g.writeStringField("schema", SCHEMA);
    g.writeEndObject();
    g.writeStringField("@id", this.base);
    g.writeStringField("@type", "dcat:Catalog");
    g.writeStringField("dct:title", "AI Standards Exchange");
    g.writeObjectFieldStart("dct:publisher");
    g.writeStringField("@type", "foaf:Agent");
    g.writeStringField("foaf:name", "AI Standards Exchange");
    g.writeEndObject();
    typed("dct:modified", now.toString(), "xsd:dateTime");
    g.writeObjectFieldStart("foaf:homepage");
    g.writeStringField("@id", this.base);
    g.writeEndObject();
    g.writeArrayFieldStart("dcat:dataset");
  }

  @Override
  public void write(Standard s) throws IOException {
    g.writeStartObject();
    g.writeStringField(
        "@id", base + "standards/" + URLEncoder.encode(s.id(), StandardCharsets.UTF_8));
    g.writeStringField("@type", "dcat:Dataset");
    g.writeStringField("dct:identifier", s.identifier());
    // Only what the record says in each language: not a feed's placeholder for a missing title
    // ("Titre manque") nor the English text given again as another language's.
    Map<String, String> titles = Standard.realTitles(s.title());
    Map<String, String> summaries = Standard.translations(s.summary());
    languageMap("dct:title", titles);
    languageMap("dct:description", summaries);
    if (s.sdo() != null) {
      g.writeObjectFieldStart("dct:publisher");
      g.writeStringField("@type", "foaf:Agent");
      g.writeStringField("foaf:name", s.sdo());
      g.writeEndObject();
    }
    if (s.published() != null) {
      String p = s.published();
      String type =
          switch (p.length()) {
            case 4 -> "xsd:gYear";
            case 7 -> "xsd:gYearMonth";
            case 10 -> "xsd:date";
            default -> null;
          };
      if (type == null) {
        g.writeStringField("dct:issued", p);
      } else {
        typed("dct:issued", p, type);
      }
    }
    if (s.url() != null) {
      g.writeObjectFieldStart("dcat:landingPage");
      g.writeStringField("@id", s.url());
      g.writeEndObject();
    }
    TreeSet<String> languages = new TreeSet<>(titles.keySet());
    languages.addAll(summaries.keySet());
    if (!languages.isEmpty()) {
      g.writeArrayFieldStart("dct:language");
      for (String lang : languages) {
        g.writeStartObject();
        g.writeStringField("@id", LANGUAGE + URLEncoder.encode(lang, StandardCharsets.UTF_8));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (s.type() != null) {
      g.writeStringField("dct:type", s.type().wire());
    }
    if (s.status() != null) {
      g.writeStringField("schema:creativeWorkStatus", s.status().wire());
    }
    if (s.edition() != null) {
      g.writeStringField("schema:version", s.edition());
    }
    if (!s.keywords().isEmpty()) {
      g.writeArrayFieldStart("dcat:keyword");
      for (String k : s.keywords()) {
        g.writeString(k);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private void languageMap(String property, Map<String, String> texts) throws IOException {
    if (texts.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(property);
    for (var e : new java.util.TreeMap<>(texts).entrySet()) {
      g.writeStartObject();
      g.writeStringField("@value", e.getValue());
      g.writeStringField("@language", e.getKey());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void typed(String property, String value, String type) throws IOException {
    g.writeObjectFieldStart(property);
    g.writeStringField("@value", value);
    g.writeStringField("@type", type);
    g.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
  }
}
