package org.aisx.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.IncomingRelation;
import org.aisx.catalog.Standard;
import org.aisx.committee.Committees;
import org.aisx.editions.Twins;
import org.aisx.search.Facet;
import org.aisx.search.Hit;
import org.aisx.search.SearchResult;
import org.aisx.semantic.Overlap;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;

/**
 * The JSON shapes the API answers with (SPEC §4), built from catalogue values; the HTML pages'
 * counterpart is {@link PageModels}.
 */
final class ApiViews {
  private ApiViews() {}

  /** One hit of a search answer. */
  record Item(
      String id,
      String identifier,
      String title,
      String sdo,
      String committee,
      String type,
      String status,
      String stage,
      String published,
      String edition,
      String url,
      List<String> verticals,
      List<String> activities,
      List<String> applications,
      List<String> concerns,
      String match,
      List<Twins.Twin> alsoPublishedAs) {

    /** {@link #match} of a hit that matches the query's words or names it. */
    static final String WORDS = "words";

    /** {@link #match} of a hit found by meaning alone: "close in meaning". */
    static final String MEANING = "meaning";

    static Item of(Hit s, String lang, String match) {
      return new Item(
          s.id(),
          s.identifier(),
          s.titleOrNull(lang),
          s.sdo(),
          s.committee(),
          s.type() == null ? null : s.type().wire(),
          s.status() == null ? null : s.status().wire(),
          s.stage(),
          s.published(),
          s.edition(),
          s.url(),
          s.verticals(),
          s.activities(),
          s.applications(),
          s.concerns(),
          match,
          s.alsoPublishedAs());
    }
  }

  /**
   * One value of a facet with its label in the reader's language; a committee's with its title in
   * the register of committees ({@code title}, left out when there is none).
   */
  record FacetValue(
      String value,
      String label,
      long count,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          String title) {}

  /** The search answer. */
  record Search(
      long total,
      int page,
      int size,
      List<Item> items,
      Map<String, List<FacetValue>> facets,
      boolean meaningPending,
      boolean catalogueLoading,
      List<String> alsoSearched,
      boolean onlyStopWords,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long withSuggestions) {}

  /**
   * @param withSuggestions the total the same search has when it counts machine suggestions, given
   *     when this one filtered on a taxonomy dimension by confirmed labels alone (else null)
   */
  static Search search(
      SearchResult r, Taxonomy taxonomy, Committees committees, Messages t, Long withSuggestions) {
    List<Item> items = new ArrayList<>();
    r.items()
        .forEach(
            s -> items.add(Item.of(s, t.lang(), r.closeInMeaning(s) ? Item.MEANING : Item.WORDS)));
    // Every facet, in the order of Facet, even when the search counted none (a query of stop words
    // alone, an empty catalogue): a client reads facets.sdo without checking that it is there.
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (Facet facet : Facet.values()) {
      List<FacetValue> values = new ArrayList<>();
      r.facets()
          .getOrDefault(facet, List.of())
          .forEach(
              c ->
                  values.add(
                      new FacetValue(
                          c.value(),
                          facetLabel(facet, c.value(), taxonomy, t),
                          c.count(),
                          facetTitle(facet, c.value(), committees))));
      facets.put(facet.id(), values);
    }
    return new Search(
        r.total(),
        r.page(),
        r.size(),
        items,
        facets,
        r.meaningPending(),
        r.catalogueLoading(),
        r.alsoSearched(),
        r.onlyStopWords(),
        withSuggestions);
  }

  static String facetLabel(Facet facet, String value, Taxonomy taxonomy, Messages t) {
    return switch (facet) {
      case TYPE -> t.get("type." + value);
      case STATUS -> t.get("status." + value);
      case AI -> t.get("ai." + value);
      case VERTICAL -> conceptLabel(Dimension.VERTICAL, value, taxonomy, t);
      case ACTIVITY -> conceptLabel(Dimension.ACTIVITY, value, taxonomy, t);
      case APPLICATION -> conceptLabel(Dimension.APPLICATION, value, taxonomy, t);
      case CONCERN -> conceptLabel(Dimension.CONCERN, value, taxonomy, t);
      case SDO, COMMITTEE -> value;
    };
  }

  /**
   * The title of a committee facet's value as the register of committees gives it (held in memory:
   * no query per value); null for another facet's value or a committee the register lacks.
   */
  static String facetTitle(Facet facet, String value, Committees committees) {
    return facet == Facet.COMMITTEE ? committees.title(value).orElse(null) : null;
  }

