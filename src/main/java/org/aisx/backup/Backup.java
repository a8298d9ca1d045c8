package org.aisx.backup;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.aisx.catalog.Progress;
import org.aisx.ingest.Inputs;
import org.aisx.store.IsoDraftLinksTurned;
import org.aisx.store.IsoUpdatesTurned;
import org.aisx.store.RelationTargetsNamed;
import org.aisx.store.StoreConfig;
import org.aisx.store.SuiteNotesAsFacts;
import org.aisx.store.W3cLatestVersionsJoined;

/**
 * {@code backup FILE} and {@code restore FILE} (SPEC §11): a portable logical copy of every table
 * of the store, taken in one read transaction so that it is consistent while the service writes,
 * and loaded into an empty store of either kind (SQLite or PostgreSQL).
 *
 * <h2>File</h2>
 *
 * Gzip-compressed JSON lines. The first line is the header: {@code {"format":"aisx-backup",
 * "formatVersion":1,"schemaVersion":"6","vendor":"sqlite","taken":"...","tables":[...]}}. Then, per
 * table in dependency order: a line {@code {"table":NAME,"columns":[{"name":..,"type":..}]}}, one
 * JSON array per row (text and integers as JSON strings and numbers, bytes in base64, null as
 * null), and {@code {"end":NAME,"rows":N}}. The last line is {@code {"end":"backup","tables":T,
 * "rows":R}}: a file without it was cut short and is refused. Columns of a type that is not
 * portable (PostgreSQL's transaction ids) are left out and take their defaults on restore.
 *
 * <p>A backup of an older schema version is loaded into the current schema as it is, and then
 * repaired as the upgrade repairs stored data ({@link RelationTargetsNamed} for a backup older than
 * version 20, {@link IsoUpdatesTurned} for one older than version 22, {@link IsoDraftLinksTurned}
 * for one older than version 23, {@link W3cLatestVersionsJoined} for one older than version 24,
 * {@link SuiteNotesAsFacts} for one older than version 26).
 */
public final class Backup {
  static final String FORMAT = "aisx-backup";
  static final int FORMAT_VERSION = 1;
  private static final int FETCH = 500;
  private static final int BATCH = 500;

  private final ObjectMapper json;
  private final Clock clock;

