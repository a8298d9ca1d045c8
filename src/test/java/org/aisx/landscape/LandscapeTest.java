package org.aisx.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Status;
import org.aisx.search.Axis;
import org.aisx.search.Facet;
import org.aisx.search.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heat-map on the classified starter catalogue: every cell's count is the total of its search
 * (the request with the cell's row and column values as filters), for many random axes, searches
 * and cells drawn with a fixed seed; gaps and draft-only cells are what their records say.
 */
class LandscapeTest {
  @TempDir static Path dir;
  static App app;

  private static final List<String> WORDS =
      List.of("risk", "network", "data quality", "privacy", "machine learning", "42001", "video");

  @BeforeAll
  static void open() {
    app = Fixtures.classifiedStarter(dir);
    app.embedder().embed("warm-up"); // searches by meaning from the first request
  }

  @AfterAll
  static void close() {
    app.close();
  }

  @Test
  void everyCellCountIsTheTotalOfItsSearchOverManyRandomCells() {
    Random random = new Random(15);
    List<Axis> axes = Axis.all();
    int compared = 0;
    int nonEmpty = 0;
    for (int round = 0; round < 60; round++) {
      Axis rows = axes.get(random.nextInt(axes.size()));
      Axis cols = axes.get(random.nextInt(axes.size()));
      if (rows.equals(cols)) {
        continue;
      }
      SearchRequest request = randomRequest(random);
      HeatMap map = app.landscape().heatMap(request, rows, cols);
      assertThat(map.total())
          .as("%s", request)
          .isEqualTo(app.hybridSearch().searchNow(request).total());
      if (map.cells().isEmpty()) {
        continue;
      }
      List<HeatMap.Cell> filled = map.cells().stream().filter(c -> c.count() > 0).toList();
      for (int i = 0; i < 6; i++) {
        // Half the cells drawn among the non-empty ones, where a wrong count would show.
        List<HeatMap.Cell> from = i % 2 == 0 && !filled.isEmpty() ? filled : map.cells();
        HeatMap.Cell cell = from.get(random.nextInt(from.size()));
        SearchRequest drill = Landscape.cellSearch(request, rows, cell.row(), cols, cell.col());
        assertThat(cell.count())
            .as("%s × %s = %s × %s under %s", rows.id(), cols.id(), cell.row(), cell.col(), request)
            .isEqualTo(app.hybridSearch().searchNow(drill).total());
        compared++;
        if (cell.count() > 0) {
          nonEmpty++;
          long byStatus = cell.byStatus().values().stream().mapToLong(Long::longValue).sum();
          assertThat(byStatus).isEqualTo(cell.count());
          // A record counts for each of its bodies (a joint publication for ISO and for IEC).
          assertThat(cell.bySdo().values().stream().mapToLong(Long::longValue).sum())
              .isGreaterThanOrEqualTo(cell.count());
          assertThat(cell.bySdo().values()).allMatch(n -> n <= cell.count());
          assertThat(cell.bySdo().keySet()).noneMatch(b -> b.contains("/"));
        }
      }
    }
    assertThat(compared).isGreaterThan(200);
    assertThat(nonEmpty).isGreaterThan(50);
  }

  private static SearchRequest randomRequest(Random random) {
    String q = random.nextInt(3) == 0 ? WORDS.get(random.nextInt(WORDS.size())) : "";
    SearchRequest.Mode mode = SearchRequest.Mode.values()[random.nextInt(3)];
    Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
    switch (random.nextInt(6)) {
      case 0 -> filters.put(Facet.STATUS, List.of("in-force"));
      case 1 -> filters.put(Facet.SDO, List.of("IEEE", "ITU-T"));
      case 2 -> filters.put(Facet.VERTICAL, List.of("health", "telecommunications"));
      case 3 -> filters.put(Facet.CONCERN, List.of("transparency-explainability"));
      default -> {}
    }
    Integer from = random.nextInt(4) == 0 ? 2015 + random.nextInt(5) : null;
    Integer to = random.nextInt(4) == 0 ? 2020 + random.nextInt(5) : null;
    return new SearchRequest(
        q, filters, from, to, SearchRequest.Sort.RELEVANCE, 1, 20, mode, random.nextBoolean());
  }

  @Test
  void verticalByConcernListsEveryConceptAndMarksGapsAndDraftOnlyCells() {
    HeatMap map =
        app.landscape()
            .heatMap(
                SearchRequest.all(),
                new Axis.OfFacet(Facet.VERTICAL),
                new Axis.OfFacet(Facet.CONCERN));
    assertThat(map.rows()).hasSize(13).contains("health");
    assertThat(map.cols()).hasSize(15).contains("transparency-explainability");
    assertThat(map.cells()).hasSize(13 * 15);
    assertThat(map.cells().stream().mapToLong(HeatMap.Cell::count).sum()).isPositive();
    for (HeatMap.Cell c : map.cells()) {
      assertThat(c.gap()).isEqualTo(c.withStatus(Status.IN_FORCE) == 0);
      assertThat(c.draftOnly()).isEqualTo(c.count() > 0 && c.withStatus(Status.DRAFT) == c.count());
    }
    assertThat(map.gaps()).isNotEmpty();
  }

  @Test
  void aFilteredAxisShowsOnlyTheFilteredValuesAndYearsFollowTheRange() {
    SearchRequest request =
        new SearchRequest(
            "",
            Map.of(Facet.SDO, List.of("IEEE", "ITU-T")),
            2018,
            2022,
            SearchRequest.Sort.RELEVANCE,
            1,
            20);
    HeatMap map = app.landscape().heatMap(request, new Axis.OfFacet(Facet.SDO), new Axis.Year());
    assertThat(map.rows()).containsExactly("IEEE", "ITU-T");
    assertThat(map.cols()).containsExactly("2018", "2019", "2020", "2021", "2022");
    List<Long> sums = new ArrayList<>();
    for (int i = 0; i < map.rows().size(); i++) {
      long sum = 0;
      for (int j = 0; j < map.cols().size(); j++) {
        sum += map.cell(i, j).count();
      }
      sums.add(sum);
    }
    // A record has one body and one year: each row's cells add up to the row's total.
    assertThat(sums).containsExactly(map.rowTotal("IEEE"), map.rowTotal("ITU-T"));
  }

  /**
   * Grouped by body, a joint publication of ISO and IEC is in ISO's row and in IEC's, never in a
   * row of its own, and each row's total is the total of the search for that body.
   */
  @Test
  void bodiesAreRowsOfTheirOwnAndJointWorkCountsInEach() {
    HeatMap map =
        app.landscape()
            .heatMap(
                SearchRequest.all(), new Axis.OfFacet(Facet.SDO), new Axis.OfFacet(Facet.STATUS));
    assertThat(map.rows()).contains("ISO", "IEC").noneMatch(r -> r.contains("/"));
    for (String body : List.of("ISO", "IEC")) {
      SearchRequest bySdo =
          new SearchRequest(
              "",
              Map.of(Facet.SDO, List.of(body)),
              null,
              null,
              SearchRequest.Sort.RELEVANCE,
              1,
              20);
      assertThat(map.rowTotal(body))
          .isEqualTo(app.hybridSearch().searchNow(bySdo).total())
          .isGreaterThan(
              app.hybridSearch()
                  .searchNow(
                      new SearchRequest(
                          "",
                          Map.of(Facet.SDO, List.of("ISO/IEC")),
                          null,
                          null,
                          SearchRequest.Sort.RELEVANCE,
                          1,
                          20))
                  .total());
    }
  }

  @Test
  void theSameAxisTwiceIsRefusedNamingCols() {
    Axis sdo = new Axis.OfFacet(Facet.SDO);
    assertThatThrownBy(() -> app.landscape().heatMap(SearchRequest.all(), sdo, sdo))
        .isInstanceOf(CatalogException.BadParameter.class)
        .hasMessageContaining("cols");
  }
}
