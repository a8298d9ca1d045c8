package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.HistoryEvent;
import org.aisx.catalog.Progress;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every feed format through the importer, as `aisx import FILE...` runs it. */
class FeedImportTest {
  @TempDir Path dir;
  Path feeds;
  App app;

  @BeforeEach
  void setUp() throws Exception {
    feeds = Files.createDirectories(dir.resolve("feeds"));
    for (String resource :
        List.of(
            "/fixtures/relaton/iec.yaml",
            "/fixtures/relaton/ieee.yaml",
            "/fixtures/relaton/itu-t.yaml.gz",
            "/fixtures/rfc/rfc-index-excerpt.txt",
            "/fixtures/iso-open-data/62085.json",
            "/fixtures/iso-open-data/88821-88915.jsonl")) {
      copy(resource, feeds.resolve(Path.of(resource).getFileName().toString()));
    }
    app = Fixtures.empty(dir.resolve("data"));
  }

  @AfterEach
  void tearDown() {
    app.close();
  }

  private void copy(String resource, Path target) throws Exception {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private ImportSummary importAll() throws Exception {
    return app.importer().importFiles(Importer.Format.AUTO, List.of(feeds), null, Progress.SILENT);
  }

  @Test
  void recognisesEachFormatAndASecondRunChangesNothing() throws Exception {
    ImportSummary first = importAll();

    assertThat(app.catalog().find("iso-iec-42001-2023")).isPresent();
    assertThat(app.catalog().find("itu-t-y-3172-06-2019")).isPresent();
    assertThat(app.catalog().find("ieee-7001-2021")).isPresent();
    assertThat(app.catalog().find("rfc-9110")).isPresent();
    assertThat(first.createdCount()).isEqualTo(app.catalog().count());
    // ISO Open Data gives no titles: its deliverables are records all the same.
    assertThat(first.rejections()).isEmpty();
    assertThat(app.catalog().find("iso-9001-2015")).isPresent();

    ImportSummary second = importAll();
    assertThat(second.createdCount() + second.updatedCount()).isZero();
    assertThat(second.unchangedCount()).isEqualTo(first.createdCount() + first.updatedCount());
  }

  @Test
  void isoOpenDataUpdatesARecordWhoseTitleTheCatalogueKnows() throws Exception {
    // ISO Open Data has no titles; a record from another source supplies it.
    Path known = dir.resolve("known.json");
    Files.writeString(
        known,
        """
        [{"identifier": "ISO 9001:2015", "title": {"en": "Quality management systems - Requirements"},
          "sdo": "ISO", "type": "international-standard", "status": "in-force"}]
        """);
    app.importer().importFiles(Importer.Format.AUTO, List.of(known), "catalogue", Progress.SILENT);

    ImportSummary s =
        app.importer()
            .importFiles(
                Importer.Format.AUTO, List.of(feeds.resolve("62085.json")), null, Progress.SILENT);

    assertThat(s.updatedCount()).isEqualTo(1);
    var iso9001 = app.catalog().get("iso-9001-2015");
    assertThat(iso9001.titleIn("en")).isEqualTo("Quality management systems - Requirements");
    assertThat(iso9001.committee()).isEqualTo("ISO/TC 176/SC 2");
    assertThat(iso9001.abstractIn("en"))
        .startsWith("ISO 9001:2015 specifies requirements")
        .doesNotContain("<p>");
    assertThat(iso9001.source()).isEqualTo("62085");
    // The title is the other source's, and says so: ISO Open Data gave none.
    assertThat(iso9001.fieldSources().get("title")).containsExactly("catalogue");
    assertThat(iso9001.fieldSources().get("committee")).containsExactly("62085");
  }

  /**
   * The real ISO Open Data files give ISO 9001:2015, ISO/TR 7035-2:2024 and ISO/IEC
   * 19566-7:2022/Amd 1:2025 with reference, scope, committee, dates, stage and replaces/replacedBy,
   * but no title: each is a record without one, which the importer counts as created, not rejected.
   */
  @Test
  void isoOpenDataDeliverablesWithoutTitlesAreRecordsWithoutOne() throws Exception {
    ImportSummary s =
        app.importer()
            .importFiles(
                Importer.Format.AUTO,
                List.of(feeds.resolve("62085.json"), feeds.resolve("88821-88915.jsonl")),
                null,
                Progress.SILENT);

    assertThat(s.rejections()).isEmpty();
    assertThat(s.createdCount()).isEqualTo(3);
    Standard iso9001 = app.catalog().get("iso-9001-2015");
    assertThat(iso9001.title()).isEmpty();
    assertThat(iso9001.fieldSources()).doesNotContainKey("title");
    assertThat(iso9001.committee()).isEqualTo("ISO/TC 176/SC 2");
    assertThat(iso9001.stage()).isEqualTo("90.92");
    assertThat(iso9001.published()).isEqualTo("2015-09-22");
    assertThat(iso9001.abstractIn("en")).startsWith("ISO 9001:2015 specifies requirements");
    assertThat(iso9001.relations())
        .extracting(r -> r.type())
        .containsExactly(RelationType.REPLACES, RelationType.REPLACES, RelationType.REPLACED_BY);
    assertThat(app.catalog().get("iso-tr-7035-2-2024").title()).isEmpty();
    assertThat(app.catalog().get("iso-iec-19566-7-2022-amd-1-2025").title()).isEmpty();
  }

  /**
   * ISO 9001:2015 from the ISO Relaton feed (with its English and French titles), then from ISO
   * Open Data (no title): the record keeps Relaton's title, attributed to Relaton alone, and takes
   * what ISO Open Data gives. In the other order, Relaton's title fills in the record ISO Open Data
   * made without one, and ISO Open Data imported again does not take it away.
   */
  @Test
  void aTitleFromTheIsoRelatonFeedStaysAndFillsInWhateverTheOrder() throws Exception {
    Path relaton = dir.resolve("relaton-iso.yaml");
    copy("/fixtures/relaton/iso.yaml", relaton);
    Path isoOpenData = feeds.resolve("62085.json");

    app.importer().importFiles(Importer.Format.AUTO, List.of(relaton), null, Progress.SILENT);
    Standard fromRelaton = app.catalog().get("iso-9001-2015");
    assertThat(fromRelaton.title()).containsKeys("en", "fr");
    app.importer().importFiles(Importer.Format.AUTO, List.of(isoOpenData), null, Progress.SILENT);
    Standard merged = app.catalog().get("iso-9001-2015");
    assertThat(merged.title()).isEqualTo(fromRelaton.title());
    assertThat(merged.fieldSources().get("title")).containsExactly("relaton-iso");
    assertThat(merged.committee()).isEqualTo("ISO/TC 176/SC 2");

    try (App other = Fixtures.empty(dir.resolve("other"))) {
      ImportSummary first =
          other
              .importer()
              .importFiles(Importer.Format.AUTO, List.of(isoOpenData), null, Progress.SILENT);
      assertThat(first.createdCount()).isEqualTo(1);
      assertThat(other.catalog().get("iso-9001-2015").title()).isEmpty();
      other.importer().importFiles(Importer.Format.AUTO, List.of(relaton), null, Progress.SILENT);
      assertThat(other.catalog().get("iso-9001-2015").title()).isEqualTo(fromRelaton.title());
      ImportSummary again =
          other
              .importer()
              .importFiles(Importer.Format.AUTO, List.of(isoOpenData), null, Progress.SILENT);
      assertThat(again.rejections()).isEmpty();
      Standard filled = other.catalog().get("iso-9001-2015");
      assertThat(filled.title()).isEqualTo(fromRelaton.title());
      assertThat(filled.fieldSources().get("title")).containsExactly("relaton-iso");
    }
  }

  @Test
  void eachRecordNamesItsFeedAndRelationsShowBothWays() throws Exception {
    importAll();
    assertThat(app.catalog().get("rfc-9110").source()).isEqualTo("rfc-index-excerpt");
    assertThat(app.catalog().get("iso-iec-42001-2023").source()).isEqualTo("iec");
    assertThat(app.catalog().incoming("rfc-7231"))
        .anySatisfy(
            r -> {
              assertThat(r.type()).isEqualTo(RelationType.REPLACED_BY);
              assertThat(r.sourceId()).isEqualTo("rfc-9110");
            });
  }

  @Test
  void aChangedFieldInAFeedWritesOneHistoryEventWithItsSource() throws Exception {
    importAll();
    // The same RFC entry, now obsoleted: as if the RFC Editor published a newer index.
    Path newer = dir.resolve("rfc-newer.txt");
    String text = Files.readString(feeds.resolve("rfc-index-excerpt.txt"));
    Files.writeString(
        newer,
        text.replace(
            "(Updated by RFC8174) (Also", "(Obsoleted by RFC9999) (Updated by RFC8174) (Also"));

    ImportSummary s =
        app.importer()
            .importFiles(Importer.Format.AUTO, List.of(newer), "rfc-index", Progress.SILENT);

    assertThat(s.updatedCount()).isEqualTo(1);
    assertThat(app.catalog().get("rfc-2119").status()).isEqualTo(Status.SUPERSEDED);
    List<HistoryEvent> history = app.catalog().history("rfc-2119");
    List<HistoryEvent> latest = history.stream().filter(e -> e.revision() == 2).toList();
    assertThat(latest)
        .extracting(HistoryEvent::field)
        .containsExactlyInAnyOrder("status", "relations");
    assertThat(latest).allSatisfy(e -> assertThat(e.source()).isEqualTo("rfc-index"));
    assertThat(latest)
        .filteredOn(e -> e.field().equals("status"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.oldValue()).isEqualTo("in-force");
              assertThat(e.newValue()).isEqualTo("superseded");
            });
  }

