package org.aisx.semantic;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.ingest.JsonFormat;
import org.aisx.taxonomy.Taxonomy;

/**
 * Build tool (not in the jar): embeds every record of the bundled corpus and writes the file {@link
 * BundledVectors} reads, in its format. Run after the corpus changes (the README's "The bundled
 * corpus" gives the commands):
 *
 * <pre>
 * BundledVectorsWriter src/main/resources/corpus/starter.json src/main/resources/corpus/starter-embeddings.bin
 * </pre>
 */
public final class BundledVectorsWriter {
  /** Records embedded per call, between progress lines. */
  private static final int CHUNK = 64;

  private BundledVectorsWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BundledVectorsWriter CORPUS.json OUTPUT.bin");
      System.exit(2);
    }
    write(Path.of(args[0]), Path.of(args[1]));
  }

  static void write(Path corpus, Path target) throws IOException {
    var json = Json.mapper();
    StandardReader reader = new StandardReader(Taxonomy.bundled(json));
    List<Standard> records = new ArrayList<>();
    try (InputStream in = Files.newInputStream(corpus)) {
      new JsonFormat(json).read(in, raw -> records.add(reader.read(raw.node())));
    }
    Embedder embedder = new Embedder();
    long start = System.nanoTime();
    // Batched (Embedder.embedAll): each chunk is tokenized once and run in padded batches.
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < records.size(); i += CHUNK) {
      List<String> texts =
          records.subList(i, Math.min(records.size(), i + CHUNK)).stream()
              .map(Embedder::textOf)
              .toList();
      vectors.addAll(List.of(embedder.embedAll(texts)));
      System.err.printf(Locale.ROOT, "%d/%d embedded%n", vectors.size(), records.size());
    }
    try (OutputStream os = Files.newOutputStream(target);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
      out.writeUTF(BundledVectors.MAGIC);
      out.writeUTF(Embedder.MODEL);
      out.writeInt(records.size());
      for (int i = 0; i < records.size(); i++) {
        Standard s = records.get(i);
        out.writeUTF(s.id());
        out.writeUTF(Embedder.hash(Embedder.textOf(s)));
        for (float f : vectors.get(i)) {
          out.writeFloat(f);
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(
        Locale.ROOT,
        "%d records embedded in %.1f s (%.1f records/s)%n",
        records.size(),
        seconds,
        records.size() / seconds);
  }
}
