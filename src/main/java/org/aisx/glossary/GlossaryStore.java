package org.aisx.glossary;

import java.time.Instant;
import java.util.List;

/** Where mappings between glossary terms, and the decisions on them, are kept. */
public interface GlossaryStore {
  /**
   * Stores machine suggestions: a new one as pending; a pending one already there takes the new
   * score and evidence; a decided one keeps its decision (a rejected mapping is never suggested
   * again). Returns how many were new.
   */
  int offer(List<Suggested> suggestions);

  /** Every stored mapping. */
  List<Mapping> all();

  /**
   * Records the decisions, each with a history event, in one transaction; a decision naming no
   * stored mapping, or one already in that state, changes nothing. Returns how many changed.
   */
  int decide(List<MappingDecision> decisions, String actor, Instant at);

  /** The history of decisions newest first, on mappings touching {@code term} (all when null). */
  List<MappingEvent> history(String term, int limit);

  /**
   * A figure that grows whenever a mapping is stored anew or decided, through whichever node: so a
   * node holding the mappings in memory sees when another node has changed them.
   */
  long version();
}
