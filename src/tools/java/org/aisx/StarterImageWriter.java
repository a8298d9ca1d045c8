package org.aisx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.aisx.catalog.Progress;
import org.aisx.store.StoreConfig;
import org.apache.commons.io.file.PathUtils;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Build tool (not in the jar; Maven runs it before the tests): writes {@link StarterImage}'s zip.
 * Seeds an empty scratch catalogue as a first {@code serve} does (the starter corpus with its
 * shipped vectors and classification, the learning resources, the curated suites), computes the
 * topics (kept in the store), closes it (the index committed in step with the store), merges the
 * index to one segment, and zips the store and the index.
 *
 * <pre>
 * StarterImageWriter target/classes/corpus/starter-image.zip
 * </pre>
 */
public final class StarterImageWriter {
  private StarterImageWriter() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: StarterImageWriter OUTPUT.zip");
      System.exit(2);
    }
    long start = System.nanoTime();
    Path scratch = Files.createTempDirectory("aisx-starter-image");
    try {
      long records;
      try (App app = App.open(scratch, null, Progress.SILENT)) {
        App.Seeding seeding =
            app.beginSeeding()
                .orElseThrow(() -> new IllegalStateException("the scratch store is shared"));
        if (!seeding.corpus()) {
          throw new IllegalStateException("the scratch catalogue was not empty");
        }
        App.Seeded seeded = seeding.run(Progress.SILENT);
        if (seeded.corpus().createdCount() == 0 || !seeded.corpus().rejections().isEmpty()) {
          throw new IllegalStateException(
              "the starter corpus did not load cleanly: " + seeded.corpus());
        }
        var topics = app.startTopics(Progress.SILENT);
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (topics.current().isEmpty() || topics.pending()) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the topics were not computed in 10 minutes");
          }
          Thread.sleep(20);
        }
        records = app.catalog().count();
      }
      mergeToOneSegment(scratch.resolve(App.INDEX_DIR));
      Path target = Path.of(args[0]);
      write(scratch, target);
      System.err.printf(
          Locale.ROOT,
          "StarterImageWriter: %d records, %d bytes written to %s in %.1f s%n",
          records,
          Files.size(target),
          target,
          (System.nanoTime() - start) / 1e9);
    } finally {
      PathUtils.deleteDirectory(scratch);
    }
  }

  /**
   * Merges the closed index to one segment without deleted documents, under its commit's store
   * mark. Loading the corpus writes some records more than once; until merges reclaim the replaced
   * documents, BM25 still counts them (1,202 records: 1,498 documents in two segments), so the
   * image would rank near ties otherwise than a catalogue without replaced documents.
   */
  static void mergeToOneSegment(Path index) throws IOException {
    try (FSDirectory directory = FSDirectory.open(index);
        IndexWriter writer =
            new IndexWriter(
                directory,
                new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      writer.forceMerge(1);
      writer.commit();
    }
  }

  /** Zips the image's files of the closed data directory {@code dir} into {@code target}. */
  static void write(Path dir, Path target) throws IOException {
    for (String leftover : List.of("-wal", "-shm", "-journal")) {
      if (Files.exists(dir.resolve(StoreConfig.EMBEDDED_FILE + leftover))) {
        throw new IllegalStateException("the store was not closed cleanly: " + leftover);
      }
    }
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial);
        ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
        String name = dir.relativize(p).toString().replace('\\', '/');
        String top = name.split("/", 2)[0];
        if (!StarterImage.TOP_LEVEL.contains(top) || name.endsWith("write.lock")) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(p, zip);
        zip.closeEntry();
      }
    }
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
