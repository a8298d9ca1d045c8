package org.aisx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.aisx.account.Role;
import org.aisx.backup.Backup;
import org.aisx.catalog.Json;
import org.aisx.catalog.Progress;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.store.StoreConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} and {@code restore} (SPEC §11) on real stores: the starter catalogue with
 * accounts, tokens, a submission, history and audit events, copied SQLite → SQLite, SQLite →
 * PostgreSQL → SQLite, and while writes go on. Stores are compared table by table, row by row,
 * through the database's own catalogue (not through the code under test).
 */
class BackupRestoreTest {
  static final String PG =
      System.getProperty("aisx.test.pg", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  @TempDir Path dir;
  final List<String> schemas = new ArrayList<>();

  @AfterEach
  void dropSchemas() throws SQLException {
    try (Connection c = DriverManager.getConnection(PG)) {
      for (String s : schemas) {
        c.createStatement().execute("DROP SCHEMA " + s + " CASCADE");
      }
    }
  }

  Path source;

  @BeforeEach
  void catalogueWithEveryKindOfRow() {
    source = dir.resolve("source");
    try (App app = Fixtures.starter(source)) {
      Fixtures.user(app, "alice@example.org", Role.CONTRIBUTOR, "ISO");
      Fixtures.user(app, "carol@example.org", Role.ADMIN);
      app.accounts().createToken("alice@example.org", "robot");
      Standard some = app.catalog().find(firstId(app)).orElseThrow();
      app.catalog()
          .save(
              some.toBuilder().keywords(List.of("backup", "restore")).build(),
              "carol@example.org",
              "test",
              null);
      app.catalog().save(record("BACKUP 1"), "carol@example.org", "test", null);
      app.auditLog().commandLine("test", "backup", "a line of the audit trail");
      var draft =
          app.submissions()
              .draft(
                  Json.mapper()
                      .valueToTree(
                          Map.of(
                              "action",
                              "create",
                              "record",
                              Map.of(
                                  "identifier", "ISO 99999",
                                  "title", Map.of("en", "A proposed standard"),
                                  "sdo", "ISO",
                                  "type", "international-standard",
                                  "status", "draft"))));
      app.submissions().submit(draft, app.accounts().users().stream().findFirst().orElseThrow());
    }
  }

  private static String firstId(App app) {
    String[] id = new String[1];
    app.catalog()
        .forEach(
            s -> {
              if (id[0] == null) {
                id[0] = s.id();
              }
            });
    return id[0];
  }

  private static Standard record(String identifier) {
    return Standard.builder(identifier)
        .title(Map.of("en", "Record " + identifier))
        .sdo("ISO")
        .type(PublicationType.INTERNATIONAL_STANDARD)
        .status(Status.IN_FORCE)
        .build();
  }

  @Test
  void aBackupRestoredIntoANewDataDirectoryGivesTheSameTablesRowForRow() throws Exception {
    Path file = dir.resolve("aisx.backup");
    Backup.Summary taken = backup(source, null, file);
    Path target = dir.resolve("target");
    Backup.Summary restored = restore(target, null, file);

    assertThat(restored.rows()).isEqualTo(taken.rows());
    assertThat(rows(sqlite(target))).isEqualTo(rows(sqlite(source)));
    assertThat(taken.rows().get("standard")).isGreaterThan(100);
    assertThat(taken.rows()).containsKeys("account", "api_token", "submission", "audit_event");
    try (App app = Fixtures.empty(target)) {
      assertThat(app.index().inStepWith(app.store)).isTrue();
      assertThat(app.catalog().find("backup-1")).isPresent();
      assertThat(app.accounts().users()).hasSize(2);
    }
  }

  @Test
  void everyTableOfTheSchemaIsInTheBackupWithTheSchemaVersion() throws Exception {
    Path file = dir.resolve("aisx.backup");
    backup(source, null, file);
    List<JsonNode> lines = lines(file);
    JsonNode header = lines.get(0);
    List<String> named = new ArrayList<>();
    header.path("tables").forEach(t -> named.add(t.asText()));
    List<String> sections = new ArrayList<>();
    lines.stream().filter(l -> l.has("table")).forEach(l -> sections.add(l.get("table").asText()));

    TreeSet<String> schemaTables = new TreeSet<>();
    try (Connection c = sqlite(source);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE"
                        + " 'sqlite%' AND name <> 'flyway_schema_history'")) {
      while (rs.next()) {
        schemaTables.add(rs.getString(1));
      }
      try (ResultSet v =
          c.createStatement()
              .executeQuery(
                  "SELECT version FROM flyway_schema_history ORDER BY installed_rank DESC")) {
        v.next();
        assertThat(header.get("schemaVersion").asText()).isEqualTo(v.getString(1));
      }
    }
    assertThat(new TreeSet<>(named)).isEqualTo(schemaTables);
    assertThat(sections).isEqualTo(named);
    // Dependency order: a table comes after every table it references.
    assertThat(named.indexOf("account")).isLessThan(named.indexOf("api_token"));
    assertThat(named.indexOf("standard")).isLessThan(named.indexOf("relation"));
    assertThat(lines.get(lines.size() - 1).get("end").asText()).isEqualTo("backup");
  }

