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

  /**
   * Stores {@code s} as {@link #update} does and appends {@code d} to its decisions (numbered
   * next), in one transaction (the caller's, when there is one on this thread); false, and nothing
   * written, when the stored one is no longer at {@code expectedVersion}.
   */
  boolean decide(Submission s, int expectedVersion, ReviewDecision d);

  /** Every decision on the submission, oldest first. */
  List<ReviewDecision> decisions(String submissionId);

  /**
   * Stores {@code s} as {@link #update} does and appends {@code r} to its rebases (numbered next),
   * in one transaction; false, and nothing written, when the stored one is no longer at {@code
   * expectedVersion}.
   */
  boolean rebase(Submission s, int expectedVersion, SubmissionRebase r);

  /** Every rebase of the submission, oldest first. */
  List<SubmissionRebase> rebases(String submissionId);

  /** Every version of the policy, newest first; empty before anyone edits it. */
  List<FieldPolicy> policies();

  /** Adds the next version; false when {@code p.version()} exists already (a concurrent edit). */
  boolean addPolicy(FieldPolicy p);
}
