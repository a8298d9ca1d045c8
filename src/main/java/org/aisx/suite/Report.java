package org.aisx.suite;

import java.util.List;
import org.aisx.catalog.Standard;

/**
 * A suite as it stands in the catalogue now: each member with its current record (null when the
 * catalogue does not hold it), the alerts its members raise, and which members cover which concern
 * and named sector; {@code gaps} are the concerns that no member covers.
 */
public record Report(
    Suite suite,
    List<Resolved> members,
    List<Alert> alerts,
    List<Coverage> concerns,
    List<Coverage> verticals,
    List<String> gaps) {

  /** One member and its record as the catalogue has it now. */
  public record Resolved(
      int position, Member member, Standard record, String group, List<String> concepts) {
    public boolean inCatalogue() {
      return record != null;
    }

    /** The identifier to show: the record's, else the one the member was added as. */
    public String identifier() {
      if (record != null) {
        return record.identifier();
      }
      return member.identifier() == null ? member.id() : member.identifier();
    }
  }

  /**
   * Why a member needs attention: {@code kind} is its status ({@code superseded}, {@code
   * withdrawn}, {@code replaced}) or {@code missing} (not in the catalogue); {@code successor} is
   * the current record that follows it, when known.
   */
  public record Alert(String kind, String memberId, String memberIdentifier, Standard successor) {}

  /** One concept (a concern or a sector) and the ids of the members that cover it. */
  public record Coverage(String concept, List<String> members) {
    public boolean gap() {
      return members.isEmpty();
    }
  }

  /** The members shown under one group, in suite order. */
  public List<Resolved> inGroup(String group) {
    return members.stream().filter(m -> group.equals(m.group())).toList();
  }

  /** The groups that have members, in {@link ConcernGroup} order, then {@code other}. */
  public List<String> groups() {
    List<String> out = new java.util.ArrayList<>();
    for (ConcernGroup g : ConcernGroup.values()) {
      if (!inGroup(g.id()).isEmpty()) {
        out.add(g.id());
      }
    }
    if (!inGroup(Suites.OTHER).isEmpty()) {
      out.add(Suites.OTHER);
    }
    return out;
  }

  /** The alert of one member, if it has one. */
  public java.util.Optional<Alert> alertOf(String memberId) {
    return alerts.stream().filter(a -> a.memberId().equals(memberId)).findFirst();
  }
}