  @Test
  void anIdentifierGivenTwiceInOneImportKeepsTheFirstSoReimportingChangesNothing()
      throws Exception {
    // As in the real feeds: IEC lists "IEC 61360-C00168" and "IEC 61360-C00168:", and dual-logo
    // IEC/IEEE standards appear in both feeds under the same id.
    Path twice = dir.resolve("twice.json");
    Files.writeString(
        twice,
        """
        [{"identifier": "IEC 61360-C00168", "title": {"en": "First"}, "sdo": "IEC", "type": "other", "status": "in-force"},
         {"identifier": "IEC 61360-C00168:", "title": {"en": "Second"}, "sdo": "IEC", "type": "other", "status": "in-force"}]
        """);

    ImportSummary first =
        app.importer().importFiles(Importer.Format.AUTO, List.of(twice), null, Progress.SILENT);
    ImportSummary again =
        app.importer().importFiles(Importer.Format.AUTO, List.of(twice), null, Progress.SILENT);

    assertThat(first.createdCount()).isEqualTo(1);
    assertThat(first.duplicates())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.where()).isEqualTo("record 2 (line 2)");
              assertThat(d.reason()).contains("iec-61360-c00168").contains("record 1");
            });
    assertThat(again.updatedCount()).isZero();
    assertThat(again.unchangedCount()).isEqualTo(1);
    assertThat(app.catalog().get("iec-61360-c00168").titleIn("en")).isEqualTo("First");
    assertThat(app.catalog().history("iec-61360-c00168")).hasSize(1);
  }

  @Test
  void aFileOfUnknownFormatIsRejectedByNameAndTheOthersImport() throws Exception {
    Files.writeString(feeds.resolve("notes.md"), "# not a feed\n");
    ImportSummary s = importAll();
    assertThat(s.rejections())
        .anySatisfy(
            r -> {
              assertThat(r.file()).isEqualTo("notes.md");
              assertThat(r.reason()).contains("format not recognised");
            });
    assertThat(app.catalog().find("rfc-9110")).isPresent();
  }

  @Test
  void aCompressedFeedCutShortIsRejectedByNameSayingSoAndWhatCameBeforeTheCutImports()
      throws Exception {
    byte[] whole = Files.readAllBytes(feeds.resolve("itu-t.yaml.gz"));
    // Cut inside its gzip header: nothing of it can be read.
    Files.write(feeds.resolve("head.yaml.gz"), java.util.Arrays.copyOf(whole, 5));
    // Cut half-way (inside the first 8 kB the format is recognised from): the records before the
    // cut are read, the rest is not.
    Path half = Files.createDirectories(dir.resolve("half"));
    Files.write(half.resolve("half.yaml.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));

    ImportSummary s = importAll();
    assertThat(s.rejections())
        .anySatisfy(
            r -> {
              assertThat(r.file()).isEqualTo("head.yaml.gz");
              assertThat(r.reason())
                  .isEqualTo("the file is empty or ends inside its gzip header (cut short)");
            });
    assertThat(app.catalog().find("rfc-9110")).isPresent();

    ImportSummary cut =
        app.importer().importFiles(Importer.Format.AUTO, List.of(half), null, Progress.SILENT);
    assertThat(cut.createdCount() + cut.unchangedCount() + cut.updatedCount()).isPositive();
    assertThat(cut.rejections())
        .anySatisfy(
            r -> {
              assertThat(r.file()).isEqualTo("half.yaml.gz");
              assertThat(r.reason())
                  .contains(
                      "reading stopped: the gzip-compressed file ends early: it was cut short");
            });
  }

  @Test
  void risAndTheAiActMapAreRecognisedFromTheirContentAndASecondRunChangesNothing()
      throws Exception {
    Path more = Files.createDirectories(dir.resolve("more"));
    // Names that say nothing of the format: recognition is by content.
    copy("/fixtures/ris/nist-techpubs-excerpt.ris", more.resolve("nist.txt"));
    copy("/fixtures/ai-act/ai-act-standards.json", more.resolve("map.json"));

    ImportSummary first =
        app.importer().importFiles(Importer.Format.AUTO, List.of(more), null, Progress.SILENT);

    assertThat(first.rejections()).isEmpty();
    assertThat(first.createdCount()).isEqualTo(27 + 7);
    // The feed's own duplicates (NBS BH 10, NIST TN 1648) are reported, the first one kept.
    assertThat(first.duplicates())
        .extracting(ImportSummary.Rejection::reason)
        .anySatisfy(r -> assertThat(r).contains("nbs-bh-10"))
        .anySatisfy(r -> assertThat(r).contains("nist-tn-1648"));
    var rmf = app.catalog().get("nist-ai-100-1");
    assertThat(rmf.sdo()).isEqualTo("NIST");
    assertThat(rmf.source()).isEqualTo("nist");
    var qms = app.catalog().get("pren-18286");
    assertThat(qms.committee()).isEqualTo("CEN-CENELEC/JTC 21");
    assertThat(qms.keywords()).contains("EU AI Act Art 17 – Quality Management System");
    assertThat(qms.source()).isEqualTo("map");

    ImportSummary second =
        app.importer().importFiles(Importer.Format.AUTO, List.of(more), null, Progress.SILENT);
    assertThat(second.createdCount() + second.updatedCount()).isZero();
    assertThat(second.unchangedCount()).isEqualTo(27 + 7);
  }

  @Test
  void risGivenAsTheFormatIsReadWhateverTheFileStartsWith() throws Exception {
    Path ris = dir.resolve("blank-first.ris");
    Files.writeString(
        ris,
        "\n\nTY  - RPRT\nTI  - Trustworthy AI\nPB  - National Institute of Standards and"
            + " Technology\nDO  - 10.6028/NIST.AI.100-9\nER  - \n");
    ImportSummary s =
        app.importer().importFiles(Importer.Format.RIS, List.of(ris), null, Progress.SILENT);
    assertThat(s.createdCount()).isEqualTo(1);
    assertThat(app.catalog().get("nist-ai-100-9").source()).isEqualTo("blank-first");
  }

  /**
   * A Latin-1 byte in a UTF-8 feed (an ® written as one byte) is not stored as U+FFFD in place of
   * the character: that record is rejected naming its line, column and byte, the others are
   * imported, and the title stored before is kept.
   */
  @Test
  void aRelatonRecordWithBytesThatAreNotUtf8IsRejectedNamingItsLineAndTheStoredTitleIsKept()
      throws Exception {
    byte[] utf8;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/relaton/ecma.yaml")) {
      utf8 = in.readAllBytes();
    }
    Path ecma = Files.createDirectories(dir.resolve("ecma")).resolve("ecma.yaml");
    Files.write(ecma, utf8);
    ImportSummary first =
        app.importer().importFiles(Importer.Format.AUTO, List.of(ecma), null, Progress.SILENT);
    assertThat(first.rejections()).isEmpty();
    Standard before = app.catalog().find("ecma-262-16th-edition").orElseThrow();
    assertThat(before.title().get("en")).isEqualTo("ECMAScript® 2025 language specification");

    String text = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    int at = text.indexOf('®');
    byte[] prefix = text.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] rest = text.substring(at + 1).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] latin1 = java.util.Arrays.copyOf(prefix, prefix.length + 1 + rest.length);
    latin1[prefix.length] = (byte) 0xAE; // ® in Latin-1
    System.arraycopy(rest, 0, latin1, prefix.length + 1, rest.length);
    Files.write(ecma, latin1);
    ImportSummary second =
        app.importer().importFiles(Importer.Format.AUTO, List.of(ecma), null, Progress.SILENT);

    assertThat(second.rejections())
        .singleElement()
        .hasToString(
            "ecma.yaml record 1: line 5, column 22: byte 0xAE is not UTF-8 (is the file in another"
                + " encoding, such as Latin-1?); not imported, rather than stored with that"
                + " character lost");
    assertThat(second.unchangedCount()).isEqualTo(first.createdCount() - 1);
    assertThat(app.catalog().find("ecma-262-16th-edition").orElseThrow().title().get("en"))
        .isEqualTo("ECMAScript® 2025 language specification");
  }
}
