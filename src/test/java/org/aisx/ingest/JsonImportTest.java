package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.search.SearchRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonImportTest {
  @TempDir Path dir;
  App app;

  @BeforeEach
  void open() {
    app = Fixtures.empty(dir.resolve("data"));
  }

  @AfterEach
  void close() {
    app.close();
  }

  private ImportSummary importText(String text) throws Exception {
    return app.importer()
        .importStream(
            Importer.Format.JSON,
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            "test.json",
            "test",
            new ImportSummary(),
            Progress.SILENT);
  }

  @Test
  void aRejectedRecordIsReportedWithItsNumberAndLineAndTheRestIsImported() throws Exception {
    ImportSummary s =
        importText(
            """
            [
              {"identifier": "RFC 9110", "title": {"en": "HTTP Semantics"}, "sdo": "IETF", "type": "other", "status": "in-force"},
              {"identifier": "RFC 9111", "title": {"en": "HTTP Caching"}, "sdo": "IETF", "type": "other", "status": "valid"},
              {"identifier": "RFC 9112", "title": {"en": "HTTP/1.1"}, "sdo": "IETF", "type": "other", "status": "in-force"}
            ]
            """);

    assertThat(s.createdCount()).isEqualTo(2);
    assertThat(s.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.where()).isEqualTo("record 2 (line 3)");
              assertThat(r.reason()).contains("RFC 9111").contains("status").contains("'valid'");
            });
    assertThat(app.catalog().find("rfc-9112")).isPresent();
  }

  @Test
  void aBrokenDocumentKeepsTheRecordsBeforeTheBreak() throws Exception {
    ImportSummary s =
        importText(
            """
            {"format": "aisx-json", "records": [
              {"identifier": "RFC 9110", "title": {"en": "HTTP Semantics"}, "sdo": "IETF", "type": "other", "status": "in-force"},
              {"identifier": "RFC 9111", "title": {"en": "HTTP Caching"
            """);

    assertThat(s.createdCount()).isEqualTo(1);
    assertThat(s.rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.where()).isEqualTo("document"));
    assertThat(app.index().search(SearchRequest.all()).total()).isEqualTo(1);
  }

  @Test
  void aDocumentOfAnotherFormatIsRefused() throws Exception {
    ImportSummary s = importText("{\"format\": \"relaton\", \"records\": []}");
    assertThat(s.rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("relaton"));
  }

  @Test
  void exportThenImportIntoAnEmptyCatalogueGivesTheSameRecords() throws Exception {
    Fixtures.load(app, "/fixtures/catalogue/rfc-http.json");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonFormat.Writer w = app.jsonFormat().writer(out, null)) {
      for (String id : List.of("rfc-7231", "rfc-9110")) {
        w.write(app.catalog().get(id));
      }
    }
    Path gz = dir.resolve("export.json.gz");
    try (GZIPOutputStream z = new GZIPOutputStream(Files.newOutputStream(gz))) {
      z.write(out.toByteArray());
    }

    try (App other = Fixtures.empty(dir.resolve("other"))) {
      ImportSummary s =
          other
              .importer()
              .importFiles(
                  Importer.Format.JSON,
                  List.of(dir.resolve("export.json.gz")),
                  "export",
                  Progress.SILENT);
      assertThat(s.createdCount()).isEqualTo(2);
      Standard a = app.catalog().get("rfc-7231");
      Standard b = other.catalog().get("rfc-7231");
      assertThat(b.toBuilder().source(null).build()).isEqualTo(a.toBuilder().source(null).build());
    }
  }

  @Test
  void importingTheSameFileTwiceChangesNothing() throws Exception {
    Path feed = Files.createDirectories(dir.resolve("feed"));
    Path file = feed.resolve("rfc.json");
    try (var in = getClass().getResourceAsStream("/fixtures/catalogue/rfc-http.json")) {
      Files.copy(in, file);
    }
    ImportSummary first =
        app.importer().importFiles(Importer.Format.JSON, List.of(file), null, Progress.SILENT);
    long mark = app.index().committedMark();
    ImportSummary second =
        app.importer().importFiles(Importer.Format.JSON, List.of(feed), null, Progress.SILENT);

    assertThat(first.createdCount()).isEqualTo(2);
    assertThat(second.unchangedCount()).isEqualTo(2);
    assertThat(second.createdCount() + second.updatedCount()).isZero();
    assertThat(app.catalog().history("rfc-9110")).hasSize(1);
    assertThat(app.index().committedMark()).isEqualTo(mark);
  }
}
