package org.aisx;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.aisx.account.IssuedToken;
import org.aisx.account.Role;
import org.aisx.account.TokenInfo;
import org.aisx.account.User;
import org.aisx.backup.Backup;
import org.aisx.catalog.CatalogException;
import org.aisx.export.ExportFormat;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.aisx.search.SearchIndex;
import org.aisx.search.SearchRequest;
import org.aisx.web.SearchParams;
import org.aisx.web.WebServer;

/** The command line of SPEC §3. Exit status 0 on success, 1 on failure, 2 on bad usage. */
public final class Main {
  static final String USAGE =
      """
      AI Standards Exchange

      usage:
        java -jar aisx.jar serve   [--port 7070] [--host ADDRESS] [--data DIR] [--db JDBC_URL] [--behind-proxy yes]
        java -jar aisx.jar import  [--format auto|json|relaton|rfc-index|iso-open-data|iso-committees|csv|ris|ai-act-map] [--source NAME] [--data DIR] [--db URL] FILE...
        java -jar aisx.jar export  --format csv|json|jsonld [--q|--query WORDS] [--mode keyword|semantic|hybrid] [--type T]... [--status S]...
                                   [--sdo B]... [--committee C]... [--vertical V]... [--from YEAR] [--to YEAR]
                                   [--base URL] [--data DIR] [--db URL] FILE
        java -jar aisx.jar backup  [--data DIR] [--db URL] FILE
        java -jar aisx.jar restore [--data DIR] [--db URL] FILE
        java -jar aisx.jar reindex [--data DIR] [--db URL]
        java -jar aisx.jar resources import [--format json|csv] [--data DIR] [--db URL] FILE...
        java -jar aisx.jar resources export --format json|csv [--data DIR] [--db URL] FILE
        java -jar aisx.jar user add --email E --role contributor|coordinator|admin [--body SDO]... [--data DIR] [--db URL]
        java -jar aisx.jar user list [--data DIR] [--db URL]
        java -jar aisx.jar user set --email E [--role contributor|coordinator|admin] [--body SDO]... [--data DIR] [--db URL]
        java -jar aisx.jar user disable --email E [--data DIR] [--db URL]
        java -jar aisx.jar user enable --email E [--data DIR] [--db URL]
        java -jar aisx.jar user password --email E [--data DIR] [--db URL]
        java -jar aisx.jar token create --email E [--label TEXT] [--data DIR] [--db URL]
        java -jar aisx.jar token list --email E [--data DIR] [--db URL]
        java -jar aisx.jar token revoke --email E [--id TOKEN_ID] [--data DIR] [--db URL]

      --data DIR   data directory for the embedded store and the search index (default ./aisx-data)
      --db URL     a PostgreSQL database instead of the embedded store, for production: a
                   jdbc:postgresql: URL or a postgresql://[user[:password]@]host[:port]/db URI
      --host ADDRESS  serve on the interface of this address of the machine only (127.0.0.1: only
                   this machine reaches it); default: every interface
      --behind-proxy yes  the service runs behind a reverse proxy that appends the client's
                   address to X-Forwarded-For (used for the per-address sign-in limit)
      Inputs may be gzip-compressed; a directory means every file in it. Without --format (or with
      --format auto) each file's format is recognised from its first bytes. A FILE ending in .gz is
      written compressed.
      export takes the search API's parameters as options (--q, also spelt --query, --mode, --type,
      --status, --sdo, --committee, --vertical, --activity, --application, --concern, --from, --to,
      --suggestions; facets may be repeated) and writes every record the same search of the API
      counts in its total (--mode as the API: hybrid by default, words and meaning; keyword by words
      alone; semantic by meaning): csv with a column for every field of the record (the CSV
      template; it imports again to the same records), json in the import format, jsonld as a DCAT
      catalogue whose datasets are named BASE/standards/ID (--base, default http://localhost:7070/).
      A FILE ending in .gz is written compressed (a backup always is).
      backup writes a consistent copy of every table of the store (gzip'd JSON lines) while serve
      may be running; restore loads one into an empty data directory or database (SQLite or
      PostgreSQL, whichever took it) and builds the search index.
      user add asks for the password twice on a terminal; otherwise it takes AISX_PASSWORD, else
      the first line of standard input (never an argument). A contributor needs one --body per
      standards body they belong to. user list prints e-mail, role, bodies and active or disabled.
      user set gives an account another role or bodies (--body replaces them all; a contributor
      needs at least one) and signs it out everywhere. user disable keeps the account (history and
      the audit trail still name it) but it can no longer sign in: its sessions end and its tokens
      are revoked at once, on every node. user enable lets it sign in again (with new tokens).
      user password sets a new password, read as user add reads it, and signs it out everywhere.
      These work while serve runs. The last active admin can be neither disabled nor demoted.
      token create prints the new token as its last line; it is shown only once. token revoke
      without --id revokes every token of the account.
      resources: learning resources as JSON (MOOChub / schema.org Course) or CSV; import takes the
      format from each file's name (.json, .csv) unless --format is given.
      """;

