package org.aisx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.aisx.catalog.Json;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.classify.BundledClassification;
import org.aisx.classify.Classifier;
import org.aisx.semantic.Embedder;
import org.aisx.semantic.EmbeddingJob;
import org.apache.commons.io.file.PathUtils;

/**
 * Build tool (not in the jar): writes {@link BundledClassification}'s file. Loads the bundled
 * corpus and its vectors (without any shipped classification) into a scratch catalogue, lets the
 * service's own embedding job classify every record, then writes the stored suggestions. Run after
 * the corpus, its vectors, the taxonomy or the classifier change (docs/ai-corpus.md):
 *
 * <pre>
 * BundledClassificationWriter src/main/resources/corpus/starter-classification.json.gz
 * </pre>
 */
public final class BundledClassificationWriter {
  private BundledClassificationWriter() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: BundledClassificationWriter OUTPUT.json.gz");
      System.exit(2);
    }
    Path scratch = Files.createTempDirectory("aisx-classification");
    long start = System.nanoTime();
    try (App app = App.open(scratch, null, Progress.SILENT)) {
      app.loadStarterCorpusIfEmpty(Progress.SILENT, false);
      EmbeddingJob job = app.startEmbedding(Progress.SILENT);
      List<Standard> records = new ArrayList<>();
      app.catalog().forEach(records::add);
      records.sort(Comparator.comparing(Standard::id));
      long deadline = System.nanoTime() + 1_800_000_000_000L;
      for (Standard s : records) {
        while (!app.classification().suggestions().madeFromCurrentText(s)) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("not classified in 30 minutes: " + s.id());
          }
          Thread.sleep(50);
        }
      }
      while (job.status().waiting() > 0 || !app.classification().settled()) {
        Thread.sleep(50);
      }
      write(app, records, Path.of(args[0]));
      System.err.printf(
          Locale.ROOT,
          "%d records classified and written to %s in %.1f s%n",
          records.size(),
          args[0],
          (System.nanoTime() - start) / 1e9);
    } finally {
      PathUtils.deleteDirectory(scratch);
    }
  }

  private static void write(App app, List<Standard> records, Path target) throws IOException {
    ObjectMapper json = Json.mapper();
    ObjectNode root = json.createObjectNode();
    root.put("version", new Classifier(app.taxonomy(), app.embedder()).version());
    ArrayNode out = root.putArray("records");
    for (Standard s : records) {
      Standard current = app.catalog().get(s.id());
      ObjectNode r = out.addObject();
      r.put("id", current.id());
      r.put("textHash", Embedder.hash(Embedder.textOf(current)));
      r.set("suggestions", json.valueToTree(app.classification().suggestions().forRecord(current)));
    }
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(target))) {
      json.writeValue(os, root);
    }
  }
}
