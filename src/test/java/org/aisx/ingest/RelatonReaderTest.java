package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.aisx.classify.AiRelevance;
import org.aisx.ingest.RelatonReader.Outcome;
import org.junit.jupiter.api.Test;

/** Over real records cut from the Relaton feeds: see src/test/resources/fixtures/relaton. */
class RelatonReaderTest {
  private static final String DIR = "/fixtures/relaton/";

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = RelatonReaderTest.class.getResourceAsStream(DIR + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static List<Outcome> read(String source, byte[] data) {
    List<Outcome> outcomes = new ArrayList<>();
    new RelatonReader(source).read(new ByteArrayInputStream(data), outcomes::add);
    return outcomes;
  }

  private static List<Outcome> read(String fixture) throws IOException {
    return read("relaton-" + fixture.replaceAll("\\.yaml.*", ""), bytes(fixture));
  }

  private static Standard record(List<Outcome> outcomes, String identifier) {
    return outcomes.stream()
        .filter(o -> o instanceof Outcome.Mapped)
        .map(o -> ((Outcome.Mapped) o).standard())
        .filter(s -> s.identifier().equals(identifier))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record " + identifier + " in " + outcomes));
  }

  private static Standard record(String fixture, String identifier) throws IOException {
    return record(read(fixture), identifier);
  }

  // ------------------------------------------------------------------ IEC feed (v1.2)

  @Test
  void mapsIsoIec42001FromTheV12IecRecord() throws IOException {
    Standard s = record("iec.yaml", "ISO/IEC 42001:2023");

    assertThat(s.id()).isEqualTo("iso-iec-42001-2023");
    assertThat(s.identifiers())
        .containsExactly(new Identifier("URN", "urn:iec:std:iso-iec:42001:2023-12:::"));
    assertThat(s.title())
        .containsExactly(
            entry("en", "Information technology - Artificial intelligence - Management system"));
    assertThat(s.sdo()).isEqualTo("ISO/IEC");
    assertThat(s.committee()).isEqualTo("ISO/IEC JTC 1/SC 42");
    assertThat(s.type()).isEqualTo(PublicationType.INTERNATIONAL_STANDARD);
    assertThat(s.kind()).isEqualTo(Kind.STANDARD);
    assertThat(s.status()).isEqualTo(Status.IN_FORCE);
    assertThat(s.stage()).isEqualTo("PUBLISHED");
    assertThat(s.published()).isEqualTo("2023-12-18");
    assertThat(s.edition()).isEqualTo("1");
    assertThat(s.url()).isEqualTo("https://webstore.iec.ch/publication/90574");
    assertThat(s.source()).isEqualTo("relaton-iec");
    assertThat(s.relations()).isEmpty();
  }

  @Test
  void htmlAbstractBecomesPlainParagraphsSeparatedByABlankLine() throws IOException {
    String text = record("iec.yaml", "ISO/IEC 42001:2023").abstractIn("en");

    assertThat(text)
        .startsWith("This document specifies the requirements and provides guidance")
        .contains(
            "within the context of an organization.\n\n"
                + "This document is intended for use by an organization")
        .doesNotContain("<", ">", "MsoBodyText", "  ");
  }

  @Test
  void htmlListItemsBecomeBulletLines() throws IOException {
    String text = record("iec.yaml", "ISO/IEC 24762:2008").abstractIn("en");

    assertThat(text)
        .contains(
            "ISO/IEC 24762:2008 specifies:\n\n"
                + "• the requirements for implementing, operating, monitoring and maintaining"
                + " ICT DR services and facilities;\n"
                + "• the capabilities which outsourced")
        .contains("both “in-house” and “outsourced”")
        .doesNotContain("<li>", "</p>");
  }

  @Test
  void revisedIecEditionIsSupersededAndItsSuccessorInForce() throws IOException {
    List<Outcome> outcomes = read("iec.yaml");
    Standard old = record(outcomes, "ISO/IEC TR 24030:2021");
    Standard current = record(outcomes, "ISO/IEC TR 24030:2024");

    assertThat(old.status()).isEqualTo(Status.SUPERSEDED);
    assertThat(old.stage()).isEqualTo("REVISED");
    assertThat(old.type()).isEqualTo(PublicationType.TECHNICAL_REPORT);
    assertThat(old.kind()).isEqualTo(Kind.PUBLICATION);
    assertThat(old.committee()).isEqualTo("ISO/IEC JTC 1/SC 42");
    assertThat(current.status()).isEqualTo(Status.IN_FORCE);
    assertThat(current.edition()).isEqualTo("2");
  }

  @Test
  void withdrawnIecRecordIsWithdrawn() throws IOException {
    Standard s = record("iec.yaml", "ISO/IEC 24762:2008");

    assertThat(s.status()).isEqualTo(Status.WITHDRAWN);
    assertThat(s.stage()).isEqualTo("WITHDRAWN");
    assertThat(s.committee()).isEqualTo("ISO/IEC JTC 1/SC 27");
  }

  @Test
  void sdoComesFromThePublishersWithCisprCountedAsIec() throws IOException {
    List<Outcome> outcomes = read("iec.yaml");

    Standard cispr = record(outcomes, "CISPR 10:1971");
    assertThat(cispr.sdo()).isEqualTo("IEC");
    assertThat(cispr.committee()).isEqualTo("CISPR");
    assertThat(cispr.published()).isEqualTo("1971-01-01");
    assertThat(cispr.status()).isEqualTo(Status.SUPERSEDED);

    Standard joint = record(outcomes, "ISO/IEC/IEEE 29119-1:2022");
    assertThat(joint.sdo()).isEqualTo("ISO/IEC/IEEE");
    assertThat(joint.title())
        .containsEntry(
            "en", "Software and systems engineering - Software testing - Part 1: General concepts")
        .containsEntry(
            "fr",
            "Ingénierie du logiciel et des systèmes - Essais du logiciel - Partie 1: Concepts"
                + " généraux");
    assertThat(joint.summary()).containsKeys("en", "fr");
  }

  @Test
  void bareIecCommitteeNamesGetTheBodyInFront() throws IOException {
    assertThat(record("iec.yaml", "IEC 61340-4-5:2018").committee()).isEqualTo("IEC TC 101");
  }

  @Test
  void yaml11LineSeparatorEscapeInATitleIsReadNotRejected() throws IOException {
    List<Outcome> outcomes = read("iec.yaml");
    Standard s = record(outcomes, "IEC 61340-4-5:2018");

    assertThat(outcomes).allMatch(o -> o instanceof Outcome.Mapped);
    assertThat(s.titleIn("fr"))
        .startsWith("Électrostatique - Partie 4-5: Méthodes d'essai normalisées pour des")
        .doesNotContain("\\L", "\u2028");
  }

  // ------------------------------------------------------------------ IEEE feed (v1.2)

  @Test
  void ieeePrimaryIdentifierIsTheOneWithoutTheTrademark() throws IOException {
    Standard s = record("ieee.yaml", "IEEE 7001-2021");

    assertThat(s.id()).isEqualTo("ieee-7001-2021");
    assertThat(s.identifiers())
        .containsExactly(
            new Identifier("IEEE", "IEEE 7001™-2021"),
            new Identifier("ISBN", "978-1-5044-8311-7"),
            new Identifier("DOI", "10.1109/IEEESTD.2022.9726144"));
    assertThat(s.titleIn("en")).isEqualTo("IEEE Standard for Transparency of Autonomous Systems");
    assertThat(s.sdo()).isEqualTo("IEEE");
    assertThat(s.committee())
        .isEqualTo("Intelligent Transportation Systems of the IEEE Vehicular Technology Society");
    assertThat(s.type()).isEqualTo(PublicationType.INTERNATIONAL_STANDARD);
    assertThat(s.status()).isEqualTo(Status.IN_FORCE);
    assertThat(s.stage()).isEqualTo("Active");
    assertThat(s.published()).isEqualTo("2022-03-02");
    assertThat(s.url()).isEqualTo("https://ieeexplore.ieee.org/document/9726144");
    assertThat(s.abstractIn("en")).startsWith("Measurable, testable levels of transparency");
  }

  @Test
  void keywordsAreDeduplicatedIgnoringCase() throws IOException {
    assertThat(record("ieee.yaml", "IEEE 7001-2021").keywords())
        .containsExactly(
            "IEEE Standards",
            "Autonomous systems",
            "Artificial intelligence",
            "Ethics",
            "Robots",
            "Intelligent transportation systems",
            "IEEE 7001",
            "transparency");
  }

  @Test
  void ieeePNumberIsADraft() throws IOException {
    Standard s = record("ieee.yaml", "IEEE P7001/D-4-2021-10");

    assertThat(s.id()).isEqualTo("ieee-p7001-d-4-2021-10");
    assertThat(s.status()).isEqualTo(Status.DRAFT);
    assertThat(s.stage()).isEqualTo("Inactive");
    assertThat(s.published()).isEqualTo("2021-10-14");
    assertThat(s.identifiers()).contains(new Identifier("IEEE", "IEEE P7001™/D-4-2021-10"));
  }

  @Test
  void ieeeSupersededRecommendedPracticeIsAGuidePointingToItsSuccessor() throws IOException {
    Standard s = record("ieee.yaml", "IEEE 1019-1985");

    assertThat(s.status()).isEqualTo(Status.SUPERSEDED);
    assertThat(s.type()).isEqualTo(PublicationType.GUIDE);
    assertThat(s.kind()).isEqualTo(Kind.STANDARD);
    assertThat(s.relations())
        .containsExactly(Relation.of(RelationType.REPLACED_BY, "IEEE 1019-1991"));
    assertThat(s.relations().get(0).targetId()).isEqualTo("ieee-1019-1991");
    assertThat(s.committee())
        .isEqualTo("Petroleum & Chemical Industry of the IEEE Industry Applications Society");
  }

  @Test
  void digitisedLegacyIeeeStandardIsDatedByItsApprovalNotItsUpload() throws IOException {
    // published: 2013-04-30 (IEEE Xplore), issued: 1984-06-14, designation year 1985
    assertThat(record("ieee.yaml", "IEEE 1019-1985").published()).isEqualTo("1984-06-14");
  }

  @Test
  void ieeeInactiveStandardIsWithdrawn() throws IOException {
    Standard s = record("ieee.yaml", "IEEE 1156.4-1997");

    assertThat(s.status()).isEqualTo(Status.WITHDRAWN);
    assertThat(s.stage()).isEqualTo("Inactive");
  }

  @Test
  void ieeeUpdateDescribedAsAmendsIsAnAmendment() throws IOException {
    assertThat(record("ieee.yaml", "ANSI C63.4a-2017").relations())
        .containsExactly(Relation.of(RelationType.AMENDS, "ANSI C63.4-2014"));
  }

  @Test
  void repeatedAdoptedFromRelationsBecomeOneAdoption() throws IOException {
    Standard s = record("ieee.yaml", "IEC 60076.21-2011");

    assertThat(s.sdo()).isEqualTo("IEEE");
    assertThat(s.relations()).containsExactly(Relation.of(RelationType.ADOPTS, "IEEE C57.15-2009"));
  }

  // ------------------------------------------------------------------ ITU-T feed (v1.5)

  @Test
  void mapsItuTY3172FromTheV15Record() throws IOException {
    Standard s = record("itu-t.yaml", "ITU-T Y.3172 (06/2019)");

    assertThat(s.id()).isEqualTo("itu-t-y-3172-06-2019");
    assertThat(s.titleIn("en"))
        .isEqualTo(
            "Architectural framework for machine learning in future networks including IMT-2020");
    assertThat(s.sdo()).isEqualTo("ITU-T");
    assertThat(s.committee()).isEqualTo("ITU-T SG13");
    assertThat(s.type()).isEqualTo(PublicationType.INTERNATIONAL_STANDARD);
    assertThat(s.kind()).isEqualTo(Kind.STANDARD);
    assertThat(s.status()).isEqualTo(Status.IN_FORCE);
    assertThat(s.stage()).isEqualTo("Published");
    assertThat(s.published()).isEqualTo("2019-06-22");
    assertThat(s.edition()).isEqualTo("1");
    assertThat(s.url()).isEqualTo("https://www.itu.int/rec/T-REC-Y.3172-201906-I");
    assertThat(s.source()).isEqualTo("relaton-itu-t");
    assertThat(s.abstractIn("en"))
        .startsWith("Recommendation ITU-T Y.3172 specifies an architectural framework");
  }

  @Test
  void ituComplementRelationsGetTheSectorPrefixSoTheirIdsMatch() throws IOException {
    List<Relation> relations = record("itu-t.yaml", "ITU-T Y.3172 (06/2019)").relations();

    assertThat(relations).hasSize(16).allMatch(r -> r.type() == RelationType.COMPLEMENTS);
    assertThat(relations)
        .contains(
            Relation.of(RelationType.COMPLEMENTS, "ITU-T Y Suppl. 55 (10/2019)"),
            Relation.of(RelationType.COMPLEMENTS, "ITU-T Y Suppl. 72 (11/2022)"));
    assertThat(relations.get(1).targetId()).isEqualTo("itu-t-y-suppl-55-10-2019");
  }

  @Test
  void withdrawnItuEditionWithALaterOneIsSupersededAndPointsToIt() throws IOException {
    Standard s = record("itu-t.yaml", "ITU-T Y.3117 (09/2022)");

    assertThat(s.status()).isEqualTo(Status.SUPERSEDED);
    assertThat(s.stage()).isEqualTo("Withdrawal");
    assertThat(s.relations())
        .contains(
            Relation.of(RelationType.REPLACED_BY, "ITU-T Y.3117 (05/2023)"),
            Relation.of(RelationType.UPDATED_BY, "ITU-T Y.3117 (2022) Cor. 1 (05/2023)"));
  }

  @Test
  void ituCorrigendumWithoutTitleTakesTheTitleOfItsEdition() throws IOException {
    Standard s = record("itu-t.yaml", "ITU-T Y.3117 (2022) Cor. 1 (05/2023)");

    assertThat(s.titleIn("en"))
        .isEqualTo(
            "Quality of service assurance-related requirements and framework for smart education"
                + " supported by IMT-2020 and beyond");
    assertThat(s.relations())
        .contains(
            Relation.of(RelationType.UPDATES, "ITU-T Y.3117 (09/2022)"),
            Relation.of(RelationType.REPLACED_BY, "ITU-T Y.3117 (05/2023)"));
    assertThat(s.status()).isEqualTo(Status.SUPERSEDED);
  }

  @Test
  void ituAbstractLineBreaksBecomeRealLineBreaks() throws IOException {
    Standard s = record("itu-t.yaml", "ITU-T A.18 (05/2025)");

    assertThat(s.abstractIn("en"))
        .contains("documented in this Recommendation.\nEdition 2 adds Appendix I")
        .contains("parent group and/or TSAG.\nJCAs, including the KPIs")
        .doesNotContain("\r", "\\r", "\\n", "  ")
        .endsWith("should be reviewed regularly.");
    assertThat(s.committee()).isEqualTo("ITU-T TSAG");
    assertThat(s.relations()).contains(Relation.of(RelationType.REPLACES, "ITU-T A.18 (07/2024)"));
  }

  @Test
  void angleBracketsInAPlainTextAbstractAreKept() throws IOException {
    Standard s = record("itu-t.yaml", "ITU-T X.862 (12/1997)");

    assertThat(s.abstractIn("en")).contains("a set of actions called a <transaction>. It also");
    assertThat(s.identifiers()).containsExactly(new Identifier("ISO", "ISO/IEC 10026-3"));
    assertThat(s.committee()).isEqualTo("ITU-T SG17");
  }

  @Test
  void ituSupplementIsATechnicalPaper() throws IOException {
    Standard s = record("itu-t.yaml", "ITU-T Y Suppl. 55 (10/2019)");

    assertThat(s.type()).isEqualTo(PublicationType.TECHNICAL_PAPER);
    assertThat(s.kind()).isEqualTo(Kind.PUBLICATION);
  }

  @Test
  void ituRecordMarkedWithdrawnInItsUrlIsWithdrawn() throws IOException {
    Standard s = record("itu-t.yaml", "ITU-T A.30 (03/1993)");

    assertThat(s.url()).endsWith("-W");
    assertThat(s.status()).isEqualTo(Status.WITHDRAWN);
  }

  // ------------------------------------------------------------------ stream handling

  @Test
  void recordsAreNumberedFromOneInStreamOrder() throws IOException {
    List<Outcome> outcomes = read("itu-t.yaml");

    assertThat(outcomes).extracting(Outcome::recordNumber).containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(outcomes).allMatch(o -> o instanceof Outcome.Mapped);
  }

  @Test
  void gzipIsRecognisedByItsMagicBytes() throws IOException {
    byte[] gz = bytes("itu-t.yaml.gz");
    assertThat(Arrays.copyOf(gz, 2)).containsExactly(0x1f, 0x8b);

    // read under a source name that says nothing about compression
    List<Outcome> fromGzip = read("relaton-itu-t", gz);
    List<Outcome> fromPlain = read("relaton-itu-t", bytes("itu-t.yaml"));

    assertThat(fromGzip).hasSize(7).isEqualTo(fromPlain);
  }

  @Test
  void syntaxErrorAndMissingIdentifierRejectOnlyTheirOwnDocuments() throws IOException {
    String ieee = new String(bytes("ieee.yaml"), StandardCharsets.UTF_8);
    String itu = new String(bytes("itu-t.yaml"), StandardCharsets.UTF_8);
    String broken = "---\nid: broken\ntitle: [unclosed\n  content: x\n";
    String noDocid =
        "---\nschema-version: v1.2.3\nid: nodocid\ntitle:\n- content: A record without docid\n";
    String noPrimary = "---\nid: noprimary\ndocid:\n- id: 978-1-5044-8311-7\n  type: ISBN\n";
    byte[] stream = (ieee + broken + noDocid + noPrimary + itu).getBytes(StandardCharsets.UTF_8);

    List<Outcome> outcomes = read("mixed", stream);

    assertThat(outcomes).hasSize(6 + 3 + 7);
    assertThat(outcomes).extracting(Outcome::recordNumber).doesNotHaveDuplicates();
    assertThat(outcomes.get(6)).isInstanceOf(Outcome.Rejected.class);
    Outcome.Rejected syntax = (Outcome.Rejected) outcomes.get(6);
    assertThat(syntax.recordNumber()).isEqualTo(7);
    assertThat(syntax.reason()).startsWith("YAML syntax error at line ").contains("column");
    Outcome.Rejected missing = (Outcome.Rejected) outcomes.get(7);
    assertThat(missing.recordNumber()).isEqualTo(8);
    assertThat(missing.reason()).contains("docid");
    Outcome.Rejected notPrimary = (Outcome.Rejected) outcomes.get(8);
    assertThat(notPrimary.recordNumber()).isEqualTo(9);
    assertThat(notPrimary.reason()).contains("primary");
    assertThat(outcomes.subList(9, 16))
        .allMatch(o -> o instanceof Outcome.Mapped)
        .extracting(Outcome::recordNumber)
        .containsExactly(10, 11, 12, 13, 14, 15, 16);
    assertThat(record(outcomes, "ITU-T Y.3172 (06/2019)").committee()).isEqualTo("ITU-T SG13");
    assertThat(record(outcomes, "IEEE 7001-2021").source()).isEqualTo("mixed");
  }

  @Test
  void syntaxErrorReasonGivesTheLineInTheWholeStream() throws IOException {
    String itu = new String(bytes("itu-t.yaml"), StandardCharsets.UTF_8);
    long linesBefore = itu.lines().count();
    byte[] stream = (itu + "---\nid: x\n  bad: indentation\n").getBytes(StandardCharsets.UTF_8);

    List<Outcome> outcomes = read("relaton-itu-t", stream);

    Outcome last = outcomes.get(outcomes.size() - 1);
    assertThat(last).isInstanceOf(Outcome.Rejected.class);
    assertThat(last.recordNumber()).isEqualTo(8);
    assertThat(((Outcome.Rejected) last).reason())
        .startsWith("YAML syntax error at line " + (linesBefore + 3) + ",");
  }

  @Test
  void truncatedGzipEndsTheReadWithOneRejection() throws IOException {
    byte[] gz = bytes("itu-t.yaml.gz");
    byte[] truncated = Arrays.copyOf(gz, gz.length / 2);

    List<Outcome> outcomes = read("relaton-itu-t", truncated);

    assertThat(outcomes).isNotEmpty();
    Outcome last = outcomes.get(outcomes.size() - 1);
    assertThat(last).isInstanceOf(Outcome.Rejected.class);
    assertThat(((Outcome.Rejected) last).reason()).contains("unreadable");
    assertThat(outcomes.subList(0, outcomes.size() - 1)).allMatch(o -> o instanceof Outcome.Mapped);
  }

  @Test
  void emptyDocumentsAndCommentsProduceNoOutcomeButKeepTheNumbering() {
    String stream =
        "# a comment before the first document\n---\n---\n# only a comment\n---\n"
            + "id: x\ndocid:\n- id: ISO/IEC 22989:2022\n  type: IEC\n  primary: true\n"
            + "docstatus:\n  stage: PUBLISHED\n";

    List<Outcome> outcomes = read("x", stream.getBytes(StandardCharsets.UTF_8));

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0).recordNumber()).isEqualTo(3);
    assertThat(((Outcome.Mapped) outcomes.get(0)).standard().id()).isEqualTo("iso-iec-22989-2022");
  }

  // ------------------------------------------------------------------ AI corpus selection

  @Test
  void aiSelectionIsWordBoundedAndCaseSensitiveForAbbreviations() throws IOException {
    Standard y3172 = record("itu-t.yaml", "ITU-T Y.3172 (06/2019)");
    Standard y3117 = record("itu-t.yaml", "ITU-T Y.3117 (09/2022)");

    assertThat(AiRelevance.isAi(y3172)).isTrue();
    assertThat(AiRelevance.isAi(y3117)).isFalse();
    assertThat(AiRelevance.isAi(titled("Requirements for AI/ML-based network design"))).isTrue();
    assertThat(AiRelevance.isAi(titled("HTML and XML email (aim, mail, Ai)"))).isFalse();
    assertThat(AiRelevance.isAi(titled("Machine-learning sandbox"))).isTrue();
  }

  private static Standard titled(String title) {
    return Standard.builder("X.1").title(java.util.Map.of("en", title)).build();
  }

  // ------------------------------------------------------------------ mapping tables

  @Test
  void isoNumericStagesFollowTheHarmonizedStageCodes() {
    assertThat(IsoIecRules.status("40.99")).isEqualTo(Status.DRAFT);
    assertThat(IsoIecRules.status("60.00")).isEqualTo(Status.DRAFT);
    assertThat(IsoIecRules.status("60.60")).isEqualTo(Status.IN_FORCE);
    assertThat(IsoIecRules.status("90.93")).isEqualTo(Status.IN_FORCE);
    assertThat(IsoIecRules.status("95.99")).isEqualTo(Status.WITHDRAWN);
    assertThat(IsoIecRules.status("REPLACED")).isEqualTo(Status.SUPERSEDED);
  }

  @Test
  void relationTypesMapToTheCatalogueVocabulary() {
    assertThat(RelatonMapper.relationType("obsoletes", null)).isEqualTo(RelationType.REPLACES);
    assertThat(RelatonMapper.relationType("obsoletedBy", null)).isEqualTo(RelationType.REPLACED_BY);
    assertThat(RelatonMapper.relationType("updates", "revises")).isEqualTo(RelationType.REPLACES);
    assertThat(RelatonMapper.relationType("updates", "corrects")).isEqualTo(RelationType.UPDATES);
    assertThat(RelatonMapper.relationType("updatedBy", null)).isEqualTo(RelationType.UPDATED_BY);
    assertThat(RelatonMapper.relationType("amendedBy", null)).isEqualTo(RelationType.AMENDED_BY);
    assertThat(RelatonMapper.relationType("adoptedFrom", null)).isEqualTo(RelationType.ADOPTS);
    assertThat(RelatonMapper.relationType("complementOf", null))
        .isEqualTo(RelationType.COMPLEMENTS);
    assertThat(RelatonMapper.relationType("hasPart", null)).isEqualTo(RelationType.RELATED);
    assertThat(RelatonMapper.relationType("partOf", null)).isEqualTo(RelationType.RELATED);
  }
}
