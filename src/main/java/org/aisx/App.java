package org.aisx;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.aisx.account.AccessPolicy;
import org.aisx.account.Accounts;
import org.aisx.account.PasswordHasher;
import org.aisx.account.SignInLimiter;
import org.aisx.account.WriteLimiter;
import org.aisx.audit.AuditLog;
import org.aisx.backup.Backup;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.Json;
import org.aisx.catalog.Progress;
import org.aisx.catalog.StandardReader;
import org.aisx.classify.AiRelevance;
import org.aisx.classify.Classification;
import org.aisx.classify.Classifier;
import org.aisx.classify.Suggestions;
import org.aisx.cluster.Follower;
import org.aisx.cluster.Position;
import org.aisx.committee.Committees;
import org.aisx.editions.Editions;
import org.aisx.export.Exporter;
import org.aisx.glossary.Glossary;
import org.aisx.glossary.GlossaryRecords;
import org.aisx.ingest.ImportJobs;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.aisx.ingest.Inputs;
import org.aisx.ingest.JsonFormat;
import org.aisx.landscape.Landscape;
import org.aisx.landscape.Topics;
import org.aisx.learn.ImportReport;
import org.aisx.learn.Resources;
import org.aisx.search.QueryTranslation;
import org.aisx.search.SearchIndex;
import org.aisx.search.VocabularyTranslation;
import org.aisx.semantic.BundledVectors;
import org.aisx.semantic.Embedder;
import org.aisx.semantic.EmbeddingJob;
import org.aisx.semantic.HybridSearch;
import org.aisx.semantic.Overlap;
import org.aisx.semantic.Vectors;
import org.aisx.store.ChangeLog;
import org.aisx.store.Database;
import org.aisx.store.Leases;
import org.aisx.store.SqlAccountStore;
import org.aisx.store.SqlAuditStore;
import org.aisx.store.SqlCatalogStore;
import org.aisx.store.SqlGlossaryStore;
import org.aisx.store.SqlTaxonomyStore;
import org.aisx.store.StoreConfig;
import org.aisx.submission.Submissions;
import org.aisx.suite.CuratedSuites;
import org.aisx.suite.SuiteSuggester;
import org.aisx.suite.Suites;
import org.aisx.taxonomy.LiveTaxonomy;
import org.aisx.taxonomy.Taxonomy;
import org.aisx.watch.Watch;
import org.aisx.web.Access;
import org.aisx.web.AccountApi;
import org.aisx.web.AdminImport;
import org.aisx.web.AuditRecorder;
import org.aisx.web.AuditTrail;
import org.aisx.web.CatalogApi;
import org.aisx.web.CatalogPages;
import org.aisx.web.Clients;
import org.aisx.web.GlossaryRoutes;
import org.aisx.web.I18n;
import org.aisx.web.KeptBodies;
import org.aisx.web.LandscapeRoutes;
import org.aisx.web.LearnRoutes;
import org.aisx.web.Metrics;
import org.aisx.web.OverlapParams;
import org.aisx.web.PageRenderer;
import org.aisx.web.PublicActors;
import org.aisx.web.RecordAnswer;
import org.aisx.web.RelationReviews;
import org.aisx.web.Routes;
import org.aisx.web.SearchParams;
import org.aisx.web.SignIn;
import org.aisx.web.SitePages;
import org.aisx.web.SubmissionApi;
import org.aisx.web.SubmissionPages;
import org.aisx.web.SuggestionReview;
import org.aisx.web.SuiteApi;
import org.aisx.web.SuitePages;
import org.aisx.web.TaxonomyRoutes;
import org.aisx.web.WatchRoutes;
import org.aisx.web.WebServer;
import org.aisx.web.WriteRateLimit;
import org.jdbi.v3.core.Handle;

/**
 * The composition root: builds the whole object graph with plain constructors, once, and closes
 * what it opened in reverse order. Nothing else creates long-lived objects or holds state in
 * statics. The web layer is built here too ({@link #web(boolean)}): each of its parts registers its
 * own routes, and {@link WebServer} only serves them.
 */
