package org.aisx.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.ingest.JsonFormat;
import org.aisx.landscape.HeatMap;
import org.aisx.landscape.Landscape;
import org.aisx.search.Axis;
import org.aisx.search.Facet;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;
import org.aisx.semantic.Embedder;
import org.aisx.semantic.HybridSearch;
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

/**
 * The full 13 × 15 heat-map (vertical × concern, every record, confirmed labels) as {@code GET
 * /api/v1/landscape} computes it, on the starter corpus, on the starter plus synthetic records
 * ({@link SyntheticCorpus}), or on a catalogue imported into a directory ({@code -p
 * corpus=dir:PATH}); and, for comparison in the same run, the plain search ({@code
 * /api/v1/standards} with no words) over the same index.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class LandscapeBenchmark {
  @Param({"starter", "100000"})
  public String corpus;

  Path dir;
  SearchIndex index;
  Landscape landscape;
  HybridSearch search;
  final Axis vertical = new Axis.OfFacet(Facet.VERTICAL);
  final Axis concern = new Axis.OfFacet(Facet.CONCERN);

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ObjectMapper json = Json.mapper();
    Taxonomy taxonomy = Taxonomy.bundled(json);
    List<Standard> starter = new ArrayList<>();
    StandardReader reader = new StandardReader(taxonomy);
    try (InputStream in = LandscapeBenchmark.class.getResourceAsStream("/corpus/starter.json")) {
      new JsonFormat(json)
          .read(in, raw -> starter.add(reader.read(raw.node()).toBuilder().revision(1).build()));
    }
    List<Standard> records = new ArrayList<>();
    if (corpus.startsWith("dir:")) {
      Path data = Path.of(corpus.substring(4));
      try (org.aisx.store.Database db =
          org.aisx.store.Database.open(org.aisx.store.StoreConfig.embedded(data))) {
        new org.aisx.store.SqlCatalogStore(db, json).forEach(records::add);
      }
    } else {
      records.addAll(starter);
      if (!corpus.equals("starter")) {
        SyntheticCorpus synthetic = new SyntheticCorpus(starter, 42);
        for (int i = records.size(); i < Integer.parseInt(corpus); i++) {
          records.add(synthetic.record(i));
        }
      }
    }
    dir = Files.createTempDirectory("aisx-bench-landscape");
    index = SearchIndex.open(dir, json);
    for (Standard s : records) {
      index.upsert(s);
    }
    index.publish(records.size());
    search = new HybridSearch(index, null, new Embedder());
    landscape = new Landscape(search, taxonomy);
    HeatMap check = landscape.heatMap(request(), vertical, concern);
    if (check.rows().size() != 13 || check.cols().size() != 15) {
      throw new IllegalStateException("not a 13 × 15 map: " + check.rows() + check.cols());
    }
  }

  static SearchRequest request() {
    return SearchRequest.all().includingSuggestions(false);
  }

  @Benchmark
  public HeatMap fullHeatMap() {
    return landscape.heatMap(request(), vertical, concern);
  }

  @Benchmark
  public Object plainSearch() {
    return search.search(request());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    index.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
