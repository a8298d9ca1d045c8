package org.aisx.learn;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where learning resources live; the SQL store shares the catalogue's database. */
interface ResourceStore {
  /** Writes {@code r} (a new one or a new version of one); an identical one is left alone. */
  SaveOutcome save(Resource r, String actor, String source, Instant at);

  Optional<Resource> find(String id);

  /** Every resource, by id. */
  List<Resource> all();

  /** The resources that teach the record {@code recordId}, by id. */
  List<Resource> teaching(String recordId);

  long count();

  /**
   * Removes the resource {@code id} with its links, keeping it as it was with who removed it, when
   * and why; empty when there is none.
   */
  Optional<Resource> remove(String id, String actor, String reason, Instant at);

  /** Whether any resource was ever removed. */
  boolean anyRemoved();

  /** Runs {@code work} in one transaction; the store's writes inside it join it. */
  void inTransaction(Runnable work);
}
