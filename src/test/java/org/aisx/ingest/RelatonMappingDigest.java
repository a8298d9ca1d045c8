package org.aisx.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.aisx.catalog.Json;

/**
 * A fingerprint of what the Relaton reader makes of whole feeds, to show that a change to the
 * mapping code (a refactoring) changes no output: {@code java -cp ...
 * org.aisx.ingest.RelatonMappingDigest [--out DIR] FILE...}. For each feed it prints the number of
 * mapped and rejected records and the SHA-256 of the JSON of every outcome ({@link
 * RelatonReader.Outcome.Mapped} or {@link RelatonReader.Outcome.Rejected}, with the project's JSON
 * configuration: sorted map keys), one per line, in stream order. The source name given to the
 * reader is the file name without {@code .yaml.gz}/{@code .yaml} ("relaton-iec"), as an import
 * names it.
 *
 * <p>With {@code --out DIR} the JSON lines are also written to {@code DIR/NAME.jsonl}, so that two
 * runs whose digests differ can be compared with {@code diff}. Used on the full shared feeds, which
 * the build does not have; {@code RelatonMappingGoldenTest} checks the committed fixtures the same
 * way.
 */
public final class RelatonMappingDigest {

  /** What one feed came to. */
  record Result(String source, int mapped, int rejected, String sha256) {}

  private RelatonMappingDigest() {}

  public static void main(String[] args) throws IOException {
    Path out = null;
    List<Path> feeds = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--out")) {
        out = Files.createDirectories(Path.of(args[++i]));
      } else {
        feeds.add(Path.of(args[i]));
      }
    }
    System.out.println("| feed | mapped | rejected | SHA-256 of the outcomes |");
    System.out.println("|---|---|---|---|");
    for (Path feed : feeds) {
      String source = sourceName(feed);
      Result r;
      try (InputStream in = Files.newInputStream(feed)) {
        if (out == null) {
          r = digest(source, in, null);
        } else {
          try (OutputStream lines = Files.newOutputStream(out.resolve(source + ".jsonl"))) {
            r = digest(source, in, lines);
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %d | `%s` |%n",
          r.source(),
          r.mapped(),
          r.rejected(),
          r.sha256());
    }
  }

  static String sourceName(Path feed) {
    String name = feed.getFileName().toString();
    for (String suffix : List.of(".yaml.gz", ".yml.gz", ".yaml", ".yml", ".gz")) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  /** Reads one feed; writes each outcome's JSON line to {@code lines} when it is not null. */
  static Result digest(String source, InputStream in, OutputStream lines) {
    ObjectMapper json = Json.mapper();
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    int[] counts = new int[2];
    new RelatonReader(source)
        .read(
            in,
            outcome -> {
              counts[outcome instanceof RelatonReader.Outcome.Mapped ? 0 : 1]++;
              byte[] line;
              try {
                line = (json.writeValueAsString(outcome) + "\n").getBytes(StandardCharsets.UTF_8);
                if (lines != null) {
                  lines.write(line);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              sha.update(line);
            });
    return new Result(source, counts[0], counts[1], HexFormat.of().formatHex(sha.digest()));
  }
}
