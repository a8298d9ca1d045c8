package org.aisx.account;

/**
 * Every write (and the review queue) of the Exchange. Handlers name one of these when they ask the
 * {@link AccessPolicy}; body-scoped ones also name the standards bodies the write touches.
 */
public enum Permission {
  /** Submit a new record for review ({@code POST /api/v1/submissions}, action create). */
  SUBMIT_CREATE(true),
  /** Submit a change to an existing record for review (action update). */
  SUBMIT_UPDATE(true),
  /**
   * Submit a learning resource for review (kind resource). Not scoped to a body: a resource is a
   * provider's, not a standards body's, so any contributor may propose one.
   */
  SUBMIT_RESOURCE(false),
  /** Remove a learning resource (a dead link, a withdrawn course, spam): coordinators. */
  REMOVE_RESOURCE(false),
  /** See the queue of pending submissions. */
  VIEW_REVIEW_QUEUE(false),
  /** Approve, reject or ask for changes on a submission. */
  DECIDE_SUBMISSION(false),
  /**
   * Approve or refuse a relation another body's record holds towards a record of one's own body
   * that changes how it reads ({@code org.aisx.catalog.RelationReview}): the target's body.
   */
  DECIDE_RELATION(true),
  /** Edit a record directly ({@code PUT /api/v1/standards/{id}}). */
  EDIT_RECORD(false),
  /** Edit the taxonomy. */
  EDIT_TAXONOMY(false),
  /** Edit the required-field policy. */
  EDIT_FIELD_POLICY(false),
  /** Confirm or reject machine classification suggestions. */
  CONFIRM_CLASSIFICATION(false),
  /** Confirm or reject the machine's mapping suggestions between glossary terms. */
  CONFIRM_MAPPINGS(false),
  /** Create, change and remove accounts, and their API tokens. */
  MANAGE_ACCOUNTS(false),
  /** Import a feed (admin upload page). */
  IMPORT_FEED(false),
  /** Publish a standards suite on /suites, and change a published one. */
  PUBLISH_SUITE(false),
  /** Read the audit trail ({@code /admin/audit}, {@code GET /api/v1/audit}). */
  READ_AUDIT_TRAIL(false);

  private final boolean bodyScoped;

  Permission(boolean bodyScoped) {
    this.bodyScoped = bodyScoped;
  }

  /** Whether a contributor may hold it for the records of their own bodies. */
  public boolean bodyScoped() {
    return bodyScoped;
  }
}
