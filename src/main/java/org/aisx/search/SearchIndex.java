package org.aisx.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.aisx.catalog.CatalogIndex;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.Progress;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.classify.AiRelevance;
import org.aisx.editions.EditionKey;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of the catalogue: full text per language, identifiers as people type them,
 * facets counted drill-sideways, current editions ranked first. It is derived from the store and
 * can always be rebuilt from it; the store's event mark in each commit tells whether it is in step.
 */
public final class SearchIndex implements CatalogIndex, AutoCloseable {
  private static final String MARK = "storeMark";

  /**
   * How many clauses (term, phrase and prefix queries) a query may hold in this JVM, for Lucene
   * ({@link IndexSearcher#setMaxClauseCount}, 1,024 by default). The words of a query are read once
   * per language of the text fields (five readings), each over five fields ({@link
   * IndexFields#TEXT_FIELDS_BY_LANGUAGE}): 25 clauses per token, so a pasted 50-word abstract made
   * 1,250 and was refused. The longest query a search takes ({@code SearchParams}, 500 characters)
   * makes at most about 7,000 (7,020 for 500 ideographs, a token each in most text fields; {@code
   * SearchIndexTest} measures the worst inputs), well under this bound.
   */
  static final int MAX_CLAUSES = 16_384;

  static {
    if (IndexSearcher.getMaxClauseCount() < MAX_CLAUSES) {
      IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
    }
  }

  /**
   * What the documents hold; an index committed with another schema is rebuilt from the store when
   * opened. 2: taxonomy facets also indexed with machine suggestions ({@code <facet>_all}).
   */
  private static final String SCHEMA_KEY = "schema";

  /**
   * What the commits' marks count ({@link Marks}); absent in indexes made before there was a
   * choice.
   */
  private static final String MARKS_KEY = "marks";

  /**
   * What an index commit's mark counts, and so how the index is brought in step with the store when
   * opened.
   */
  public enum Marks {
    /**
     * The store's last event sequence number: one node writes, so the index is in step when the
     * marks are equal, and rebuilt otherwise.
     */
    STORE_EVENTS,
    /**
     * A transaction horizon of the store's change log ({@code org.aisx.store.ChangeLog}): several
     * nodes write, and the index has every change of the transactions below the mark; it goes on
     * from there.
     */
    TRANSACTIONS
  }

  private final Marks marks;

  private final Directory directory;
  private final Analyzer analyzer = IndexFields.analyzer();
  private final IndexSchema schema = new IndexSchema();
  private final FacetsConfig facetsConfig = schema.facets();
  private final Queries queries;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ObjectMapper json;

  /** Writes the hit each document stores. */
  private final com.fasterxml.jackson.databind.ObjectWriter hitWriter;

  private final VectorSource vectors;
  private final SuggestionSource suggestions;
  private final FacetCache facetCache = new FacetCache(facetsConfig);

  /**
   * The int8 copies of the vectors that searches by meaning scan first, when the JVM has the JDK's
   * vector API (bin/aisx adds it); null: searches by meaning scan the float vectors alone.
   */
  private final QuantizedScan quantized = QuantizedScan.fastest(IndexFields.VECTOR).orElse(null);

  /** Each segment's records close in meaning to a query, kept for the query's next request. */
  private final AboveFloorCache aboveFloor = new AboveFloorCache(AboveFloorCache.DEFAULT_MAX_BYTES);

  /** The whole answers of recent searches, per reader: a repeated search is not run again. */
  private final AnswerCache answers = new AnswerCache(AnswerCache.DEFAULT_MAX_BYTES);

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

  /** Writes queued since the index was opened, and how many of them the last commit holds. */
  private final AtomicLong writes = new AtomicLong();

  private volatile long committedWrites;

  /** The mark committed while {@link #damaged}: never a store's, so the next start rebuilds. */
  private static final long DAMAGED_MARK = -2;

  private SearchIndex(
      Directory directory,
      ObjectMapper json,
      VectorSource vectors,
      SuggestionSource suggestions,
      Marks marks,
      QueryExpansion expansion,
      QueryTranslation translation)
      throws IOException {
    this.directory = directory;
    this.marks = marks;
    this.queries =
        new Queries(analyzer, facetsConfig, expansion, translation, facetCache::committee);
    this.json = json;
    this.hitWriter = json.writerFor(Hit.class);
    this.vectors = vectors;
    this.suggestions = suggestions;
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    // Only publish() commits, with the store mark; anything else is rebuilt from the store.
    config.setCommitOnClose(false);
    if (quantized != null) {
      // A merged segment's int8 copy is made on the merge thread, not by the first search after.
      config.setMergedSegmentWarmer(quantized::of);
    }
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
    return open(dir, json, vectors, suggestions, Marks.STORE_EVENTS, QueryExpansion.NONE);
  }

  /**
   * As {@link #open(Path, ObjectMapper, VectorSource, SuggestionSource)}, committing {@code marks},
   * with other words for what a query names from {@code expansion} (the glossary's mappings).
   */
  public static SearchIndex open(
      Path dir,
      ObjectMapper json,
      VectorSource vectors,
      SuggestionSource suggestions,
      Marks marks,
      QueryExpansion expansion) {
    return open(dir, json, vectors, suggestions, marks, expansion, QueryTranslation.NONE);
  }

  /**
   * As {@link #open(Path, ObjectMapper, VectorSource, SuggestionSource, Marks, QueryExpansion)},
   * with queries in other languages also searched in the English words of what they name ({@code
   * translation}, by the taxonomy's and the glossary's labels).
   */
  public static SearchIndex open(
      Path dir,
      ObjectMapper json,
      VectorSource vectors,
      SuggestionSource suggestions,
      Marks marks,
      QueryExpansion expansion,
      QueryTranslation translation) {
    try {
      return new SearchIndex(
          FSDirectory.open(dir), json, vectors, suggestions, marks, expansion, translation);
    } catch (org.apache.lucene.store.LockObtainFailedException e) {
      throw new UncheckedIOException(
          "cannot open the search index in "
              + dir
              + ": another process holds it (a running 'serve' on the same data directory?)."
              + " Stop it first, or work on a copy: 'backup' runs beside 'serve', and 'restore'"
              + " puts the copy in another directory",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + dir, e);
    }
  }

