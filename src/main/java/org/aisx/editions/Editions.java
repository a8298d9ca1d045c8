package org.aisx.editions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogStore;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;

/**
 * Keeps editions straight across the catalogue ({@link EditionRules}): after every import, one pass
 * over all records writes what the rules derive (replaced drafts, successors, identical texts,
 * amendment and corrigendum types) as ordinary revisions with history, actor {@value #ACTOR}. So
 * that importing the same feed again changes nothing, an import first {@link #reconcile}s each
 * incoming record with its stored version, keeping what the pass derived.
 */
public final class Editions {
  /** The actor of the revisions the pass writes. */
  public static final String ACTOR = "editions";

  private static final int CHUNK = 500;

  /** The relation types the pass adds. */
  private static final Set<RelationType> DERIVED =
      Set.of(RelationType.REPLACED_BY, RelationType.IDENTICAL);

  private final Catalog catalog;
  private final CatalogStore store;

  public Editions(Catalog catalog, CatalogStore store) {
    this.catalog = catalog;
    this.store = store;
  }

  /** What one pass changed: records written, and how many records each rule touched. */
  public record Report(int written, Map<String, Integer> byRule) {
    @Override
    public String toString() {
      return "editions: " + written + " records corrected" + (byRule.isEmpty() ? "" : " " + byRule);
    }
  }

  /**
   * {@code incoming} (from a feed) as it is to be saved over {@code stored} (null when new): typed
   * as an amendment or corrigendum when its identifier says so, and keeping what the pass derived
   * from the rest of the catalogue when the feed still says what it said before: a replaced or
   * inactive draft stays so, an edition marked superseded over its feed's "Active" stays
   * superseded, and the successor and identical-text links the pass added stay.
   */
  public Standard reconcile(Standard incoming, Standard stored) {
    Standard out = incoming;
    PublicationType type = EditionRules.typeOf(incoming);
    if (type != null) {
      out = out.toBuilder().type(type).build();
    }
    if (stored == null) {
      return out;
    }
    Status status = out.status();
    Status derived = stored.status();
    boolean keepStatus =
        (status == Status.DRAFT && derived == Status.REPLACED)
            || (status == Status.DRAFT && derived == Status.WITHDRAWN && EditionKey.isDraft(out))
            || (status == Status.IN_FORCE && derived == Status.SUPERSEDED)
            // a W3C latest version takes its edition's status (EditionRules, latestVersion)
            || (out.statusInferred()
                && derived != status
                && EditionRules.isW3cLatestVersion(out.identifier())
                && stored.relations().stream().anyMatch(r -> r.type() == RelationType.IDENTICAL));
    List<Relation> relations = new ArrayList<>();
    for (Relation r : out.relations()) {
      RelationType kept = r.type();
      // The pass retypes a link of any type to the next edition as replaced-by (EditionRules,
      // successors), and W3C's related link between a latest version and its edition as identical:
      // a link the stored record has only as the type the pass gave it stays so.
      boolean storedAsIs =
          stored.relations().stream()
              .anyMatch(s -> s.type() == r.type() && s.targetId().equals(r.targetId()));
      if (!DERIVED.contains(r.type()) && !storedAsIs) {
        for (Relation s : stored.relations()) {
          if (DERIVED.contains(s.type()) && s.targetId().equals(r.targetId())) {
            kept = s.type();
          }
        }
      }
      relations.add(kept == r.type() ? r : Relation.of(kept, r.target()));
    }
    for (Relation s : stored.relations()) {
      if (DERIVED.contains(s.type())
          && relations.stream()
              .noneMatch(r -> r.type() == s.type() && r.targetId().equals(s.targetId()))) {
        relations.add(s);
      }
    }
    if (!keepStatus && relations.equals(out.relations())) {
      return out;
    }
    return out.toBuilder().status(keepStatus ? derived : status).relations(relations).build();
  }

  /**
   * The W3C latest-version rule alone ({@link EditionRules}: a specification's undated latest
   * version and its dated edition of the same date linked as identical both ways, the related links
   * between them retyped, the undated record taking the edition's status when it was inferred) over
   * {@code records}: each record the rule changes, by id, as the rule changes it. Pure. A catalogue
   * stored before the rule is brought to it at upgrade ({@code store.W3cLatestVersionsJoined}); the
   * rule reads W3C's records only, so {@code records} need hold no others.
   */
  public static Map<String, Standard> w3cLatestVersions(Collection<Standard> records) {
    Map<String, Standard> byId = new HashMap<>();
    records.forEach(s -> byId.put(s.id(), s));
    Map<String, Standard> out = new LinkedHashMap<>();
    EditionRules.latestVersions(records).forEach((id, c) -> out.put(id, c.apply(byId.get(id))));
    return out;
  }

  /** Runs the rules over the whole catalogue and writes what they change. */
  public Report run() {
    List<Standard> slim = new ArrayList<>();
    store.forEach(s -> slim.add(slim(s)));
    Map<String, Correction> corrections = EditionRules.derive(slim);
    Map<String, Integer> byRule = new TreeMap<>();
    corrections.values().forEach(c -> c.rules().forEach(r -> byRule.merge(r, 1, Integer::sum)));
    List<String> ids = new ArrayList<>(corrections.keySet());
    int written = 0;
    for (int i = 0; i < ids.size(); i += CHUNK) {
      List<String> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
      List<Standard> changed = new ArrayList<>();
      catalog
          .findAll(chunk)
          .forEach(
              (id, s) -> {
                Standard c = corrections.get(id).apply(s);
                if (c != s) {
                  changed.add(c);
                }
              });
      written += changed.size();
      catalog.stageAll(changed, ACTOR, null);
    }
    if (written > 0) {
      catalog.publish();
    }
    return new Report(written, byRule);
  }

  /** What the rules read of a record, without its abstract and classification. */
  private static Standard slim(Standard s) {
    return s.toBuilder()
        .title(s.untitled() ? Map.of() : Map.of("en", s.titleIn("en")))
        .summary(Map.of())
        .keywords(List.of())
        .suggestions(Map.of())
        .useCases(List.of())
        .verticals(List.of())
        .activities(List.of())
        .applications(List.of())
        .concerns(List.of())
        .build();
  }
}
