package org.aisx.learn;

import java.util.ArrayList;
import java.util.List;
import org.aisx.catalog.Problem;

/**
 * What an import of resources did: how many were created, updated and left unchanged, and each
 * rejected line or record with its problems (each naming its field). A rejection never stops the
 * rest, and never removes or changes a stored resource.
 */
public final class ImportReport {
  /** One rejected line (CSV) or record (JSON), where it starts, and why. */
  public record Rejection(int line, String id, List<Problem> problems) {
    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("line " + line);
      if (id != null) {
        out.append(" (").append(id).append(')');
      }
      out.append(": ");
      for (int i = 0; i < problems.size(); i++) {
        if (i > 0) {
          out.append("; ");
        }
        out.append(problems.get(i).field()).append(": ").append(problems.get(i).problem());
      }
      return out.toString();
    }
  }

  private int created;
  private int updated;
  private int unchanged;
  private final List<Rejection> rejections = new ArrayList<>();

  void count(SaveOutcome outcome) {
    switch (outcome) {
      case CREATED -> created++;
      case UPDATED -> updated++;
      case UNCHANGED -> unchanged++;
    }
  }

  void reject(int line, String id, List<Problem> problems) {
    rejections.add(new Rejection(line, id, List.copyOf(problems)));
  }

  public int created() {
    return created;
  }

  public int updated() {
    return updated;
  }

  public int unchanged() {
    return unchanged;
  }

  public List<Rejection> rejections() {
    return List.copyOf(rejections);
  }

  @Override
  public String toString() {
    StringBuilder out =
        new StringBuilder(
            "created "
                + created
                + ", updated "
                + updated
                + ", unchanged "
                + unchanged
                + ", rejected "
                + rejections.size());
    rejections.forEach(r -> out.append('\n').append("  ").append(r));
    return out.toString();
  }
}
