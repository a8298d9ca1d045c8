package org.aisx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.aisx.catalog.Progress;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;

/** Opens real catalogues (SQLite file, Lucene index on disk) for tests. */
public final class Fixtures {
  private Fixtures() {}

  /** The starter catalogue, loaded once per test JVM and copied for each test that asks. */
  private static Path starterTemplate;

  /** An empty catalogue in {@code dir}. */
  public static App empty(Path dir) {
    return App.open(dir, null, Progress.SILENT);
  }

  /**
   * The catalogue a new user gets: the bundled starter corpus, plus the RFC fixture. The corpus is
   * loaded once, into a catalogue of its own, through {@link App#loadStarterCorpusIfEmpty}; each
   * call gets a copy of that catalogue's files (store and index) in {@code dir}, opened as the app
   * opens any data directory, so tests never share a catalogue.
   */
  public static App starter(Path dir) {
    copyTree(starterTemplate(), dir);
    App app = empty(dir);
    // Loaded before the test starts, so that pages search by meaning from the first request.
    app.embedder().embed("warm-up");
    return app;
  }

  private static synchronized Path starterTemplate() {
    if (starterTemplate == null) {
      try {
        Path template = Files.createTempDirectory("aisx-starter-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(template)));
        try (App app = empty(template)) {
          ImportSummary summary = app.loadStarterCorpusIfEmpty(Progress.SILENT);
          if (summary.createdCount() == 0 || !summary.rejections().isEmpty()) {
            throw new IllegalStateException(
                "starter corpus did not load cleanly: " + summary + " " + summary.rejections());
          }
          load(app, "/fixtures/catalogue/rfc-http.json");
        }
        starterTemplate = template;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return starterTemplate;
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the starter catalogue to " + to, e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory: left to the system
    }
  }

  /** The password every test account gets. */
  public static final String PASSWORD = "correct horse battery staple";

  /** Adds an account with {@link #PASSWORD}. */
  public static org.aisx.account.User user(
      App app, String email, org.aisx.account.Role role, String... bodies) {
    return app.accounts().addUser(email, role, java.util.List.of(bodies), PASSWORD.toCharArray());
  }

  /** Imports a fixture file from the test classpath. */
  public static ImportSummary load(App app, String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      ImportSummary summary = new ImportSummary();
      app.importer()
          .importStream(Importer.Format.JSON, in, resource, "fixture", summary, Progress.SILENT);
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