  /** How searches by meaning find the records above the floor, for the log at start. */
  public String vectorScan() {
    return quantized != null
        ? "int8 scan on the JDK's vector API, then the float vectors of the candidates"
        : "float scan (start with bin/aisx, or add --add-modules jdk.incubator.vector to the JVM,"
            + " for the int8 scan, about 3x faster)";
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

  /**
   * Whether the last commit was made with this schema and marks of this kind (an index never
   * committed counts as current: it is empty).
   */
  private boolean committedCurrent() {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return true;
      }
      Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
      return IndexSchema.VERSION.equals(data.get(SCHEMA_KEY))
          && marks.name().equals(data.getOrDefault(MARKS_KEY, Marks.STORE_EVENTS.name()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the search index commit", e);
    }
  }

  /**
   * For {@link Marks#TRANSACTIONS}: the horizon up to which the committed index has every change,
   * to follow the change log on from; empty when it must be rebuilt (never committed, another
   * schema or kind of mark, or a record that could not be indexed).
   */
  public java.util.OptionalLong resumeFrom() {
    long mark = committedMark();
    return marks == Marks.TRANSACTIONS && mark >= 0 && committedCurrent()
        ? java.util.OptionalLong.of(mark)
        : java.util.OptionalLong.empty();
  }

  /** Whether the index reflects the store exactly as it is now (for {@link Marks#STORE_EVENTS}). */
  public boolean inStepWith(CatalogStore store) {
    if (marks != Marks.STORE_EVENTS || !committedCurrent()) {
      return false;
    }
    long mark = committedMark();
    long storeMark = store.lastEventSeq();
    return mark == storeMark || (mark == -1 && storeMark == 0);
  }

  /** Drops every document and indexes the whole store again, atomically for readers. */
  public long rebuild(CatalogStore store, Progress progress) {
    return rebuild(store, progress, store.lastEventSeq());
  }

  /**
   * As {@link #rebuild(CatalogStore, Progress)}, committing {@code mark}, taken before the store is
   * read (changes after it are read again by whoever follows the store from the mark).
   */
  public long rebuild(CatalogStore store, Progress progress, long mark) {
    long total = store.count();
    progress.start("Re-indexing", total);
    AtomicLong done = new AtomicLong();
    awaitIndexing();
    damaged = false; // every record is indexed again below, or this throws
    writes.incrementAndGet(); // a rebuild that fails half-way is never committed at close
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
    writes.incrementAndGet();
    try {
      indexing.execute(
          () -> {
            try {
              if (replace) {
                writer.updateDocument(new Term(IndexFields.ID, record.id()), document(record));
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

  /** Whether the writer has merges queued or running (for tests of what close keeps). */
  boolean merging() {
    return writer.hasPendingMerges() || !writer.getMergingSegments().isEmpty();
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
    long upTo = writes.get(); // queued before the wait below, so in the writer at the commit
    awaitIndexing();
    try {
      long mark = damaged ? DAMAGED_MARK : storeMark;
      writer.setLiveCommitData(
          Map.of(
                  MARK,
                  Long.toString(mark),
                  SCHEMA_KEY,
                  IndexSchema.VERSION,
                  MARKS_KEY,
                  marks.name())
              .entrySet());
      writer.commit();
      committedWrites = upTo;
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the search index", e);
    }
  }

  private Document document(Standard s) throws IOException {
    Map<String, List<String>> suggested = suggestions.suggestedFor(s);
    byte[] hit;
    try {
      hit = hitWriter.writeValueAsBytes(Hit.of(s, suggested));
    } catch (JsonProcessingException e) {
      throw new IOException("cannot serialise " + s.id(), e);
    }
    return schema.document(s, suggested, hit, vectors.vectorFor(s));
  }

  /**
   * Loads what the language analyzers read on their first use, before any index is open; with
   * {@link #warmUp} after it, the first search after a start answers as fast as the next ones.
   */
  public static void loadAnalyzers() {
    IndexFields.loadAnalyzers();
  }

  /**
   * Runs one search over every language's fields with every facet counted, so that the first
   * visitor after a start does not wait while the query path's classes load, the vocabulary
   * translation compiles and the facet counts are built: about 1.5 s on a quiet two-core machine
   * (BENCHMARKS.md, "Start to first answer"). A search that fails because the index closed
   * meanwhile (a stop during start-up) is of no interest to anyone.
   */
  public void warmUp() {
    try {
      search(SearchRequest.all().withQuery("management system"));
      if (quantized != null) {
        // The int8 copies of the vectors (0.7 s over the whole shared-feed catalogue), made here
        // rather than by the first search by meaning.
        withSearcher(
            "warming the int8 vectors failed",
            searcher -> {
              for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                quantized.of(leaf.reader());
              }
              return null;
            });
      }
    } catch (org.apache.lucene.store.AlreadyClosedException | UncheckedIOException e) {
      LOG.debug("index closed before its warm-up search ended", e);
    }
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
    List<String> also = alsoSearched(request);
    SearchResult result = searchWords(request, queryVector);
    return also.isEmpty() ? result : result.withAlsoSearched(also);
  }

  /**
   * The English words a search of {@code request} also looks for: the translations, by vocabulary,
   * of what its words name in another language (empty when none).
   */
  public List<String> alsoSearched(SearchRequest request) {
    return queries.translations(request).stream()
        .map(QueryTranslation.Translation::shown)
        .distinct()
        .toList();
  }

  private SearchResult searchWords(SearchRequest request, float[] queryVector) {
    return withSearcher(
        "search failed",
        searcher -> {
          // The vector matters only where the search is by meaning: a keyword search asked with
          // one is the same answer as without.
          float[] meaning = byMeaning(request, queryVector, searcher) ? queryVector : null;
          IndexReader reader = searcher.getIndexReader();
          // Not only the request: the glossary's other words and the taxonomy's translations that
          // the query is built with can change while the index does not.
          Queries.Variables variables = queries.variables(request);
          SearchResult kept = answers.get(reader, request, variables, meaning);
          if (kept != null) {
            return kept;
          }
          SearchResult answer =
              searchWords(searcher, request, queries.query(request, searcher), meaning);
          answers.put(reader, request, variables, meaning, answer);
          return answer;
        });
  }

  /** How the kept answers of repeated searches have been used (for {@code /metrics}). */
  public KeptAnswers keptAnswers() {
    return answers.stats();
  }

  private SearchResult searchWords(
      IndexSearcher searcher, SearchRequest request, Query words, float[] queryVector)
      throws IOException {
    IndexReader reader = searcher.getIndexReader();
    if (reader.numDocs() == 0) {
      return new SearchResult(
          0, request.page(), request.size(), List.of(), new EnumMap<>(Facet.class));
    }
    if (queries.onlyStopWords(request, searcher)) {
      return new SearchResult(
              0, request.page(), request.size(), List.of(), new EnumMap<>(Facet.class))
          .withOnlyStopWords();
    }
    DefaultSortedSetDocValuesReaderState state = facetCache.state(searcher);
    Query base = new SharedTermStates(searcher).of(words);
    int topN = window(request);
    Query hidden = hidden(searcher, request);
    if (queryVector != null) {
      return semanticSearch(searcher, state, request, base, queryVector, hidden);
    }
    DrillDownQuery ddq = queries.drillDown(listed(base, hidden), request);
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
              searcher, ddq, topN, Queries.sort(request), new FacetsCollectorManager());
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
          sideways.search(ddq, null, null, topN, Queries.sort(request), !request.q().isEmpty());
      top = result.hits;
      total = result.hits.totalHits.value;
      facetsOf = (f, dim) -> FacetCache.top(result.facets, f, dim);
    }
    int[] docs = new int[top.scoreDocs.length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = top.scoreDocs[i].doc;
    }
    checkWindow(request, total);
    docs = originalFirst(searcher, request, docs, topN, hidden);
    return answer(
        searcher, request, total, namedFirst(searcher, request, docs, topN, hidden), facetsOf);
  }

  /**
   * How many hits of a request's order are gathered for its page: those of every page up to it,
   * within the deepest window a search pages through ({@link SearchRequest#MAX_WINDOW}).
   */
  private static int window(SearchRequest request) {
    return (int) Math.min((long) request.page() * request.size(), SearchRequest.MAX_WINDOW);
  }

  /**
   * Refuses a page that holds hits beyond the deepest window ({@link SearchRequest#MAX_WINDOW}); a
   * page past the last hit is answered, empty, with the total.
   */
  private static void checkWindow(SearchRequest request, long total) {
    long first = (long) (request.page() - 1) * request.size();
    if (first < total && (long) request.page() * request.size() > SearchRequest.MAX_WINDOW) {
      throw org.aisx.catalog.CatalogException.BadParameter.of(
          "page", "problem.pageWindow", String.valueOf(SearchRequest.MAX_WINDOW));
    }
  }

  /**
   * Hands the ids of every record of a search ({@link #search(SearchRequest, float[])}'s hit set:
   * the records its {@code total} counts, in its mode) to {@code sink}, at most {@code batch} at a
   * time, in the index's own order. No window and no ranking: for exports of the whole catalogue,
   * whose memory stays that of one batch.
   *
   * @param queryVector the embedding of the request's words, as {@link #search(SearchRequest,
   *     float[])} takes it; null: by keyword
   */
  public long forEachMatch(
      SearchRequest request, float[] queryVector, int batch, Consumer<List<String>> sink) {
    return withSearcher(
        "export failed",
        searcher -> {
          if (searcher.getIndexReader().numDocs() == 0) {
            return 0L;
          }
          // Every record, those folded into their twin too: an export is the catalogue's data.
          Query query = hitSet(searcher, request, queryVector, false);
          Weight weight =
              searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
          List<String> ids = new ArrayList<>(batch);
          long count = 0;
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
              continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            DocIdSetIterator docs = scorer.iterator();
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
              if (live != null && !live.get(d)) {
                continue;
              }
              ids.add(stored.document(d, Set.of(IndexFields.ID)).get(IndexFields.ID));
              count++;
              if (ids.size() == batch) {
                sink.accept(List.copyOf(ids));
                ids.clear();
              }
            }
          }
          if (!ids.isEmpty()) {
            sink.accept(List.copyOf(ids));
          }
          return count;
        });
  }

  /**
   * The cosine similarity below which a record is not close in meaning to a query. Chosen by the
   * written rule of {@code SimilarityFloorEvaluation} on the bundled corpus (the 95th percentile of
   * the best match of 50 nonsense strings, rounded up): at most 1 in 20 such strings finds anything
   * by meaning. BENCHMARKS.md gives what it costs on held-out labelled queries.
   */
  public static final double SIMILARITY_FLOOR = 0.64;

  /**
   * What result lists leave out: the records folded into their twin ({@link IndexSchema#folded}, a
   * W3C dated edition that is its latest version's text, {@link org.aisx.editions.Twins}), but
   * those the query names by identifier more closely than it names their card ({@link
   * IdentifierMatch}): "REC-speech-grammar-20040316" lists that edition, "W3C speech-grammar" and
   * "speech grammar" list only the card, which names it.
   */
  private Query hidden(IndexSearcher searcher, SearchRequest request) throws IOException {
    Query folded = IndexSchema.folded();
    Query identified =
        request.q().isEmpty() ? null : queries.identifierQuery(request.q(), searcher);
    if (identified == null) {
      return folded;
    }
    ScoreDoc[] named =
        searcher.search(
                new BooleanQuery.Builder()
                    .add(identified, BooleanClause.Occur.FILTER)
                    .add(folded, BooleanClause.Occur.FILTER)
                    .build(),
                NAMED_WINDOW)
            .scoreDocs;
    if (named.length == 0) {
      return folded;
    }
    List<IdentifierMatch> matches = new ArrayList<>();
    for (String identifier : queries.namedIdentifiers(request.q(), searcher)) {
      matches.add(new IdentifierMatch(analyzer, identifier));
    }
    StoredFields stored = searcher.storedFields();
    List<BytesRef> shown = new ArrayList<>();
    for (ScoreDoc sd : named) {
      Document d = stored.document(sd.doc, Set.of(IndexFields.DOCUMENT, IndexFields.FOLDED_CARD));
      BytesRef bytes = d.getBinaryValue(IndexFields.DOCUMENT);
      Hit hit = json.readValue(bytes.bytes, bytes.offset, bytes.length, Hit.class);
      String card = d.get(IndexFields.FOLDED_CARD);
      if (card != null
          && namedLevel(matches, hit.identifier(), hit.sdo())
                  .compareTo(namedLevel(matches, card, hit.sdo()))
              > 0) {
        shown.add(new BytesRef(hit.id()));
      }
    }
    if (shown.isEmpty()) {
      return folded;
    }
    return new BooleanQuery.Builder()
        .add(folded, BooleanClause.Occur.FILTER)
        .add(new TermInSetQuery(IndexFields.ID, shown), BooleanClause.Occur.MUST_NOT)
        .build();
  }

  /** How closely any of {@code matches} names a record with this identifier and body. */
  private static IdentifierMatch.Level namedLevel(
      List<IdentifierMatch> matches, String identifier, String sdo) {
    return matches.stream()
        .map(m -> m.level(identifier, sdo))
        .max(Comparator.naturalOrder())
        .orElse(IdentifierMatch.Level.OTHER);
  }

  /** The records of {@code q} that a result list shows: not those {@code hidden}. */
  private static Query listed(Query q, Query hidden) {
    return new BooleanQuery.Builder()
        .add(q, BooleanClause.Occur.MUST)
        .add(hidden, BooleanClause.Occur.MUST_NOT)
        .build();
  }

  /** The documents of {@code first}, then those of {@code ranked} not among them: {@code topN}. */
  private static int[] firstThen(ScoreDoc[] first, int[] ranked, int topN) {
    if (first.length == 0) {
      return ranked;
    }
    java.util.LinkedHashSet<Integer> order = new java.util.LinkedHashSet<>();
    for (ScoreDoc d : first) {
      order.add(d.doc);
    }
    for (int d : ranked) {
      order.add(d);
    }
    return order.stream().limit(topN).mapToInt(Integer::intValue).toArray();
  }

  /**
   * Ranked by relevance, the records the query names by identifier come first, current edition
   * first, then {@code ranked} without them: typing {@code 42001} or {@code Y.3172} finds that
   * publication first in every mode.
   */
  private int[] namedFirst(
      IndexSearcher searcher, SearchRequest request, int[] ranked, int topN, Query hidden)
      throws IOException {
    if (request.sort() != SearchRequest.Sort.RELEVANCE) {
      return ranked;
    }
    String committee = queries.committeeNamed(request.q(), searcher);
    if (committee != null) {
      // The query is a committee's name ("ISO/IEC JTC 1/SC 42"): its work first, current
      // editions first, as the committee filter lists it; then the rest of what the words match.
      ScoreDoc[] first =
          searcher.search(
                  queries.drillDown(
                      listed(
                          Queries.withYears(queries.facetTerm(Facet.COMMITTEE, committee), request),
                          hidden),
                      request),
                  topN,
                  Queries.browsing())
              .scoreDocs;
      return firstThen(first, ranked, topN);
    }
    Query named = queries.identifiedRecords(request, searcher);
    if (named == null) {
      return ranked;
    }
    ScoreDoc[] first =
        namedInOrder(
            searcher,
            queries.namedIdentifiers(request.q(), searcher),
            queries.drillDown(listed(named, hidden), request),
            topN);
    return firstThen(first, ranked, topN);
  }

  /**
   * How many of the records a query names by identifier are put in order ({@link #namedInOrder}):
   * those with the best identifier scores, current editions first. A bare number that thousands of
   * records hold somewhere (a part, a report number, an ISBN) still puts the publications it names
   * among them first.
   */
  private static final int NAMED_WINDOW = 1_000;

  /**
   * The records {@code named} (the records the query names by identifier, filtered) finds, at most
   * {@code limit}, in the order they come first: how closely one of the identifiers the query names
   * ({@code identifiers}, {@link Queries#namedIdentifiers}) names each ({@link
   * IdentifierMatch.Level}); then the records of a body the query names (IEC's own IEC 62243 before
   * IEEE's copy of it); then the AI publication (the best {@code ai} tier of the publication's
   * editions among them, core before adjacent before other: on an AI exchange, a number several
   * bodies use most likely means the AI publication); then the document before its amendments,
   * corrigenda and redlines; then the current edition (currency), the newest, the identifier score.
   */
  private ScoreDoc[] namedInOrder(
      IndexSearcher searcher, List<String> identifiers, Query named, int limit) throws IOException {
    return namedRanked(searcher, identifiers, named, limit).stream()
        .map(Named::doc)
        .toArray(ScoreDoc[]::new);
  }

  /**
   * One record a query names by identifier, with what {@link #namedInOrder} orders it by: how
   * closely the query names it, whether it names its body, its publication (edition group) and that
   * publication's {@code ai} tier, whether it is a supplement, its currency and publication date.
   */
  private record Named(
      ScoreDoc doc,
      Hit hit,
      IdentifierMatch.Level level,
      boolean bodyNamed,
      String publication,
      int tier,
      boolean supplement,
      double currency,
      long published) {
    /** Whether the query names this record as closely as {@code other}. */
    boolean namedAsClosely(Named other) {
      return level == other.level && bodyNamed == other.bodyNamed;
    }
  }

  /** {@link #namedInOrder}, each record with what it is ordered by. */
  private List<Named> namedRanked(
      IndexSearcher searcher, List<String> identifiers, Query named, int limit) throws IOException {
    ScoreDoc[] window =
        searcher.search(
                named,
                Math.max(limit, NAMED_WINDOW),
                new Sort(
                    SortField.FIELD_SCORE,
                    new SortField(IndexFields.PUBLISHED_SORT, SortField.Type.LONG, true)))
            .scoreDocs;
    if (window.length == 0) {
      return List.of();
    }
    ScoredDocs core = inTier(searcher, named, AiRelevance.Tier.CORE);
    ScoredDocs adjacent = inTier(searcher, named, AiRelevance.Tier.ADJACENT);
    List<IdentifierMatch> matches = new ArrayList<>();
    for (String identifier : identifiers) {
      matches.add(new IdentifierMatch(analyzer, identifier));
    }
    StoredFields stored = searcher.storedFields();
    List<Named> all = new ArrayList<>(window.length);
    Map<String, Integer> publicationTier = new HashMap<>();
    for (ScoreDoc sd : window) {
      BytesRef bytes = stored.document(sd.doc).getBinaryValue(IndexFields.DOCUMENT);
      Hit hit = json.readValue(bytes.bytes, bytes.offset, bytes.length, Hit.class);
      String key = EditionKey.of(hit.identifier(), hit.sdo());
      String publication = key == null ? hit.identifier() : key;
      int tier = core.contains(sd.doc) ? 2 : adjacent.contains(sd.doc) ? 1 : 0;
      publicationTier.merge(publication, tier, Math::max);
      all.add(
          new Named(
              sd,
              hit,
              matches.stream()
                  .map(m -> m.level(hit.identifier(), hit.sdo()))
                  .max(Comparator.naturalOrder())
                  .orElse(IdentifierMatch.Level.OTHER),
              matches.stream().anyMatch(m -> m.namesBody(hit.sdo())),
              publication,
              tier,
              hit.type() == PublicationType.AMENDMENT
                  || hit.type() == PublicationType.CORRIGENDUM
                  || EditionKey.isRedline(hit.identifier()),
              IndexSchema.currency(hit.status()),
              IndexSchema.dateKey(hit.published())));
    }
    Comparator<Named> order =
        Comparator.comparing((Named n) -> n.level())
            .reversed()
            .thenComparing(Named::bodyNamed, Comparator.reverseOrder())
            .thenComparing(n -> publicationTier.get(n.publication()), Comparator.reverseOrder())
            .thenComparing(Named::supplement)
            .thenComparing(Named::currency, Comparator.reverseOrder())
            .thenComparing(Named::published, Comparator.reverseOrder())
            .thenComparing(n -> n.doc().score, Comparator.reverseOrder());
    return all.stream().sorted(order).limit(limit).toList();
  }

  /** The records of {@code named} in the {@code ai} tier {@code tier}. */
  private ScoredDocs inTier(IndexSearcher searcher, Query named, AiRelevance.Tier tier)
      throws IOException {
    return ScoredDocs.of(
        searcher,
        new BooleanQuery.Builder()
            .add(named, BooleanClause.Occur.FILTER)
            .add(queries.facetTerm(Facet.AI, tier.wire()), BooleanClause.Occur.FILTER)
            .build());
  }

  /**
   * Ranked by relevance, the records matching the query's own words come before those found only
   * through its translation (the English words of what it names in another language): a French
   * query finds the French titles first, then the English-only records on the same subject.
   */
  private int[] originalFirst(
      IndexSearcher searcher, SearchRequest request, int[] ranked, int topN, Query hidden)
      throws IOException {
    if (request.sort() != SearchRequest.Sort.RELEVANCE || queries.translations(request).isEmpty()) {
      return ranked;
    }
    ScoreDoc[] first =
        searcher.search(
                queries.drillDown(listed(queries.original(request, searcher), hidden), request),
                topN,
                Queries.sort(request))
            .scoreDocs;
    return firstThen(first, ranked, topN);
  }

  /**
   * Of {@code docs}, those that have no vector yet (written since the embedding job last ran). One
   * vector iterator per leaf, advanced through the documents in order.
   */
  private static Set<Integer> withoutVector(IndexSearcher searcher, ScoreDoc[] docs)
      throws IOException {
    int[] sorted = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      sorted[i] = docs[i].doc;
    }
    java.util.Arrays.sort(sorted);
    Set<Integer> out = new java.util.HashSet<>();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = null;
    org.apache.lucene.index.FloatVectorValues values = null;
    for (int doc : sorted) {
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
      }
      int inLeaf = doc - leaf.docBase;
      if (values == null
          || (values.docID() < inLeaf ? values.advance(inLeaf) : values.docID()) != inLeaf) {
        out.add(doc);
      }
    }
    return out;
  }

