package org.aisx.suite;

import java.util.List;
import java.util.Optional;

/** Where suites and their publications live; the SQL store serves SQLite and PostgreSQL alike. */
interface SuiteStore {
  void insert(Suite s);

  Optional<Suite> find(String id);

  /**
   * Stores {@code s} (at {@code expectedVersion + 1}); false when the stored one is no longer at
   * {@code expectedVersion}.
   */
  boolean update(Suite s, int expectedVersion);

  /**
   * Removes the suite and its publications; false when there was none, or it is no longer at {@code
   * expectedVersion} (null: any).
   */
  boolean delete(String id, Integer expectedVersion);

  /** One account's suites, the most recently changed first. */
  List<Suite> byOwner(String ownerId, int limit);

  /**
   * Published suites as they were last published (each {@link Suite#content} and {@code updated}
   * those of its latest publication, not the working copy changed since), the most recently
   * published first.
   */
  List<Suite> published(int limit);

  /** One publication of a suite, if there is one of that number. */
  Optional<Publication> publication(String id, int version);

  /**
   * Stores {@code s} as published (at {@code expectedVersion + 1}) and adds its publication, in one
   * transaction; false when the suite moved on meanwhile.
   */
  boolean publish(Suite s, int expectedVersion, Publication p);

  /** A suite's publications, newest first. */
  List<Publication> publications(String id);
}
