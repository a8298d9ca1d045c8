package org.aisx.submission;

import java.time.Instant;
import org.aisx.catalog.Standard;
import org.aisx.learn.Resource;

/**
 * A proposed new record, change, or learning resource ({@code resource}, with {@code record} null),
 * waiting for (or past) a coordinator's decision. {@code baseRevision} is the record's revision the
 * change was made against (null for a new record); {@code version} counts this submission's own
 * changes, for optimistic updates. {@code decidedBy} and {@code comment} are the latest decision's
 * while it stands (none once the author resubmits); every decision is kept apart ({@link
 * ReviewDecision}, {@link Submissions#decisions}).
 */
public record Submission(
    String id,
    Action action,
    String recordId,
    Integer baseRevision,
    Standard record,
    String authorId,
    String author,
    SubmissionState state,
    int version,
    Instant created,
    Instant updated,
    String decidedBy,
    String comment,
    Resource resource) {

  /** What it proposes. */
  public SubmissionKind kind() {
    return resource != null ? SubmissionKind.RESOURCE : SubmissionKind.RECORD;
  }

  /** What it proposes, as people name it: the record's identifier or the resource's id. */
  public String identifier() {
    return resource != null ? resource.id() : record.identifier();
  }

  /** Its title in {@code lang}. */
  public String titleIn(String lang) {
    return resource != null ? resource.titleIn(lang) : record.titleIn(lang);
  }

  /** The standards body of a record, the provider of a resource. */
  public String body() {
    return resource != null ? resource.provider() : record.sdo();
  }

  /** The source named in the record and its history once approved. */
  public String source() {
    return "submission:" + id;
  }

  /** The revision the change must still be based on when approved: 0 for a new record. */
  public int expectedRevision() {
    return baseRevision == null ? 0 : baseRevision;
  }

  Submission decided(SubmissionState to, String by, String note, Instant at) {
    return next(baseRevision, record, resource, to, by, note, at);
  }

  Submission resubmitted(Integer newBase, Standard newRecord, Resource newResource, Instant at) {
    // The decision asked for changes; this version is not decided yet (the log keeps it).
    return next(newBase, newRecord, newResource, SubmissionState.PENDING, null, null, at);
  }

  /** The same proposal, as brought up to date on the record's revision {@code newBase}. */
  Submission rebased(int newBase, Standard newRecord, Instant at) {
    return next(newBase, newRecord, resource, state, decidedBy, comment, at);
  }

  /** Its next version, updated at {@code at}: what the author, id and creation keep. */
  private Submission next(
      Integer newBase,
      Standard newRecord,
      Resource newResource,
      SubmissionState newState,
      String newDecidedBy,
      String newComment,
      Instant at) {
    return new Submission(
        id,
        action,
        recordId,
        newBase,
        newRecord,
        authorId,
        author,
        newState,
        version + 1,
        created,
        at,
        newDecidedBy,
        newComment,
        newResource);
  }
}
