package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.aisx.App;
import org.aisx.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the catalogue's own rules write (the edition pass: no source of their own) changes values,
 * not which feeds gave a field; and a feed giving again what a joint record holds, in another
 * order, changes nothing. Seen in the second run of the whole shared-feed import (BENCHMARKS):
 * ISO/IEC 15288:2008 lost the IEEE feed's "replaces IEEE 15288-2004" on the ISO feed's next import
 * and got it back from the IEEE feed, every run.
 */
class DerivedWritesProvenanceTest {
  @TempDir Path dir;

  private static Standard joint(Relation... relations) {
    return Standard.builder("ISO/IEC 15288:2008")
        .sdo("ISO/IEC")
        .type(PublicationType.INTERNATIONAL_STANDARD)
        .status(Status.WITHDRAWN)
        .relations(List.of(relations))
        .build();
  }

  private static final Relation ISO_GIVES =
      Relation.of(RelationType.REPLACES, "ISO/IEC 15288:2002");
  private static final Relation IEEE_GIVES = Relation.of(RelationType.REPLACES, "IEEE 15288-2004");
  private static final Relation PASS_DERIVES =
      Relation.of(RelationType.IDENTICAL, "IEEE 15288-2008");

  private static List<WriteOutcome> importFrom(
      Catalog catalog, String feed, boolean lead, Standard s) {
    return catalog.importAll(
        List.of(new Catalog.Contribution(s, lead)), "import", feed, (in, stored) -> in);
  }

  @Test
  void anotherFeedsRelationsSurviveTheLeadFeedsNextImportAfterTheEditionPassWrote()
      throws Exception {
    try (App app = Fixtures.empty(dir)) {
      Catalog catalog = app.catalog();
      importFrom(catalog, "relaton-iso", true, joint(ISO_GIVES));
      importFrom(catalog, "relaton-ieee", false, joint(IEEE_GIVES));
      Standard merged = catalog.get("iso-iec-15288-2008");
      assertThat(merged.relations()).containsExactly(ISO_GIVES, IEEE_GIVES);

      // The edition pass adds a link: no source of its own.
      catalog.stageAll(
          List.of(
              merged.toBuilder().relations(List.of(ISO_GIVES, IEEE_GIVES, PASS_DERIVES)).build()),
          "editions",
          null);
      assertThat(catalog.get("iso-iec-15288-2008").fieldSources().get("relations"))
          .containsExactly("relaton-iso", "relaton-ieee");

      // The ISO feed again, its derived link kept (as Editions.reconcile keeps it): unchanged.
      List<WriteOutcome> again =
          importFrom(catalog, "relaton-iso", true, joint(ISO_GIVES, PASS_DERIVES));
      assertThat(again)
          .extracting(WriteOutcome::change)
          .containsExactly(WriteOutcome.Change.UNCHANGED);
      assertThat(catalog.get("iso-iec-15288-2008").relations())
          .containsExactly(ISO_GIVES, IEEE_GIVES, PASS_DERIVES);
    }
  }

  @Test
  void theCatalogueOwnRulesDoNotUndoAStatusPeopleCorrected() throws Exception {
    try (App app = Fixtures.empty(dir)) {
      Catalog catalog = app.catalog();
      importFrom(catalog, "relaton-iso", true, joint(ISO_GIVES));
      Standard fromFeed = catalog.get("iso-iec-15288-2008");
      // A coordinator corrects the status the feed gave (withdrawn) to superseded.
      catalog.save(
          fromFeed.toBuilder().status(Status.SUPERSEDED).build(),
          "coordinator@example.org",
          "edit:coordinator",
          fromFeed.revision());
      Standard corrected = catalog.get("iso-iec-15288-2008");

      // A rule that derives withdrawn again (as the edition pass does) leaves the correction, and
      // still writes what it derives elsewhere.
      catalog.stageAll(
          List.of(
              corrected.toBuilder()
                  .status(Status.WITHDRAWN)
                  .relations(List.of(ISO_GIVES, PASS_DERIVES))
                  .build()),
          "editions",
          null);

      Standard after = catalog.get("iso-iec-15288-2008");
      assertThat(after.status()).isEqualTo(Status.SUPERSEDED);
      assertThat(after.relations()).containsExactly(ISO_GIVES, PASS_DERIVES);

      // A status people never had before them (a record a submission made) is the rule's to move.
      Standard made =
          Standard.builder("ISO/IEC 99999:2026")
              .sdo("ISO/IEC")
              .type(PublicationType.INTERNATIONAL_STANDARD)
              .status(Status.DRAFT)
              .build();
      catalog.approve(
          made, "coordinator@example.org", "submission:3", 0, "author@example.org", () -> {});
      catalog.stageAll(
          List.of(catalog.get(made.id()).toBuilder().status(Status.WITHDRAWN).build()),
          "editions",
          null);
      assertThat(catalog.get(made.id()).status()).isEqualTo(Status.WITHDRAWN);
    }
  }

  @Test
  void aStatusPeopleDecidedInTheCatalogueAnExportCameFromStaysInTheCatalogueItIsImportedInto()
      throws Exception {
    try (App app = Fixtures.empty(dir)) {
      Catalog catalog = app.catalog();
      // As the catalogue's own JSON export writes it: the status's provenance names the edit.
      Standard exported =
          joint(ISO_GIVES).toBuilder()
              .status(Status.SUPERSEDED)
              .fieldSources(
                  java.util.Map.of(
                      "status", List.of("edit:coordinator"),
                      "relations", List.of("relaton-iso")))
              .build();
      importFrom(catalog, "export", true, exported);

      catalog.stageAll(
          List.of(catalog.get("iso-iec-15288-2008").toBuilder().status(Status.WITHDRAWN).build()),
          "editions",
          null);

      assertThat(catalog.get("iso-iec-15288-2008").status()).isEqualTo(Status.SUPERSEDED);
    }
  }
}