  /** The data directory of the embedded store and the index when {@code --data} is not given. */
  static final String DEFAULT_DATA = "aisx-data";

  private final PrintStream out;
  private final PrintStream err;
  private final InputStream in;
  private final Map<String, String> env;
  private final Console console;

  Main(PrintStream out, PrintStream err) {
    this(out, err, InputStream.nullInputStream(), Map.of(), null);
  }

  Main(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Console console) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.env = env;
    this.console = console;
  }

  public static void main(String[] args) {
    System.exit(
        new Main(System.out, System.err, System.in, System.getenv(), System.console()).run(args));
  }

  /**
   * Parsed options: {@code --name value} pairs (the last of a repeated option in {@code named}, all
   * of them in {@code all}) and the remaining positional arguments.
   */
  record Options(
      Map<String, String> named, Map<String, List<String>> all, List<String> positional) {
    static Options parse(String[] args, int from, Set<String> allowed) {
      Map<String, String> named = new HashMap<>();
      Map<String, List<String>> all = new HashMap<>();
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
          all.computeIfAbsent(name, k -> new ArrayList<>()).add(args[i]);
        } else {
          positional.add(a);
        }
      }
      return new Options(named, all, positional);
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
    if (args.length == 2 && (args[1].equals("--help") || args[1].equals("-h"))) {
      // "export --help": the usage, which says every command's options, as "--help" alone does.
      out.print(USAGE);
      return 0;
    }
    try {
      return switch (args[0]) {
        case "serve" ->
            serve(Options.parse(args, 1, Set.of("port", "host", "data", "db", "behind-proxy")));
        case "import" ->
            importFiles(Options.parse(args, 1, Set.of("format", "source", "data", "db")));
        case "export" -> export(Options.parse(args, 1, exportOptions()));
        case "backup" -> backup(Options.parse(args, 1, Set.of("data", "db")));
        case "restore" -> restore(Options.parse(args, 1, Set.of("data", "db")));
        case "reindex" -> reindex(Options.parse(args, 1, Set.of("data", "db")));
        case "resources" -> resources(args);
        case "user" -> user(args);
        case "token" -> token(args);
        default -> throw new UsageException("unknown command '" + args[0] + "'");
      };
    } catch (UsageException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (IOException | SQLException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private App open(Options o) {
    return open(dataDir(o), o);
  }

  private App open(Path data, Options o) {
    return App.open(data, o.named().get("db"), new TerminalProgress(out));
  }

  /**
   * The data directory of {@code --data}. The native libraries that the embedded store and the
   * embedding model's tokenizer unpack are kept under it, each once per version, rather than in the
   * temporary directory at every start; and DJL is kept from reporting usage (nothing leaves the
   * machine).
   */
  private static Path dataDir(Options o) {
    Path data = Path.of(o.get("data", DEFAULT_DATA));
    Path natives = data.resolve(App.NATIVE_DIR);
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", natives.toAbsolutePath().toString());
    }
    System.setProperty("OPT_OUT_TRACKING", "true");
    if (o.named().get("db") == null) {
      NativeLibraries.sqlite(natives);
    }
    return data;
  }

  /**
   * The address {@code --host} names, as an IP address: one of this machine's interfaces (or the
   * wildcard 0.0.0.0 / ::), given as an IP address or a name that resolves to one; otherwise a
   * usage error.
   */
  static String localAddress(String given) {
    java.net.InetAddress address;
    try {
      if (given.isBlank()) {
        throw new java.net.UnknownHostException("empty");
      }
      address = java.net.InetAddress.getByName(given);
    } catch (java.net.UnknownHostException e) {
      throw new UsageException(
          "--host must be an IP address or a name of this machine, not '" + given + "'");
    }
    try {
      if (!address.isAnyLocalAddress()
          && java.net.NetworkInterface.getByInetAddress(address) == null) {
        throw new UsageException(
            "--host must be an address of one of this machine's interfaces; " + given + " is not");
      }
    } catch (java.net.SocketException e) {
      throw new UsageException("--host " + given + ": " + e.getMessage());
    }
    return address.getHostAddress();
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
    String proxy = o.get("behind-proxy", "no");
    if (!proxy.equals("yes") && !proxy.equals("no")) {
      throw new UsageException("--behind-proxy must be yes or no, not '" + proxy + "'");
    }
    String host = o.named().containsKey("host") ? localAddress(o.get("host", "")) : null;
    // The clean stop is in place before anything is opened: SIGTERM at any moment of start-up or
    // work stops the background jobs at a record boundary, closes the index and the store, and
    // exits 0 (SPEC §11).
    CleanStop stop = new CleanStop(out);
    stop.install();
    out.println(
        "Starting the AI Standards Exchange (process " + ProcessHandle.current().pid() + ")");
    // The analyzers' dictionaries load while the store opens (BENCHMARKS.md, "Start to first
    // answer"): the first search would otherwise wait for them.
    org.slf4j.LoggerFactory.getILoggerFactory(); // before a second thread can log
    background("analyzers-load", SearchIndex::loadAnalyzers);
    try {
      Path data = dataDir(o);
      unpackStarterImage(data, o);
      App app = open(data, o);
      if (stop.opened(app)) {
        // Keyword search answers meanwhile (issue 21). ONNX Runtime's libraries are unpacked into
        // the data directory on the loading thread (NativeLibraries); the other commands exit
        // through the shutdown hooks, which remove what it unpacks into the temporary directory.
        Path natives = data.resolve(App.NATIVE_DIR);
        app.embedder().loadInBackground(() -> NativeLibraries.onnxRuntime(natives));
        // The search path warms up while the web server starts, on the machine's other core.
        background("search-warm-up", app.index()::warmUp);
        // The port opens as soon as the store and the index are: a fresh store's bundled corpus
        // loads after it, and searches meanwhile say that the catalogue is still loading.
        var seeding = app.beginSeeding();
        // The imports admins upload report their progress here too, as the command line's do.
        app.importJobs().onProgress(new TerminalProgress(out));
        WebServer web = app.web(proxy.equals("yes"));
        if (stop.serving(web)) {
          web.start(host, port);
          out.println(
              "AI Standards Exchange: "
                  + app.catalog().count()
                  + " records, http://"
                  + (host == null ? "localhost" : host.contains(":") ? "[" + host + "]" : host)
                  + ":"
                  + web.port()
                  + "/");
          if (seeding.isEmpty()) {
            out.println("Another node is putting the bundled content in; its writes follow.");
          } else {
            var seeded = seeding.get().run(new TerminalProgress(out));
            if (seeding.get().corpus()) {
              out.println("Catalogue loaded: " + app.catalog().count() + " records");
            }
            if (seeded.resources().created() > 0 || !seeded.resources().rejections().isEmpty()) {
              out.println("Learning resources loaded: " + seeded.resources());
            }
          }
          app.follow(); // other nodes' writes, when several share a PostgreSQL database
          app.startEmbedding(new TerminalProgress(out));
          app.startTopics(new TerminalProgress(out));
        }
      }
    } catch (RuntimeException e) {
      if (!stop.begun()) {
        stop.startFailed();
        throw e;
      }
      // The stop closed what this thread was using; it ends the process.
    }
    stop.awaitEnd();
    return 0;
  }

  /**
   * On the embedded store, a fresh data directory gets the jar's ready-made catalogue ({@link
   * StarterImage}) rather than loading the bundled corpus record by record after the port opens.
   */
  private void unpackStarterImage(Path data, Options o) {
    if (o.named().get("db") != null) {
      return;
    }
    long started = System.nanoTime();
    if (StarterImage.unpackIfFresh(data)) {
      out.printf(
          Locale.ROOT,
          "Unpacked the bundled catalogue into %s in %d ms%n",
          data,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  private static void background(String name, Runnable work) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    t.start();
  }

  private int importFiles(Options o) throws IOException {
    Importer.Format format = Importer.Format.fromWire(o.get("format", "auto"));
    if (o.positional().isEmpty()) {
      throw new UsageException("import needs at least one FILE");
    }
    List<Path> files = o.positional().stream().map(Path::of).toList();
    // A fresh data directory gets what its first serve would have put in before the feed, so that
    // importing first and serving then gives the catalogue that serving first and importing then
    // gives (the bundled corpus with the feed's records), and the summary counts the feed's records
    // against it.
    unpackStarterImage(dataDir(o), o);
    try (App app = open(o)) {
      ImportSummary summary;
      try {
        summary =
            app.importer()
                .importFiles(format, files, o.named().get("source"), new TerminalProgress(out));
      } catch (CatalogException.BadParameter e) {
        throw new UsageException(e.getMessage().replaceFirst("^parameter ", "--"));
      }
      app.auditLog()
          .commandLine(
              "import",
              String.join(" ", o.positional()),
              "format " + format + ", source " + o.named().get("source") + ": " + summary);
      out.println("Summary: " + summary);
      for (ImportSummary.Rejection r : summary.rejections()) {
        out.println("  rejected " + r);
      }
      printCounts("Status moves", summary.statusMoves());
      printCounts("Fields changed (records)", summary.changedFields());
      printFirst("Drafts published", summary.draftsPublished(), "draft");
      printFirst(
          "Reviewed values kept (the feed still gives what people corrected)",
          summary.keptReviewed(),
          "kept");
      printCounts("Duplicates folded, by class", summary.duplicateClasses());
      printFirst(
          "Duplicates folded",
          summary.duplicates().stream().map(ImportSummary.Rejection::toString).toList(),
          "duplicate");
      printCounts("Skipped as older harvests, by harvest", summary.olderHarvestClasses());
      printFirst(
          "Skipped as older harvests",
          summary.olderHarvests().stream().map(ImportSummary.Rejection::toString).toList(),
          "older");
      if (summary.failed()) {
        err.println(
            "error: "
                + (summary.notReadToTheEnd().isEmpty()
                    ? "every record was rejected; nothing was imported"
                    : "not imported to the end: "
                        + String.join(", ", summary.notReadToTheEnd())
                        + " (the reasons are above; the records saved before stay)"));
        return 1;
      }
      return 0;
    }
  }

  private void printCounts(String heading, java.util.Map<String, Integer> counts) {
    if (!counts.isEmpty()) {
      out.println(heading + ":");
      counts.forEach((what, n) -> out.println(String.format(Locale.ROOT, "  %7d  %s", n, what)));
    }
  }

  private void printFirst(String heading, List<String> lines, String each) {
    if (lines.isEmpty()) {
      return;
    }
    out.println(heading + " (" + lines.size() + "):");
    lines.stream().limit(20).forEach(l -> out.println("  " + each + " " + l));
    if (lines.size() > 20) {
      out.println("  ... and " + (lines.size() - 20) + " more");
    }
  }

  /** {@code export --query WORDS}: the same as {@code --q WORDS}, the search API's name. */
  static final String QUERY = "query";

  private static Set<String> exportOptions() {
    Set<String> names = new java.util.HashSet<>(SearchParams.names());
    names.addAll(Set.of("format", "data", "db", "base", QUERY));
    return Set.copyOf(names);
  }

  private int export(Options o) throws IOException, SQLException {
    String wire = require(o, "format");
    ExportFormat format =
        ExportFormat.fromWire(wire)
            .orElseThrow(
                () ->
                    new UsageException(
                        "unknown export format '" + wire + "'; one of " + ExportFormat.names()));
    Path file = outputFile(o, "export", "aisx-export." + format.wire());
    Map<String, List<String>> search = new HashMap<>(o.all());
    search.keySet().removeAll(Set.of("format", "data", "db", "base"));
    List<String> query = search.remove(QUERY);
    if (query != null) {
      if (search.containsKey("q")) {
        throw new UsageException("give the words once: --q or --query, not both");
      }
      search.put("q", query);
    }
    // A fresh data directory exports what its first serve would show, not an empty catalogue.
    unpackStarterImage(dataDir(o), o);
    try (App app = open(o)) {
      SearchRequest request;
      try {
        request = app.searchParams().forExport(search);
      } catch (CatalogException.BadParameter e) {
        throw new UsageException(e.getMessage().replaceFirst("^parameter ", "--"));
      }
      long[] count = new long[1];
      writeAtomically(
          file,
          true,
          sink ->
              count[0] =
                  app.exporter()
                      .export(
                          request,
                          format,
                          o.get("base", "http://localhost:7070/"),
                          sink,
                          new TerminalProgress(out)));
      out.println("Exported " + count[0] + " records to " + file);
      return 0;
    }
  }

  private int backup(Options o) throws IOException, SQLException {
    Path file = outputFile(o, "backup", "aisx.backup");
    Backup.Summary[] summary = new Backup.Summary[1];
    writeAtomically(
        file,
        false,
        sink ->
            summary[0] =
                App.backup(dataDir(o), o.named().get("db"), sink, new TerminalProgress(out)));
    out.println("Backed up " + summary[0] + " to " + file);
    return 0;
  }

  private int restore(Options o) throws IOException, SQLException {
    Path file = onlyFile(o, "restore");
    // Said before the store is opened, naming the file (the JDK's messages are the bare path, or
    // "Is a directory" without it).
    if (Files.isDirectory(file)) {
      err.println("error: " + file + " is a directory; restore reads a backup file");
      return 1;
    }
    if (!Files.isRegularFile(file)) {
      err.println("error: no such file: " + file);
      return 1;
    }
    try (InputStream in = Files.newInputStream(file)) {
      Backup.Summary summary =
          App.restore(dataDir(o), o.named().get("db"), in, new TerminalProgress(out));
      out.println("Restored " + summary + " from " + file);
      return 0;
    } catch (Backup.RestoreRefused e) {
      err.println("error: " + file + ": " + e.getMessage());
      return 1;
    }
  }

  private static Path onlyFile(Options o, String command) {
    if (o.positional().size() != 1) {
      throw new UsageException(command + " needs exactly one FILE");
    }
    return Path.of(o.positional().get(0));
  }

  /**
   * The one FILE a command writes, checked before any work is done: a directory, or a name in a
   * directory that does not exist, is refused naming the path (rather than failing at the end, on
   * the temporary file {@link #writeAtomically} moves into place).
   */
  private static Path outputFile(Options o, String command, String example) {
    Path file = onlyFile(o, command);
    if (Files.isDirectory(file)) {
      throw new UsageException(
          command
              + " writes a file, and "
              + file
              + " is a directory: name the file to write, such as "
              + file.resolve(example));
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException(
          command + " cannot write " + file + ": there is no directory " + parent);
    }
    return file;
  }

  /** Something that writes a file's content to a stream. */
  private interface Content {
    void writeTo(OutputStream sink) throws IOException, SQLException;
  }

  /**
   * Writes {@code file} through a temporary sibling moved into place when complete, so that an
   * interrupted run never leaves a partial file under the name; gzip-compressed when the name ends
   * in .gz (a backup compresses itself).
   */
  private static void writeAtomically(Path file, boolean gzipByName, Content content)
      throws IOException, SQLException {
    Path tmp = file.resolveSibling(file.getFileName() + ".part");
    try {
      try (OutputStream raw =
              new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
          OutputStream sink =
              gzipByName && file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw) {
        content.writeTo(sink);
      }
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** {@code resources import|export ...}: learning resources as JSON (MOOChub) or CSV. */
  private int resources(String[] args) throws IOException {
    if (args.length < 2 || !(args[1].equals("import") || args[1].equals("export"))) {
      throw new UsageException("resources needs import or export");
    }
    Options o = Options.parse(args, 2, Set.of("format", "data", "db"));
    if (args[1].equals("import")) {
      if (o.positional().isEmpty()) {
        throw new UsageException("resources import needs at least one FILE");
      }
      try (App app = open(o)) {
        for (String name : o.positional()) {
          Path file = Path.of(name);
          String format =
              o.get("format", name.toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "json");
          org.aisx.learn.ImportReport report;
          try (InputStream in = org.aisx.ingest.Inputs.decompressed(Files.newInputStream(file))) {
            report =
                switch (format) {
                  case "json" ->
                      app.resources().importJson(in, "import", "import:" + file.getFileName());
                  case "csv" ->
                      app.resources()
                          .importCsv(
                              new InputStreamReader(in, StandardCharsets.UTF_8),
                              "import",
                              "import:" + file.getFileName());
                  default ->
                      throw new UsageException(
                          "--format must be json or csv, not '" + format + "'");
                };
          }
          app.auditLog().commandLine("resources-import", name, report.toString());
          out.println(name + ": " + report);
        }
      }
      return 0;
    }
    String format = require(o, "format");
    if (!format.equals("json") && !format.equals("csv")) {
      throw new UsageException("--format must be json or csv, not '" + format + "'");
    }
    if (o.positional().size() != 1) {
      throw new UsageException("resources export needs exactly one FILE");
    }
    Path file = outputFile(o, "resources export", "resources." + format);
    try (App app = open(o);
        OutputStream sink = Files.newOutputStream(file)) {
      if (format.equals("json")) {
        app.resources().exportJson(sink, "/api/v1/resources/export.json");
      } else {
        app.resources().exportCsv(sink);
      }
      out.println("Exported " + app.resources().count() + " learning resources to " + file);
    }
    return 0;
  }

  private int reindex(Options o) {
    try (App app = App.openForReindex(dataDir(o), o.named().get("db"))) {
      app.reindex(new TerminalProgress(out));
      return 0;
    }
  }

  private int user(String[] args) throws IOException {
    String sub = args.length > 1 ? args[1] : "";
    switch (sub) {
      case "add" -> {
        Options o = Options.parse(args, 2, Set.of("email", "role", "body", "data", "db"));
        noPositional(o, "user add");
        String email = require(o, "email");
        Role role = Role.ofAccount(require(o, "role"));
        List<String> bodies = o.all().getOrDefault("body", List.of());
        char[] password = readPassword(email);
        try (App.AccountsOnly a = accounts(o)) {
          User user = a.accounts().addUser(email, role, bodies, password);
          a.audit()
              .commandLine(
                  "user-added",
                  user.email(),
                  "role " + user.role().wire() + ", bodies " + String.join(", ", user.bodies()));
          out.println(
              "Added "
                  + user.role().wire()
                  + " "
                  + user.email()
                  + (user.bodies().isEmpty() ? "" : " of " + String.join(", ", user.bodies())));
          return 0;
        } finally {
          Arrays.fill(password, '\0');
        }
      }
      case "list" -> {
        Options o = Options.parse(args, 2, Set.of("data", "db"));
        noPositional(o, "user list");
        try (App.AccountsOnly a = accounts(o)) {
          for (User u : a.accounts().users()) {
            out.println(
                u.email()
                    + "\t"
                    + u.role().wire()
                    + "\t"
                    + String.join(",", u.bodies())
                    + "\t"
                    + (u.active() ? "active" : "disabled " + u.disabled()));
          }
          return 0;
        }
      }
      case "set" -> {
        Options o = Options.parse(args, 2, Set.of("email", "role", "body", "data", "db"));
        noPositional(o, "user set");
        String email = require(o, "email");
        String roleName = o.named().get("role");
        List<String> bodies = o.all().get("body");
        if (roleName == null && bodies == null) {
          throw new UsageException("user set needs --role or --body");
        }
        try (App.AccountsOnly a = accounts(o)) {
          User before = existingUser(a, email);
          Role role = roleName == null ? before.role() : Role.ofAccount(roleName);
          List<String> newBodies =
              bodies != null
                  ? bodies
                  : role == Role.CONTRIBUTOR && before.role() == Role.CONTRIBUTOR
                      ? List.copyOf(before.bodies())
                      : List.of();
          User after = a.accounts().changeRole(before, role, newBodies);
          a.audit()
              .commandLine(
                  "user-changed",
                  after.email(),
                  org.aisx.account.Accounts.describeChange(before, after));
          out.println(
              "Set "
                  + after.email()
                  + " to "
                  + after.role().wire()
                  + (after.bodies().isEmpty() ? "" : " of " + String.join(", ", after.bodies()))
                  + "; signed out everywhere");
          return 0;
        }
      }
      case "disable", "enable" -> {
        Options o = Options.parse(args, 2, Set.of("email", "data", "db"));
        noPositional(o, "user " + sub);
        String email = require(o, "email");
        try (App.AccountsOnly a = accounts(o)) {
          User before = existingUser(a, email);
          if (sub.equals("disable")) {
            int tokens = (int) a.accounts().tokensOf(before).stream().filter(t -> t.live()).count();
            a.accounts().disable(before);
            a.audit()
                .commandLine(
                    "user-disabled", before.email(), "sessions ended, tokens revoked: " + tokens);
            out.println(
                "Disabled "
                    + before.email()
                    + ": signed out everywhere, "
                    + tokens
                    + " token(s) revoked");
          } else {
            a.accounts().enable(before);
            a.audit().commandLine("user-enabled", before.email(), null);
            out.println("Enabled " + before.email());
          }
          return 0;
        }
      }
      case "password" -> {
        Options o = Options.parse(args, 2, Set.of("email", "data", "db"));
        noPositional(o, "user password");
        String email = require(o, "email");
        try (App.AccountsOnly a = accounts(o)) {
          User user = existingUser(a, email);
          char[] password = readPassword(user.email());
          try {
            a.accounts().setPassword(user, password);
          } finally {
            Arrays.fill(password, '\0');
          }
          a.audit().commandLine("user-password-set", user.email(), "sessions ended");
          out.println("New password set for " + user.email() + "; signed out everywhere");
          return 0;
        }
      }
      default ->
          throw new UsageException(
              "user needs a subcommand: add, list, set, disable, enable or password");
    }
  }

  private int token(String[] args) {
    String sub = args.length > 1 ? args[1] : "";
    switch (sub) {
      case "create" -> {
        Options o = Options.parse(args, 2, Set.of("email", "label", "data", "db"));
        noPositional(o, "token create");
        String email = require(o, "email");
        try (App.AccountsOnly a = accounts(o)) {
          IssuedToken token = a.accounts().createToken(email, o.named().get("label"));
          a.audit().commandLine("token-created", email, "token " + token.info().id());
          out.println(
              "API token "
                  + token.info().id()
                  + " for "
                  + email
                  + ". It is shown only this once; send it as 'Authorization: Bearer TOKEN':");
          out.println(token.secret());
          return 0;
        }
      }
      case "list" -> {
        Options o = Options.parse(args, 2, Set.of("email", "data", "db"));
        noPositional(o, "token list");
        String email = require(o, "email"); // before the store is opened (or created)
        try (App.AccountsOnly a = accounts(o)) {
          for (TokenInfo t : a.accounts().tokens(email)) {
            out.println(
                t.id()
                    + "\t"
                    + t.created()
                    + "\t"
                    + (t.live() ? "live" : "revoked " + t.revoked())
                    + "\t"
                    + (t.label() == null ? "" : t.label()));
          }
          return 0;
        }
      }
      case "revoke" -> {
        Options o = Options.parse(args, 2, Set.of("email", "id", "data", "db"));
        noPositional(o, "token revoke");
        String email = require(o, "email");
        try (App.AccountsOnly a = accounts(o)) {
          String id = o.named().get("id");
          if (id == null) {
            int revoked = a.accounts().revokeAllTokens(email);
            a.audit().commandLine("token-revoked", email, "all tokens: " + revoked);
            out.println("Revoked " + revoked + " token(s) of " + email);
            return 0;
          }
          if (!a.accounts().revokeToken(email, id)) {
            err.println("error: " + email + " has no live token " + id);
            return 1;
          }
          a.audit().commandLine("token-revoked", email, "token " + id);
          out.println("Revoked token " + id + " of " + email);
          return 0;
        }
      }
      default -> throw new UsageException("token needs a subcommand: create, list or revoke");
    }
  }

  private static User existingUser(App.AccountsOnly a, String email) {
    return a.accounts()
        .user(email)
        .orElseThrow(() -> new org.aisx.catalog.CatalogException.NotFound("account " + email));
  }

  /**
   * The accounts of the data directory. A fresh one gets the jar's ready-made catalogue first, as
   * its first {@code serve} would: an admin added before the first start must not leave the
   * directory holding a store, which would make that start load the corpus record by record.
   */
  private App.AccountsOnly accounts(Options o) {
    Path data = dataDir(o);
    unpackStarterImage(data, o);
    return App.openAccounts(data, o.named().get("db"));
  }

  /**
   * The new account's password: asked twice on a terminal; otherwise {@code AISX_PASSWORD}, else
   * the first line of standard input. Never a command-line argument, which other users can see.
   */
  private char[] readPassword(String email) throws IOException {
    String fromEnv = env.get("AISX_PASSWORD");
    if (fromEnv != null) {
      return fromEnv.toCharArray();
    }
    if (console != null) {
      char[] first = console.readPassword("Password for %s: ", email);
      char[] second = console.readPassword("The same password again: ");
      if (first == null || !Arrays.equals(first, second)) {
        throw new UsageException("the two passwords differ");
      }
      Arrays.fill(second, '\0');
      return first;
    }
    String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    if (line == null) {
      throw new UsageException(
          "no password: type it on a terminal, or give it in AISX_PASSWORD or on standard input");
    }
    return line.toCharArray();
  }

  private static void noPositional(Options o, String command) {
    if (!o.positional().isEmpty()) {
      throw new UsageException(command + " takes no argument '" + o.positional().get(0) + "'");
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
