package org.aisx.ingest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.FieldSources;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.classify.AiRelevance;
import org.aisx.taxonomy.Taxonomy;

/**
 * Builds the bundled AI corpus ({@code src/main/resources/corpus/starter.json}) from the public
 * feeds in {@code ../shared/data}: every record of relaton-itu-t, relaton-iec, relaton-iso,
 * relaton-ieee (the 2024 harvest, with the 2025 harvest relaton-ieee-2025 merged over it, see
 * {@link #mergeHarvests}), relaton-w3c, relaton-jis, relaton-ecma, the RFC index, NIST's technical
 * publications (RIS) and the EU AI Act map of CEN-CENELEC JTC 21 drafts that {@link AiRelevance}
 * judges to be about AI, with all their editions, plus every record of the previous corpus (so
 * nothing a user or a test relies on disappears).
 *
 * <pre>
 * AiCorpus DATA_DIR OUTPUT.json [--keep PREVIOUS.json|none]
 * AiCorpus --sample SEED DATA_DIR SAMPLE.csv SAMPLE-RECORDS.json
 * </pre>
 *
 * <p>Building:
 *
 * <ol>
 *   <li>the feeds are read side by side (about a minute);
 *   <li>each record is judged by {@link AiRelevance#judge};
 *   <li>editions: a record that the rule rejects is still kept when it is another edition of a
 *       publication the rule accepted: same publication number in the same feed (ITU-T "Y.3172",
 *       IEC "ISO/IEC 15938-17", IEEE "2894" for the standard and its P-drafts) and a similar title
 *       (half of the title words shared). Amendments and corrigenda never pull in their base
 *       document. The similar-title test is needed: IEEE reuses project numbers (P2815 is both a
 *       machine-learning fairness draft and a distribution-transformer terminal);
 *   <li>must-include: every id of the previous corpus ({@code --keep}, by default the output file
 *       as it is before this run) is kept, taken from the feeds, or carried over as it was when no
 *       feed has it any longer; {@code --keep none} builds from the rule alone;
 *   <li>every record goes through the catalogue's own validation ({@link StandardReader}); records
 *       it rejects are dropped and listed; the others are written as the feed readers mapped them,
 *       their texts cleaned once by the readers ({@link org.aisx.catalog.PlainText}), so that
 *       loading the corpus (a {@code json} import, which cleans its texts) leaves them as they are;
 *   <li>one record per id: when two feeds give the same id (IEEE republishes IEC standards), the
 *       record of the issuing body's own feed is kept;
 *   <li>the result is written sorted by id, as aisx-json with sorted keys, gzip-compressed when the
 *       output name ends with {@code .gz}; counts per body, status, source and rule go to stderr.
 * </ol>
 *
 * <p>The output is reproducible: the same feeds give the same bytes ({@code generated} is the date
 * of the newest feed file, not of the run).
 *
 * <p>{@code --sample} draws the labelled sample of {@code AiRelevanceTest}: seeded, stratified into
 * the records the rule accepts, the rejected records with AI-looking words ("near misses"), and all
 * the others; see {@link #sample}.
 */
public final class AiCorpus {
  static final String ATTRIBUTION =
      "Metadata from the Relaton data repositories (relaton/relaton-data-iec,"
          + " relaton/relaton-data-iso, relaton/relaton-data-itu, ietf-tools/relaton-data-ieee,"
          + " relaton/relaton-data-w3c, relaton/relaton-data-jis, relaton/relaton-data-ecma),"
          + " harvested from the bodies'"
          + " public catalogues, and from the RFC Editor's rfc-index.txt; abstracts belong to"
          + " their publishers. NIST technical publications: National Institute of Standards and"
          + " Technology (usnistgov/NIST-Tech-Pubs), not subject to copyright in the United"
          + " States. EU AI Act map of European standards: Adam Leon Smith, ai-act-standards.com,"
          + " CC BY 4.0.";

  /**
   * The feed files, by source name (the name each record carries in {@code source}). A name with a
   * trailing date is a newer harvest of the feed without it ({@link FieldSources#feedOf}:
   * relaton-ieee-2025 of relaton-ieee) and is merged over it ({@link #mergeHarvests}).
   */
  static final List<String> FEEDS =
      List.of(
          "relaton-iec",
          "relaton-iso",
          "relaton-itu-t",
          "relaton-ieee",
          "relaton-ieee-2025",
          "relaton-w3c",
          "relaton-jis",
          "relaton-ecma",
          "rfc-index",
          "nist-techpubs",
          "ai-act-standards");

