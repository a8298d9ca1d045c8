package org.aisx.ingest;

import java.util.ArrayList;
import java.util.List;

/** What an import did: counts per outcome and every rejection with where it was and why. */
public final class ImportSummary {
  private int created;
  private int updated;
  private int unchanged;
  private int superseded;
  private int adopting;
  private final List<Rejection> rejections = new ArrayList<>();
  private final List<Rejection> duplicates = new ArrayList<>();
  private org.aisx.editions.Editions.Report editions;

  /** Record id → where it first appeared in this import. */
  private final java.util.Map<String, String> firstSeen = new java.util.HashMap<>();

  /** A record that was not imported: the file, its record number or line, and the reason. */
  public record Rejection(String file, String where, String reason) {
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

  /**
   * Notes that {@code id} appears at {@code where}; returns where it appeared before in this
   * import, or null the first time.
   */
  String seen(String id, String where) {
    return firstSeen.putIfAbsent(id, where);
  }

  void duplicate(String file, String where, String reason) {
    duplicates.add(new Rejection(file, where, reason));
  }

  /** Later occurrences of an identifier already imported in this run: skipped, not applied. */
  public List<Rejection> duplicates() {
    return List.copyOf(duplicates);
  }

  void rejected(String file, String where, String reason) {
    rejections.add(new Rejection(file, where, reason));
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
    return created + updated + unchanged + rejections.size() + duplicates.size();
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
        + (duplicates.isEmpty() ? "" : ", duplicates skipped " + duplicates.size())
        + (superseded == 0 ? "" : "; then " + superseded + " superseded by newer editions")
        + (adopting == 0 ? "" : "; " + adopting + " national adoptions found")
        + (editions == null || editions.written() == 0 ? "" : "; " + editions);
  }
}
