package org.aisx.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * What the Java migrations that rewrite records' JSON documents ({@link RelationTargetsNamed},
 * {@link IsoUpdatesTurned}, {@link IsoDraftLinksTurned}, {@link W3cLatestVersionsJoined}), or
 * suites' ({@link SuiteNotesAsFacts}), tell Flyway alike: their version, no checksum (the code is
 * the migration), one transaction, and a migration that is their repair run on Flyway's connection.
 * The repair itself stays a static method of each, which a restored backup of an older schema calls
 * too ({@code backup.Backup}).
 */
abstract class RecordsMigration implements JavaMigration {
  private final String version;
  private final String description;

  RecordsMigration(String version, String description) {
    this.version = version;
    this.description = description;
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
    repairOn(context.getConnection(), Clock.systemUTC());
  }

  /** The migration's repair, in the caller's transaction on {@code c}; how many records changed. */
  abstract int repairOn(Connection c, Clock clock) throws SQLException;
}