  /**
   * Close in meaning: every record at least {@link #SIMILARITY_FLOOR} similar to the query, not a
   * fixed number of neighbours, so that nonsense finds nothing and totals and counts are real
   * matches; all of them, not only those an HNSW walk above the floor reaches ({@link
   * CloseInMeaning}).
   */
  private Query nearest(SearchRequest request, float[] queryVector) {
    Query close =
        quantized == null
            ? new CloseInMeaning(
                IndexFields.VECTOR,
                queryVector,
                SIMILARITY_FLOOR,
                CloseInMeaning.EXACT_UP_TO,
                null,
                aboveFloor)
            // The int8 scan is cheaper than the graph at any size this catalogue reaches.
            : new CloseInMeaning(
                IndexFields.VECTOR,
                queryVector,
                SIMILARITY_FLOOR,
                Integer.MAX_VALUE,
                quantized,
                aboveFloor);
    return Queries.withYears(close, request);
  }

  /**
   * The hit set of a search by meaning, before filters: the records close in meaning, in hybrid
   * mode also the keyword matches, and always the records named by identifier.
   */
  private Query semanticHitSet(
      IndexSearcher searcher, SearchRequest request, Query keyword, float[] queryVector)
      throws IOException {
    BooleanQuery.Builder anyOf =
        new BooleanQuery.Builder()
            .add(
                queries.heldToWords(nearest(request, queryVector), request),
                BooleanClause.Occur.SHOULD);
    if (request.mode() == SearchRequest.Mode.HYBRID) {
      anyOf.add(keyword, BooleanClause.Occur.SHOULD);
    }
    Query named = queries.namedRecords(request, searcher);
    if (named != null) {
      anyOf.add(named, BooleanClause.Occur.SHOULD); // a record named by identifier always matches
    }
    return anyOf.build();
  }

