package org.aisx.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue: saves records with their history and keeps the search index in step. Every write
 * goes through here, whatever its origin (import, API, submission).
 */
public final class Catalog {
  private static final Set<String> NOT_DIFFED = Set.of("revision", "source", "fieldSources");
  private static final Set<String> CLASSIFICATION =
      Set.of("verticals", "activities", "applications", "concerns", "suggestions");

  private final CatalogStore store;
  private final CatalogIndex index;
  private final ObjectMapper json;
  private final Clock clock;
  private final java.security.SecureRandom random = new java.security.SecureRandom();

  /** Told of every record a write created or changed (after the store has it); set once. */
  private volatile java.util.function.Consumer<Standard> onWrite = s -> {};

  /**
   * The mark each index commit carries, saying how far the index has followed the store: the
   * store's last event (one node), or how far this node has followed every node's changes.
   */
  private final java.util.function.LongSupplier mark;

  /** The catalogue of one node: the index is in step when it has the store's last event. */
  public Catalog(CatalogStore store, CatalogIndex index, ObjectMapper json, Clock clock) {
    this(store, index, json, clock, store::lastEventSeq);
  }

  /**
   * The catalogue whose index commits carry {@code mark} (a node among several over one database:
   * how far it has followed the others; see {@code org.aisx.cluster.Follower}).
   */
  public Catalog(
      CatalogStore store,
      CatalogIndex index,
      ObjectMapper json,
      Clock clock,
      java.util.function.LongSupplier mark) {
    this.store = store;
    this.index = index;
    this.json = json;
    this.clock = clock;
    this.mark = mark;
  }

  public Optional<Standard> find(String id) {
    return store.find(id);
  }

  /**
   * The record {@code value} names, as a person names one: its id ({@code iso-iec-42005-2025});
   * else its identifier as written or typed ({@code ISO/IEC 42005}, {@code 42001}, {@code Y.3172}),
   * read as the search's identifier ranking reads it ({@link CatalogIndex#namedRecord}): the
   * edition in force (else the newest other edition) of the one publication it names, never a
   * replaced draft whose identifier happens to be typed the same way; else the record whose id is
   * its slug (an identifier the index cannot read, or not yet holds). Empty when none, or when it
   * names several publications as closely. Overlap's record and a suite's typed member read a value
   * so.
   */
  public Optional<Standard> named(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    return store
        .find(v)
        .or(
            () -> {
              try {
                return index.namedRecord(v).flatMap(store::find);
              } catch (CatalogException refused) {
                return Optional.empty(); // a value the search refuses names nothing by identifier
              }
            })
        .or(() -> store.find(Slug.of(v)));
  }

  /** The record, or {@link CatalogException.NotFound}. */
  public Standard get(String id) {
    return store.find(id).orElseThrow(() -> new CatalogException.NotFound("record " + id));
  }

  /** The records among {@code ids} that exist, by id. */
  public Map<String, Standard> findAll(java.util.Collection<String> ids) {
    return store.findAll(ids);
  }

  /**
   * A record as a person typed it (a submission, its approval, a coordinator's edit) with the names
   * it shares with other records written as the catalogue writes them: its relations' targets
   * ({@link #withTargetsNamed}) and its committee ({@link #withCommitteeAsCatalogued}). The one
   * step every person's write of a record goes through before it is stored.
   */
  public Standard asCatalogued(Standard record) {
    return withCommitteeAsCatalogued(withTargetsNamed(record));
  }

  /**
   * {@code record} with every relation whose target is in the catalogue naming it by that record's
   * identifier as its body writes it, however a person typed it (its id, "iso-iec-42001-2023", or
   * another case): a relation's target is stored as an identifier, one way (SPEC §1). A target not
   * in the catalogue stays as given.
   */
  private Standard withTargetsNamed(Standard record) {
    if (record == null || record.relations().isEmpty()) {
      return record;
    }
    Map<String, Standard> targets =
        store.findAll(record.relations().stream().map(Relation::targetId).toList());
    List<Relation> named = new ArrayList<>(record.relations().size());
    boolean changed = false;
    for (Relation r : record.relations()) {
      Standard target = targets.get(r.targetId());
      if (target != null && !target.identifier().equals(r.target())) {
        named.add(Relation.of(r.type(), target.identifier()));
        changed = true;
      } else {
        named.add(r);
      }
    }
    return changed ? record.toBuilder().relations(List.copyOf(named)).build() : record;
  }

