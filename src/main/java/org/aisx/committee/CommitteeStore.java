package org.aisx.committee;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the register of technical committees is kept, one entry per committee's slug. */
public interface CommitteeStore {
  /** What saving a committee did. */
  enum Saved {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /**
   * Saves {@code committees} in one transaction, each replacing the entry of its slug; returns what
   * happened to each, in order.
   */
  List<Saved> saveAll(List<Committee> committees);

  /** The committee whose reference has {@code slug}. */
  Optional<Committee> find(String slug);

  /** The committees of {@code slugs} the register has, by slug. */
  Map<String, Committee> findAll(Collection<String> slugs);

  /** The committee ISO numbers {@code isoId}. */
  Optional<Committee> byIsoId(long isoId);

  /** The committees whose parent is ISO's {@code isoId}, in the register's order. */
  List<Committee> children(long isoId);

  /** Every committee, in the register's order. */
  List<Committee> all();

  long count();
}
