package org.aisx.committee;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register of technical committees: ISO's committees as its Open Data list describes them,
 * imported ({@code import iso_technical_committees.jsonl}) or bundled with the jar ({@link
 * #BUNDLED}, put into an empty register when the catalogue is seeded). A committee is named by its
 * reference in any spelling ({@link Committee#slugOf}).
 */
public final class Committees {
  /** The register the jar bundles: ISO Open Data's list, without member lists, gzipped. */
  public static final String BUNDLED = "/committees/iso-committees.jsonl.gz";

  /** The source name of the bundled register. */
  public static final String BUNDLED_SOURCE = "iso-open-data";

  private final CommitteeStore store;

  public Committees(CommitteeStore store) {
    this.store = store;
  }

  public CommitteeStore store() {
    return store;
  }

  /** The committee named {@code reference} in any spelling (or its slug). */
  public Optional<Committee> find(String reference) {
    String slug = Committee.slugOf(reference);
    return slug.isEmpty() ? Optional.empty() : store.find(slug);
  }

  /** The committees of {@code references} the register has, by each reference as given. */
  public Map<String, Committee> findAll(Collection<String> references) {
    Map<String, String> slugs = new LinkedHashMap<>();
    for (String r : references) {
      if (r != null && !Committee.slugOf(r).isEmpty()) {
        slugs.put(r, Committee.slugOf(r));
      }
    }
    Map<String, Committee> bySlug = store.findAll(slugs.values());
    Map<String, Committee> found = new LinkedHashMap<>();
    slugs.forEach(
        (reference, slug) -> {
          Committee c = bySlug.get(slug);
          if (c != null) {
            found.put(reference, c);
          }
        });
    return found;
  }

  /** The committee {@code c} belongs to, when the register has it. */
  public Optional<Committee> parent(Committee c) {
    return c.parentId() == null ? Optional.empty() : store.byIsoId(c.parentId());
  }

  /**
   * The subcommittees (and the working groups the register lists) of {@code c}: those whose parent
   * it is, and those it names as its children, in the register's order.
   */
  public List<Committee> children(Committee c) {
    if (c.isoId() == null) {
      return List.of();
    }
    Map<String, Committee> out = new LinkedHashMap<>();
    store.children(c.isoId()).forEach(k -> out.put(k.slug(), k));
    java.util.Set<Long> found = new java.util.HashSet<>();
    out.values().forEach(k -> found.add(k.isoId()));
    for (Long id : c.childIds()) {
      if (!found.contains(id)) {
        store.byIsoId(id).ifPresent(k -> out.putIfAbsent(k.slug(), k));
      }
    }
    List<Committee> sorted = new ArrayList<>(out.values());
    sorted.sort(java.util.Comparator.comparing(Committee::sortKey).thenComparing(Committee::slug));
    return sorted;
  }

  public long count() {
    return store.count();
  }

  /** Every committee, in the register's order. */
  public List<Committee> all() {
    return store.all();
  }
}