  /**
   * {@code record} with its committee written as the catalogue's records already write it, when it
   * was typed in another case or spacing ({@code iso/iec jtc1/sc42} is {@code ISO/IEC JTC 1/SC
   * 42}), so that one committee is not counted, faceted and mapped as two. A committee the
   * catalogue does not know, or one it writes in several ways, stays as given.
   */
  private Standard withCommitteeAsCatalogued(Standard record) {
    if (record == null || record.committee() == null) {
      return record;
    }
    String key = CommitteeKey.of(record.committee());
    List<String> same =
        store.committees().stream().filter(c -> CommitteeKey.of(c).equals(key)).toList();
    if (same.size() != 1 || same.get(0).equals(record.committee())) {
      return record;
    }
    return record.toBuilder().committee(same.get(0)).build();
  }

  public List<HistoryEvent> history(String id) {
    get(id);
    return store.history(id);
  }

  public List<IncomingRelation> incoming(String id) {
    return store.incoming(id);
  }

  /** How many replaced-by links {@link #successor} follows at most (a chain, or a loop). */
  private static final int MAX_SUCCESSOR_HOPS = 8;

  /**
   * The record that follows {@code r}: of what its {@code replaced-by} links name (and the records
   * that say they replace it), one in force first, else a draft, else one no longer current, whose
   * own successor is then looked for the same way; empty when nothing in the catalogue follows it.
   * A withdrawn edition that a replaced draft, the standard it became and a later draft all replace
   * is followed by the standard, not by whichever of the three is listed first.
   */
  public Optional<Standard> successor(Standard r) {
    Standard at = r;
    Standard found = null;
    Set<String> seen = new java.util.HashSet<>();
    seen.add(r.id());
    for (int hop = 0; hop < MAX_SUCCESSOR_HOPS; hop++) {
      Standard next = nextEdition(at, seen);
      if (next == null) {
        break;
      }
      found = next;
      seen.add(found.id());
      if (found.status() == null || found.status().isCurrent()) {
        return Optional.of(found);
      }
      at = found;
    }
    return Optional.ofNullable(found);
  }

  /** The best record {@code r} names as its successor, or null: see {@link #successor}. */
  private Standard nextEdition(Standard r, Set<String> seen) {
    List<String> ids = new ArrayList<>();
    for (Relation rel : r.relations()) {
      if (rel.type() == RelationType.REPLACED_BY && !seen.contains(rel.targetId())) {
        ids.add(rel.targetId());
      }
    }
    for (IncomingRelation in : store.incoming(r.id())) {
      if (in.type() == RelationType.REPLACED_BY && !seen.contains(in.sourceId())) {
        ids.add(in.sourceId());
      }
    }
    Map<String, Standard> found = store.findAll(ids);
    Standard best = null;
    for (String id : ids) {
      Standard c = found.get(id);
      if (c != null && (best == null || rank(c) < rank(best))) {
        best = c;
      }
    }
    return best;
  }

  /** In force before a draft before anything no longer current. */
  private static int rank(Standard s) {
    if (s.status() == null || s.status() == Status.IN_FORCE) {
      return 0;
    }
    return s.status().isCurrent() ? 1 : 2;
  }

  public List<HistoryEvent> recentEvents(int limit) {
    return store.recentEvents(limit);
  }

  /** See {@link CatalogStore#events}. */
  public List<HistoryEvent> events(
      Long beforeSeq, Instant since, Set<HistoryEvent.Kind> kinds, int limit) {
    return store.events(beforeSeq, since, kinds, limit);
  }

  public long count() {
    return store.count();
  }

  /** Every record, in id order, streamed (see {@link CatalogStore#forEach}). */
  public void forEach(java.util.function.Consumer<Standard> sink) {
    store.forEach(sink);
  }

  /**
   * Saves and publishes at once: the record is searchable when this returns.
   *
   * @param expectedRevision the revision the change is based on, or null to take whatever is stored
   *     (imports)
   */
  public WriteOutcome save(
      Standard incoming, String actor, String source, Integer expectedRevision) {
    WriteOutcome outcome = stage(incoming, actor, source, expectedRevision);
    if (outcome.change() != WriteOutcome.Change.UNCHANGED) {
      publish();
    }
    return outcome;
  }

