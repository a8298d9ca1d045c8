package org.aisx.account;

import java.util.Collection;

/**
 * Who may do what (SPEC §6), decided here and nowhere else. Handlers ask through the web layer's
 * {@code Access.require}, which turns the decision into 401 or 403.
 *
 * <table>
 *   <caption>The rules</caption>
 *   <tr><th>permission</th><th>public</th><th>contributor</th><th>coordinator</th><th>admin</th></tr>
 *   <tr><td>SUBMIT_CREATE, SUBMIT_UPDATE</td><td>no</td><td>for their own bodies only</td>
 *       <td>yes</td><td>yes</td></tr>
 *   <tr><td>DECIDE_RELATION</td><td>no</td><td>for their own bodies only (the target's
 *       body)</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>SUBMIT_RESOURCE</td><td>no</td><td>yes</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>REMOVE_RESOURCE, VIEW_REVIEW_QUEUE, DECIDE_SUBMISSION, EDIT_RECORD, EDIT_TAXONOMY, EDIT_FIELD_POLICY,
 *       CONFIRM_CLASSIFICATION, CONFIRM_MAPPINGS, PUBLISH_SUITE</td><td>no</td><td>no</td><td>yes</td>
 *       <td>yes</td></tr>
 *   <tr><td>MANAGE_ACCOUNTS, IMPORT_FEED, READ_AUDIT_TRAIL</td><td>no</td><td>no</td><td>no</td><td>yes</td></tr>
 * </table>
 *
 * <p>A body-scoped write names every body it touches (for an update: the record's body before and
 * after the change); a contributor must belong to all of them, so a contributor of one body can
 * never change, or move a record into or out of, another body. A body-scoped write that names no
 * body at all is refused to contributors.
 */
public final class AccessPolicy {

  /** The outcome of one check. */
  public enum Decision {
    ALLOW,
    /** No one is signed in: 401. */
    SIGN_IN_REQUIRED,
    /** Signed in, but not allowed: 403. */
    FORBIDDEN
  }

  /**
   * Decides whether {@code user} (null: the public) may use {@code permission} on records of {@code
   * bodies}.
   */
  public Decision decide(User user, Permission permission, Collection<String> bodies) {
    if (user == null || user.role() == Role.PUBLIC) {
      return Decision.SIGN_IN_REQUIRED;
    }
    boolean allowed =
        switch (user.role()) {
          case ADMIN -> true;
          case COORDINATOR ->
              permission != Permission.MANAGE_ACCOUNTS
                  && permission != Permission.IMPORT_FEED
                  && permission != Permission.READ_AUDIT_TRAIL;
          case CONTRIBUTOR ->
              permission == Permission.SUBMIT_RESOURCE
                  || (permission.bodyScoped()
                      && !bodies.isEmpty()
                      && bodies.stream().allMatch(user::belongsTo));
          case PUBLIC -> false;
        };
    return allowed ? Decision.ALLOW : Decision.FORBIDDEN;
  }
}
