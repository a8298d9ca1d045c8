package org.aisx.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;

/**
 * What one standards body's Relaton records need beyond the generic mapping of {@link
 * RelatonMapper}: how its identifiers, stages, document types and committees are read. The generic
 * mapper reads what every Relaton record has the same way (identifiers, titles, abstracts, dates,
 * links, keywords, relations, publishers) and asks the record's body rules for the rest.
 *
 * <p>Which rules read a record: the body whose {@link #identifierTypes} include the type of the
 * record's primary identifier ({@code IEEE}, {@code ITU}, {@code ISO}, {@code IEC}); for another
 * type, the first body in {@link Registry#BODIES} among whose {@link #publishers} a publisher of
 * the record is; otherwise {@link DefaultRules}, the generic Relaton vocabulary (IETF and any other
 * body).
 *
 * <p>To support a new body's quirks, add one final class implementing this interface, name it in
 * {@code permits} and in {@link Registry#BODIES}, and override what differs: {@link #complete} at
 * least (it may reuse {@link DefaultRules}' parts), {@link #publisherAbbreviation} when the body's
 * feeds name it in full, the others when its identifiers or relations need them.
 */
sealed interface BodyRules
    permits IsoIecRules, IeeeRules, ItuRules, W3cRules, JisRules, EcmaRules, DefaultRules {

  /**
   * The rules there are. A class of its own, not constants of the interface: a superinterface's
   * initialisation that created its implementations could deadlock with theirs on two threads.
   */
  final class Registry {
    private Registry() {}

    /** The bodies with rules of their own, in the order publishers are matched. */
    static final List<BodyRules> BODIES =
        List.of(
            new IsoIecRules(),
            new IeeeRules(),
            new ItuRules(),
            new W3cRules(),
            new JisRules(),
            new EcmaRules());

    /** The rules for everything else. */
    static final BodyRules DEFAULT = new DefaultRules();
  }

  /** What the generic mapping has read of one record, for the body rules to complete it. */
  record Context(
      Map<?, ?> doc,
      String identifier,
      String sdo,
      String url,
      Map<String, String> dates,
      List<Relation> relations) {

    /** The {@code published} date, else the {@code issued} one (YYYY[-MM[-DD]]), else null. */
    String publishedOrIssued() {
      String published = dates.get("published");
      return published != null ? published : dates.get("issued");
    }
  }

  /**
   * The rules that read a record whose primary identifier has {@code identifierType} (any case; may
   * be null) and whose publishers are {@code publishers} (abbreviations, see {@link
   * #publisherAbbreviation}).
   */
  static BodyRules of(String identifierType, List<String> publishers) {
    String type = identifierType == null ? "" : identifierType.toUpperCase(Locale.ROOT);
    for (BodyRules body : Registry.BODIES) {
      if (body.identifierTypes().contains(type)) {
        return body;
      }
    }
    for (BodyRules body : Registry.BODIES) {
      if (publishers.stream().anyMatch(body.publishers()::contains)) {
        return body;
      }
    }
    return Registry.DEFAULT;
  }

  /**
   * The abbreviation the catalogue uses for a publisher the feed names {@code name} (a full name or
   * an abbreviation), as one of the {@link Registry#BODIES} knows it; {@code name} itself
   * otherwise.
   */
  static String abbreviationOf(String name) {
    String known = knownAbbreviation(name);
    return known != null ? known : name;
  }

  /**
   * The abbreviation of a publisher the feed names {@code name} when one of the {@link
   * Registry#BODIES} knows the name as its own (in any language); null otherwise.
   */
  static String knownAbbreviation(String name) {
    for (BodyRules body : Registry.BODIES) {
      String abbreviation = body.publisherAbbreviation(name);
      if (abbreviation != null) {
        return abbreviation;
      }
    }
    return null;
  }

  /** The primary identifier types (upper case) of this body's records. */
  default Set<String> identifierTypes() {
    return Set.of();
  }

  /** This body's abbreviations as a publisher (after {@link #abbreviationOf}). */
  default Set<String> publishers() {
    return Set.of();
  }

  /**
   * The abbreviation of a publisher the feed names {@code name}, when {@code name} is this body's
   * full name or another name for it; null otherwise.
   */
  default String publisherAbbreviation(String name) {
    return null;
  }

  /**
   * The record's {@code sdo} when this body names it its own way (from the identifier and the
   * authors' abbreviations); null for the generic naming by publishers.
   */
  default String sdo(String identifier, List<String> authors) {
    return null;
  }

  /**
   * The record's identifier as the catalogue writes it, from its primary docid {@code primary}: the
   * docid itself unless the body's docids do not tell its publications apart (Ecma gives every
   * edition the same one).
   */
  default String identifier(String primary, Map<?, ?> doc) {
    return primary;
  }

  /**
   * Whether the feed's primary docid, when {@link #identifier} writes it otherwise, is kept among
   * the record's other identifiers: yes when it names something else (Ecma's docid names every
   * edition), no when it is only the body's new spelling of the same identifier (IEEE's "Std").
   */
  default boolean keepsFeedDocid() {
    return true;
  }

  /**
   * A relation's target as the catalogue writes it, given the relation's {@code bibitem} and the
   * record's {@code sdo}.
   */
  default String relationTarget(String target, Map<?, ?> bibitem, String sdo) {
    return target;
  }

  /**
   * The meaning of a relation of Relaton type {@code type} from {@code identifier} to {@code
   * target}, when this body gives it one of its own; null for the generic vocabulary ({@link
   * RelatonMapper#relationType}).
   */
  default RelationType relationType(String type, String identifier, String target) {
    return null;
  }

  /** The title of a record that has none of its own; empty when there is no other. */
  default Map<String, String> titleWhenMissing(Map<?, ?> doc, String identifier) {
    return Map.of();
  }

  /** Sets the body-specific fields: stage, status, type, kind, published and committee. */
  void complete(Context record, Standard.Builder b);
}
