package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Json;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.search.SearchRequest;
import org.aisx.taxonomy.Taxonomy;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real import process with SIGKILL as soon as its first batch is committed, then checks
 * that the catalogue it left is consistent: only whole batches of whole records are stored, the
 * index (never published by the killed process) is rebuilt on the next start and agrees with the
 * store, and importing again completes the work.
 */
class KilledImportTest {
  /** Batches in the feed: the import is killed after the first, with several still to go. */
  static final int BATCHES = 6;

  @TempDir Path dir;

  @Test
  void aKilledImportLeavesTheCatalogueConsistentAndCanBeRerun() throws Exception {
    ObjectMapper json = Json.mapper();
    StandardReader reader = new StandardReader(Taxonomy.bundled(json));
    List<Standard> base = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/corpus/starter.json")) {
      new JsonFormat(json).read(in, raw -> base.add(reader.read(raw.node())));
    }
    // Real records, copied under new identifiers, enough for several batches.
    Path feed = dir.resolve("feed.json");
    int total = 0;
    try (var out = Files.newOutputStream(feed);
        JsonFormat.Writer w = new JsonFormat(json).writer(out, "kill test")) {
      for (int copy = 0; total < BATCHES * Importer.BATCH; copy++) {
        for (Standard s : base) {
          w.write(s.toBuilder().identifier(s.identifier() + " copy " + copy).build());
          total++;
        }
      }
    }
    Path data = dir.resolve("data");
    // An empty catalogue, not a fresh directory, which the import would give the bundled corpus.
    Fixtures.empty(data).close();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The test JVM's VM options (the build's choice of JIT), not its agents or properties.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-XX:"))
        .forEach(command::add);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "org.aisx.Main",
            "import",
            "--format",
            "json",
            "--data",
            data.toString(),
            feed.toString()));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("import.log").toFile())
            .start();
    // Wait until the first batch is committed (read through a second connection), then kill
    // without warning while the next batches are being written.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && storedSoFar(data) < Importer.BATCH) {
      assertThat(p.isAlive()).as("import still running").isTrue();
      Thread.sleep(5);
    }
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Linux
    assertThat(p.exitValue()).as("the import was killed, not finished").isNotZero();

    long stored = storedSoFar(data);
    assertThat(stored).isPositive().isLessThan(total);
    System.err.println("STORED " + stored + " of " + total);
    // One transaction per batch: a kill leaves whole batches, each record with its history.
    assertThat(stored % Importer.BATCH).as("records of a half-written batch").isZero();
    assertThat(count(data, "SELECT COUNT(*) FROM history_event WHERE kind = 'created'"))
        .isEqualTo(stored);
    assertThat(
            count(
                data,
                "SELECT COUNT(*) FROM standard s WHERE s.revision <> 1 OR NOT EXISTS (SELECT 1"
                    + " FROM history_event e WHERE e.record_id = s.id AND e.kind = 'created')"))
        .isZero();
    // The killed process never published its index: the next start has to rebuild it.
    assertThat(indexedSoFar(data)).isLessThan(stored);

    try (App app = Fixtures.empty(data)) {
      assertThat(app.catalog().count()).isEqualTo(stored);
      assertThat(app.index().search(SearchRequest.all()).total()).isEqualTo(stored);
      assertThat(app.catalog().recentEvents(1)).isNotEmpty();
      // Every stored record is whole: it reads back, and its history starts with "created".
      Standard any =
          base.get(0).toBuilder().identifier(base.get(0).identifier() + " copy 0").build();
      assertThat(app.catalog().find(any.id())).isPresent();
      assertThat(app.catalog().history(any.id()).get(0).kind().wire()).isEqualTo("created");

      ImportSummary again =
          app.importer().importFiles(Importer.Format.JSON, List.of(feed), null, Progress.SILENT);
      assertThat(again.createdCount()).isEqualTo(total - stored);
      assertThat(again.unchangedCount()).isEqualTo(stored);
      assertThat(again.rejections()).isEmpty();
      assertThat(app.index().search(SearchRequest.all()).total()).isEqualTo(total);
    }
  }

  private static long storedSoFar(Path data) {
    if (!Files.exists(data.resolve("catalogue.db"))) {
      return 0;
    }
    try {
      return count(data, "SELECT COUNT(*) FROM standard");
    } catch (SQLException notYet) {
      return 0; // the schema is not there yet, or the file is busy
    }
  }

  private static long count(Path data, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalogue.db"));
        var rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Documents in the last commit of the index on disk (0 when it was never committed). */
  private static long indexedSoFar(Path data) throws Exception {
    try (var d = FSDirectory.open(data.resolve("index"))) {
      if (!DirectoryReader.indexExists(d)) {
        return 0;
      }
      try (DirectoryReader r = DirectoryReader.open(d)) {
        return r.numDocs();
      }
    }
  }
}
