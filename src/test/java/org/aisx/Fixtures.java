package org.aisx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.aisx.account.PasswordHasher;
import org.aisx.catalog.Progress;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.aisx.semantic.EmbeddingJob;

/** Opens real catalogues (SQLite file, Lucene index on disk) for tests. */
public final class Fixtures {
  private Fixtures() {}

  /** The starter catalogue, loaded once per test JVM and copied for each test that asks. */
  private static Path starterTemplate;

  /** The starter catalogue classified by the embedding job, made once per test JVM. */
  private static Path classifiedTemplate;

  /**
   * The password hashes of test catalogues: Argon2id as in the product, at a cost that tests can
   * afford (the product's cost is asserted by {@code AppTest} and {@code PasswordHasherTest}).
   */
  public static final PasswordHasher HASHER = PasswordHasher.withCost(64, 1);

  /**
   * A node over the PostgreSQL database at {@code jdbcUrl} (shared with other nodes), with its own
   * index in {@code dir} and {@link #HASHER}'s password hashes.
   */
  public static App node(Path dir, String jdbcUrl) {
    return App.open(dir, jdbcUrl, Progress.SILENT, HASHER);
  }

  /** An empty catalogue in {@code dir}, with {@link #HASHER}'s password hashes. */
  public static App empty(Path dir) {
    return App.open(dir, null, Progress.SILENT, HASHER);
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

  /**
   * {@link #starter} after the embedding job has run over it to the end: every record embedded and
   * classified by the real model from its current text, no relearning owed. Made once per test JVM
   * (the job's catch-up over the whole corpus is the slowest set-up of the suite), by {@link
   * App#startEmbedding} as the service does it; each call gets a copy.
   */
  public static App classifiedStarter(Path dir) {
    copyTree(classifiedTemplate(), dir);
    return empty(dir);
  }

  private static synchronized Path classifiedTemplate() {
    if (classifiedTemplate == null) {
      try {
        Path template = Files.createTempDirectory("aisx-classified-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(template)));
        copyTree(starterTemplate(), template);
        try (App app = empty(template)) {
          awaitClassified(app, app.startEmbedding(Progress.SILENT));
        }
        classifiedTemplate = template;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while classifying the starter catalogue", e);
      }
    }
    return classifiedTemplate;
  }

  /**
   * Waits until every record of {@code app} has suggestions made from its current text, {@code job}
   * is idle and no relearning is owed. Texts do not change meanwhile, so a record found classified
   * stays so, and each poll reads only the records still missing, up to the first that still is
   * (the job needs the CPU).
   */
  public static void awaitClassified(App app, EmbeddingJob job) throws InterruptedException {
    List<String> missing = new ArrayList<>();
    app.store.forEach(s -> missing.add(s.id()));
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (System.nanoTime() < deadline) {
      while (!missing.isEmpty()
          && app.classification()
              .suggestions()
              .madeFromCurrentText(app.catalog().get(missing.get(missing.size() - 1)))) {
        missing.remove(missing.size() - 1);
      }
      if (missing.isEmpty() && job.status().waiting() == 0 && app.classification().settled()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "not classified in time: records still missing "
            + missing.subList(0, Math.min(5, missing.size()))
            + " of "
            + missing.size()
            + ", job "
            + job.status()
            + ", settled "
            + app.classification().settled());
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

  /**
   * Deletes the learning resource {@code id} from the store, as an operator would by hand: the
   * product has no way to, but a resource can go between a proposal and its review.
   */
  public static void deleteResource(App app, String id) {
    app.db.jdbi().useHandle(h -> h.execute("DELETE FROM learning_resource WHERE id = ?", id));
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

  /** The store of {@code app}, for tests that build a feature over it themselves. */
  public static org.aisx.catalog.CatalogStore store(App app) {
    return app.store;
  }

  /**
   * Saves "IEEE 9000-2026" as an IEEE contributor with a {@code replaces} relation to ISO/IEC TR
   * 24030:2021, another body's record: the relation is held for review, so the review queue has a
   * row. Needs a catalogue that holds ISO/IEC TR 24030:2021 (the starter corpus does).
   */
  public static void holdCrossBodyRelation(App app) {
    try {
      app.catalog()
          .save(
              app.reader()
                  .read(
                      org.aisx.catalog.Json.mapper()
                          .readTree(
                              """
                              {"identifier": "IEEE 9000-2026", "sdo": "IEEE",
                               "type": "international-standard", "status": "in-force",
                               "title": {"en": "Use cases"},
                               "relations": [{"type": "replaces", "target": "ISO/IEC TR 24030:2021"}]}
                              """)),
              "contributor@example.org",
              "edit:test",
              null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Three open submissions changing the record {@code recordId} by {@code by} (a coordinator, or a
   * contributor of its body): the first, changing the title, is approved; the second, changing the
   * title too and the edition, and the third, changing the edition, stay pending. Returns the
   * second's id: its page shows the record changed since its base (a conflict on the title) and the
   * third as another open submission on the record, changing the same edition.
   */
  public static String competingSubmissions(App app, String recordId, String by) {
    var submissions = app.submissions();
    var author = app.accounts().user(by).orElseThrow();
    org.aisx.catalog.Standard current = app.catalog().get(recordId);
    java.util.function.BiFunction<String, String, String> submit =
        (title, edition) -> {
          var record = (com.fasterxml.jackson.databind.node.ObjectNode) submissions.asJson(current);
          if (title != null) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) record.get("title")).put("en", title);
          }
          if (edition != null) {
            record.put("edition", edition);
          }
          var body = org.aisx.catalog.Json.mapper().createObjectNode();
          body.put("action", "update");
          body.put("recordId", recordId);
          body.put("baseRevision", current.revision());
          body.set("record", record);
          return submissions.submit(submissions.draft(body), author).id();
        };
    String first = submit.apply("A first proposed title", null);
    String second = submit.apply("A second proposed title", "9");
    String third = submit.apply(null, "10");
    assert !third.equals(second);
    submissions.decide(first, org.aisx.submission.Decision.APPROVE, null, author);
    return second;
  }
}
