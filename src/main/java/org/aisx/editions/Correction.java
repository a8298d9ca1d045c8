package org.aisx.editions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * What the edition rules change in one record: its status and type (null: as they are), relations
 * to add, and relations to retype (by target id: an ITU "related" link to the next edition becomes
 * {@code replaced-by}). {@code rules} names the rules that fired, for the report.
 */
record Correction(
    Status status,
    PublicationType type,
    List<Relation> add,
    Map<String, RelationType> retype,
    Set<String> rules) {

  Correction {
    add = List.copyOf(add);
    retype = Map.copyOf(retype);
    rules = Set.copyOf(rules);
  }

  /** {@code s} with this correction applied; {@code s} itself when nothing changes. */
  Standard apply(Standard s) {
    List<Relation> relations = new ArrayList<>();
    for (Relation r : s.relations()) {
      RelationType t = retype.get(r.targetId());
      relations.add(t == null ? r : Relation.of(t, r.target()));
    }
    Set<Relation> unique = new LinkedHashSet<>(relations);
    for (Relation r : add) {
      boolean known =
          unique.stream().anyMatch(x -> x.type() == r.type() && x.targetId().equals(r.targetId()));
      if (!known) {
        unique.add(r);
      }
    }
    Status newStatus = status == null ? s.status() : status;
    PublicationType newType = type == null ? s.type() : type;
    List<Relation> newRelations = List.copyOf(unique);
    if (newStatus == s.status() && newType == s.type() && newRelations.equals(s.relations())) {
      return s;
    }
    return s.toBuilder().status(newStatus).type(newType).relations(newRelations).build();
  }
}