  /** A feed's file in the data directory. */
  static Path feedFile(Path dataDir, String source) {
    return switch (source) {
      case "rfc-index" -> dataDir.resolve("rfc-index.txt.gz");
      case "nist-techpubs" -> dataDir.resolve("nist-techpubs.ris.gz");
      case "ai-act-standards" -> dataDir.resolve("ai-act-standards/ai-act-standards.json");
      default -> dataDir.resolve(source + ".yaml.gz");
    };
  }

  private static final long PLAIN_LIMIT_BYTES = 3L * 1024 * 1024;

  private AiCorpus() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 5 && args[0].equals("--sample")) {
      sample(
          Long.parseLong(args[1]),
          Path.of(args[2]),
          Path.of(args[3]),
          Path.of(args[4]),
          System.err);
      return;
    }
    if (args.length != 2 && !(args.length == 4 && args[2].equals("--keep"))) {
      System.err.println(
          "usage: AiCorpus DATA_DIR OUTPUT.json [--keep PREVIOUS.json|none]\n"
              + "       AiCorpus --sample SEED DATA_DIR SAMPLE.csv SAMPLE-RECORDS.json");
      System.exit(2);
    }
    Path out = Path.of(args[1]);
    Path keep = args.length == 4 ? (args[3].equals("none") ? null : Path.of(args[3])) : out;
    int written = build(Path.of(args[0]), out, keep, System.err);
    System.err.println("wrote " + written + " records to " + out);
  }

  // ------------------------------------------------------------------------------------- build

  /** One selected record and why. */
  record Selected(Standard standard, String reason) {}

  static int build(Path dataDir, Path out, Path keep, PrintStream log) throws IOException {
    ObjectMapper json = Json.mapper();
    StandardReader reader = new StandardReader(Taxonomy.bundled(json));

    Map<String, JsonNode> previous =
        keep != null && Files.exists(keep) ? readCorpus(keep, json) : Map.of();
    log.printf(
        Locale.ROOT,
        "must-include: %d ids from %s%n",
        previous.size(),
        keep == null ? "nothing" : keep);

    Map<String, List<Standard>> feeds = readFeeds(dataDir, log);

    // 1-3: the rule, then the other editions of what it accepted.
    List<Selected> selected = new ArrayList<>();
    for (List<Standard> feed : feeds.values()) {
      selected.addAll(select(feed));
    }

    // 4: must-include.
    Set<String> selectedIds = new HashSet<>();
    selected.forEach(s -> selectedIds.add(s.standard().id()));
    Map<String, List<Standard>> byId = new HashMap<>();
    feeds
        .values()
        .forEach(
            list -> list.forEach(s -> byId.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s)));
    int carried = 0;
    Map<String, String> renamed = new java.util.TreeMap<>();
    Map<String, String> byPage = new HashMap<>();
    selected.forEach(s -> byPage.putIfAbsent(page(s.standard()), s.standard().id()));
    byPage.remove("");
    for (Map.Entry<String, JsonNode> e : previous.entrySet()) {
      if (selectedIds.contains(e.getKey())) {
        continue;
      }
      List<Standard> inFeeds = byId.get(e.getKey());
      if (inFeeds != null) {
        selected.add(new Selected(owner(inFeeds), "must-include: in the previous corpus"));
      } else {
        Standard old = previousRecord(e.getValue(), reader);
        String now = byPage.get(page(old));
        if (now != null) {
          // The feeds have the same document under another id (an older mapping named IEEE's
          // white papers by their first title words, "A Call"; they are "ISBN ..." now).
          renamed.put(e.getKey(), now);
          continue;
        }
        selected.add(new Selected(old, "must-include: carried over"));
        carried++;
      }
      selectedIds.add(e.getKey());
    }
    renamed.forEach(
        (was, now) ->
            log.printf(
                Locale.ROOT,
                "must-include: %s is not carried over: the feeds have its document (same body, same"
                    + " page) as %s%n",
                was,
                now));
    if (carried > 0) {
      log.printf(
          Locale.ROOT,
          "must-include: %d records no feed has any longer were carried over as they were%n",
          carried);
    }

    // 5: validation, 6: one record per id.
    Map<String, Selected> unique = new TreeMap<>();
    List<String> invalid = new ArrayList<>();
    for (Selected s : selected) {
      Standard valid;
      try {
        reader.read(s.standard());
        valid = s.standard();
      } catch (CatalogException.Invalid e) {
        invalid.add(
            s.standard().identifier() + " (" + s.standard().source() + "): " + e.problems());
        continue;
      }
      Selected candidate = new Selected(valid, s.reason());
      Selected other = unique.get(valid.id());
      if (other == null) {
        unique.put(valid.id(), candidate);
      } else {
        Standard keepOne = owner(List.of(other.standard(), valid));
        log.printf(
            Locale.ROOT,
            "duplicate id %s: %s (%s) and %s (%s); keeping the one from %s%n",
            valid.id(),
            other.standard().identifier(),
            other.standard().source(),
            valid.identifier(),
            valid.source(),
            keepOne.source());
        unique.put(valid.id(), keepOne == valid ? candidate : other);
      }
    }
    log.printf(
        Locale.ROOT, "validation: %d records rejected by the catalogue's rules%n", invalid.size());
    invalid.forEach(i -> log.println("  rejected " + i));

    List<Selected> records = new ArrayList<>(unique.values());
    report(records, log);
    write(records.stream().map(Selected::standard).toList(), out, snapshotDate(dataDir), json, log);
    return records.size();
  }

  /** The rule on one feed, then the other editions of the publications it accepted. */
  static List<Selected> select(List<Standard> feed) {
    Map<Standard, String> reasons = new IdentityHashMap<>();
    for (Standard s : feed) {
      AiRelevance.Verdict v = AiRelevance.judge(s);
      if (v.relevant()) {
        reasons.put(s, v.rule());
      }
    }
    Map<String, List<Standard>> families = new LinkedHashMap<>();
    for (Standard s : feed) {
      families.computeIfAbsent(family(s), k -> new ArrayList<>()).add(s);
    }
    List<Selected> out = new ArrayList<>();
    for (Standard s : feed) {
      String reason = reasons.get(s);
      if (reason != null) {
        out.add(new Selected(s, reason));
        continue;
      }
      for (Standard accepted : families.get(family(s))) {
        if (reasons.containsKey(accepted)
            && !isAmendment(accepted.identifier())
            && samePublication(accepted, s)) {
          out.add(new Selected(s, "edition of an accepted publication"));
          break;
        }
      }
    }
    return out;
  }

  private static final Pattern ITU_NUMBER =
      Pattern.compile("^ITU-T ([^(/]+?)(?:/[^ (]+)?\\s*(?:\\(|$)");
  private static final Pattern IEEE_NUMBER =
      Pattern.compile(
          "^(?:IEEE(?:/\\w+)? )?(?:(?:Approved|Unapproved) )?(?:IEEE )?P?(\\d+(?:[._]\\d+)*[a-z]?)");
  private static final Pattern AMENDMENT =
      Pattern.compile(
          "[/+](?:AMD|COR)\\d|\\bAmd\\.|\\bCor\\.|\\bErr\\.|/Cor\\d|Corrigend|\\bAmendment\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Set<String> STOP_WORDS =
      Set.of(
          "the", "of", "and", "for", "in", "on", "a", "an", "to", "with", "by", "or", "based",
          "its", "from", "as", "at");

  /** The publication a record is an edition of, within its feed: "ITU-T Y.3172", "IEEE 2894". */
  static String family(Standard s) {
    String id = s.identifier();
    switch (FieldSources.feedOf(s.source())) {
      case "relaton-itu-t" -> {
        Matcher m = ITU_NUMBER.matcher(id);
        return m.find() ? "ITU-T " + m.group(1).strip() : id;
      }
      case "relaton-iec", "relaton-iso", "relaton-jis" -> {
        int colon = id.indexOf(':');
        return (colon < 0 ? id : id.substring(0, colon)).strip();
      }
      case "relaton-ieee" -> {
        Matcher m = IEEE_NUMBER.matcher(id);
        return m.find() ? "IEEE " + m.group(1).replace('_', '.') : id;
      }
      default -> {
        return id;
      }
    }
  }

  static boolean isAmendment(String identifier) {
    return AMENDMENT.matcher(identifier).find();
  }

  /** Titles that share at least half of their words (Jaccard), ignoring small words and numbers. */
  static boolean samePublication(Standard a, Standard b) {
    Set<String> wa = words(a.titleIn("en"));
    Set<String> wb = words(b.titleIn("en"));
    if (wa.isEmpty() || wb.isEmpty()) {
      return false;
    }
    Set<String> both = new HashSet<>(wa);
    both.retainAll(wb);
    Set<String> either = new HashSet<>(wa);
    either.addAll(wb);
    return both.size() * 2 >= either.size();
  }

  private static Set<String> words(String title) {
    Set<String> words = new HashSet<>();
    Matcher m = WORD.matcher(title.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (!STOP_WORDS.contains(w) && !w.chars().allMatch(Character::isDigit)) {
        words.add(w);
      }
    }
    return words;
  }

  /** Of records sharing an id, the one from the feed of the body the id names; else the newest. */
  static Standard owner(List<Standard> records) {
    Standard best = null;
    for (Standard s : records) {
      if (best == null || rank(s) < rank(best) || (rank(s) == rank(best) && newer(s, best))) {
        best = s;
      }
    }
    return best;
  }

  private static int rank(Standard s) {
    String id = s.id();
    String source = FieldSources.feedOf(s.source());
    // A joint ISO/IEC publication is in both feeds: the IEC feed's copy, as in the first corpus.
    boolean owns =
        (id.startsWith("iec") || id.startsWith("iso")) && source.equals("relaton-iec")
            || id.startsWith("iso") && !id.startsWith("iso-iec") && source.equals("relaton-iso")
            || id.startsWith("ieee") && source.equals("relaton-ieee")
            || id.startsWith("itu") && source.equals("relaton-itu-t")
            || id.startsWith("rfc") && source.equals("rfc-index");
    return owns ? 0 : 1;
  }

  private static boolean newer(Standard a, Standard b) {
    return String.valueOf(a.published()).compareTo(String.valueOf(b.published())) > 0;
  }

  /**
   * A record's document page: body and address, "" without an address (matches nothing). ISO gives
   * a project's stages one page, but those are all in the feeds, never carried over.
   */
  private static String page(Standard s) {
    return s.url() == null ? "" : s.sdo() + " " + s.url();
  }

  private static Standard previousRecord(JsonNode node, StandardReader reader) {
    return reader.read(node);
  }

  /** The records of an aisx-json file (plain or gzip), by id. */
  static Map<String, JsonNode> readCorpus(Path file, ObjectMapper json) throws IOException {
    Map<String, JsonNode> records = new LinkedHashMap<>();
    try (InputStream in = Inputs.decompressed(Files.newInputStream(file))) {
      new JsonFormat(json).read(in, raw -> records.put(raw.node().path("id").asText(), raw.node()));
    }
    return records;
  }

  // ------------------------------------------------------------------------------------ feeds

  /**
   * Every mapped record of the feeds, by feed, in feed order; a newer harvest of a feed is merged
   * over the feed ({@link #mergeHarvests}) and has no entry of its own.
   */
  static Map<String, List<Standard>> readFeeds(Path dataDir, PrintStream log) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(FEEDS.size());
    try {
      Map<String, Future<List<Standard>>> futures = new LinkedHashMap<>();
      for (String source : FEEDS) {
        futures.put(source, pool.submit(() -> readFeed(dataDir, source, log)));
      }
      Map<String, List<Standard>> feeds = new LinkedHashMap<>();
      for (Map.Entry<String, Future<List<Standard>>> e : futures.entrySet()) {
        String feed = FieldSources.feedOf(e.getKey());
        List<Standard> records = get(e.getValue());
        List<Standard> older = feeds.get(feed);
        feeds.put(feed, older == null ? records : mergeHarvests(older, records, e.getKey(), log));
      }
      return feeds;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A newer harvest of a feed over an older one, as the importer merges them when the newer file is
   * imported after the older one (the whole-catalogue command imports relaton-ieee, then
   * relaton-ieee-2025): a record the newer harvest gives replaces the older harvest's record of the
   * same id as a whole (a snapshot replaces its own feed's values, empty ones included: {@link
   * FieldSources}); records only the older harvest gives stay; records only the newer one gives are
   * added. As in the importer, a newer record whose identifier only slugs like the older one's
   * ({@link Catalog#lookAlike}: another publication) does not overwrite it and is left out. Drafts
   * the newer harvest shows published keep the status their feed gives them here; the catalogue's
   * editions pass marks them replaced when the corpus is loaded, as after an import.
   */
  static List<Standard> mergeHarvests(
      List<Standard> older, List<Standard> newer, String newerName, PrintStream log) {
    Map<String, Standard> olderById = new HashMap<>();
    older.forEach(s -> olderById.putIfAbsent(s.id(), s));
    Set<String> replaced = new HashSet<>();
    List<Standard> refused = new ArrayList<>();
    List<Standard> kept = new ArrayList<>();
    int added = 0;
    for (Standard s : newer) {
      Standard old = olderById.get(s.id());
      if (old != null && Catalog.lookAlike(s, old).isPresent()) {
        refused.add(s);
        continue;
      }
      if (old == null) {
        added++;
      } else {
        replaced.add(s.id());
      }
      kept.add(s);
    }
    List<Standard> merged = new ArrayList<>();
    for (Standard s : older) {
      if (!replaced.contains(s.id())) {
        merged.add(s);
      }
    }
    merged.addAll(kept);
    synchronized (log) {
      log.printf(
          Locale.ROOT,
          "%s over %s: %d ids of the older harvest replaced by the newer one's record, %d records"
              + " only in the newer harvest, %d only in the older; %d refused as look-alikes%n",
          newerName,
          FieldSources.feedOf(newerName),
          replaced.size(),
          added,
          merged.size() - kept.size(),
          refused.size());
      refused.stream()
          .limit(20)
          .forEach(
              s ->
                  log.println(
                      "  refused "
                          + s.identifier()
                          + " (looks like "
                          + olderById.get(s.id()).identifier()
                          + ")"));
    }
    return merged;
  }

  private static List<Standard> readFeed(Path dataDir, String source, PrintStream log)
      throws IOException {
    List<Standard> mapped = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    java.util.function.Consumer<FeedRecord> sink =
        r -> {
          if (r instanceof FeedRecord.Mapped m) {
            mapped.add(m.standard());
          } else if (r instanceof FeedRecord.Rejected x) {
            rejected.add(x.where() + ": " + x.reason());
          }
        };
    if (!source.startsWith("relaton-")) {
      try (InputStream in = Inputs.decompressed(Files.newInputStream(feedFile(dataDir, source)))) {
        switch (source) {
          case "rfc-index" -> new RfcIndexReader(source).read(in, sink);
          case "nist-techpubs" -> new RisReader(source).read(in, sink);
          case "ai-act-standards" -> new AiActMapReader(source, Json.mapper()).read(in, sink);
          default -> throw new IllegalArgumentException("no reader for feed " + source);
        }
      }
    } else {
      try (InputStream in = Files.newInputStream(feedFile(dataDir, source))) {
        new RelatonReader(source)
            .read(
                in,
                o -> {
                  if (o instanceof RelatonReader.Outcome.Mapped m) {
                    mapped.add(m.standard());
                  } else if (o instanceof RelatonReader.Outcome.Rejected x) {
                    rejected.add("#" + x.recordNumber() + ": " + x.reason());
                  }
                });
      }
    }
    synchronized (log) {
      log.printf(
          Locale.ROOT,
          "%s: %d records mapped, %d rejected by the reader%n",
          source,
          mapped.size(),
          rejected.size());
      rejected.stream().limit(20).forEach(r -> log.println("  rejected " + r));
    }
    return mapped;
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
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The date of the newest feed file: the data snapshot the corpus was built from. */
  private static String snapshotDate(Path dataDir) throws IOException {
    FileTime newest = FileTime.fromMillis(0);
    for (String source : FEEDS) {
      Path f = feedFile(dataDir, source);
      FileTime t = Files.getLastModifiedTime(f);
      if (t.compareTo(newest) > 0) {
        newest = t;
      }
    }
    return newest.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  // ----------------------------------------------------------------------------------- output

  private static void report(List<Selected> records, PrintStream log) {
    Map<String, Integer> bySdo = new TreeMap<>();
    Map<String, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> bySource = new TreeMap<>();
    Map<String, Integer> byRule = new TreeMap<>();
    Map<String, Map<String, Integer>> statusBySdo = new TreeMap<>();
    for (Selected r : records) {
      Standard s = r.standard();
      String sdo = String.valueOf(s.sdo());
      String status = s.status() == null ? "null" : s.status().wire();
      bySdo.merge(sdo, 1, Integer::sum);
      byStatus.merge(status, 1, Integer::sum);
      bySource.merge(String.valueOf(s.source()), 1, Integer::sum);
      byRule.merge(r.reason(), 1, Integer::sum);
      statusBySdo.computeIfAbsent(sdo, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
    }
    log.println("per body:   " + bySdo);
    log.println("per status: " + byStatus);
    log.println("per source: " + bySource);
    log.println("per body and status:");
    statusBySdo.forEach((sdo, counts) -> log.println("  " + sdo + ": " + counts));
    log.println("per rule:");
    byRule.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> log.printf(Locale.ROOT, "  %4d  %s%n", e.getValue(), e.getKey()));
  }

  /** The aisx-json document, its fields in this order (the record maps inside are sorted). */
  @JsonPropertyOrder({"format", "version", "generated", "attribution", "records"})
  record Envelope(
      String format, int version, String generated, String attribution, List<Standard> records) {}

  private static void write(
      List<Standard> records, Path out, String generated, ObjectMapper json, PrintStream log)
      throws IOException {
    Envelope envelope = new Envelope(JsonFormat.FORMAT, 1, generated, ATTRIBUTION, records);
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".corpus", ".tmp");
    try {
      boolean gzip = out.getFileName().toString().endsWith(".gz");
      try (OutputStream file = Files.newOutputStream(tmp);
          OutputStream os = gzip ? new GZIPOutputStream(file) : file) {
        json.writerWithDefaultPrettyPrinter().writeValue(os, envelope);
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    long size = Files.size(out);
    log.printf(Locale.ROOT, "%s: %,d bytes%n", out, size);
    if (size > PLAIN_LIMIT_BYTES && !out.getFileName().toString().endsWith(".gz")) {
      log.println(
          "warning: over 3 MB; consider writing it gzip-compressed (an output name ending in .gz)");
    }
  }

  // ----------------------------------------------------------------------------------- sample

  /** Sample sizes per stratum: accepted by the rule, near misses, everything else. */
  static final int ACCEPTED = 100;

  static final int NEAR_MISSES = 120;
  static final int BACKGROUND = 40;

  /** At least this many records of each feed in each stratum (or all it has). */
  private static final int MIN_PER_FEED = 4;

  /**
   * Words that make a rejected record a near miss: AI-looking words in the title, or an AI phrase
   * or abbreviation anywhere in the abstract or keywords. This is where the rule's misses and its
   * traps (AS numbers, intelligent transport systems, learning technology, expert review) live.
   */
  static final Pattern NEAR_MISS_TITLE =
      Pattern.compile(
          "artificial|intelligen|learning|neural|autonom|cognitive|robot|recogni[sz]|vision"
              + "|knowledge|\\bagents?\\b|expert|speech|semantic|predict|fuzzy|chatbot|translat"
              + "|ontolog|algorithm|automated|smart|\\bbots?\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ANY_AI_WORD =
      Pattern.compile(
          "(?i:artificial intelligence|machine learning|neural network|deep learning)|\\bAI\\b|\\bML\\b");

  /**
   * Draws the labelled sample: from each stratum (records the rule accepts; rejected near misses;
   * all other records) a seeded random sample, spread over the feeds in proportion to their share
   * of the stratum with at least {@value #MIN_PER_FEED} per feed. Within a stratum and feed,
   * records are drawn in the order of SHA-256(seed, newline, identifier): the same seed gives the
   * same sample, independent of feed order, and a change to the rule that moves a few records
   * between strata leaves the rest of the sample as it was. Only records that pass the catalogue's
   * validation and have a unique identifier are drawn. Writes {@code csv} (identifier, stratum,
   * source: the skeleton the labels are added to, by hand) and {@code records} (the sampled records
   * as aisx-json, the test fixture), and prints the stratum sizes, which are needed to turn the
   * sample's figures into estimates for the whole feeds.
   */
  static void sample(long seed, Path dataDir, Path csv, Path records, PrintStream log)
      throws IOException {
    ObjectMapper json = Json.mapper();
    StandardReader reader = new StandardReader(Taxonomy.bundled(json));
    Map<String, List<Standard>> feeds = readFeeds(dataDir, log);

    Map<String, Integer> identifierCount = new HashMap<>();
    feeds
        .values()
        .forEach(l -> l.forEach(s -> identifierCount.merge(s.identifier(), 1, Integer::sum)));

    // stratum -> feed -> records
    Map<String, Map<String, List<Standard>>> strata = new LinkedHashMap<>();
    for (String stratum : List.of("accepted", "near-miss", "background")) {
      strata.put(stratum, new LinkedHashMap<>());
    }
    for (String source : feeds.keySet()) {
      List<Standard> feed = new ArrayList<>(feeds.get(source));
      feed.sort(Comparator.comparing(Standard::identifier).thenComparing(Standard::id));
      for (Standard s : feed) {
        if (identifierCount.get(s.identifier()) > 1 || !valid(s, reader)) {
          continue;
        }
        String stratum =
            AiRelevance.isAi(s) ? "accepted" : nearMiss(s) ? "near-miss" : "background";
        strata.get(stratum).computeIfAbsent(source, k -> new ArrayList<>()).add(s);
      }
    }

    Map<String, Integer> sizes =
        Map.of("accepted", ACCEPTED, "near-miss", NEAR_MISSES, "background", BACKGROUND);
    List<String[]> rows = new ArrayList<>();
    List<Standard> drawn = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<Standard>>> stratum : strata.entrySet()) {
      Map<String, List<Standard>> perFeed = stratum.getValue();
      int population = perFeed.values().stream().mapToInt(List::size).sum();
      int want = sizes.get(stratum.getKey());
      log.printf(
          Locale.ROOT,
          "stratum %s: %d records %s%n",
          stratum.getKey(),
          population,
          counts(perFeed));
      for (String source : feeds.keySet()) {
        List<Standard> pool = new ArrayList<>(perFeed.getOrDefault(source, List.of()));
        int share = (int) Math.round((double) want * pool.size() / Math.max(1, population));
        int n = Math.min(pool.size(), Math.max(MIN_PER_FEED, share));
        pool.sort(Comparator.comparing((Standard s) -> drawKey(seed, s.identifier())));
        for (Standard s : pool.subList(0, n)) {
          rows.add(new String[] {s.identifier(), stratum.getKey(), source});
          drawn.add(s);
        }
      }
    }

    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
      w.println("identifier,stratum,source");
      for (String[] row : rows) {
        w.println(csvField(row[0]) + "," + row[1] + "," + row[2]);
      }
    }
    List<Standard> fixture = new ArrayList<>(drawn);
    fixture.sort(Comparator.comparing(Standard::id).thenComparing(Standard::identifier));
    write(fixture, records, snapshotDate(dataDir), json, log);
    log.printf(
        Locale.ROOT,
        "sample: %d records (seed %d) to %s and %s%n",
        drawn.size(),
        seed,
        csv,
        records);
  }

  /** The position of a record in the seeded draw: SHA-256 of the seed and the identifier. */
  static String drawKey(long seed, String identifier) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest((seed + "\n" + identifier).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static String counts(Map<String, List<Standard>> perFeed) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    perFeed.forEach((k, v) -> counts.put(k, v.size()));
    return counts.toString();
  }

  static boolean nearMiss(Standard s) {
    if (NEAR_MISS_TITLE.matcher(s.titleIn("en")).find()) {
      return true;
    }
    if (ANY_AI_WORD.matcher(s.abstractIn("en")).find()) {
      return true;
    }
    return s.keywords().stream().anyMatch(k -> ANY_AI_WORD.matcher(k).find());
  }

  private static boolean valid(Standard s, StandardReader reader) {
    try {
      reader.read(s);
      return true;
    } catch (CatalogException.Invalid e) {
      return false;
    }
  }

  static String csvField(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
