package org.aisx.store;

import java.time.Instant;
import java.util.List;
import org.aisx.glossary.GlossaryStore;
import org.aisx.glossary.Mapping;
import org.aisx.glossary.MappingDecision;
import org.aisx.glossary.MappingEvent;
import org.aisx.glossary.MappingState;
import org.aisx.glossary.MappingType;
import org.aisx.glossary.Suggested;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Glossary mappings and their history on SQL (SQLite or PostgreSQL). */
public final class SqlGlossaryStore implements GlossaryStore {
  private final Jdbi jdbi;

  public SqlGlossaryStore(Database database) {
    this.jdbi = database.jdbi();
  }

  private static long count(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM glossary_mapping").mapTo(Long.class).one();
  }

  @Override
  public int offer(List<Suggested> suggestions) {
    if (suggestions.isEmpty()) {
      return 0;
    }
    return jdbi.inTransaction(
        h -> {
          long before = count(h);
          PreparedBatch batch =
              h.prepareBatch(
                  "INSERT INTO glossary_mapping (from_term, to_term, type, score, evidence, state)"
                      + " VALUES (:from, :to, :type, :score, :evidence, 'pending')"
                      + " ON CONFLICT (from_term, to_term, type) DO UPDATE SET"
                      + " score = excluded.score, evidence = excluded.evidence"
                      + " WHERE glossary_mapping.state = 'pending'");
          for (Suggested s : suggestions) {
            batch
                .bind("from", s.from())
                .bind("to", s.to())
                .bind("type", s.type().wire())
                .bind("score", s.score())
                .bind("evidence", s.evidence())
                .add();
          }
          batch.execute();
          return (int) (count(h) - before);
        });
  }

  @Override
  public List<Mapping> all() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT from_term, to_term, type, score, evidence, state, actor, decided_at"
                        + " FROM glossary_mapping ORDER BY from_term, to_term, type")
                .map(
                    (rs, ctx) -> {
                      String at = rs.getString("decided_at");
                      return new Mapping(
                          rs.getString("from_term"),
                          rs.getString("to_term"),
                          MappingType.fromWire(rs.getString("type")),
                          rs.getDouble("score"),
                          rs.getString("evidence"),
                          MappingState.fromWire(rs.getString("state")),
                          rs.getString("actor"),
                          at == null ? null : Instant.parse(at));
                    })
                .list());
  }

  @Override
  public int decide(List<MappingDecision> decisions, String actor, Instant at) {
    return jdbi.inTransaction(
        h -> {
          int changed = 0;
          for (MappingDecision d : decisions) {
            MappingType as = d.decidedType();
            if (as != d.type() && exists(h, d.from(), d.to(), d.type())) {
              if (exists(h, d.from(), d.to(), as)) {
                // The relation held is suggested too: confirm that one, reject this one.
                changed += set(h, d.from(), d.to(), as, MappingState.CONFIRMED, actor, at);
                changed += set(h, d.from(), d.to(), d.type(), MappingState.REJECTED, actor, at);
              } else {
                h.createUpdate(
                        "UPDATE glossary_mapping SET type = :as, state = 'confirmed',"
                            + " actor = :actor, decided_at = :at, evidence = evidence || :note"
                            + " WHERE from_term = :from AND to_term = :to AND type = :type")
                    .bind("as", as.wire())
                    .bind("actor", actor)
                    .bind("at", at.toString())
                    .bind("note", "; confirmed as " + as.wire() + ", suggested " + d.type().wire())
                    .bind("from", d.from())
                    .bind("to", d.to())
                    .bind("type", d.type().wire())
                    .execute();
                event(h, d.from(), d.to(), as, MappingState.CONFIRMED, actor, at);
                changed++;
              }
              continue;
            }
            MappingState state = d.confirmed() ? MappingState.CONFIRMED : MappingState.REJECTED;
            changed += set(h, d.from(), d.to(), d.type(), state, actor, at);
          }
          return changed;
        });
  }

  private static boolean exists(Handle h, String from, String to, MappingType type) {
    return h.createQuery(
                "SELECT COUNT(*) FROM glossary_mapping WHERE from_term = :from AND to_term = :to"
                    + " AND type = :type")
            .bind("from", from)
            .bind("to", to)
            .bind("type", type.wire())
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** Puts one mapping in {@code state} with an event; 1 if it changed, 0 if not there or same. */
  private static int set(
      Handle h,
      String from,
      String to,
      MappingType type,
      MappingState state,
      String actor,
      Instant at) {
    int n =
        h.createUpdate(
                "UPDATE glossary_mapping SET state = :state, actor = :actor, decided_at = :at"
                    + " WHERE from_term = :from AND to_term = :to AND type = :type"
                    + " AND state <> :state")
            .bind("state", state.wire())
            .bind("actor", actor)
            .bind("at", at.toString())
            .bind("from", from)
            .bind("to", to)
            .bind("type", type.wire())
            .execute();
    if (n == 0) {
      return 0;
    }
    event(h, from, to, type, state, actor, at);
    return 1;
  }

  private static void event(
      Handle h,
      String from,
      String to,
      MappingType type,
      MappingState state,
      String actor,
      Instant at) {
    h.createUpdate(
            "INSERT INTO glossary_mapping_event (from_term, to_term, type, decision, actor, at)"
                + " VALUES (:from, :to, :type, :state, :actor, :at)")
        .bind("from", from)
        .bind("to", to)
        .bind("type", type.wire())
        .bind("state", state.wire())
        .bind("actor", actor)
        .bind("at", at.toString())
        .execute();
  }

  @Override
  public long version() {
    // Counts rather than the largest sequence number: a transaction holding a lower number may
    // commit after one holding a higher. Mappings are never deleted and events only appended, so
    // the sum grows with every offer of a new mapping and every decision.
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT (SELECT COUNT(*) FROM glossary_mapping)"
                        + " + (SELECT COUNT(*) FROM glossary_mapping_event)")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public List<MappingEvent> history(String term, int limit) {
    String where = term == null ? "" : " WHERE from_term = :term OR to_term = :term";
    return jdbi.withHandle(
        h -> {
          var q =
              h.createQuery(
                      "SELECT seq, from_term, to_term, type, decision, actor, at"
                          + " FROM glossary_mapping_event"
                          + where
                          + " ORDER BY seq DESC LIMIT :limit")
                  .bind("limit", limit);
          if (term != null) {
            q.bind("term", term);
          }
          return q.map(
                  (rs, ctx) ->
                      new MappingEvent(
                          rs.getLong("seq"),
                          rs.getString("from_term"),
                          rs.getString("to_term"),
                          MappingType.fromWire(rs.getString("type")),
                          MappingState.fromWire(rs.getString("decision")),
                          rs.getString("actor"),
                          Instant.parse(rs.getString("at"))))
              .list();
        });
  }
}
