package org.aisx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run as a user runs it (minus the JVM start). */
class MainTest {
  @TempDir Path dir;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    out.reset();
    err.reset();
    return new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * A data directory holding an empty catalogue: not fresh, so that a command run on it works on
   * what the test puts in rather than on the bundled corpus a fresh one is given first.
   */
  String emptyCatalogue(String name) {
    Path data = dir.resolve(name);
    Fixtures.empty(data).close();
    return data.toString();
  }

  @Test
  void importExportAndReimportElsewhere() throws Exception {
    Path fixture = dir.resolve("rfc.json");
    try (var in = getClass().getResourceAsStream("/fixtures/catalogue/rfc-http.json")) {
      Files.copy(in, fixture);
    }
    String data = emptyCatalogue("data");

    assertThat(run("import", "--format", "json", "--data", data, fixture.toString())).isEqualTo(0);
    assertThat(out()).contains("Summary: created 2, updated 0, unchanged 0, rejected 0");
    // Each step of the import is said as it begins, the finishing ones too.
    assertThat(out().lines().filter(l -> l.startsWith("Importing") && l.endsWith(" ...")))
        .containsExactly(
            "Importing 1 file(s) as json (" + Files.size(fixture) + ") ...",
            "Importing 1 file(s) as json: reading and writing records ...",
            "Importing 1 file(s) as json: updating replaced editions and national adoptions ...",
            "Importing 1 file(s) as json: committing the search index ...",
            "Importing 1 file(s) as json: applying the edition rules ...");
    assertThat(run("import", "--format", "json", "--data", data, fixture.toString())).isEqualTo(0);
    assertThat(out()).contains("Summary: created 0, updated 0, unchanged 2, rejected 0");

    Path export = dir.resolve("out.json.gz");
    assertThat(run("export", "--format", "json", "--data", data, export.toString())).isEqualTo(0);
    assertThat(out()).contains("Exported 2 records");

    String other = emptyCatalogue("other");
    assertThat(
            run(
                "import",
                "--format",
                "json",
                "--data",
                other,
                "--source",
                "copy",
                export.toString()))
        .isEqualTo(0);
    assertThat(out()).contains("created 2");

    assertThat(run("reindex", "--data", other)).isEqualTo(0);
    assertThat(out()).contains("2 records indexed");
  }

