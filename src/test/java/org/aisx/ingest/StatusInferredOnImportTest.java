package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §1: "A feed that gives no status does not make a record invalid: the importer infers it (a
 * published date and no newer edition in the catalogue: in force; a newer edition: superseded; a
 * draft version or stage: draft) and says so". The {@code json} and {@code csv} imports rejected
 * such a record with "status: required".
 */
class StatusInferredOnImportTest {
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

  private ImportSummary importText(Importer.Format format, String name, String text)
      throws Exception {
    return app.importer()
        .importStream(
            format,
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            name,
            "test",
            new ImportSummary(),
            Progress.SILENT);
  }

  private Standard record(String id) {
    return app.catalog().find(id).orElseThrow();
  }

  @Test
  void aJsonRecordWithoutStatusIsImportedWithTheStatusInferred() throws Exception {
    ImportSummary s =
        importText(
            Importer.Format.JSON,
            "test.json",
            """
            [
              {"identifier": "QA 10:2020", "title": {"en": "Dated"}, "sdo": "ISO", "type": "guide", "published": "2020"},
              {"identifier": "ISO/DIS 10", "title": {"en": "A draft"}, "sdo": "ISO", "type": "guide"},
              {"identifier": "QA 11:2019", "title": {"en": "Replaced"}, "sdo": "ISO", "type": "guide", "published": "2019",
               "relations": [{"type": "replaced-by", "target": "QA 11:2024"}]},
              {"identifier": "QA 12", "title": {"en": "Nothing to go by"}, "sdo": "ISO", "type": "guide"}
            ]
            """);

    assertThat(s.createdCount()).isEqualTo(3);
    assertThat(record("qa-10-2020").status()).isEqualTo(Status.IN_FORCE);
    assertThat(record("qa-10-2020").statusInferred()).isTrue();
    assertThat(record("iso-dis-10").status()).isEqualTo(Status.DRAFT);
    assertThat(record("iso-dis-10").statusInferred()).isTrue();
    assertThat(record("qa-11-2019").status()).isEqualTo(Status.SUPERSEDED);
    assertThat(record("qa-11-2019").statusInferred()).isTrue();
    // Nothing in the record to infer it from: rejected, saying so.
    assertThat(s.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.where()).isEqualTo("record 4 (line 6)");
              assertThat(r.reason()).contains("QA 12").contains("status");
            });
  }

  @Test
  void aCsvRowWithAnEmptyStatusIsImportedWithTheStatusInferred() throws Exception {
    ImportSummary s =
        importText(
            Importer.Format.CSV,
            "test.csv",
            """
            identifier,title_en,sdo,type,status,published
            QA 20:2021,Given,ISO,technical-report,in-force,2021
            QA 21:2023,Not given,ISO,technical-report,,2023
            """);

    assertThat(s.rejections()).isEmpty();
    assertThat(s.createdCount()).isEqualTo(2);
    assertThat(record("qa-20-2021").statusInferred()).isFalse();
    assertThat(record("qa-21-2023").status()).isEqualTo(Status.IN_FORCE);
    assertThat(record("qa-21-2023").statusInferred()).isTrue();
  }

  /** A newer edition is one that says it replaces the record ({@link EditionStatus}). */
  @Test
  void anInferredStatusIsSupersededByANewerEditionInTheCatalogue() throws Exception {
    importText(
        Importer.Format.JSON,
        "new.json",
        """
        [{"identifier": "ISO 30000:2024", "title": {"en": "Newer"}, "sdo": "ISO", "type": "international-standard", "status": "in-force", "published": "2024",
          "relations": [{"type": "replaces", "target": "ISO 30000:2019"}]}]
        """);
    importText(
        Importer.Format.JSON,
        "old.json",
        """
        [{"identifier": "ISO 30000:2019", "title": {"en": "Older"}, "sdo": "ISO", "type": "international-standard", "published": "2019"}]
        """);

    assertThat(record("iso-30000-2019").status()).isEqualTo(Status.SUPERSEDED);
    assertThat(record("iso-30000-2019").statusInferred()).isTrue();
  }
}
