package org.aisx.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aisx.catalog.Problem;

/**
 * What an import did: counts per outcome and every rejection with where it was and why; the copies
 * of one edition a feed gives twice, folded into one record, with their class; and what a newer
 * feed changed: statuses that moved, fields that changed, drafts whose standard appeared.
 */
public final class ImportSummary {
  private int created;
  private int updated;
  private int unchanged;
  private int superseded;
  private int adopting;
  private int committeesCreated;
  private int committeesUpdated;
  private int committeesUnchanged;
  private final List<Rejection> rejections = new ArrayList<>();
  private final List<Rejection> duplicates = new ArrayList<>();
  private final List<Rejection> olderHarvests = new ArrayList<>();
  private final Map<String, Integer> olderHarvestClasses = new TreeMap<>();
  private org.aisx.editions.Editions.Report editions;
  private final Map<String, Integer> duplicateClasses = new TreeMap<>();
  private final Map<String, Integer> statusMoves = new TreeMap<>();
  private final Map<String, Integer> changedFields = new TreeMap<>();
  private final List<String> draftsPublished = new ArrayList<>();
  private final List<String> keptReviewed = new ArrayList<>();
  private final Set<String> notReadToTheEnd = new LinkedHashSet<>();

  /**
   * A record that was not imported: the file, its record number or line, and the reason; {@code
   * problems}, when not empty, are the reason as the bundles can say it (a page says them in its
   * language), {@code reason} being their English.
   */
  public record Rejection(String file, String where, String reason, List<Problem> problems) {
    public Rejection {
      problems = List.copyOf(problems);
    }

    public Rejection(String file, String where, String reason) {
      this(file, where, reason, List.of());
    }

    @Override
    public String toString() {
      return file + " " + where + ": " + reason;
    }
  }

  void created() {
    created++;
  }

  void updated() {
    updated++;
  }

  void unchanged() {
    unchanged++;
  }

  /** A committee of a register (ISO's committees list) was saved with {@code outcome}. */
  void committee(org.aisx.committee.CommitteeStore.Saved outcome) {
    switch (outcome) {
      case CREATED -> committeesCreated++;
      case UPDATED -> committeesUpdated++;
      case UNCHANGED -> committeesUnchanged++;
    }
  }

  /** Committees added to the register (not records: {@link #createdCount}). */
  public int committeesCreatedCount() {
    return committeesCreated;
  }

  /** Committees of the register whose entry changed. */
  public int committeesUpdatedCount() {
    return committeesUpdated;
  }

  /** Committees of the register given again as they were. */
  public int committeesUnchangedCount() {
    return committeesUnchanged;
  }

  void editions(org.aisx.editions.Editions.Report report) {
    editions = report;
  }

  /** What the edition rules corrected after the import; null when they did not run. */
  public org.aisx.editions.Editions.Report editions() {
    return editions;
  }

  /**
   * Records saved earlier whose inferred status a newer edition of this import superseded, and
   * national standards found to adopt a record of this import (after the records themselves).
   */
  void settled(int superseded, int adopting) {
    this.superseded += superseded;
    this.adopting += adopting;
  }

  /** Records of the catalogue superseded by a newer edition this import brought. */
  public int supersededCount() {
    return superseded;
  }

  /** National standards of the catalogue found to adopt a standard this import brought. */
  public int adoptingCount() {
    return adopting;
  }

  /** A copy of an edition the record already has from this feed, folded in as {@code kind}. */
  void duplicate(String file, String where, String reason, String kind) {
    duplicates.add(new Rejection(file, where, reason));
    duplicateClasses.merge(kind, 1, Integer::sum);
  }

  /**
   * A record left as it was because the catalogue has it from a newer harvest of the same feed;
   * {@code kind} names both harvests.
   */
  void olderHarvest(String file, String where, String reason, String kind) {
    olderHarvests.add(new Rejection(file, where, reason));
    olderHarvestClasses.merge(kind, 1, Integer::sum);
  }

  /**
   * The records left out because the catalogue has them from a newer harvest of the same body's
   * catalogue (the 2024 snapshot of a feed imported after its 2025 snapshot); the reason names both
   * harvests.
   */
  public List<Rejection> olderHarvests() {
    return List.copyOf(olderHarvests);
  }

  /** How many records were left out as older harvests, by the two harvests. */
  public Map<String, Integer> olderHarvestClasses() {
    return java.util.Collections.unmodifiableMap(olderHarvestClasses);
  }

  /** A record's status moved from {@code from} to {@code to}. */
  void statusMoved(String from, String to) {
    statusMoves.merge(from + " → " + to, 1, Integer::sum);
  }

  /** A record's {@code field} changed. */
  void fieldChanged(String field) {
    changedFields.merge(field, 1, Integer::sum);
  }

