package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real import process with SIGKILL half-way, then checks that the catalogue it left is
 * consistent: the index agrees with the store, no record is half-written, and importing again
 * completes the work.
 */
class KilledImportTest {
  @TempDir Path dir;

  @Test
  void aKilledImportLeavesTheCatalogueConsistentAndCanBeRerun() throws Exception {
    ObjectMapper json = Json.mapper();
    StandardReader reader = new StandardReader(Taxonomy.bundled(json));
    List<Standard> base = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("/corpus/starter.json")) {
      new JsonFormat(json).read(in, raw -> base.add(reader.read(raw.node())));
    }
    // Real records, copied under new identifiers, so the import runs long enough to be killed.
    Path feed = dir.resolve("feed.json");
    int total = 0;
    try (var out = Files.newOutputStream(feed);
        JsonFormat.Writer w = new JsonFormat(json).writer(out, "kill test")) {
      for (int copy = 0; copy < 100; copy++) {
        for (Standard s : base) {
          w.write(s.toBuilder().identifier(s.identifier() + " copy " + copy).build());
          total++;
        }
      }
    }
    Path data = dir.resolve("data");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.aisx.Main",
                "import",
                "--format",
                "json",
                "--data",
                data.toString(),
                feed.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("import.log").toFile())
            .start();
    // Wait until a few batches are in the store (read through a second connection), then kill
    // without warning.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && storedSoFar(data) < 1_000) {
      assertThat(p.isAlive()).as("import still running").isTrue();
      Thread.sleep(20);
    }
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Linux
    assertThat(p.exitValue()).as("the import was killed, not finished").isNotZero();

    long stored;
    try (App app = Fixtures.empty(data)) {
      stored = app.catalog().count();
      assertThat(stored).isPositive().isLessThan(total);
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
    Path db = data.resolve("catalogue.db");
    if (!Files.exists(db)) {
      return 0;
    }
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM standard")) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (java.sql.SQLException notYet) {
      return 0; // the schema is not there yet, or the file is busy
    }
  }
}
