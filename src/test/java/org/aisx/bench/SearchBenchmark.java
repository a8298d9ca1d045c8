package org.aisx.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.ingest.JsonFormat;
import org.aisx.search.Facet;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;
import org.aisx.search.SearchResult;
import org.aisx.taxonomy.Taxonomy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Search latency: the Lucene index against PostgreSQL full-text search (tsvector + GIN, the
 * alternative a user would pick) over the same records, each answering the same request: top 20
 * hits, the total, and counts of four facets computed drill-sideways.
 *
 * <p>Run: see BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class SearchBenchmark {
  static final String PG =
      System.getProperty("aisx.bench.pg", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  /**
   * "starter": the bundled corpus; a number: that many synthetic records; "dir:PATH": every record
   * of a catalogue imported into PATH (run with {@code -p corpus=dir:/tmp/feeds}).
   */
  @Param({"starter", "100000"})
  public String corpus;

  record Query(String q, Map<Facet, List<String>> filters) {}

  static final List<Query> QUERIES =
      List.of(
          new Query("management system", Map.of(Facet.SDO, List.of("ISO/IEC"))),
          new Query("machine learning network", Map.of()),
          new Query("42001", Map.of()),
          new Query("risk", Map.of(Facet.STATUS, List.of("in-force"))),
          new Query("", Map.of(Facet.SDO, List.of("IEEE"))),
          new Query("transparency autonomous systems", Map.of()),
          new Query("data quality analytics", Map.of(Facet.STATUS, List.of("in-force", "draft"))),
          new Query("artificial intelligence", Map.of(Facet.SDO, List.of("ISO/IEC", "ITU-T"))));

  Path dir;
  SearchIndex index;
  Connection pg;
  String table;
  int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ObjectMapper json = Json.mapper();
    List<Standard> starter = new ArrayList<>();
    StandardReader reader = new StandardReader(Taxonomy.bundled(json));
    try (InputStream in = SearchBenchmark.class.getResourceAsStream("/corpus/starter.json")) {
      new JsonFormat(json)
          .read(in, raw -> starter.add(reader.read(raw.node()).toBuilder().revision(1).build()));
    }
    List<Standard> records = new ArrayList<>();
    if (corpus.startsWith("dir:")) {
      // A catalogue imported with `aisx import --data DIR` (e.g. all the shared feeds).
      Path data = Path.of(corpus.substring(4));
      try (org.aisx.store.Database db =
          org.aisx.store.Database.open(org.aisx.store.StoreConfig.embedded(data))) {
        new org.aisx.store.SqlCatalogStore(db, json).forEach(records::add);
      }
    } else if (corpus.equals("starter")) {
      records.addAll(starter);
    } else {
      SyntheticCorpus synthetic = new SyntheticCorpus(starter, 42);
      records.addAll(starter);
      for (int i = records.size(); i < Integer.parseInt(corpus); i++) {
        records.add(synthetic.record(i));
      }
    }
    dir = Files.createTempDirectory("aisx-bench");
    index = SearchIndex.open(dir, json);
    for (Standard s : records) {
      index.upsert(s);
    }
    index.publish(records.size());

    pg = DriverManager.getConnection(PG);
    table = "aisx_bench_" + corpus.replaceAll("[^a-z0-9]", "_");
    try (Statement st = pg.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + table);
      st.execute(
          "CREATE TABLE "
              + table
              + " (id text PRIMARY KEY, identifier text, sdo text, status text, type text,"
              + " concerns text[], published text, currency float8, doc jsonb, tsv tsvector)");
    }
    pg.setAutoCommit(false);
    try (PreparedStatement ins =
        pg.prepareStatement(
            "INSERT INTO "
                + table
                + " VALUES (?,?,?,?,?,?,?,?,?::jsonb,"
                + " setweight(to_tsvector('english', ?), 'A') || setweight(to_tsvector('simple', ?), 'A')"
                + " || setweight(to_tsvector('english', ?), 'C'))")) {
      int n = 0;
      for (Standard s : records) {
        ins.setString(1, s.id());
        ins.setString(2, s.identifier());
        ins.setString(3, s.sdo());
        ins.setString(4, s.status().wire());
        ins.setString(5, s.type().wire());
        ins.setArray(6, pg.createArrayOf("text", s.concerns().toArray()));
        ins.setString(7, s.published());
        ins.setDouble(8, s.status().isCurrent() ? 1.0 : 0.4);
        ins.setString(9, json.writeValueAsString(s));
        ins.setString(10, s.titleIn("en") + " " + String.join(" ", s.keywords()));
        ins.setString(11, s.identifier().replaceAll("[^A-Za-z0-9]+", " "));
        ins.setString(12, s.abstractIn("en"));
        ins.addBatch();
        if (++n % 1000 == 0) {
          ins.executeBatch();
        }
      }
      ins.executeBatch();
    }
    try (Statement st = pg.createStatement()) {
      st.execute("CREATE INDEX ON " + table + " USING gin (tsv)");
      st.execute("CREATE INDEX ON " + table + " (sdo)");
      st.execute("CREATE INDEX ON " + table + " (status)");
    }
    pg.commit();
    try (Statement st = pg.createStatement()) {
      pg.setAutoCommit(true);
      st.execute("ANALYZE " + table);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    index.close();
    try (Statement st = pg.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + table);
    }
    pg.close();
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private Query nextQuery() {
    return QUERIES.get(Math.floorMod(next++, QUERIES.size()));
  }

  @Benchmark
  public SearchResult lucene() {
    Query q = nextQuery();
    return index.search(
        new SearchRequest(q.q(), q.filters(), null, null, SearchRequest.Sort.RELEVANCE, 1, 20));
  }

  /**
   * The same answer from PostgreSQL: hits ranked by ts_rank × currency, the total, and for each of
   * sdo, status, type and concern a GROUP BY with every other facet's filter applied.
   */
  @Benchmark
  public void postgresFullText(Blackhole bh) throws Exception {
    Query q = nextQuery();
    String match =
        q.q().isEmpty()
            ? "TRUE"
            : "tsv @@ (websearch_to_tsquery('english', ?) || websearch_to_tsquery('simple', ?))";
    String sdo = q.filters().containsKey(Facet.SDO) ? "sdo = ANY(?)" : "TRUE";
    String status = q.filters().containsKey(Facet.STATUS) ? "status = ANY(?)" : "TRUE";
    String rank =
        q.q().isEmpty()
            ? "currency"
            : "ts_rank(tsv, websearch_to_tsquery('english', ?)) * currency";
    String hits =
        "SELECT doc, count(*) OVER () FROM "
            + table
            + " WHERE "
            + match
            + " AND "
            + sdo
            + " AND "
            + status
            + " ORDER BY "
            + rank
            + " DESC, published DESC NULLS LAST LIMIT 20";
    try (PreparedStatement ps = pg.prepareStatement(hits)) {
      int i = 1;
      if (!q.q().isEmpty()) {
        ps.setString(i++, q.q());
        ps.setString(i++, q.q());
      }
      i = bindFilters(ps, i, q, true, true);
      if (!q.q().isEmpty()) {
        ps.setString(i, q.q());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          bh.consume(rs.getString(1));
          bh.consume(rs.getLong(2));
        }
      }
    }
    for (String facet : List.of("sdo", "status", "type", "concern")) {
      String column = facet.equals("concern") ? "unnest(concerns)" : facet;
      String sql =
          "SELECT "
              + column
              + " AS v, count(*) FROM "
              + table
              + " WHERE "
              + match
              + " AND "
              + (facet.equals("sdo") ? "TRUE" : sdo)
              + " AND "
              + (facet.equals("status") ? "TRUE" : status)
              + " GROUP BY v ORDER BY 2 DESC";
      try (PreparedStatement ps = pg.prepareStatement(sql)) {
        int i = 1;
        if (!q.q().isEmpty()) {
          ps.setString(i++, q.q());
          ps.setString(i++, q.q());
        }
        bindFilters(ps, i, q, !facet.equals("sdo"), !facet.equals("status"));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            bh.consume(rs.getString(1));
          }
        }
      }
    }
  }

  private int bindFilters(PreparedStatement ps, int i, Query q, boolean withSdo, boolean withStatus)
      throws Exception {
    if (withSdo && q.filters().containsKey(Facet.SDO)) {
      ps.setArray(i++, pg.createArrayOf("text", q.filters().get(Facet.SDO).toArray()));
    }
    if (withStatus && q.filters().containsKey(Facet.STATUS)) {
      ps.setArray(i++, pg.createArrayOf("text", q.filters().get(Facet.STATUS).toArray()));
    }
    return i;
  }
}
