package org.aisx.suite;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One member of a suite: the record's id, the identifier it was added as (kept so that a member
 * missing from the catalogue can still be named), its note as a person typed it, the concern group
 * it was put in (one of {@link ConcernGroup}'s ids; null when none was given), for a member the
 * suggester proposed, why ({@code reason}), and, for a successor swapped in for an older member,
 * the identifier of the member it replaces ({@code replaces}). A note generated from the reason or
 * from what the member replaces ("Replaces ISO/IEC 42001:2023. Note on ISO/IEC 42001:2023: ...") is
 * said in each reader's language, never stored in the language of whoever made the suite; the note
 * and reason of a member that replaces another are those of the member it replaced, about that
 * record. A note typed for the member replaces both ({@link #withNote}). Stored suites that lack
 * {@code reason} or {@code replaces} have none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Member(
    String id, String identifier, String note, String group, Reason reason, String replaces) {
  public Member(String id, String identifier, String note, String group) {
    this(id, identifier, note, group, null, null);
  }

  public Member(String id, String identifier, String note, String group, Reason reason) {
    this(id, identifier, note, group, reason, null);
  }

  /**
   * The member with the note a person typed (null for none), which replaces any reason and what it
   * said it replaces.
   */
  public Member withNote(String newNote) {
    return new Member(id, identifier, newNote, group, null, null);
  }

  /** The member with its note cleaned: what was typed, the reason and what it replaces kept. */
  Member withCleanedNote(String cleaned) {
    return new Member(id, identifier, cleaned, group, reason, replaces);
  }
}
