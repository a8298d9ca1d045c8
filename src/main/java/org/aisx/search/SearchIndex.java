package org.aisx.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.CatalogIndex;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of the catalogue: full text per language, identifiers as people type them,
 * facets counted drill-sideways, current editions ranked first. It is derived from the store and
 * can always be rebuilt from it; the store's event mark in each commit tells whether it is in step.
 */
public final class SearchIndex implements CatalogIndex, AutoCloseable {
  private static final String MARK = "storeMark";

  /**
   * What the documents hold; an index committed with another schema is rebuilt from the store when
   * opened. 2: taxonomy facets also indexed with machine suggestions ({@code <facet>_all}).
   */
  private static final String SCHEMA_KEY = "schema";

  static final String SCHEMA = "2";
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern DATE_DIGITS = Pattern.compile("\\d{4,8}");
  private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=\\d)");
  private static final Pattern WORD = Pattern.compile("\"[^\"]*\"|\\S+");
  private static final float IDENTIFIER_BOOST = 6f;

  private final Directory directory;
  private final Analyzer analyzer = Fields.analyzer();
  private final FacetsConfig facetsConfig = new FacetsConfig();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ObjectMapper json;
  private final VectorSource vectors;
  private final SuggestionSource suggestions;
  private final FacetCache facetCache = new FacetCache(facetsConfig);

  /**
   * Upserts are analysed and added on one thread of their own, in order, so that whoever writes the
   * store (an import) goes on with the next batch meanwhile; {@link #publish} waits for them.
   */
  private final java.util.concurrent.ExecutorService indexing =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "search-index");
            t.setDaemon(true);
            return t;
          });

  /** Bounds the records queued for indexing (and so the memory they hold). */
  private final java.util.concurrent.Semaphore queued = new java.util.concurrent.Semaphore(2_000);

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SearchIndex.class);

  /**
   * Set when a record could not be indexed: the index is then missing a record the store has, so
   * every later commit carries a mark that no store matches and the next start rebuilds it. The
   * failure is logged where it happens rather than thrown into whichever thread publishes next (a
   * request whose own write succeeded, or the embedding job).
   */
  private volatile boolean damaged;

  /** The mark committed while {@link #damaged}: never a store's, so the next start rebuilds. */
  private static final long DAMAGED_MARK = -2;

  private SearchIndex(
      Directory directory, ObjectMapper json, VectorSource vectors, SuggestionSource suggestions)
      throws IOException {
    this.directory = directory;
    this.json = json;
    this.vectors = vectors;
    this.suggestions = suggestions;
    for (Facet f : Facet.values()) {
      facetsConfig.setMultiValued(f.id(), f.taxonomy());
      if (f.taxonomy()) {
        facetsConfig.setMultiValued(withSuggestions(f), true);
      }
    }
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    // Only publish() commits, with the store mark; anything else is rebuilt from the store.
    config.setCommitOnClose(false);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens (or creates) the index in {@code dir}. */
  public static SearchIndex open(Path dir, ObjectMapper json) {
    return open(dir, json, VectorSource.NONE);
  }

  /** Opens (or creates) the index in {@code dir}, with records' embeddings from {@code vectors}. */
  public static SearchIndex open(Path dir, ObjectMapper json, VectorSource vectors) {
    return open(dir, json, vectors, SuggestionSource.NONE);
  }

  /**
   * Opens (or creates) the index in {@code dir}, with records' embeddings from {@code vectors} and
   * their machine classification from {@code suggestions}.
   */
  public static SearchIndex open(
      Path dir, ObjectMapper json, VectorSource vectors, SuggestionSource suggestions) {
    try {
      return new SearchIndex(FSDirectory.open(dir), json, vectors, suggestions);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + dir, e);
    }
  }

  /** The store mark of the last commit, or -1 when the index has never been committed. */
  public long committedMark() {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return -1;
      }
      String mark = SegmentInfos.readLatestCommit(directory).getUserData().get(MARK);
      return mark == null ? -1 : Long.parseLong(mark);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the search index commit", e);
    }
  }

  /** Whether the index reflects the store exactly as it is now. */
  public boolean inStepWith(CatalogStore store) {
    try {
      if (DirectoryReader.indexExists(directory)
          && !SCHEMA.equals(
              SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY))) {
        return false;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the search index commit", e);
    }
    long mark = committedMark();
    long storeMark = store.lastEventSeq();
    return mark == storeMark || (mark == -1 && storeMark == 0);
  }

  /** Drops every document and indexes the whole store again, atomically for readers. */
  public long rebuild(CatalogStore store, Progress progress) {
    long total = store.count();
    long mark = store.lastEventSeq();
    progress.start("Re-indexing", total);
    AtomicLong done = new AtomicLong();
    awaitIndexing();
    damaged = false; // every record is indexed again below, or this throws
    try {
      writer.deleteAll();
      store.forEach(
          s -> {
            try {
              writer.addDocument(document(s));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            long n = done.incrementAndGet();
            progress.advance(n, n);
          });
    } catch (IOException e) {
      throw new UncheckedIOException("re-indexing failed", e);
    }
    publish(mark);
    progress.finish(done.get() + " records indexed");
    return done.get();
  }

  /** Queues the record for indexing; it is durable and searchable after {@link #publish}. */
  @Override
  public void upsert(Standard record) {
    queue(record, true);
  }

  /**
   * Queues a record new to the store: added without first deleting an older document by id, which a
   * bulk load would otherwise pay for every record at each flush.
   */
  @Override
  public void add(Standard record) {
    queue(record, false);
  }

  private void queue(Standard record, boolean replace) {
    queued.acquireUninterruptibly();
    try {
      indexing.execute(
          () -> {
            try {
              if (replace) {
                writer.updateDocument(new Term(Fields.ID, record.id()), document(record));
              } else {
                writer.addDocument(document(record));
              }
            } catch (IOException | RuntimeException e) {
              damaged = true;
              LOG.error(
                  "cannot index record {}; the index will be rebuilt at the next start",
                  record.id(),
                  e);
            } finally {
              queued.release();
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      queued.release();
      throw new IllegalStateException("the search index is closed", closed);
    }
  }

  /** Waits until every queued upsert is in the writer (or logged as failed). */
  private void awaitIndexing() {
    try {
      indexing.submit(() -> {}).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the search index", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("indexing failed", e.getCause());
    }
  }

  @Override
  public void publish(long storeMark) {
    awaitIndexing();
    try {
      long mark = damaged ? DAMAGED_MARK : storeMark;
      writer.setLiveCommitData(Map.of(MARK, Long.toString(mark), SCHEMA_KEY, SCHEMA).entrySet());
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the search index", e);
    }
  }

  private Document document(Standard s) throws IOException {
    Map<String, List<String>> suggested = suggestions.suggestedFor(s);
    Document doc = new Document();
    doc.add(new StringField(Fields.ID, s.id(), Field.Store.YES));
    try {
      Hit hit = Hit.of(s, suggested);
      String written = hit.json();
      doc.add(
          new StoredField(
              Fields.DOCUMENT,
              written != null
                  ? written.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                  : json.writeValueAsBytes(hit)));
    } catch (JsonProcessingException e) {
      throw new IOException("cannot serialise " + s.id(), e);
    }
    doc.add(new TextField(Fields.IDENTIFIER, s.identifier(), Field.Store.NO));
    for (Identifier other : s.identifiers()) {
      doc.add(new TextField(Fields.IDENTIFIER, other.value(), Field.Store.NO));
    }
    s.title().forEach((lang, t) -> doc.add(new TextField(Fields.title(lang), t, Field.Store.NO)));
    s.summary()
        .forEach((lang, t) -> doc.add(new TextField(Fields.summary(lang), t, Field.Store.NO)));
    for (String k : s.keywords()) {
      doc.add(new TextField(Fields.KEYWORDS, k, Field.Store.NO));
    }
    if (s.committee() != null) {
      doc.add(new TextField(Fields.COMMITTEE, s.committee(), Field.Store.NO));
    }
    facet(doc, Facet.SDO, s.sdo());
    facet(doc, Facet.TYPE, s.type() == null ? null : s.type().wire());
    facet(doc, Facet.STATUS, s.status() == null ? null : s.status().wire());
    facet(doc, Facet.COMMITTEE, s.committee());
    classification(doc, Facet.VERTICAL, s.verticals(), suggested);
    classification(doc, Facet.ACTIVITY, s.activities(), suggested);
    classification(doc, Facet.APPLICATION, s.applications(), suggested);
    classification(doc, Facet.CONCERN, s.concerns(), suggested);
    int year = s.year();
    if (year > 0) {
      doc.add(new IntPoint(Fields.YEAR, year));
    }
    doc.add(new NumericDocValuesField(Fields.PUBLISHED_SORT, dateKey(s.published())));
    doc.add(
        new SortedDocValuesField(Fields.IDENTIFIER_SORT, new BytesRef(naturalKey(s.identifier()))));
    doc.add(new DoubleDocValuesField(Fields.CURRENCY, currency(s.status())));
    float[] vector = vectors.vectorFor(s);
    if (vector != null) {
      doc.add(
          new org.apache.lucene.document.KnnFloatVectorField(
              Fields.VECTOR, vector, org.apache.lucene.index.VectorSimilarityFunction.DOT_PRODUCT));
    }
    return facetsConfig.build(doc);
  }

  /**
   * A taxonomy facet twice: confirmed labels under the facet's own name, and confirmed labels with
   * machine suggestions under {@link #withSuggestions}, so that a search picks either.
   */
  private static void classification(
      Document doc, Facet facet, List<String> confirmed, Map<String, List<String>> suggested) {
    Set<String> all = new java.util.LinkedHashSet<>(confirmed);
    all.addAll(suggested.getOrDefault(facet.id(), List.of()));
    for (String v : confirmed) {
      facet(doc, facet, v);
    }
    for (String v : all) {
      doc.add(new SortedSetDocValuesFacetField(withSuggestions(facet), v));
    }
  }

  /** The facet dimension holding a taxonomy facet's confirmed and suggested concepts. */
  static String withSuggestions(Facet facet) {
    return facet.id() + "_all";
  }

  /** The facet dimension a request filters and counts {@code facet} in. */
  private static String dimension(Facet facet, SearchRequest request) {
    return facet.taxonomy() && request.includeSuggestions() ? withSuggestions(facet) : facet.id();
  }

  private static void facet(Document doc, Facet facet, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new SortedSetDocValuesFacetField(facet.id(), value));
    }
  }

  /** How much a status weighs in relevance: current editions come before superseded ones. */
  static double currency(Status status) {
    if (status == null) {
      return 0.5;
    }
    return switch (status) {
      case IN_FORCE -> 1.0;
      case DRAFT -> 0.85;
      case SUPERSEDED -> 0.4;
      case WITHDRAWN -> 0.35;
    };
  }

  /** {@code 2023-12-18} → 20231218, {@code 2023} → 20230000; 0 when unknown. */
  static long dateKey(String published) {
    if (published == null) {
      return 0;
    }
    String digits = published.replace("-", "");
    if (!DATE_DIGITS.matcher(digits).matches()) {
      return 0;
    }
    return Long.parseLong((digits + "0000").substring(0, 8));
  }

  /**
   * Lower case with every number zero-padded, so Y.3172 sorts before Y.31720 and 5259 before 22989.
   */
  static String naturalKey(String identifier) {
    Matcher m = DIGITS.matcher(identifier.toLowerCase(java.util.Locale.ROOT));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String n = LEADING_ZEROS.matcher(m.group()).replaceFirst("");
      m.appendReplacement(out, "0".repeat(Math.max(0, 12 - n.length())) + n);
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Runs one keyword search (whatever the request's mode); the request has been validated. */
  public SearchResult search(SearchRequest request) {
    return search(request, null);
  }

  /**
   * How many nearest neighbours make the semantic hit set. The same with or without filters, so
   * that drill-sideways counts describe one hit set; filters then narrow it.
   */
  static final int SEMANTIC_CANDIDATES = 100;

  /**
   * Runs one search in the request's mode. Semantic and hybrid need {@code queryVector}, the
   * embedding of the request's words; without it (or without words) the search is by keyword.
   *
   * <p>The hit set is exact and filters apply to it as in keyword search: in semantic mode it is
   * the query's nearest neighbours among the records that have a vector, in hybrid mode those plus
   * every keyword match. Facets are counted drill-sideways over that set. By relevance, hybrid
   * results are ranked by a weighted sum of the keyword (BM25 × currency) and semantic (cosine)
   * scores, each scaled to its list ({@link #fuse}).
   */
  public SearchResult search(SearchRequest request, float[] queryVector) {
    return withSearcher(
        "search failed",
        searcher -> {
          IndexReader reader = searcher.getIndexReader();
          if (reader.numDocs() == 0) {
            return new SearchResult(
                0, request.page(), request.size(), List.of(), new EnumMap<>(Facet.class));
          }
          DefaultSortedSetDocValuesReaderState state = facetCache.state(searcher);
          Query base = query(request);
          int topN = request.page() * request.size();
          if (queryVector != null
              && request.mode() != SearchRequest.Mode.KEYWORD
              && !request.q().isEmpty()) {
            return semanticSearch(searcher, state, request, base, queryVector);
          }
          DrillDownQuery ddq = drillDown(base, request);
          TopDocs top;
          long total;
          FacetCounts facetsOf;
          Set<Facet> filtered = new java.util.HashSet<>();
          request
              .filters()
              .forEach(
                  (f, values) -> {
                    if (!values.isEmpty()) {
                      filtered.add(f);
                    }
                  });
          if (base instanceof ConstantScoreQuery csq
              && csq.getQuery() instanceof MatchAllDocsQuery
              && filtered.size() <= 1) {
            // Browsing without words: the counts of a filtered facet with its own filter left out
            // are the counts over the whole catalogue, kept per reader; only the other facets are
            // counted over the hits. Same answer as drill-sideways, without scanning every
            // document.
            FacetsCollectorManager.FacetsResult r =
                FacetsCollectorManager.search(
                    searcher, ddq, topN, sort(request), new FacetsCollectorManager());
            top = r.topDocs();
            total = 0;
            for (FacetsCollector.MatchingDocs m : r.facetsCollector().getMatchingDocs()) {
              total += m.totalHits;
            }
            Facets hitsFacets = new SortedSetDocValuesFacetCounts(state, r.facetsCollector());
            FacetCache.Totals everything = facetCache.totals(searcher);
            facetsOf =
                (f, dim) ->
                    filtered.contains(f) ? everything.of(dim) : FacetCache.top(hitsFacets, f, dim);
          } else {
            DrillSideways sideways = new DrillSideways(searcher, facetsConfig, state);
            DrillSideways.DrillSidewaysResult result =
                sideways.search(ddq, null, null, topN, sort(request), !request.q().isEmpty());
            top = result.hits;
            total = result.hits.totalHits.value;
            facetsOf = (f, dim) -> FacetCache.top(result.facets, f, dim);
          }
          int[] docs = new int[top.scoreDocs.length];
          for (int i = 0; i < docs.length; i++) {
            docs[i] = top.scoreDocs[i].doc;
          }
          return answer(searcher, request, total, docs, facetsOf);
        });
  }

  private DrillDownQuery drillDown(Query base, SearchRequest request) {
    DrillDownQuery ddq = new DrillDownQuery(facetsConfig, base);
    request
        .filters()
        .forEach((facet, values) -> values.forEach(v -> ddq.add(dimension(facet, request), v)));
    return ddq;
  }

  private SearchResult semanticSearch(
      IndexSearcher searcher,
      DefaultSortedSetDocValuesReaderState state,
      SearchRequest request,
      Query keyword,
      float[] queryVector)
      throws IOException {
    int topN = request.page() * request.size();
    int k = SEMANTIC_CANDIDATES;
    Query nearest = withYears(new KnnFloatVectorQuery(Fields.VECTOR, queryVector, k), request);
    boolean hybrid = request.mode() == SearchRequest.Mode.HYBRID;
    Query hitSet =
        hybrid
            ? new BooleanQuery.Builder()
                .add(keyword, BooleanClause.Occur.SHOULD)
                .add(nearest, BooleanClause.Occur.SHOULD)
                .build()
            : nearest;
    DrillSideways sideways = new DrillSideways(searcher, facetsConfig, state);
    boolean byRelevance = request.sort() == SearchRequest.Sort.RELEVANCE;
    DrillSideways.DrillSidewaysResult counted =
        sideways.search(
            drillDown(hitSet, request), null, null, byRelevance ? 1 : topN, sort(request), false);
    long total = counted.hits.totalHits.value;
    int[] docs;
    if (!byRelevance) {
      docs = new int[counted.hits.scoreDocs.length];
      for (int i = 0; i < docs.length; i++) {
        docs[i] = counted.hits.scoreDocs[i].doc;
      }
    } else {
      ScoreDoc[] semantic = searcher.search(drillDown(nearest, request), k).scoreDocs;
      ScoreDoc[] words =
          hybrid
              ? searcher.search(drillDown(keyword, request), topN + SEMANTIC_CANDIDATES).scoreDocs
              : new ScoreDoc[0];
      docs = fuse(words, semantic, topN);
    }
    return answer(
        searcher, request, total, docs, (f, dim) -> FacetCache.top(counted.facets, f, dim));
  }

  /**
   * Weight of the keyword score in hybrid ranking; the semantic score weighs the rest. Chosen on
   * the labelled query set (BENCHMARKS.md): nDCG@10 is flat from 0.3 to 0.45, and lower outside.
   */
  static final double KEYWORD_WEIGHT = 0.4;

  /**
   * Score-aware fusion of a keyword ranking {@code words} and a semantic ranking {@code semantic}:
   * a convex combination of their scores, each scaled to 0..1 between its list's best and its score
   * at rank {@link #SEMANTIC_CANDIDATES} (so that a deeper page does not rescale the first), a
   * document missing from a list counting 0 there. Unlike reciprocal-rank fusion, a record the
   * semantic list puts far ahead is not overtaken by records that both lists rank middling.
   *
   * @return the first {@code limit} documents
   */
  static int[] fuse(ScoreDoc[] words, ScoreDoc[] semantic, int limit) {
    Map<Integer, Double> score = new HashMap<>();
    addScaled(score, words, KEYWORD_WEIGHT);
    addScaled(score, semantic, 1 - KEYWORD_WEIGHT);
    return score.entrySet().stream()
        .sorted(
            Map.Entry.<Integer, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .mapToInt(Map.Entry::getKey)
        .toArray();
  }

  private static void addScaled(Map<Integer, Double> score, ScoreDoc[] ranked, double weight) {
    if (ranked.length == 0) {
      return;
    }
    double best = ranked[0].score;
    double floor = ranked[Math.min(ranked.length, SEMANTIC_CANDIDATES) - 1].score;
    double range = best - floor;
    for (ScoreDoc d : ranked) {
      double scaled = range <= 0 ? 1 : Math.max(0, (d.score - floor) / range);
      score.merge(d.doc, weight * scaled, Double::sum);
    }
  }

  private static Query withYears(Query q, SearchRequest request) {
    if (request.fromYear() == null && request.toYear() == null) {
      return q;
    }
    int from = request.fromYear() == null ? Integer.MIN_VALUE : request.fromYear();
    int to = request.toYear() == null ? Integer.MAX_VALUE : request.toYear();
    return new BooleanQuery.Builder()
        .add(q, BooleanClause.Occur.MUST)
        .add(IntPoint.newRangeQuery(Fields.YEAR, from, to), BooleanClause.Occur.FILTER)
        .build();
  }

  /** The page of hits (documents {@code docs} from the page's start) and the facet counts. */
  private SearchResult answer(
      IndexSearcher searcher, SearchRequest request, long total, int[] docs, FacetCounts facetsOf)
      throws IOException {
    List<Hit> items = new ArrayList<>();
    var stored = searcher.storedFields();
    for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
      BytesRef bytes = stored.document(docs[i]).getBinaryValue(Fields.DOCUMENT);
      items.add(json.readValue(bytes.bytes, bytes.offset, bytes.length, Hit.class));
    }
    Map<Facet, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
    for (Facet facet : Facet.values()) {
      List<SearchResult.FacetCount> counts =
          new ArrayList<>(facetsOf.top(facet, dimension(facet, request)));
      for (String selected : request.filters().getOrDefault(facet, List.of())) {
        if (counts.stream().noneMatch(c -> c.value().equals(selected))) {
          counts.add(new SearchResult.FacetCount(selected, 0));
        }
      }
      facets.put(facet, List.copyOf(counts));
    }
    return new SearchResult(total, request.page(), request.size(), items, facets);
  }

  /** A record's nearest neighbours by meaning, with their cosine similarity. */
  public record Neighbour(Hit hit, double similarity) {}

  /** The {@code k} records closest to {@code vector}, leaving out {@code excludeId}. */
  public List<Neighbour> nearest(float[] vector, int k, String excludeId) {
    return neighbours(new KnnFloatVectorQuery(Fields.VECTOR, vector, k + 1), k, excludeId);
  }

  /**
   * The {@code k} records closest to {@code vector} among those with one of {@code statuses} and
   * from none of {@code excludedBodies} (exact body names), best first.
   */
  public List<Neighbour> nearest(
      float[] vector, int k, Set<String> excludedBodies, Set<Status> statuses) {
    BooleanQuery.Builder anyStatus = new BooleanQuery.Builder();
    statuses.forEach(
        s -> anyStatus.add(facetTerm(Facet.STATUS, s.wire()), BooleanClause.Occur.SHOULD));
    BooleanQuery.Builder filter =
        new BooleanQuery.Builder().add(anyStatus.build(), BooleanClause.Occur.FILTER);
    excludedBodies.forEach(b -> filter.add(facetTerm(Facet.SDO, b), BooleanClause.Occur.MUST_NOT));
    return neighbours(new KnnFloatVectorQuery(Fields.VECTOR, vector, k, filter.build()), k, null);
  }

  private Query facetTerm(Facet facet, String value) {
    return new TermQuery(
        DrillDownQuery.term(
            facetsConfig.getDimConfig(facet.id()).indexFieldName, facet.id(), value));
  }

  private List<Neighbour> neighbours(Query knn, int k, String excludeId) {
    return withSearcher(
        "related search failed",
        searcher -> {
          TopDocs top = searcher.search(knn, k + 1);
          List<Neighbour> out = new ArrayList<>();
          var stored = searcher.storedFields();
          for (ScoreDoc sd : top.scoreDocs) {
            BytesRef bytes = stored.document(sd.doc).getBinaryValue(Fields.DOCUMENT);
            Hit hit = json.readValue(bytes.bytes, bytes.offset, bytes.length, Hit.class);
            if (!hit.id().equals(excludeId) && out.size() < k) {
              // Lucene's DOT_PRODUCT score is (1 + cosine) / 2 for unit vectors.
              out.add(new Neighbour(hit, 2 * sd.score - 1));
            }
          }
          return out;
        });
  }

  /** Whether any record carries {@code value} in an open facet (bodies, committees). */
  public boolean knows(Facet facet, String value) {
    return withSearcher(
        "facet lookup failed",
        searcher -> {
          IndexReader reader = searcher.getIndexReader();
          if (reader.numDocs() == 0) {
            return false;
          }
          // getDocValues() makes a new iterator on each call, so this one is ours alone.
          SortedSetDocValues values = facetCache.state(searcher).getDocValues();
          return values.lookupTerm(
                  new BytesRef(FacetsConfig.pathToString(facet.id(), new String[] {value})))
              >= 0;
        });
  }

  /**
   * The counts of one facet dimension for one request, as values. Made per request from that
   * request's own {@link Facets} (never shared) or from the reader's cached totals.
   */
  @FunctionalInterface
  private interface FacetCounts {
    List<SearchResult.FacetCount> top(Facet facet, String dimension) throws IOException;
  }

  /** Work on the current searcher, which may throw {@link IOException}. */
  @FunctionalInterface
  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Runs {@code work} on an acquired searcher and releases it; I/O errors name {@code what}. */
  private <T> T withSearcher(String what, SearcherWork<T> work) {
    IndexSearcher searcher;
    try {
      searcher = searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(what, e);
    }
    try {
      return work.apply(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(what, e);
    } finally {
      try {
        searchers.release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private Query query(SearchRequest request) throws IOException {
    Query text;
    if (request.q().isEmpty()) {
      text = new MatchAllDocsQuery();
    } else {
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      either.add(textQuery(request.q()), BooleanClause.Occur.SHOULD);
      Query identifier = identifierQuery(request.q());
      if (identifier != null) {
        either.add(new BoostQuery(identifier, IDENTIFIER_BOOST), BooleanClause.Occur.SHOULD);
      }
      text = either.build();
    }
    // With words, relevance is the text score times currency; with none, there is nothing to
    // score: sort() orders by currency and date instead.
    Query ranked =
        request.q().isEmpty()
            ? new ConstantScoreQuery(text)
            : FunctionScoreQuery.boostByValue(
                text, DoubleValuesSource.fromDoubleField(Fields.CURRENCY));
    if (request.fromYear() == null && request.toYear() == null) {
      return ranked;
    }
    int from = request.fromYear() == null ? Integer.MIN_VALUE : request.fromYear();
    int to = request.toYear() == null ? Integer.MAX_VALUE : request.toYear();
    return new BooleanQuery.Builder()
        .add(ranked, BooleanClause.Occur.MUST)
        .add(IntPoint.newRangeQuery(Fields.YEAR, from, to), BooleanClause.Occur.FILTER)
        .build();
  }

  /**
   * Words across titles, abstracts, keywords, committee and identifier: a short query must match
   * every word, a longer one most of them (so a sentence still finds something).
   */
  private Query textQuery(String q) {
    SimpleQueryParser parser =
        new SimpleQueryParser(
            analyzer,
            Fields.TEXT_FIELD_WEIGHTS,
            SimpleQueryParser.PHRASE_OPERATOR
                | SimpleQueryParser.PREFIX_OPERATOR
                | SimpleQueryParser.WHITESPACE_OPERATOR);
    parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
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
  private Query identifierQuery(String q) throws IOException {
    if (!q.chars().anyMatch(Character::isDigit)) {
      return null;
    }
    List<List<String>> positions = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.IDENTIFIER, q)) {
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
        any.add(new TermQuery(new Term(Fields.IDENTIFIER, t)), BooleanClause.Occur.SHOULD);
      }
      all.add(any.build(), BooleanClause.Occur.MUST);
    }
    return all.build();
  }

  private static Sort sort(SearchRequest request) {
    SortField newest = new SortField(Fields.PUBLISHED_SORT, SortField.Type.LONG, true);
    return switch (request.sort()) {
      case RELEVANCE ->
          request.q().isEmpty()
              ? new Sort(new SortField(Fields.CURRENCY, SortField.Type.DOUBLE, true), newest)
              : new Sort(SortField.FIELD_SCORE, newest);
      case DATE -> new Sort(newest, SortField.FIELD_SCORE);
      case IDENTIFIER -> new Sort(new SortField(Fields.IDENTIFIER_SORT, SortField.Type.STRING));
    };
  }

  @Override
  public void close() {
    indexing.shutdown();
    try {
      indexing.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index", e);
    }
  }
}
