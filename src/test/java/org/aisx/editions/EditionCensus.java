package org.aisx.editions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aisx.catalog.Json;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.ingest.Inputs;
import org.aisx.ingest.JsonFormat;
import org.aisx.taxonomy.Taxonomy;

/**
 * Counts, over a catalogue exported as aisx-json (or the bundled corpus file), what issue 12 item 4
 * asks about, for before/after figures (run by hand; not a test):
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.aisx.editions.EditionCensus FILE.json
 * </pre>
 *
 * <ol>
 *   <li>drafts: by status; drafts still marked draft although an edition of the same publication
 *       was published on or after them ({@link EditionRules} groups, its title test for IEEE);
 *   <li>superseded editions, and how many point to a successor (their own {@code replaced-by}, or a
 *       record that says it {@code replaces} them), per body;
 *   <li>records with an {@code identical} link, and records sharing an ISBN or a URL;
 *   <li>types: records whose identifier names an amendment or corrigendum, and how many carry that
 *       type; IEEE records identified by no designation number or by an ISBN, and their types;
 *   <li>relations by type, and how many are series-level links ({@link SeriesLinks}).
 * </ol>
 */
public final class EditionCensus {
  private EditionCensus() {}

  public static void main(String[] args) throws IOException {
    List<Standard> records = new ArrayList<>();
    StandardReader reader = new StandardReader(Taxonomy.bundled(Json.mapper()));
    try (InputStream in = Inputs.decompressed(Files.newInputStream(Path.of(args[0])))) {
      new JsonFormat(Json.mapper()).read(in, raw -> records.add(reader.read(raw.node())));
    }
    Map<String, Standard> byId = new HashMap<>();
    records.forEach(s -> byId.put(s.id(), s));
    System.out.println("records: " + records.size());

    // 1. drafts
    Map<String, Integer> draftStatus = new TreeMap<>();
    Map<String, List<Standard>> groups = new HashMap<>();
    for (Standard s : records) {
      String key = EditionKey.of(s);
      if (key != null) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
      }
      if (EditionKey.isDraft(s)) {
        draftStatus.merge(s.sdo() + " " + s.status().wire(), 1, Integer::sum);
      }
    }
    int draftsOfPublished = 0;
    Map<String, Integer> draftsOfPublishedBySdo = new TreeMap<>();
    for (Standard d : records) {
      if (d.status() != org.aisx.catalog.Status.DRAFT) {
        continue;
      }
      List<Standard> group = groups.getOrDefault(EditionKey.of(d), List.of());
      boolean ieee = d.identifier().startsWith("IEEE");
      for (Standard e : group) {
        if (!EditionKey.isDraft(e)
            && e.type() != PublicationType.AMENDMENT
            && EditionRules.onOrAfter(e.published(), d.published(), EditionRules.DRAFT_SLACK_DAYS)
            && (!ieee || EditionKey.sameTitle(d.titleIn("en"), e.titleIn("en")))) {
          draftsOfPublished++;
          draftsOfPublishedBySdo.merge(d.sdo(), 1, Integer::sum);
          break;
        }
      }
    }
    System.out.println("1. drafts by body and status: " + draftStatus);
    System.out.println(
        "   still 'draft' although published: " + draftsOfPublished + " " + draftsOfPublishedBySdo);

    // 2. superseded → successor
    Set<String> replacedByIncoming = new HashSet<>();
    for (Standard s : records) {
      for (Relation r : s.relations()) {
        if (r.type() == RelationType.REPLACES) {
          replacedByIncoming.add(r.targetId());
        }
      }
    }
    Map<String, int[]> superseded = new TreeMap<>();
    for (Standard s : records) {
      if (s.status() != org.aisx.catalog.Status.SUPERSEDED) {
        continue;
      }
      boolean points =
          s.relations().stream().anyMatch(r -> r.type() == RelationType.REPLACED_BY)
              || replacedByIncoming.contains(s.id());
      int[] c = superseded.computeIfAbsent(s.sdo(), k -> new int[2]);
      c[0]++;
      if (points) {
        c[1]++;
      }
    }
    StringBuilder sup = new StringBuilder();
    int total = 0;
    int pointing = 0;
    for (var e : superseded.entrySet()) {
      sup.append(
          String.format(Locale.ROOT, " %s %d/%d", e.getKey(), e.getValue()[1], e.getValue()[0]));
      total += e.getValue()[0];
      pointing += e.getValue()[1];
    }
    System.out.println(
        "2. superseded pointing to a successor: "
            + pointing
            + "/"
            + total
            + " ("
            + sup.toString().strip()
            + ")");

    // 3. identical
    int withIdentical = 0;
    Map<String, Set<String>> isbn = new HashMap<>();
    Map<String, Set<String>> url = new HashMap<>();
    for (Standard s : records) {
      if (s.relations().stream().anyMatch(r -> r.type() == RelationType.IDENTICAL)) {
        withIdentical++;
      }
      s.identifiers().stream()
          .filter(i -> "ISBN".equalsIgnoreCase(i.type()))
          .forEach(
              i ->
                  isbn.computeIfAbsent(i.value().replaceAll("[^0-9Xx]", ""), k -> new HashSet<>())
                      .add(s.id()));
      String u = EditionRules.normalisedUrl(s.url());
      if (u != null) {
        url.computeIfAbsent(u, k -> new HashSet<>()).add(s.id());
      }
    }
    long sharedIsbn = isbn.values().stream().filter(v -> v.size() > 1).mapToInt(Set::size).sum();
    long sharedUrl = url.values().stream().filter(v -> v.size() > 1).mapToInt(Set::size).sum();
    System.out.println(
        "3. records with an 'identical' link: "
            + withIdentical
            + "; records sharing an ISBN: "
            + sharedIsbn
            + ", a URL: "
            + sharedUrl);

    // 4. types
    int changes = 0;
    int typedChanges = 0;
    Map<String, Integer> paperTypes = new TreeMap<>();
    for (Standard s : records) {
      PublicationType t =
          EditionKey.changeType(s.identifier(), "IEEE".equals(s.sdo()) ? s.titleIn("en") : null);
      if (t != null) {
        changes++;
        if (s.type() == t) {
          typedChanges++;
        }
      }
      if ("IEEE".equals(s.sdo())
          && (!s.identifier().matches(".*\\d.*") || s.identifier().startsWith("ISBN"))) {
        paperTypes.merge(s.identifier() + "=" + s.type().wire(), 1, Integer::sum);
      }
    }
    System.out.println(
        "4. amendments/corrigenda by identifier or title: "
            + changes
            + ", typed as such: "
            + typedChanges);
    System.out.println("   IEEE records without a designation number: " + paperTypes);

    // 5. relations
    Map<String, Integer> byType = new TreeMap<>();
    int all = 0;
    int series = 0;
    for (Standard s : records) {
      for (Relation r : s.relations()) {
        all++;
        byType.merge(r.type().wire(), 1, Integer::sum);
        if (SeriesLinks.seriesLevel(s, r, byId)) {
          series++;
        }
      }
    }
    System.out.println(
        String.format(
            Locale.ROOT,
            "5. relations: %d %s; series-level complements: %d (%.1f %%), real: %d",
            all,
            byType,
            series,
            all == 0 ? 0.0 : 100.0 * series / all,
            all - series));
  }
}
