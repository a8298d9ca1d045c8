package org.aisx.editions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.Catalog;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.ingest.ImportSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edition rules on real edition groups (fixtures/editions), run as an import runs them. */
class EditionsTest {
  @TempDir static Path dir;
  static App app;
  static Catalog catalog;
  static ImportSummary first;

  @BeforeAll
  static void load() {
    app = Fixtures.empty(dir);
    catalog = app.catalog();
    first = Fixtures.load(app, "/fixtures/editions/editions.json");
  }

  @AfterAll
  static void close() {
    app.close();
  }

  private static boolean hasRelation(String id, RelationType type, String targetId) {
    return catalog.get(id).relations().stream()
        .anyMatch(r -> r.type() == type && r.targetId().equals(targetId));
  }

  @Test
  void aDraftOfAPublishedStandardIsReplacedByThatStandard() {
    Standard d4 = catalog.get("ieee-p7001-d-4-2021-10");
    assertThat(d4.status()).isEqualTo(Status.REPLACED);
    assertThat(hasRelation(d4.id(), RelationType.REPLACED_BY, "ieee-7001-2021")).isTrue();
    assertThat(catalog.get("ieee-p7001-d-1-2020-06").status()).isEqualTo(Status.REPLACED);
    assertThat(catalog.get("ieee-7001-2021").status()).isEqualTo(Status.IN_FORCE);
  }

  @Test
  void undatedDraftsOfThePublishedEditionAreReplacedByItAndADraftOfALaterEditionIsNot() {
    // ISO's DIS and FDIS records carry no date, only the edition they prepare.
    for (String id : java.util.List.of("iso-iec-dis-42006", "iso-iec-fdis-42006")) {
      assertThat(catalog.get(id).status()).as(id).isEqualTo(Status.REPLACED);
      assertThat(hasRelation(id, RelationType.REPLACED_BY, "iso-iec-42006-2025")).as(id).isTrue();
    }
    assertThat(catalog.get("iso-iec-42006-2025").status()).isEqualTo(Status.IN_FORCE);
    // DTR 24030 prepares edition 2; only edition 1 (2021) is in this catalogue.
    assertThat(catalog.get("iso-iec-dtr-24030").status()).isEqualTo(Status.DRAFT);
  }

  @Test
  void aDraftALaterDraftReplacesPointsToTheNewestAndTheNewestStaysInDevelopment() {
    assertThat(catalog.get("ieee-p2840-d-1-1-2023-10").status()).isEqualTo(Status.REPLACED);
    assertThat(
            hasRelation(
                "ieee-p2840-d-1-1-2023-10", RelationType.REPLACED_BY, "ieee-p2840-d-1-3-2024-08"))
        .isTrue();
    assertThat(catalog.get("ieee-p2840-d-1-3-2024-08").status()).isEqualTo(Status.DRAFT);
  }

  @Test
  void anInactiveDraftWithNothingReplacingItIsWithdrawn() {
    // P7001/D-1 is Inactive but replaced; a lone inactive draft is the pure rule's case.
    Standard lone =
        catalog.get("ieee-p2840-d-1-3-2024-08").toBuilder()
            .identifier("IEEE P9999/D-1-2024")
            .stage("Inactive")
            .relations(java.util.List.of())
            .build();
    assertThat(EditionRules.derive(java.util.List.of(lone)).get(lone.id()).status())
        .isEqualTo(Status.WITHDRAWN);
  }

  @Test
  void draftsAndEditionsOfABodyAloneWrittenWithASlashAreOneGroup() {
    // ISO alone writes the stage and the type after a slash ("ISO/DIS 18374", "ISO/TR 21718"),
    // where ISO/IEC writes them after a space ("ISO/IEC DIS 42006").
    Standard published =
        Standard.builder("ISO 18374:2025")
            .sdo("ISO")
            .status(Status.IN_FORCE)
            .published("2025-04")
            .edition("1")
            .build();
    Standard dis =
        Standard.builder("ISO/DIS 18374").sdo("ISO").status(Status.DRAFT).edition("1").build();
    Standard fdis =
        Standard.builder("ISO/FDIS 18374").sdo("ISO").status(Status.DRAFT).edition("1").build();
    Standard pasDraft =
        Standard.builder("ISO/PAS 8800")
            .sdo("ISO")
            .status(Status.DRAFT)
            .published("2024-12")
            .build();
    Standard pas =
        Standard.builder("ISO/PAS 8800:2024")
            .sdo("ISO")
            .status(Status.IN_FORCE)
            .published("2024-12")
            .build();
    Standard old =
        Standard.builder("ISO/TR 21718:2017")
            .sdo("ISO")
            .status(Status.WITHDRAWN)
            .published("2017-11")
            .build();
    Standard next =
        Standard.builder("ISO/TR 21718:2019")
            .sdo("ISO")
            .status(Status.IN_FORCE)
            .published("2019-01")
            .build();
    var corrections =
        EditionRules.derive(java.util.List.of(published, dis, fdis, pasDraft, pas, old, next));
    for (Standard d : java.util.List.of(dis, fdis)) {
      Standard fixed = corrections.get(d.id()).apply(d);
      assertThat(fixed.status()).as(d.identifier()).isEqualTo(Status.REPLACED);
      assertThat(fixed.relations())
          .as(d.identifier())
          .contains(Relation.of(RelationType.REPLACED_BY, "ISO 18374:2025"));
    }
    Standard fixedPas = corrections.get(pasDraft.id()).apply(pasDraft);
    assertThat(fixedPas.status()).isEqualTo(Status.REPLACED);
    assertThat(fixedPas.relations())
        .contains(Relation.of(RelationType.REPLACED_BY, "ISO/PAS 8800:2024"));
    assertThat(corrections.get(old.id()).apply(old).relations())
        .contains(Relation.of(RelationType.REPLACED_BY, "ISO/TR 21718:2019"));
  }

