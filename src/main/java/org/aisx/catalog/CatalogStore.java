package org.aisx.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where records and their history live. The embedded SQLite store and PostgreSQL implement it with
 * the same SQL; anything else (a test double) must keep the same guarantees: {@link #write} is
 * atomic, and history is append-only.
 */
public interface CatalogStore {
  /** Every {@code sdo} some record has, as the records write it (a scan of the store). */
  List<String> bodies();

  /** Every {@code committee} some record has, as the records write it (a scan of the store). */
  List<String> committees();

  Optional<Standard> find(String id);

  /** The records among {@code ids} that exist, by id. */
  java.util.Map<String, Standard> findAll(java.util.Collection<String> ids);

  /** One record to store at {@code expectedRevision + 1} with its events. */
  record Write(Standard record, int expectedRevision, List<HistoryEvent> events) {}

  /**
   * Stores every write in one transaction, all or nothing, with the same revision check as {@link
   * #write}.
   */
  void writeAll(List<Write> writes);

  /**
   * As {@link #writeAll(List)}, and runs {@code alongside} inside the same transaction (a store
   * sharing this one's database joins it), so that both happen or neither does.
   */
  void writeAll(List<Write> writes, Runnable alongside);

  /** Every record, in id order, streamed so a large catalogue never sits in memory at once. */
  void forEach(Consumer<Standard> sink);

  long count();

  /**
   * Stores {@code record} (whose revision is {@code expectedRevision + 1}) and appends {@code
   * events}, all or nothing.
   *
   * @param expectedRevision the revision the change was based on; 0 when the record must be new
   * @return the events as stored, with their sequence numbers
   * @throws CatalogException.Conflict when the stored revision is not {@code expectedRevision}
   */
  List<HistoryEvent> write(Standard record, int expectedRevision, List<HistoryEvent> events);

  /**
   * As {@link #write}, and runs {@code alongside} inside the same transaction (a store sharing this
   * one's database joins it), so that both happen or neither does.
   */
  List<HistoryEvent> write(
      Standard record, int expectedRevision, List<HistoryEvent> events, Runnable alongside);

  /**
   * The newest harvest of one feed that gave a record: {@code feed} is the feed ({@link
   * FieldSources#feedOf}), {@code source} the source name of the harvest ("relaton-ieee-2025").
   */
  record FeedHarvest(String recordId, String feed, String source, Harvest harvest) {}

  /** The harvests stored for the records among {@code ids}: record id → feed → harvest. */
  java.util.Map<String, java.util.Map<String, FeedHarvest>> harvests(
      java.util.Collection<String> ids);

  /**
   * Stores each harvest in place of the one stored for its record and feed, joining the caller's
   * transaction when there is one. The records must be stored.
   */
  void noteHarvests(List<FeedHarvest> harvests);

  /** Runs {@code work} in one transaction of this store's database. */
  void inTransaction(Runnable work);

  /** The record's events, oldest first. */
  List<HistoryEvent> history(String id);

  /** The newest events across the whole catalogue, newest first. */
  List<HistoryEvent> recentEvents(int limit);

  /**
   * Events across the whole catalogue, newest first: those with a sequence number below {@code
   * beforeSeq} (all when null), recorded at or after {@code since} (to the second; all when null),
   * of one of {@code kinds} (all when empty), at most {@code limit}.
   */
  List<HistoryEvent> events(
      Long beforeSeq, java.time.Instant since, java.util.Set<HistoryEvent.Kind> kinds, int limit);

  /**
   * Relations other records hold towards {@code id}, shown with their inverse type; a held relation
   * from another body ({@link RelationReview}) only once approved.
   */
  List<IncomingRelation> incoming(String id);

  /**
   * The sequence number of the newest event: it changes with every write, so the search index
   * records it to know whether it is in step with the store.
   */
  long lastEventSeq();

  /**
   * Holds relations for review, joining the caller's transaction when there is one: a relation not
   * held before is stored pending; one rejected or withdrawn before is pending again (a new
   * request); one pending or approved stays as it is.
   */
  void hold(List<RelationReview> requests);

  /**
   * Withdraws the pending held relations of the record {@code sourceId} that it no longer claims
   * (its relation is gone). Every write of a record does so within its transaction; this is for a
   * held relation found unclaimed when someone comes to decide it.
   */
  void withdrawUnclaimed(String sourceId);

  /** One held relation, with its source record's identifier. */
  Optional<RelationReview> relationReview(String id);

  /** Held relations in {@code state} (null: any), oldest request first, at most {@code limit}. */
  List<RelationReview> relationReviews(RelationReview.State state, int limit);

  /** Held relations from or towards {@code recordId}, oldest request first. */
  List<RelationReview> relationReviewsOf(String recordId);

  /**
   * Stores the decision {@code decided} on a pending held relation and appends {@code event} to the
   * target's history, in one transaction; false (and nothing written) when it is not pending any
   * more.
   */
  boolean decide(RelationReview decided, HistoryEvent event);
}
