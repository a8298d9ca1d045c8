package org.aisx.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the database's own catalogue says about the store's tables: their names in dependency order
 * (a table after every table it references), their columns, and the schema version Flyway applied.
 * Read from the database rather than listed in code, so that a table a later migration adds is
 * backed up and restored without a change here.
 */
final class Tables {
  /** Flyway's own bookkeeping: never copied; its newest version is recorded instead. */
  static final String FLYWAY = "flyway_schema_history";

  private Tables() {}

  /** The portable kinds of column value a backup carries; other columns take their defaults. */
  enum ValueType {
    TEXT,
    INTEGER,
    REAL,
    BYTES,
    BOOLEAN;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static ValueType fromWire(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** The portable type of a JDBC column type, or null for a type not carried (e.g. xid8). */
    static ValueType ofJdbc(int sqlType) {
      return switch (sqlType) {
        case Types.CHAR,
            Types.VARCHAR,
            Types.LONGVARCHAR,
            Types.NCHAR,
            Types.NVARCHAR,
            Types.LONGNVARCHAR,
            Types.CLOB,
            Types.NCLOB ->
            TEXT;
        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
        case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> REAL;
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
        case Types.BOOLEAN, Types.BIT -> BOOLEAN;
        default -> null;
      };
    }
  }

  /** One column: its name, its portable type (null: not carried) and its JDBC type. */
  record Column(String name, ValueType type, int sqlType) {}

  /** The store's tables (Flyway's excepted), each after the tables it references. */
  static List<String> inDependencyOrder(Connection c) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String schema = c.getSchema();
    Set<String> names = new TreeSet<>();
    try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (!name.equalsIgnoreCase(FLYWAY) && !name.startsWith("sqlite_")) {
          names.add(name);
        }
      }
    }
    Map<String, Set<String>> references = new TreeMap<>();
    for (String table : names) {
      Set<String> refs = new TreeSet<>();
      try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
        while (rs.next()) {
          String target = rs.getString("PKTABLE_NAME");
          if (names.contains(target) && !target.equals(table)) {
            refs.add(target);
          }
        }
      }
      references.put(table, refs);
    }
    // Kahn's algorithm, alphabetical among equals so that the order is the same every time.
    List<String> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (order.size() < names.size()) {
      String next = null;
      for (var e : references.entrySet()) {
        if (!placed.contains(e.getKey()) && placed.containsAll(e.getValue())) {
          next = e.getKey();
          break;
        }
      }
      if (next == null) {
        throw new SQLException("the tables' foreign keys form a cycle: " + references);
      }
      order.add(next);
      placed.add(next);
    }
    return order;
  }

  /** The columns of {@code table}, in the table's order. */
  static List<Column> columns(Connection c, String table) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + quote(table) + " WHERE 1 = 0")) {
      var meta = rs.getMetaData();
      List<Column> out = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        int type = meta.getColumnType(i);
        out.add(new Column(meta.getColumnName(i), ValueType.ofJdbc(type), type));
      }
      return out;
    }
  }

  /** Column name → column, for looking up a backup's columns in the target table. */
  static Map<String, Column> byName(List<Column> columns) {
    Map<String, Column> out = new LinkedHashMap<>();
    columns.forEach(col -> out.put(col.name().toLowerCase(Locale.ROOT), col));
    return out;
  }

  /** The newest schema version Flyway applied, e.g. "6". */
  static String schemaVersion(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT version FROM "
                    + FLYWAY
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC")) {
      if (rs.next()) {
        return rs.getString(1);
      }
      throw new SQLException("the database has no applied migration");
    }
  }

  /** A table name from the catalogue, quoted for SQL. */
  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Compares two Flyway versions ("6", "6.1") numerically. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? Long.parseLong(x[i]) : 0;
      long q = i < y.length ? Long.parseLong(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }
}