  /**
   * Applies a reviewed change: saves {@code incoming} based on {@code expectedRevision} (0: a new
   * record) with its field events and an {@code approved} event naming {@code actor} and {@code
   * source}, and runs {@code alongside} (marking the submission approved) in the same transaction.
   * The record is searchable when this returns. A record that moved on since {@code
   * expectedRevision} is refused with {@link CatalogException.Conflict} and nothing is written. A
   * relation it adds that is held for another body's review ({@link RelationReview}) is requested
   * by {@code claimant}, who wrote the change (the submission's author), not by the approver.
   */
  public WriteOutcome approve(
      Standard incoming,
      String actor,
      String source,
      int expectedRevision,
      String claimant,
      Runnable alongside) {
    WriteOutcome outcome;
    synchronized (this) {
      Optional<Standard> old = store.find(incoming.id());
      Planned plan = plan(incoming, old, actor, source, expectedRevision, null);
      if (plan.write() == null) {
        store.inTransaction(alongside);
        return plan.outcome();
      }
      Standard record = plan.outcome().record();
      List<HistoryEvent> events = new ArrayList<>(plan.write().events());
      events.add(
          new HistoryEvent(
              0,
              record.id(),
              clock.instant(),
              HistoryEvent.Kind.APPROVED,
              null,
              null,
              null,
              actor,
              record.source(),
              record.revision()));
      List<RelationReview> held = held(record, old.orElse(null), claimant, source);
      List<HistoryEvent> stored =
          store.write(
              record,
              plan.write().expectedRevision(),
              events,
              () -> {
                store.hold(held);
                alongside.run();
              });
      index.upsert(record);
      onWrite.accept(record);
      outcome = new WriteOutcome(plan.outcome().change(), record, stored);
    }
    publish();
    return outcome;
  }

  /**
   * Saves the record durably in the store and queues it for the index; call {@link #publish()}
   * after a batch. Each call is its own transaction. A person's write (this, and {@link #approve}):
   * a relation it adds that changes how another body's record reads is held for that body's review
   * ({@link RelationReview}).
   */
  public synchronized WriteOutcome stage(
      Standard incoming, String actor, String source, Integer expectedRevision) {
    Optional<Standard> old = store.find(incoming.id());
    Planned plan = plan(incoming, old, actor, source, expectedRevision, null);
    if (plan.write() == null) {
      return plan.outcome();
    }
    List<RelationReview> held = held(plan.write().record(), old.orElse(null), actor, source);
    List<HistoryEvent> stored =
        store.write(
            plan.write().record(),
            plan.write().expectedRevision(),
            plan.write().events(),
            () -> store.hold(held));
    index(plan.write());
    onWrite.accept(plan.outcome().record());
    return new WriteOutcome(plan.outcome().change(), plan.outcome().record(), stored);
  }

  /**
   * Saves many records (an import batch) in one transaction: all of them or, if the store fails,
   * none. Records later in the list see the earlier ones, so a feed that lists one identifier twice
   * gives one create and one update. Call {@link #publish()} afterwards.
   */
  public synchronized List<WriteOutcome> stageAll(
      List<Standard> incoming, String actor, String source) {
    return stageAll(incoming, actor, source, Map.of());
  }

  /**
   * Saves many records in one transaction, each based on the revision {@code expectedRevisions}
   * gives for its id (none: whatever is stored). If any record moved on, {@link
   * CatalogException.Conflict} is thrown before anything is written.
   */
  public synchronized List<WriteOutcome> stageAll(
      List<Standard> incoming,
      String actor,
      String source,
      Map<String, Integer> expectedRevisions) {
    return stageAll(incoming, actor, source, expectedRevisions, () -> {});
  }

  /**
   * As {@link #stageAll(List, String, String, Map)}, and runs {@code alongside} in the same
   * transaction (a store sharing this one's database joins it), so that the records and what goes
   * with them are written together or not at all.
   */
  public synchronized List<WriteOutcome> stageAll(
      List<Standard> incoming,
      String actor,
      String source,
      Map<String, Integer> expectedRevisions,
      Runnable alongside) {
    return write(
        incoming.stream().map(s -> new Contribution(s, null)).toList(),
        actor,
        source,
        expectedRevisions,
        alongside,
        (in, stored) -> in);
  }

  /**
   * A feed's record for {@link #importAll}: whether its feed leads the publication ({@link
   * FieldSources#leads}), and when the feed's copy was harvested ({@link Harvest#UNKNOWN} when it
   * does not say).
   */
  public record Contribution(Standard record, Boolean lead, Harvest harvest) {
    public Contribution {
      harvest = harvest == null ? Harvest.UNKNOWN : harvest;
    }

