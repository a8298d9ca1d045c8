package org.aisx.classify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Suggestion;
import org.aisx.search.SuggestionSource;
import org.aisx.semantic.Embedder;
import org.aisx.store.ChangeLog;
import org.aisx.store.Database;

/**
 * Stored machine suggestions and people's decisions on them, in the catalogue's database. A
 * record's suggestions count while the text they were made from is its current text. The concept
 * ids (not the evidence) are also kept in memory, for the index, which asks for every record it
 * indexes.
 */
public final class Suggestions implements SuggestionSource {
  private final Database db;

  /** Per record: the text hash and classifier version of its suggestions, and their concepts. */
  private final Map<String, State> states = new ConcurrentHashMap<>();

  /** Rejected concepts per record, as {@code dimension/concept}. */
  private final Map<String, Set<String>> rejected = new ConcurrentHashMap<>();

  private static final String TERM_SEPARATOR = "\u001f";

  private static Suggestion suggestion(
      String concept, double score, String evidence, String terms) {
    return new Suggestion(
        concept,
        score,
        evidence,
        terms.isEmpty() ? List.of() : List.of(terms.split(TERM_SEPARATOR)));
  }

  record State(String textHash, String version, Map<String, List<String>> concepts) {}

  /** One stored suggestion with its record, for the review queue. */
  public record Pending(String recordId, String dimension, Suggestion suggestion) {}

  /** A person's decision on a suggestion. */
  public record Decision(String recordId, String dimension, String concept, boolean confirmed) {}

  /** Where other nodes learn of suggestions and decisions this one stores. */
  private final ChangeLog changes;

  public Suggestions(Database db) {
    this.db = db;
    this.changes = new ChangeLog(db);
    load();
  }

