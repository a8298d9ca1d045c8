package org.aisx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.aisx.store.StoreConfig;
import org.apache.commons.io.file.PathUtils;

/**
 * The bundled content as a ready-made embedded data directory: the store and the search index as
 * they are once the starter corpus (with its shipped vectors and classification), the learning
 * resources and the curated suites have been put into an empty catalogue, and the topics computed
 * over them. The build makes it ({@code src/tools/java/org/aisx/StarterImageWriter}, run by Maven
 * before the tests, so that the tests serve the jar's own image), with the same code and the same
 * bundled files as the jar.
 *
 * <p>A first {@code serve} on the embedded store unpacks it instead of loading the corpus record by
 * record: the whole corpus answers from the first search (issue 21 item 2; BENCHMARKS.md, "Start to
 * first answer"). A data directory is fresh when it holds neither a store nor an index; anything
 * else is left alone. The image is unpacked beside its place and moved in, the index first and the
 * store last, so a start stopped half-way leaves either nothing or a directory that the next start
 * opens as any other (an index without a store is rebuilt from the store, which then gets the
 * corpus the slow way).
 */
final class StarterImage {
  /** Where the jar holds the image; absent from a build that skipped its tools. */
  static final String RESOURCE = "/corpus/starter-image.zip";

  /**
   * The files of a data directory an image holds: the store (with the kept topics) and the index.
   */
  static final Set<String> TOP_LEVEL = Set.of(StoreConfig.EMBEDDED_FILE, App.INDEX_DIR);

  private static final String PARTIAL = ".starter-image.partial";

  private StarterImage() {}

  /** Whether {@code dataDir} holds neither a store nor an index (it may not exist at all). */
  static boolean fresh(Path dataDir) {
    return !Files.exists(dataDir.resolve(StoreConfig.EMBEDDED_FILE))
        && !Files.exists(dataDir.resolve(App.INDEX_DIR));
  }

  /**
   * Unpacks the jar's image into {@code dataDir} when the directory is fresh and the jar holds one;
   * returns whether it did.
   */
  static boolean unpackIfFresh(Path dataDir) {
    if (!fresh(dataDir)) {
      return false;
    }
    try (InputStream in = StarterImage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return false;
      }
      unpack(in, dataDir);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the bundled catalogue into " + dataDir, e);
    }
  }

  /** Unpacks {@code image} (a zip of {@link #TOP_LEVEL} files) into the fresh {@code dataDir}. */
  static void unpack(InputStream image, Path dataDir) throws IOException {
    Path partial = dataDir.resolve(PARTIAL);
    deleteTree(partial); // left by a start stopped while unpacking
    Files.createDirectories(partial);
    try (ZipInputStream zip = new ZipInputStream(image)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        Path target = partial.resolve(e.getName()).normalize();
        Path relative = partial.relativize(target);
        if (!target.startsWith(partial)
            || relative.getNameCount() == 0
            || !TOP_LEVEL.contains(relative.getName(0).toString())) {
          throw new IOException("the bundled catalogue holds an unexpected entry: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(zip, target);
        }
      }
    }
    Path store = partial.resolve(StoreConfig.EMBEDDED_FILE);
    if (!Files.isRegularFile(store) || !Files.isDirectory(partial.resolve(App.INDEX_DIR))) {
      throw new IOException("the bundled catalogue lacks its store or its index");
    }
    // The store last: its presence says that the rest is in place.
    for (String name : new String[] {App.INDEX_DIR, StoreConfig.EMBEDDED_FILE}) {
      Path from = partial.resolve(name);
      if (Files.exists(from)) {
        Files.move(from, dataDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    deleteTree(partial);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      PathUtils.deleteDirectory(dir);
    }
  }
}
