package org.aisx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPOutputStream;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.aisx.ingest.JsonFormat;
import org.aisx.web.WebServer;

/** The command line of SPEC §3. Exit status 0 on success, 1 on failure, 2 on bad usage. */
public final class Main {
  static final String USAGE =
      """
      AI Standards Exchange

      usage:
        java -jar aisx.jar serve   [--port 7070] [--data DIR] [--db JDBC_URL] [--admin-token T]
        java -jar aisx.jar import  [--format auto|json|relaton|rfc-index] [--source NAME] [--data DIR] [--db URL] FILE...
        java -jar aisx.jar export  --format json [--data DIR] [--db URL] FILE
        java -jar aisx.jar reindex [--data DIR] [--db URL]

      --data DIR   data directory for the embedded store and the search index (default ./aisx-data)
      --db URL     a jdbc:postgresql: URL for a production database instead of the embedded store
      --admin-token T  switches on the feed upload page /admin/import (or set AISX_ADMIN_TOKEN)
      Inputs may be gzip-compressed; a directory means every file in it. Without --format (or with
      --format auto) each file's format is recognised from its first bytes. A FILE ending in .gz is
      written compressed.
      """;

  private final PrintStream out;
  private final PrintStream err;

  Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new Main(System.out, System.err).run(args));
  }

  /** Parsed options: {@code --name value} pairs and the remaining positional arguments. */
  record Options(Map<String, String> named, List<String> positional) {
    static Options parse(String[] args, int from, Set<String> allowed) {
      Map<String, String> named = new HashMap<>();
      List<String> positional = new ArrayList<>();
      for (int i = from; i < args.length; i++) {
        String a = args[i];
        if (a.startsWith("--")) {
          String name = a.substring(2);
          if (!allowed.contains(name)) {
            throw new UsageException("unknown option " + a + " for " + args[0]);
          }
          if (i + 1 >= args.length) {
            throw new UsageException("option " + a + " needs a value");
          }
          named.put(name, args[++i]);
        } else {
          positional.add(a);
        }
      }
      return new Options(named, positional);
    }

    String get(String name, String fallback) {
      return named.getOrDefault(name, fallback);
    }
  }

  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  int run(String[] args) {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    try {
      return switch (args[0]) {
        case "serve" -> serve(Options.parse(args, 1, Set.of("port", "data", "db", "admin-token")));
        case "import" ->
            importFiles(Options.parse(args, 1, Set.of("format", "source", "data", "db")));
        case "export" -> export(Options.parse(args, 1, Set.of("format", "data", "db")));
        case "reindex" -> reindex(Options.parse(args, 1, Set.of("data", "db")));
        default -> throw new UsageException("unknown command '" + args[0] + "'");
      };
    } catch (UsageException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private App open(Options o) {
    Path data = Path.of(o.get("data", "aisx-data"));
    // The tokenizer of the embedding model unpacks a native library: keep it under the data
    // directory, and keep DJL from reporting usage (nothing leaves the machine).
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", data.resolve("native").toAbsolutePath().toString());
    }
    System.setProperty("OPT_OUT_TRACKING", "true");
    return App.open(data, o.named().get("db"), new TerminalProgress(out));
  }

  private int serve(Options o) throws InterruptedException {
    int port;
    try {
      port = Integer.parseInt(o.get("port", "7070"));
    } catch (NumberFormatException e) {
      throw new UsageException("--port must be a number, not '" + o.get("port", "") + "'");
    }
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port must be from 0 to 65535, not " + port);
    }
    App app = open(o);
    app.loadStarterCorpusIfEmpty(new TerminalProgress(out));
    app.startEmbedding(new TerminalProgress(out));
    String adminToken = o.get("admin-token", System.getenv("AISX_ADMIN_TOKEN"));
    if (adminToken != null && adminToken.length() < 16) {
      throw new UsageException("the admin token must be at least 16 characters");
    }
    WebServer web = app.web(adminToken).start(port);
    out.println(
        "AI Standards Exchange: "
            + app.catalog().count()
            + " records, http://localhost:"
            + web.port()
            + "/");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  web.close();
                  app.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  private int importFiles(Options o) throws IOException {
    Importer.Format format = Importer.Format.fromWire(o.get("format", "auto"));
    if (o.positional().isEmpty()) {
      throw new UsageException("import needs at least one FILE");
    }
    List<Path> files = o.positional().stream().map(Path::of).toList();
    try (App app = open(o)) {
      ImportSummary summary =
          app.importer()
              .importFiles(format, files, o.named().get("source"), new TerminalProgress(out));
      out.println("Summary: " + summary);
      for (ImportSummary.Rejection r : summary.rejections()) {
        out.println("  rejected " + r);
      }
      int shown = 0;
      for (ImportSummary.Rejection d : summary.duplicates()) {
        if (shown++ == 20) {
          out.println("  ... and " + (summary.duplicates().size() - 20) + " more duplicates");
          break;
        }
        out.println("  duplicate " + d);
      }
      return 0;
    }
  }

  private int export(Options o) throws IOException {
    String format = require(o, "format");
    if (!format.equals("json")) {
      throw new UsageException("unknown export format '" + format + "'; this version writes: json");
    }
    if (o.positional().size() != 1) {
      throw new UsageException("export needs exactly one FILE");
    }
    Path file = Path.of(o.positional().get(0));
    Path tmp = file.resolveSibling(file.getFileName() + ".part");
    try (App app = open(o)) {
      int count;
      try (OutputStream raw = Files.newOutputStream(tmp);
          OutputStream sink = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
          JsonFormat.Writer writer =
              app.jsonFormat().writer(sink, "Exported from the AI Standards Exchange")) {
        app.store.forEach(
            s -> {
              try {
                writer.write(s);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
        count = writer.count();
      }
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      out.println("Exported " + count + " records to " + file);
      return 0;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private int reindex(Options o) {
    try (App app = App.openForReindex(Path.of(o.get("data", "aisx-data")), o.named().get("db"))) {
      app.index().rebuild(app.store, new TerminalProgress(out));
      return 0;
    }
  }

  private static String require(Options o, String name) {
    String v = o.named().get(name);
    if (v == null) {
      throw new UsageException("--" + name + " is required");
    }
    return v;
  }
}
