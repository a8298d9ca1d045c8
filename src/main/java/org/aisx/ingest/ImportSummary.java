package org.aisx.ingest;

import java.util.ArrayList;
import java.util.List;

/** What an import did: counts per outcome and every rejection with where it was and why. */
public final class ImportSummary {
  private int created;
  private int updated;
  private int unchanged;
  private final List<Rejection> rejections = new ArrayList<>();

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
    return created + updated + unchanged + rejections.size();
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
        + rejections.size();
  }
}
