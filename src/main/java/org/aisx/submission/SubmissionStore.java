package org.aisx.submission;

import java.util.List;
import java.util.Optional;

/**
 * Where submissions and the versions of the required-field policy live. The SQL store shares the
 * catalogue's database, so a submission's approval joins the record's transaction.
 */
interface SubmissionStore {
  void insert(Submission s);

  Optional<Submission> find(String id);

  /** Submissions in {@code state} (null: any), oldest first. */
  List<Submission> byState(SubmissionState state, int limit);

  /** One author's submissions, newest first. */
  List<Submission> byAuthor(String authorId, int limit);

  /**
   * Stores {@code s} (whose version is {@code expectedVersion + 1}); false when the stored one is
   * no longer at {@code expectedVersion} (someone else changed it meanwhile).
   */
  boolean update(Submission s, int expectedVersion);

  /** Every version of the policy, newest first; empty before anyone edits it. */
  List<FieldPolicy> policies();

  /** Adds the next version; false when {@code p.version()} exists already (a concurrent edit). */
  boolean addPolicy(FieldPolicy p);
}
