package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.IncomingRelation;
import org.aisx.catalog.Progress;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the catalogue adds to what a feed says, on import: national adoptions (JIS → ISO/IEC) and
 * inferred statuses superseded by newer editions, whatever the order of the imports, and a second
 * import that changes nothing.
 */
class EditionsAndAdoptionsImportTest {
  @TempDir Path dir;

  private Path fixture(String name) throws IOException {
    Path file = dir.resolve(name + ".yaml");
    try (InputStream in = getClass().getResourceAsStream("/fixtures/relaton/" + name + ".yaml")) {
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  /** The documents of a fixture whose text contains {@code marker}, as a feed of their own. */
  private Path only(String name, String marker) throws IOException {
    String text = Files.readString(fixture(name), StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    Arrays.stream(text.split("(?m)^---\n"))
        .filter(d -> d.contains(marker))
        .forEach(d -> out.append("---\n").append(d));
    Path file = dir.resolve(name + "-" + Math.abs(marker.hashCode()) + ".yaml");
    Files.writeString(file, out, StandardCharsets.UTF_8);
    return file;
  }

  private static ImportSummary load(App app, Path... files) throws IOException {
    return app.importer().importFiles(Importer.Format.AUTO, List.of(files), null, Progress.SILENT);
  }

  private static void assertAdoptions(App app) {
    Standard ai = app.catalog().get("jis-x-22989-2023");
    assertThat(ai.relations()).contains(Relation.of(RelationType.ADOPTS, "ISO/IEC 22989:2022"));
    assertThat(app.catalog().incoming("iso-iec-22989-2022"))
        .contains(
            new IncomingRelation(RelationType.ADOPTED_BY, "jis-x-22989-2023", "JIS X 22989:2023"));
    // The edition of the years before the JIS one whose title it shares: 2022, not 2013.
    assertThat(app.catalog().get("jis-q-27001-2023").relations())
        .containsExactly(Relation.of(RelationType.ADOPTS, "ISO/IEC 27001:2022"));
    assertThat(app.catalog().get("jis-x-25010-2013").relations())
        .containsExactly(Relation.of(RelationType.ADOPTS, "ISO/IEC 25010:2011"));
    assertThat(app.catalog().get("jis-q-9001-2015").relations())
        .containsExactly(Relation.of(RelationType.ADOPTS, "ISO 9001:2015"));
    // ISO 8301:1991 is in the catalogue too, about thermal insulation: JIS Z 8301 adopts nothing.
    assertThat(app.catalog().find("iso-8301-1991")).isPresent();
    assertThat(app.catalog().get("jis-z-8301-2019").relations()).isEmpty();
    assertThat(app.catalog().get("jis-x-0208-1997").relations()).isEmpty();
    assertThat(app.catalog().get("jis-q-38500-2015").relations()).isEmpty();
  }

  @Test
  void jisStandardsAdoptTheIsoEditionWhoseTitleTheyShareWhicheverFeedComesFirst()
      throws IOException {
    try (App app = Fixtures.empty(dir.resolve("jis-first"))) {
      load(app, fixture("jis"));
      ImportSummary iso = load(app, fixture("iso"));
      // X 22989, Q 27001, Q 9001, X 25010, Q 31000 (not the amendment of Q 9001, nor Q 38500:2015,
      // whose title is that of ISO/IEC 38500:2008, an edition the fixture does not have).
      assertThat(iso.adoptingCount()).isEqualTo(5);
      assertAdoptions(app);

      ImportSummary again = load(app, fixture("jis"), fixture("iso"));
      assertThat(again.createdCount() + again.updatedCount()).isZero();
      assertThat(again.adoptingCount()).isZero();
    }
    try (App app = Fixtures.empty(dir.resolve("iso-first"))) {
      load(app, fixture("iso"));
      ImportSummary jis = load(app, fixture("jis"));
      assertThat(jis.adoptingCount()).as("found while the JIS records are saved").isZero();
      assertAdoptions(app);
    }
  }

  @Test
  void aW3cLatestVersionIsTheSameTextAsItsEditionOfThatDateAndTakesItsStatus() throws IOException {
    try (App app = Fixtures.empty(dir.resolve("w3c-latest"))) {
      ImportSummary first = load(app, fixture("w3c-latest"));
      assertThat(first.rejections()).isEmpty();
      Standard latest = app.catalog().get("w3c-speech-grammar");
      assertThat(latest.relations())
          .contains(Relation.of(RelationType.IDENTICAL, "W3C REC-speech-grammar-20040316"))
          .doesNotContain(Relation.of(RelationType.RELATED, "W3C REC-speech-grammar-20040316"));
      assertThat(app.catalog().get("w3c-rec-speech-grammar-20040316").relations())
          .contains(Relation.of(RelationType.IDENTICAL, "W3C speech-grammar"))
          .doesNotContain(Relation.of(RelationType.RELATED, "W3C speech-grammar"));
      assertThat(latest.status()).isEqualTo(Status.IN_FORCE);
      // Its only edition, a Working Draft of 2001, is retired: not work in development.
      assertThat(app.catalog().get("w3c-wd-ngram-spec-20010103").status())
          .isEqualTo(Status.WITHDRAWN);
      assertThat(app.catalog().get("w3c-ngram-spec").status()).isEqualTo(Status.WITHDRAWN);
      assertThat(app.catalog().get("w3c-ngram-spec").relations())
          .contains(Relation.of(RelationType.IDENTICAL, "W3C WD-ngram-spec-20010103"));

      ImportSummary again = load(app, fixture("w3c-latest"));
      assertThat(again.createdCount() + again.updatedCount()).as(again.toString()).isZero();
    }
  }

  @Test
  void aNewerEditionSupersedesAnInferredStatusInTheSameOrALaterImport() throws IOException {
    try (App app = Fixtures.empty(dir.resolve("w3c"))) {
      ImportSummary first = load(app, fixture("w3c"));
      assertThat(first.rejections()).hasSize(1); // W3C Editing: nothing to infer a status from
      // Each obsoleted by a later record of the same feed.
      assertThat(app.catalog().get("w3c-pr-2dcontext-20150924").status())
          .isEqualTo(Status.SUPERSEDED);
      assertThat(app.catalog().get("w3c-rec-2dcontext-20151119").status())
          .isEqualTo(Status.SUPERSEDED);
      assertThat(app.catalog().get("w3c-crd-webnn-20240419").status()).isEqualTo(Status.SUPERSEDED);
      assertThat(app.catalog().get("w3c-crd-webnn-20260327").status()).isEqualTo(Status.DRAFT);
      assertThat(app.catalog().get("w3c-crd-webnn-20240419").statusInferred()).isTrue();

      ImportSummary again = load(app, fixture("w3c"));
      assertThat(again.createdCount() + again.updatedCount() + again.supersededCount()).isZero();
    }
    try (App app = Fixtures.empty(dir.resolve("w3c-apart"))) {
      load(app, only("w3c", "W3C CRD-webnn-20240419\n  type: W3C"));
      assertThat(app.catalog().get("w3c-crd-webnn-20240419").status()).isEqualTo(Status.DRAFT);

      ImportSummary newer = load(app, only("w3c", "W3C CRD-webnn-20240424\n  type: W3C"));
      assertThat(newer.createdCount()).isEqualTo(1);
      assertThat(newer.supersededCount()).isEqualTo(1);
      assertThat(app.catalog().get("w3c-crd-webnn-20240419").status()).isEqualTo(Status.SUPERSEDED);

      ImportSummary older = load(app, only("w3c", "W3C CRD-webnn-20240419\n  type: W3C"));
      assertThat(older.unchangedCount()).isEqualTo(1);
    }
  }

  @Test
  void everyEcmaEditionIsImportedAndVolumesOfOneEditionAreOnePublication() throws IOException {
    try (App app = Fixtures.empty(dir.resolve("ecma"))) {
      ImportSummary summary = load(app, fixture("ecma"));
      assertThat(summary.rejections()).isEmpty();
      assertThat(summary.duplicates())
          .singleElement()
          .satisfies(d -> assertThat(d.reason()).startsWith("ECMA-269 3rd edition"));
      assertThat(app.catalog().get("ecma-100-1st-edition").status()).isEqualTo(Status.SUPERSEDED);
      assertThat(app.catalog().get("ecma-100-2nd-edition").status()).isEqualTo(Status.IN_FORCE);
      // The 15th edition's record does not list the 16th: the catalogue's newer edition tells.
      assertThat(app.catalog().get("ecma-262-15th-edition").status()).isEqualTo(Status.SUPERSEDED);
      assertThat(app.catalog().incoming("ecma-100-1st-edition"))
          .extracting(IncomingRelation::type)
          .contains(RelationType.REPLACED_BY);
    }
  }
}