    /** A record whose copy says nothing of its harvest. */
    public Contribution(Standard record, Boolean lead) {
      this(record, lead, Harvest.UNKNOWN);
    }
  }

  /** The harvests stored for the records among {@code ids} ({@link CatalogStore#harvests}). */
  public Map<String, Map<String, CatalogStore.FeedHarvest>> harvests(
      java.util.Collection<String> ids) {
    return store.harvests(ids);
  }

  /**
   * Saves an import batch in one transaction, each record merged field by field into what other
   * feeds gave for the same publication ({@link FieldSources}: the rule, and the provenance each
   * field gets). Each record is first passed with the stored version of it (null when new) through
   * {@code reconcile}, which gives what is to be merged (an import keeps what the catalogue's own
   * rules derived; see {@code org.aisx.editions.Editions}). Call {@link #publish()} afterwards.
   *
   * <p>Two harvests of one body's catalogue are one feed ({@link FieldSources#feedOf}): the
   * catalogue keeps, per record and feed, the newest harvest that gave the record, and a record
   * from an older harvest of that feed is not merged at all ({@link
   * WriteOutcome.Change#OLDER_HARVEST}): importing the 2024 snapshot of a catalogue after its 2025
   * snapshot gives what importing them in harvest order gives, and the fields keep naming the newer
   * snapshot.
   */
  public synchronized List<WriteOutcome> importAll(
      List<Contribution> incoming,
      String actor,
      String source,
      java.util.function.BinaryOperator<Standard> reconcile) {
    for (Contribution c : incoming) {
      if (c.lead() == null) {
        throw new IllegalArgumentException("an import's record says whether its feed leads");
      }
    }
    return write(incoming, actor, source, Map.of(), () -> {}, reconcile);
  }

  /**
   * Refuses a feed's record whose identifier differs from the stored record's with the same id
   * ("ISO IEC 42001 2023" over "ISO/IEC 42001:2023": they slug alike). An import never merges one
   * into the other: that would overwrite the identifier, title and type of another publication
   * without anyone deciding it. A submission that creates such a record is refused with 409 (the id
   * is taken); one that edits the record may change its identifier, as people decided it.
   */
  private static void refuseLookAlike(Standard incoming, Standard stored) {
    lookAlike(incoming, stored)
        .ifPresent(
            p -> {
              throw new CatalogException.Invalid("record " + incoming.identifier(), List.of(p));
            });
  }

  /** A slash between two words of the prefix, as in "ISO/TR" or "IEC/PAS". */
  private static final Pattern PREFIX_SLASH = Pattern.compile("(?<=\\p{L})\\s*/\\s*(?=\\p{L})");

  /** A point between the number and its part, as IEEE writes "15026.4". */
  private static final Pattern PART_POINT = Pattern.compile("(?<=\\d)\\.(?=\\d)");

  /** A year after a hyphen at the end, as IEEE writes "29148-2011". */
  private static final Pattern HYPHEN_YEAR = Pattern.compile("(?<=\\d)-((?:19|20)\\d\\d)$");

  /**
   * The identifier as the spellings of one publication share it, in the bodies' own notations:
   *
   * <ul>
   *   <li>without punctuation at its end (the IEC feed gives "IEC 61360-C00168" and "IEC
   *       61360-C00168:");
   *   <li>a slash between the words of its prefix read as a space (the ISO feed gives "ISO/TR
   *       12802:2010", the IEC feed "ISO TR 12802:2010");
   *   <li>IEEE's notation of a joint standard read as ISO's and IEC's: "ISO/IEC/IEEE 15026.4-2021"
   *       is "ISO/IEC/IEEE 15026-4:2021".
   * </ul>
   *
   * These are copies, not look-alikes; "ISO IEC 42001 2023" still differs from "ISO/IEC 42001:2023"
   * in how its year is written.
   */
  private static String spelling(String identifier) {
    int end = identifier.length();
    while (end > 0 && !Character.isLetterOrDigit(identifier.charAt(end - 1))) {
      end--;
    }
    String s = PREFIX_SLASH.matcher(identifier.substring(0, end)).replaceAll(" ");
    s = PART_POINT.matcher(s).replaceAll("-");
    return HYPHEN_YEAR.matcher(s).replaceAll(":$1");
  }

