package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Standard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 18 item 10: two different identifiers that slug to the same id never overwrite each other
 * on import; the feed's record is rejected by name and the stored one keeps its identifier, title,
 * type and revision.
 */
class LookAlikeIdentifiersOnImportTest {
  @TempDir Path dir;

  private static final String STORED =
      """
      [{"identifier": "ISO/IEC 42001:2023", "sdo": "ISO/IEC", "type": "international-standard",
        "status": "in-force", "published": "2023-12-18", "committee": "ISO/IEC JTC 1/SC 42",
        "title": {"en": "Information technology - Artificial intelligence - Management system"}}]
      """;

  private static final String LOOK_ALIKE =
      """
      [{"identifier": "ISO IEC 42001 2023", "sdo": "ISO/IEC", "type": "technical-report",
        "status": "withdrawn", "published": "2023-01-01",
        "title": {"en": "Something else entirely"}},
       {"identifier": "ISO/IEC 22989:2022", "sdo": "ISO/IEC", "type": "international-standard",
        "status": "in-force", "published": "2022-07-19",
        "title": {"en": "Information technology - Artificial intelligence - Artificial intelligence concepts and terminology"}}]
      """;

  /** The stored record's feed and the look-alike's, as one feed. */
  private static final String BOTH =
      String.join(
          ",\n",
          STORED.strip().substring(0, STORED.strip().length() - 1),
          LOOK_ALIKE.strip().substring(1));

  private static ImportSummary load(App app, String name, String feed) throws Exception {
    ImportSummary summary = new ImportSummary();
    app.importer()
        .importStream(
            Importer.Format.JSON,
            new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)),
            name,
            "feed-" + name,
            summary,
            Progress.SILENT);
    return summary;
  }

  @Test
  void aFeedRecordThatSlugsLikeAStoredOneIsRejectedByNameAndOverwritesNothing() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      assertThat(load(app, "first.json", STORED).createdCount()).isEqualTo(1);
      Standard before = app.catalog().get("iso-iec-42001-2023");

      ImportSummary second = load(app, "second.json", LOOK_ALIKE);

      assertThat(second.rejections())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.file()).isEqualTo("second.json");
                assertThat(r.where()).isEqualTo("record 1 (line 1)");
                assertThat(r.reason())
                    .contains("identifier")
                    .contains("ISO IEC 42001 2023")
                    .contains("ISO/IEC 42001:2023");
              });
      assertThat(second.createdCount()).isEqualTo(1); // the record beside it
      Standard after = app.catalog().get("iso-iec-42001-2023");
      assertThat(after).isEqualTo(before);
      assertThat(after.revision()).isEqualTo(1);
      assertThat(after.identifier()).isEqualTo("ISO/IEC 42001:2023");
      assertThat(app.catalog().history("iso-iec-42001-2023"))
          .extracting(HistoryEvent::kind)
          .containsExactly(HistoryEvent.Kind.CREATED);
      assertThat(app.catalog().find("iso-iec-22989-2022")).isPresent();
    }
  }

  @Test
  void twoLookAlikesInOneFeedAreNotFoldedAsCopiesOfOneEdition() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      ImportSummary summary = load(app, "both.json", BOTH);
      assertThat(summary.duplicates()).isEmpty();
      assertThat(summary.rejections())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.where()).startsWith("record 2 ");
                assertThat(r.reason()).contains("identifier").contains("ISO IEC 42001 2023");
              });
      assertThat(app.catalog().get("iso-iec-42001-2023").identifier())
          .isEqualTo("ISO/IEC 42001:2023");
      assertThat(app.catalog().get("iso-iec-42001-2023").revision()).isEqualTo(1);
    }
  }

  @Test
  void theSameIdentifierFromAnotherFeedStillMerges() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      load(app, "first.json", STORED);
      ImportSummary again =
          load(
              app,
              "again.json",
              STORED.replace(
                  "\"committee\": \"ISO/IEC JTC 1/SC 42\",",
                  "\"url\": \"https://www.iso.org/standard/81230.html\","));
      assertThat(again.rejections()).isEmpty();
      assertThat(app.catalog().get("iso-iec-42001-2023").url())
          .isEqualTo("https://www.iso.org/standard/81230.html");
    }
  }

  /**
   * The same publication in another body's notation merges: the IEC feed's "ISO TR" for the ISO
   * feed's "ISO/TR", IEEE's "15026.4-2021" for ISO's and IEC's "15026-4:2021".
   */
  @ParameterizedTest
  @CsvSource({
    "ISO/TR 24971:2020, ISO TR 24971:2020, iso-tr-24971-2020, ISO",
    "ISO/IEC/IEEE 15026-4:2021, ISO/IEC/IEEE 15026.4-2021, iso-iec-ieee-15026-4-2021, ISO/IEC/IEEE",
    "ISO/IEC/IEEE 29148:2011, ISO/IEC/IEEE 29148-2011, iso-iec-ieee-29148-2011, ISO/IEC/IEEE"
  })
  void theSamePublicationInAnotherBodysNotationMerges(
      String stored, String incoming, String id, String sdo) throws Exception {
    String feed =
        """
        [{"identifier": "%s", "sdo": "%s", "type": "international-standard",
          "status": "in-force", "published": "2020-06-01", %s
          "title": {"en": "A joint publication"}}]
        """;
    try (App app = Fixtures.empty(dir)) {
      load(app, "first.json", String.format(Locale.ROOT, feed, stored, sdo, ""));
      ImportSummary other =
          load(
              app,
              "other.json",
              String.format(
                  Locale.ROOT, feed, incoming, sdo, "\"url\": \"https://example.org/other\","));
      assertThat(other.rejections()).isEmpty();
      assertThat(app.catalog().get(id).url()).isEqualTo("https://example.org/other");
    }
  }
}