public final class App implements AutoCloseable {
  /** The bundled starter set of real AI records, loaded into an empty catalogue. */
  static final String STARTER_CORPUS = "/corpus/starter.json";

  static final String STARTER_SOURCE = org.aisx.catalog.SourceNames.STARTER_CORPUS;

  /** The search index's directory in a data directory. */
  static final String INDEX_DIR = "index";

  /** Where the native libraries in the jar are unpacked in a data directory (NativeLibraries). */
  static final String NATIVE_DIR = "native";

  /** The lease under which one node at a time puts the bundled content into the store. */
  static final String SEEDING = "seeding";

  static final java.time.Duration SEEDING_TERM = java.time.Duration.ofMinutes(10);

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(App.class);

  final ObjectMapper json;
  final LiveTaxonomy taxonomy;
  final Database db;
  final SqlCatalogStore store;
  final SearchIndex index;
  final Catalog catalog;
  final StandardReader reader;
  final JsonFormat jsonFormat;
  final Importer importer;
  final Vectors vectors;
  final Embedder embedder;
  final HybridSearch hybridSearch;
  final Suggestions suggestions;
  final Classification classification;
  final Overlap overlap;
  final Accounts accounts;
  final AccessPolicy policy;
  final SignInLimiter signInLimiter;
  final Resources resources;
  final Submissions submissions;
  final Watch watch;
  final AuditLog auditLog;
  final WriteLimiter writeLimiter;
  final Glossary glossary;
  final GlossaryRecords glossaryRecords;

  /** The register of technical committees (ISO's, bundled or imported). */
  final Committees committees;

  /** Queries in other languages, translated by the taxonomy's and the glossary's labels. */
  final QueryTranslation queryTranslation;

  /** What every node writes, for this one to follow (PostgreSQL; nothing on the embedded store). */
  final ChangeLog changeLog;

  /** How far the index has followed the change log (several nodes). */
  final Position position = new Position();

  /** Follows the other nodes' writes; null on the embedded store, which one node serves. */
  final Follower follower;

  /** Leases on background jobs, in this node's name. */
  final Leases leases;

  final Suites suites;
  final SuiteSuggester suiteSuggester;
  final WriteLimiter anonymousSuites;
  final Landscape landscape;
  final Topics topics;
  private EmbeddingJob embeddingJob;

  /** Feed uploads imported in the background, one at a time (the admin import page). */
  final ImportJobs importJobs;

