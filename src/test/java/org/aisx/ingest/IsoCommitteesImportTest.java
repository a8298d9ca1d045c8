package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.committee.Committee;
import org.aisx.committee.Committees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ISO Open Data's list of technical committees through the importer, as {@code aisx import
 * iso_technical_committees.jsonl} runs it, on six lines cut from the real list (see the fixtures'
 * README).
 */
class IsoCommitteesImportTest {
  private static final String FIXTURE = "/fixtures/iso-committees/iso_technical_committees.jsonl";

  @TempDir Path dir;

  App app;
  Path list;

  @BeforeEach
  void open() throws Exception {
    app = Fixtures.empty(dir.resolve("data"));
    list = dir.resolve("iso_technical_committees.jsonl");
    try (InputStream in = getClass().getResourceAsStream(FIXTURE)) {
      Files.copy(in, list);
    }
  }

  @AfterEach
  void close() {
    app.close();
  }

  private ImportSummary importList(Path file) throws Exception {
    return app.importer().importFiles(Importer.Format.AUTO, List.of(file), null, Progress.SILENT);
  }

  private Importer.Format detected(String resource) throws Exception {
    try (InputStream in =
        new BufferedInputStream(getClass().getResourceAsStream(resource), 1 << 16)) {
      return Importer.detect(in, Path.of(resource));
    }
  }

  @Test
  void theCommitteesListIsRecognisedByItsShapeAndDeliverablesStayDeliverables() throws Exception {
    assertThat(detected(FIXTURE)).isEqualTo(Importer.Format.ISO_COMMITTEES);
    assertThat(detected("/fixtures/iso-open-data/88821-88915.jsonl"))
        .isEqualTo(Importer.Format.ISO_OPEN_DATA);
    assertThat(detected("/fixtures/iso-open-data/62085.json"))
        .isEqualTo(Importer.Format.ISO_OPEN_DATA);
    assertThat(Importer.Format.fromWire("iso-committees"))
        .isEqualTo(Importer.Format.ISO_COMMITTEES);
  }

  @Test
  void theListGoesIntoTheRegisterWithPlainScopesAndImportingItAgainChangesNothing()
      throws Exception {
    ImportSummary first = importList(list);
    assertThat(first.rejections()).isEmpty();
    assertThat(first.committeesCreatedCount()).isEqualTo(6);
    assertThat(first.createdCount()).as("no record of the catalogue").isZero();
    assertThat(app.catalog().count()).isZero();
    assertThat(first.toString()).contains("committees created 6, updated 0, unchanged 0");

    Committees register = app.committees();
    assertThat(register.count()).isEqualTo(6);
    Committee sc42 = register.find("ISO/IEC JTC 1/SC 42").orElseThrow();
    assertThat(sc42.title()).isEqualTo("Artificial intelligence");
    assertThat(sc42.status()).isEqualTo("Active");
    assertThat(sc42.secretariat()).isEqualTo("ANSI");
    assertThat(sc42.created()).isEqualTo("2017-11-21");
    assertThat(sc42.scope())
        .startsWith("Standardization in the area of Artificial Intelligence")
        .contains("Serve as the focus and proponent for JTC 1's standardization program")
        .doesNotContain("<", ">");
    assertThat(sc42.liaisons()).contains("ISO/IEC JTC 1", "ISO/IEC JTC 1/SC 27", "ISO/TC 36");
    assertThat(register.parent(sc42).orElseThrow().reference()).isEqualTo("ISO/IEC JTC 1");
    // Any spelling of a reference names the committee.
    assertThat(register.find("iso-iec-jtc-1-sc-42")).contains(sc42);
    Committee jtc1 = register.find("ISO/IEC JTC 1").orElseThrow();
    assertThat(register.children(jtc1))
        .extracting(Committee::reference)
        .containsExactly("ISO/IEC JTC 1/SC 27", "ISO/IEC JTC 1/SC 42");
    Committee jtc3 = register.find("IEC/ISO JTC 3").orElseThrow();
    assertThat(jtc3.scope()).doesNotContain("<").contains("quantum technologies");
    assertThat(jtc3.liaisons()).doesNotContainNull().contains("ISO/IEC JTC 1", "ISO/TC 229");
    assertThat(register.find("ISO/TC 18").orElseThrow().status()).isEqualTo("Suspended");

    ImportSummary again = importList(list);
    assertThat(again.rejections()).isEmpty();
    assertThat(again.committeesCreatedCount()).isZero();
    assertThat(again.committeesUpdatedCount()).isZero();
    assertThat(again.committeesUnchangedCount()).isEqualTo(6);
    assertThat(register.count()).isEqualTo(6);

    // ISO renames a committee: the next list updates it, and only it.
    Path renamed = dir.resolve("renamed.jsonl");
    Files.writeString(
        renamed,
        Files.readString(list, StandardCharsets.UTF_8)
            .replace("\"Artificial intelligence\"", "\"Artificial intelligence systems\""),
        StandardCharsets.UTF_8);
    ImportSummary third = importList(renamed);
    assertThat(third.committeesUpdatedCount()).isEqualTo(1);
    assertThat(third.committeesUnchangedCount()).isEqualTo(5);
    assertThat(register.find("ISO/IEC JTC 1/SC 42").orElseThrow().title())
        .isEqualTo("Artificial intelligence systems");
  }

  @Test
  void aBadLineIsRejectedByItsNumberAndFieldAndTheRestIsImported() throws Exception {
    List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
    Path damaged = dir.resolve("damaged.jsonl");
    Files.write(
        damaged,
        List.of(
            lines.get(0),
            "{\"id\": 1, \"reference\": \"ISO/TC 9",
            "{\"id\": 2, \"reference\": null, \"title\": {\"en\": \"No reference\"},"
                + " \"secretariat\": {\"acronym\": \"XX\"}, \"childrenId\": null}",
            lines.get(1).replace("\"2017-11-21\"", "\"21/11/2017\""),
            lines.get(2)),
        StandardCharsets.UTF_8);
    ImportSummary summary = importList(damaged);
    assertThat(summary.rejections())
        .extracting(ImportSummary.Rejection::where)
        .containsExactly("line 2", "line 3", "line 4");
    assertThat(summary.rejections().get(0).reason()).startsWith("not JSON");
    assertThat(summary.rejections().get(1).reason()).startsWith("reference: missing");
    assertThat(summary.rejections().get(2).reason())
        .isEqualTo("creationDate: '21/11/2017' is not a day (YYYY-MM-DD)");
    assertThat(summary.rejections())
        .allSatisfy(r -> assertThat(r.file()).isEqualTo("damaged.jsonl"));
    assertThat(summary.committeesCreatedCount()).isEqualTo(2);
    assertThat(app.committees().find("ISO/IEC JTC 1")).isPresent();
    assertThat(app.committees().find("ISO/IEC JTC 1/SC 27")).isPresent();
    assertThat(app.committees().find("ISO/IEC JTC 1/SC 42")).isEmpty();
  }
}