  /**
   * Reads the suggestions and rejections of {@code ids} again from the database: another node over
   * the same database changed them (this node learns of it from the {@link ChangeLog}). Serialised
   * with {@link #replaceAll} and the decisions, so an older read never overwrites what this node
   * stored after it.
   */
  public synchronized void refresh(java.util.Collection<String> ids) {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      Map<String, String[]> heads = new HashMap<>();
      Map<String, Map<String, List<String>>> concepts = new HashMap<>();
      Map<String, Set<String>> no = new HashMap<>();
      db.jdbi()
          .useHandle(
              h -> {
                h.createQuery(
                        "SELECT record_id, text_hash, version FROM classification"
                            + " WHERE record_id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map(
                        (rs, ctx) ->
                            new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(r -> heads.put(r[0], r));
                h.createQuery(
                        "SELECT record_id, dimension, concept FROM suggestion WHERE score >="
                            + " :confident AND record_id IN (<ids>)"
                            + " ORDER BY record_id, dimension, score DESC")
                    .bind("confident", Classifier.CONFIDENT)
                    .bindList("ids", chunk)
                    .map(
                        (rs, ctx) ->
                            new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(
                        r ->
                            concepts
                                .computeIfAbsent(r[0], k -> new LinkedHashMap<>())
                                .computeIfAbsent(r[1], k -> new ArrayList<>())
                                .add(r[2]));
                h.createQuery(
                        "SELECT record_id, dimension, concept FROM suggestion_decision"
                            + " WHERE decision = 'rejected' AND record_id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map(
                        (rs, ctx) ->
                            new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .forEach(r -> no.computeIfAbsent(r[0], k -> newSet()).add(r[1] + "/" + r[2]));
              });
      for (String id : chunk) {
        String[] head = heads.get(id);
        if (head == null) {
          states.remove(id);
        } else {
          states.put(id, new State(head[1], head[2], freeze(concepts.getOrDefault(id, Map.of()))));
        }
        Set<String> rejectedNow = no.get(id);
        if (rejectedNow == null) {
          rejected.remove(id);
        } else {
          rejected.put(id, rejectedNow);
        }
      }
    }
  }

  private void load() {
    Map<String, String[]> heads = new HashMap<>();
    Map<String, Map<String, List<String>>> concepts = new HashMap<>();
    db.jdbi()
        .useHandle(
            h -> {
              h.createQuery("SELECT record_id, text_hash, version FROM classification")
                  .map(
                      (rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                  .forEach(r -> heads.put(r[0], r));
              h.createQuery(
                      "SELECT record_id, dimension, concept FROM suggestion"
                          + " WHERE score >= :confident ORDER BY record_id, dimension, score DESC")
                  .bind("confident", Classifier.CONFIDENT)
                  .map(
                      (rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                  .forEach(
                      r ->
                          concepts
                              .computeIfAbsent(r[0], k -> new LinkedHashMap<>())
                              .computeIfAbsent(r[1], k -> new ArrayList<>())
                              .add(r[2]));
              h.createQuery(
                      "SELECT record_id, dimension, concept FROM suggestion_decision"
                          + " WHERE decision = 'rejected'")
                  .map(
                      (rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                  .forEach(
                      r -> rejected.computeIfAbsent(r[0], k -> newSet()).add(r[1] + "/" + r[2]));
            });
    heads.forEach(
        (id, r) ->
            states.put(id, new State(r[1], r[2], freeze(concepts.getOrDefault(id, Map.of())))));
  }

  private static Set<String> newSet() {
    return ConcurrentHashMap.newKeySet();
  }

  private static Map<String, List<String>> freeze(Map<String, List<String>> m) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Map.copyOf(out);
  }

  /** How many records classifier {@code version} classified (from whatever text). */
  long countAt(String version) {
    return states.values().stream().filter(s -> s.version().equals(version)).count();
  }

  /** Whether {@code record} was classified from its current text by classifier {@code version}. */
  boolean current(Standard record, String textHash, String version) {
    State s = states.get(record.id());
    return s != null && s.textHash().equals(textHash) && s.version().equals(version);
  }

  @Override
  public Map<String, List<String>> suggestedFor(Standard record) {
    State s = states.get(record.id());
    if (s == null || s.concepts().isEmpty() || !valid(record, s)) {
      return Map.of();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    s.concepts()
        .forEach(
            (dim, list) -> {
              List<String> kept = new ArrayList<>();
              List<String> confirmed = record.concepts(dim);
              for (String c : list) {
                if (!confirmed.contains(c)) {
                  kept.add(c);
                }
              }
              if (!kept.isEmpty()) {
                out.put(dim, List.copyOf(kept));
              }
            });
    return out;
  }

  @Override
  public Map<String, List<String>> namedFor(Standard record) {
    Map<String, List<String>> shown = suggestedFor(record);
    if (shown.isEmpty()) {
      return shown;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    forRecord(record)
        .forEach(
            (dim, list) -> {
              List<String> named = new ArrayList<>();
              for (Suggestion g : list) {
                if (!g.terms().isEmpty()
                    && shown.getOrDefault(dim, List.of()).contains(g.concept())) {
                  named.add(g.concept());
                }
              }
              if (!named.isEmpty()) {
                out.put(dim, List.copyOf(named));
              }
            });
    return out;
  }

  /** The record's current suggestions with their evidence, by dimension, best first. */
  public Map<String, List<Suggestion>> forRecord(Standard record) {
    State s = states.get(record.id());
    if (s == null || !valid(record, s)) {
      return Map.of();
    }
    Map<String, List<Suggestion>> out = new LinkedHashMap<>();
    db.jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT dimension, concept, score, evidence, terms FROM suggestion"
                            + " WHERE record_id = :id ORDER BY dimension, score DESC, concept")
                    .bind("id", record.id())
                    .map(
                        (rs, ctx) ->
                            Map.entry(
                                rs.getString(1),
                                suggestion(
                                    rs.getString(2),
                                    rs.getDouble(3),
                                    rs.getString(4),
                                    rs.getString(5))))
                    .forEach(
                        e -> {
                          if (!record.concepts(e.getKey()).contains(e.getValue().concept())) {
                            out.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                .add(e.getValue());
                          }
                        }));
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  /** The stored suggestion of {@code concept} on {@code dimension} for a record, if any. */
  Optional<Suggestion> stored(String recordId, String dimension, String concept) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT concept, score, evidence, terms FROM suggestion"
                            + " WHERE record_id = :id AND dimension = :dim AND concept = :concept")
                    .bind("id", recordId)
                    .bind("dim", dimension)
                    .bind("concept", concept)
                    .map(
                        (rs, ctx) ->
                            suggestion(
                                rs.getString(1), rs.getDouble(2), rs.getString(3), rs.getString(4)))
                    .findFirst());
  }

  /** Who last confirmed {@code concept} for a record in review, if it was confirmed there. */
  Optional<String> confirmedBy(String recordId, String dimension, String concept) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT actor FROM suggestion_decision WHERE record_id = :id"
                            + " AND dimension = :dim AND concept = :concept"
                            + " AND decision = 'confirmed' ORDER BY at DESC")
                    .bind("id", recordId)
                    .bind("dim", dimension)
                    .bind("concept", concept)
                    .mapTo(String.class)
                    .findFirst());
  }

  /** Whether the record's stored suggestions were made from its current text. */
  public boolean madeFromCurrentText(Standard record) {
    State s = states.get(record.id());
    return s != null && valid(record, s);
  }

  private static boolean valid(Standard record, State s) {
    return s.textHash().equals(Embedder.hash(Embedder.textOf(record)));
  }

  /** The concepts people rejected for {@code recordId}, as {@code dimension/concept}. */
  Set<String> rejectedFor(String recordId) {
    return Set.copyOf(rejected.getOrDefault(recordId, Set.of()));
  }

  /**
   * Replaces the suggestions of each record in one transaction, leaving out concepts people
   * rejected meanwhile. Serialised with {@link #decided}, so a decision and a classification of the
   * same record never interleave.
   */
  synchronized void replaceAll(List<Classified> made) {
    if (made.isEmpty()) {
      return;
    }
    List<Classified> batch = new ArrayList<>();
    for (Classified c : made) {
      Set<String> no = rejected.getOrDefault(c.recordId(), Set.of());
      Map<String, List<Suggestion>> kept = new LinkedHashMap<>();
      c.suggestions()
          .forEach(
              (dim, list) -> {
                List<Suggestion> k =
                    list.stream().filter(x -> !no.contains(dim + "/" + x.concept())).toList();
                if (!k.isEmpty()) {
                  kept.put(dim, k);
                }
              });
      batch.add(new Classified(c.recordId(), c.textHash(), c.version(), kept));
    }
    String now = Instant.now().toString();
    db.jdbi()
        .useTransaction(
            h -> {
              for (Classified c : batch) {
                h.createUpdate("DELETE FROM suggestion WHERE record_id = :id")
                    .bind("id", c.recordId())
                    .execute();
                h.createUpdate("DELETE FROM classification WHERE record_id = :id")
                    .bind("id", c.recordId())
                    .execute();
                h.createUpdate(
                        "INSERT INTO classification (record_id, text_hash, version, classified_at)"
                            + " VALUES (:id, :hash, :version, :at)")
                    .bind("id", c.recordId())
                    .bind("hash", c.textHash())
                    .bind("version", c.version())
                    .bind("at", now)
                    .execute();
                var insert =
                    h.prepareBatch(
                        "INSERT INTO suggestion"
                            + " (record_id, dimension, concept, score, evidence, terms)"
                            + " VALUES (:id, :dim, :concept, :score, :evidence, :terms)");
                int rows = 0;
                for (Map.Entry<String, List<Suggestion>> e : c.suggestions().entrySet()) {
                  for (Suggestion s : e.getValue()) {
                    insert
                        .bind("id", c.recordId())
                        .bind("dim", e.getKey())
                        .bind("concept", s.concept())
                        .bind("score", s.score())
                        .bind("evidence", s.evidence())
                        .bind("terms", String.join(TERM_SEPARATOR, s.terms()))
                        .add();
                    rows++;
                  }
                }
                if (rows > 0) {
                  insert.execute();
                }
              }
              changes.noteDerived(h, batch.stream().map(Classified::recordId).toList());
            });
    for (Classified c : batch) {
      Map<String, List<String>> concepts = new LinkedHashMap<>();
      c.suggestions()
          .forEach(
              (dim, list) ->
                  concepts.put(
                      dim,
                      list.stream()
                          .filter(s -> s.score() >= Classifier.CONFIDENT)
                          .map(Suggestion::concept)
                          .toList()));
      states.put(c.recordId(), new State(c.textHash(), c.version(), Map.copyOf(concepts)));
    }
  }

  /** The suggestions made for one record from the text with this hash. */
  record Classified(
      String recordId,
      String textHash,
      String version,
      Map<String, List<Suggestion>> suggestions) {}

  /**
   * Pending suggestions, best first: those on {@code dimension} (null: all), of {@code concept}
   * (null: all), scoring at least {@code minScore}; a page of at most {@code limit} from {@code
   * offset}. Stale suggestions (the record's text changed) are left to the caller to drop.
   */
  public List<Pending> pending(
      String dimension, String concept, double minScore, int limit, int offset) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT record_id, dimension, concept, score, evidence, terms FROM suggestion"
                + " WHERE score >= :min");
    if (dimension != null) {
      sql.append(" AND dimension = :dim");
    }
    if (concept != null) {
      sql.append(" AND concept = :concept");
    }
    sql.append(" ORDER BY score DESC, record_id, dimension, concept LIMIT :limit OFFSET :offset");
    return db.jdbi()
        .withHandle(
            h -> {
              var q = h.createQuery(sql.toString()).bind("min", minScore);
              if (dimension != null) {
                q.bind("dim", dimension);
              }
              if (concept != null) {
                q.bind("concept", concept);
              }
              return q.bind("limit", limit)
                  .bind("offset", offset)
                  .map(
                      (rs, ctx) ->
                          new Pending(
                              rs.getString(1),
                              rs.getString(2),
                              suggestion(
                                  rs.getString(3),
                                  rs.getDouble(4),
                                  rs.getString(5),
                                  rs.getString(6))))
                  .list();
            });
  }