  /**
   * The problem with {@code incoming} when {@code other} (stored, or met earlier in the same feed)
   * has its id under another identifier: two publications whose identifiers slug alike.
   */
  public static Optional<Problem> lookAlike(Standard incoming, Standard other) {
    if (other == null || spelling(other.identifier()).equals(spelling(incoming.identifier()))) {
      return Optional.empty();
    }
    return Optional.of(
        StandardValidator.problem(
            "identifier", "slugTaken", incoming.identifier(), other.identifier(), other.id()));
  }

  private List<WriteOutcome> write(
      List<Contribution> contributions,
      String actor,
      String source,
      Map<String, Integer> expectedRevisions,
      Runnable alongside,
      java.util.function.BinaryOperator<Standard> reconcile) {
    List<String> ids = contributions.stream().map(c -> c.record().id()).distinct().toList();
    Map<String, Standard> current = new HashMap<>(store.findAll(ids));
    Map<String, Integer> storedRevision = new HashMap<>();
    current.forEach((id, s) -> storedRevision.put(id, s.revision()));
    List<WriteOutcome> outcomes = new ArrayList<>();
    Map<String, CatalogStore.Write> writes = new LinkedHashMap<>();
    boolean harvested = contributions.stream().anyMatch(c -> c.lead() != null);
    Map<String, Map<String, CatalogStore.FeedHarvest>> harvests =
        harvested ? new HashMap<>(store.harvests(ids)) : Map.of();
    Map<String, CatalogStore.FeedHarvest> newer = new LinkedHashMap<>();
    for (Contribution c : contributions) {
      if (c.lead() != null) {
        refuseLookAlike(c.record(), current.get(c.record().id()));
        String src = source != null ? source : c.record().source();
        String feed = FieldSources.feedOf(src);
        String id = c.record().id();
        CatalogStore.FeedHarvest had = harvests.getOrDefault(id, Map.of()).get(feed);
        if (had != null && had.harvest().newerThan(c.harvest()) && current.containsKey(id)) {
          outcomes.add(
              new WriteOutcome(WriteOutcome.Change.OLDER_HARVEST, current.get(id), List.of()));
          continue;
        }
        if (c.harvest().known()
            && (had == null || !had.harvest().equals(c.harvest()) || !had.source().equals(src))) {
          CatalogStore.FeedHarvest now = new CatalogStore.FeedHarvest(id, feed, src, c.harvest());
          harvests.computeIfAbsent(id, k -> new HashMap<>()).put(feed, now);
          newer.put(id + "\n" + feed, now);
        }
      }
      Standard s = reconcile.apply(c.record(), current.get(c.record().id()));
      Planned plan =
          plan(
              s,
              Optional.ofNullable(current.get(s.id())),
              actor,
              source,
              expectedRevisions.get(s.id()),
              c.lead());
      outcomes.add(plan.outcome());
      if (plan.write() != null) {
        current.put(s.id(), plan.outcome().record());
        CatalogStore.Write earlier = writes.get(s.id());
        List<HistoryEvent> events = new ArrayList<>();
        if (earlier != null) {
          events.addAll(earlier.events());
        }
        events.addAll(plan.write().events());
        writes.put(
            s.id(),
            new CatalogStore.Write(
                plan.outcome().record(), storedRevision.getOrDefault(s.id(), 0), events));
      }
    }
    Runnable withHarvests =
        newer.isEmpty()
            ? alongside
            : () -> {
              store.noteHarvests(List.copyOf(newer.values()));
              alongside.run();
            };
    if (writes.isEmpty()) {
      store.inTransaction(withHarvests);
    } else {
      store.writeAll(List.copyOf(writes.values()), withHarvests);
      writes.values().forEach(this::index);
      writes.values().forEach(w -> onWrite.accept(w.record()));
    }
    return outcomes;
  }

  /**
   * The relations {@code record} adds over {@code old} (null: a new record) that change how another
   * body's record reads, or a record not in the catalogue yet, as pending reviews: what a person's
   * write holds for review. A relation towards a record of the same body is not held.
   */
  private List<RelationReview> held(Standard record, Standard old, String actor, String source) {
    Instant now = clock.instant();
    List<RelationReview> held = new ArrayList<>();
    for (ToHold h : toHold(record, old)) {
      Relation r = h.relation();
      held.add(
          new RelationReview(
              newReviewId(),
              record.id(),
              record.identifier(),
              record.sdo(),
              r.type(),
              r.targetId(),
              r.target(),
              h.targetBody(),
              RelationReview.State.PENDING,
              actor,
              source,
              now,
              null,
              null,
              null));
    }
    return held;
  }

