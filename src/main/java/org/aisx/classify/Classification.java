package org.aisx.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.Problem;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Suggestion;
import org.aisx.semantic.Embedder;
import org.aisx.semantic.VectorFollower;
import org.aisx.semantic.Vectors;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;

/**
 * Machine classification of the catalogue on the four taxonomy dimensions, and people's decisions
 * on it. Records are classified by the embedding job as soon as their vectors are current;
 * coordinators confirm suggestions (the concept moves into the record, with a history event) or
 * reject them (never suggested again for that record). Decisions become examples the classifier
 * learns from, so each one leads to the catalogue being classified again in the background.
 */
public final class Classification implements VectorFollower, AutoCloseable {
  private final CatalogStore store;
  private final Catalog catalog;
  private final Vectors vectors;
  private final Classifier classifier;
  private final Suggestions suggestions;
  private final Taxonomy taxonomy;

  /** The examples in use and their fingerprint; null until first needed. */
  private volatile Learned learned;

  /** Told the ids of records to classify again when the examples change; set once by the app. */
  private volatile Consumer<Collection<String>> recheck = ids -> {};

  private record Learned(Examples examples, String fingerprint) {}

  /**
   * Relearning reads every record (to find the classified ones), so it runs off the request thread,
   * one at a time; requests that arrive meanwhile fold into the next run.
   */
  private final java.util.concurrent.ExecutorService relearning =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "classification-relearn");
            t.setDaemon(true);
            return t;
          });

  private final java.util.concurrent.atomic.AtomicBoolean relearnQueued =
      new java.util.concurrent.atomic.AtomicBoolean();

  public Classification(
      CatalogStore store,
      Catalog catalog,
      Vectors vectors,
      Classifier classifier,
      Suggestions suggestions,
      Taxonomy taxonomy) {
    this.store = store;
    this.catalog = catalog;
    this.vectors = vectors;
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

  /** The classifier version, including the examples it learned from. */
  String version() {
    return classifier.version() + "/" + learned().fingerprint();
  }

  @Override
  public boolean current(Standard record, String textHash) {
    return suggestions.current(record, textHash, version());
  }

  @Override
  public void follow(List<Embedded> batch) {
    Learned l = learned();
    String version = classifier.version() + "/" + l.fingerprint();
    List<Suggestions.Classified> out = new ArrayList<>();
    for (Embedded e : batch) {
      Map<String, List<Suggestion>> made =
          classifier.classify(
              e.record(), e.vector(), l.examples(), suggestions.rejectedFor(e.record().id()));
      out.add(new Suggestions.Classified(e.record().id(), e.textHash(), version, made));
    }
    suggestions.replaceAll(out);
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

  /** What a batch of decisions did. */
  public record Outcome(int confirmed, int rejected, int records) {}

  /**
   * Applies people's decisions: confirmed concepts are written into their records (one new revision
   * and a history event per record, by {@code actor}); rejected ones are recorded and dropped.
   * Every decision is checked first, so a batch with one bad decision changes nothing.
   */
  public Outcome decide(List<Suggestions.Decision> decisions, String actor) {
    if (decisions.isEmpty()) {
      throw new CatalogException.Invalid(
          "decisions", List.of(new Problem("decisions", "choose at least one suggestion")));
    }
    Map<String, Standard> records = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < decisions.size(); i++) {
      Suggestions.Decision d = decisions.get(i);
      String field = "decisions[" + i + "]";
      Dimension dim = Dimension.fromId(d.dimension()).orElse(null);
      if (dim == null) {
        problems.add(
            new Problem(field + ".dimension", "unknown dimension '" + d.dimension() + "'"));
      } else if (!taxonomy.contains(dim, d.concept())) {
        problems.add(
            new Problem(
                field + ".concept", "'" + d.concept() + "' is not a concept of " + dim.id()));
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
    // Records first (each at the revision it was read at), then the decisions.
    confirm.forEach(
        (id, byDimension) -> {
          Standard r = records.get(id);
          catalog.save(withConfirmed(r, byDimension), actor, "review", r.revision());
        });
    suggestions.decided(decisions, scores, actor);
    for (String id : records.keySet()) {
      if (!confirm.containsKey(id)) {
        catalog.reindex(id);
      }
    }
    catalog.publish();
    if (relearnQueued.compareAndSet(false, true)) {
      relearning.submit(
          () -> {
            relearnQueued.set(false);
            relearn();
          });
    }
    return new Outcome(confirmed, decisions.size() - confirmed, records.size());
  }

  private static Standard withConfirmed(Standard r, Map<String, Set<String>> byDimension) {
    Standard.Builder b = r.toBuilder();
    byDimension.forEach(
        (dim, concepts) -> {
          List<String> list = new ArrayList<>(Suggestions.confirmed(r, dim));
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
  }

  /** Rebuilds the examples from people's decisions and, if they changed, reclassifies. */
  void relearn() {
    Learned before = learned;
    Learned now = buildExamples();
    learned = now;
    if (before == null || !before.fingerprint().equals(now.fingerprint())) {
      List<String> ids = new ArrayList<>();
      store.forEach(s -> ids.add(s.id()));
      recheck.accept(ids);
    }
  }

  private Learned learned() {
    Learned l = learned;
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
  private Learned buildExamples() {
    Map<String, Set<String>> rejected = suggestions.allRejected();
    List<Examples.Example> list = new ArrayList<>();
    StringBuilder print = new StringBuilder();
    store.forEach(
        s -> {
          Map<Dimension, Set<String>> yes = new HashMap<>();
          for (Dimension d : Dimension.values()) {
            List<String> c = Suggestions.confirmed(s, d.id());
            if (!c.isEmpty()) {
              yes.put(d, Set.copyOf(c));
            }
          }
          Map<Dimension, Set<String>> no = new HashMap<>();
          for (String key : rejected.getOrDefault(s.id(), Set.of())) {
            String[] parts = key.split("/", 2);
            Dimension.fromId(parts[0])
                .ifPresent(d -> no.computeIfAbsent(d, k -> new LinkedHashSet<>()).add(parts[1]));
          }
          if (yes.isEmpty() && no.isEmpty()) {
            return;
          }
          float[] v = vectors.find(s.id(), Embedder.hash(Embedder.textOf(s))).orElse(null);
          if (v == null) {
            return;
          }
          list.add(new Examples.Example(s.id(), v, yes, no));
          print.append(s.id()).append(new TreeMap<>(yes)).append(new TreeMap<>(no)).append('\n');
        });
    String fingerprint =
        list.isEmpty() ? "0" : list.size() + "-" + Embedder.hash(print.toString()).substring(0, 12);
    return new Learned(new Examples(list), fingerprint);
  }
}