  /**
   * Whether {@link #search(SearchRequest, float[])} searches this request by meaning: with a
   * vector, not in keyword mode, and with words to look for by meaning ({@link #meaningOf}).
   */
  private boolean byMeaning(SearchRequest request, float[] queryVector, IndexSearcher searcher)
      throws IOException {
    return queryVector != null
        && request.mode() != SearchRequest.Mode.KEYWORD
        && !queries.meaningText(request, searcher).isEmpty();
  }

  /**
   * The words whose meaning a search of {@code request} looks for, to be embedded: the query
   * without its excluded words and prefixes, which are matched by words in every mode; empty when
   * it is searched by words alone (keyword mode, or nothing left to look for by meaning: a query of
   * prefixes, of punctuation, or of stop words).
   */
  public String meaningOf(SearchRequest request) {
    if (request.mode() == SearchRequest.Mode.KEYWORD) {
      return "";
    }
    return withSearcher("search failed", searcher -> queries.meaningText(request, searcher));
  }

  /**
   * Exactly the records {@link #search(SearchRequest, float[])} counts in its total, as one query
   * with the filters applied.
   */
  private Query hitSet(
      IndexSearcher searcher, SearchRequest request, float[] queryVector, boolean listed)
      throws IOException {
    Query base = new SharedTermStates(searcher).of(queries.query(request, searcher));
    Query hits =
        byMeaning(request, queryVector, searcher)
            ? semanticHitSet(searcher, request, base, queryVector)
            : base;
    return queries.drillDown(listed ? listed(hits, hidden(searcher, request)) : hits, request);
  }

