package org.aisx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run as a user runs it (minus the JVM start). */
class MainTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    out.reset();
    err.reset();
    return new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void importExportAndReimportElsewhere() throws Exception {
    Path fixture = dir.resolve("rfc.json");
    try (var in = getClass().getResourceAsStream("/fixtures/catalogue/rfc-http.json")) {
      Files.copy(in, fixture);
    }
    String data = dir.resolve("data").toString();

    assertThat(run("import", "--format", "json", "--data", data, fixture.toString())).isEqualTo(0);
    assertThat(out()).contains("Summary: created 2, updated 0, unchanged 0, rejected 0");
    assertThat(run("import", "--format", "json", "--data", data, fixture.toString())).isEqualTo(0);
    assertThat(out()).contains("Summary: created 0, updated 0, unchanged 2, rejected 0");

    Path export = dir.resolve("out.json.gz");
    assertThat(run("export", "--format", "json", "--data", data, export.toString())).isEqualTo(0);
    assertThat(out()).contains("Exported 2 records");

    String other = dir.resolve("other").toString();
    assertThat(
            run(
                "import",
                "--format",
                "json",
                "--data",
                other,
                "--source",
                "copy",
                export.toString()))
        .isEqualTo(0);
    assertThat(out()).contains("created 2");

    assertThat(run("reindex", "--data", other)).isEqualTo(0);
    assertThat(out()).contains("2 records indexed");
  }

  @Test
  void badUsageExitsWithTwoAndSaysWhy() {
    assertThat(run("import", "--format", "yaml", "--data", dir.toString(), "x.json")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown import format 'yaml'");
    assertThat(run("serve", "--port", "http")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be a number");
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(run("import", "--colour", "blue")).isEqualTo(2);
  }

  @Test
  void aMissingInputFileIsAnErrorNamingTheFile() {
    assertThat(run("import", "--format", "json", "--data", dir.toString(), "/no/such/file.json"))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("/no/such/file.json");
  }
}
