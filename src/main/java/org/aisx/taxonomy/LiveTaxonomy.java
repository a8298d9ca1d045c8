package org.aisx.taxonomy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The running service's taxonomy: the bundled vocabularies with the committee's edits from the
 * store replayed on top. Readers take {@link #current()}, one immutable snapshot, swapped in this
 * one place when an edit is applied; every earlier version stays available ({@link #at(int)}) with
 * who changed what and when ({@link #history()}). Edits are applied one at a time.
 */
public final class LiveTaxonomy implements TaxonomySource {
  private final TaxonomyStore store;
  private final Clock clock;
  private final List<Consumer<Changed>> listeners = new CopyOnWriteArrayList<>();

  /** Every version so far, index = version number; replaced whole, never changed in place. */
  private volatile Versions versions;

  /** The versions and the edits that made them (edits.get(i) made version i + 1). */
  private record Versions(List<Taxonomy> taxonomies, List<Version> edits) {
    Taxonomy current() {
      return taxonomies.get(taxonomies.size() - 1);
    }
  }

  /** One edit as history shows it: the stored edit and what it changed. */
  public record Version(TaxonomyEdit edit, List<Taxonomy.Difference> differences) {}

  /** What listeners are told after an edit: the versions before and after, and the edit. */
  public record Changed(Taxonomy before, Taxonomy after, TaxonomyEdit edit) {}

  public LiveTaxonomy(Taxonomy bundled, TaxonomyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.versions = replay(new Versions(List.of(bundled), List.of()), store.since(0));
  }

  /**
   * {@code from} with {@code edits} applied; a stored edit that no longer applies stops start-up.
   */
  private static Versions replay(Versions from, List<TaxonomyEdit> edits) {
    List<Taxonomy> taxonomies = new ArrayList<>(from.taxonomies());
    List<Version> done = new ArrayList<>(from.edits());
    for (TaxonomyEdit e : edits) {
      Taxonomy last = taxonomies.get(taxonomies.size() - 1);
      if (e.version() != last.version() + 1) {
        throw new IllegalStateException(
            "taxonomy edit " + e.version() + " follows version " + last.version());
      }
      Taxonomy.Step step;
      try {
        step = last.apply(e.change());
      } catch (TaxonomyException ex) {
        throw new IllegalStateException(
            "taxonomy edit " + e.version() + " no longer applies: " + ex.getMessage(), ex);
      }
      taxonomies.add(step.next());
      done.add(new Version(e, step.differences()));
    }
    return new Versions(List.copyOf(taxonomies), List.copyOf(done));
  }

  @Override
  public Taxonomy current() {
    return versions.current();
  }

  /** Version {@code version}; {@link TaxonomyException.Unknown} when there is none. */
  public Taxonomy at(int version) {
    List<Taxonomy> all = versions.taxonomies();
    if (version < 0 || version >= all.size()) {
      // Named as the request gives it (?version=), with the versions there are: 0 is the bundled
      // one, the last the current one.
      throw new TaxonomyException.Unknown(
          "taxonomy version " + version,
          org.aisx.catalog.Problem.of(
              "version",
              "problem.noTaxonomyVersion",
              String.valueOf(version),
              String.valueOf(all.size() - 1)));
    }
    return all.get(version);
  }

  /** Every edit, newest first. */
  public List<Version> history() {
    List<Version> out = new ArrayList<>(versions.edits());
    java.util.Collections.reverse(out);
    return out;
  }

  /** Tells {@code listener} of every edit from now on, after it is in place. */
  public void onChange(Consumer<Changed> listener) {
    listeners.add(listener);
  }

  /**
   * Applies {@code change} by {@code actor}: stores it as the next version and swaps it in. {@code
   * basedOn} (may be null) is the version the editor saw: an edit based on an older one is refused
   * ({@link TaxonomyException.Stale}), as is one another process stored first.
   */
  public synchronized Version apply(TaxonomyChange change, String actor, Integer basedOn) {
    Versions now = replay(versions, store.since(versions.current().version()));
    versions = now;
    Taxonomy before = now.current();
    if (basedOn != null && basedOn != before.version()) {
      throw new TaxonomyException.Stale(basedOn, before.version());
    }
    Taxonomy.Step step = before.apply(change);
    TaxonomyEdit edit = new TaxonomyEdit(step.next().version(), clock.instant(), actor, change);
    if (!store.append(edit)) {
      versions = replay(now, store.since(before.version()));
      throw new TaxonomyException.Stale(before.version(), versions.current().version());
    }
    Version done = new Version(edit, step.differences());
    List<Taxonomy> taxonomies = new ArrayList<>(now.taxonomies());
    taxonomies.add(step.next());
    List<Version> edits = new ArrayList<>(now.edits());
    edits.add(done);
    versions = new Versions(List.copyOf(taxonomies), List.copyOf(edits));
    Changed changed = new Changed(before, step.next(), edit);
    listeners.forEach(l -> l.accept(changed));
    return done;
  }
}