  /**
   * The relations of {@code record} that a person's write of it, over the record as it is now (by
   * {@code recordId}; null or not found: a new record), would hold for review: what a submission
   * tells its author before it is accepted.
   */
  public List<Relation> wouldHold(Standard record, String recordId) {
    Standard old = recordId == null ? null : store.find(recordId).orElse(null);
    return toHold(record, old).stream().map(ToHold::relation).toList();
  }

  /** A relation a person's write holds, with its target's body (null: not in the catalogue). */
  private record ToHold(Relation relation, String targetBody) {}

  private List<ToHold> toHold(Standard record, Standard old) {
    Set<String> had = new java.util.HashSet<>();
    if (old != null) {
      old.relations().forEach(r -> had.add(r.type().wire() + " " + r.targetId()));
    }
    Map<String, Relation> added = new LinkedHashMap<>();
    for (Relation r : record.relations()) {
      String key = r.type().wire() + " " + r.targetId();
      if (r.type().altersTarget() && !r.targetId().equals(record.id()) && !had.contains(key)) {
        added.putIfAbsent(key, r);
      }
    }
    if (added.isEmpty()) {
      return List.of();
    }
    Map<String, Standard> targets =
        store.findAll(added.values().stream().map(Relation::targetId).toList());
    List<ToHold> held = new ArrayList<>();
    for (Relation r : added.values()) {
      Standard target = targets.get(r.targetId());
      String targetBody = target == null ? null : target.sdo();
      if (target != null && RelationReview.sameBody(record.sdo(), targetBody)) {
        continue;
      }
      held.add(new ToHold(r, targetBody));
    }
    return held;
  }

  private String newReviewId() {
    byte[] b = new byte[8];
    random.nextBytes(b);
    return "rel-" + java.util.HexFormat.of().formatHex(b);
  }

  /** A held relation ({@link RelationReview}), or {@link CatalogException.NotFound}. */
  public RelationReview relationReview(String id) {
    return store
        .relationReview(id)
        .orElseThrow(() -> new CatalogException.NotFound("held relation " + id));
  }

  /** Held relations in {@code state} (null: any), oldest request first. */
  public List<RelationReview> relationReviews(RelationReview.State state, int limit) {
    return store.relationReviews(state, limit);
  }

  /** Held relations from or towards the record, oldest request first. */
  public List<RelationReview> relationReviewsOf(String recordId) {
    return store.relationReviewsOf(recordId);
  }

  /**
   * Decides on a pending held relation: approved, the target shows it (its page names the holder as
   * its current edition for {@code replaces}); rejected, the target reads as before. Either way the
   * decision is an event in the target's history ({@code actor}, the request's source, the target's
   * revision as it is), and neither the target's fields nor its revision change. Who may decide is
   * the caller's to check (the target's body or a coordinator); one decided already, or withdrawn
   * because its record no longer claims the relation, is {@link CatalogException.AlreadyDecided},
   * one whose target is not in the catalogue {@link CatalogException.NotFound}.
   */
  public RelationReview decideRelation(String id, boolean approve, String comment, String actor) {
    RelationReview review = relationReview(id);
    if (review.state() != RelationReview.State.PENDING) {
      throw new CatalogException.AlreadyDecided("held relation " + id, review.state().wire());
    }
    if (!claimed(review)) {
      // Its record no longer makes the claim (held before writes withdrew such claims): withdrawn
      // now, and nothing is written into the target's history.
      synchronized (this) {
        store.withdrawUnclaimed(review.sourceId());
      }
      throw new CatalogException.AlreadyDecided(
          "held relation " + id, RelationReview.State.WITHDRAWN.wire());
    }
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    RelationReview decided;
    synchronized (this) {
      Standard target = get(review.targetId());
      Instant now = clock.instant();
      decided = review.decided(approve, actor, note, now);
      HistoryEvent event =
          new HistoryEvent(
              0,
              target.id(),
              now,
              approve ? HistoryEvent.Kind.RELATION_APPROVED : HistoryEvent.Kind.RELATION_REJECTED,
              review.inverse().wire(),
              null,
              review.sourceIdentifier() != null ? review.sourceIdentifier() : review.sourceId(),
              actor,
              review.requestedSource(),
              target.revision());
      if (!store.decide(decided, event)) {
        throw new CatalogException.AlreadyDecided(
            "held relation " + id, relationReview(id).state().wire());
      }
      // Nothing the index holds changed; queued so that the commit carries the new event's mark.
      index.upsert(target);
    }
    publish();
    return decided;
  }

