package org.aisx.search;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
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
  private static final Pattern HYPHENATED = Pattern.compile("\\p{L}+(?:-\\p{L}+){2,}");
  private static final Pattern MENTION_SEPARATOR = Pattern.compile("[\\s,;]+");
  private static final float IDENTIFIER_BOOST = 6f;

  /**
   * The weight of a phrase another source uses for what the query names, against the query's own
   * words: its matches come after records using the query's words.
   */
  private static final float EXPANSION_BOOST = 0.5f;

  /**
   * The weight of the English words of a vocabulary entry the query names in another language: an
   * optional clause, so that English-only records match; records matching the query's own words are
   * put first by {@code SearchIndex} in keyword searches by relevance.
   */
  private static final float TRANSLATION_BOOST = 0.5f;

  private final Analyzer analyzer;
  private final FacetsConfig facetsConfig;
  private final QueryExpansion expansion;
  private final QueryTranslation translation;
  private final Committees committees;

  /** The committee a name squashed by {@link Facet#squash} stands for ({@link FacetCache}). */
  @FunctionalInterface
  interface Committees {
    /** The committee whose squashed name is {@code key} in the searcher's index, or null. */
    String named(IndexSearcher searcher, String key) throws IOException;

    /** No committee is ever named. */
    Committees NONE = (searcher, key) -> null;
  }

  Queries(
      Analyzer analyzer,
      FacetsConfig facetsConfig,
      QueryExpansion expansion,
      QueryTranslation translation,
      Committees committees) {
    this.analyzer = analyzer;
    this.facetsConfig = facetsConfig;
    this.expansion = expansion;
    this.translation = translation;
    this.committees = committees;
  }

  /** The vocabulary entries the request's words name in another language than English. */
  List<QueryTranslation.Translation> translations(SearchRequest request) {
    return request.q().isEmpty() ? List.of() : translation.translate(request.q());
  }

  /**
   * What the query built from a request depends on besides the request itself, and which can change
   * while the index does not: the glossary's other words for it and its translations by the
   * vocabularies. A query built from equal requests with equal variables is equal.
   */
  record Variables(List<String> alternatives, List<QueryTranslation.Translation> translations) {}

  /** The {@link Variables} of {@code request} now: cheaper to find than the query itself. */
  Variables variables(SearchRequest request) {
    boolean expanded = !request.q().isEmpty() && !hasDigit(request.q());
    return new Variables(
        expanded ? List.copyOf(expansion.alternatives(request.q())) : List.of(),
        translations(request));
  }

  /**
   * Whether the request's words are only stop words, which no search looks for: each is a stop word
   * of English ("the of and"), or each is one of another language of the text fields (its
   * analyzer's stop words), the query names nothing the vocabularies translate, and the English
   * reading of its words finds nothing ("le la les"; "AI", a French stop word, is also English's
   * word for what it names, and is searched). A quoted phrase or a prefix is never a stop word, nor
   * is a query without any word that has a letter or a digit.
   */
  boolean onlyStopWords(SearchRequest request, IndexSearcher searcher) throws IOException {
    if (!request.hasWords()) {
      return false;
    }
    List<String> wanted =
        words(request.q()).wanted().stream()
            .filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit))
            .toList();
    if (wanted.isEmpty() || wanted.stream().anyMatch(w -> w.endsWith("*") || w.startsWith("\""))) {
      return false;
    }
    if (allStopWords("en", wanted)) {
      return true;
    }
    for (String lang : new java.util.TreeSet<>(IndexFields.LANGUAGES.keySet())) {
      if (!lang.equals("en") && allStopWords(lang, wanted)) {
        if (!translations(request).isEmpty()) {
          return false;
        }
        String english = IndexFields.title("en");
        Query inEnglish =
            allOrMost(IndexFields.TEXT_FIELDS_BY_LANGUAGE.get(english), english, wanted);
        return inEnglish == null || searcher.count(inEnglish) == 0;
      }
    }
    return false;
  }

  /** Whether every one of {@code words} is a stop word of the language {@code lang}. */
  private static boolean allStopWords(String lang, List<String> words) {
    org.apache.lucene.analysis.CharArraySet stop =
        ((org.apache.lucene.analysis.StopwordAnalyzerBase) IndexFields.LANGUAGES.get(lang))
            .getStopwordSet();
    return words.stream().allMatch(w -> stop.contains(w.toLowerCase(Locale.ROOT)));
  }

  /**
   * The words whose meaning a search by meaning looks for: the query without its excluded words and
   * its prefixes, which every mode matches by words ({@link #heldToWords}), with what it names in
   * another language in English ({@link #inEnglish}); empty when nothing is left to look for by
   * meaning (no letter or digit, or only stop words). The query itself when it has none of these.
   */
  String meaningText(SearchRequest request, IndexSearcher searcher) throws IOException {
    if (!request.hasWords() || onlyStopWords(request, searcher)) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    boolean dropped = false;
    Matcher m = WORD.matcher(request.q());
    while (m.find()) {
      String word = m.group();
      if (excludedWord(word) || prefixWord(word)) {
        dropped = true;
      } else {
        kept.add(word);
      }
    }
    String text = dropped ? String.join(" ", kept) : request.q();
    return text.codePoints().anyMatch(Character::isLetterOrDigit) ? inEnglish(text, request) : "";
  }

  /**
   * {@code text} with each phrase the vocabularies translate replaced by the English words shown
   * for it ({@link #translations}): the model that embeds the query reads English, and a phrase in
   * another language beside its translation ("biais (bias)") pulls the query away from the English
   * records, so that none is close enough in meaning. A phrase no longer in {@code text} (inside an
   * excluded word) is left out.
   */
  private String inEnglish(String text, SearchRequest request) {
    String out = text;
    for (QueryTranslation.Translation t : translations(request)) {
      int at = out.indexOf(t.matched());
      if (at >= 0) {
        out = out.substring(0, at) + t.shown() + out.substring(at + t.matched().length());
      }
    }
    return out;
  }

  private static boolean excludedWord(String word) {
    return word.length() > 1 && word.startsWith("-");
  }

  private static boolean prefixWord(String word) {
    return word.endsWith("*") && !word.startsWith("\"");
  }

  /**
   * {@code byMeaning} (the records close in meaning to the query) held to what the query's words
   * ask of every record in keyword mode too: each of its prefixes ("manag*", "Y.317*") matches as a
   * keyword search matches it, and none of its excluded words ("-quality") does. {@code byMeaning}
   * itself when the query has neither.
   */
  Query heldToWords(Query byMeaning, SearchRequest request) {
    if (request.q().isEmpty()) {
      return byMeaning;
    }
    List<Query> excluded = excluded(words(request.q()));
    List<Query> prefixes = new ArrayList<>();
    SimpleQueryParser everywhere = parser(IndexFields.TEXT_FIELD_WEIGHTS);
    Matcher m = WORD.matcher(request.q());
    while (m.find()) {
      String word = m.group();
      if (excludedWord(word) || !prefixWord(word)) {
        continue;
      }
      for (String part : parts(word)) {
        if (part.codePoints().noneMatch(Character::isLetterOrDigit)) {
          continue; // a stray "**"
        }
        Query q = everywhere.parse(part);
        if (q != null && !(q instanceof MatchNoDocsQuery)) {
          prefixes.add(q);
        }
      }
    }
    if (excluded.isEmpty() && prefixes.isEmpty()) {
      return byMeaning;
    }
    BooleanQuery.Builder held = new BooleanQuery.Builder().add(byMeaning, BooleanClause.Occur.MUST);
    prefixes.forEach(p -> held.add(p, BooleanClause.Occur.FILTER));
    excluded.forEach(e -> held.add(e, BooleanClause.Occur.MUST_NOT));
    return held.build();
  }

  /**
   * The request's words, with the English words of what they name in another language. {@code
   * searcher} tells whether the query names one identifier or several ({@link #namedIdentifiers}).
   */
  Query query(SearchRequest request, IndexSearcher searcher) throws IOException {
    return query(request, true, searcher);
  }

  /** The request's words as typed (and the glossary's other words), without translation. */
  Query original(SearchRequest request, IndexSearcher searcher) throws IOException {
    return query(request, false, searcher);
  }

  private Query query(SearchRequest request, boolean translated, IndexSearcher searcher)
      throws IOException {
    SearchRequest.checkPrefixes(request.q()); // also checked as the request is read
    Query text;
    if (request.q().isEmpty()) {
      text = new MatchAllDocsQuery();
    } else if (!request.hasWords()) {
      // Punctuation, symbols and emoji alone ("*", "*:*", "\"", "🤖"): nothing to look for.
      text = new MatchNoDocsQuery("no letter or digit");
    } else if (onlyStopWords(request, searcher)) {
      text = new MatchNoDocsQuery("only stop words");
    } else {
      Words words = words(request.q());
      List<Query> excluded = excluded(words);
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      either.add(textQuery(words), BooleanClause.Occur.SHOULD);
      Query identifier = identifierQuery(request.q(), searcher);
      if (identifier != null) {
        either.add(new BoostQuery(identifier, IDENTIFIER_BOOST), BooleanClause.Occur.SHOULD);
      }
      String committee = committeeNamed(request.q(), searcher);
      if (committee != null) {
        // The whole query is a committee's name: its work matches, however the name was spelt.
        either.add(
            new ConstantScoreQuery(facetTerm(Facet.COMMITTEE, committee)),
            BooleanClause.Occur.SHOULD);
      }
      if (!hasDigit(request.q())) {
        // Identifier queries are left as typed; words may also mean another source's phrase.
        for (String phrase : expansion.alternatives(request.q())) {
          Query p = parser(IndexFields.TEXT_FIELD_WEIGHTS).parse("\"" + phrase + "\"");
          if (p != null && !(p instanceof org.apache.lucene.search.MatchNoDocsQuery)) {
            either.add(
                new BoostQuery(without(p, excluded), EXPANSION_BOOST), BooleanClause.Occur.SHOULD);
          }
        }
      }
      if (translated) {
        for (QueryTranslation.Translation t : translations(request)) {
          for (String phrase : t.english()) {
            Query p = parser(IndexFields.TEXT_FIELD_WEIGHTS).parse("\"" + phrase + "\"");
            if (p != null && !(p instanceof MatchNoDocsQuery)) {
              either.add(
                  new BoostQuery(without(p, excluded), TRANSLATION_BOOST),
                  BooleanClause.Occur.SHOULD);
            }
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
   * every word, a longer one most of them (so a sentence still finds something). The words are read
   * once per language of the text fields ({@link IndexFields#LANGUAGES} and the fields of other
   * languages), each time with that language's analyzer over that language's title and abstract
   * plus the fields of no language; a record matches when it matches in one language. So a word
   * that is a stop word in the record's language is not asked for: "quality of service" finds the
   * English titles (where "of" was never indexed), "technologies de l'information" the French ones.
   * Excluded words ("-word") exclude in every field. A word is what the analyzer reads as one
   * ({@link #words}): "risk/management" asks for "risk" and "management".
   */
  private Query textQuery(Words words) {
    BooleanQuery.Builder matches = new BooleanQuery.Builder();
    List<Query> excluded = excluded(words);
    excluded.forEach(part -> matches.add(part, BooleanClause.Occur.MUST_NOT));
    // Scored by the record's best language, so that the fields of no language, which every
    // language's reading shares, are not counted once per language.
    List<Query> languages = new ArrayList<>();
    for (Map.Entry<String, Map<String, Float>> language :
        IndexFields.TEXT_FIELDS_BY_LANGUAGE.entrySet()) {
      Query inLanguage = allOrMost(language.getValue(), language.getKey(), words.wanted());
      if (inLanguage != null) {
        languages.add(inLanguage);
      }
    }
    if (languages.isEmpty()) {
      return !excluded.isEmpty()
          ? matches.add(new MatchAllDocsQuery(), BooleanClause.Occur.SHOULD).build()
          : new MatchNoDocsQuery("no searchable words");
    }
    return matches.add(new DisjunctionMaxQuery(languages, 0f), BooleanClause.Occur.MUST).build();
  }

  /** The query's excluded words ("-word"), each as it matches in any field. */
  private List<Query> excluded(Words words) {
    List<Query> out = new ArrayList<>();
    SimpleQueryParser everywhere = parser(IndexFields.TEXT_FIELD_WEIGHTS);
    for (String word : words.excluded()) {
      Query part = everywhere.parse(word);
      if (part != null && !(part instanceof MatchNoDocsQuery)) {
        out.add(part);
      }
    }
    return out;
  }

  /** {@code q} without the records {@code excluded} match. */
  private static Query without(Query q, List<Query> excluded) {
    if (excluded.isEmpty()) {
      return q;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
    excluded.forEach(e -> b.add(e, BooleanClause.Occur.MUST_NOT));
    return b.build();
  }

  /**
   * The words of a query: {@code wanted} and {@code excluded} ("-word", without its minus), each a
   * quoted phrase, or a word as the analyzers of the text fields read one. A word typed with
   * punctuation inside it that the tokenizer splits at ("risk/management", "risk(2)", "AI-driven")
   * is as many words, each asked for, as if typed with spaces; a prefix's star stays on its last
   * part ("risk/manag*": "risk" and "manag*"). Punctuation the tokenizer keeps inside a word
   * ("l'information", "e.g", "3.14") and letters written together without any (ideographs, which
   * each language's analyzer cuts its own way) leave the word whole.
   */
  record Words(List<String> wanted, List<String> excluded) {}

  static Words words(String q) {
    List<String> wanted = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    Matcher m = WORD.matcher(q);
    while (m.find()) {
      String word = m.group();
      if (word.length() > 1 && word.startsWith("-")) {
        excluded.addAll(parts(word.substring(1)));
      } else {
        wanted.addAll(parts(word));
      }
    }
    return new Words(List.copyOf(wanted), List.copyOf(excluded));
  }

  /** The words {@code word} (typed without spaces) holds, split where the tokenizer splits it. */
  static List<String> parts(String word) {
    if (word.length() > 1 && word.startsWith("\"") && word.endsWith("\"")) {
      return List.of(word); // a phrase, read by the parser as one
    }
    String body = word;
    while (body.endsWith("*")) {
      body = body.substring(0, body.length() - 1);
    }
    boolean prefix = body.length() < word.length();
    List<int[]> runs = new ArrayList<>();
    try (org.apache.lucene.analysis.standard.StandardTokenizer tokens =
        new org.apache.lucene.analysis.standard.StandardTokenizer()) {
      tokens.setReader(new java.io.StringReader(body));
      org.apache.lucene.analysis.tokenattributes.OffsetAttribute offset =
          tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last != null && last[1] == offset.startOffset()) {
          last[1] = offset.endOffset(); // written together: one word (ideographs)
        } else {
          runs.add(new int[] {offset.startOffset(), offset.endOffset()});
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // reading a String cannot fail
    }
    if (runs.size() < 2) {
      return List.of(word);
    }
    List<String> out = new ArrayList<>();
    for (int[] run : runs) {
      boolean last = run == runs.get(runs.size() - 1);
      out.add(
          body.substring(run[0], run[1]) + (last && prefix && run[1] == body.length() ? "*" : ""));
    }
    return out;
  }

  private SimpleQueryParser parser(Map<String, Float> fields) {
    SimpleQueryParser parser =
        new WordsAndPrefixes(
            analyzer,
            fields,
            SimpleQueryParser.PHRASE_OPERATOR
                | SimpleQueryParser.PREFIX_OPERATOR
                | SimpleQueryParser.WHITESPACE_OPERATOR);
    parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
    return parser;
  }

  /**
   * The parser of the query's words, whose prefixes ({@code managem*}) match the words as written
   * ({@link IndexFields#prefixField}: the analyzer of a title or an abstract stems "management" to
   * "manag", which no longer starts with "managem") and also find what the word itself finds, as
   * the field's analyzer reads it, so that {@code word*} finds at least what {@code word} does.
   */
  private static final class WordsAndPrefixes extends SimpleQueryParser {
    WordsAndPrefixes(Analyzer analyzer, Map<String, Float> weights, int flags) {
      super(analyzer, weights, flags);
    }

    @Override
    protected Query newPrefixQuery(String text) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      Query word = newDefaultQuery(text);
      if (word != null && !(word instanceof MatchNoDocsQuery)) {
        any.add(word, BooleanClause.Occur.SHOULD);
      }
      Map<String, Float> fields = new java.util.TreeMap<>();
      for (Map.Entry<String, Float> field : weights.entrySet()) {
        fields.merge(IndexFields.prefixField(field.getKey()), field.getValue(), Math::max);
      }
      for (Map.Entry<String, Float> field : fields.entrySet()) {
        // Constant-scoring, as the prefix's rewrite already scores, and so a filter to the
        // searcher: the query cache keeps the words it matches per segment, which each of the
        // language readings of the query (textQuery) would otherwise look up again.
        Query prefix =
            new ConstantScoreQuery(
                new PrefixQuery(
                    new Term(field.getKey(), getAnalyzer().normalize(field.getKey(), text))));
        any.add(
            field.getValue() == 1f ? prefix : new BoostQuery(prefix, field.getValue()),
            BooleanClause.Occur.SHOULD);
      }
      return any.build();
    }
  }

  /**
   * One clause per word (or quoted phrase), each matching across the language's fields {@code
   * fields}; every word wanted of up to three, 60 % of more. Built here rather than by the parser
   * so that "most words must match" counts words, never fields. A stop word of the language (its
   * {@code title} field's analyzer leaves nothing of it) is not asked for, even where the
   * identifier or committee fields would keep it. A word the language's stemmer reduces to next to
   * nothing ({@link #stemmedAway}: "aaaaa" is "a" to the French stemmer) is asked for as written,
   * in the words as written of titles and abstracts ({@link IndexFields#prefixField}). Null when
   * every word is a stop word.
   */
  private Query allOrMost(Map<String, Float> fields, String title, List<String> words) {
    SimpleQueryParser parser = parser(fields);
    SimpleQueryParser asWritten = null;
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int wanted = 0;
    for (String word : words) {
      if (word.endsWith("*")
          ? word.codePoints().noneMatch(Character::isLetterOrDigit)
          : !hasTokens(title, word)) {
        continue; // a stop word of the language (a prefix, "the*", is not one), or a stray "**"
      }
      Query part;
      if (!word.endsWith("*") && !word.startsWith("\"") && stemmedAway(title, word)) {
        if (asWritten == null) {
          Map<String, Float> written = new java.util.TreeMap<>();
          fields.forEach((f, w) -> written.merge(IndexFields.prefixField(f), w, Math::max));
          asWritten = parser(written);
        }
        part = asWritten.parse(word);
      } else {
        part = parser.parse(word);
      }
      if (part != null && !(part instanceof MatchNoDocsQuery)) {
        all.add(part, BooleanClause.Occur.SHOULD);
        wanted++;
      }
    }
    if (wanted == 0) {
      return null;
    }
    all.setMinimumNumberShouldMatch(wanted <= 3 ? wanted : (int) Math.ceil(wanted * 0.6));
    return all.build();
  }

  /**
   * Whether {@code field}'s analyzer reduces {@code word} to next to nothing, so that its stem
   * would match records that have nothing of the word: a word of five or more letters and digits
   * one of whose stems is shorter than three, or a word with a letter three times in a row (the
   * French stemmer takes doubled letters out: "aaaaa" and "bbbbbb" become "a" and "b", which every
   * list item "a)" and "b)" holds). Such a word is matched as written; what it finds so holds the
   * word as typed. A word the analyzer cuts in several tokens (ideographs) is not reduced.
   */
  private boolean stemmedAway(String field, String word) {
    if (TRIPLED.matcher(word).find()) {
      return true;
    }
    if (word.codePoints().filter(Character::isLetterOrDigit).count() < 5) {
      return false;
    }
    try (TokenStream ts = analyzer.tokenStream(field, word)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      int tokens = 0;
      boolean shortStem = false;
      while (ts.incrementToken()) {
        tokens++;
        shortStem = term.length() < 3;
      }
      ts.end();
      // One word, one stem: a word an analyzer cuts in several (ideographs) is not reduced.
      return tokens == 1 && shortStem;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final Pattern TRIPLED =
      Pattern.compile("(\\p{L})\\1\\1", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Whether {@code field}'s analyzer keeps anything of {@code text}. */
  private boolean hasTokens(String field, String text) {
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      ts.reset();
      boolean any = ts.incrementToken();
      while (ts.incrementToken()) {
        // drain, as the TokenStream contract asks before end()
      }
      ts.end();
      return any;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The identifiers {@code q} names: {@code q} itself, or, when it holds several numbers and no
   * record's identifiers hold all its tokens together ("42001 42005", "ISO/IEC 42001, ISO/IEC
   * 42005"), each number with the words of letters just before it ({@link #mentions}). A query that
   * names one publication in several numbers ("ITU-T Y.3172 (06/2019)", "iso iec 42001 2023") finds
   * it as a whole, and stays one identifier.
   */
  List<String> namedIdentifiers(String q, IndexSearcher searcher) throws IOException {
    Named last = lastNamed.get();
    if (last != null && last.q().equals(q) && last.reader().get() == searcher.getIndexReader()) {
      return last.identifiers();
    }
    List<String> named = identifiersNamed(q, searcher);
    lastNamed.set(new Named(q, new WeakReference<>(searcher.getIndexReader()), named));
    return named;
  }

  private List<String> identifiersNamed(String q, IndexSearcher searcher) throws IOException {
    List<String> mentions = mentions(q);
    if (mentions.size() < 2) {
      return List.of(q);
    }
    Query whole = identifierQuery(q);
    if (whole != null && searcher.count(whole) > 0) {
      return List.of(q);
    }
    // Too many tokens for one identifier (five "ISO/IEC nnnnn" need 15), or no record holds them
    // together: each mention on its own, as many as a query can name at most.
    return mentions.size() > MAX_NAMED ? List.copyOf(mentions.subList(0, MAX_NAMED)) : mentions;
  }

  /**
   * The most identifiers one query is read as naming: a pasted list of references stays a bounded
   * number of small queries.
   */
  static final int MAX_NAMED = 20;

  /**
   * The last answer of {@link #namedIdentifiers}, which one search asks for several times (the text
   * query, the named records, their order): for the same query over the same index reader it is the
   * same. The reader is held weakly, so that one the searcher manager has replaced is not kept
   * alive by it.
   */
  private record Named(String q, WeakReference<IndexReader> reader, List<String> identifiers) {}

  private final AtomicReference<Named> lastNamed = new AtomicReference<>();

  /**
   * {@link #identifierQuery(String)} of each identifier {@code q} names ({@link
   * #namedIdentifiers}): a record named by any of them matches. Null when it names none.
   */
  Query identifierQuery(String q, IndexSearcher searcher) throws IOException {
    List<String> named = namedIdentifiers(q, searcher);
    if (named.size() == 1) {
      return identifierQuery(named.get(0));
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int parts = 0;
    for (String one : named) {
      Query part = identifierQuery(one);
      if (part != null) {
        any.add(part, BooleanClause.Occur.SHOULD);
        parts++;
      }
    }
    return parts == 0 ? null : any.build();
  }

  /**
   * The parts of {@code q} that may each be an identifier: every word holding a digit, with the
   * words of letters alone just before it ("ISO/IEC 42001 ISO/IEC 42005": "ISO/IEC 42001", "ISO/IEC
   * 42005"); words are separated by spaces, commas and semicolons. English stop words join mentions
   * rather than belong to one ("ISO/IEC 42001 and ISO/IEC 42005"); words of letters after the last
   * number are left out.
   */
  static List<String> mentions(String q) {
    List<String> out = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String word : MENTION_SEPARATOR.split(q.strip())) {
      if (word.isEmpty()
          || word.equals("&")
          || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (pending.length() > 0) {
        pending.append(' ');
      }
      pending.append(word);
      if (hasDigit(word)) {
        out.add(pending.toString());
        pending.setLength(0);
      }
    }
    return out;
  }

  /**
   * When the query holds a number, or is one word of three or more runs of letters joined by
   * hyphens (a W3C short name such as "REC-speech-grammar"), also try it as an identifier: every
   * token must appear, as it was typed or as the number inside it ("P7001" matches "IEEE P7001" and
   * "7001"; {@link IdentifierMatch} then puts the records that hold its letters too first).
   */
  Query identifierQuery(String q) throws IOException {
    if (!hasDigit(q) && !HYPHENATED.matcher(q.strip()).matches()) {
      return null;
    }
    // "Y.317*": the last token is a prefix (Y.3170 to Y.3179), the others are as typed.
    boolean prefix = IDENTIFIER_PREFIX.matcher(q.strip()).find();
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
    for (int i = 0; i < positions.size(); i++) {
      boolean last = prefix && i == positions.size() - 1;
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String t : positions.get(i)) {
        any.add(identifierTerm(t, last), BooleanClause.Occur.SHOULD);
      }
      all.add(any.build(), BooleanClause.Occur.MUST);
    }
    String joined = IdentifierMatch.joined(positions.stream().map(p -> p.get(0)).toList());
    if (joined == null) {
      return all.build();
    }
    // "WCAG 2.1" also as W3C writes it, "wcag21".
    return new BooleanQuery.Builder()
        .add(all.build(), BooleanClause.Occur.SHOULD)
        .add(identifierTerm(joined, prefix), BooleanClause.Occur.SHOULD)
        .build();
  }

  /** The identifier token {@code t}, or every token starting with it when {@code prefix}. */
  private static Query identifierTerm(String t, boolean prefix) {
    Term term = new Term(IndexFields.IDENTIFIER, t);
    return prefix ? new PrefixQuery(term) : new TermQuery(term);
  }

  /** A query ending in a prefix of an identifier: a letter or digit, then "*". */
  private static final Pattern IDENTIFIER_PREFIX = Pattern.compile("[\\p{L}\\p{N}]\\*+$");

  /**
   * The records a query names by identifier ({@link #identifierQuery}), current editions first
   * (identifier score × currency, then newest); null when the query holds no identifier.
   */
  Query identifiedRecords(SearchRequest request, IndexSearcher searcher) throws IOException {
    if (request.q().isEmpty()) {
      return null;
    }
    Query identifier = identifierQuery(request.q(), searcher);
    if (identifier == null) {
      return null;
    }
    return withYears(
        FunctionScoreQuery.boostByValue(
            identifier, DoubleValuesSource.fromDoubleField(IndexFields.CURRENCY)),
        request);
  }

  /**
   * The records a query names, which always match whatever their words or meaning: those it names
   * by identifier ({@link #identifiedRecords}) and the work of the committee the whole query names
   * ({@link #committeeNamed}). Null when it names none.
   */
  Query namedRecords(SearchRequest request, IndexSearcher searcher) throws IOException {
    Query identified = identifiedRecords(request, searcher);
    String committee = committeeNamed(request.q(), searcher);
    if (committee == null) {
      return identified;
    }
    Query work = withYears(facetTerm(Facet.COMMITTEE, committee), request);
    if (identified == null) {
      return work;
    }
    return new BooleanQuery.Builder()
        .add(identified, BooleanClause.Occur.SHOULD)
        .add(work, BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * The committee the whole query names in any case and spacing ({@code iso/iec jtc 1/sc 42}), or
   * null. Only a query of at least four letters and digits, without excluded words, is looked up.
   */
  String committeeNamed(String q, IndexSearcher searcher) throws IOException {
    if (q.isEmpty() || q.length() > 100) {
      return null;
    }
    if (q.startsWith("-") || q.contains(" -")) {
      return null; // the query excludes words: not a committee's name
    }
    String key = Facet.squash(q);
    if (key.length() < 4 || searcher.getIndexReader().numDocs() == 0) {
      return null; // an empty index has no facets to look the name up in
    }
    return committees.named(searcher, key);
  }

  private static boolean hasDigit(String q) {
    return q.chars().anyMatch(Character::isDigit);
  }

  /**
   * The order of a page that Lucene sorts (keyword pages, and pages by date or identifier in every
   * mode). Each order ends with the identifier, so that hits tied on everything before it (BM25
   * scores tie often: field lengths are stored as one byte) come in the same order whatever the
   * index's segments and document numbers, on every node and after every merge. The fused relevance
   * order of hybrid and semantic pages ({@code Fusion}) still breaks exact ties by document number.
   */
  /** The order of a list without words: current editions first, then the newest. */
  static Sort browsing() {
    return new Sort(
        new SortField(IndexFields.CURRENCY, SortField.Type.DOUBLE, true),
        new SortField(IndexFields.PUBLISHED_SORT, SortField.Type.LONG, true),
        new SortField(IndexFields.IDENTIFIER_SORT, SortField.Type.STRING));
  }

  static Sort sort(SearchRequest request) {
    SortField newest = new SortField(IndexFields.PUBLISHED_SORT, SortField.Type.LONG, true);
    SortField identifier = new SortField(IndexFields.IDENTIFIER_SORT, SortField.Type.STRING);
    return switch (request.sort()) {
      case RELEVANCE ->
          request.q().isEmpty() ? browsing() : new Sort(SortField.FIELD_SCORE, newest, identifier);
      case DATE -> new Sort(newest, SortField.FIELD_SCORE, identifier);
      case IDENTIFIER -> new Sort(identifier);
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
            (facet, values) -> {
              String dimension = IndexSchema.dimension(facet, request);
              if (facet == Facet.SDO && values.stream().anyMatch(Queries::jointBody)) {
                // A joint body ("ISO/IEC") is no value of the facet, which holds each body apart:
                // its records are those whose sdo it is, beside the other values' records.
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (String v : values) {
                  any.add(
                      jointBody(v) ? exactSdo(v) : facetTerm(facet, v), BooleanClause.Occur.SHOULD);
                }
                ddq.add(dimension, new ConstantScoreQuery(any.build()));
              } else {
                values.forEach(v -> ddq.add(dimension, v));
              }
            });
    return ddq;
  }

  /** Whether an {@code sdo} value names more than one body ("ISO/IEC"). */
  static boolean jointBody(String sdo) {
    return org.aisx.catalog.Standard.bodiesOf(sdo).size() > 1;
  }

  /** The records whose {@code sdo} is {@code sdo} as written, a joint body whole. */
  static Query exactSdo(String sdo) {
    return new TermQuery(new Term(IndexFields.SDO_EXACT, sdo));
  }

  Query facetTerm(Facet facet, String value) {
    return new TermQuery(
        DrillDownQuery.term(
            facetsConfig.getDimConfig(facet.id()).indexFieldName, facet.id(), value));
  }
}
