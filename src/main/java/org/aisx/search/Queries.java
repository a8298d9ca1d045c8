package org.aisx.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a validated {@link SearchRequest} into Lucene queries: words across the text fields,
 * identifiers as people type them, facet filters, the year range and the order. Queries are
 * analysed with the same per-field analyzer the documents were indexed with.
 */
final class Queries {
  private static final Pattern WORD = Pattern.compile("\"[^\"]*\"|\\S+");
  private static final float IDENTIFIER_BOOST = 6f;

  /**
   * The weight of a phrase another source uses for what the query names, against the query's own
   * words: its matches come after records using the query's words.
   */
  private static final float EXPANSION_BOOST = 0.5f;

  private final Analyzer analyzer;
  private final FacetsConfig facetsConfig;
  private final QueryExpansion expansion;

  Queries(Analyzer analyzer, FacetsConfig facetsConfig, QueryExpansion expansion) {
    this.analyzer = analyzer;
    this.facetsConfig = facetsConfig;
    this.expansion = expansion;
  }

  Query query(SearchRequest request) throws IOException {
    Query text;
    if (request.q().isEmpty()) {
      text = new MatchAllDocsQuery();
    } else {
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      either.add(textQuery(request.q()), BooleanClause.Occur.SHOULD);
      Query identifier = identifierQuery(request.q());
      if (identifier != null) {
        either.add(new BoostQuery(identifier, IDENTIFIER_BOOST), BooleanClause.Occur.SHOULD);
      } else {
        // Identifier queries are left as typed; words may also mean another source's phrase.
        for (String phrase : expansion.alternatives(request.q())) {
          Query p = parser().parse("\"" + phrase + "\"");
          if (p != null && !(p instanceof org.apache.lucene.search.MatchNoDocsQuery)) {
            either.add(new BoostQuery(p, EXPANSION_BOOST), BooleanClause.Occur.SHOULD);
          }
        }
      }
      text = either.build();
    }
    // With words, relevance is the text score times currency; with none, there is nothing to
    // score: sort() orders by currency and date instead.
    Query ranked =
        request.q().isEmpty()
            ? new ConstantScoreQuery(text)
            : FunctionScoreQuery.boostByValue(
                text, DoubleValuesSource.fromDoubleField(IndexFields.CURRENCY));
    if (request.fromYear() == null && request.toYear() == null) {
      return ranked;
    }
    int from = request.fromYear() == null ? Integer.MIN_VALUE : request.fromYear();
    int to = request.toYear() == null ? Integer.MAX_VALUE : request.toYear();
    return new BooleanQuery.Builder()
        .add(ranked, BooleanClause.Occur.MUST)
        .add(IntPoint.newRangeQuery(IndexFields.YEAR, from, to), BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * Words across titles, abstracts, keywords, committee and identifier: a short query must match
   * every word, a longer one most of them (so a sentence still finds something).
   */
  private SimpleQueryParser parser() {
    SimpleQueryParser parser =
        new SimpleQueryParser(
            analyzer,
            IndexFields.TEXT_FIELD_WEIGHTS,
            SimpleQueryParser.PHRASE_OPERATOR
                | SimpleQueryParser.PREFIX_OPERATOR
                | SimpleQueryParser.WHITESPACE_OPERATOR);
    parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
    return parser;
  }

  private Query textQuery(String q) {
    SimpleQueryParser parser = parser();
    // One clause per word (or quoted phrase), each matching across all text fields; "-word"
    // excludes. Built here rather than by the parser so that "most words must match" counts
    // words, never fields.
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    int wanted = 0;
    boolean excluded = false;
    Matcher m = WORD.matcher(q);
    while (m.find()) {
      String word = m.group();
      boolean not = word.length() > 1 && word.startsWith("-");
      Query part = parser.parse(not ? word.substring(1) : word);
      if (part == null || part instanceof org.apache.lucene.search.MatchNoDocsQuery) {
        continue; // a stop word, or only punctuation
      }
      if (not) {
        words.add(part, BooleanClause.Occur.MUST_NOT);
        excluded = true;
      } else {
        words.add(part, BooleanClause.Occur.SHOULD);
        wanted++;
      }
    }
    if (wanted == 0) {
      return excluded
          ? words.add(new MatchAllDocsQuery(), BooleanClause.Occur.SHOULD).build()
          : new org.apache.lucene.search.MatchNoDocsQuery("no searchable words");
    }
    words.setMinimumNumberShouldMatch(wanted <= 3 ? wanted : (int) Math.ceil(wanted * 0.6));
    return words.build();
  }

  /**
   * When the query holds a number, also try it as an identifier: every token must appear, as it was
   * typed or as the number inside it ("P7001" matches "IEEE P7001" and "7001").
   */
  Query identifierQuery(String q) throws IOException {
    if (!q.chars().anyMatch(Character::isDigit)) {
      return null;
    }
    List<List<String>> positions = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(IndexFields.IDENTIFIER, q)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() > 0 || positions.isEmpty()) {
          positions.add(new ArrayList<>());
        }
        positions.get(positions.size() - 1).add(term.toString());
      }
      ts.end();
    }
    if (positions.isEmpty() || positions.size() > 12) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (List<String> alternatives : positions) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String t : alternatives) {
        any.add(new TermQuery(new Term(IndexFields.IDENTIFIER, t)), BooleanClause.Occur.SHOULD);
      }
      all.add(any.build(), BooleanClause.Occur.MUST);
    }
    return all.build();
  }

  /**
   * The records a query names by identifier ({@link #identifierQuery}), current editions first
   * (identifier score × currency, then newest); null when the query holds no identifier.
   */
  Query namedRecords(SearchRequest request) throws IOException {
    if (request.q().isEmpty()) {
      return null;
    }
    Query identifier = identifierQuery(request.q());
    if (identifier == null) {
      return null;
    }
    return withYears(
        FunctionScoreQuery.boostByValue(
            identifier, DoubleValuesSource.fromDoubleField(IndexFields.CURRENCY)),
        request);
  }

  static Sort sort(SearchRequest request) {
    SortField newest = new SortField(IndexFields.PUBLISHED_SORT, SortField.Type.LONG, true);
    return switch (request.sort()) {
      case RELEVANCE ->
          request.q().isEmpty()
              ? new Sort(new SortField(IndexFields.CURRENCY, SortField.Type.DOUBLE, true), newest)
              : new Sort(SortField.FIELD_SCORE, newest);
      case DATE -> new Sort(newest, SortField.FIELD_SCORE);
      case IDENTIFIER ->
          new Sort(new SortField(IndexFields.IDENTIFIER_SORT, SortField.Type.STRING));
    };
  }

  static Query withYears(Query q, SearchRequest request) {
    if (request.fromYear() == null && request.toYear() == null) {
      return q;
    }
    int from = request.fromYear() == null ? Integer.MIN_VALUE : request.fromYear();
    int to = request.toYear() == null ? Integer.MAX_VALUE : request.toYear();
    return new BooleanQuery.Builder()
        .add(q, BooleanClause.Occur.MUST)
        .add(IntPoint.newRangeQuery(IndexFields.YEAR, from, to), BooleanClause.Occur.FILTER)
        .build();
  }

  DrillDownQuery drillDown(Query base, SearchRequest request) {
    DrillDownQuery ddq = new DrillDownQuery(facetsConfig, base);
    request
        .filters()
        .forEach(
            (facet, values) ->
                values.forEach(v -> ddq.add(IndexSchema.dimension(facet, request), v)));
    return ddq;
  }

  Query facetTerm(Facet facet, String value) {
    return new TermQuery(
        DrillDownQuery.term(
            facetsConfig.getDimConfig(facet.id()).indexFieldName, facet.id(), value));
  }
}
