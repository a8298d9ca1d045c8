package org.aisx.classify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Suggestion;
import org.aisx.search.SearchIndex;
import org.aisx.semantic.Embedder;
import org.aisx.semantic.VectorFollower;
import org.aisx.semantic.Vectors;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.LiveTaxonomy;
import org.aisx.taxonomy.Taxonomy;
import org.aisx.taxonomy.TaxonomyChange;
import org.aisx.taxonomy.TaxonomySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Machine classification of the catalogue on the four taxonomy dimensions, and people's decisions
 * on it. Records are classified by the embedding job as soon as their vectors are current;
 * coordinators confirm suggestions (the concept moves into the record, with a history event) or
 * reject them (never suggested again for that record). Decisions become examples the classifier
 * learns from: the records close to a changed example are classified again in the background.
 */
public final class Classification implements VectorFollower, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Classification.class);

  /** How many of a changed example's nearest records are classified again. */
  static final int RELEARN_NEIGHBOURS = 200;

  private final CatalogStore store;
  private final Catalog catalog;
  private final Vectors vectors;
  private final SearchIndex index;
  private final Suggestions suggestions;
  private final TaxonomySource taxonomy;

  /**
   * The classifier of the current taxonomy; replaced when an edit changes what it classifies by.
   */
  private volatile Classifier classifier;

  /** How many records the last taxonomy edit that changed the classifier had classified again. */
  private final AtomicLong reclassifyTotal = new AtomicLong();

  /** The examples in use; null until first needed. */
  private volatile Map<String, Examples.Example> learned;

  /**
   * Records to classify again although their text did not change (their examples did), with the
   * generation of the examples that asked for it: a classification made with older examples does
   * not clear a newer request.
   */
  private final Map<String, Long> forced = new ConcurrentHashMap<>();

  /** Incremented each time the examples are rebuilt from people's decisions. */
  private final AtomicLong generations = new AtomicLong();

  /** Told the ids of records to classify again; set once by the app (the embedding job). */
  private volatile Consumer<Collection<String>> recheck = ids -> {};

  /**
   * Relearning reads every record (to find the classified ones), so it runs off the request thread,
   * one at a time; requests that arrive meanwhile fold into the next run.
   */
  private final ExecutorService relearning =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "classification-relearn");
            t.setDaemon(true);
            return t;
          });

  private final AtomicBoolean relearnQueued = new AtomicBoolean();
  private final AtomicInteger relearnsPending = new AtomicInteger();

  public Classification(
      CatalogStore store,
      Catalog catalog,
      Vectors vectors,
      SearchIndex index,
      Classifier classifier,
      Suggestions suggestions,
      TaxonomySource taxonomy) {
    this.store = store;
    this.catalog = catalog;
    this.vectors = vectors;
    this.index = index;
    this.classifier = classifier;
    this.suggestions = suggestions;
    this.taxonomy = taxonomy;
  }

  /** Where to send records that need classifying again (the embedding job's queue). */
  public void onRecheck(Consumer<Collection<String>> recheck) {
    this.recheck = recheck;
  }

  public Suggestions suggestions() {
    return suggestions;
  }

  /** Whether no relearning is under way or owed (for tests and operators). */
  public boolean settled() {
    return relearnsPending.get() == 0 && forced.isEmpty();
  }

  /** How far the classification of the catalogue by the current taxonomy has come. */
  public record Progress(long total, long remaining) {
    public boolean done() {
      return remaining == 0;
    }
  }

  /**
   * The reclassification a taxonomy edit started: the records it asked for, and those the current
   * classifier has not classified yet.
   */
  public Progress reclassification() {
    long remaining = Math.max(0, catalog.count() - suggestions.countAt(classifier.version()));
    return new Progress(Math.max(reclassifyTotal.get(), remaining), remaining);
  }

  /**
   * Follows a taxonomy edit: the suggestions of a retired concept are withdrawn at once (and their
   * records indexed again); when the edit changes what the classifier goes by (a concept added,
   * retired, renamed or defined in English, the language it reads), a classifier of the new version
   * replaces the old one and every record is classified again in the background by the embedding
   * job. A record is classified on all dimensions at once (the cross-sector vertical and the unsure
   * fallback weigh the other dimensions), so the whole record is redone, not one dimension.
   */
  public void taxonomyChanged(LiveTaxonomy.Changed changed) {
    TaxonomyChange change = changed.edit().change();
    Classifier next = classifier.forTaxonomy(changed.after());
    boolean reclassify = !next.version().equals(classifier.version());
    // The new classifier first: a batch finishing after the withdrawal below was made by the old
    // one, and its records are classified again by the new one.
    classifier = next;
    if (change.kind() == TaxonomyChange.Kind.RETIRE) {
      Set<String> withdrawn = suggestions.withdraw(change.dimension().id(), change.concept());
      withdrawn.forEach(catalog::reindex);
      if (!withdrawn.isEmpty()) {
        catalog.publish();
      }
    }
    if (!reclassify) {
      return;
    }
    relearnsPending.incrementAndGet();
    relearning.execute(
        () -> {
          try {
            List<String> ids = new ArrayList<>();
            store.forEach(s -> ids.add(s.id()));
            reclassifyTotal.set(ids.size());
            recheck.accept(ids);
          } catch (RuntimeException e) {
            // The next start's catch-up classifies every record the old classifier made.
            LOG.error("queueing the reclassification after a taxonomy edit failed: {}", e, e);
          } finally {
            relearnsPending.decrementAndGet();
          }
        });
  }

  @Override
  public boolean current(Standard record, String textHash) {
    return !forced.containsKey(record.id())
        && suggestions.current(record, textHash, classifier.version());
  }

  @Override
  public void follow(List<Embedded> batch) {
    long seen = generations.get(); // read before the examples: a newer generation stays forced
    Classifier classifier = this.classifier;
    Examples examples = new Examples(List.copyOf(learned().values()));
    List<Suggestions.Classified> out = new ArrayList<>();
    for (Embedded e : batch) {
      Map<String, List<Suggestion>> made =
          classifier.classify(
              e.record(), e.vector(), examples, suggestions.rejectedFor(e.record().id()));
      out.add(
          new Suggestions.Classified(e.record().id(), e.textHash(), classifier.version(), made));
    }
    suggestions.replaceAll(out);
    batch.forEach(e -> forced.computeIfPresent(e.record().id(), (id, g) -> g <= seen ? null : g));
  }

  /**
   * Stores the shipped classification of the bundled corpus ({@link BundledClassification}) when
   * this classifier made it; returns the records it covers.
   */
  public int loadBundled(com.fasterxml.jackson.databind.ObjectMapper json) throws IOException {
    return BundledClassification.load(suggestions, classifier, json);
  }

  /** The record with its current machine suggestions in place of any it carried. */
  public Standard withSuggestions(Standard record) {
    Map<String, List<Suggestion>> machine = suggestions.forRecord(record);
    if (machine.isEmpty()) {
      return record;
    }
    Map<String, List<Suggestion>> merged = new LinkedHashMap<>(record.suggestions());
    merged.putAll(machine);
    return record.toBuilder().suggestions(merged).build();
  }

  /**
   * Why a record carries a concept: people confirmed it ({@code suggestion} null; {@code
   * confirmedBy} names who did in review, null when the label came with the record), or the machine
   * suggests it ({@code suggestion} with its evidence sentence and words).
   */
  public record Reason(
      Dimension dimension, String concept, String confirmedBy, Suggestion suggestion) {
    public boolean confirmed() {
      return suggestion == null;
    }
  }

  /**
   * Why the record {@code recordId} matches {@code concept}: {@code confirmed} says whether the
   * concept is among its confirmed labels; otherwise its stored suggestion is the reason (empty
   * when it has none).
   */
  public Optional<Reason> why(
      String recordId, Dimension dimension, String concept, boolean confirmed) {
    if (confirmed) {
      return Optional.of(
          new Reason(
              dimension,
              concept,
              suggestions.confirmedBy(recordId, dimension.id(), concept).orElse(null),
              null));
    }
    return suggestions
        .stored(recordId, dimension.id(), concept)
        .map(s -> new Reason(dimension, concept, null, s));
  }

  /**
   * What a batch of decisions did: concepts newly confirmed, rejections newly recorded, the records
   * that changed, and the decisions that changed nothing ({@code unchanged}: a concept confirmed
   * already, a rejection recorded already or of a concept confirmed on the record, a decision
   * repeated in the batch).
   */
  public record Outcome(int confirmed, int rejected, int records, int unchanged) {
    public Outcome(int confirmed, int rejected, int records) {
      this(confirmed, rejected, records, 0);
    }
  }

  /**
   * Applies people's decisions: confirmed concepts are written into their records (one new revision
   * and a history event per record, by {@code actor}, all in one transaction); rejected ones are
   * recorded and dropped. Every decision is checked first, and a record that changed since it was
   * read fails the whole batch with a conflict, so a batch is applied whole or not at all; a batch
   * that confirms and rejects the same suggestion is refused naming the later decision. Only real
   * changes are made and counted: confirming a concept the record has already, rejecting one it was
   * rejected for already, and rejecting one the record carries confirmed (a label people confirmed
   * is removed by editing the record, not by rejecting a suggestion) change nothing and count as
   * {@link Outcome#unchanged}.
   */
  public Outcome decide(List<Suggestions.Decision> decisions, String actor) {
    if (decisions.isEmpty()) {
      throw new CatalogException.Invalid(
          "decisions", List.of(Problem.of("decisions", "problem.chooseOneSuggestion")));
    }
    Map<String, Standard> records = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    Taxonomy taxonomy = this.taxonomy.current();
    Map<String, Integer> firstOf = new HashMap<>();
    for (int i = 0; i < decisions.size(); i++) {
      Suggestions.Decision d = decisions.get(i);
      String field = "decisions[" + i + "]";
      Integer earlier = firstOf.putIfAbsent(key(d), i);
      if (earlier != null && decisions.get(earlier).confirmed() != d.confirmed()) {
        problems.add(
            new Problem(
                field,
                "confirms and rejects the same suggestion as decisions["
                    + earlier
                    + "] ("
                    + d.recordId()
                    + " "
                    + d.dimension()
                    + " "
                    + d.concept()
                    + "): decide it once"));
      }
      Dimension dim = Dimension.fromId(d.dimension()).orElse(null);
      if (dim == null) {
        problems.add(
            new Problem(field + ".dimension", "unknown dimension '" + d.dimension() + "'"));
      } else if (!taxonomy.contains(dim, d.concept())) {
        problems.add(
            new Problem(
                field + ".concept", "'" + d.concept() + "' is not a concept of " + dim.id()));
      } else if (d.confirmed() && taxonomy.retired(dim, d.concept())) {
        problems.add(new Problem(field + ".concept", "'" + d.concept() + "' is retired"));
      }
      if (!records.containsKey(d.recordId())) {
        Standard r = catalog.find(d.recordId()).orElse(null);
        if (r == null) {
          problems.add(new Problem(field + ".record", "no record '" + d.recordId() + "'"));
        } else {
          records.put(d.recordId(), r);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new CatalogException.Invalid("decisions", problems);
    }
    // What would change: each suggestion once, and not what is so already.
    List<Suggestions.Decision> real = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Suggestions.Decision d : decisions) {
      Standard r = records.get(d.recordId());
      boolean carried = r.concepts(d.dimension()).contains(d.concept());
      boolean changes =
          d.confirmed()
              ? !carried
              : !carried
                  && !suggestions
                      .rejectedFor(d.recordId())
                      .contains(d.dimension() + "/" + d.concept());
      if (seen.add(key(d)) && changes) {
        real.add(d);
      }
    }
    int unchanged = decisions.size() - real.size();
    if (real.isEmpty()) {
      return new Outcome(0, 0, 0, unchanged);
    }
    decisions = real;
    Set<String> touched = new LinkedHashSet<>();
    decisions.forEach(d -> touched.add(d.recordId()));
    records.keySet().retainAll(touched);
    Map<String, Double> scores = new HashMap<>();
    records
        .values()
        .forEach(
            r ->
                suggestions
                    .forRecord(r)
                    .forEach(
                        (dim, list) ->
                            list.forEach(
                                s ->
                                    scores.put(
                                        r.id() + "/" + dim + "/" + s.concept(), s.score()))));
    Map<String, Map<String, Set<String>>> confirm = new LinkedHashMap<>();
    int confirmed = 0;
    for (Suggestions.Decision d : decisions) {
      if (d.confirmed()) {
        confirm
            .computeIfAbsent(d.recordId(), k -> new TreeMap<>())
            .computeIfAbsent(d.dimension(), k -> new LinkedHashSet<>())
            .add(d.concept());
        confirmed++;
      }
    }
    List<Standard> updated = new ArrayList<>();
    Map<String, Integer> revisions = new HashMap<>();
    List<Suggestions.Decision> stored = decisions;
    confirm.forEach(
        (id, byDimension) -> {
          Standard r = records.get(id);
          updated.add(withConfirmed(r, byDimension));
          revisions.put(id, r.revision());
        });
    // The records and the decisions in one transaction (all or none), under the suggestions' lock
    // so that no classification lands between them; the lock order is suggestions, catalogue,
    // database, as for the embedding job. Then every touched record is indexed again, so the index
    // shows the decisions whatever order its queue met them in.
    synchronized (suggestions) {
      catalog.stageAll(
          updated,
          actor,
          "review",
          revisions,
          () -> suggestions.storeDecisions(stored, scores, actor));
      suggestions.forget(stored);
    }
    records.keySet().forEach(catalog::reindex);
    catalog.publish();
    relearnsPending.incrementAndGet();
    if (relearnQueued.compareAndSet(false, true)) {
      // execute, not submit: a Future nobody reads would swallow a failed relearn without a trace.
      relearning.execute(
          () -> {
            // Cleared first: a decision counted after the read below queues a run of its own.
            relearnQueued.set(false);
            int folded = relearnsPending.get();
            try {
              relearn();
            } catch (RuntimeException e) {
              // The decisions are stored; the next decision relearns from all of them again.
              LOG.error("relearning from review decisions failed: {}", e.toString(), e);
            } finally {
              relearnsPending.addAndGet(-folded);
            }
          });
    }
    return new Outcome(confirmed, decisions.size() - confirmed, records.size(), unchanged);
  }

  /** A decision's suggestion: record, dimension and concept. */
  private static String key(Suggestions.Decision d) {
    return d.recordId() + "\u0000" + d.dimension() + "\u0000" + d.concept();
  }

  private static Standard withConfirmed(Standard r, Map<String, Set<String>> byDimension) {
    Standard.Builder b = r.toBuilder();
    byDimension.forEach(
        (dim, concepts) -> {
          List<String> list = new ArrayList<>(r.concepts(dim));
          for (String c : concepts) {
            if (!list.contains(c)) {
              list.add(c);
            }
          }
          switch (Dimension.fromId(dim).orElseThrow()) {
            case VERTICAL -> b.verticals(list);
            case ACTIVITY -> b.activities(list);
            case APPLICATION -> b.applications(list);
            case CONCERN -> b.concerns(list);
          }
        });
    return b.build();
  }

  @Override
  public void close() {
    relearning.shutdownNow();
    try {
      // A relearning pass may be embedding (native code): let it stop before the store closes.
      relearning.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Rebuilds the examples from people's decisions; the records near an example that changed are
   * classified again (the example itself among them).
   */
  void relearn() {
    Map<String, Examples.Example> before;
    Map<String, Examples.Example> now;
    // Under the lock of the lazy first build, so that an older build cannot overwrite this one.
    synchronized (this) {
      before = learned;
      now = buildExamples();
      learned = now;
    }
    long generation = generations.incrementAndGet();
    if (before == null) {
      return;
    }
    Set<String> changed = new HashSet<>();
    now.forEach(
        (id, e) -> {
          if (!e.sameLabels(before.get(id))) {
            changed.add(id);
          }
        });
    before.keySet().stream().filter(id -> !now.containsKey(id)).forEach(changed::add);
    Set<String> affected = new LinkedHashSet<>();
    for (String id : changed) {
      Examples.Example e = now.containsKey(id) ? now.get(id) : before.get(id);
      affected.add(id);
      index.nearest(e.vector(), RELEARN_NEIGHBOURS, id).stream()
          .filter(n -> n.similarity() > Examples.FLOOR)
          .forEach(n -> affected.add(n.hit().id()));
    }
    if (!affected.isEmpty()) {
      affected.forEach(id -> forced.put(id, generation));
      recheck.accept(affected);
    }
  }

  private Map<String, Examples.Example> learned() {
    Map<String, Examples.Example> l = learned;
    if (l == null) {
      synchronized (this) {
        l = learned;
        if (l == null) {
          l = buildExamples();
          learned = l;
        }
      }
    }
    return l;
  }

  /** Every record people classified, with its vector (records without one yet are left out). */
  private Map<String, Examples.Example> buildExamples() {
    Map<String, Set<String>> rejected = suggestions.allRejected();
    Map<String, Examples.Example> out = new LinkedHashMap<>();
    store.forEach(
        s -> {
          Map<Dimension, Set<String>> yes = new HashMap<>();
          for (Dimension d : Dimension.values()) {
            List<String> c = s.concepts(d.id());
            if (!c.isEmpty()) {
              yes.put(d, new TreeSet<>(c));
            }
          }
          Map<Dimension, Set<String>> no = new HashMap<>();
          for (String key : rejected.getOrDefault(s.id(), Set.of())) {
            String[] parts = key.split("/", 2);
            Dimension.fromId(parts[0])
                .ifPresent(d -> no.computeIfAbsent(d, k -> new TreeSet<>()).add(parts[1]));
          }
          if (yes.isEmpty() && no.isEmpty()) {
            return;
          }
          float[] v = vectors.find(s.id(), Embedder.hash(Embedder.textOf(s))).orElse(null);
          if (v != null) {
            out.put(s.id(), new Examples.Example(s.id(), v, yes, no));
          }
        });
    return out;
  }
}
