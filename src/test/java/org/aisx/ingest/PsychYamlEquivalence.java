package org.aisx.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Compares {@link PsychYaml} with SnakeYAML Engine on every document of Relaton feeds: {@code java
 * -cp ... org.aisx.ingest.PsychYamlEquivalence FILE...}. Prints how many documents each took, how
 * many the fast reader handed over to SnakeYAML (and why), and any document where the two differ.
 * Used on the full shared feeds (see BENCHMARKS.md); {@code PsychYamlTest} runs the same check on
 * the committed fixtures.
 */
public final class PsychYamlEquivalence {

  /** The result of comparing the documents of one stream. */
  record Result(int documents, int fast, List<String> unsupported, List<String> differences) {}

  public static void main(String[] args) throws IOException {
    for (String arg : args) {
      try (InputStream in = Files.newInputStream(Path.of(arg))) {
        Result r = compare(in);
        System.out.printf(
            Locale.ROOT,
            "%s: %d documents, %d read by the fast reader, %d handed to SnakeYAML, %d differ%n",
            arg,
            r.documents(),
            r.fast(),
            r.unsupported().size(),
            r.differences().size());
        r.unsupported().stream().limit(20).forEach(u -> System.out.println("  unsupported " + u));
        r.differences().stream().limit(20).forEach(d -> System.out.println("  DIFFERS " + d));
      }
    }
  }

  static Result compare(InputStream raw) throws IOException {
    Load load = new Load(LoadSettings.builder().build());
    RelatonReader full = new RelatonReader("equivalence");
    List<String> unsupported = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    int[] counts = new int[2];
    // One thread's remembered scalars across the stream, as the reader uses them.
    PsychYaml.Scalars scalars = new PsychYaml.Scalars();
    documents(
        raw,
        doc -> {
          counts[0]++;
          StringBuilder text = new StringBuilder();
          doc.forEach(l -> text.append(l).append('\n'));
          Object expected;
          try {
            expected = full.parseFully(text);
          } catch (RuntimeException e) {
            expected = e.getClass().getSimpleName();
          }
          try {
            Object actual = PsychYaml.parse(new ArrayList<>(doc), load::loadFromString, scalars);
            counts[1]++;
            if (!Objects.equals(expected, actual)) {
              differences.add("document " + counts[0] + ": " + firstLine(doc));
            }
          } catch (PsychYaml.Unsupported e) {
            unsupported.add("document " + counts[0] + ": " + e.getMessage());
          }
        });
    return new Result(counts[0], counts[1], unsupported, differences);
  }

  private static String firstLine(List<String> doc) {
    return doc.stream()
        .filter(l -> l.startsWith("id:") || l.startsWith("docid"))
        .findFirst()
        .orElse(doc.size() > 1 ? doc.get(1) : "");
  }

  /** Cuts a stream (plain or gzip) into documents at its "---" lines. */
  static void documents(InputStream raw, Consumer<List<String>> sink) throws IOException {
    BufferedReader r =
        new BufferedReader(
            new InputStreamReader(Inputs.decompressed(raw), StandardCharsets.UTF_8), 1 << 16);
    List<String> doc = new ArrayList<>();
    String line;
    while ((line = r.readLine()) != null) {
      if (line.startsWith("---") && !doc.isEmpty()) {
        sink.accept(doc);
        doc = new ArrayList<>();
      }
      doc.add(line);
    }
    if (!doc.isEmpty()) {
      sink.accept(doc);
    }
  }

  private PsychYamlEquivalence() {}
}
