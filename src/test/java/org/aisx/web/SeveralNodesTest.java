package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.account.IssuedToken;
import org.aisx.account.Role;
import org.aisx.catalog.Progress;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.landscape.Topics;
import org.aisx.search.Hit;
import org.aisx.search.SearchRequest;
import org.aisx.semantic.EmbeddingJob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes over one PostgreSQL schema in one JVM, each with its own data directory and index (SPEC
 * §11): what is written through one is found through the other; sessions and tokens work on both;
 * the embedding job's work is done once; a node started on an existing database builds its index
 * from the store. Real PostgreSQL, real indexes, real model, real HTTP.
 */
class SeveralNodesTest {
  static final String URL =
      System.getProperty("aisx.test.pg", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  /** Generous: the test machine is shared; the measured delay is printed, not asserted. */
  static final long DEADLINE_NANOS = 60_000_000_000L;

  @TempDir Path dir;
  String schema;
  String db;
  final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeEach
  void createSchema() throws SQLException {
    schema = "aisx_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(URL)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    db = URL + "&currentSchema=" + schema;
  }

  @AfterEach
  void dropSchema() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    try (Connection c = DriverManager.getConnection(URL)) {
      c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  App node(String name) {
    App app = Fixtures.node(dir.resolve(name), db);
    opened.add(app);
    return app;
  }

  static Standard record(String identifier, String title, String summary) {
    return Standard.builder(identifier)
        .title(Map.of("en", title))
        .summary(Map.of("en", summary))
        .sdo("IEEE")
        .type(PublicationType.INTERNATIONAL_STANDARD)
        .status(Status.DRAFT)
        .build();
  }

  static SearchRequest keyword(String q) {
    return new SearchRequest(
        q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10, SearchRequest.Mode.KEYWORD);
  }

  static boolean finds(App app, String q, String id) {
    return app.index().search(keyword(q)).items().stream().map(Hit::id).anyMatch(id::equals);
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void aMappingDecidedThroughOneNodeCountsOnTheOther() throws Exception {
    App a = node("a");
    App b = node("b");
    a.follow();
    b.follow();
    org.aisx.glossary.Mapping pending =
        a.glossary().mappings().stream()
            .filter(m -> m.state() == org.aisx.glossary.MappingState.PENDING)
            .findFirst()
            .orElseThrow();
    assertThat(
            a.glossary()
                .decide(
                    List.of(
                        new org.aisx.glossary.MappingDecision(
                            pending.from(), pending.to(), pending.type(), true)),
                    "coord@example.org"))
        .isEqualTo(1);
    await(
        "node b sees the confirmation",
        () ->
            b.glossary().mappings().stream()
                .anyMatch(
                    m ->
                        m.key().equals(pending.key())
                            && m.state() == org.aisx.glossary.MappingState.CONFIRMED));
  }

  @Test
  void aRecordWrittenThroughOneNodeIsFoundThroughTheOther() throws Exception {
    App a = node("a");
    App b = node("b");
    a.follow();
    b.follow();
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      App writer = i % 2 == 0 ? a : b;
      App reader = i % 2 == 0 ? b : a;
      String word = "zyxquorbl" + i;
      Standard s =
          record("IEEE P98" + i, "Standard for " + word + " inspection", "Robots and " + word);
      long start = System.nanoTime();
      writer.catalog().save(s, "test", "test", null);
      String id = writer.catalog().get(s.id()).id();
      assertThat(finds(writer, word, id)).isTrue();
      await("found through the other node", () -> finds(reader, word, id));
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    // An edit through B replaces the document A's index has.
    Standard first = b.catalog().get(record("IEEE P980", "x", "y").id());
    b.catalog()
        .save(
            first.toBuilder()
                .title(Map.of("en", "Standard for plimsoll gauges"))
                .summary(Map.of("en", "Load lines on ships."))
                .build(),
            "test",
            "test",
            first.revision());
    await("the edit through B is found through A", () -> finds(a, "plimsoll", first.id()));
    assertThat(finds(a, "zyxquorbl0", first.id())).isFalse();
    System.out.printf(
        Locale.ROOT, "write on one node to found on the other, ms: %s%n", millis.toString());
  }

  @Test
  void sessionsAndTokensWorkOnEveryNode() throws Exception {
    App a = node("a");
    App b = node("b");
    WebServer webA = a.web().start(0);
    opened.add(webA);
    WebServer webB = b.web().start(0);
    opened.add(webB);
    Fixtures.user(a, "editor@example.org", Role.COORDINATOR);

    Browser onA = new Browser(webA.port());
    assertThat(onA.signIn("editor@example.org", Fixtures.PASSWORD).statusCode()).isEqualTo(303);
    String session = onA.cookie(Access.SESSION_COOKIE);
    assertThat(session).isNotNull();
    HttpResponse<String> me =
        new Http(webB.port()).get("/api/v1/me", "Cookie", Access.SESSION_COOKIE + "=" + session);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("editor@example.org");

    IssuedToken token = b.accounts().createToken("editor@example.org", "ci");
    HttpResponse<String> viaToken =
        new Http(webA.port()).get("/api/v1/me", "Authorization", "Bearer " + token.secret());
    assertThat(viaToken.statusCode()).isEqualTo(200);
    // Revoked through A: refused by B at once (nothing is cached per node).
    assertThat(
            new Http(webA.port())
                .send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://localhost:"
                                    + webA.port()
                                    + "/api/v1/tokens/"
                                    + token.info().id()))
                        .header("Authorization", "Bearer " + token.secret())
                        .DELETE()
                        .build())
                .statusCode())
        .isEqualTo(204);
    assertThat(
            new Http(webB.port())
                .get("/api/v1/me", "Authorization", "Bearer " + token.secret())
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void theEmbeddingJobRunsOnceAcrossNodesAndItsResultsReachEveryIndex() throws Exception {
    App a = node("a");
    App b = node("b");
    a.follow();
    b.follow();
    EmbeddingJob jobA = a.startEmbedding(Progress.SILENT);
    EmbeddingJob jobB = b.startEmbedding(Progress.SILENT);
    await("one node holds the lease", () -> jobA.holdsLease() || jobB.holdsLease());
    List<Standard> written = new ArrayList<>();
    String[][] texts = {
      {"IEEE P9901", "Beekeeping robots", "Machines that open hives and detect varroa mites."},
      {"IEEE P9902", "Wind turbine noise", "Measuring the noise of wind turbines near homes."},
      {"IEEE P9903", "Hospital triage", "Machine learning that ranks emergency patients."},
      {"IEEE P9904", "Credit scoring", "Fairness of automated decisions on loans."},
    };
    for (int i = 0; i < texts.length; i++) {
      App writer = i % 2 == 0 ? a : b;
      writer.catalog().save(record(texts[i][0], texts[i][1], texts[i][2]), "test", "test", null);
      written.add(writer.catalog().get(record(texts[i][0], "x", "y").id()));
    }
    for (Standard s : written) {
      for (App node : List.of(a, b)) {
        await(
            "vector and suggestions of " + s.id() + " on each node",
            () ->
                node.vectors().vectorFor(s) != null
                    && node.classification().suggestions().madeFromCurrentText(s));
      }
    }
    // Each vector computed once, by the node holding the lease, whichever node was written to.
    long byA = jobA.status().embedded();
    long byB = jobB.status().embedded();
    System.out.printf(Locale.ROOT, "embeddings computed: node A %d, node B %d%n", byA, byB);
    assertThat(byA + byB).isEqualTo(written.size());
    assertThat(List.of(byA, byB)).contains(0L);

    // The vectors reached both indexes: a search by meaning finds the hives record on each node.
    SearchRequest byMeaning =
        new SearchRequest(
            "robots checking beehives for mites",
            Map.of(),
            null,
            null,
            SearchRequest.Sort.RELEVANCE,
            1,
            3,
            SearchRequest.Mode.SEMANTIC);
    for (App node : List.of(a, b)) {
      await(
          "found by meaning",
          () ->
              !node.hybridSearch().search(byMeaning).items().isEmpty()
                  && node.hybridSearch()
                      .search(byMeaning)
                      .items()
                      .get(0)
                      .id()
                      .equals(written.get(0).id()));
    }
  }

  /** Records with a vector in {@code app}'s index, or -1 while some record still has none. */
  static long embeddedIn(App app) {
    long[] n = {0};
    long without = app.index().forEachEmbedded(e -> n[0]++);
    return without == 0 ? n[0] : -1;
  }

  static boolean lists(Topics.Snapshot s, String id) {
    return s.topics().stream().flatMap(t -> t.members().stream()).anyMatch(m -> m.id().equals(id));
  }

  @Test
  void theTopicsAreComputedOnceAcrossNodesAndEveryNodeServesThem() throws Exception {
    App a = node("a");
    App b = node("b");
    a.follow();
    b.follow();
    a.startEmbedding(Progress.SILENT);
    b.startEmbedding(Progress.SILENT);
    String[][] texts = {
      {"IEEE P9921", "Beekeeping robots", "Machines that open hives and detect varroa mites."},
      {"IEEE P9922", "Hive health sensing", "Sensors that count bees and detect mites in hives."},
      {"IEEE P9923", "Hospital triage", "Machine learning that ranks emergency patients."},
      {"IEEE P9924", "Clinical decision support", "Algorithms that advise doctors on patients."},
      {"IEEE P9925", "Credit scoring", "Fairness of automated decisions on loans."},
      {"IEEE P9926", "Loan underwriting models", "Bias in automated lending decisions."},
    };
    for (int i = 0; i < texts.length; i++) {
      (i % 2 == 0 ? a : b)
          .catalog()
          .save(record(texts[i][0], texts[i][1], texts[i][2]), "test", "test", null);
    }
    for (App node : List.of(a, b)) {
      await("every record embedded in each index", () -> embeddedIn(node) == texts.length);
    }

    Topics onA = a.startTopics(Progress.SILENT);
    await("node a computes the topics", () -> onA.current().isPresent() && !onA.pending());
    Topics.Snapshot first = onA.current().orElseThrow();
    assertThat(first.embedded()).isEqualTo(texts.length);
    assertThat(first.topics()).hasSizeGreaterThan(1);

    // Node B serves node A's computation from its start and computes nothing.
    Topics onB = b.startTopics(Progress.SILENT);
    assertThat(onB.current()).contains(first);
    assertThat(onB.pending()).isFalse();
    assertThat(onB.computations()).isZero();
    WebServer webA = a.web().start(0);
    opened.add(webA);
    WebServer webB = b.web().start(0);
    opened.add(webB);
    Topics.Topic largest = first.topics().get(0);
    HttpResponse<String> page = new Http(webB.port()).get("/landscape/clusters/1");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(largest.members().get(0).identifier());
    assertThat(new Http(webB.port()).get("/metrics").body())
        .contains("aisx_topics_computations_total 0\n");
    assertThat(new Http(webA.port()).get("/metrics").body())
        .contains("aisx_topics_computations_total 1\n");

    // A record written through B is clustered once (after the writes' pause), whichever node
    // takes the lease, and both nodes serve that one computation.
    b.catalog()
        .save(
            record("IEEE P9927", "Apiary monitoring", "Cameras that watch bee colonies."),
            "test",
            "test",
            null);
    String id = b.catalog().get(record("IEEE P9927", "x", "y").id()).id();
    long started = System.nanoTime();
    await(
        "both nodes serve a computation that lists the new record",
        () ->
            onA.current().filter(s -> lists(s, id)).isPresent()
                && onB.current().equals(onA.current())
                && !onA.pending()
                && !onB.pending());
    System.out.printf(
        Locale.ROOT,
        "topics again on both nodes after %.1f s; computed by A %d, by B %d%n",
        (System.nanoTime() - started) / 1e9,
        onA.computations(),
        onB.computations());
    assertThat(onA.computations() + onB.computations()).isEqualTo(2);
    assertThat(onA.current().orElseThrow().withoutVector()).isZero();
  }

  @Test
  void aNodeStartedOnAnExistingDatabaseBuildsItsIndexAndGoesOnFromItsMark() throws Exception {
    App a = node("a");
    a.follow();
    a.catalog()
        .save(record("IEEE P9911", "Standard for quillwort", "Ferns."), "test", "test", null);
    App b = node("b");
    String id = a.catalog().get(record("IEEE P9911", "x", "y").id()).id();
    assertThat(finds(b, "quillwort", id)).isTrue();
    b.close();
    opened.remove(b);

    // Written while B is down: B's committed index goes on from its mark when it starts again.
    a.catalog()
        .save(record("IEEE P9912", "Standard for hornwort", "Mosses."), "test", "test", null);
    App again = node("b");
    assertThat(finds(again, "hornwort", a.catalog().get(record("IEEE P9912", "x", "y").id()).id()))
        .isTrue();
    assertThat(finds(again, "quillwort", id)).isTrue();
  }

  @Test
  void nodesStartingTogetherPutTheBundledSuitesAndResourcesInOnce() throws Exception {
    App first = node("first");
    // A catalogue already there (a restart of both nodes): the race is over the suites and the
    // resources, which failed a two-node start with a duplicate key on suite_pkey.
    first
        .catalog()
        .save(record("IEEE P9913", "Standard for clubmoss", "Lycophytes."), "t", "t", null);
    List<App> nodes = List.of(first, node("second"), node("third"));
    var gate = new java.util.concurrent.CyclicBarrier(nodes.size());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(nodes.size());
    try {
      List<java.util.concurrent.Future<java.util.Optional<App.Seeded>>> runs = new ArrayList<>();
      for (App n : nodes) {
        runs.add(
            pool.submit(
                () -> {
                  gate.await();
                  return n.seedIfAbsent(Progress.SILENT);
                }));
      }
      int seeded = 0;
      for (var run : runs) {
        seeded += run.get().isPresent() ? 1 : 0; // throws what a node's seeding threw
      }
      assertThat(seeded).isBetween(1, nodes.size());
    } finally {
      pool.shutdown();
    }
    App later = node("later");
    assertThat(later.seedIfAbsent(Progress.SILENT).orElseThrow().curatedSuites()).isZero();
    for (App n : nodes) {
      assertThat(n.suites().published()).hasSize(later.suites().published().size()).isNotEmpty();
      assertThat(n.resources().count()).isEqualTo(later.resources().count()).isPositive();
    }
    assertThat(later.catalog().count()).isEqualTo(1);
  }
}