  /** How many suggestions are pending, per dimension id. */
  public Map<String, Long> pendingCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    db.jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT dimension, COUNT(*) FROM suggestion GROUP BY dimension"
                            + " ORDER BY dimension")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
    return out;
  }

  /**
   * Stores decisions (each replaces an earlier one on the same suggestion) and deletes the decided
   * suggestions, in the caller's transaction when there is one on this thread (the one that writes
   * the confirmed concepts into the records); call {@link #forget} once it has committed. The
   * caller holds this object's lock across both, so a classification cannot bring back what was
   * decided in between.
   */
  void storeDecisions(List<Decision> decisions, Map<String, Double> scores, String actor) {
    if (!Thread.holdsLock(this)) {
      throw new IllegalStateException("decisions are stored under the suggestions' lock");
    }
    String now = Instant.now().toString();
    db.jdbi()
        .useTransaction(
            h -> {
              for (Decision d : decisions) {
                h.createUpdate(
                        "DELETE FROM suggestion_decision WHERE record_id = :id AND dimension = :dim"
                            + " AND concept = :concept")
                    .bind("id", d.recordId())
                    .bind("dim", d.dimension())
                    .bind("concept", d.concept())
                    .execute();
                h.createUpdate(
                        "INSERT INTO suggestion_decision"
                            + " (record_id, dimension, concept, decision, score, actor, at)"
                            + " VALUES (:id, :dim, :concept, :decision, :score, :actor, :at)")
                    .bind("id", d.recordId())
                    .bind("dim", d.dimension())
                    .bind("concept", d.concept())
                    .bind("decision", d.confirmed() ? "confirmed" : "rejected")
                    .bind(
                        "score", scores.get(d.recordId() + "/" + d.dimension() + "/" + d.concept()))
                    .bind("actor", actor)
                    .bind("at", now)
                    .execute();
                h.createUpdate(
                        "DELETE FROM suggestion WHERE record_id = :id AND dimension = :dim"
                            + " AND concept = :concept")
                    .bind("id", d.recordId())
                    .bind("dim", d.dimension())
                    .bind("concept", d.concept())
                    .execute();
              }
              changes.noteDerived(h, decisions.stream().map(Decision::recordId).toList());
            });
  }

  /** Drops decided suggestions from memory, after {@link #storeDecisions} has committed. */
  void forget(List<Decision> decisions) {
    if (!Thread.holdsLock(this)) {
      throw new IllegalStateException("decisions are forgotten under the suggestions' lock");
    }
    for (Decision d : decisions) {
      String key = d.dimension() + "/" + d.concept();
      if (d.confirmed()) {
        rejected.computeIfPresent(
            d.recordId(),
            (id, set) -> {
              set.remove(key);
              return set.isEmpty() ? null : set;
            });
      } else {
        rejected.computeIfAbsent(d.recordId(), k -> newSet()).add(key);
      }
      states.computeIfPresent(
          d.recordId(),
          (id, s) -> {
            Map<String, List<String>> concepts = new LinkedHashMap<>(s.concepts());
            concepts.computeIfPresent(
                d.dimension(),
                (dim, list) -> {
                  List<String> kept = new ArrayList<>(list);
                  kept.remove(d.concept());
                  return kept.isEmpty() ? null : List.copyOf(kept);
                });
            return new State(s.textHash(), s.version(), Map.copyOf(concepts));
          });
    }
  }

  /**
   * Withdraws every machine suggestion of a concept (a retired one): deleted from the store and
   * from memory; returns the records that had one, to be indexed again.
   */
  synchronized Set<String> withdraw(String dimension, String concept) {
    Set<String> affected = new java.util.TreeSet<>();
    db.jdbi()
        .useTransaction(
            h -> {
              affected.addAll(
                  h.createQuery(
                          "SELECT record_id FROM suggestion WHERE dimension = :dim AND concept = :c")
                      .bind("dim", dimension)
                      .bind("c", concept)
                      .mapTo(String.class)
                      .list());
              h.createUpdate("DELETE FROM suggestion WHERE dimension = :dim AND concept = :c")
                  .bind("dim", dimension)
                  .bind("c", concept)
                  .execute();
            });
    for (String id : affected) {
      states.computeIfPresent(
          id,
          (k, st) -> {
            Map<String, List<String>> concepts = new LinkedHashMap<>(st.concepts());
            concepts.computeIfPresent(
                dimension,
                (dim, list) -> {
                  List<String> kept = new ArrayList<>(list);
                  kept.remove(concept);
                  return kept.isEmpty() ? null : List.copyOf(kept);
                });
            return new State(st.textHash(), st.version(), Map.copyOf(concepts));
          });
    }
    return affected;
  }

  /** Every rejected suggestion, as record id → {@code dimension/concept}. */
  Map<String, Set<String>> allRejected() {
    Map<String, Set<String>> out = new HashMap<>();
    rejected.forEach((k, v) -> out.put(k, Set.copyOf(v)));
    return out;
  }
}
