package org.aisx.ingest;

import java.util.Set;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.IncomingRelation;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * The part of an inferred status that only the catalogue knows (SPEC §1): a record whose status was
 * inferred as in force or draft ({@code statusInferred: true}) is superseded once a newer edition
 * is in the catalogue, that is when another record {@code replaces} it (W3C's "WD-x-2021" obsoletes
 * "WD-x-2020"). A status the feed gave is never changed here.
 *
 * <p>The importer applies it to each record before saving it, and again, after a whole feed, to the
 * records that the feed's records replace: so a newer edition met later in the feed (or in a later
 * import) supersedes an older one, and importing the same feed again finds the same status and
 * changes nothing.
 */
final class EditionStatus {
  private final Catalog catalog;

  EditionStatus(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Whether {@code s} is a record whose inferred status a newer edition would change. */
  static boolean open(Standard s) {
    return s.statusInferred() && s.status() != null && s.status().isCurrent();
  }

  /** {@code s} made superseded when it is {@link #open} and one of its ids is replaced. */
  static Standard superseded(Standard s) {
    return s.toBuilder().status(Status.SUPERSEDED).build();
  }

  /**
   * {@code s}, superseded when its status is inferred and current and a record of the catalogue, or
   * one of {@code replacedAlongside} (ids the records saved with it replace), replaces it.
   */
  Standard apply(Standard s, Set<String> replacedAlongside) {
    if (!open(s)) {
      return s;
    }
    if (replacedAlongside.contains(s.id())) {
      return superseded(s);
    }
    for (IncomingRelation in : catalog.incoming(s.id())) {
      if (in.type() == RelationType.REPLACED_BY && !in.sourceId().equals(s.id())) {
        return superseded(s);
      }
    }
    return s;
  }

  /** The ids {@code s} replaces (its targets of {@code replaces}), into {@code into}. */
  static void replacedBy(Standard s, Set<String> into) {
    for (Relation r : s.relations()) {
      if (r.type() == RelationType.REPLACES && !r.targetId().equals(s.id())) {
        into.add(r.targetId());
      }
    }
  }
}