  @Test
  void backupRestoreAndExportWithSearchParametersFromTheCommandLine() throws Exception {
    Path fixture = dir.resolve("rfc.json");
    try (var in = getClass().getResourceAsStream("/fixtures/catalogue/rfc-http.json")) {
      Files.copy(in, fixture);
    }
    String data = emptyCatalogue("data");
    assertThat(run("import", "--format", "json", "--data", data, fixture.toString())).isEqualTo(0);

    Path backup = dir.resolve("aisx.backup");
    assertThat(run("backup", "--data", data, backup.toString())).isEqualTo(0);
    assertThat(out()).contains("Backed up").contains("standard 2");
    String copy = dir.resolve("copy").toString();
    assertThat(run("restore", "--data", copy, backup.toString())).isEqualTo(0);
    assertThat(out()).contains("Restored").contains("2 records indexed");
    assertThat(run("restore", "--data", copy, backup.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("not empty");

    Path csv = dir.resolve("in-force.csv");
    assertThat(
            run(
                "export",
                "--format",
                "csv",
                "--status",
                "in-force",
                "--data",
                copy,
                csv.toString()))
        .isEqualTo(0);
    assertThat(out()).contains("Exported 1 records");
    assertThat(Files.readString(csv))
        .contains("\nrfc-9110,RFC 9110,")
        .doesNotContain("\nrfc-7231,");
    Path jsonld = dir.resolve("all.jsonld.gz");
    assertThat(run("export", "--format", "jsonld", "--data", copy, jsonld.toString())).isEqualTo(0);
    assertThat(out()).contains("Exported 2 records");

    assertThat(run("export", "--format", "rdf", "--data", copy, csv.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("csv, json, jsonld");
    assertThat(run("export", "--format", "csv", "--status", "lost", "--data", copy, csv.toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--status: unknown value 'lost'");
    assertThat(run("export", "--format", "csv", "--mode", "fuzzy", "--data", copy, csv.toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--mode: 'fuzzy' is not one of keyword, semantic, hybrid");
    assertThat(run("backup", "--data", dir.resolve("nothing").toString(), "x.backup")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no catalogue in");
  }

  /** {@code --query} is {@code --q} spelt out: the same words, the same records. */
  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /**
   * Export (or backup) to a directory failed after the work, on the move of its temporary file
   * ("out.part -> out: Is a directory"): it is refused first, naming the directory, and leaves
   * nothing in it or beside it; so is a file in a directory that does not exist.
   */
  @Test
  void anExportOrBackupToADirectoryIsRefusedNamingItAndLeavesNothingBehind() throws Exception {
    String data = dir.resolve("data").toString();
    Path target = Files.createDirectory(dir.resolve("out"));
    assertThat(run("export", "--format", "csv", "--data", data, target.toString())).isEqualTo(2);
    assertThat(err())
        .startsWith("error: export writes a file, and " + target + " is a directory")
        .contains(target.resolve("aisx-export.csv").toString())
        .doesNotContain(".part");
    assertThat(run("backup", "--data", data, target.toString())).isEqualTo(2);
    assertThat(err()).startsWith("error: backup writes a file, and " + target + " is a directory");
    try (var left = Files.list(target)) {
      assertThat(left).isEmpty();
    }
    assertThat(dir.resolve("out.part")).doesNotExist();
    Path nowhere = dir.resolve("missing").resolve("out.csv");
    assertThat(run("export", "--format", "csv", "--data", data, nowhere.toString())).isEqualTo(2);
    assertThat(err()).contains("there is no directory " + nowhere.getParent());
    assertThat(run("export", "--help")).isEqualTo(0);
    assertThat(out()).contains("aisx.jar export  --format csv|json|jsonld");
  }

  @Test
  void exportTakesQueryAsAnotherNameForQ() throws Exception {
    Path fixture = dir.resolve("rfc.json");
    try (var in = getClass().getResourceAsStream("/fixtures/catalogue/rfc-http.json")) {
      Files.copy(in, fixture);
    }
    String data = emptyCatalogue("data");
    assertThat(run("import", "--format", "json", "--data", data, fixture.toString())).isEqualTo(0);

    Path byQ = dir.resolve("q.csv");
    Path byQuery = dir.resolve("query.csv");
    Path nothing = dir.resolve("nothing.csv");
    assertThat(run("export", "--format", "csv", "--q", "semantics", "--data", data, byQ.toString()))
        .isEqualTo(0);
    assertThat(
            run(
                "export",
                "--format",
                "csv",
                "--query",
                "semantics",
                "--data",
                data,
                byQuery.toString()))
        .as(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(0);
    assertThat(Files.readString(byQuery)).isEqualTo(Files.readString(byQ)).contains("RFC 9110");
    assertThat(
            run(
                "export",
                "--format",
                "csv",
                "--query",
                "zebra-nowhere",
                "--data",
                data,
                nothing.toString()))
        .isEqualTo(0);
    assertThat(out()).contains("Exported 0 records");

    assertThat(
            run(
                "export",
                "--format",
                "csv",
                "--q",
                "a",
                "--query",
                "b",
                "--data",
                data,
                nothing.toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--q or --query");
  }

  @Test
  void badUsageExitsWithTwoAndSaysWhy() {
    assertThat(run("import", "--format", "yaml", "--data", dir.toString(), "x.json")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown import format 'yaml'");
    assertThat(run("serve", "--port", "http")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be a number");
    assertThat(run("serve", "--host", "203.0.113.7", "--data", dir.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--host must be an address of one of this machine's interfaces");
    assertThat(run("serve", "--host", "", "--data", dir.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--host must be an IP address");
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(run("import", "--colour", "blue")).isEqualTo(2);
  }

  @Test
  void aMissingInputFileIsAnErrorNamingTheFile() {
    assertThat(run("import", "--format", "json", "--data", dir.toString(), "/no/such/file.json"))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("/no/such/file.json");
  }

  /**
   * A feed that could not be imported to its end (cut short, not recognised, of another format than
   * --format says, empty, a CSV without a required column) ends the command with status 1 naming
   * it, so that a script notices; the records saved before stay, and a whole feed with a rejected
   * record among saved ones is still a success.
   */
  @Test
  void anImportThatCouldNotReadAFileToItsEndExitsWithOneNamingIt() throws Exception {
    String data = emptyCatalogue("data");
    byte[] ecma;
    try (var in = getClass().getResourceAsStream("/fixtures/relaton/ecma.yaml")) {
      ecma = in.readAllBytes();
    }
    var gz = new ByteArrayOutputStream();
    try (var zip = new java.util.zip.GZIPOutputStream(gz)) {
      zip.write(ecma);
    }
    byte[] whole = gz.toByteArray();
    Path cut = dir.resolve("ecma.yaml.gz");
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
    assertThat(run("import", "--data", data, cut.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: not imported to the end: ecma.yaml.gz");
    assertThat(out()).contains("reading stopped").doesNotContain("created 0,");

    Path full = dir.resolve("ecma.yaml");
    Files.write(full, ecma);
    assertThat(run("import", "--format", "rfc-index", "--data", data, full.toString()))
        .isEqualTo(1);
    assertThat(out()).contains("ecma.yaml document: no record found in it as rfc-index");

    Path empty = dir.resolve("empty.yaml");
    Files.write(empty, new byte[0]);
    assertThat(run("import", "--format", "relaton", "--data", data, empty.toString())).isEqualTo(1);
    assertThat(run("import", "--data", data, empty.toString())).isEqualTo(1);
    assertThat(out()).contains("empty.yaml file: the file is empty");

    Path csv = dir.resolve("no-sdo.csv");
    Files.writeString(
        csv, "identifier,title_en,type,status\nX 1,A title,international-standard,in-force\n");
    assertThat(run("import", "--format", "csv", "--data", data, csv.toString())).isEqualTo(1);
    assertThat(out()).contains("missing required column(s): sdo");

    // The whole file finishes the import; again, it changes nothing and succeeds.
    assertThat(run("import", "--data", data, full.toString())).isEqualTo(0);
    assertThat(run("import", "--data", data, full.toString())).isEqualTo(0);
    assertThat(out()).contains("Summary: created 0, updated 0,");
    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("error");
  }

  @Test
  void aRestoreFromAMissingFileOrADirectoryNamesItAndTouchesNoStore() throws Exception {
    Path data = dir.resolve("data");
    assertThat(run("restore", "--data", data.toString(), "/no/such/aisx.backup")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("error: no such file: /no/such/aisx.backup\n");
    assertThat(run("restore", "--data", data.toString(), dir.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("error: " + dir + " is a directory; restore reads a backup file\n");
    assertThat(data).doesNotExist();
  }

  @Test
  void tokenListWithoutAnEmailIsAUsageErrorThatCreatesNoDataDirectory() {
    Path data = dir.resolve("data");
    assertThat(run("token", "list", "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --email is required\n");
    assertThat(data).doesNotExist();
  }

  int runWith(String stdin, java.util.Map<String, String> env, String... args) {
    out.reset();
    err.reset();
    return new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            env,
            null)
        .run(args);
  }

  String lastLine() {
    String[] lines = out().strip().split("\n");
    return lines[lines.length - 1];
  }

  /**
   * An admin added before the first start gets the ready-made catalogue with the account, so that
   * the first {@code serve} does not load the corpus record by record.
   */
  /** How many records a JSON export holds. */
  private static int recordsIn(Path exported) throws java.io.IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(exported.toFile())
        .get("records")
        .size();
  }

  @Test
  void anExportOfAFreshDataDirectoryHasTheCatalogueItsFirstServeWouldShow() throws Exception {
    Path data = dir.resolve("fresh-export");
    Path exported = dir.resolve("corpus.json");
    assertThat(run("export", "--format", "json", "--data", data.toString(), exported.toString()))
        .isEqualTo(0);
    assertThat(out()).contains("Unpacked the bundled catalogue");
    assertThat(recordsIn(exported)).isGreaterThan(1_000);
  }

  /**
   * {@code import} into a fresh data directory first gives it the ready-made catalogue, as {@code
   * serve} and {@code export} do: importing and then serving gives what serving (which unpacks the
   * bundled corpus) and then importing gives, not a catalogue of the feed alone that the first
   * serve, finding a store, would never fill.
   */
  @Test
  void anImportIntoAFreshDataDirectoryAddsToTheCatalogueItsFirstServeWouldShow() throws Exception {
    Path fixture = dir.resolve("rfc.json");
    try (var in = getClass().getResourceAsStream("/fixtures/catalogue/rfc-http.json")) {
      Files.copy(in, fixture);
    }
    Path importedFirst = dir.resolve("imported-first");
    assertThat(
            run(
                "import",
                "--format",
                "json",
                "--data",
                importedFirst.toString(),
                fixture.toString()))
        .isEqualTo(0);
    assertThat(out())
        .contains("Unpacked the bundled catalogue")
        .contains("Summary: created 2, updated 0, unchanged 0, rejected 0");
    assertThat(out().indexOf("Unpacked the bundled catalogue"))
        .isLessThan(out().indexOf("Summary:"));

    // The same feed imported into a directory that got the ready-made catalogue first (as a serve
    // or an export gives it) makes the same catalogue.
    Path unpackedFirst = dir.resolve("unpacked-first");
    Path corpus = dir.resolve("corpus.json");
    assertThat(
            run(
                "export",
                "--format",
                "json",
                "--data",
                unpackedFirst.toString(),
                corpus.toString()))
        .isEqualTo(0);
    assertThat(
            run(
                "import",
                "--format",
                "json",
                "--data",
                unpackedFirst.toString(),
                fixture.toString()))
        .isEqualTo(0);
    assertThat(out())
        .doesNotContain("Unpacked the bundled catalogue")
        .contains("Summary: created 2, updated 0, unchanged 0, rejected 0");

    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    assertThat(run("export", "--format", "json", "--data", importedFirst.toString(), a.toString()))
        .isEqualTo(0);
    assertThat(run("export", "--format", "json", "--data", unpackedFirst.toString(), b.toString()))
        .isEqualTo(0);
    assertThat(recordsIn(a)).isEqualTo(recordsIn(corpus) + 2).isGreaterThan(1_000);
    assertThat(ids(a)).containsExactlyInAnyOrderElementsOf(ids(b)).contains("rfc-9110", "rfc-7231");
  }

  /** The ids of the records a JSON export holds. */
  private static java.util.List<String> ids(Path exported) throws java.io.IOException {
    java.util.List<String> ids = new java.util.ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(exported.toFile())
        .get("records")
        .forEach(r -> ids.add(r.get("id").asText()));
    return ids;
  }

  @Test
  void anAccountAddedToAFreshDataDirectoryComesWithTheReadyMadeCatalogue() throws Exception {
    Path data = dir.resolve("fresh");
    assertThat(
            runWith(
                "a long enough password\n",
                java.util.Map.of(),
                "user",
                "add",
                "--email",
                "admin@example.org",
                "--role",
                "admin",
                "--data",
                data.toString()))
        .isEqualTo(0);
    assertThat(out()).contains("Unpacked the bundled catalogue", "Added admin admin@example.org");
    assertThat(data.resolve(App.INDEX_DIR)).isDirectory();
    Path exported = dir.resolve("all.json");
    assertThat(run("export", "--format", "json", "--data", data.toString(), exported.toString()))
        .isEqualTo(0);
    assertThat(recordsIn(exported)).isGreaterThan(1_000);
    assertThat(run("user", "list", "--data", data.toString())).isEqualTo(0);
    assertThat(out()).contains("admin@example.org\tadmin");
  }

  @Test
  void aUsersBodyIsCheckedOnTheCommandLineAndKeptInTheCataloguesSpelling() {
    String data = dir.resolve("data").toString();
    java.util.Map<String, String> env = java.util.Map.of("AISX_PASSWORD", "a long enough password");
    java.util.function.ToIntFunction<String> addContributorOf =
        body ->
            runWith(
                "",
                env,
                "user",
                "add",
                "--email",
                "e@iso.org",
                "--role",
                "contributor",
                "--body",
                body,
                "--data",
                data);
    assertThat(addContributorOf.applyAsInt("ISOO")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("bodies: 'ISOO' is not a standards body the catalogue knows")
        .contains("close: ISO");
    assertThat(addContributorOf.applyAsInt("iso/iec")).isEqualTo(0);
    assertThat(out()).contains("Added contributor e@iso.org of ISO/IEC");
    assertThat(
            runWith(
                "", env, "user", "set", "--email", "e@iso.org", "--body", "IEEEE", "--data", data))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("'IEEEE'").contains("IEEE");
  }

  @Test
  void usersAndTokensAreCreatedAndRevokedFromTheCommandLine() {
    String data = dir.resolve("data").toString();
    String password = "a long enough password\n";

    assertThat(
            runWith(
                password,
                java.util.Map.of(),
                "user",
                "add",
                "--email",
                "Admin@Example.org",
                "--role",
                "admin",
                "--data",
                data))
        .isEqualTo(0);
    assertThat(out()).contains("Added admin admin@example.org");
    assertThat(
            runWith(
                "",
                java.util.Map.of("AISX_PASSWORD", "another long password"),
                "user",
                "add",
                "--email",
                "sec@itu.int",
                "--role",
                "contributor",
                "--body",
                "ITU-T",
                "--body",
                "ITU-R",
                "--data",
                data))
        .isEqualTo(0);
    assertThat(out()).contains("Added contributor sec@itu.int of ITU-R, ITU-T");
    assertThat(runWith("", java.util.Map.of(), "user", "list", "--data", data)).isEqualTo(0);
    assertThat(out())
        .contains("admin@example.org\tadmin")
        .contains("sec@itu.int\tcontributor\tITU-R,ITU-T");

    assertThat(
            runWith(
                "",
                java.util.Map.of(),
                "token",
                "create",
                "--email",
                "sec@itu.int",
                "--data",
                data))
        .isEqualTo(0);
    String token = lastLine();
    assertThat(token).startsWith("aisx_").hasSizeGreaterThan(40);
    assertThat(out()).contains("shown only this once");

    try (App app = Fixtures.empty(dir.resolve("data"))) {
      assertThat(app.accounts().userForToken(token).orElseThrow().email()).isEqualTo("sec@itu.int");
      assertThat(
              app.accounts()
                  .authenticate("admin@example.org", "a long enough password".toCharArray()))
          .isPresent();
      assertThat(app.accounts().authenticate("sec@itu.int", "another long password".toCharArray()))
          .isPresent();
    }

    assertThat(
            runWith(
                "",
                java.util.Map.of(),
                "token",
                "revoke",
                "--email",
                "sec@itu.int",
                "--data",
                data))
        .isEqualTo(0);
    assertThat(out()).contains("Revoked 1 token(s) of sec@itu.int");
    try (App app = Fixtures.empty(dir.resolve("data"))) {
      assertThat(app.accounts().userForToken(token)).isEmpty();
    }
  }

  @Test
  void badAccountCommandsSayWhatIsWrong() {
    String data = dir.resolve("data").toString();
    // The password is never an argument.
    assertThat(
            runWith(
                "pw-long-enough-123\n",
                java.util.Map.of(),
                "user",
                "add",
                "--email",
                "a@b.org",
                "--role",
                "admin",
                "--password",
                "x",
                "--data",
                data))
        .isEqualTo(2);
    assertThat(
            runWith(
                "",
                java.util.Map.of(),
                "user",
                "add",
                "--email",
                "a@b.org",
                "--role",
                "root",
                "--data",
                data))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("role must be contributor, coordinator or admin");
    assertThat(
            runWith(
                "",
                java.util.Map.of(),
                "user",
                "add",
                "--email",
                "a@b.org",
                "--role",
                "admin",
                "--data",
                data))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no password");
    assertThat(
            runWith(
                "short\n",
                java.util.Map.of(),
                "user",
                "add",
                "--email",
                "a@b.org",
                "--role",
                "contributor",
                "--data",
                data))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("bodies: a contributor belongs to at least one standards body")
        .contains("password: at least 12 characters");
    assertThat(
            runWith(
                "",
                java.util.Map.of(),
                "token",
                "create",
                "--email",
                "ghost@b.org",
                "--data",
                data))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("ghost@b.org");
    assertThat(runWith("", java.util.Map.of(), "token", "mint")).isEqualTo(2);
  }

  @Test
  void anAdminDisablesReRolesAndResetsAccountsFromTheCommandLineWhileTheServiceRuns() {
    Path data = dir.resolve("data");
    String d = data.toString();
    java.util.Map<String, String> pw = java.util.Map.of("AISX_PASSWORD", "a long enough password");
    try (App app = Fixtures.empty(data)) {
      Fixtures.user(app, "admin@example.org", org.aisx.account.Role.ADMIN);
      org.aisx.account.User member =
          Fixtures.user(app, "member@ieee.org", org.aisx.account.Role.CONTRIBUTOR, "IEEE");
      org.aisx.account.Session session = app.accounts().startSession(member);
      String token = app.accounts().createToken("member@ieee.org", "ci").secret();

      // The running service's accounts see each command's change at once.
      assertThat(
              runWith(
                  "",
                  pw,
                  "user",
                  "set",
                  "--email",
                  "member@ieee.org",
                  "--body",
                  "IEC",
                  "--data",
                  d))
          .isEqualTo(0);
      assertThat(out())
          .contains("Set member@ieee.org to contributor of IEC; signed out everywhere");
      assertThat(app.accounts().session(session.id())).isEmpty();
      assertThat(app.accounts().userForToken(token).orElseThrow().bodies()).containsExactly("IEC");

      session = app.accounts().startSession(app.accounts().user("member@ieee.org").orElseThrow());
      assertThat(runWith("", pw, "user", "disable", "--email", "Member@IEEE.org", "--data", d))
          .isEqualTo(0);
      assertThat(out()).contains("Disabled member@ieee.org: signed out everywhere, 1 token(s)");
      assertThat(app.accounts().session(session.id())).isEmpty();
      assertThat(app.accounts().userForToken(token)).isEmpty();
      assertThat(app.accounts().authenticate("member@ieee.org", Fixtures.PASSWORD.toCharArray()))
          .isEmpty();
      assertThat(runWith("", pw, "user", "list", "--data", d)).isEqualTo(0);
      assertThat(out()).contains("member@ieee.org\tcontributor\tIEC\tdisabled 20");

      assertThat(runWith("", pw, "user", "enable", "--email", "member@ieee.org", "--data", d))
          .isEqualTo(0);
      assertThat(runWith("", pw, "user", "password", "--email", "member@ieee.org", "--data", d))
          .isEqualTo(0);
      assertThat(out()).contains("New password set for member@ieee.org");
      assertThat(app.accounts().authenticate("member@ieee.org", Fixtures.PASSWORD.toCharArray()))
          .isEmpty();
      assertThat(
              app.accounts()
                  .authenticate("member@ieee.org", "a long enough password".toCharArray()))
          .isPresent();

      assertThat(
              runWith(
                  "",
                  pw,
                  "user",
                  "set",
                  "--email",
                  "member@ieee.org",
                  "--role",
                  "coordinator",
                  "--data",
                  d))
          .isEqualTo(0);
      assertThat(app.accounts().user("member@ieee.org").orElseThrow().bodies()).isEmpty();

      // The last admin is kept; an unknown account and a missing option are named.
      assertThat(runWith("", pw, "user", "disable", "--email", "admin@example.org", "--data", d))
          .isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("the last active admin cannot be disabled");
      assertThat(runWith("", pw, "user", "enable", "--email", "ghost@example.org", "--data", d))
          .isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("ghost@example.org");
      assertThat(runWith("", pw, "user", "set", "--email", "admin@example.org", "--data", d))
          .isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("user set needs --role or --body");
      assertThat(Main.USAGE)
          .contains("user disable --email E")
          .contains("user enable --email E")
          .contains("user set --email E")
          .contains("user password --email E");
    }
  }
}