  @Test
  void aSupersededEditionPointsToTheNextEditionOfItsGroup() {
    assertThat(catalog.get("iso-iec-15938-17-2022").status()).isEqualTo(Status.SUPERSEDED);
    assertThat(
            hasRelation("iso-iec-15938-17-2022", RelationType.REPLACED_BY, "iso-iec-15938-17-2024"))
        .isTrue();
    assertThat(hasRelation("iec-62243-2005", RelationType.REPLACED_BY, "iec-62243-2012")).isTrue();
  }

  @Test
  void anActiveEditionItsFeedSaysIsObsoletedIsSuperseded() {
    // The IEEE feed marks 1232-2002 Active and obsoletedBy 1232-2010.
    assertThat(catalog.get("ieee-1232-2002").status()).isEqualTo(Status.SUPERSEDED);
  }

  @Test
  void commonTextsAndDuplicateDraftsAreLinkedAsIdenticalBothWays() {
    assertThat(hasRelation("itu-t-t-840-1-03-2025", RelationType.IDENTICAL, "iso-iec-6048-1-2025"))
        .isTrue();
    assertThat(hasRelation("iso-iec-6048-1-2025", RelationType.IDENTICAL, "itu-t-t-840-1-03-2025"))
        .isTrue();
    assertThat(hasRelation("iec-62243", RelationType.IDENTICAL, "ieee-1232-2010")).isTrue();
    assertThat(hasRelation("ieee-p2894-d-9-2023", RelationType.IDENTICAL, "ieee-p2894-d-9-2023-08"))
        .isTrue();
  }

  @Test
  void amendmentsAndErrataAreTypedAsSuch() {
    assertThat(catalog.get("itu-t-y-3814-2023-amd-1-11-2023").type())
        .isEqualTo(PublicationType.AMENDMENT);
    assertThat(catalog.get("itu-t-y-3142-2024-err-1-08-2024").type())
        .isEqualTo(PublicationType.CORRIGENDUM);
    assertThat(catalog.get("itu-t-y-3814-01-2023").type())
        .isEqualTo(PublicationType.INTERNATIONAL_STANDARD);
  }

  @Test
  void seriesSupplementLinksAreToldFromRealOnes() {
    Standard y3172 = catalog.get("itu-t-y-3172-06-2019");
    Relation series =
        y3172.relations().stream()
            .filter(r -> r.target().contains("Suppl. 56"))
            .findFirst()
            .orElseThrow();
    assertThat(SeriesLinks.seriesLevel(y3172, series, java.util.Map.of())).isTrue();
    Standard suppl55 =
        Standard.builder("ITU-T Y Suppl. 55 (10/2019)")
            .title(
                java.util.Map.of(
                    "en", "ITU-T Y.3170-series - Machine learning in future networks: use cases"))
            .build();
    Relation real =
        y3172.relations().stream()
            .filter(r -> r.target().contains("Suppl. 55"))
            .findFirst()
            .orElseThrow();
    assertThat(SeriesLinks.seriesLevel(y3172, real, java.util.Map.of(real.targetId(), suppl55)))
        .isFalse();
  }

  @Test
  void importingTheSameRecordsAgainChangesNothing() {
    assertThat(first.editions().written()).isGreaterThan(0);
    int revision = catalog.get("ieee-p7001-d-4-2021-10").revision();
    ImportSummary again = Fixtures.load(app, "/fixtures/editions/editions.json");
    assertThat(again.updatedCount()).isZero();
    assertThat(again.unchangedCount()).isEqualTo(first.createdCount());
    assertThat(catalog.get("ieee-p7001-d-4-2021-10").revision()).isEqualTo(revision);
  }
}
