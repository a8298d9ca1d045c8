package org.aisx.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Json;
import org.aisx.catalog.Problem;
import org.aisx.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the resource store, its reader and its import and export formats guarantee, on every
 * database: the same tests run on SQLite and on a real PostgreSQL.
 */
abstract class ResourceStoreContract {
  /** The records and concepts the fixtures link to, standing in for catalogue and taxonomy. */
  static final Set<String> RECORDS =
      Set.of("iso-iec-42001-2023", "itu-t-f-748-46-03-2025", "iso-iec-22989-2022");

  static final Set<String> CONCEPTS =
      Set.of("security", "ai-agents", "governance", "risk-management", "testing-conformity");

  Database db;
  SqlResourceStore store;
  Resources resources;
  final ObjectMapper json = Json.mapper();

  abstract Database open() throws Exception;

  abstract void dispose() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    db = open();
    store = new SqlResourceStore(db, json);
    resources =
        new Resources(
            store,
            new ResourceReader(RECORDS::contains, CONCEPTS::contains),
            json,
            Clock.systemUTC());
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
    dispose();
  }

  ObjectNode node(String id, String kind, String... standards) {
    ObjectNode n = json.createObjectNode();
    n.put("id", id);
    n.putObject("title").put("en", "Title of " + id).put("fr", "Titre de " + id);
    n.put("provider", "ITU Academy");
    n.put("url", "https://academy.example.org/" + id);
    n.put("kind", kind);
    n.putArray("languages").add("en").add("fr");
    n.put("level", "introductory");
    n.put("format", "in-person");
    n.put("audience", "regulators");
    n.put("start", "2025-07-08");
    n.put("end", "2025-07-11");
    var s = n.putArray("standards");
    for (String id2 : standards) {
      s.add(id2);
    }
    n.putArray("concepts").add("governance");
    return n;
  }

  Resource resource(String id, String kind, String... standards) {
    return resources.read(node(id, kind, standards));
  }

  @Test
  void savesFindsAndListsTheResourcesThatTeachARecord() {
    assertThat(resources.save(resource("a", "course", "iso-iec-42001-2023"), "t", "test"))
        .isEqualTo(SaveOutcome.CREATED);
    resources.save(
        resource("b", "workshop", "iso-iec-42001-2023", "itu-t-f-748-46-03-2025"), "t", "test");
    resources.save(resource("c", "guide"), "t", "test");
    assertThat(store.find("a")).contains(resource("a", "course", "iso-iec-42001-2023"));
    assertThat(store.find("none")).isEmpty();
    assertThat(store.count()).isEqualTo(3);
    assertThat(resources.teaching("iso-iec-42001-2023"))
        .extracting(Resource::id)
        .containsOnly("a", "b");
    assertThat(resources.teaching("itu-t-f-748-46-03-2025"))
        .extracting(Resource::id)
        .containsExactly("b");
    assertThat(resources.teaching("iso-iec-22989-2022")).isEmpty();
  }

  @Test
  void aRemovedResourceIsGoneWithItsLinksIsKeptWithTheReasonAndTheSeedDoesNotReturn() {
    resources.save(resource("a", "course", "iso-iec-42001-2023"), "t", "test");
    resources.save(resource("b", "workshop", "iso-iec-42001-2023"), "t", "test");

    assertThat(resources.remove("a", "coord@example.org", "  dead link  "))
        .isEqualTo(resource("a", "course", "iso-iec-42001-2023"));
    assertThat(store.find("a")).isEmpty();
    assertThat(resources.teaching("iso-iec-42001-2023"))
        .extracting(Resource::id)
        .containsExactly("b");
    List<String> kept =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT removed_by || ' ' || reason FROM learning_resource_removed"
                                + " WHERE id = 'a'")
                        .mapTo(String.class)
                        .list());
    assertThat(kept).containsExactly("coord@example.org dead link");
    assertThatThrownBy(() -> resources.remove("a", "coord@example.org", null))
        .isInstanceOf(CatalogException.NotFound.class);
    assertThatThrownBy(() -> resources.remove("b", "coord@example.org", "x".repeat(2_001)))
        .isInstanceOfSatisfying(
            CatalogException.Invalid.class,
            e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("reason"));
    assertThat(store.find("b")).isPresent();

    // Every resource removed: the bundled seed is not loaded again into the empty list.
    resources.remove("b", "coord@example.org", null);
    assertThat(store.count()).isZero();
    assertThat(resources.loadSeedIfEmpty().created()).isZero();
    assertThat(store.count()).isZero();
  }

  @Test
  void anIdenticalSaveChangesNothingAndAChangeReplacesTheLinks() {
    resources.save(resource("a", "course", "iso-iec-42001-2023"), "t", "test");
    assertThat(resources.save(resource("a", "course", "iso-iec-42001-2023"), "t", "test"))
        .isEqualTo(SaveOutcome.UNCHANGED);
    assertThat(resources.save(resource("a", "course", "iso-iec-22989-2022"), "t", "test"))
        .isEqualTo(SaveOutcome.UPDATED);
    assertThat(resources.teaching("iso-iec-42001-2023")).isEmpty();
    assertThat(resources.teaching("iso-iec-22989-2022"))
        .extracting(Resource::id)
        .containsExactly("a");
  }

  @Test
  void everyBadFieldIsReportedAtOnceByName() {
    ObjectNode bad = node("Bad Id", "lecture", "no-such-record");
    bad.remove("provider");
    bad.put("url", "javascript:alert(1)");
    bad.put("start", "8 July 2025");
    bad.putArray("languages").add("English");
    bad.putArray("concepts").add("astrology");
    bad.put("colour", "red");
    assertThatThrownBy(() -> resources.read(bad))
        .isInstanceOfSatisfying(
            CatalogException.Invalid.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::field)
                    .containsExactlyInAnyOrder(
                        "id",
                        "kind",
                        "provider",
                        "url",
                        "start",
                        "languages[0]",
                        "standards[0]",
                        "concepts[0]",
                        "colour"));
    ObjectNode backwards = node("x", "course");
    backwards.put("end", "2025-07-01");
    assertThatThrownBy(() -> resources.read(backwards))
        .isInstanceOfSatisfying(
            CatalogException.Invalid.class,
            e -> assertThat(e.problems()).extracting(Problem::field).containsExactly("end"));
    ObjectNode untitled = node("y", "course");
    untitled.remove("title");
    untitled.remove("id");
    assertThatThrownBy(() -> resources.read(untitled))
        .isInstanceOfSatisfying(
            CatalogException.Invalid.class,
            e -> assertThat(e.problems()).extracting(Problem::field).contains("title"));
  }

  @Test
  void anIdIsMadeFromTheTitleWhenNoneIsGiven() {
    ObjectNode n = node("ignored", "course");
    n.remove("id");
    n.putObject("title").put("en", "AI Governance in Practice: Frameworks!");
    assertThat(resources.read(n).id()).isEqualTo("ai-governance-in-practice-frameworks");
  }

  @Test
  void theMoocHubJsonExportImportsBackToTheSameResources() throws Exception {
    resources.save(resource("a", "course", "iso-iec-42001-2023"), "t", "test");
    resources.save(resource("b", "webinar"), "t", "test");
    ObjectNode oneLanguage = node("c", "toolkit");
    oneLanguage.putObject("title").put("en", "Only English");
    oneLanguage.remove("level");
    oneLanguage.remove("format");
    resources.save(resources.read(oneLanguage), "t", "test");
    List<Resource> before = store.all();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    resources.exportJson(out, "/api/v1/resources/export.json");
    JsonNode doc = json.readTree(out.toByteArray());
    assertThat(doc.path("data")).hasSize(3);
    JsonNode a = doc.path("data").get(0);
    assertThat(a.path("type").asText()).isEqualTo("Course");
    assertThat(a.at("/attributes/courseMode").asText()).isEqualTo("onsite");
    assertThat(a.at("/attributes/provider/type").asText()).isEqualTo("Organization");
    assertThat(a.at("/attributes/about/0/identifier").asText()).isEqualTo("iso-iec-42001-2023");
    assertThat(a.at("/attributes/teaches/0/termCode").asText()).isEqualTo("governance");

    // Imported over a store that changed meanwhile: the export's version wins, the rest stays.
    resources.save(resource("a", "guide"), "t", "t");
    ImportReport report =
        resources.importJson(new ByteArrayInputStream(out.toByteArray()), "t", "rt");
    assertThat(report.rejections()).isEmpty();
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.unchanged()).isEqualTo(2);
    assertThat(store.all()).containsExactlyElementsOf(before);
  }

  private String exportCsv() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    resources.exportCsv(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theCsvExportImportsBackToTheSameResources() throws Exception {
    resources.save(resource("a", "course", "iso-iec-42001-2023", "iso-iec-22989-2022"), "t", "t");
    ObjectNode quoted = node("b", "guide");
    quoted.putObject("title").put("en", "Commas, \"quotes\" and\nlines").put("zh", "人工智能");
    quoted.put("audience", "policy makers; regulators");
    resources.save(resources.read(quoted), "t", "t");
    List<Resource> before = store.all();
    String csv = exportCsv();
    assertThat(csv.lines().findFirst().orElseThrow())
        .startsWith("id,kind,title_en,title_fr,title_es,title_ar,title_ru,title_zh,provider");
    // Imported over a store that changed meanwhile: the CSV's version wins, nothing else is lost.
    resources.save(resource("a", "workshop"), "t", "t");
    resources.save(resource("z", "webinar"), "t", "t");
    ImportReport report = resources.importCsv(new StringReader(csv), "t", "rt");
    assertThat(report.rejections()).isEmpty();
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.unchanged()).isEqualTo(1);
    assertThat(store.all()).containsAll(before).hasSize(3);
  }

  @Test
  void aTitleASpreadsheetWouldRunIsDefusedInTheCsvAndImportsBackUnchanged() throws Exception {
    ObjectNode formula = node("f", "guide");
    formula.putObject("title").put("en", "=HYPERLINK(\"http://evil.example\")").put("fr", "'=déjà");
    formula.put("audience", "-regulators");
    resources.save(resources.read(formula), "t", "t");
    List<Resource> before = store.all();
    String csv = exportCsv();
    assertThat(csv).contains("\"'=HYPERLINK(").contains("''=déjà").contains("'-regulators");
    ImportReport report = resources.importCsv(new StringReader(csv), "t", "rt");
    assertThat(report.rejections()).isEmpty();
    assertThat(report.unchanged()).isEqualTo(1);
    assertThat(store.all()).isEqualTo(before);
  }

  @Test
  void aBadLineIsRejectedByLineAndFieldAndTheOthersAreStoredAndNothingIsLost() throws Exception {
    resources.save(resource("kept", "course", "iso-iec-42001-2023"), "t", "t");
    ImportReport csv;
    try (InputStream in = fixture("resources.csv")) {
      csv = resources.importCsv(new InputStreamReader(in, StandardCharsets.UTF_8), "t", "fixture");
    }
    assertThat(csv.created()).isEqualTo(2);
    assertThat(csv.rejections()).hasSize(2);
    ImportReport.Rejection first = csv.rejections().get(0);
    assertThat(first.line()).isEqualTo(3);
    assertThat(first.problems()).extracting(Problem::field).containsExactly("kind");
    ImportReport.Rejection second = csv.rejections().get(1);
    // The row before it spans two lines (a quoted line break in the title).
    assertThat(second.line()).isEqualTo(6);
    assertThat(second.problems()).extracting(Problem::field).containsExactly("standards[1]");
    assertThat(store.find("kept")).isPresent();
    assertThat(store.count()).isEqualTo(3);

    ImportReport moochub;
    try (InputStream in = fixture("moochub.json")) {
      moochub = resources.importJson(in, "t", "fixture");
    }
    assertThat(moochub.created()).isEqualTo(2);
    assertThat(moochub.rejections()).hasSize(1);
    assertThat(moochub.rejections().get(0).id()).isEqualTo("bad-dates");
    assertThat(moochub.rejections().get(0).line()).isEqualTo(77);
    assertThat(moochub.rejections().get(0).problems())
        .extracting(Problem::field)
        .containsExactly("start");
    Resource fromMoocHub = store.find("ai-for-good-2025-ai-security").orElseThrow();
    assertThat(fromMoocHub.format()).isEqualTo(ResourceFormat.IN_PERSON);
    assertThat(fromMoocHub.standards())
        .containsExactly("iso-iec-42001-2023", "itu-t-f-748-46-03-2025");
    assertThat(fromMoocHub.title()).containsEntry("en", fromMoocHub.titleIn("en"));
    assertThat(store.count()).isEqualTo(5);

    ImportReport broken =
        resources.importJson(
            new ByteArrayInputStream("{\"data\": [\n{\"id\": }".getBytes(StandardCharsets.UTF_8)),
            "t",
            "broken");
    assertThat(broken.rejections()).hasSize(1);
    assertThat(broken.rejections().get(0).line()).isEqualTo(2);
    assertThat(store.count()).isEqualTo(5);
  }

  @Test
  void facetsCountDrillSidewaysAndFiltersCombine() {
    resources.save(resource("a", "course", "iso-iec-42001-2023"), "t", "t");
    resources.save(resource("b", "workshop", "iso-iec-42001-2023"), "t", "t");
    resources.save(resource("c", "workshop"), "t", "t");
    Resources.Page page =
        resources.list(
            new ResourceQuery(
                Map.of(
                    ResourceFacet.KIND, List.of("workshop"),
                    ResourceFacet.STANDARD, List.of("iso-iec-42001-2023")),
                0,
                10));
    assertThat(page.items()).extracting(Resource::id).containsExactly("b");
    // Kind counts ignore the kind filter but keep the standard one.
    assertThat(page.facets().get(ResourceFacet.KIND))
        .extracting(Resources.FacetCount::value, Resources.FacetCount::count)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("course", 1),
            org.assertj.core.groups.Tuple.tuple("workshop", 1));
    assertThat(
            resources
                .list(
                    new ResourceQuery(
                        Map.of(ResourceFacet.KIND, List.of("workshop", "course")), 1, 1))
                .total())
        .isEqualTo(3);
  }

  @Test
  void anApprovalThatFailsLeavesNoResource() {
    Resource r = resource("approved", "course");
    assertThatThrownBy(
            () ->
                resources.approve(
                    r,
                    false,
                    "coord",
                    "submission:x",
                    () -> {
                      throw new IllegalStateException("raced");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.find("approved")).isEmpty();
    resources.approve(r, false, "coord", "submission:x", () -> {});
    assertThat(store.find("approved")).contains(r);
  }

  static InputStream fixture(String name) {
    InputStream in = ResourceStoreContract.class.getResourceAsStream("/fixtures/resources/" + name);
    assertThat(in).as(name).isNotNull();
    return in;
  }
}
