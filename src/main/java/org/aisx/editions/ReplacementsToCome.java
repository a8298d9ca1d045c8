package org.aisx.editions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.catalog.IncomingRelation;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;

/**
 * Which of a record's replacements are still to come: those whose replacing side is a draft, not
 * yet published. ISO's "Will be replaced by" ("ISO 23150:2023 replaced-by ISO/DIS 23150-1", as the
 * importer maps it: {@code ingest.IsoIecRules#willBeReplacedBy}) reads on the edition's page "To be
 * replaced by ISO/DIS 23150-1 (draft)", not as a successor, and on the draft's page "Will replace
 * ISO 23150:2023". The edition stays in force: the edition rules and the status inference do not
 * take a draft for a successor.
 *
 * <p>A draft is a record of the catalogue that {@link EditionKey#isDraft} says is one (status draft
 * or replaced, or an identifier that names a draft stage), or, for a target the catalogue does not
 * hold, an identifier that names an ISO or IEC draft ({@link EditionKey#namesIsoDraft}).
 */
public final class ReplacementsToCome {
  private ReplacementsToCome() {}

  /**
   * The ids of the records at the other end of {@code s}'s replacements still to come: of its own
   * {@code replaced-by} links to a draft when it is none (and its {@code replaces} links to a
   * record that is no draft, when it is one), and of the records whose links to {@code s} say the
   * same from the other side ({@code incoming}, already inverted). {@code records} holds the
   * records of the catalogue that the links name (targets and sources; a missing one is judged by
   * its identifier).
   */
  public static Set<String> of(
      Standard s, Map<String, Standard> records, List<IncomingRelation> incoming) {
    boolean draft = EditionKey.isDraft(s);
    Set<String> out = new LinkedHashSet<>();
    for (Relation r : s.relations()) {
      boolean other = draft(records.get(r.targetId()), r.target());
      if (toCome(r.type(), draft, other)) {
        out.add(r.targetId());
      }
    }
    for (IncomingRelation in : incoming) {
      boolean other = draft(records.get(in.sourceId()), in.sourceIdentifier());
      if (toCome(in.type(), draft, other)) {
        out.add(in.sourceId());
      }
    }
    return out;
  }

  /**
   * Whether a link of {@code type} from a record ({@code draft} or not) to another ({@code other} a
   * draft or not) is a replacement to come: a draft replaces a record that is not one. One draft
   * replaced by a later draft is done, not to come.
   */
  private static boolean toCome(RelationType type, boolean draft, boolean other) {
    return (type == RelationType.REPLACED_BY && other && !draft)
        || (type == RelationType.REPLACES && draft && !other);
  }

  /** Whether the record {@code identifier} names ({@code record}, or null if not catalogued). */
  private static boolean draft(Standard record, String identifier) {
    return record != null ? EditionKey.isDraft(record) : EditionKey.namesIsoDraft(identifier);
  }
}
