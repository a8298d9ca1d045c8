package org.aisx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aisx.catalog.Progress;
import org.aisx.ingest.HostileFeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile feeds of issue 18 through the command line, as an operator given a bad file would run
 * it: each bad part is refused by name and everything valid around it is imported.
 */
class HostileImportTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();

  int importFile(Path file) {
    out.reset();
    if (!Files.exists(dir.resolve("data"))) {
      // An empty catalogue, not a fresh directory, which the import would give the bundled corpus.
      Fixtures.empty(dir.resolve("data")).close();
    }
    return new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8))
        .run(new String[] {"import", "--data", dir.resolve("data").toString(), file.toString()});
  }

  @Test
  void aCompressionBombIsRefusedNamingTheFileAndTheLimit() throws Exception {
    Path bomb = Files.write(dir.resolve("bomb.yaml.gz"), HostileFeeds.bomb());
    // Not imported to its end: the command fails (status 1), as a script must notice.
    assertThat(importFile(bomb)).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("bomb.yaml.gz")
        .contains("compression bomb")
        .contains("aisx.import.maxInflationRatio");
  }

  @Test
  void aliasesAndDeepNestingRejectTheirRecordAndTheValidRecordsAroundThemImport() throws Exception {
    Path feed = Files.write(dir.resolve("alias.yaml"), HostileFeeds.aliasFeed());
    assertThat(importFile(feed)).isEqualTo(0);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("alias.yaml record 2")
        .contains("alias (*name) of a mapping or list")
        .contains("alias.yaml record 3")
        .contains("nested more than");
    try (App app = App.open(dir.resolve("data"), null, Progress.SILENT)) {
      assertThat(app.catalog().find("iso-iec-42001-2023")).as(printed).isPresent();
      assertThat(app.catalog().count()).isEqualTo(2);
    }
  }
}
