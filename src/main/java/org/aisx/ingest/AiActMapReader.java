package org.aisx.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PlainText;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * Reads the EU AI Act map of ai-act-standards.com (Adam Leon Smith, CC BY 4.0): the articles of the
 * AI Act (Regulation (EU) 2024/1689) on high-risk AI systems, the draft European standards that
 * CEN-CENELEC JTC 21 writes for them, and which article each supports.
 *
 * <pre>
 * {"articles":  [{"id": "art9", "title": "Art 9 - Risk Management System", "aiActUrl": "..."}],
 *  "standards": [{"id": "prEN18228", "code": "prEN 18228", "title": "AI Risk Management",
 *                 "stage": 20, "scope": "This document specifies ..."}],
 *  "mappings":  [{"article": "art9", "standards": ["prEN18228"]}]}
 * </pre>
 *
 * <p>Each standard becomes a record: identifier the code ("prEN 18228"), title, abstract the scope,
 * sdo {@code CEN-CENELEC}, committee {@code CEN-CENELEC/JTC 21}, status draft with the CEN stage
 * code (10 proposal, 20 drafting, 40 enquiry, ...) as the stage. The type is {@code
 * international-standard}: SPEC §1 has no regional type, and a European Standard is adopted by
 * every national body of CEN and CENELEC, which makes it more than a {@code national-standard}.
 * Each article a standard supports becomes a keyword, "EU AI Act Art 9 - Risk Management System",
 * shown with the record and searchable. An ISO or IEC standard that the title or scope names
 * ("ISO/IEC 42001:2023") becomes a relation: {@code adopts} when the text says the document adopts
 * it, {@code related} otherwise. (The map's own scopes name none, so its records have no such
 * relations.)
 *
 * <p>The file is a few kilobytes, and is read whole. A standard or mapping that cannot stand is
 * rejected with its place ("standards[3]", "mappings[1]") and the others are read.
 */
public final class AiActMapReader {
  static final String SDO = "CEN-CENELEC";
  static final String COMMITTEE = "CEN-CENELEC/JTC 21";

  /** ISO, IEC and ISO/IEC identifiers as a text cites them: "ISO/IEC 42001:2023", "ISO 31000". */
  private static final Pattern CITED =
      Pattern.compile(
          "\\b(?:ISO/IEC(?:/IEEE)?|ISO|IEC)(?: (?:TR|TS|PAS))? \\d+(?:-\\d+)*(?::\\d{4})?");

  private static final Pattern ADOPTION =
      Pattern.compile("\\b(?:adopt(?:s|ion|ed)?|identical)\\b", Pattern.CASE_INSENSITIVE);

  private final String sourceName;
  private final ObjectMapper json;

  public AiActMapReader(String sourceName, ObjectMapper json) {
    this.sourceName = sourceName;
    this.json = json;
  }

  /** Hands one outcome per standard (and per broken mapping) to {@code sink}, in file order. */
  public void read(InputStream in, Consumer<FeedRecord> sink) throws IOException {
    JsonNode root;
    try {
      root = json.readTree(in);
    } catch (JsonProcessingException e) {
      throw new IOException(
          "not JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    if (root == null || !root.path("standards").isArray()) {
      throw new IOException("not an AI Act map: no 'standards' list");
    }

    Map<String, String> articles = new LinkedHashMap<>();
    JsonNode articleList = root.path("articles");
    for (int i = 0; i < articleList.size(); i++) {
      JsonNode a = articleList.get(i);
      String id = text(a, "id");
      String title = PlainText.line(text(a, "title"));
      if (id == null || title == null) {
        sink.accept(
            new FeedRecord.Rejected("articles[" + i + "]", "an article needs an id and a title"));
      } else {
        articles.put(id, title);
      }
    }

    Set<String> standardIds = new LinkedHashSet<>();
    root.path("standards").forEach(s -> standardIds.add(text(s, "id")));
    Map<String, List<String>> supports = new LinkedHashMap<>();
    JsonNode mappings = root.path("mappings");
    for (int i = 0; i < mappings.size(); i++) {
      JsonNode m = mappings.get(i);
      String article = text(m, "article");
      String where = "mappings[" + i + "]";
      if (article == null || !articles.containsKey(article)) {
        sink.accept(
            new FeedRecord.Rejected(
                where, "article '" + article + "' is not among the map's articles"));
        continue;
      }
      for (JsonNode std : m.path("standards")) {
        String id = std.asText();
        if (!standardIds.contains(id)) {
          sink.accept(
              new FeedRecord.Rejected(
                  where, "standard '" + id + "' is not among the map's standards"));
          continue;
        }
        List<String> list = supports.computeIfAbsent(id, k -> new ArrayList<>());
        String keyword = "EU AI Act " + articles.get(article);
        if (!list.contains(keyword)) {
          list.add(keyword);
        }
      }
    }

    JsonNode standards = root.path("standards");
    for (int i = 0; i < standards.size(); i++) {
      JsonNode s = standards.get(i);
      String code = text(s, "code");
      String where = "standards[" + i + "]" + (code == null ? "" : " (" + code + ")");
      try {
        sink.accept(
            new FeedRecord.Mapped(where, map(s, supports.getOrDefault(text(s, "id"), List.of()))));
      } catch (IllegalArgumentException e) {
        sink.accept(new FeedRecord.Rejected(where, e.getMessage()));
      }
    }
  }

  private Standard map(JsonNode s, List<String> articleKeywords) {
    String code = PlainText.line(text(s, "code"));
    if (code == null) {
      throw new IllegalArgumentException("code: missing (the standard's identifier, 'prEN 18228')");
    }
    // A standard the map gives no title is still a record, shown by its code.
    String title = PlainText.line(text(s, "title"));
    String scope =
        PlainText.clean(text(s, "scope"), PlainText.Field.ABSTRACT, PlainText.Markup.TEXT);
    JsonNode stage = s.path("stage");
    if (!stage.isMissingNode()
        && !stage.isNull()
        && !stage.asText().matches("\\d{2}(\\.\\d{2})?")) {
      throw new IllegalArgumentException(
          "stage: '" + stage.asText() + "' is not a CEN stage code (10, 20, 40, ...)");
    }
    return Standard.builder(code)
        .title(title == null ? Map.of() : Map.of("en", title))
        .summary(scope == null ? Map.of() : Map.of("en", scope))
        .sdo(SDO)
        .committee(COMMITTEE)
        .type(PublicationType.INTERNATIONAL_STANDARD)
        .status(Status.DRAFT)
        .stage(stage.isMissingNode() || stage.isNull() ? null : stage.asText())
        .kind(Kind.STANDARD)
        .keywords(articleKeywords)
        .relations(cited((title == null ? "" : title) + "\n" + (scope == null ? "" : scope)))
        .source(sourceName)
        .build();
  }

  /** The ISO and IEC standards a text names, in order, each once. */
  static List<Relation> cited(String text) {
    Map<String, RelationType> found = new LinkedHashMap<>();
    for (String sentence : text.split("(?<=[.;])\\s+")) {
      Matcher m = CITED.matcher(sentence);
      while (m.find()) {
        RelationType type =
            ADOPTION.matcher(sentence).find() ? RelationType.ADOPTS : RelationType.RELATED;
        found.putIfAbsent(m.group(), type);
      }
    }
    List<Relation> out = new ArrayList<>();
    found.forEach((target, type) -> out.add(Relation.of(type, target)));
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }
}
