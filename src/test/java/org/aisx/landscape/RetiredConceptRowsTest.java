package org.aisx.landscape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.ingest.ImportSummary;
import org.aisx.ingest.Importer;
import org.aisx.search.Axis;
import org.aisx.search.Facet;
import org.aisx.search.SearchRequest;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.TaxonomyChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retired taxonomy concept is no longer offered, but records classified before keep it: it is no
 * row of the landscape once no record of the view carries it, and stays one while records do (so
 * that every record is still counted in a row).
 */
class RetiredConceptRowsTest {
  @TempDir Path dir;
  App app;

  @BeforeEach
  void open() throws Exception {
    app = Fixtures.empty(dir);
    String records =
        """
        {"format": "aisx-json", "version": 1, "records": [
          {"identifier": "ISO 1:2020", "title": {"en": "Health one"}, "sdo": "ISO",
           "type": "international-standard", "status": "in-force", "verticals": ["health"]},
          {"identifier": "ISO 2:2020", "title": {"en": "Finance two"}, "sdo": "ISO",
           "type": "international-standard", "status": "in-force", "verticals": ["finance"]}
        ]}
        """;
    ImportSummary summary = new ImportSummary();
    app.importer()
        .importStream(
            Importer.Format.JSON,
            new ByteArrayInputStream(records.getBytes(StandardCharsets.UTF_8)),
            "records.json",
            "test",
            summary,
            Progress.SILENT);
    assertThat(summary.rejections()).isEmpty();
  }

  @AfterEach
  void close() {
    app.close();
  }

  private HeatMap verticalsByStatus() {
    return app.landscape()
        .heatMap(
            SearchRequest.all(), new Axis.OfFacet(Facet.VERTICAL), new Axis.OfFacet(Facet.STATUS));
  }

  @Test
  void aRetiredConceptIsNoRowOnceNoRecordCarriesIt() {
    assertThat(verticalsByStatus().rows()).contains("energy", "finance", "health");

    app.liveTaxonomy()
        .apply(new TaxonomyChange.Retire(Dimension.VERTICAL, "energy"), "coord@example.org", null);
    app.liveTaxonomy()
        .apply(new TaxonomyChange.Retire(Dimension.VERTICAL, "finance"), "coord@example.org", null);

    HeatMap after = verticalsByStatus();
    assertThat(after.rows()).doesNotContain("energy").contains("finance", "health");
    assertThat(after.rowTotals()).containsEntry("finance", 1L);
    assertThat(after.cells()).noneMatch(c -> c.row().equals("energy"));
  }
}