  /** Builds the graph over {@code db}, which it owns from now on. */
  private App(Path dataDir, Database db, PasswordHasher hasher) {
    this.db = db;
    this.json = Json.mapper();
    this.taxonomy =
        new LiveTaxonomy(Taxonomy.bundled(json), new SqlTaxonomyStore(db, json), Clock.systemUTC());
    this.store = new SqlCatalogStore(db, json);
    this.vectors = new Vectors(db);
    this.embedder = new Embedder();
    this.suggestions = new Suggestions(db);
    this.changeLog = new ChangeLog(db);
    this.leases = new Leases(db, nodeName());
    this.glossary = Glossary.bundled(json, new SqlGlossaryStore(db), Clock.systemUTC());
    this.queryTranslation = translation(taxonomy, glossary, json);
    // The reviewed ai tiers are read now: a broken file stops the start, not the indexing thread.
    AiRelevance.reviews();
    // The glossary's mappings widen searches: a law's term also finds a standard's.
    this.index =
        SearchIndex.open(
            dataDir.resolve(INDEX_DIR),
            json,
            vectors,
            suggestions,
            changeLog.shared() ? SearchIndex.Marks.TRANSACTIONS : SearchIndex.Marks.STORE_EVENTS,
            glossary,
            queryTranslation);
    this.glossaryRecords = new GlossaryRecords(glossary, index);
    this.hybridSearch = new HybridSearch(index, vectors, embedder, this::catalogueLoading);
    this.catalog =
        changeLog.shared()
            ? new Catalog(store, index, json, Clock.systemUTC(), position::get)
            : new Catalog(store, index, json, Clock.systemUTC());
    this.follower =
        changeLog.shared()
            ? new Follower(changeLog, catalog, vectors, suggestions, position)
            : null;
    if (follower != null) {
      // Mappings decided through another node count here too (pages and search expansion).
      follower.onPoll(glossary::refresh);
    }
    this.overlap = new Overlap(catalog, index, vectors, embedder);
    this.reader = new StandardReader(taxonomy);
    this.jsonFormat = new JsonFormat(json);
    this.committees = Committees.overSql(db, json);
    if (follower != null) {
      // The register is held in memory: another node's import of ISO's list shows within a minute.
      follower.onPoll(
          () -> committees.reloadIfOlderThan(java.util.concurrent.TimeUnit.MINUTES.toNanos(1)));
    }
    this.importer =
        new Importer(catalog, reader, jsonFormat, json, new Editions(catalog, store), committees);
    this.auditLog = new AuditLog(new SqlAuditStore(db), Clock.systemUTC());
    this.importJobs =
        ImportJobs.overSql(
            importer,
            db,
            leases,
            !changeLog.shared(),
            Clock.systemUTC(),
            cut ->
                auditLog.system(
                    "import",
                    cut.request().fileName(),
                    "failed",
                    "interrupted after "
                        + cut.records()
                        + " records: its node stopped without ending it (started by "
                        + cut.request().startedBy()
                        + ", job "
                        + cut.id()
                        + ")"));
    this.classification =
        new Classification(
            store,
            catalog,
            vectors,
            index,
            new Classifier(taxonomy.current(), embedder),
            suggestions,
            taxonomy);
    taxonomy.onChange(classification::taxonomyChanged);
    this.accounts = accounts(db, store, hasher);
    this.policy = new AccessPolicy();
    this.signInLimiter = new SignInLimiter(Clock.systemUTC());
    this.resources = Resources.overSql(db, catalog, taxonomy, json, Clock.systemUTC());
    this.submissions = Submissions.overSql(db, catalog, reader, resources, json, Clock.systemUTC());
    this.watch = new Watch(catalog, hybridSearch);
    this.writeLimiter = new WriteLimiter(Clock.systemUTC());
    this.suites = Suites.overSql(db, catalog, suggestions, taxonomy, json, Clock.systemUTC());
    this.suiteSuggester = new SuiteSuggester(hybridSearch, vectors, catalog, suites, taxonomy);
    this.anonymousSuites = SuiteApi.anonymousLimiter(Clock.systemUTC());
    this.landscape = new Landscape(hybridSearch, taxonomy);
    this.topics =
        new Topics(
            db,
            json,
            store,
            catalog,
            index,
            vectors,
            leases,
            Clock.systemUTC(),
            TOPICS_DEBOUNCE_MILLIS,
            Topics.RETRY_MILLIS);
  }

  /**
   * Queries in other languages translated by the labels of the taxonomy's concepts (as the
   * committee last edited them) and of the glossary's terms.
   */
  private static QueryTranslation translation(
      LiveTaxonomy taxonomy, Glossary glossary, ObjectMapper json) {
    List<QueryTranslation.Entry> terms =
        glossary.translationEntries(Glossary.readTranslations(json));
    return new VocabularyTranslation(
        taxonomy::current,
        () -> {
          List<QueryTranslation.Entry> all =
              new ArrayList<>(taxonomy.current().translationEntries());
          all.addAll(terms);
          return all;
        });
  }

  /** Publishes the bundled curated suites that are not there yet; returns how many. */
  public int loadCuratedSuites() {
    return CuratedSuites.loadIfAbsent(suites, json);
  }

  public Suites suites() {
    return suites;
  }

  public SuiteSuggester suiteSuggester() {
    return suiteSuggester;
  }

  /** How long writes must pause before the topic clusters are computed again. */
  static final long TOPICS_DEBOUNCE_MILLIS = 30_000;

