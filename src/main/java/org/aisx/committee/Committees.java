package org.aisx.committee;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.aisx.store.Database;

/**
 * The register of technical committees: ISO's committees as its Open Data list describes them,
 * imported ({@code import iso_technical_committees.jsonl}) or bundled with the jar ({@link
 * #BUNDLED}, put into an empty register when the catalogue is seeded). A committee is named by its
 * reference in any spelling ({@link Committee#slugOf}).
 *
 * <p>The register is small (ISO's list has 785 committees) and read on every search page (the
 * committee facet's titles), so it is held in memory: read from the store once, read again after a
 * save made through it ({@link #saveAll}), and, on a shared database, after another node may have
 * saved ({@link #reloadIfOlderThan}, from the node's follower).
 */
public final class Committees {
  /** The register the jar bundles: ISO Open Data's list, without member lists, gzipped. */
  public static final String BUNDLED = "/committees/iso-committees.jsonl.gz";

  /** The source name of the bundled register. */
  public static final String BUNDLED_SOURCE = "iso-open-data";

  private final CommitteeStore store;
  private final LongSupplier nanoTime;

  /** The register as last read from the store; null until it is read, or after a save. */
  private volatile Register register;

  /**
   * How many times the register read from the store differed from the one read before it: a page
   * showing its titles is as old as this. A read that finds the same register (the periodic re-read
   * on a shared database) keeps it, so that kept pages and answers stay kept.
   */
  private volatile long version;

  /** The committees of the last read, to tell a changed register from the same one read again. */
  private List<Committee> lastRead;

  Committees(CommitteeStore store, LongSupplier nanoTime) {
    this.store = store;
    this.nanoTime = nanoTime;
  }

  /** The register kept in {@code db}'s {@code committee} table. */
  public static Committees overSql(Database db, ObjectMapper json) {
    return new Committees(new SqlCommitteeStore(db, json), System::nanoTime);
  }

  /** The register as read at one moment: by slug, by ISO's id, by parent, in order. */
  private record Register(
      List<Committee> all,
      Map<String, Committee> bySlug,
      Map<Long, Committee> byIsoId,
      Map<Long, List<Committee>> byParent,
      long readAt) {
    static Register of(List<Committee> all, long readAt) {
      Map<String, Committee> bySlug = new HashMap<>();
      Map<Long, Committee> byIsoId = new HashMap<>();
      Map<Long, List<Committee>> byParent = new HashMap<>();
      for (Committee c : all) { // in the register's order: the first of an id is the store's
        bySlug.put(c.slug(), c);
        if (c.isoId() != null) {
          byIsoId.putIfAbsent(c.isoId(), c);
        }
        if (c.parentId() != null) {
          byParent.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
        }
      }
      byParent.replaceAll((k, v) -> List.copyOf(v));
      return new Register(List.copyOf(all), bySlug, byIsoId, byParent, readAt);
    }
  }

  private Register register() {
    Register r = register;
    if (r == null) {
      synchronized (this) {
        r = register;
        if (r == null) {
          r = Register.of(store.all(), nanoTime.getAsLong());
          register = r;
          if (!r.all().equals(lastRead)) {
            lastRead = r.all();
            version++;
          }
        }
      }
    }
    return r;
  }

  /**
   * Saves {@code committees} (each replacing the entry of its slug, in one transaction) and reads
   * the register again at its next use; returns what happened to each, in order.
   */
  public List<CommitteeStore.Saved> saveAll(List<Committee> committees) {
    try {
      return store.saveAll(committees);
    } finally {
      synchronized (this) {
        register = null;
      }
    }
  }

  /**
   * Reads the register again at its next use when it was read more than {@code maxAgeNanos} ago: on
   * a shared database, another node may have imported a newer list.
   */
  public void reloadIfOlderThan(long maxAgeNanos) {
    Register r = register;
    if (r != null && nanoTime.getAsLong() - r.readAt() > maxAgeNanos) {
      synchronized (this) {
        if (register == r) {
          register = null;
        }
      }
    }
  }

  /**
   * How many times the register read from the store has changed: what is rendered from it (a search
   * page's committee titles) is as new as this.
   */
  public long version() {
    register();
    return version;
  }

  /** The committee named {@code reference} in any spelling (or its slug). */
  public Optional<Committee> find(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    String slug = Committee.slugOf(reference);
    return slug.isEmpty() ? Optional.empty() : Optional.ofNullable(register().bySlug().get(slug));
  }

  /** The title the register gives the committee named {@code reference}, when it has one. */
  public Optional<String> title(String reference) {
    return find(reference).map(Committee::title);
  }

  /** The committees of {@code references} the register has, by each reference as given. */
  public Map<String, Committee> findAll(Collection<String> references) {
    Map<String, Committee> bySlug = register().bySlug();
    Map<String, Committee> found = new LinkedHashMap<>();
    for (String r : references) {
      Committee c = r == null ? null : bySlug.get(Committee.slugOf(r));
      if (c != null) {
        found.put(r, c);
      }
    }
    return found;
  }

  /**
   * Whether the register says that the committees named {@code a} and {@code b} (any spelling) are
   * in liaison: either names the other among its committees in liaison.
   */
  public boolean inLiaison(String a, String b) {
    Optional<Committee> ca = find(a);
    Optional<Committee> cb = find(b);
    if (ca.isEmpty() || cb.isEmpty() || ca.get().slug().equals(cb.get().slug())) {
      return false;
    }
    return names(ca.get(), cb.get()) || names(cb.get(), ca.get());
  }

  private static boolean names(Committee c, Committee other) {
    for (String l : c.liaisons()) {
      if (Committee.slugOf(l).equals(other.slug())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The liaisons the register records among {@code references} (committees as records name them),
   * each pair once: for each committee, in the order given, those after it it is in liaison with; a
   * committee with none after it is left out.
   */
  public Map<String, List<String>> liaisonsAmong(List<String> references) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < references.size(); i++) {
      String a = references.get(i);
      List<String> with = new ArrayList<>();
      for (String b : references.subList(i + 1, references.size())) {
        if (inLiaison(a, b)) {
          with.add(b);
        }
      }
      if (!with.isEmpty()) {
        out.put(a, List.copyOf(with));
      }
    }
    return out;
  }

  /** The committee {@code c} belongs to, when the register has it. */
  public Optional<Committee> parent(Committee c) {
    return c.parentId() == null
        ? Optional.empty()
        : Optional.ofNullable(register().byIsoId().get(c.parentId()));
  }

  /**
   * The subcommittees (and the working groups the register lists) of {@code c}: those whose parent
   * it is, and those it names as its children, in the register's order.
   */
  public List<Committee> children(Committee c) {
    if (c.isoId() == null) {
      return List.of();
    }
    Register r = register();
    Map<String, Committee> out = new LinkedHashMap<>();
    r.byParent().getOrDefault(c.isoId(), List.of()).forEach(k -> out.put(k.slug(), k));
    Set<Long> found = new HashSet<>();
    out.values().forEach(k -> found.add(k.isoId()));
    for (Long id : c.childIds()) {
      Committee k = found.contains(id) ? null : r.byIsoId().get(id);
      if (k != null) {
        out.putIfAbsent(k.slug(), k);
      }
    }
    List<Committee> sorted = new ArrayList<>(out.values());
    sorted.sort(Comparator.comparing(Committee::sortKey).thenComparing(Committee::slug));
    return sorted;
  }

  public long count() {
    return register().all().size();
  }

  /** Every committee, in the register's order. */
  public List<Committee> all() {
    return register().all();
  }
}