  public Backup(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  /** What a backup or restore did: the schema version, and rows per table in file order. */
  public record Summary(String schemaVersion, Map<String, Long> rows, List<String> skipped) {
    public long total() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
      return rows.size()
          + " tables, "
          + total()
          + " rows, schema version "
          + schemaVersion
          + " ("
          + rows.entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining(", "))
          + ")"
          + (skipped.isEmpty() ? "" : "; not in this store, skipped: " + skipped);
    }
  }

  /** Thrown when a restore cannot go ahead: a store that is not empty, a file that is not whole. */
  public static final class RestoreRefused extends RuntimeException {
    RestoreRefused(String message) {
      super(message);
    }
  }

  /**
   * Writes a consistent copy of the store at {@code config} to {@code out} (compressed here; the
   * caller closes {@code out}). Uses its own connection: SQLite in a deferred read transaction,
   * which in WAL mode sees one snapshot and never blocks the service's writers; PostgreSQL in a
   * REPEATABLE READ READ ONLY transaction. Rows are streamed, so memory stays flat.
   */
  public Summary write(StoreConfig config, OutputStream out, Progress progress)
      throws IOException, SQLException {
    Properties properties = new Properties();
    if (config.vendor() == StoreConfig.Vendor.SQLITE) {
      properties.setProperty("busy_timeout", "10000"); // a reader waits out a checkpoint
    }
    try (Connection c = DriverManager.getConnection(config.jdbcUrl(), properties)) {
      if (config.vendor() == StoreConfig.Vendor.POSTGRESQL) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
      }
      c.setAutoCommit(false);
      try {
        return write(c, config.vendor(), out, progress);
      } finally {
        c.rollback();
      }
    }
  }

  private Summary write(
      Connection c, StoreConfig.Vendor vendor, OutputStream out, Progress progress)
      throws IOException, SQLException {
    // The first statement fixes the snapshot (SQLite: the first read of the transaction).
    String version = Tables.schemaVersion(c);
    List<String> tables = Tables.inDependencyOrder(c);
    Map<String, Long> counts = new LinkedHashMap<>();
    long total = 0;
    for (String t : tables) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + Tables.quote(t))) {
        rs.next();
        total += rs.getLong(1);
      }
    }
    progress.start("Backing up " + tables.size() + " tables, " + total + " rows", total);
    GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
    JsonGenerator g = new JsonFactory(json).createGenerator(gz, JsonEncoding.UTF8);
    g.setRootValueSeparator(null);
    g.writeStartObject();
    g.writeStringField("format", FORMAT);
    g.writeNumberField("formatVersion", FORMAT_VERSION);
    g.writeStringField("schemaVersion", version);
    g.writeStringField("vendor", vendor.name().toLowerCase(java.util.Locale.ROOT));
    g.writeStringField("taken", clock.instant().toString());
    g.writeArrayFieldStart("tables");
    for (String t : tables) {
      g.writeString(t);
    }
    g.writeEndArray();
    g.writeEndObject();
    long done = 0;
    for (String t : tables) {
      List<Tables.Column> columns =
          Tables.columns(c, t).stream().filter(col -> col.type() != null).toList();
      newline(g);
      g.writeStartObject();
      g.writeStringField("table", t);
      g.writeArrayFieldStart("columns");
      for (Tables.Column col : columns) {
        g.writeStartObject();
        g.writeStringField("name", col.name());
        g.writeStringField("type", col.type().wire());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      String select =
          "SELECT "
              + columns.stream()
                  .map(col -> Tables.quote(col.name()))
                  .collect(Collectors.joining(", "))
              + " FROM "
              + Tables.quote(t);
      long rows = 0;
      try (Statement st = c.createStatement()) {
        st.setFetchSize(FETCH);
        try (ResultSet rs = st.executeQuery(select)) {
          while (rs.next()) {
            newline(g);
            g.writeStartArray();
            for (int i = 0; i < columns.size(); i++) {
              writeValue(g, rs, i + 1, columns.get(i).type());
            }
            g.writeEndArray();
            rows++;
            if (++done % 1000 == 0) {
              progress.advance(done, done);
            }
          }
        }
      }
      counts.put(t, rows);
      newline(g);
      g.writeStartObject();
      g.writeStringField("end", t);
      g.writeNumberField("rows", rows);
      g.writeEndObject();
    }
    newline(g);
    g.writeStartObject();
    g.writeStringField("end", "backup");
    g.writeNumberField("tables", tables.size());
    g.writeNumberField("rows", done);
    g.writeEndObject();
    g.writeRaw('\n');
    g.flush();
    gz.finish();
    gz.flush();
    Summary summary = new Summary(version, counts, List.of());
    progress.finish(summary.toString());
    return summary;
  }

  private static void newline(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
  }

  private static void writeValue(JsonGenerator g, ResultSet rs, int i, Tables.ValueType type)
      throws IOException, SQLException {
    switch (type) {
      case TEXT -> {
        String v = rs.getString(i);
        if (v == null) {
          g.writeNull();
        } else {
          g.writeString(v);
        }
      }
      case INTEGER -> {
        long v = rs.getLong(i);
        if (rs.wasNull()) {
          g.writeNull();
        } else {
          g.writeNumber(v);
        }
      }
      case REAL -> {
        double v = rs.getDouble(i);
        if (rs.wasNull()) {
          g.writeNull();
        } else {
          g.writeNumber(v);
        }
      }
      case BYTES -> {
        byte[] v = rs.getBytes(i);
        if (v == null) {
          g.writeNull();
        } else {
          g.writeString(Base64.getEncoder().encodeToString(v));
        }
      }
      case BOOLEAN -> {
        boolean v = rs.getBoolean(i);
        if (rs.wasNull()) {
          g.writeNull();
        } else {
          g.writeBoolean(v);
        }
      }
    }
  }

  /**
   * Loads a backup into the store reached through {@code c}, which must be empty (every table
   * without rows) and at the backup's schema version or newer; all in one transaction, so a failed
   * restore leaves the store empty. Tables the backup has and this store lacks (PostgreSQL-only
   * bookkeeping restored into SQLite) are skipped and named in the summary.
   */
  public Summary restore(Connection c, StoreConfig.Vendor vendor, InputStream in, Progress progress)
      throws IOException, SQLException {
    try {
      return restoreWhole(c, vendor, in, progress);
    } catch (Inputs.Damaged e) {
      throw new RestoreRefused(
          "not a whole aisx backup: " + e.getMessage() + "; nothing was restored");
    } catch (JacksonException e) {
      throw new RestoreRefused(
          "the backup file is damaged: a line is not JSON ("
              + e.getOriginalMessage()
              + "); nothing was restored");
    }
  }

  private Summary restoreWhole(
      Connection c, StoreConfig.Vendor vendor, InputStream in, Progress progress)
      throws IOException, SQLException {
    BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(Inputs.gunzip(in), StandardCharsets.UTF_8), 1 << 16);
    JsonNode header = readHeader(lines.readLine());
    String version = header.path("schemaVersion").asText();
    String ours = Tables.schemaVersion(c);
    if (Tables.compareVersions(version, ours) > 0) {
      throw new RestoreRefused(
          "the backup is of schema version "
              + version
              + " but this program's store is at "
              + ours
              + ": restore it with the version of the program that took it, or a newer one");
    }
    List<String> present = Tables.inDependencyOrder(c);
    refuseUnlessEmpty(c, present);
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      Summary summary = load(c, vendor, lines, version, present, progress);
      // The rows are as the older version stored them: what later migrations do to stored data
      // is done to them too, as it was to the stores that were upgraded.
      if (Tables.compareVersions(version, RelationTargetsNamed.VERSION) < 0) {
        RelationTargetsNamed.repair(c, clock);
      }
      if (Tables.compareVersions(version, IsoUpdatesTurned.VERSION) < 0) {
        IsoUpdatesTurned.repair(c, clock);
      }
      if (Tables.compareVersions(version, IsoDraftLinksTurned.VERSION) < 0) {
        IsoDraftLinksTurned.repair(c, clock);
      }
      if (Tables.compareVersions(version, W3cLatestVersionsJoined.VERSION) < 0) {
        W3cLatestVersionsJoined.repair(c, clock);
      }
      if (Tables.compareVersions(version, SuiteNotesAsFacts.VERSION) < 0) {
        SuiteNotesAsFacts.repair(c, clock);
      }
      c.commit();
      return summary;
    } catch (IOException | SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private JsonNode readHeader(String line) throws IOException {
    if (line == null) {
      throw new RestoreRefused("the backup file is empty");
    }
    JsonNode header = json.readTree(line);
    if (!FORMAT.equals(header.path("format").asText())) {
      throw new RestoreRefused(
          "not an aisx backup (its first line has no format \"" + FORMAT + "\")");
    }
    if (header.path("formatVersion").asInt() > FORMAT_VERSION) {
      throw new RestoreRefused(
          "the backup's format version "
              + header.path("formatVersion").asInt()
              + " is newer than this program reads ("
              + FORMAT_VERSION
              + ")");
    }
    return header;
  }

  private static void refuseUnlessEmpty(Connection c, List<String> tables) throws SQLException {
    List<String> filled = new ArrayList<>();
    for (String t : tables) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + Tables.quote(t))) {
        rs.next();
        if (rs.getLong(1) > 0) {
          filled.add(t + " (" + rs.getLong(1) + " rows)");
        }
      }
    }
    if (!filled.isEmpty()) {
      throw new RestoreRefused(
          "the store is not empty: "
              + String.join(", ", filled)
              + ". Restore only into a new data directory or an empty database");
    }
  }

  private Summary load(
      Connection c,
      StoreConfig.Vendor vendor,
      BufferedReader lines,
      String version,
      List<String> present,
      Progress progress)
      throws IOException, SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    progress.start("Restoring a backup of schema version " + version, -1);
    long done = 0;
    long skippedRows = 0;
    String line;
    while ((line = lines.readLine()) != null) {
      JsonNode start = json.readTree(line);
      if (start.has("end") && "backup".equals(start.path("end").asText())) {
        if (start.path("rows").asLong() != done + skippedRows) {
          throw new RestoreRefused(
              "the backup file is damaged: it says "
                  + start.path("rows").asLong()
                  + " rows, it holds "
                  + (done + skippedRows));
        }
        Summary summary = new Summary(version, counts, skipped);
        progress.finish(summary.toString());
        return summary;
      }
      String table = start.path("table").asText(null);
      if (table == null) {
        throw new RestoreRefused(
            "the backup file is damaged: expected a table, found " + cut(line));
      }
      String target =
          present.stream().filter(t -> t.equalsIgnoreCase(table)).findFirst().orElse(null);
      List<String> names = new ArrayList<>();
      List<Tables.ValueType> types = new ArrayList<>();
      for (JsonNode col : start.path("columns")) {
        names.add(col.path("name").asText());
        types.add(Tables.ValueType.fromWire(col.path("type").asText()));
      }
      if (target == null) {
        skipped.add(table);
      }
      long rows =
          target == null
              ? skipTable(lines, table)
              : loadTable(c, vendor, lines, target, names, types);
      if (target == null) {
        skippedRows += rows;
      } else {
        counts.put(target, rows);
        done += rows;
        progress.advance(done, done);
      }
    }
    throw new RestoreRefused(
        "the backup file ends before its last line: it was cut short, nothing was restored");
  }

  private long skipTable(BufferedReader lines, String table) throws IOException {
    long rows = 0;
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.startsWith("{")) {
        expectEnd(json.readTree(line), table, rows);
        return rows;
      }
      rows++;
    }
    throw new RestoreRefused("the backup file ends inside table " + table + ": it was cut short");
  }

  private long loadTable(
      Connection c,
      StoreConfig.Vendor vendor,
      BufferedReader lines,
      String table,
      List<String> names,
      List<Tables.ValueType> types)
      throws IOException, SQLException {
    Map<String, Tables.Column> targetColumns = Tables.byName(Tables.columns(c, table));
    List<Tables.Column> into = new ArrayList<>();
    for (String n : names) {
      Tables.Column col = targetColumns.get(n.toLowerCase(java.util.Locale.ROOT));
      if (col == null) {
        throw new RestoreRefused(
            "table " + table + " of this store has no column " + n + " that the backup holds");
      }
      into.add(col);
    }
    List<String> identity = identityColumns(c, vendor, table);
    String sql =
        "INSERT INTO "
            + Tables.quote(table)
            + " ("
            + into.stream().map(col -> Tables.quote(col.name())).collect(Collectors.joining(", "))
            + ")"
            + (identity.isEmpty() ? "" : " OVERRIDING SYSTEM VALUE")
            + " VALUES ("
            + into.stream().map(col -> "?").collect(Collectors.joining(", "))
            + ")";
    long rows = 0;
    try (PreparedStatement insert = c.prepareStatement(sql)) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("{")) {
          if (rows % BATCH != 0) {
            insert.executeBatch();
          }
          expectEnd(json.readTree(line), table, rows);
          resetIdentities(c, table, identity);
          return rows;
        }
        JsonNode row = json.readTree(line);
        if (!(row instanceof ArrayNode) || row.size() != into.size()) {
          throw new RestoreRefused(
              "the backup file is damaged: a row of "
                  + table
                  + " is not "
                  + into.size()
                  + " values");
        }
        for (int i = 0; i < into.size(); i++) {
          bind(insert, i + 1, row.get(i), types.get(i), into.get(i));
        }
        insert.addBatch();
        if (++rows % BATCH == 0) {
          insert.executeBatch();
        }
      }
    }
    throw new RestoreRefused("the backup file ends inside table " + table + ": it was cut short");
  }

  private static void expectEnd(JsonNode end, String table, long rows) {
    if (!table.equals(end.path("end").asText()) || end.path("rows").asLong() != rows) {
      throw new RestoreRefused(
          "the backup file is damaged: table "
              + table
              + " should end after "
              + end.path("rows").asLong()
              + " rows, found "
              + rows);
    }
  }

  private static void bind(
      PreparedStatement st, int i, JsonNode v, Tables.ValueType from, Tables.Column to)
      throws SQLException {
    if (v == null || v.isNull()) {
      st.setNull(i, to.sqlType());
      return;
    }
    Tables.ValueType type = to.type() == null ? from : to.type();
    switch (type) {
      case TEXT -> st.setString(i, v.asText());
      case INTEGER -> st.setLong(i, v.isBoolean() ? (v.asBoolean() ? 1 : 0) : v.asLong());
      case REAL -> st.setDouble(i, v.asDouble());
      case BYTES -> st.setBytes(i, Base64.getDecoder().decode(v.asText()));
      case BOOLEAN -> st.setBoolean(i, v.isBoolean() ? v.asBoolean() : v.asLong() != 0);
    }
  }

  /** PostgreSQL's identity (or serial) columns of {@code table}; SQLite has none to reset. */
  private static List<String> identityColumns(Connection c, StoreConfig.Vendor vendor, String table)
      throws SQLException {
    List<String> out = new ArrayList<>();
    if (vendor != StoreConfig.Vendor.POSTGRESQL) {
      return out;
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                + " current_schema() AND table_name = ? AND is_identity = 'YES'")) {
      st.setString(1, table);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Moves each identity sequence past the restored values, so new rows get fresh numbers. */
  private static void resetIdentities(Connection c, String table, List<String> identity)
      throws SQLException {
    for (String col : identity) {
      try (PreparedStatement st =
          c.prepareStatement(
              "SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX("
                  + Tables.quote(col)
                  + "), 1), MAX("
                  + Tables.quote(col)
                  + ") IS NOT NULL) FROM "
                  + Tables.quote(table))) {
        st.setString(1, Tables.quote(table));
        st.setString(2, col);
        st.executeQuery().close();
      }
    }
  }

  private static String cut(String line) {
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }
}
