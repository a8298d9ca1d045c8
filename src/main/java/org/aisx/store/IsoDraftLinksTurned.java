package org.aisx.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.aisx.catalog.RelationType;
import org.aisx.ingest.IsoIecRules;

/**
 * Migration 23, in Java because it rewrites records' JSON documents, the same way on SQLite and
 * PostgreSQL: a {@code replaces} link that ISO's Relaton feed gave as {@code obsoletes} from a
 * dated edition to an undated draft, ISO's "Will be replaced by", stored before the importer read
 * that shape as {@code replaced-by} ({@link IsoIecRules#willBeReplacedBy}), is turned round as the
 * importer now maps it: "ISO 23150:2023 replaces ISO/DIS 23150-1", stored by the bundled catalogue
 * of earlier versions and by every import of the ISO feed before, reads "ISO 23150:2023 replaced-by
 * ISO/DIS 23150-1" (the draft will replace the edition); a link between editions ("ISO 12813:2015
 * replaces ISO/TS 12813:2009") stays.
 *
 * <p>Which records it may touch is migration 22's rule ({@link IsoUpdatesTurned}): only records no
 * person ever wrote, whose identifier is ISO's or IEC's and whose {@code relations} came from the
 * ISO or IEC Relaton feed or the bundled catalogue. Each record that changes is a new revision with
 * a {@code field-changed} event on {@code relations} (actor {@value RelationTargetsNamed#ACTOR},
 * source {@value RelationTargetsNamed#SOURCE}); a link turned into one the record holds already is
 * dropped. The edition's status is left as it is: a draft never superseded it (the edition rules
 * and the status inference do not take a draft for a successor). Flyway applies it once per
 * database; {@link #repair} finds nothing to do on a repaired store. A backup taken before this
 * migration is repaired when it is restored ({@code backup.Backup}).
 */
public final class IsoDraftLinksTurned extends RecordsMigration {
  /** The schema version this migration brings a store to. */
  public static final String VERSION = "23";

  public IsoDraftLinksTurned() {
    super(
        VERSION, "ISO obsoletes links to drafts read as replaced-by", IsoDraftLinksTurned::repair);
  }

  /**
   * Turns round, in the caller's transaction on {@code c}, every stored {@code replaces} link from
   * a dated edition to an undated ISO/IEC draft that ISO's feed gave; returns how many records
   * changed (0 when there is nothing left to repair).
   */
  public static int repair(Connection c, Clock clock) throws SQLException {
    return IsoUpdatesTurned.turn(
        c, clock, RelationType.REPLACES, RelationType.REPLACED_BY, IsoIecRules::willBeReplacedBy);
  }
}
