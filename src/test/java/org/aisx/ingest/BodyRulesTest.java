package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.Test;

/** Which body rules read a record, and what only ISO/IEC's rules know. */
class BodyRulesTest {

  @Test
  void theTypeOfThePrimaryIdentifierPicksTheRulesInAnyCase() {
    assertThat(BodyRules.of("IEEE", List.of())).isInstanceOf(IeeeRules.class);
    assertThat(BodyRules.of("itu", List.of())).isInstanceOf(ItuRules.class);
    assertThat(BodyRules.of("ISO", List.of("IEEE"))).isInstanceOf(IsoIecRules.class);
    assertThat(BodyRules.of("IEC", List.of())).isInstanceOf(IsoIecRules.class);
  }

  @Test
  void anotherTypeIsReadByThePublishersRulesElseByTheDefaultOnes() {
    assertThat(BodyRules.of("ANSI", List.of("IEEE"))).isInstanceOf(IeeeRules.class);
    assertThat(BodyRules.of("W3C", List.of("W3C"))).isInstanceOf(W3cRules.class);
    assertThat(BodyRules.of("JIS", List.of())).isInstanceOf(JisRules.class);
    assertThat(BodyRules.of("ECMA", List.of())).isInstanceOf(EcmaRules.class);
    assertThat(BodyRules.of("DIN", List.of("JIS"))).isInstanceOf(JisRules.class);
    assertThat(BodyRules.of("IETF", List.of("IETF"))).isInstanceOf(DefaultRules.class);
    assertThat(BodyRules.of(null, List.of())).isInstanceOf(DefaultRules.class);
  }

  @Test
  void publishersNamedInFullOrByAnotherNameGetTheBodysAbbreviation() {
    assertThat(BodyRules.abbreviationOf("International Electrotechnical Commission"))
        .isEqualTo("IEC");
    assertThat(BodyRules.abbreviationOf("CISPR")).isEqualTo("IEC");
    assertThat(BodyRules.abbreviationOf("Institute of Electrical and Electronics Engineers"))
        .isEqualTo("IEEE");
    assertThat(BodyRules.abbreviationOf("International Telecommunication Union")).isEqualTo("ITU");
    assertThat(BodyRules.abbreviationOf("Ecma International")).isEqualTo("ECMA");
    assertThat(BodyRules.abbreviationOf("World Wide Web Consortium")).isEqualTo("W3C");
    assertThat(BodyRules.abbreviationOf("一般財団法人　日本規格協会")).isEqualTo("JIS");
    assertThat(BodyRules.abbreviationOf("Japanese Industrial Standards")).isEqualTo("JIS");
    assertThat(BodyRules.abbreviationOf("Internet Engineering Task Force"))
        .isEqualTo("Internet Engineering Task Force");
  }

  @Test
  void harmonizedStageCodesAndIecPaperTypesAreIsoIecOnly() {
    assertThat(IsoIecRules.status("60.60")).isEqualTo(Status.IN_FORCE);
    assertThat(DefaultRules.status("60.60")).isNull();
    assertThat(DefaultRules.status("withdrawn")).isEqualTo(Status.WITHDRAWN);
    assertThat(DefaultRules.status("Recommendation")).isNull();
    assertThat(IsoIecRules.type("wp", "IEC WP 1")).isEqualTo(PublicationType.TECHNICAL_PAPER);
    assertThat(DefaultRules.type("wp", "X 1")).isEqualTo(PublicationType.OTHER);
    assertThat(DefaultRules.type(null, "TR A 0001:1996"))
        .isEqualTo(PublicationType.TECHNICAL_REPORT);
  }
}
