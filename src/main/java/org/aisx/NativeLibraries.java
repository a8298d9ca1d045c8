package org.aisx;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the native libraries in the jar are loaded from: a directory of the data directory, each
 * library unpacked there once per build of it, rather than where the libraries unpack themselves by
 * default. By default sqlite-jdbc and ONNX Runtime unpack theirs from the jar at every start, under
 * new names in the temporary directory, and delete them at exit only through shutdown hooks, which
 * a clean stop never runs ({@code Runtime.halt}, see {@link CleanStop}): every {@code serve} left
 * 17 MB behind in /tmp (1.1 MB of SQLite, 16.6 MB of ONNX Runtime; 26 such directories after one
 * afternoon of tests). Unpacking also cost SQLite's start 0.1-0.4 s on the main thread, reading the
 * file back to compare (BENCHMARKS.md, "Start to first answer").
 *
 * <p>Each library is pointed at through its own documented property ({@code org.sqlite.lib.path}
 * and {@code org.sqlite.lib.name}; {@code onnxruntime.native.path}); an operator who sets one keeps
 * it. Where a library is not in a jar, not built for this platform, or cannot be unpacked, it keeps
 * its default.
 */
final class NativeLibraries {
  private static final Logger LOG = LoggerFactory.getLogger(NativeLibraries.class);

  static final String SQLITE_PATH = "org.sqlite.lib.path";
  static final String SQLITE_NAME = "org.sqlite.lib.name";
  static final String ONNX_RUNTIME_PATH = "onnxruntime.native.path";

  private NativeLibraries() {}

  /** Points sqlite-jdbc at its library unpacked under {@code natives}; returns its directory. */
  static Path sqlite(Path natives) {
    if (System.getProperty(SQLITE_PATH) != null) {
      return null;
    }
    String name = org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
    Path dir =
        unpackOnce(
            natives,
            "sqlite",
            org.sqlite.SQLiteJDBCLoader.class,
            List.of(org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name));
    if (dir != null) {
      System.setProperty(SQLITE_PATH, dir.toString());
      System.setProperty(SQLITE_NAME, name);
    }
    return dir;
  }

  /**
   * Points ONNX Runtime at its libraries unpacked under {@code natives}; returns their directory.
   */
  static Path onnxRuntime(Path natives) {
    if (System.getProperty(ONNX_RUNTIME_PATH) != null) {
      return null;
    }
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      return null; // the jar holds ONNX Runtime's Linux x86-64 libraries only
    }
    String base = "/ai/onnxruntime/native/linux-x64/";
    Path dir =
        unpackOnce(
            natives,
            "onnxruntime",
            ai.onnxruntime.OrtEnvironment.class,
            List.of(
                base + System.mapLibraryName("onnxruntime"),
                base + System.mapLibraryName("onnxruntime4j_jni")));
    if (dir != null) {
      System.setProperty(ONNX_RUNTIME_PATH, dir.toString());
    }
    return dir;
  }

  /**
   * Unpacks {@code resources} (of {@code owner}'s jar) into {@code natives/PREFIX-CRC}, named by
   * the CRC-32 of the first as the jar records it, unless they are there already; returns that
   * directory, or null when they are not all in a jar or cannot be unpacked.
   */
  static Path unpackOnce(Path natives, String prefix, Class<?> owner, List<String> resources) {
    try {
      long crc = -1;
      for (String resource : resources) {
        URL url = owner.getResource(resource);
        if (url == null) {
          return null;
        }
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
          return null;
        }
        JarEntry entry = jar.getJarEntry();
        if (entry == null || entry.getCrc() < 0) {
          return null;
        }
        if (crc < 0) {
          crc = entry.getCrc();
        }
      }
      Path dir =
          natives.toAbsolutePath().resolve(prefix + "-" + String.format(Locale.ROOT, "%08x", crc));
      for (String resource : resources) {
        Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        if (Files.isRegularFile(file)) {
          continue;
        }
        Files.createDirectories(dir);
        // Whole or not at all: a start stopped while writing leaves only a partial file behind.
        Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
        try (InputStream in = owner.getResourceAsStream(resource)) {
          Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
          Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(partial);
        }
      }
      return dir;
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot unpack {}'s native libraries into {}: {}", prefix, natives, e.toString());
      return null;
    }
  }
}