  /**
   * A record whose {@code fields} people corrected and the feed still gives as they were before the
   * correction: kept as people decided ("ISO 66610:2025: title").
   */
  void keptReviewed(String identifier, List<String> fields) {
    keptReviewed.add(identifier + ": " + String.join(", ", fields));
  }

  /**
   * The records whose reviewed values this import left as people decided, though the feed gives the
   * values they corrected ("ISO 66610:2025: title"), in feed order.
   */
  public List<String> keptReviewed() {
    return List.copyOf(keptReviewed);
  }

  /** A draft whose standard this import added: "IEEE P3400/D-4-2024-07 → IEEE 3400-2025". */
  void draftPublished(String draft, String standard) {
    draftsPublished.add(draft + " → " + standard);
  }

  /**
   * The copies of an edition that a feed gives more than once (the same identifier), each folded
   * into the one record of that edition: the freshest harvest's copy is the record (see {@link
   * FeedOrigin#FRESHEST_FIRST}); the reason names both copies and what the other one said.
   */
  public List<Rejection> duplicates() {
    return List.copyOf(duplicates);
  }

  /** How many duplicates fell into each class (how the folded copy differed from the record). */
  public Map<String, Integer> duplicateClasses() {
    return java.util.Collections.unmodifiableMap(duplicateClasses);
  }

  /** Updated records by status move ("draft → in-force"). */
  public Map<String, Integer> statusMoves() {
    return java.util.Collections.unmodifiableMap(statusMoves);
  }

  /** Updated records by changed field (a record counts once per field). */
  public Map<String, Integer> changedFields() {
    return java.util.Collections.unmodifiableMap(changedFields);
  }

  /** Drafts whose standard this import added, "draft → standard", in feed order. */
  public List<String> draftsPublished() {
    return List.copyOf(draftsPublished);
  }

  public int statusesMoved() {
    return statusMoves.values().stream().mapToInt(Integer::intValue).sum();
  }

  void rejected(String file, String where, String reason) {
    rejections.add(new Rejection(file, where, reason));
  }

  /** A rejection whose reason is {@code problems} ({@code reason} their English). */
  void rejected(String file, String where, String reason, List<Problem> problems) {
    rejections.add(new Rejection(file, where, reason, problems));
  }

  /**
   * The input {@code file} was not imported to its end: its format was not recognised, it was cut
   * short or damaged, its header was refused, or nothing in it was a record of its format.
   */
  void notReadToTheEnd(String file) {
    notReadToTheEnd.add(file);
  }

  /** The inputs that were not imported to their end ({@link #notReadToTheEnd(String)}). */
  public Set<String> notReadToTheEnd() {
    return Collections.unmodifiableSet(notReadToTheEnd);
  }

  /**
   * Whether the import failed: an input was not read to its end, or records were refused and none
   * was saved. A rejected record among saved ones is not a failure (it never stops the batch).
   */
  public boolean failed() {
    return !notReadToTheEnd.isEmpty()
        || (!rejections.isEmpty() && created + updated + unchanged + duplicates.size() == 0);
  }

  public int createdCount() {
    return created;
  }

  public int updatedCount() {
    return updated;
  }

  public int unchangedCount() {
    return unchanged;
  }

  public List<Rejection> rejections() {
    return List.copyOf(rejections);
  }

  public int processed() {
    return created
        + updated
        + unchanged
        + rejections.size()
        + duplicates.size()
        + olderHarvests.size()
        + committeesCreated
        + committeesUpdated
        + committeesUnchanged;
  }

  @Override
  public String toString() {
    return "created "
        + created
        + ", updated "
        + updated
        + ", unchanged "
        + unchanged
        + ", rejected "
        + rejections.size()
        + (duplicates.isEmpty() ? "" : ", duplicates folded " + duplicates.size())
        + (olderHarvests.isEmpty() ? "" : ", skipped as older harvests " + olderHarvests.size())
        + (statusMoves.isEmpty() ? "" : ", statuses moved " + statusesMoved())
        + (draftsPublished.isEmpty() ? "" : ", drafts published " + draftsPublished.size())
        + (keptReviewed.isEmpty() ? "" : ", reviewed values kept " + keptReviewed.size())
        + (superseded == 0 ? "" : "; then " + superseded + " superseded by newer editions")
        + (adopting == 0 ? "" : "; " + adopting + " national adoptions found")
        + (editions == null || editions.written() == 0 ? "" : "; " + editions)
        + (committeesCreated + committeesUpdated + committeesUnchanged == 0
            ? ""
            : "; committees created "
                + committeesCreated
                + ", updated "
                + committeesUpdated
                + ", unchanged "
                + committeesUnchanged);
  }
}
