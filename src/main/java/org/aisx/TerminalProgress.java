package org.aisx;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import org.aisx.ingest.ImportProgress;
import org.aisx.ingest.ImportStep;

/**
 * Progress on a terminal: one line rewritten in place with count, rate and, when the total is
 * known, percentage and time left. Off a terminal it prints a line every few seconds instead. An
 * import's steps are each said on a line of their own, and its line counts the records processed
 * and says how much of the input is read, without a time left (the reading runs ahead of the
 * writing, and the finishing steps count nothing).
 */
final class TerminalProgress implements ImportProgress {
  private final PrintStream out;
  private final boolean terminal;
  private String task = "";
  private long total = -1;
  private long startNanos;
  private long lastPrint;
  private boolean importing;
  private long processed;
  private long processedOf = -1;

  TerminalProgress(PrintStream out) {
    this.out = out;
    this.terminal = System.console() != null;
  }

  @Override
  public void start(String task, long total) {
    this.task = task;
    this.total = total;
    this.startNanos = System.nanoTime();
    this.lastPrint = 0;
    this.importing = false;
    out.println(task + (total >= 0 ? " (" + total + ")" : "") + " ...");
  }

  @Override
  public void step(ImportStep step) {
    importing = true;
    out.println((terminal ? "\r" : "") + task + ": " + step.describe() + " ...");
  }

  @Override
  public void processed(long processed, long total) {
    this.processed = processed;
    this.processedOf = total;
  }

  @Override
  public void advance(long done, long items) {
    long now = System.nanoTime();
    long interval = terminal ? 200_000_000L : 5_000_000_000L;
    if (now - lastPrint < interval) {
      return;
    }
    lastPrint = now;
    double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
    StringBuilder line = new StringBuilder(task).append(": ").append(items).append(" records");
    line.append(String.format(Locale.ROOT, ", %.0f/s", items / seconds));
    if (importing) {
      line.append(" read, ").append(processed);
      if (processedOf >= 0) {
        line.append(" of ").append(processedOf);
      }
      line.append(" processed");
      if (total > 0) {
        line.append(
            String.format(
                Locale.ROOT,
                ", %d%% of the input read",
                (int) (Math.min(1.0, (double) done / total) * 100)));
      }
    } else if (total > 0 && done > 0) {
      double fraction = Math.min(1.0, (double) done / total);
      long left = (long) (seconds * (1 - fraction) / fraction);
      line.append(
          String.format(
              Locale.ROOT,
              ", %d%%, %s left",
              (int) (fraction * 100),
              format(Duration.ofSeconds(left))));
    }
    if (terminal) {
      out.print("\r" + line + "   ");
    } else {
      out.println(line);
    }
  }

  @Override
  public void finish(String summary) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    out.println(
        (terminal ? "\r" : "")
            + task
            + " done in "
            + String.format(Locale.ROOT, "%.1f s", seconds)
            + ": "
            + summary);
  }

  private static String format(Duration d) {
    return d.toHours() > 0
        ? String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
        : String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
  }
}
