package org.aisx.editions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.Test;

/**
 * An import keeps what the edition pass derived. Seen in the second run of the whole shared-feed
 * import (BENCHMARKS): the pass retyped ISO 11076:1993's "updates ISO 11076:2000" as replaced-by,
 * and the ISO feed's next import put the "updates" link back beside it.
 */
class EditionsReconcileTest {
  private final Editions editions = new Editions(null, null);

  private static Standard iso11076(Relation... relations) {
    return Standard.builder("ISO 11076:1993")
        .sdo("ISO")
        .type(PublicationType.INTERNATIONAL_STANDARD)
        .status(Status.WITHDRAWN)
        .relations(List.of(relations))
        .build();
  }

  @Test
  void aLinkOfAnyTypeThePassRetypedAsReplacedByStaysReplacedBy() {
    Standard stored = iso11076(Relation.of(RelationType.REPLACED_BY, "ISO 11076:2000"));
    Standard fromFeed = iso11076(Relation.of(RelationType.UPDATES, "ISO 11076:2000"));

    assertThat(editions.reconcile(fromFeed, stored).relations())
        .containsExactly(Relation.of(RelationType.REPLACED_BY, "ISO 11076:2000"));
  }

  @Test
  void aLinkTheStoredRecordHasBesideAReplacedByToTheSameEditionStaysAsTheFeedGivesIt() {
    Standard stored =
        iso11076(
            Relation.of(RelationType.UPDATES, "ISO 11076:2000"),
            Relation.of(RelationType.REPLACED_BY, "ISO 11076:2000"));
    Standard fromFeed = iso11076(Relation.of(RelationType.UPDATES, "ISO 11076:2000"));

    assertThat(editions.reconcile(fromFeed, stored).relations())
        .containsExactly(
            Relation.of(RelationType.UPDATES, "ISO 11076:2000"),
            Relation.of(RelationType.REPLACED_BY, "ISO 11076:2000"));
  }
}
