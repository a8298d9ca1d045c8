package org.aisx.ingest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Standard;

/**
 * Builds the bundled starter corpus of real AI records from the three Relaton feeds:
 *
 * <ul>
 *   <li>relaton-iec: every record of ISO/IEC JTC 1/SC 42, whatever its status;
 *   <li>relaton-itu-t: the ITU-T Y.31xx Recommendations whose title or abstract, in any edition,
 *       mentions machine learning, artificial intelligence, "ML" or "AI" (whole words, the
 *       abbreviations in capitals), with all their editions, amendments and corrigenda;
 *   <li>relaton-ieee: IEEE 7000 to 7099 and their P-drafts, all editions.
 * </ul>
 *
 * <p>Usage: {@code StarterCorpus DATA_DIR OUTPUT.json}. Writes {@code {"format": "aisx-json",
 * "version": 1, ...}} with the records sorted by id, and prints counts to stderr.
 */
public final class StarterCorpus {
  static final String ATTRIBUTION =
      "Metadata from the Relaton data repositories (relaton/relaton-data-iec,"
          + " relaton/relaton-data-itu, ietf-tools/relaton-data-ieee), harvested from the bodies'"
          + " public catalogues; abstracts belong to their publishers.";

  static final String SC42 = "ISO/IEC JTC 1/SC 42";
  private static final Pattern ITU_Y31 = Pattern.compile("^ITU-T (Y\\.31\\d{2})(?![0-9])");
  private static final Pattern AI_MENTION =
      Pattern.compile(
          "(?i:\\bmachine[- ]learning\\b|\\bartificial[- ]intelligence\\b)|\\bML\\b|\\bAI\\b");
  private static final Pattern IEEE_70XX =
      Pattern.compile("^IEEE (?:(?:Approved|Unapproved) )?P?70\\d{2}(?![0-9])");

  private StarterCorpus() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: StarterCorpus DATA_DIR OUTPUT.json");
      System.exit(2);
    }
    int written = build(Path.of(args[0]), Path.of(args[1]), System.err);
    System.err.println("wrote " + written + " records to " + args[1]);
  }

  /** Reads the feeds under {@code dataDir}, writes {@code out}, returns the number of records. */
  static int build(Path dataDir, Path out, PrintStream log) throws IOException {
    // The three feeds are independent: read them side by side.
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<List<Standard>> iec =
          pool.submit(
              () ->
                  read(
                      dataDir.resolve("relaton-iec.yaml.gz"),
                      "relaton-iec",
                      s -> SC42.equals(s.committee()),
                      log));
      Future<List<Standard>> itu =
          pool.submit(
              () ->
                  read(
                      dataDir.resolve("relaton-itu-t.yaml.gz"),
                      "relaton-itu-t",
                      s -> ITU_Y31.matcher(s.identifier()).find(),
                      log));
      Future<List<Standard>> ieee =
          pool.submit(
              () ->
                  read(
                      dataDir.resolve("relaton-ieee.yaml.gz"),
                      "relaton-ieee",
                      s -> IEEE_70XX.matcher(s.identifier()).find(),
                      log));

      List<Standard> selected = new ArrayList<>(get(iec));
      List<Standard> y31 = get(itu);
      Set<String> aiRecommendations = new HashSet<>();
      for (Standard s : y31) {
        if (mentionsAi(s)) {
          aiRecommendations.add(recommendation(s));
        }
      }
      for (Standard s : y31) {
        if (aiRecommendations.contains(recommendation(s))) {
          selected.add(s);
        }
      }
      selected.addAll(get(ieee));

      List<Standard> records = deduplicate(selected, log);
      records.sort(Comparator.comparing(Standard::id));
      report(records, log);
      write(records, out);
      return records.size();
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T get(Future<T> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  static boolean mentionsAi(Standard s) {
    for (String text : s.title().values()) {
      if (AI_MENTION.matcher(text).find()) {
        return true;
      }
    }
    for (String text : s.summary().values()) {
      if (AI_MENTION.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  private static String recommendation(Standard s) {
    Matcher m = ITU_Y31.matcher(s.identifier());
    return m.find() ? m.group(1) : s.identifier();
  }

  private static List<Standard> read(
      Path file, String source, Predicate<Standard> keep, PrintStream log) throws IOException {
    List<Standard> kept = new ArrayList<>();
    int[] mapped = new int[1];
    List<String> rejected = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      new RelatonReader(source)
          .read(
              in,
              outcome -> {
                if (outcome instanceof RelatonReader.Outcome.Mapped m) {
                  mapped[0]++;
                  if (keep.test(m.standard())) {
                    kept.add(m.standard());
                  }
                } else if (outcome instanceof RelatonReader.Outcome.Rejected r) {
                  rejected.add("#" + r.recordNumber() + ": " + r.reason());
                }
              });
    }
    synchronized (log) {
      log.printf(
          "%s: %d records mapped, %d rejected, %d selected%n",
          source, mapped[0], rejected.size(), kept.size());
      rejected.stream().limit(20).forEach(r -> log.println("  rejected " + r));
    }
    return kept;
  }

  /** Keeps one record per id: the one published later, with a warning. */
  private static List<Standard> deduplicate(List<Standard> records, PrintStream log) {
    Map<String, Standard> byId = new LinkedHashMap<>();
    for (Standard s : records) {
      Standard other = byId.get(s.id());
      if (other == null) {
        byId.put(s.id(), s);
        continue;
      }
      Standard keep =
          String.valueOf(s.published()).compareTo(String.valueOf(other.published())) > 0
              ? s
              : other;
      log.printf(
          "warning: %s and %s share the id %s; keeping the one published %s%n",
          other.identifier(), s.identifier(), s.id(), keep.published());
      byId.put(s.id(), keep);
    }
    return new ArrayList<>(byId.values());
  }

  private static void report(List<Standard> records, PrintStream log) {
    Map<String, Integer> bySdo = new TreeMap<>();
    Map<String, Integer> byStatus = new TreeMap<>();
    for (Standard s : records) {
      bySdo.merge(String.valueOf(s.sdo()), 1, Integer::sum);
      byStatus.merge(s.status() == null ? "null" : s.status().wire(), 1, Integer::sum);
    }
    log.println("per body:   " + bySdo);
    log.println("per status: " + byStatus);
  }

  @JsonPropertyOrder({"format", "version", "generated", "attribution", "records"})
  record Envelope(
      String format, int version, String generated, String attribution, List<Standard> records) {}

  private static void write(List<Standard> records, Path out) throws IOException {
    Envelope envelope =
        new Envelope(
            "aisx-json", 1, LocalDate.now(ZoneOffset.UTC).toString(), ATTRIBUTION, records);
    ObjectMapper json =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Standard's maps are Map.copyOf copies, whose order changes from run to run.
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".starter", ".json");
    try (OutputStream os = Files.newOutputStream(tmp)) {
      json.writeValue(os, envelope);
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
  }
}
