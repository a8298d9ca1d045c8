package org.aisx.suite;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One member of a suite: the record's id, the identifier it was added as (kept so that a member
 * missing from the catalogue can still be named), its note, and the concern group it was put in
 * (one of {@link ConcernGroup}'s ids; null when none was given).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Member(String id, String identifier, String note, String group) {
  public Member withNote(String newNote) {
    return new Member(id, identifier, newNote, group);
  }
}
