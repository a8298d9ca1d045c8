package org.aisx.suite;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One member of a suite: the record's id, the identifier it was added as (kept so that a member
 * missing from the catalogue can still be named), its note as a person typed it, the concern group
 * it was put in (one of {@link ConcernGroup}'s ids; null when none was given), and, for a member
 * the suggester proposed, why ({@code reason}): a note generated from it is said in each reader's
 * language, never stored in the language of whoever made the suite. A note typed for the member
 * replaces the reason ({@link #withNote}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Member(String id, String identifier, String note, String group, Reason reason) {
  public Member(String id, String identifier, String note, String group) {
    this(id, identifier, note, group, null);
  }

  /** The member with the note a person typed (null for none), which replaces any reason. */
  public Member withNote(String newNote) {
    return new Member(id, identifier, newNote, group, null);
  }

  /** The member with its note cleaned: what was typed, the reason kept. */
  Member withCleanedNote(String cleaned) {
    return new Member(id, identifier, cleaned, group, reason);
  }
}
