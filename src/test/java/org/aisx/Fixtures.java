package org.aisx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.aisx.catalog.Progress;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;

/** Opens real catalogues (SQLite file, Lucene index on disk) for tests. */
public final class Fixtures {
  private Fixtures() {}

  /** An empty catalogue in {@code dir}. */
  public static App empty(Path dir) {
    return App.open(dir, null, Progress.SILENT);
  }

  /** The catalogue a new user gets: the bundled starter corpus, plus the RFC fixture. */
  public static App starter(Path dir) {
    App app = empty(dir);
    ImportSummary summary = app.loadStarterCorpusIfEmpty(Progress.SILENT);
    if (summary.createdCount() == 0 || !summary.rejections().isEmpty()) {
      throw new IllegalStateException(
          "starter corpus did not load cleanly: " + summary + " " + summary.rejections());
    }
    load(app, "/fixtures/catalogue/rfc-http.json");
    return app;
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
