package org.aisx.watch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Standard;
import org.aisx.search.Hit;
import org.aisx.search.SearchRequest;
import org.aisx.search.SearchResult;
import org.aisx.semantic.HybridSearch;

/**
 * What changed in the catalogue, for people who watch it: the public change log, and the changes
 * behind the feeds of a record and of a search. Reads the append-only history only.
 */
public final class Watch {
  /** How many entries a feed carries. */
  public static final int FEED_ENTRIES = 50;

  /** A search feed watches at most this many of the search's records (by relevance). */
  static final int MAX_WATCHED = 5_000;

  /** How many creations and status changes a search feed looks through for its entries. */
  static final int MAX_SCANNED = 50_000;

  private static final Set<HistoryEvent.Kind> NEWS =
      Set.of(HistoryEvent.Kind.CREATED, HistoryEvent.Kind.STATUS_CHANGED);

  private final Catalog catalog;
  private final HybridSearch search;

  public Watch(Catalog catalog, HybridSearch search) {
    this.catalog = catalog;
    this.search = search;
  }

  /** A page of the change log, newest first. */
  public ChangePage changes(ChangeQuery q) {
    List<HistoryEvent> events = catalog.events(q.before(), q.since(), q.kinds(), q.limit() + 1);
    Long next = null;
    if (events.size() > q.limit()) {
      events = events.subList(0, q.limit());
      next = events.get(events.size() - 1).seq();
    }
    Set<String> ids = new HashSet<>();
    events.forEach(e -> ids.add(e.recordId()));
    return new ChangePage(events, catalog.findAll(ids), next);
  }

  /** The newest changes to the catalogue, one per write, newest first. */
  public List<Change> recent(int limit) {
    List<HistoryEvent> events = catalog.events(null, null, Set.of(), limit * 4);
    List<Change> changes = group(events);
    return withRecords(changes.subList(0, Math.min(limit, changes.size())));
  }

  /**
   * Every change to one record, newest first; {@link org.aisx.catalog.CatalogException.NotFound}
   * for an unknown record.
   */
  public List<Change> ofRecord(String id, int limit) {
    Standard record = catalog.get(id);
    List<HistoryEvent> history = new ArrayList<>(catalog.history(id));
    java.util.Collections.reverse(history);
    List<Change> changes = new ArrayList<>();
    for (Change c : group(history)) {
      if (changes.size() == limit) {
        break;
      }
      changes.add(new Change(c.recordId(), c.revision(), c.events(), record));
    }
    return changes;
  }

  /**
   * Every change to any of {@code ids} (a suite's members), newest first; ids no longer in the
   * catalogue are passed over.
   */
  public List<Change> ofRecords(java.util.Collection<String> ids, int limit) {
    List<Change> all = new ArrayList<>();
    for (String id : new java.util.LinkedHashSet<>(ids)) {
      if (catalog.find(id).isPresent()) {
        all.addAll(ofRecord(id, limit));
      }
    }
    all.sort(java.util.Comparator.comparing(Change::at).reversed());
    return all.subList(0, Math.min(limit, all.size()));
  }

  /**
   * The news of a search, newest first: records of the search that were added, and those whose
   * status changed (each with the whole write it was part of).
   */
  public List<Change> ofSearch(SearchRequest request, int limit) {
    Set<String> watched = matching(request);
    List<Change> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Long before = null;
    int scanned = 0;
    while (found.size() < limit && scanned < MAX_SCANNED) {
      List<HistoryEvent> batch = catalog.events(before, null, NEWS, 1_000);
      if (batch.isEmpty()) {
        break;
      }
      scanned += batch.size();
      before = batch.get(batch.size() - 1).seq();
      for (HistoryEvent e : batch) {
        String key = e.recordId() + "#" + e.revision();
        if ((watched == null || watched.contains(e.recordId()))
            && seen.add(key)
            && found.size() < limit) {
          found.add(new Change(e.recordId(), e.revision(), List.of(e), null));
        }
      }
    }
    // Each entry shows the whole write: the other fields that changed with the status.
    List<Change> whole = new ArrayList<>();
    Map<String, List<HistoryEvent>> histories = new LinkedHashMap<>();
    for (Change c : found) {
      List<HistoryEvent> history =
          histories.computeIfAbsent(
              c.recordId(), id -> catalog.find(id).isPresent() ? catalog.history(id) : List.of());
      List<HistoryEvent> same = history.stream().filter(e -> e.revision() == c.revision()).toList();
      whole.add(new Change(c.recordId(), c.revision(), same.isEmpty() ? c.events() : same, null));
    }
    return withRecords(whole);
  }

  /** The ids of the search's records; null when the search is the whole catalogue. */
  private Set<String> matching(SearchRequest request) {
    if (request.q().isEmpty()
        && request.filters().isEmpty()
        && request.fromYear() == null
        && request.toYear() == null) {
      return null;
    }
    Set<String> ids = new HashSet<>();
    int size = SearchRequest.MAX_SIZE;
    for (int page = 1; (long) page * size <= MAX_WATCHED; page++) {
      SearchResult result =
          search.search(
              new SearchRequest(
                  request.q(),
                  request.filters(),
                  request.fromYear(),
                  request.toYear(),
                  request.sort(),
                  page,
                  size,
                  request.mode(),
                  request.includeSuggestions()));
      for (Hit h : result.items()) {
        ids.add(h.id());
      }
      if ((long) page * size >= result.total()) {
        break;
      }
    }
    return ids;
  }

  /**
   * Events (newest first) grouped into writes: the run of events of one record and revision; a
   * decision on a relation (made at the record's revision, without a new one) is a write of its
   * own.
   */
  static List<Change> group(List<HistoryEvent> newestFirst) {
    List<Change> changes = new ArrayList<>();
    List<HistoryEvent> run = new ArrayList<>();
    for (HistoryEvent e : newestFirst) {
      if (!run.isEmpty()
          && !(run.get(0).recordId().equals(e.recordId())
              && run.get(0).revision() == e.revision()
              && !Change.relationDecision(e)
              && !Change.relationDecision(run.get(run.size() - 1)))) {
        changes.add(change(run));
        run = new ArrayList<>();
      }
      run.add(e);
    }
    if (!run.isEmpty()) {
      changes.add(change(run));
    }
    return changes;
  }

  private static Change change(List<HistoryEvent> newestFirst) {
    List<HistoryEvent> oldestFirst = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(oldestFirst);
    HistoryEvent first = oldestFirst.get(0);
    return new Change(first.recordId(), first.revision(), oldestFirst, null);
  }

  private List<Change> withRecords(List<Change> changes) {
    Set<String> ids = new HashSet<>();
    changes.forEach(c -> ids.add(c.recordId()));
    Map<String, Standard> records = catalog.findAll(ids);
    return changes.stream()
        .map(c -> new Change(c.recordId(), c.revision(), c.events(), records.get(c.recordId())))
        .toList();
  }
}
