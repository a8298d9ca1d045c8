package org.aisx.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Java migrations that rewrite records' JSON documents ({@link RelationTargetsNamed},
 * {@link IsoUpdatesTurned}, {@link IsoDraftLinksTurned}, {@link W3cLatestVersionsJoined}), or
 * suites' ({@link SuiteNotesAsFacts}), tell Flyway alike: their version, no checksum (the code is
 * the migration), one transaction, and a migration that is their repair run on Flyway's connection.
 * The repair itself stays a static method of each, which a restored backup of an older schema calls
 * too ({@code backup.Backup}). They read records a chunk of ids at a time ({@link #select}) and
 * write them in batches ({@link RecordWrites}).
 */
abstract class RecordsMigration implements JavaMigration {
  private static final Logger LOG = LoggerFactory.getLogger(RecordsMigration.class);

  /** A migration's repair: in the caller's transaction on {@code c}; how many documents changed. */
  @FunctionalInterface
  interface Repair {
    int on(Connection c, Clock clock) throws SQLException;
  }

  private final String version;
  private final String description;
  private final Repair repair;

  RecordsMigration(String version, String description, Repair repair) {
    this.version = version;
    this.description = description;
    this.repair = repair;
  }

  @Override
  public final MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(version);
  }

  @Override
  public final String getDescription() {
    return description;
  }

  @Override
  public final Integer getChecksum() {
    return null;
  }

  @Override
  public final boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public final void migrate(Context context) throws SQLException {
    long start = System.nanoTime();
    int changed = repairOn(context.getConnection(), Clock.systemUTC());
    // What an upgrade did to the stored records, for whoever reads the log of the first start.
    LOG.info(
        "migration {} ({}): {} changed in {} ms",
        version,
        description,
        changed,
        (System.nanoTime() - start) / 1_000_000);
  }

  /** The migration's repair, in the caller's transaction on {@code c}; how many changed. */
  final int repairOn(Connection c, Clock clock) throws SQLException {
    return repair.on(c, clock);
  }

  /** How many ids one query names: well under SQLite's and PostgreSQL's limits on parameters. */
  static final int IDS_PER_QUERY = 500;

  /** {@code ids} in consecutive chunks of at most {@link #IDS_PER_QUERY}. */
  static List<List<String>> chunks(List<String> ids) {
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
      out.add(ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY)));
    }
    return out;
  }

  /** What a query hands back, row by row. */
  @FunctionalInterface
  interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code sql}, whose one {@code IN (?)} stands for the ids, once per chunk of {@code ids},
   * handing each row to {@code row}.
   */
  static void select(Connection c, String sql, List<String> ids, Row row) throws SQLException {
    if (!sql.contains("IN (?)")) {
      throw new IllegalArgumentException("no IN (?) for the ids in: " + sql);
    }
    for (List<String> chunk : chunks(ids)) {
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement q = c.prepareStatement(sql.replace("IN (?)", "IN (" + marks + ")"))) {
        for (int i = 0; i < chunk.size(); i++) {
          q.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            row.read(rs);
          }
        }
      }
    }
  }
}
