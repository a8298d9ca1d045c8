package org.aisx.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A relation a person wrote into one body's record that changes how another body's record reads
 * ({@link RelationType#altersTarget}: "IEEE 9000-2026 replaces ISO/IEC TR 24030:2021"), held until
 * the target's body or a coordinator decides on it. While it is pending or rejected the target
 * reads as it did: the relation is not among the target's incoming relations, so its page claims no
 * successor. The decision is recorded in the target's history ({@link
 * HistoryEvent.Kind#RELATION_APPROVED}, {@link HistoryEvent.Kind#RELATION_REJECTED}); the target's
 * record and revision do not change.
 *
 * <p>A pending one whose record drops the relation (an approved change, an edit, an import) is
 * withdrawn in the same write, and deciding it is refused ({@link
 * CatalogException.AlreadyDecided}): the target's history never records a claim the record no
 * longer makes. {@code requestedBy} is who claimed the relation: a submission's author, not the
 * coordinator who approved the submission.
 *
 * <p>Relations from the bodies' own feeds, and relations within one body, are never held: they work
 * as they always did. {@code targetBody} is null when the target was not in the catalogue when the
 * relation was written; the relation stays held if the target arrives from another body.
 */
public record RelationReview(
    String id,
    String sourceId,
    String sourceIdentifier,
    String sourceBody,
    RelationType type,
    String targetId,
    String target,
    String targetBody,
    State state,
    String requestedBy,
    String requestedSource,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String comment) {

  public RelationReview {
    // Shown on the review page and in the target's history: never an address (SourceNames).
    requestedSource = SourceNames.publishable(requestedSource);
  }

  /** Where the decision stands. */
  public enum State {
    PENDING("pending"),
    APPROVED("approved"),
    REJECTED("rejected"),
    /** The holding record no longer claims the relation: nothing is left to decide. */
    WITHDRAWN("withdrawn");

    private final String wire;

    State(String wire) {
      this.wire = wire;
    }

    @JsonValue
    public String wire() {
      return wire;
    }

    private static final WireNames<State> NAMES = new WireNames<>(values(), State::wire);

    public static Optional<State> fromWire(String value) {
      return NAMES.find(value);
    }
  }

  /** The relation as the target shows it: {@code replaced-by} for {@code replaces}. */
  public RelationType inverse() {
    return type.inverse();
  }

  /**
   * Whether two records' bodies ({@code sdo}) are one body, case and surrounding spaces aside. A
   * body that is not known is no body's own: nothing is the same body as null.
   */
  public static boolean sameBody(String a, String b) {
    return a != null
        && b != null
        && a.strip().toUpperCase(Locale.ROOT).equals(b.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * Whether the relation, written from {@code sourceBody}, is shown on a target of {@code body}.
   */
  public boolean shownOn(String body) {
    return state == State.APPROVED || sameBody(sourceBody, body);
  }

  /** This review decided: approved or rejected by {@code by} at {@code at}. */
  public RelationReview decided(boolean approve, String by, String note, Instant at) {
    return new RelationReview(
        id,
        sourceId,
        sourceIdentifier,
        sourceBody,
        type,
        targetId,
        target,
        targetBody,
        approve ? State.APPROVED : State.REJECTED,
        requestedBy,
        requestedSource,
        requestedAt,
        by,
        at,
        note);
  }
}