  /** Whether the held relation's record still holds the relation. */
  private boolean claimed(RelationReview review) {
    return store
        .find(review.sourceId())
        .map(
            source ->
                source.relations().stream()
                    .anyMatch(
                        r -> r.type() == review.type() && r.targetId().equals(review.targetId())))
        .orElse(false);
  }

  /** Queues a stored write for the index: a record new to the store is new to the index too. */
  private void index(CatalogStore.Write write) {
    if (write.expectedRevision() == 0) {
      index.add(write.record());
    } else {
      index.upsert(write.record());
    }
  }

  /** What saving {@code incoming} over {@code current} means; {@code write} is null if nothing. */
  private record Planned(WriteOutcome outcome, CatalogStore.Write write) {}

  /**
   * @param lead null for a write that replaces the record (API, submission, classification): the
   *     changed fields are attributed to {@code source}; for an import, whether the feed leads the
   *     publication, and the record is merged into the stored one by {@link FieldSources#merge}
   */
  private Planned plan(
      Standard incoming,
      Optional<Standard> current,
      String actor,
      String source,
      Integer expectedRevision,
      Boolean lead) {
    Instant now = clock.instant();
    String src = source != null ? source : incoming.source();
    if (current.isEmpty()) {
      if (expectedRevision != null && expectedRevision != 0) {
        throw new CatalogException.NotFound("record " + incoming.id());
      }
      Standard created =
          incoming.toBuilder()
              .source(src)
              .revision(1)
              .fieldSources(
                  // The catalogue's own export (json format) carries its provenance: kept.
                  lead != null && !incoming.fieldSources().isEmpty()
                      ? incoming.fieldSources()
                      : FieldSources.allFrom(incoming, src))
              .build();
      List<HistoryEvent> events =
          List.of(
              new HistoryEvent(
                  0,
                  created.id(),
                  now,
                  HistoryEvent.Kind.CREATED,
                  null,
                  null,
                  created.titleIn("en"),
                  actor,
                  src,
                  1));
      return new Planned(
          new WriteOutcome(WriteOutcome.Change.CREATED, created, events),
          new CatalogStore.Write(created, 0, events));
    }
    Standard old = current.get();
    if (expectedRevision != null && expectedRevision != old.revision()) {
      throw new CatalogException.Conflict(old.id(), expectedRevision, old.revision());
    }
    int revision = old.revision() + 1;
    List<HistoryEvent> events = new ArrayList<>();
    JsonNode before = json.valueToTree(old);
    JsonNode after = json.valueToTree(incoming);
    Standard merged;
    List<String> keptReviewed = new ArrayList<>();
    if (lead != null) {
      after =
          FieldSources.merge(
              json, old, before, after, src, lead, correctedBy(old.id()), keptReviewed);
      merged = treeToStandard(after);
    } else {
      if (source == null) {
        // The catalogue's own rules (the edition pass, inferred statuses) do not undo what people
        // corrected either: a derived value that people changed away from stays as they decided.
        JsonNode kept = keepCorrections(old, before, after, correctedBy(old.id()));
        if (kept != null) {
          after = kept;
        }
        merged = (kept == null ? incoming : treeToStandard(kept)).toBuilder().source(src).build();
      } else {
        merged = incoming.toBuilder().source(src).build();
      }
    }
    Map<String, List<String>> sources = new java.util.TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = after.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String name = f.getKey();
      JsonNode was = before.get(name);
      boolean changed = !f.getValue().equals(was);
      if (lead == null
          && FieldSources.MERGED.contains(name)
          && !FieldSources.isEmpty(f.getValue())) {
        List<String> had = FieldSources.of(old, before, name);
        // A write that names no source (the catalogue's own rules: the edition pass, inferred
        // statuses, national adoptions) changes a value, not which feeds gave the field: else the
        // record's own feed would own another feed's relations and drop them on its next import.
        sources.put(name, changed && (source != null || had.isEmpty()) ? List.of(src) : had);
      }
      if (NOT_DIFFED.contains(name) || !changed) {
        continue;
      }
      HistoryEvent.Kind kind =
          name.equals("status")
              ? HistoryEvent.Kind.STATUS_CHANGED
              : CLASSIFICATION.contains(name)
                  ? HistoryEvent.Kind.CLASSIFIED
                  : HistoryEvent.Kind.FIELD_CHANGED;
      events.add(
          new HistoryEvent(
              0, old.id(), now, kind, name, text(was), text(f.getValue()), actor, src, revision));
    }
    if (lead == null) {
      merged = merged.toBuilder().fieldSources(sources).build();
    }
    if (events.isEmpty()) {
      // Nothing a reader sees changed: not rewritten, not even to name another feed that gives
      // the same values.
      return new Planned(
          new WriteOutcome(WriteOutcome.Change.UNCHANGED, old, List.of(), keptReviewed), null);
    }
    Standard updated = merged.toBuilder().revision(revision).build();
    return new Planned(
        new WriteOutcome(WriteOutcome.Change.UPDATED, updated, events, keptReviewed),
        new CatalogStore.Write(updated, old.revision(), events));
  }

  /**
   * {@code after} with each field people decided ({@link SourceNames#reviewed}) back at its stored
   * value where {@code after} gives a value they corrected away; null when there is none.
   */
  private static JsonNode keepCorrections(
      Standard old,
      JsonNode before,
      JsonNode after,
      java.util.function.BiPredicate<String, JsonNode> corrected) {
    com.fasterxml.jackson.databind.node.ObjectNode kept = null;
    for (String field : FieldSources.MERGED) {
      JsonNode was = before.get(field);
      JsonNode now = after.get(field);
      if (FieldSources.isEmpty(was)
          || was.equals(now)
          || FieldSources.of(old, before, field).stream().noneMatch(SourceNames::reviewed)
          || !corrected.test(field, now)) {
        continue;
      }
      kept =
          kept == null ? ((com.fasterxml.jackson.databind.node.ObjectNode) after).deepCopy() : kept;
      kept.set(field, was);
    }
    return kept;
  }

  /**
   * Whether a value of a record's field is one that people corrected away: the value before any
   * reviewed change of the field ({@link SourceNames#reviewed}); any value when the catalogue's
   * history holds no review of the record (its provenance came with it from an export). The history
   * is read only when a field that people decided meets a feed value it does not hold, and then
   * once per record.
   */
  private java.util.function.BiPredicate<String, JsonNode> correctedBy(String id) {
    Map<String, Set<String>> replaced = new HashMap<>();
    boolean[] read = {false};
    boolean[] reviewedHere = {false};
    return (field, value) -> {
      if (!read[0]) {
        read[0] = true;
        for (HistoryEvent e : store.history(id)) {
          if (SourceNames.reviewed(e.source())) {
            reviewedHere[0] = true;
            if (e.field() != null && e.oldValue() != null) {
              replaced.computeIfAbsent(e.field(), f -> new java.util.HashSet<>()).add(e.oldValue());
            }
          }
        }
      }
      // A record whose provenance says people decided, with no review in this catalogue's history,
      // came from another catalogue's export: what they corrected is not known here, so what they
      // decided stands (an export imported into an empty catalogue reads as it did).
      return !reviewedHere[0] || replaced.getOrDefault(field, Set.of()).contains(text(value));
    };
  }

  private Standard treeToStandard(JsonNode tree) {
    try {
      return json.treeToValue(tree, Standard.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a merged record does not read back: " + e.getMessage(), e);
    }
  }

  /**
   * Registers one more of those told of written records (the embedding job, the landscape's
   * topics), each after those registered before; the composition root calls it.
   */
  public synchronized void onWrite(java.util.function.Consumer<Standard> listener) {
    this.onWrite = this.onWrite.andThen(listener);
  }

  /** Re-indexes a stored record as it is (e.g. once its embedding exists). */
  public synchronized void reindex(String id) {
    store.find(id).ifPresent(index::upsert);
  }

  /**
   * Re-indexes stored records as they are now, read in batches (another node wrote them, or what
   * the index derives from them changed); call {@link #publish()} afterwards. Each batch under the
   * catalogue's lock, so that a record read here cannot be queued after a newer write of it.
   */
  public void reindexAll(java.util.Collection<String> ids) {
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      synchronized (this) {
        store.findAll(chunk).values().forEach(index::upsert);
      }
    }
  }

  /** Makes every staged write durable in the index and visible to searches. */
  public synchronized void publish() {
    index.publish(mark.getAsLong());
  }

  private static String text(JsonNode v) {
    return historyText(v);
  }

  /**
   * A field's value as its history events hold it ({@link HistoryEvent#oldValue()}): a string as it
   * is, an empty or missing value null, anything else as compact JSON.
   */
  public static String historyText(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if ((v.isArray() || v.isObject()) && v.isEmpty()) {
      return null;
    }
    return v.toString();
  }
}
