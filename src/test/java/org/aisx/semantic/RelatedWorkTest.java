package org.aisx.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.search.Hit;
import org.aisx.search.SearchIndex.Neighbour;
import org.junit.jupiter.api.Test;

/** Related work folds another publication's replaced drafts and editions into its current one. */
class RelatedWorkTest {
  private static final Standard AIMS =
      Standard.builder("ISO/IEC 42001:2023")
          .sdo("ISO/IEC")
          .type(PublicationType.INTERNATIONAL_STANDARD)
          .status(Status.IN_FORCE)
          .build();

  private static Neighbour n(String identifier, Status status, String published, double sim) {
    Standard s =
        Standard.builder(identifier)
            .sdo(identifier.startsWith("IEEE") ? "IEEE" : "ISO/IEC")
            .status(status)
            .published(published)
            .build();
    return new Neighbour(
        new Hit(
            s.id(),
            identifier,
            Map.of("en", identifier),
            s.sdo(),
            null,
            PublicationType.INTERNATIONAL_STANDARD,
            status,
            null,
            published,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            List.of()),
        sim);
  }

  private static List<String> ids(List<Neighbour> ns) {
    return ns.stream().map(x -> x.hit().identifier()).toList();
  }

  @Test
  void theCurrentEditionTakesThePlaceOfItsReplacedDraftsCloserInMeaning() {
    List<Neighbour> nearest =
        List.of(
            n("ISO/IEC FDIS 42005", Status.REPLACED, null, 0.845),
            n("ISO/IEC DIS 42005", Status.REPLACED, null, 0.845),
            n("ISO/IEC 42005:2025", Status.IN_FORCE, "2025-05-28", 0.843),
            n("ISO/IEC 38507:2022", Status.IN_FORCE, "2022-04", 0.80),
            n("ISO/IEC 23894:2023", Status.IN_FORCE, "2023-02", 0.79));

    assertThat(ids(RelatedWork.fold(AIMS, nearest, 3)))
        .containsExactly("ISO/IEC 42005:2025", "ISO/IEC 38507:2022", "ISO/IEC 23894:2023");
  }

  @Test
  void aDraftInDevelopmentStaysBesideTheEditionInForceAndOldEditionsFoldIntoTheLatest() {
    List<Neighbour> nearest =
        List.of(
            n("ISO/IEC 27001:2013", Status.SUPERSEDED, "2013-10", 0.9),
            n("ISO/IEC DIS 27001", Status.DRAFT, null, 0.88),
            n("ISO/IEC 27001:2022", Status.IN_FORCE, "2022-10", 0.87),
            n("IEEE 1000-2001", Status.WITHDRAWN, "2001", 0.86),
            n("IEEE 1000-2010", Status.WITHDRAWN, "2010", 0.85));

    assertThat(ids(RelatedWork.fold(AIMS, nearest, 10)))
        .containsExactly("ISO/IEC DIS 27001", "ISO/IEC 27001:2022", "IEEE 1000-2010");
  }

  /** The record's own other editions stay, marked with their status where they are shown. */
  @Test
  void theRecordsOwnEditionsAreNotFolded() {
    List<Neighbour> nearest =
        List.of(
            n("ISO/IEC DIS 42001", Status.REPLACED, null, 0.99),
            n("ISO/IEC 42005:2025", Status.IN_FORCE, "2025-05-28", 0.8));

    assertThat(ids(RelatedWork.fold(AIMS, nearest, 10)))
        .containsExactly("ISO/IEC DIS 42001", "ISO/IEC 42005:2025");
  }
}