  /** A concept's label, saying so when it is retired (records classified before still carry it). */
  private static String conceptLabel(Dimension dim, String id, Taxonomy taxonomy, Messages t) {
    String label = taxonomy.label(dim, id, t.lang());
    return taxonomy.retired(dim, id) ? label + " (" + t.get("taxonomy.retired") + ")" : label;
  }

  /** A relation another record holds towards this one, shown from this side. */
  record InverseRelation(String type, String source, String sourceId) {
    static InverseRelation of(IncomingRelation r) {
      return new InverseRelation(r.type().wire(), r.sourceIdentifier(), r.sourceId());
    }
  }

  /** Where the record came from and how it changed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Provenance(
      String source, int revision, Instant created, Instant updated, int events, String history) {
    static Provenance of(Standard s, List<HistoryEvent> history) {
      Instant created = history.isEmpty() ? null : history.get(0).at();
      Instant updated = history.isEmpty() ? null : history.get(history.size() - 1).at();
      return new Provenance(
          s.source(),
          s.revision(),
          created,
          updated,
          history.size(),
          "/api/v1/standards/" + s.id() + "/history");
    }
  }

  /**
   * The whole record with inverse relations and provenance; its relations real ones first, and the
   * target ids of the series-level ones ({@link org.aisx.editions.SeriesLinks}) named apart.
   */
  record Record(
      @com.fasterxml.jackson.annotation.JsonUnwrapped Standard record,
      List<InverseRelation> inverseRelations,
      List<String> seriesLevelRelations,
      // The ids at the other end of the record's replacements a draft will make
      // (org.aisx.editions.ReplacementsToCome).
      List<String> replacementsToCome,
      // On a W3C latest version, its dated editions of the same text; on such a dated edition, its
      // latest version (Twins, as the record page names them); else left out.
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Twins.Twin> alsoPublishedAs,
      @JsonInclude(JsonInclude.Include.NON_NULL) Twins.Twin sameTextAs,
      Provenance provenance) {

    /**
     * The fields this view adds beside the record's own, which the service computes: a record read
     * from the API and sent back in an edit may carry them, and they are set aside there.
     */
    static final List<String> COMPUTED =
        java.util.Arrays.stream(Record.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .filter(name -> !name.equals("record"))
            .toList();

    /**
     * Everything {@code GET /api/v1/standards/{id}} sends that a write of the record (an edit, a
     * submission) may send back but never sets: the fields the service owns ({@link
     * Standard#OWNED_BY_SERVICE}) and those this view computes ({@link #COMPUTED}). The one list
     * both writes set aside.
     */
    static final List<String> READ_ONLY =
        java.util.stream.Stream.concat(Standard.OWNED_BY_SERVICE.stream(), COMPUTED.stream())
            .toList();

    /** {@code record} (a request's record object) without its {@link #READ_ONLY} fields. */
    static void setAsideReadOnly(com.fasterxml.jackson.databind.JsonNode record) {
      if (record instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
        o.remove(READ_ONLY);
      }
    }

    static Record of(
        Standard s,
        Map<String, Standard> targets,
        List<InverseRelation> inverse,
        java.util.Collection<String> toCome,
        Provenance provenance) {
      List<org.aisx.catalog.Relation> real = new java.util.ArrayList<>();
      List<org.aisx.catalog.Relation> series = new java.util.ArrayList<>();
      for (org.aisx.catalog.Relation r : s.relations()) {
        (org.aisx.editions.SeriesLinks.seriesLevel(s, r, targets) ? series : real).add(r);
      }
      List<org.aisx.catalog.Relation> ordered = new java.util.ArrayList<>(real);
      ordered.addAll(series);
      // A feed's placeholder for a title ("Titre manque") is no title, here as on the page, in
      // search and in JSON-LD: the title in that language is absent (a reader of it is shown
      // another), and a record with nothing else has the title {} of an untitled one.
      return new Record(
          s.toBuilder().relations(ordered).title(Standard.realTitles(s.title())).build(),
          inverse,
          series.stream().map(org.aisx.catalog.Relation::targetId).toList(),
          List.copyOf(toCome),
          TwinsInCatalogue.alsoPublishedAs(s, targets),
          TwinsInCatalogue.sameTextAs(s, targets),
          provenance);
    }
  }

  /** One event of the public change log, with the record it belongs to. */
  record ChangeItem(
      long seq,
      String recordId,
      String identifier,
      String title,
      Instant at,
      HistoryEvent.Kind kind,
      String field,
      String oldValue,
      String newValue,
      String actor,
      String source,
      int revision,
      String url) {
    static ChangeItem of(HistoryEvent e, Standard s, String lang) {
      return new ChangeItem(
          e.seq(),
          e.recordId(),
          s == null ? null : s.identifier(),
          s == null ? null : s.titleOrNull(lang),
          e.at(),
          e.kind(),
          e.field(),
          e.oldValue(),
          e.newValue(),
          e.actor(),
          e.source(),
          e.revision(),
          "/standards/" + e.recordId());
    }
  }

  /** A page of the change log; {@code next} is the link to the older page, or null. */
  record Changes(List<ChangeItem> items, String next) {}

  /** A page of the audit trail; {@code next} is the link to the older page, or null. */
  record Audit(List<org.aisx.audit.AuditEvent> items, String next) {}

  /** The event log of one record. */
  record History(String id, List<HistoryEvent> events) {}

  /** Related work of a record: its nearest neighbours by meaning. */
  record Related(String id, List<Neighbour> related) {}

  /** A record close in meaning, with the cosine similarity of the two embeddings (−1 to 1). */
  record Neighbour(Item record, double similarity) {
    static Neighbour of(org.aisx.search.SearchIndex.Neighbour n) {
      return new Neighbour(
          Item.of(n.hit(), "en", Item.MEANING), Math.round(n.similarity() * 1000) / 1000.0);
    }
  }

  /** A pending machine suggestion in the review queue. */
  record PendingSuggestion(
      String recordId,
      String identifier,
      String title,
      String dimension,
      String concept,
      double score,
      String evidence,
      List<String> terms) {}

  /** The body of {@code POST /api/v1/suggestions/decisions}. */
  record DecisionsBody(List<DecisionItem> decisions) {}

  /** One decision: {@code confirm} or {@code reject} a record's suggested concept. */
  record DecisionItem(String recordId, String dimension, String concept, String decision) {}

  /** The answer of {@code /api/v1/overlap}. */
  record OverlapAnswer(
      Basis basis,
      List<String> excludedBodies,
      int compared,
      boolean pending,
      List<OverlapMatch> inForce,
      List<OverlapMatch> drafts) {

    static OverlapAnswer of(Overlap.Basis basis, Overlap.Result r, String lang) {
      return new OverlapAnswer(
          Basis.of(basis, lang),
          r.excludedBodies().stream().sorted().toList(),
          r.compared(),
          r.pending(),
          r.inForce().stream().map(m -> OverlapMatch.of(m, lang)).toList(),
          r.drafts().stream().map(m -> OverlapMatch.of(m, lang)).toList());
    }
  }

  /** What the overlap was looked for: a record, a committee, or a text. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Basis(String by, Ref record, String committee, String text) {
    static Basis of(Overlap.Basis b, String lang) {
      if (b instanceof Overlap.OfRecord r) {
        Standard s = r.record();
        return new Basis(
            "record", new Ref(s.id(), s.identifier(), s.titleOrNull(lang)), null, null);
      }
      if (b instanceof Overlap.OfCommittee c) {
        return new Basis("committee", null, c.committee(), null);
      }
      return new Basis("text", null, null, ((Overlap.OfText) b).text());
    }
  }

  /** A record named briefly. */
  record Ref(String id, String identifier, String title) {
    static Ref of(Hit h, String lang) {
      return new Ref(h.id(), h.identifier(), h.titleOrNull(lang));
    }
  }

  /**
   * Another body's record close to the basis, with the cosine similarity (−1 to 1) and, for a
   * committee, the committee's record it is closest to.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record OverlapMatch(Item record, double similarity, Ref closestTo) {
    static OverlapMatch of(Overlap.Match m, String lang) {
      return new OverlapMatch(
          Item.of(m.hit(), lang, Item.MEANING),
          Math.round(m.similarity() * 1000) / 1000.0,
          m.closestTo() == null ? null : Ref.of(m.closestTo(), lang));
    }
  }

  static Dimension dimensionOf(Facet f) {
    return Dimension.fromId(f.id()).orElseThrow();
  }
}
