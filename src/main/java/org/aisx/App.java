package org.aisx;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.aisx.account.AccessPolicy;
import org.aisx.account.Accounts;
import org.aisx.account.PasswordHasher;
import org.aisx.account.SignInLimiter;
import org.aisx.account.WriteLimiter;
import org.aisx.audit.AuditLog;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.Json;
import org.aisx.catalog.Progress;
import org.aisx.catalog.StandardReader;
import org.aisx.classify.Classification;
import org.aisx.classify.Classifier;
import org.aisx.classify.Suggestions;
import org.aisx.editions.Editions;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.aisx.ingest.Inputs;
import org.aisx.ingest.JsonFormat;
import org.aisx.search.SearchIndex;
import org.aisx.semantic.BundledVectors;
import org.aisx.semantic.Embedder;
import org.aisx.semantic.EmbeddingJob;
import org.aisx.semantic.HybridSearch;
import org.aisx.semantic.Overlap;
import org.aisx.semantic.Vectors;
import org.aisx.store.Database;
import org.aisx.store.SqlAccountStore;
import org.aisx.store.SqlAuditStore;
import org.aisx.store.SqlCatalogStore;
import org.aisx.store.SqlTaxonomyStore;
import org.aisx.store.StoreConfig;
import org.aisx.submission.Submissions;
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
import org.aisx.web.I18n;
import org.aisx.web.Metrics;
import org.aisx.web.OverlapParams;
import org.aisx.web.PageRenderer;
import org.aisx.web.Routes;
import org.aisx.web.SearchParams;
import org.aisx.web.SignIn;
import org.aisx.web.SubmissionApi;
import org.aisx.web.SubmissionPages;
import org.aisx.web.SuggestionReview;
import org.aisx.web.TaxonomyRoutes;
import org.aisx.web.WatchRoutes;
import org.aisx.web.WebServer;
import org.aisx.web.WriteRateLimit;

/**
 * The composition root: builds the whole object graph with plain constructors, once, and closes
 * what it opened in reverse order. Nothing else creates long-lived objects or holds state in
 * statics. The web layer is built here too ({@link #web(boolean)}): each of its parts registers its
 * own routes, and {@link WebServer} only serves them.
 */
public final class App implements AutoCloseable {
  /** The bundled starter set of real AI records, loaded into an empty catalogue. */
  static final String STARTER_CORPUS = "/corpus/starter.json";

  static final String STARTER_SOURCE = "aisx-starter-corpus";

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
  final Submissions submissions;
  final Watch watch;
  final AuditLog auditLog;
  final WriteLimiter writeLimiter;
  private EmbeddingJob embeddingJob;

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
    this.index = SearchIndex.open(dataDir.resolve("index"), json, vectors, suggestions);
    this.hybridSearch = new HybridSearch(index, vectors, embedder);
    this.catalog = new Catalog(store, index, json, Clock.systemUTC());
    this.overlap = new Overlap(catalog, index, vectors, embedder);
    this.reader = new StandardReader(taxonomy);
    this.jsonFormat = new JsonFormat(json);
    this.importer = new Importer(catalog, reader, jsonFormat, json, new Editions(catalog, store));
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
    this.accounts = accounts(db, hasher);
    this.policy = new AccessPolicy();
    this.signInLimiter = new SignInLimiter(Clock.systemUTC());
    this.submissions = Submissions.overSql(db, catalog, reader, json, Clock.systemUTC());
    this.watch = new Watch(catalog, hybridSearch);
    this.auditLog = new AuditLog(new SqlAuditStore(db), Clock.systemUTC());
    this.writeLimiter = new WriteLimiter(Clock.systemUTC());
  }

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

  private static StoreConfig storeConfig(Path dataDir, String dbUrl) {
    return dbUrl == null ? StoreConfig.embedded(dataDir) : StoreConfig.fromUrl(dbUrl);
  }

  private static Accounts accounts(Database db, PasswordHasher hasher) {
    return new Accounts(new SqlAccountStore(db), hasher, Clock.systemUTC(), new SecureRandom());
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
        accounts(db, new PasswordHasher()),
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
      if (!app.index.inStepWith(app.store)) {
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
      return index.rebuild(store, progress);
    }
  }

  /** Loads the bundled starter corpus when the catalogue is empty; returns what it did. */
  public ImportSummary loadStarterCorpusIfEmpty(Progress progress) {
    ImportSummary summary = new ImportSummary();
    if (store.count() > 0) {
      return summary;
    }
    try (InputStream in = App.class.getResourceAsStream(STARTER_CORPUS)) {
      if (in == null) {
        throw new IllegalStateException(STARTER_CORPUS + " is missing from the jar");
      }
      // Vectors first, so that each record is indexed with its vector as it is loaded.
      vectors.saveAll(BundledVectors.read());
      progress.start("Loading the bundled AI corpus", -1);
      importer.importStream(
          Importer.Format.JSON,
          Inputs.decompressed(in),
          "starter.json",
          STARTER_SOURCE,
          summary,
          progress);
      progress.finish(summary.toString());
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled corpus", e);
    }
  }

  /**
   * Starts computing missing embeddings in the background, and each written record's from then on
   * (for a running service; one-shot commands do without).
   */
  public EmbeddingJob startEmbedding(Progress progress) {
    if (embeddingJob == null) {
      embeddingJob = new EmbeddingJob(store, catalog, vectors, embedder, progress, classification);
      catalog.onWrite(embeddingJob::changed);
      classification.onRecheck(embeddingJob::recheck);
      embeddingJob.start();
    }
    return embeddingJob;
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
    Clients clients = new Clients(behindProxy);
    PageRenderer pages = new PageRenderer(i18n, access);
    SearchParams searchParams = new SearchParams(taxonomy, index);
    OverlapParams overlapParams = new OverlapParams(catalog, index);
    SubmissionApi submissionApi = new SubmissionApi(submissions, catalog, reader, access, i18n);
    List<Routes> routes =
        List.of(
            // Filters, before every request in this order (after the security headers): the write
            // limit, the CSRF check, the start of the timing; after it: metrics, the audit line.
            new WriteRateLimit(writeLimiter, access, clients, i18n),
            access,
            new Metrics(catalog::count),
            new AuditRecorder(auditLog, access, clients),
            // The features' routes.
            new CatalogApi(
                catalog,
                hybridSearch,
                classification,
                overlap,
                overlapParams,
                taxonomy,
                searchParams,
                i18n),
            new CatalogPages(
                catalog,
                hybridSearch,
                classification,
                overlap,
                overlapParams,
                taxonomy,
                searchParams,
                i18n,
                pages),
            new SuggestionReview(catalog, classification, taxonomy, i18n, pages, access),
            submissionApi,
            new SubmissionPages(submissions, submissionApi, catalog, access, i18n, pages),
            new WatchRoutes(watch, searchParams, taxonomy, i18n, pages, behindProxy),
            new AuditTrail(auditLog, access, i18n, pages),
            new TaxonomyRoutes(taxonomy, classification, access, i18n, pages),
            new AccountApi(accounts, access),
            new AdminImport(importer, access, i18n, pages),
            new SignIn(accounts, signInLimiter, access, i18n, pages, clients));
    return new WebServer(json, pages, behindProxy, routes);
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

  public Catalog catalog() {
    return catalog;
  }

  public SearchIndex index() {
    return index;
  }

  public Importer importer() {
    return importer;
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

  /** Closes what the constructor opened, in reverse order of creation; the database last. */
  @Override
  public void close() {
    if (embeddingJob != null) {
      embeddingJob.close();
    }
    classification.close();
    index.close();
    db.close();
  }
}