  /**
   * The records of a search ({@link #search(SearchRequest, float[])}'s hit set, whatever its page)
   * counted along two axes in one pass over their doc values: the same records, so that each cell's
   * count is the total of the search with the cell's row and column values added as filters.
   */
  public CrossTab crossTab(SearchRequest request, float[] queryVector, Axis rows, Axis cols) {
    return withSearcher(
        "landscape failed",
        searcher -> {
          if (searcher.getIndexReader().numDocs() == 0) {
            return CrossTab.empty();
          }
          DefaultSortedSetDocValuesReaderState state = facetCache.state(searcher);
          FacetsCollector matching =
              searcher.search(
                  hitSet(searcher, request, queryVector, true), new FacetsCollectorManager());
          return new CrossCounter(state, request, rows, cols).count(matching);
        });
  }

  /** The ids of the records of a search ({@link #search(SearchRequest, float[])}'s hit set). */
  public Set<String> matchingIds(SearchRequest request, float[] queryVector) {
    return withSearcher(
        "search failed",
        searcher -> {
          Set<String> out = new java.util.HashSet<>();
          if (searcher.getIndexReader().numDocs() == 0) {
            return out;
          }
          FacetsCollector matching =
              searcher.search(
                  hitSet(searcher, request, queryVector, true), new FacetsCollectorManager());
          Set<String> idOnly = Set.of(IndexFields.ID);
          for (FacetsCollector.MatchingDocs m : matching.getMatchingDocs()) {
            var it = m.bits == null ? null : m.bits.iterator();
            if (it == null) {
              continue;
            }
            var stored = m.context.reader().storedFields();
            for (int d = it.nextDoc();
                d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                d = it.nextDoc()) {
              out.add(stored.document(d, idOnly).get(IndexFields.ID));
            }
          }
          return out;
        });
  }