  /**
   * Opens the database (creating the data directory for the embedded one) and builds the graph over
   * it; if building fails, the database is closed again.
   */
  private static App create(Path dataDir, String dbUrl, PasswordHasher hasher) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
    }
    Database db = Database.open(storeConfig(dataDir, dbUrl));
    try {
      return new App(dataDir, db, hasher);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * This node's name in the job leases: unique among running nodes (process, host, and a random
   * part for several apps in one process).
   */
  private static String nodeName() {
    return java.lang.management.ManagementFactory.getRuntimeMXBean().getName()
        + "/"
        + Long.toHexString(new SecureRandom().nextLong());
  }

  private static StoreConfig storeConfig(Path dataDir, String dbUrl) {
    return dbUrl == null ? StoreConfig.embedded(dataDir) : StoreConfig.fromUrl(dbUrl);
  }

  private static Accounts accounts(Database db, SqlCatalogStore catalog, PasswordHasher hasher) {
    return new Accounts(
        new SqlAccountStore(db), catalog::bodies, hasher, Clock.systemUTC(), new SecureRandom());
  }

  /**
   * Only the accounts, for the {@code user} and {@code token} commands: no search index is opened,
   * so they run beside a serving process.
   */
  static AccountsOnly openAccounts(Path dataDir, String dbUrl) {
    StoreConfig config = storeConfig(dataDir, dbUrl);
    if (dbUrl == null) {
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
      }
    }
    Database db = Database.open(config);
    return new AccountsOnly(
        accounts(db, new SqlCatalogStore(db, Json.mapper()), new PasswordHasher()),
        new AuditLog(new SqlAuditStore(db), Clock.systemUTC()),
        db);
  }

  /**
   * The accounts (and the audit trail their changes are recorded in) over their own connection
   * pool; closing closes the pool.
   */
  record AccountsOnly(Accounts accounts, AuditLog audit, Database db) implements AutoCloseable {
    @Override
    public void close() {
      db.close();
    }
  }

  /**
   * Opens the catalogue in {@code dataDir} (or at {@code dbUrl}) and brings the search index in
   * step with the store, rebuilding it if a crash or another process left it behind.
   */
  public static App open(Path dataDir, String dbUrl, Progress progress) {
    return open(dataDir, dbUrl, progress, new PasswordHasher());
  }

  /**
   * {@link #open(Path, String, Progress)} with the password hashes of {@code hasher}: the tests'
   * cheaper ones (a full-strength Argon2id hash is about a second of CPU on a loaded test machine,
   * and the web tests sign in hundreds of times). The product always opens with the defaults.
   */
  static App open(Path dataDir, String dbUrl, Progress progress, PasswordHasher hasher) {
    App app = create(dataDir, dbUrl, hasher);
    try {
      LOG.info("searches by meaning: {}", app.index.vectorScan());
      if (app.follower != null) {
        // One of several nodes: go on from the committed index's horizon, or rebuild the index
        // from the store; then catch up with what the other nodes wrote meanwhile.
        java.util.OptionalLong from = app.index.resumeFrom();
        if (from.isPresent()) {
          app.position.startAt(from.getAsLong());
        } else {
          app.rebuildFromHorizon(progress);
        }
        app.follower.step(progress);
      } else if (app.index.inStepWith(app.store)) {
        LOG.info("search index in step with the store at event {}", app.index.committedMark());
      } else {
        LOG.info(
            "search index not in step with the store (index at event {}, store at {}): rebuilding",
            app.index.committedMark(),
            app.store.lastEventSeq());
        app.index.rebuild(app.store, progress);
      }
      return app;
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
  }

  /** Opens the catalogue without checking the index, for a full rebuild. */
  static App openForReindex(Path dataDir, String dbUrl) {
    return create(dataDir, dbUrl, new PasswordHasher());
  }

  /** Drops the search index and builds it again from the store; returns the records indexed. */
  public long reindex(Progress progress) {
    // Under the catalogue's lock: a write between the rebuild's reading and its commit would
    // otherwise be indexed twice, or committed under a mark the rebuild had not reached.
    synchronized (catalog) {
      return follower != null ? rebuildFromHorizon(progress) : index.rebuild(store, progress);
    }
  }

  /**
   * Rebuilds the index from the store, marked with the change log's horizon taken before the store
   * is read: changes of transactions after it are followed again.
   */
  private long rebuildFromHorizon(Progress progress) {
    long horizon = changeLog.horizon();
    position.startAt(horizon);
    return index.rebuild(store, progress, horizon);
  }

  /**
   * Starts following what other nodes write (several nodes over one PostgreSQL database); does
   * nothing on the embedded store.
   */
  public void follow() {
    if (follower != null) {
      follower.start();
    }
  }

  /** How many changed records this node has indexed from the change log (0 on one node). */
  public long followed() {
    return follower == null ? 0 : follower.followed();
  }

  /**
   * Loads the bundled starter corpus when the catalogue is empty, with its shipped vectors and
   * classification, so that nothing is computed again; returns what it did.
   */
  public ImportSummary loadStarterCorpusIfEmpty(Progress progress) {
    return loadStarterCorpusIfEmpty(progress, true);
  }

  /**
   * {@link #loadStarterCorpusIfEmpty(Progress)}, without the shipped classification when {@code
   * withClassification} is false (the build tool that writes it has the job compute it).
   */
  ImportSummary loadStarterCorpusIfEmpty(Progress progress, boolean withClassification) {
    ImportSummary summary = new ImportSummary();
    if (store.count() > 0) {
      return summary;
    }
    // Several nodes starting on one empty database: one loads, the others follow its writes.
    Leases.Lease loading = leases.on(SEEDING, SEEDING_TERM);
    if (!loading.hold()) {
      return summary;
    }
    try {
      return store.count() > 0 ? summary : loadStarterCorpus(summary, progress, withClassification);
    } finally {
      loading.release();
    }
  }

  /** What {@link #seedIfAbsent} put into the store. */
  public record Seeded(ImportSummary corpus, ImportReport resources, int curatedSuites) {}

  /**
   * Puts the bundled content into the store where it is absent: the starter corpus when the
   * catalogue is empty, the learning resources when there are none, the register of ISO's technical
   * committees when it is empty, each curated suite not yet published. Several nodes starting at
   * once on one PostgreSQL database take turns through one lease: the node that holds it seeds; the
   * others seed nothing (empty when {@code Optional.empty()}) and find its writes through the
   * change log.
   */
  public java.util.Optional<Seeded> seedIfAbsent(Progress progress) {
    return beginSeeding().map(seeding -> seeding.run(progress));
  }

  /**
   * The first half of {@link #seedIfAbsent}, quick: takes the seeding lease (empty when another
   * node holds it) and decides whether the starter corpus is to be loaded, the catalogue being
   * empty now. From then until {@link Seeding#run} has ended, searches say that the catalogue is
   * still being loaded ({@link #catalogueLoading}), so that {@code serve} can answer them from the
   * moment the store and the index are open while the corpus loads in the background.
   */
  public java.util.Optional<Seeding> beginSeeding() {
    // Only where several nodes share the store: an embedded store has one serving process (the
    // index's write lock), and a lease that a process killed while seeding left behind must not
    // keep the next start from loading the corpus.
    Leases.Lease lease = changeLog.shared() ? leases.on(SEEDING, SEEDING_TERM) : null;
    if (lease != null && !lease.hold()) {
      return java.util.Optional.empty();
    }
    try {
      boolean corpus = store.count() == 0;
      if (corpus) {
        catalogueLoading.set(true);
      }
      return java.util.Optional.of(new Seeding(lease, corpus));
    } catch (RuntimeException e) {
      if (lease != null) {
        lease.release();
      }
      throw e;
    }
  }

  /** Whether the bundled corpus is being put into the empty catalogue (searches say so). */
  public boolean catalogueLoading() {
    return catalogueLoading.get();
  }

  private final java.util.concurrent.atomic.AtomicBoolean catalogueLoading =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** Seeding begun by {@link #beginSeeding}: run once, on any thread. */
  public final class Seeding {
    private final Leases.Lease lease; // null on the embedded store
    private final boolean corpus;

    private Seeding(Leases.Lease lease, boolean corpus) {
      this.lease = lease;
      this.corpus = corpus;
    }

    /** Whether the starter corpus is to be loaded (the catalogue was empty). */
    public boolean corpus() {
      return corpus;
    }

    /** Puts the bundled content in and releases the lease; searches then no longer say loading. */
    public Seeded run(Progress progress) {
      try {
        ImportSummary summary = new ImportSummary();
        if (corpus) {
          loadStarterCorpus(summary, progress, true);
        }
        ImportReport resources = loadLearningResourcesIfEmpty();
        loadCommitteesIfEmpty();
        int suitesAdded = loadCuratedSuites();
        return new Seeded(summary, resources, suitesAdded);
      } finally {
        catalogueLoading.set(false);
        if (lease != null) {
          lease.release();
        }
      }
    }
  }

  private ImportSummary loadStarterCorpus(
      ImportSummary summary, Progress progress, boolean withClassification) {
    try (InputStream in = App.class.getResourceAsStream(STARTER_CORPUS)) {
      if (in == null) {
        throw new IllegalStateException(STARTER_CORPUS + " is missing from the jar");
      }
      // Vectors first, so that each record is indexed with its vector as it is loaded.
      vectors.saveAll(BundledVectors.read());
      if (withClassification) {
        classification.loadBundled(json);
      }
      progress.start("Loading the bundled AI corpus", -1);
      importer.importStream(
          Importer.Format.JSON,
          Inputs.decompressed(in),
          "starter.json",
          STARTER_SOURCE,
          summary,
          progress);
      progress.finish(summary.toString());
      loadLearningResourcesIfEmpty();
      loadCommitteesIfEmpty();
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled corpus", e);
    }
  }

  /**
   * Puts the bundled register of ISO's technical committees ({@link Committees#BUNDLED}) into an
   * empty register, as an import of ISO's list would; returns what it did (nothing when the
   * register has committees: an imported newer list is left alone).
   */
  public ImportSummary loadCommitteesIfEmpty() {
    ImportSummary summary = new ImportSummary();
    if (committees.count() > 0) {
      return summary;
    }
    try (InputStream in = App.class.getResourceAsStream(Committees.BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(Committees.BUNDLED + " is missing from the jar");
      }
      return importer.importStream(
          Importer.Format.ISO_COMMITTEES,
          Inputs.decompressed(in),
          "iso-committees.jsonl",
          Committees.BUNDLED_SOURCE,
          summary,
          Progress.SILENT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled register of committees", e);
    }
  }

  public Committees committees() {
    return committees;
  }

  /**
   * Loads the bundled learning resources (the capacity-building programmes the seed documents name)
   * when there are none; after the corpus, since they link to its records. Returns what it did.
   */
  public ImportReport loadLearningResourcesIfEmpty() {
    return resources.loadSeedIfEmpty();
  }

  /**
   * Starts computing missing embeddings in the background, and each written record's from then on
   * (for a running service; one-shot commands do without).
   */
  public EmbeddingJob startEmbedding(Progress progress) {
    if (embeddingJob == null) {
      embeddingJob =
          new EmbeddingJob(
              store,
              catalog,
              vectors,
              embedder,
              progress,
              classification,
              leases.on("embedding", EmbeddingJob.LEASE_TERM));
      catalog.onWrite(embeddingJob::changed);
      if (follower != null) {
        follower.onWritten(embeddingJob::written);
      }
      classification.onRecheck(embeddingJob::recheck);
      embeddingJob.start();
    }
    return embeddingJob;
  }

  /**
   * Computes the topic clusters and duplication signals in the background now, and again after each
   * burst of writes (for a running service).
   */
  public Topics startTopics(Progress progress) {
    catalog.onWrite(topics::changed);
    if (follower != null) {
      // Computed once across the nodes: another node's writes count here too, and its computation
      // is served here as soon as it is kept.
      follower.onWritten(topics::written);
      follower.onPoll(topics::poll);
    }
    topics.start(progress);
    return topics;
  }

  public Topics topics() {
    return topics;
  }

  public Classification classification() {
    return classification;
  }

  public HybridSearch hybridSearch() {
    return hybridSearch;
  }

  public Vectors vectors() {
    return vectors;
  }

  public Embedder embedder() {
    return embedder;
  }

  /** The web server over this catalogue, not yet listening, taking connections directly. */
  public WebServer web() {
    return web(false);
  }

  /**
   * The web server over this catalogue, not yet listening; {@code behindProxy}: connections come
   * from a reverse proxy that adds the client's address to X-Forwarded-For. Builds the web layer:
   * the helpers its handlers share, then every part that registers routes, in the order its filters
   * run.
   */
  public WebServer web(boolean behindProxy) {
    I18n i18n = new I18n(List.of("ar", "zh", "en", "fr", "ru", "es"));
    Access access = new Access(accounts, policy, i18n);
    PublicActors actors = new PublicActors(accounts, access, i18n);
    Clients clients = new Clients(behindProxy);
    PageRenderer pages = new PageRenderer(i18n, access);
    SearchParams searchParams = new SearchParams(taxonomy, index, this::catalogueLoading);
    OverlapParams overlapParams = new OverlapParams(catalog, index);
    RecordAnswer recordAnswer = new RecordAnswer(catalog, classification);
    SubmissionApi submissionApi =
        new SubmissionApi(submissions, catalog, reader, recordAnswer, access, i18n, actors);
    LearnRoutes learn = new LearnRoutes(resources, catalog, taxonomy, access, i18n, pages);
    WatchRoutes watchRoutes =
        new WatchRoutes(watch, searchParams, taxonomy, i18n, pages, actors, behindProxy);
    SuiteApi suiteApi =
        new SuiteApi(
            suites,
            suiteSuggester,
            taxonomy,
            access,
            clients,
            anonymousSuites,
            i18n,
            watchRoutes,
            actors);
    KeptBodies keptBodies = new KeptBodies(KeptBodies.DEFAULT_MAX_BYTES);
    AuditRecorder audit = new AuditRecorder(auditLog, access, clients);
    List<Routes> routes =
        List.of(
            // Filters, before every request in this order (after the security headers): the API's
            // lang check, the write limit, the CSRF check, the start of the timing; after it:
            // metrics, the audit line.
            i18n,
            new WriteRateLimit(writeLimiter, access, clients, i18n),
            access,
            new Metrics(
                catalog::count, index::keptAnswers, keptBodies::stats, topics::computations),
            audit,
            // The features' routes.
            new CatalogApi(
                catalog,
                hybridSearch,
                recordAnswer,
                overlap,
                overlapParams,
                taxonomy,
                searchParams,
                i18n,
                actors,
                keptBodies,
                json,
                committees),
            new CatalogPages(
                catalog,
                hybridSearch,
                classification,
                overlap,
                overlapParams,
                taxonomy,
                searchParams,
                i18n,
                pages,
                learn,
                glossaryRecords,
                actors,
                keptBodies,
                committees),
            new org.aisx.web.CommitteeRoutes(committees, hybridSearch, i18n, pages),
            learn,
            new SuggestionReview(catalog, classification, taxonomy, i18n, pages, access),
            submissionApi,
            new SubmissionPages(
                submissions,
                submissionApi,
                catalog,
                resources,
                access,
                i18n,
                pages,
                actors,
                taxonomy),
            new RelationReviews(catalog, access, actors, i18n, pages),
            watchRoutes,
            suiteApi,
            new SuitePages(
                suites,
                suiteSuggester,
                suiteApi,
                catalog,
                taxonomy,
                watch,
                watchRoutes,
                access,
                i18n,
                pages,
                overlapParams),
            new LandscapeRoutes(
                landscape,
                topics,
                hybridSearch,
                searchParams,
                taxonomy,
                i18n,
                pages,
                overlapParams,
                behindProxy,
                committees),
            new AuditTrail(auditLog, access, i18n, pages),
            new GlossaryRoutes(
                glossary, glossaryRecords, catalog, i18n, pages, access, actors, behindProxy),
            new TaxonomyRoutes(taxonomy, classification, access, i18n, pages, actors),
            new AccountApi(accounts, access),
            new org.aisx.web.UserPages(accounts, access, i18n, pages, signInLimiter, clients),
            new AdminImport(importJobs, access, audit, i18n, pages),
            new SignIn(accounts, signInLimiter, access, i18n, pages, clients),
            // The contact the accessibility statement and the about page give, if the operator
            // names one (an e-mail address or a web address).
            new SitePages(i18n, pages, System.getenv("AISX_CONTACT")));
    return new WebServer(json, pages, behindProxy, access, routes);
  }

  /** How queries in other languages are translated by vocabulary. */
  public QueryTranslation queryTranslation() {
    return queryTranslation;
  }

  public Glossary glossary() {
    return glossary;
  }

  public Resources resources() {
    return resources;
  }

  public Submissions submissions() {
    return submissions;
  }

  public AuditLog auditLog() {
    return auditLog;
  }

  public Accounts accounts() {
    return accounts;
  }

  public Landscape landscape() {
    return landscape;
  }

  public Catalog catalog() {
    return catalog;
  }

  public SearchIndex index() {
    return index;
  }

  public Importer importer() {
    return importer;
  }

  /** The imports the admin page starts, running in the background. */
  public ImportJobs importJobs() {
    return importJobs;
  }

  public JsonFormat jsonFormat() {
    return jsonFormat;
  }

  public StandardReader reader() {
    return reader;
  }

  /** The current version of the taxonomy. */
  public Taxonomy taxonomy() {
    return taxonomy.current();
  }

  /** The taxonomy the committee edits: every version, the history, and edits. */
  public LiveTaxonomy liveTaxonomy() {
    return taxonomy;
  }

  public ObjectMapper json() {
    return json;
  }

  /** The {@code export} command's exporter over this catalogue. */
  public Exporter exporter() {
    return new Exporter(hybridSearch, store, jsonFormat, json, Clock.systemUTC());
  }

  /** Search parameters as the API reads them, for {@code export}. */
  public SearchParams searchParams() {
    return new SearchParams(taxonomy, index, this::catalogueLoading);
  }

  /**
   * Writes a consistent backup of the store in {@code dataDir} (or at {@code dbUrl}) to {@code
   * out}. Opens neither the search index nor a connection pool, and writes nothing, so it runs
   * beside a serving process.
   */
  static Backup.Summary backup(Path dataDir, String dbUrl, OutputStream out, Progress progress)
      throws IOException, SQLException {
    if (dbUrl == null && !Files.isRegularFile(dataDir.resolve(StoreConfig.EMBEDDED_FILE))) {
      throw new IllegalArgumentException(
          "no catalogue in " + dataDir.toAbsolutePath() + " (give --data DIR or --db URL)");
    }
    return new Backup(Json.mapper(), Clock.systemUTC())
        .write(storeConfig(dataDir, dbUrl), out, progress);
  }

  /**
   * Restores a backup into the empty store in {@code dataDir} (or at {@code dbUrl}), created and
   * migrated if new, then builds the search index from the restored store.
   */
  static Backup.Summary restore(Path dataDir, String dbUrl, InputStream in, Progress progress)
      throws IOException, SQLException {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
    }
    StoreConfig config = storeConfig(dataDir, dbUrl);
    Backup.Summary summary;
    try (Database db = Database.open(config);
        Handle handle = db.jdbi().open()) {
      summary =
          new Backup(Json.mapper(), Clock.systemUTC())
              .restore(handle.getConnection(), config.vendor(), in, progress);
    }
    try (App app = openForReindex(dataDir, dbUrl)) {
      app.reindex(progress);
    }
    return summary;
  }

  /** Closes what the constructor opened, in reverse order of creation; the database last. */
  @Override
  public void close() {
    // A running import stops at its next record: what it saved stays, and nothing writes after.
    importJobs.close();
    if (follower != null) {
      follower.close();
    }
    if (embeddingJob != null) {
      embeddingJob.close();
    }
    topics.close();
    classification.close();
    index.close();
    db.close();
  }
}
