package org.aisx.submission;

import java.time.Instant;
import java.util.List;

/**
 * One time the author brought a pending submission up to date on its record's current revision
 * ({@link Submissions#updateToCurrent}): its place in the submission's rebases ({@code seq}, from
 * 1), the base revision it left and the one it took, by whom and when; of the fields both the
 * record and the submission had changed, those where the author {@code kept} their own value and
 * those where they took the record's ({@code taken}).
 */
public record SubmissionRebase(
    int seq,
    int fromRevision,
    int toRevision,
    String by,
    Instant at,
    List<String> kept,
    List<String> taken) {
  public SubmissionRebase {
    kept = List.copyOf(kept);
    taken = List.copyOf(taken);
  }
}