  @Test
  void aBackupCrossesFromSqliteToPostgresqlAndBackUnchanged() throws Exception {
    Path first = dir.resolve("first.backup");
    backup(source, null, first);
    String pg = newSchema();
    Path pgData = dir.resolve("pg-node");
    restore(pgData, pg, first);
    try (App app = App.open(pgData, pg, Progress.SILENT, Fixtures.HASHER)) {
      // On PostgreSQL the index follows the change log (several nodes): every restored record is
      // searchable once the node has opened.
      long indexed =
          app.index()
              .search(
                  new org.aisx.search.SearchRequest(
                      "",
                      java.util.Map.of(),
                      null,
                      null,
                      org.aisx.search.SearchRequest.Sort.RELEVANCE,
                      1,
                      1,
                      org.aisx.search.SearchRequest.Mode.KEYWORD),
                  null)
              .total();
      // A search lists a W3C dated edition folded into its latest version (editions/Twins) once,
      // as its twin's card.
      java.util.concurrent.atomic.AtomicLong folded = new java.util.concurrent.atomic.AtomicLong();
      app.catalog()
          .forEach(
              s -> {
                if (org.aisx.editions.Twins.foldedInto(s).isPresent()) {
                  folded.incrementAndGet();
                }
              });
      assertThat(folded.get()).isPositive();
      assertThat(indexed).isEqualTo(app.catalog().count() - folded.get());
      // New rows after a restore get fresh sequence numbers (identity columns moved on).
      app.catalog().save(record("BACKUP 2"), "carol@example.org", "test", null);
      app.auditLog().commandLine("test", "after", "restore");
    }
    Path second = dir.resolve("second.backup");
    backup(pgData, pg, second);
    Path back = dir.resolve("back");
    restore(back, null, second);

    Map<String, List<String>> before = rows(sqlite(source));
    Map<String, List<String>> after = rows(sqlite(back));
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String table : before.keySet()) {
      if (!List.of("standard", "history_event", "audit_event").contains(table)) {
        assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
      } else {
        assertThat(after.get(table)).as(table).containsAll(before.get(table));
      }
    }
    assertThat(after.get("standard")).hasSize(before.get("standard").size() + 1);
    try (Connection pgc = DriverManager.getConnection(pg)) {
      // derived_change is PostgreSQL's own log of derived writes for the other nodes to follow
      // (V11; SQLite, served by one node, has none); the data tables are compared.
      Map<String, List<String>> onPostgres = rows(pgc);
      onPostgres.remove("derived_change");
      assertThat(onPostgres).isEqualTo(after);
    }
  }

  @Test
  void restoreRefusesAStoreThatIsNotEmptyAndAFileCutShort() throws Exception {
    Path file = dir.resolve("aisx.backup");
    backup(source, null, file);
    assertThatThrownBy(() -> restore(source, null, file))
        .isInstanceOf(Backup.RestoreRefused.class)
        .hasMessageContaining("not empty")
        .hasMessageContaining("standard");

    byte[] whole = Files.readAllBytes(file);
    Path cut = dir.resolve("cut.backup");
    try (OutputStream out = Files.newOutputStream(cut)) {
      // Decompress, drop the last lines, compress again: a copy that ends mid-way.
      List<String> text = textLines(whole);
      try (OutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
        gz.write(
            String.join("\n", text.subList(0, text.size() - 5)).getBytes(StandardCharsets.UTF_8));
      }
    }
    Path target = dir.resolve("target");
    assertThatThrownBy(() -> restore(target, null, cut))
        .isInstanceOf(Backup.RestoreRefused.class)
        .hasMessageContaining("cut short");
    try (Connection c = sqlite(target);
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM standard")) {
      rs.next();
      assertThat(rs.getLong(1)).as("a refused restore leaves nothing behind").isZero();
    }
  }

  @Test
  void aFileThatIsNotAWholeBackupIsRefusedSayingWhatIsWrongAndNothingIsRestored() throws Exception {
    Path file = dir.resolve("aisx.backup");
    backup(source, null, file);
    byte[] whole = Files.readAllBytes(file);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("empty or ends inside its gzip header", new byte[0]);
    files.put("not gzip-compressed", "hello\n".getBytes(StandardCharsets.UTF_8));
    files.put("ends early: it was cut short", Arrays.copyOf(whole, whole.length / 2));
    files.put("a line is not JSON", gzipOf("{\"format\": nope\n"));
    int n = 0;
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path bad = dir.resolve("bad" + n + ".backup");
      Files.write(bad, e.getValue());
      Path target = dir.resolve("target" + n++);
      assertThatThrownBy(() -> restore(target, null, bad))
          .as(e.getKey())
          .isInstanceOf(Backup.RestoreRefused.class)
          .hasMessageContaining(e.getKey())
          .hasMessageContaining("nothing was restored");
      try (Connection c = sqlite(target);
          ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM standard")) {
        rs.next();
        assertThat(rs.getLong(1)).as(e.getKey()).isZero();
      }
    }
  }

  /** Gzip of a text, for files that are compressed but not a backup. */
  private static byte[] gzipOf(String text) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void aBackupTakenWhileRecordsAreWrittenIsConsistent() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger written = new AtomicInteger();
    Path file = dir.resolve("busy.backup");
    try (App app = Fixtures.empty(source.resolveSibling("busy"))) {
      Path data = source.resolveSibling("busy");
      Thread writer =
          new Thread(
              () -> {
                int i = 0;
                while (writing.get()) {
                  Standard s = record("BUSY " + (i++ % 40));
                  if (i > 40) { // after the first forty, every write changes a record
                    s = s.toBuilder().keywords(List.of("round " + i)).build();
                  }
                  app.catalog().save(s, "writer", "test", null);
                  written.incrementAndGet();
                }
              });
      writer.start();
      while (written.get() < 60) {
        Thread.onSpinWait();
      }
      List<Backup.Summary> taken = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        taken.add(backup(data, null, file));
        Path target = dir.resolve("busy-target-" + round);
        restore(target, null, file);
        assertConsistent(target);
      }
      writing.set(false);
      writer.join();
      assertThat(written.get()).isGreaterThan(60);
    }
  }

  /** Every record's revision is that of its newest history event, and each has one creation. */
  private static void assertConsistent(Path data) throws SQLException {
    try (Connection c = sqlite(data);
        Statement st = c.createStatement()) {
      ResultSet torn =
          st.executeQuery(
              "SELECT COUNT(*) FROM standard s WHERE s.revision <> (SELECT MAX(h.revision) FROM"
                  + " history_event h WHERE h.record_id = s.id)");
      torn.next();
      assertThat(torn.getLong(1)).as("records whose history is ahead or behind").isZero();
      ResultSet counts =
          st.executeQuery(
              "SELECT (SELECT COUNT(*) FROM standard), (SELECT COUNT(*) FROM history_event WHERE"
                  + " kind = 'created'), (SELECT COUNT(DISTINCT record_id) FROM history_event)");
      counts.next();
      assertThat(counts.getLong(2)).isEqualTo(counts.getLong(1));
      assertThat(counts.getLong(3)).isEqualTo(counts.getLong(1));
    }
  }

  private String newSchema() throws SQLException {
    String schema = "aisx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(PG)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    schemas.add(schema);
    return PG + "&currentSchema=" + schema;
  }

  private static Backup.Summary backup(Path data, String db, Path file) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      return App.backup(data, db, out, Progress.SILENT);
    }
  }

  private static Backup.Summary restore(Path data, String db, Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return App.restore(data, db, in, Progress.SILENT);
    }
  }

  private static Connection sqlite(Path data) throws SQLException {
    return DriverManager.getConnection(StoreConfig.embedded(data).jdbcUrl());
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String l : textLines(Files.readAllBytes(file))) {
      if (!l.isEmpty()) {
        out.add(Json.mapper().readTree(l));
      }
    }
    return out;
  }

  private static List<String> textLines(byte[] gzip) throws IOException {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(new java.io.ByteArrayInputStream(gzip)),
                StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }

  /**
   * Every table's rows (Flyway's and the engines' own excepted), each row its values joined,
   * sorted: numbers as numbers whatever the engine's width, bytes in base64. Columns only
   * PostgreSQL has (transaction ids of other branches' node following) are not compared.
   */
  static Map<String, List<String>> rows(Connection c) throws SQLException {
    try (c) {
      Map<String, List<String>> out = new TreeMap<>();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String t = rs.getString("TABLE_NAME");
          if (!t.startsWith("sqlite_") && !t.equals("flyway_schema_history")) {
            tables.add(t);
          }
        }
      }
      for (String t : tables) {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT * FROM " + t)) {
          ResultSetMetaData m = rs.getMetaData();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= m.getColumnCount(); i++) {
              int type = m.getColumnType(i);
              if (type == Types.OTHER) {
                continue;
              }
              row.append(m.getColumnName(i).toLowerCase(java.util.Locale.ROOT)).append('=');
              switch (type) {
                case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                  byte[] b = rs.getBytes(i);
                  row.append(b == null ? "null" : Base64.getEncoder().encodeToString(b));
                }
                case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                  long v = rs.getLong(i);
                  row.append(rs.wasNull() ? "null" : Long.toString(v));
                }
                case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> {
                  double v = rs.getDouble(i);
                  row.append(rs.wasNull() ? "null" : Double.toString(v));
                }
                default -> row.append(rs.getString(i));
              }
              row.append('\u001f');
            }
            rows.add(row.toString());
          }
        }
        rows.sort(null);
        out.put(t, rows);
      }
      return out;
    }
  }
}