  /**
   * Semantic and hybrid search. The keyword, vector and identifier matches are each computed once
   * ({@link ScoredDocs}) and replayed for every use: the hit set and its drill-sideways facet
   * counts, the keyword and semantic ranked lists, and the marks of hits found by meaning alone.
   */
  private SearchResult semanticSearch(
      IndexSearcher searcher,
      DefaultSortedSetDocValuesReaderState state,
      SearchRequest request,
      Query keyword,
      float[] queryVector,
      Query hidden)
      throws IOException {
    int topN = window(request);
    int k = SEMANTIC_CANDIDATES;
    // Prefixes and excluded words hold by meaning as they do by words.
    Query nearest = queries.heldToWords(nearest(request, queryVector), request);
    boolean hybrid = request.mode() == SearchRequest.Mode.HYBRID;
    ScoredDocs byVector = ScoredDocs.of(searcher, nearest);
    ScoredDocs byWords = hybrid ? ScoredDocs.of(searcher, keyword) : ScoredDocs.none();
    Query named = queries.namedRecords(request, searcher);
    // A record named by identifier always matches.
    ScoredDocs byName = named == null ? ScoredDocs.none() : ScoredDocs.of(searcher, named);
    ScoredDocs hitSet = ScoredDocs.union(ScoredDocs.union(byVector, byWords), byName);
    DrillSideways sideways = new DrillSideways(searcher, facetsConfig, state);
    boolean byRelevance = request.sort() == SearchRequest.Sort.RELEVANCE;
    DrillSideways.DrillSidewaysResult counted =
        sideways.search(
            queries.drillDown(listed(hitSet.query(), hidden), request),
            null,
            null,
            byRelevance ? 1 : topN,
            Queries.sort(request),
            false);
    long total = counted.hits.totalHits.value;
    checkWindow(request, total);
    int[] docs;
    if (!byRelevance) {
      docs = new int[counted.hits.scoreDocs.length];
      for (int i = 0; i < docs.length; i++) {
        docs[i] = counted.hits.scoreDocs[i].doc;
      }
    } else {
      // Ranked by closeness × currency, as words are by BM25 × currency: of two editions equally
      // close in meaning, the one in force comes before a replaced draft.
      Query nearestByCurrency =
          FunctionScoreQuery.boostByValue(
              byVector.query(),
              DoubleValuesSource.fromDoubleField(IndexFields.CURRENCY_BY_MEANING));
      // Each ranked list reaches down to the page, so that every record the total counts is on
      // some page: the hit set is the records of these lists and those named first.
      int[] ranked;
      if (hybrid) {
        // Both lists at least SEMANTIC_CANDIDATES deep, where Fusion scales their scores: a record
        // below that in both scores 0 however deep the lists go, and so each page's order is that
        // of every other page.
        ScoreDoc[] semantic =
            searcher.search(queries.drillDown(listed(nearestByCurrency, hidden), request), topN + k)
                .scoreDocs;
        ScoreDoc[] words =
            searcher.search(queries.drillDown(listed(byWords.query(), hidden), request), topN + k)
                .scoreDocs;
        ranked = Fusion.fuse(words, semantic, withoutVector(searcher, words), topN);
      } else {
        // By meaning alone: the order of closeness × currency itself, which fusing it with no
        // words gives down to SEMANTIC_CANDIDATES and turns into the order of document numbers
        // below (every scaled score 0 there).
        ScoreDoc[] semantic =
            searcher.search(queries.drillDown(listed(nearestByCurrency, hidden), request), topN)
                .scoreDocs;
        ranked = new int[semantic.length];
        for (int i = 0; i < ranked.length; i++) {
          ranked[i] = semantic[i].doc;
        }
      }
      docs = namedFirst(searcher, request, ranked, topN, hidden);
    }
    SearchResult page =
        answer(searcher, request, total, docs, (f, dim) -> FacetCache.top(counted.facets, f, dim));
    // Found by meaning alone: neither the words nor an identifier of the query match the hit.
    Set<String> byMeaning = new java.util.HashSet<>();
    int first = (request.page() - 1) * request.size();
    for (int i = 0; i < page.items().size(); i++) {
      int doc = docs[first + i];
      if (!byWords.contains(doc) && !byName.contains(doc)) {
        byMeaning.add(page.items().get(i).id());
      }
    }
    if (!hybrid && !byMeaning.isEmpty()) {
      // Semantic mode gathers no keyword matches for ranking; ask the words of the page's hits
      // only.
      byMeaning = byMeaningOnly(searcher, page.items(), docs, keyword, byMeaning, request);
    }
    return new SearchResult(
        page.total(),
        page.page(),
        page.size(),
        page.items(),
        page.facets(),
        byMeaning,
        false,
        false,
        List.of(),
        false);
  }

