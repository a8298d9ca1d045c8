package org.aisx.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue: saves records with their history and keeps the search index in step. Every write
 * goes through here, whatever its origin (import, API, submission).
 */
public final class Catalog {
  private static final Set<String> NOT_DIFFED = Set.of("revision", "source");
  private static final Set<String> CLASSIFICATION =
      Set.of("verticals", "activities", "applications", "concerns", "suggestions");

  private final CatalogStore store;
  private final CatalogIndex index;
  private final ObjectMapper json;
  private final Clock clock;

  public Catalog(CatalogStore store, CatalogIndex index, ObjectMapper json, Clock clock) {
    this.store = store;
    this.index = index;
    this.json = json;
    this.clock = clock;
  }

  public Optional<Standard> find(String id) {
    return store.find(id);
  }

  /** The record, or {@link CatalogException.NotFound}. */
  public Standard get(String id) {
    return store.find(id).orElseThrow(() -> new CatalogException.NotFound("record " + id));
  }

  public List<HistoryEvent> history(String id) {
    get(id);
    return store.history(id);
  }

  public List<IncomingRelation> incoming(String id) {
    return store.incoming(id);
  }

  public List<HistoryEvent> recentEvents(int limit) {
    return store.recentEvents(limit);
  }

  public long count() {
    return store.count();
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
   * Saves the record durably in the store and queues it for the index; call {@link #publish()}
   * after a batch. Each record is its own transaction, so an interrupted batch leaves every record
   * before it saved and nothing half-written.
   */
  public WriteOutcome stage(
      Standard incoming, String actor, String source, Integer expectedRevision) {
    Optional<Standard> current = store.find(incoming.id());
    Instant now = clock.instant();
    String src = source != null ? source : incoming.source();
    if (current.isEmpty()) {
      if (expectedRevision != null && expectedRevision != 0) {
        throw new CatalogException.NotFound("record " + incoming.id());
      }
      Standard created = incoming.toBuilder().source(src).revision(1).build();
      List<HistoryEvent> events =
          List.of(
              new HistoryEvent(
                  0,
                  created.id(),
                  now,
                  HistoryEvent.Kind.CREATED,
                  null,
                  null,
                  null,
                  actor,
                  src,
                  1));
      List<HistoryEvent> stored = store.write(created, 0, events);
      index.upsert(created);
      return new WriteOutcome(WriteOutcome.Change.CREATED, created, stored);
    }
    Standard old = current.get();
    if (expectedRevision != null && expectedRevision != old.revision()) {
      throw new CatalogException.Conflict(old.id(), expectedRevision, old.revision());
    }
    int revision = old.revision() + 1;
    List<HistoryEvent> events = new ArrayList<>();
    JsonNode before = json.valueToTree(old);
    JsonNode after = json.valueToTree(incoming);
    Iterator<Map.Entry<String, JsonNode>> fields = after.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String name = f.getKey();
      JsonNode was = before.get(name);
      if (NOT_DIFFED.contains(name) || f.getValue().equals(was)) {
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
    if (events.isEmpty()) {
      return new WriteOutcome(WriteOutcome.Change.UNCHANGED, old, List.of());
    }
    Standard updated = incoming.toBuilder().source(src).revision(revision).build();
    List<HistoryEvent> stored = store.write(updated, old.revision(), events);
    index.upsert(updated);
    return new WriteOutcome(WriteOutcome.Change.UPDATED, updated, stored);
  }

  /** Makes every staged write durable in the index and visible to searches. */
  public void publish() {
    index.publish(store.lastEventSeq());
  }

  private static String text(JsonNode v) {
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
