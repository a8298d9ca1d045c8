package org.aisx.learn;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.aisx.ingest.CsvFormulas;
import org.aisx.store.Database;
import org.aisx.taxonomy.Taxonomy;
import org.aisx.taxonomy.TaxonomySource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The learning resources (SPEC §10): the list with its facets, the resources that teach a record,
 * writes (one by one, by import, by an approved submission), import and export as JSON (the MOOChub
 * / schema.org {@code Course} shape, {@link MoocHub}) and CSV ({@link ResourceCsv}), and the
 * bundled seed of real capacity-building programmes, loaded when the store has none.
 */
public final class Resources {
  /** The bundled seed: the programmes the seed documents name (README beside it). */
  static final String SEED = "/learn/seed.json";

  static final String SEED_SOURCE = "aisx-seed";

  private final ResourceStore store;
  private final ResourceReader reader;
  private final ObjectMapper json;
  private final Clock clock;

  Resources(ResourceStore store, ResourceReader reader, ObjectMapper json, Clock clock) {
    this.store = store;
    this.reader = reader;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The resources over the catalogue's own database; links are checked against {@code catalog}'s
   * records and {@code taxonomy}'s concepts.
   */
  public static Resources overSql(
      Database db, Catalog catalog, TaxonomySource taxonomy, ObjectMapper json, Clock clock) {
    return new Resources(
        new SqlResourceStore(db, json),
        new ResourceReader(
            id -> catalog.find(id).isPresent(), id -> concept(taxonomy.current(), id)),
        json,
        clock);
  }

  private static boolean concept(Taxonomy taxonomy, String id) {
    return taxonomy.dimensions().stream().anyMatch(d -> d.concepts().containsKey(id));
  }

  /** Reads and checks a resource's JSON (problems name their fields). */
  public Resource read(JsonNode node) {
    return reader.read(node);
  }

  public Optional<Resource> find(String id) {
    return store.find(id);
  }

  public Resource get(String id) {
    return store.find(id).orElseThrow(() -> new CatalogException.NotFound("resource " + id));
  }

  public long count() {
    return store.count();
  }

  /** The resources that teach the record {@code recordId}, soonest-starting last. */
  public List<Resource> teaching(String recordId) {
    List<Resource> found = new ArrayList<>(store.teaching(recordId));
    found.sort(ORDER);
    return found;
  }

  /** Every provider a resource has: the values the list's {@code provider} filter may take. */
  public java.util.Set<String> providers() {
    java.util.Set<String> out = new java.util.HashSet<>();
    store.all().forEach(r -> out.addAll(ResourceFacet.PROVIDER.valuesOf(r)));
    return out;
  }

  /** Newest start first (undated last), then by id. */
  static final Comparator<Resource> ORDER =
      Comparator.comparing(
              (Resource r) -> r.start() == null ? "" : r.start(), Comparator.reverseOrder())
          .thenComparing(Resource::id);

  /** One facet value and how many resources have it. */
  public record FacetCount(String value, int count, boolean selected) {}

  /** A page of the answer to a {@link ResourceQuery}, with every facet's counts. */
  public record Page(
      List<Resource> items,
      int total,
      int offset,
      int limit,
      Map<ResourceFacet, List<FacetCount>> facets) {}

  /** The resources matching {@code q}, in {@link #ORDER}, with drill-sideways facet counts. */
  public Page list(ResourceQuery q) {
    List<Resource> all = store.all();
    List<Resource> matching = all.stream().filter(r -> q.matches(r, null)).sorted(ORDER).toList();
    Map<ResourceFacet, List<FacetCount>> facets = new EnumMap<>(ResourceFacet.class);
    for (ResourceFacet f : ResourceFacet.values()) {
      Map<String, Integer> counts = new TreeMap<>();
      for (Resource r : all) {
        if (q.matches(r, f)) {
          f.valuesOf(r).forEach(v -> counts.merge(v, 1, Integer::sum));
        }
      }
      q.selected(f).forEach(v -> counts.putIfAbsent(v, 0));
      List<FacetCount> values = new ArrayList<>();
      counts.forEach((v, n) -> values.add(new FacetCount(v, n, q.selected(f).contains(v))));
      values.sort(Comparator.comparing(FacetCount::count).reversed());
      facets.put(f, List.copyOf(values));
    }
    int from = Math.min(q.offset(), matching.size());
    int to = Math.min(from + q.limit(), matching.size());
    return new Page(matching.subList(from, to), matching.size(), q.offset(), q.limit(), facets);
  }

  /** Writes one resource (checked already) by {@code actor}, naming where it came from. */
  public SaveOutcome save(Resource r, String actor, String source) {
    return store.save(r, actor, source, clock.instant());
  }

  /**
   * Writes an approved submission's resource and runs {@code alongside} (marking the submission
   * approved) in one transaction: both or neither. {@code replaces}: it corrects the resource with
   * its id, which must still be there ({@link CatalogException.Gone} naming {@code resource.id}
   * else: it was deleted after the correction was proposed); else it is a new one, whose id must
   * still be free ({@link CatalogException.AlreadyExists}). Both are checked inside the
   * transaction, so a refusal writes nothing.
   */
  public void approve(
      Resource r, boolean replaces, String actor, String source, Runnable alongside) {
    store.inTransaction(
        () -> {
          Optional<Resource> now = store.find(r.id());
          if (replaces && now.isEmpty()) {
            throw new CatalogException.Gone(
                "learning resource " + r.id(),
                Problem.of("resource.id", "resource.problem.gone", r.id()));
          }
          if (!replaces && now.isPresent()) {
            throw new CatalogException.AlreadyExists("id", r.id(), r.id());
          }
          store.save(r, actor, source, clock.instant());
          alongside.run();
        });
  }

  /** The longest reason a removal keeps. */
  public static final int MAX_REASON = 2_000;

  /**
   * Removes the resource {@code id} for {@code actor} (a coordinator), keeping it as it was with
   * the {@code reason} (may be null); {@link CatalogException.NotFound} when there is none. A
   * correction of it still waiting for review can then no longer be approved ({@link #approve}).
   */
  public Resource remove(String id, String actor, String reason) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > MAX_REASON) {
      throw new CatalogException.Invalid(
          "removal", List.of(Problem.of("reason", "invalid.tooLong", MAX_REASON)));
    }
    return store
        .remove(id, actor, why, clock.instant())
        .orElseThrow(() -> new CatalogException.NotFound("resource " + id));
  }

  /**
   * The bundled seed, when the store has no resource yet and none was ever removed (so that
   * removing every resource does not bring the seed back); what it did.
   */
  public ImportReport loadSeedIfEmpty() {
    if (store.count() > 0 || store.anyRemoved()) {
      return new ImportReport();
    }
    try (InputStream in = Resources.class.getResourceAsStream(SEED)) {
      if (in == null) {
        throw new IllegalStateException(SEED + " is missing from the jar");
      }
      return importJson(in, SEED_SOURCE, SEED_SOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled learning resources", e);
    }
  }

  /**
   * Imports a JSON document: MOOChub's ({@code {"data": [course, ...]}}), a bare list, or {@code
   * {"resources": [...]}}, each item a MOOChub course or a resource in its own JSON. Every item is
   * checked alone: a bad one is rejected with its line and fields, the others are written. JSON
   * that cannot be parsed stops the import there, with its line.
   */
  public ImportReport importJson(InputStream in, String actor, String source) {
    ImportReport report = new ImportReport();
    try (JsonParser p = json.getFactory().createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_ARRAY) {
        items(p, report, actor, source);
      } else if (first == JsonToken.START_OBJECT) {
        boolean found = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (!found && ("data".equals(name) || "resources".equals(name))) {
            if (value != JsonToken.START_ARRAY) {
              report.reject(line(p), null, List.of(new Problem(name, "must be a list")));
              return report;
            }
            items(p, report, actor, source);
            found = true;
          } else {
            p.skipChildren();
          }
        }
        if (!found) {
          report.reject(1, null, List.of(Problem.of("data", "resources.problem.coursesRequired")));
        }
      } else {
        report.reject(
            1, null, List.of(Problem.of("document", "resources.problem.notObjectOrList")));
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      report.reject(line, null, List.of(new Problem("json", e.getOriginalMessage())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the resources", e);
    }
    return report;
  }

  private void items(JsonParser p, ImportReport report, String actor, String source)
      throws IOException {
    while (p.nextToken() != JsonToken.END_ARRAY) {
      int line = line(p);
      JsonNode node = json.readTree(p);
      JsonNode own = MoocHub.isCourse(node) ? MoocHub.toResourceJson(node) : node;
      one(own, line, report, actor, source);
    }
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  private void one(JsonNode own, int line, ImportReport report, String actor, String source) {
    Resource r;
    try {
      r = reader.read(own);
    } catch (CatalogException.Invalid e) {
      JsonNode id = own.path("id");
      report.reject(line, id.isTextual() ? id.asText() : null, e.problems());
      return;
    }
    report.count(store.save(r, actor, source, clock.instant()));
  }

  /**
   * Imports CSV ({@link ResourceCsv}): every row checked alone, a bad one rejected with its line
   * (where the row starts in the file) and fields. An unknown column rejects the file, naming it.
   */
  public ImportReport importCsv(Reader in, String actor, String source) {
    ImportReport report = new ImportReport();
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(in, format)) {
      List<String> header = parser.getHeaderNames();
      List<Problem> unknown = new ArrayList<>();
      for (String column : header) {
        if (!ResourceCsv.knownColumn(column)) {
          unknown.add(Problem.of(column, "resources.problem.unknownColumn"));
        }
      }
      if (!header.contains("kind") || header.stream().noneMatch(c -> c.startsWith("title_"))) {
        unknown.add(Problem.of("header", "resources.problem.needsKindAndTitle"));
      }
      if (!unknown.isEmpty()) {
        report.reject(1, null, unknown);
        return report;
      }
      long lastLine = parser.getCurrentLineNumber();
      for (CSVRecord row : parser) {
        int line = (int) lastLine + 1;
        lastLine = parser.getCurrentLineNumber();
        if (!row.isConsistent()) {
          report.reject(
              line,
              null,
              List.of(
                  new Problem("row", row.size() + " cells under " + header.size() + " columns")));
          continue;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        row.toMap().forEach((column, cell) -> cells.put(column, CsvFormulas.restore(cell)));
        one(ResourceCsv.toResourceJson(cells), line, report, actor, source);
      }
    } catch (IOException | UncheckedIOException e) {
      report.reject(0, null, List.of(new Problem("csv", String.valueOf(e.getMessage()))));
    }
    return report;
  }

  /** Every resource as a MOOChub JSON:API document. */
  public void exportJson(OutputStream out, String self) {
    ObjectNode doc = json.createObjectNode();
    doc.putObject("links").put("self", self);
    ArrayNode data = doc.putArray("data");
    store.all().forEach(r -> data.add(MoocHub.course(r)));
    try {
      json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(out, doc);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the resources", e);
    }
  }

  /**
   * Every resource as CSV, with a header row; a cell a spreadsheet would run as a formula gets an
   * apostrophe in front, which {@link #importCsv} takes off ({@link CsvFormulas}).
   */
  public void exportCsv(OutputStream out) {
    List<Resource> all = store.all();
    List<String> header = ResourceCsv.header(all);
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try {
      CSVPrinter printer =
          new CSVPrinter(
              w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
      for (Resource r : all) {
        printer.printRecord(ResourceCsv.row(r, header).stream().map(CsvFormulas::defuse).toList());
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the resources", e);
    }
  }
}
