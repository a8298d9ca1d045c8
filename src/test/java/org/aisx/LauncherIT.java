package org.aisx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/aisx}, the README's way to start the service, with its class-data archive: the first
 * {@code serve} writes the archive when SIGTERM stops it (and still exits 0), and the next start
 * maps it ({@code -Xshare:on} makes the JVM refuse to start if it cannot). Runs after the jar is
 * built, like {@link CleanShutdownIT}.
 */
class LauncherIT {
  @TempDir Path dir;

  /** Starts {@code bin/aisx serve}, waits until it serves, stops it with SIGTERM; its output. */
  private String serveAndStop(Path archive, String javaOpts) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    "bin/aisx", "serve", "--port", "0", "--data", dir.resolve("data").toString()))
            .redirectErrorStream(true);
    pb.environment().put("AISX_CDS", archive.toString());
    pb.environment().put("JAVA_OPTS", javaOpts);
    Process p = pb.start();
    StringBuilder out = new StringBuilder();
    boolean serving = false;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.append(line).append('\n');
        if (line.contains("records, http://")) {
          serving = true;
          p.toHandle().destroy(); // SIGTERM to the script, its output still read
        }
      }
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(out.toString()).isTrue();
    assertThat(serving).as(out.toString()).isTrue();
    assertThat(p.exitValue()).as(out.toString()).isZero();
    return out.toString();
  }

  @Test
  void theFirstServeWritesTheClassArchiveAndTheNextStartMapsIt() throws Exception {
    Path archive = dir.resolve("cache/aisx.jsa");

    String first = serveAndStop(archive, "");
    assertThat(first).contains("Stopped cleanly");
    assertThat(archive).exists();
    assertThat(Files.size(archive)).isGreaterThan(1_000_000);
    try (Stream<Path> left = Files.list(archive.getParent())) {
      assertThat(left.map(f -> f.getFileName().toString())).containsExactly("aisx.jsa");
    }

    String second = serveAndStop(archive, "-Xshare:on");
    assertThat(second).contains("Stopped cleanly").doesNotContain("shared archive");
  }

  @Test
  void anEmptyArchiveSettingStartsWithoutOne() throws Exception {
    String out = serveAndStop(Path.of(""), "-Xshare:auto");
    assertThat(out).contains("Stopped cleanly");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("data");
    }
  }
}