  /**
   * Of the page's hits {@code candidates} (ids), those that the words of the query ({@code
   * keyword}) do not match: one scorer per leaf, advanced through the page's documents in order.
   */
  private static Set<String> byMeaningOnly(
      IndexSearcher searcher,
      List<Hit> items,
      int[] docs,
      Query keyword,
      Set<String> candidates,
      SearchRequest request)
      throws IOException {
    Weight weight =
        searcher.createWeight(searcher.rewrite(keyword), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int first = (request.page() - 1) * request.size();
    java.util.TreeMap<Integer, String> byDoc = new java.util.TreeMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (candidates.contains(items.get(i).id())) {
        byDoc.put(docs[first + i], items.get(i).id());
      }
    }
    Set<String> out = new java.util.HashSet<>();
    LeafReaderContext leaf = null;
    org.apache.lucene.search.DocIdSetIterator it = null;
    for (Map.Entry<Integer, String> e : byDoc.entrySet()) {
      int doc = e.getKey();
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Scorer scorer = weight.scorer(leaf);
        it = scorer == null ? null : scorer.iterator();
      }
      int inLeaf = doc - leaf.docBase;
      if (it == null || (it.docID() < inLeaf ? it.advance(inLeaf) : it.docID()) != inLeaf) {
        out.add(e.getValue());
      }
    }
    return out;
  }

  /** The page of hits (documents {@code docs} from the page's start) and the facet counts. */
  private SearchResult answer(
      IndexSearcher searcher, SearchRequest request, long total, int[] docs, FacetCounts facetsOf)
      throws IOException {
    List<Hit> items = new ArrayList<>();
    var stored = searcher.storedFields();
    for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
      BytesRef bytes = stored.document(docs[i]).getBinaryValue(IndexFields.DOCUMENT);
      items.add(json.readValue(bytes.bytes, bytes.offset, bytes.length, Hit.class));
    }
    Map<Facet, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
    for (Facet facet : Facet.values()) {
      List<SearchResult.FacetCount> counts =
          new ArrayList<>(facetsOf.top(facet, IndexSchema.dimension(facet, request)));
      for (String selected : request.filters().getOrDefault(facet, List.of())) {
        // A joint body ("ISO/IEC") is no value of the facet, which counts each body: not listed.
        if (counts.stream().noneMatch(c -> c.value().equals(selected))
            && !(facet == Facet.SDO && Queries.jointBody(selected))) {
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
    return neighbours(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, k + 1), k, excludeId);
  }

  /**
   * The {@code k} records closest to {@code vector} that result lists show, leaving out {@code
   * excludedIds}: a record folded into its twin ({@link IndexSchema#folded}, a W3C dated edition
   * that is its latest version's text) is listed as its card, which names it, never beside it.
   */
  public List<Neighbour> nearestListed(float[] vector, int k, Set<String> excludedIds) {
    BooleanQuery.Builder filter =
        new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER)
            .add(IndexSchema.folded(), BooleanClause.Occur.MUST_NOT);
    if (!excludedIds.isEmpty()) {
      filter.add(
          new TermInSetQuery(IndexFields.ID, excludedIds.stream().map(BytesRef::new).toList()),
          BooleanClause.Occur.MUST_NOT);
    }
    return neighbours(
        new KnnFloatVectorQuery(IndexFields.VECTOR, vector, k, filter.build()), k, null);
  }

  /**
   * The {@code k} records closest to {@code vector} among those with one of {@code statuses} and
   * from none of {@code excludedBodies} (exact body names: excluding "ISO/IEC" leaves "ISO" and
   * "IEC" in, and excluding "ISO" leaves "ISO/IEC" in), best first; as result lists show them, a
   * record folded into its twin left out for its card ({@link #nearestListed}).
   */
  public List<Neighbour> nearest(
      float[] vector, int k, Set<String> excludedBodies, Set<Status> statuses) {
    BooleanQuery.Builder anyStatus = new BooleanQuery.Builder();
    statuses.forEach(
        s -> anyStatus.add(queries.facetTerm(Facet.STATUS, s.wire()), BooleanClause.Occur.SHOULD));
    BooleanQuery.Builder filter =
        new BooleanQuery.Builder()
            .add(anyStatus.build(), BooleanClause.Occur.FILTER)
            .add(IndexSchema.folded(), BooleanClause.Occur.MUST_NOT);
    excludedBodies.forEach(b -> filter.add(Queries.exactSdo(b), BooleanClause.Occur.MUST_NOT));
    return neighbours(
        new KnnFloatVectorQuery(IndexFields.VECTOR, vector, k, filter.build()), k, null);
  }

  private List<Neighbour> neighbours(Query knn, int k, String excludeId) {
    return withSearcher(
        "related search failed",
        searcher -> {
          TopDocs top = searcher.search(knn, k + 1);
          List<Neighbour> out = new ArrayList<>();
          var stored = searcher.storedFields();
          for (ScoreDoc sd : top.scoreDocs) {
            BytesRef bytes = stored.document(sd.doc).getBinaryValue(IndexFields.DOCUMENT);
            Hit hit = json.readValue(bytes.bytes, bytes.offset, bytes.length, Hit.class);
            if (!hit.id().equals(excludeId) && out.size() < k) {
              // Lucene's DOT_PRODUCT score is (1 + cosine) / 2 for unit vectors.
              out.add(new Neighbour(hit, 2 * sd.score - 1));
            }
          }
          return out;
        });
  }

  /**
   * A record as a result list shows it, with its embedding; {@code folded}: whether it is folded
   * into its twin ({@link IndexSchema#folded}), which result lists show in its place.
   */
  public record Embedded(Hit hit, float[] vector, boolean folded) {}

  /**
   * Hands every record that has an embedding to {@code sink}, with it, in index order; returns the
   * number of records without one (written since the embedding job last ran).
   */
  public long forEachEmbedded(java.util.function.Consumer<Embedded> sink) {
    return withSearcher(
        "reading the embeddings failed",
        searcher -> {
          long embedded = 0;
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            var values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
            if (values == null) {
              continue;
            }
            var live = leaf.reader().getLiveDocs();
            var stored = leaf.reader().storedFields();
            for (int d = values.nextDoc();
                d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                d = values.nextDoc()) {
              if (live != null && !live.get(d)) {
                continue;
              }
              Document doc = stored.document(d);
              BytesRef bytes = doc.getBinaryValue(IndexFields.DOCUMENT);
              Hit hit = json.readValue(bytes.bytes, bytes.offset, bytes.length, Hit.class);
              sink.accept(
                  new Embedded(
                      hit, values.vectorValue().clone(), doc.get(IndexFields.FOLDED_CARD) != null));
              embedded++;
            }
          }
          return searcher.getIndexReader().numDocs() - embedded;
        });
  }

  /** Every value of an open facet (bodies, committees) some record carries, in index order. */
  public List<String> values(Facet facet) {
    return withSearcher(
        "facet lookup failed",
        searcher -> {
          if (searcher.getIndexReader().numDocs() == 0) {
            return List.of();
          }
          var state = facetCache.state(searcher);
          var range = state.getOrdRange(facet.id());
          if (range == null) {
            return List.of();
          }
          // getDocValues() makes a new iterator on each call, so this one is ours alone.
          SortedSetDocValues values = state.getDocValues();
          List<String> out = new ArrayList<>(range.end - range.start + 1);
          for (int ord = range.start; ord <= range.end; ord++) {
            String[] path = FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
            out.add(path[path.length - 1]);
          }
          return out;
        });
  }

  /**
   * Every {@code sdo} some record has, as records write it (a joint body whole, "ISO/IEC", beside
   * the bodies of {@link #values}), in alphabetical order: the bodies whose work the overlap check
   * can leave out.
   */
  public List<String> sdoValues() {
    return withSearcher(
        "body lookup failed",
        searcher -> {
          List<String> out = new ArrayList<>();
          org.apache.lucene.index.Terms terms =
              org.apache.lucene.index.MultiTerms.getTerms(
                  searcher.getIndexReader(), IndexFields.SDO_EXACT);
          if (terms == null) {
            return out;
          }
          org.apache.lucene.index.TermsEnum it = terms.iterator();
          for (BytesRef term = it.next(); term != null; term = it.next()) {
            String sdo = term.utf8ToString();
            if (searcher.count(Queries.exactSdo(sdo)) > 0) { // not only deleted records
              out.add(sdo);
            }
          }
          return out;
        });
  }

  /**
   * The records {@code q} names by identifier ({@code 42001}, {@code Y.3172}), best named first and
   * current editions before older ones; empty when {@code q} names none.
   */
  public List<Hit> named(String q, int k) {
    return withSearcher(
        "identifier lookup failed",
        searcher -> {
          Query named =
              queries.identifiedRecords(
                  new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, k),
                  searcher);
          if (named == null || searcher.getIndexReader().numDocs() == 0) {
            return List.of();
          }
          List<Hit> out = new ArrayList<>();
          var stored = searcher.storedFields();
          for (ScoreDoc sd :
              namedInOrder(searcher, queries.namedIdentifiers(q, searcher), named, k)) {
            BytesRef bytes = stored.document(sd.doc).getBinaryValue(IndexFields.DOCUMENT);
            out.add(json.readValue(bytes.bytes, bytes.offset, bytes.length, Hit.class));
          }
          return out;
        });
  }

  /**
   * The record {@code value} names as people type an identifier ({@code ISO/IEC 42005}, {@code
   * 42001}, {@code Y.3172}, {@code RFC 9969}), as the search ranks what a query names by identifier
   * ({@link #namedInOrder}): of the records it names most closely, the first (the current edition,
   * else the newest other edition) when they are all of one publication (its editions, amendments
   * and corrigenda, {@link EditionKey#publicationOf}); empty when it names none, or several
   * publications as closely (a choice for the person who typed it).
   */
  @Override
  public Optional<String> namedRecord(String value) {
    return withSearcher(
        "identifier lookup failed",
        searcher -> {
          Query named =
              queries.identifiedRecords(
                  new SearchRequest(
                      value, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, NAMED_WINDOW),
                  searcher);
          if (named == null || searcher.getIndexReader().numDocs() == 0) {
            return Optional.<String>empty();
          }
          List<Named> ranked =
              namedRanked(searcher, queries.namedIdentifiers(value, searcher), named, NAMED_WINDOW);
          if (ranked.isEmpty()) {
            return Optional.<String>empty();
          }
          Named first = ranked.get(0);
          String publication =
              EditionKey.publicationOf(first.hit().identifier(), first.hit().sdo());
          boolean one =
              ranked.stream()
                  .filter(n -> n.namedAsClosely(first))
                  .allMatch(
                      n ->
                          EditionKey.publicationOf(n.hit().identifier(), n.hit().sdo())
                              .equals(publication));
          return one ? Optional.of(first.hit().id()) : Optional.<String>empty();
        });
  }

  /**
   * Whether any record carries {@code value} in an open facet (bodies, committees); of {@code sdo},
   * also a joint body as records write it ("ISO/IEC").
   */
  public boolean knows(Facet facet, String value) {
    return withSearcher(
        "facet lookup failed",
        searcher -> {
          IndexReader reader = searcher.getIndexReader();
          if (reader.numDocs() == 0) {
            return false;
          }
          if (facet == Facet.SDO && Queries.jointBody(value)) {
            return searcher.count(Queries.exactSdo(value)) > 0;
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
    } catch (IndexSearcher.TooManyClauses e) {
      // Past MAX_CLAUSES the search is refused, never failed; a query of the length SearchParams
      // allows does not come near it.
      throw org.aisx.catalog.CatalogException.BadParameter.of(
          "q", "problem.tooComplex", String.valueOf(IndexSearcher.getMaxClauseCount()));
    } finally {
      try {
        searchers.release(searcher);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
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
      if (!damaged && writes.get() == committedWrites && writer.hasUncommittedChanges()) {
        // Nothing but merges since the last commit (opening a reader starts merges that reclaim
        // deleted documents): keep those that have ended, under the last commit's mark, so that
        // the next start does not merge the same segments again. Running merges are abandoned.
        writer.commit();
      }
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index", e);
    }
  }
}
