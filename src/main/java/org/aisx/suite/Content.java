package org.aisx.suite;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a suite says, as its author wrote it: title, purpose, the sectors (taxonomy verticals) and
 * concerns it names, its members in order, and, for a curated suite, the attribution its source
 * data asks for. Stored as one JSON document.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Content(
    String title,
    String purpose,
    List<String> verticals,
    List<String> concerns,
    List<Member> members,
    String attribution) {
  public Content {
    verticals = List.copyOf(verticals == null ? List.of() : verticals);
    concerns = List.copyOf(concerns == null ? List.of() : concerns);
    members = List.copyOf(members == null ? List.of() : members);
  }

  public Content withMembers(List<Member> newMembers) {
    return new Content(title, purpose, verticals, concerns, newMembers, attribution);
  }

  public Content withVerticals(List<String> newVerticals) {
    return new Content(title, purpose, newVerticals, concerns, members, attribution);
  }

  public Content withTitle(String newTitle) {
    return new Content(newTitle, purpose, verticals, concerns, members, attribution);
  }
}
