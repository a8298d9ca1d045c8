package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.ingest.RelatonReader.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The Relaton flavours of the W3C, JIS, Ecma and ISO feeds, over real records cut from them (see
 * src/test/resources/fixtures/relaton): publishers named in Japanese or in full, status inferred
 * where the feed gives none, one record per Ecma edition, titles in every language given.
 */
class RelatonFlavoursTest {
  private static final String DIR = "/fixtures/relaton/";

  private static List<Outcome> read(String name) throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    try (InputStream in = RelatonFlavoursTest.class.getResourceAsStream(DIR + name + ".yaml")) {
      assertThat(in).as(name).isNotNull();
      new RelatonReader("relaton-" + name).read(in, outcomes::add);
    }
    return outcomes;
  }

  private static Standard record(List<Outcome> outcomes, String identifier) {
    return outcomes.stream()
        .filter(o -> o instanceof Outcome.Mapped)
        .map(o -> ((Outcome.Mapped) o).standard())
        .filter(s -> s.identifier().equals(identifier))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record " + identifier + " in " + outcomes));
  }

  // ------------------------------------------------------------------ JIS

  @Test
  void jisRecordsAreNationalStandardsOfJisWhateverTheFeedCallsThePublisher() throws IOException {
    List<Outcome> jis = read("jis");
    Standard ai = record(jis, "JIS X 22989:2023");
    assertThat(ai.sdo()).isEqualTo("JIS");
    assertThat(ai.type()).isEqualTo(PublicationType.NATIONAL_STANDARD);
    assertThat(ai.status()).isEqualTo(Status.IN_FORCE);
    assertThat(ai.statusInferred()).as("'valid' is the feed's own status word").isFalse();
    assertThat(ai.stage()).isEqualTo("valid");
    assertThat(ai.committee()).isEqualTo("一般財団法人　日本規格協会; 一般社団法人　情報処理学会");
    assertThat(ai.title())
        .containsEntry("ja", "情報技術―人工知能―人工知能の概念及び用語")
        .containsEntry(
            "en",
            "Information technology -- Artificial intelligence -- Artificial intelligence"
                + " concepts and terminology");
    assertThat(ai.summary()).containsKey("ja");

    // Published by a drafting association named only in Japanese; a report numbered "TR".
    assertThat(record(jis, "JIS A 0002:1999").sdo()).isEqualTo("JIS");
    assertThat(record(jis, "JIS A 0002:1999").status()).isEqualTo(Status.WITHDRAWN);
    Standard report = record(jis, "TR A 0001:1996");
    assertThat(report.sdo()).isEqualTo("JIS");
    assertThat(report.type()).isEqualTo(PublicationType.TECHNICAL_REPORT);
    assertThat(record(jis, "TS B 0033:2017").type())
        .isEqualTo(PublicationType.TECHNICAL_SPECIFICATION);
    assertThat(jis).allSatisfy(o -> assertThat(o).isInstanceOf(Outcome.Mapped.class));
  }

  // ------------------------------------------------------------------ W3C

  @Test
  void w3cStatusIsInferredFromTheMaturityLevelAndTheStageIsKept() throws IOException {
    List<Outcome> w3c = read("w3c");
    Standard webnn = record(w3c, "W3C CRD-webnn-20240419");
    assertThat(webnn.sdo()).isEqualTo("W3C");
    assertThat(webnn.status()).isEqualTo(Status.DRAFT);
    assertThat(webnn.statusInferred()).isTrue();
    assertThat(webnn.stage()).isEqualTo("Candidate Recommendation Draft");
    assertThat(webnn.type()).isEqualTo(PublicationType.INTERNATIONAL_STANDARD);

    Standard rec = record(w3c, "W3C REC-2dcontext-20151119");
    assertThat(rec.status()).isEqualTo(Status.IN_FORCE);
    assertThat(rec.statusInferred()).isTrue();
    assertThat(record(w3c, "W3C NOTE-2dcontext2-20150929").type())
        .isEqualTo(PublicationType.TECHNICAL_REPORT);
    assertThat(record(w3c, "W3C SPSD-2dcontext-20210128").status()).isEqualTo(Status.SUPERSEDED);
    assertThat(record(w3c, "W3C DISC-html-imports-20230615").status()).isEqualTo(Status.WITHDRAWN);
    assertThat(record(w3c, "W3C DNOTE-adapt-20220609").status()).isEqualTo(Status.DRAFT);
    assertThat(record(w3c, "W3C 01").committee())
        .as("the feed's placeholder working group is no committee")
        .isNull();
  }

  @Test
  void anUndatedW3cRecordTakesItsStatusAndDateFromItsLatestEdition() throws IOException {
    List<Outcome> w3c = read("w3c");
    Standard canvas = record(w3c, "W3C 2dcontext");
    assertThat(canvas.status())
        .as("latest edition SPSD-2dcontext-20210128")
        .isEqualTo(Status.SUPERSEDED);
    assertThat(canvas.published()).isEqualTo("2021-01-28");
    assertThat(canvas.statusInferred()).isTrue();
    Standard webnn = record(w3c, "W3C webnn");
    assertThat(webnn.status()).isEqualTo(Status.DRAFT);
    assertThat(webnn.published()).startsWith("2026-");
  }

  @Test
  void aRecordWithNothingToInferAStatusFromIsRejectedNamingIt() throws IOException {
    List<Outcome> w3c = read("w3c");
    assertThat(w3c)
        .filteredOn(o -> o instanceof Outcome.Rejected)
        .singleElement()
        .satisfies(
            o ->
                assertThat(((Outcome.Rejected) o).reason())
                    .contains("record W3C Editing")
                    .contains("no status, and none can be inferred"));
  }

  // ------------------------------------------------------------------ Ecma

  @Test
  void eachEcmaEditionIsARecordOfItsOwnAndOnlyTheLatestIsInForce() throws IOException {
    List<Outcome> ecma = read("ecma");
    Standard first = record(ecma, "ECMA-100 1st edition");
    Standard second = record(ecma, "ECMA-100 2nd edition");
    assertThat(first.id()).isNotEqualTo(second.id());
    assertThat(first.identifiers()).contains(new Identifier("ECMA", "ECMA-100"));
    assertThat(first.sdo()).isEqualTo("ECMA");
    assertThat(first.published()).isEqualTo("1985-09");
    // Written before the 2nd edition, the 1st edition's record lists no later one: it is in force
    // as far as the record tells (the catalogue supersedes it, EditionsAndAdoptionsImportTest).
    assertThat(first.status()).isEqualTo(Status.IN_FORCE);
    assertThat(first.statusInferred()).isTrue();
    assertThat(first.relations()).isEmpty();
    assertThat(second.status()).isEqualTo(Status.IN_FORCE);
    assertThat(second.relations())
        .contains(Relation.of(RelationType.REPLACES, "ECMA-100 1st edition"));

    Standard script = record(ecma, "ECMA-262 16th edition");
    assertThat(script.status()).isEqualTo(Status.IN_FORCE);
    assertThat(script.relations())
        .contains(Relation.of(RelationType.REPLACES, "ECMA-262 edition 5.1"));
    // ECMA-269 3rd edition lists its 4th: superseded from the record alone.
    assertThat(record(ecma, "ECMA-269 3rd edition").status()).isEqualTo(Status.SUPERSEDED);
    assertThat(record(ecma, "ECMA-269 3rd edition").relations())
        .contains(Relation.of(RelationType.REPLACED_BY, "ECMA-269 4th edition"));
    // The 15th edition's record was written before the 16th: only the catalogue can tell.
    assertThat(record(ecma, "ECMA-262 15th edition").status()).isEqualTo(Status.IN_FORCE);
    assertThat(record(ecma, "ECMA TR/104 2nd edition").type())
        .isEqualTo(PublicationType.TECHNICAL_REPORT);
    assertThat(record(ecma, "ECMA MEM/2024").type()).isEqualTo(PublicationType.OTHER);
  }

  // ------------------------------------------------------------------ ISO

  @Test
  void isoRecordsKeepFrenchTitlesAndAbstractsAndNameTheCommitteeByItsIdentifier()
      throws IOException {
    List<Outcome> iso = read("iso");
    Standard ai = record(iso, "ISO/IEC 22989:2022");
    assertThat(ai.committee()).isEqualTo("ISO/IEC JTC 1/SC 42");
    assertThat(ai.title().get("fr")).startsWith("Technologies de l'information - Intelligence");
    assertThat(ai.summary().get("fr")).startsWith("Le présent document établit la terminologie");
    assertThat(ai.statusInferred()).as("stage 60.60 is the feed's status").isFalse();

    // The ISO directive gives neither status nor stage, only its publication date.
    Standard directive = record(iso, "ISO/IEC DIR 1 ISO SUP:2003");
    assertThat(directive.status()).isEqualTo(Status.IN_FORCE);
    assertThat(directive.statusInferred()).isTrue();
  }

  @Test
  void isoUpdatesLinksAreReadAsUpdatedByTheNewerEditionOrAmendment() throws IOException {
    // The ISO feed writes "updates" where ISO's catalogue says "Revised by" (and lists the
    // document's amendments): the older document is the one updated.
    List<Outcome> iso = read("iso");
    Standard old = record(iso, "ISO/IEC 27001:2013");
    assertThat(old.relations())
        .contains(
            Relation.of(RelationType.UPDATED_BY, "ISO/IEC 27001:2022"),
            Relation.of(RelationType.UPDATED_BY, "ISO/IEC 27001:2013/Cor 1:2014"))
        .doesNotContain(Relation.of(RelationType.UPDATES, "ISO/IEC 27001:2022"));
    // Towards another document too: ISO/IEC 25010:2011 was revised by the SQuaRE 2023-24 texts.
    assertThat(record(iso, "ISO/IEC 25010:2011").relations())
        .contains(Relation.of(RelationType.UPDATED_BY, "ISO/IEC 25002:2024"));
    // The years decide when they contradict the verb (5 links of the whole feed).
    assertThat(IsoIecRules.updatesDirection("ISO 8620:1986", "ISO 4610:1977"))
        .isEqualTo(RelationType.UPDATES);
    assertThat(IsoIecRules.updatesDirection("ISO 2537:1985", "ISO 2537:1985/Amd 1:1983"))
        .isEqualTo(RelationType.UPDATED_BY);
  }

  @Test
  void anIsoEditionsObsoletesLinkToAnUndatedDraftReadsReplacedByTheDraft() throws IOException {
    // ISO's page of ISO 23150:2023 says "Will be replaced by" its drafts, which the feed writes as
    // "obsoletes": the drafts will replace the edition, which stays in force.
    List<Outcome> iso = read("iso-drafts");
    Standard edition = record(iso, "ISO 23150:2023");
    assertThat(edition.relations())
        .contains(
            Relation.of(RelationType.REPLACED_BY, "ISO/DIS 23150-1"),
            Relation.of(RelationType.REPLACED_BY, "ISO/CD 23150-2"))
        .filteredOn(r -> r.type() == RelationType.REPLACES)
        // The edition it revises stays: newer replaces older.
        .containsExactly(Relation.of(RelationType.REPLACES, "ISO 23150:2021"));
    assertThat(edition.status()).isEqualTo(Status.IN_FORCE);
    assertThat(record(iso, "ISO 18587:2017").relations())
        .containsExactly(Relation.of(RelationType.REPLACED_BY, "ISO/CD 18587"));
    assertThat(record(iso, "ISO 18587:2017").status()).isEqualTo(Status.IN_FORCE);
    // The draft's own link to the edition is the right way round already: it stays replaces.
    Standard draft = record(iso, "ISO/DIS 23150-1");
    assertThat(draft.relations()).contains(Relation.of(RelationType.REPLACES, "ISO 23150:2023"));
    assertThat(draft.status()).isEqualTo(Status.DRAFT);
    // Only that shape: a dated edition towards an undated draft of the ISO/IEC family.
    assertThat(IsoIecRules.willBeReplacedBy("IEC 60601-2-52:2009", "IEC/DIS 80601-2-52")).isTrue();
    assertThat(IsoIecRules.willBeReplacedBy("ISO Guide 84:2020", "ISO/DGuide 84")).isTrue();
    assertThat(IsoIecRules.willBeReplacedBy("ISO 12813:2015", "ISO/TS 12813:2009")).isFalse();
    assertThat(IsoIecRules.willBeReplacedBy("ISO/DIS 23150-1", "ISO 23150:2023")).isFalse();
    assertThat(IsoIecRules.willBeReplacedBy("ISO 10297:2014", "ISO 10297")).isFalse();
    assertThat(IsoIecRules.willBeReplacedBy("ISO/IEC 27001:2022", "ISO/IEC 27001:2022/DAmd 1"))
        .isFalse();
    assertThat(IsoIecRules.willBeReplacedBy("ITU-T X.509 (2019)", "ISO/IEC DIS 9594-8")).isFalse();
  }
}
