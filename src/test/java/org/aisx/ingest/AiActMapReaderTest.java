package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Json;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The EU AI Act map (ai-act-standards.com, CC BY 4.0): its seven CEN-CENELEC drafts. */
class AiActMapReaderTest {
  static final ObjectMapper JSON = Json.mapper();
  List<FeedRecord> outcomes;
  Map<String, Standard> byId;

  @BeforeEach
  void read() throws Exception {
    try (InputStream in =
        getClass().getResourceAsStream("/fixtures/ai-act/ai-act-standards.json")) {
      outcomes = read(in);
    }
    byId = new LinkedHashMap<>();
    outcomes.forEach(
        o -> {
          if (o instanceof FeedRecord.Mapped m) {
            byId.put(m.standard().id(), m.standard());
          }
        });
  }

  private static List<FeedRecord> read(InputStream in) throws IOException {
    List<FeedRecord> out = new ArrayList<>();
    new AiActMapReader("ai-act-standards", JSON).read(in, out::add);
    return out;
  }

  private static List<FeedRecord> read(String text) throws IOException {
    return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSevenDraftsAreRecordsOfJtc21WithTheirCenStage() {
    assertThat(outcomes).allMatch(o -> o instanceof FeedRecord.Mapped);
    assertThat(byId.keySet())
        .containsExactly(
            "pren-18228",
            "pren-18284",
            "pren-18283",
            "pren-18229-1",
            "pren-18229-2",
            "pren-18282",
            "pren-18286");
    Standard qms = byId.get("pren-18286");
    assertThat(qms.identifier()).isEqualTo("prEN 18286");
    assertThat(qms.titleIn("en"))
        .isEqualTo("Quality management system for EU AI Act regulatory purposes");
    assertThat(qms.abstractIn("en")).startsWith("This document specifies the requirements");
    assertThat(qms.sdo()).isEqualTo("CEN-CENELEC");
    assertThat(qms.committee()).isEqualTo("CEN-CENELEC/JTC 21");
    assertThat(qms.type()).isEqualTo(PublicationType.INTERNATIONAL_STANDARD);
    assertThat(qms.kind()).isEqualTo(Kind.STANDARD);
    assertThat(qms.status()).isEqualTo(Status.DRAFT);
    assertThat(qms.stage()).isEqualTo("40");
    assertThat(byId.get("pren-18284").stage()).isEqualTo("10");
    assertThat(qms.source()).isEqualTo("ai-act-standards");
  }

  @Test
  void eachDraftNamesTheAiActArticlesItSupports() {
    assertThat(byId.get("pren-18286").keywords())
        .containsExactly(
            "EU AI Act Art 17 – Quality Management System",
            "EU AI Act Art 72 - Post-Market Monitoring by Providers and Post-Market Monitoring"
                + " Plan for High-Risk AI Systems");
    assertThat(byId.get("pren-18229-1").keywords())
        .containsExactly(
            "EU AI Act Art 12 - Record-Keeping",
            "EU AI Act Art 13 - Transparency and Provision of Information to Deployers",
            "EU AI Act Art 14 - Human Oversight");
    assertThat(byId.get("pren-18228").keywords())
        .containsExactly("EU AI Act Art 9 - Risk Management System");
  }

  @Test
  void theMapNamesNoIsoOrIecStandardSoNoDraftIsLinkedToOne() {
    assertThat(byId.values()).allSatisfy(s -> assertThat(s.relations()).isEmpty());
  }

  @Test
  void anIsoOrIecStandardThatTheTextNamesBecomesARelation() {
    assertThat(
            AiActMapReader.cited(
                "This document is an adoption of ISO/IEC 42001:2023 with changes. It uses the"
                    + " concepts of ISO/IEC 22989 and ISO 31000:2018; see also ISO/IEC 42001:2023."))
        .containsExactly(
            Relation.of(RelationType.ADOPTS, "ISO/IEC 42001:2023"),
            Relation.of(RelationType.RELATED, "ISO/IEC 22989"),
            Relation.of(RelationType.RELATED, "ISO 31000:2018"));
    assertThat(AiActMapReader.cited("Guidance on risk management for AI systems.")).isEmpty();
  }

  @Test
  void aMappingToAnUnknownStandardIsRejectedWithItsPlace() throws Exception {
    List<FeedRecord> out =
        read(
            """
            {"articles": [{"id": "art9", "title": "Art 9 - Risk Management System"}],
             "standards": [{"id": "prEN18228", "code": "prEN 18228", "title": "AI Risk Management",
                            "stage": 20},
                           {"id": "prEN1", "title": "No code", "stage": 20},
                           {"id": "prEN2", "code": "prEN 2", "title": "Bad stage", "stage": "soon"}],
             "mappings": [{"article": "art9", "standards": ["prEN18228", "prEN99999"]},
                          {"article": "art99", "standards": ["prEN18228"]}]}
            """);
    assertThat(out)
        .extracting(
            o -> o.where() + ": " + (o instanceof FeedRecord.Rejected r ? r.reason() : "ok"))
        .containsExactly(
            "mappings[0]: standard 'prEN99999' is not among the map's standards",
            "mappings[1]: article 'art99' is not among the map's articles",
            "standards[0] (prEN 18228): ok",
            "standards[1]: code: missing (the standard's identifier, 'prEN 18228')",
            "standards[2] (prEN 2): stage: 'soon' is not a CEN stage code (10, 20, 40, ...)");
  }

  @Test
  void aFileThatIsNotJsonFailsNamingTheLine() {
    assertThatThrownBy(() -> read("{\"standards\": [\n{\"code\": }"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 2");
  }
}
