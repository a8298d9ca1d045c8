package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RIS, on entries cut from NIST's catalogue of technical publications, and on broken input. */
class RisReaderTest {
  List<FeedRecord> outcomes;

  /** The mapped records by id; the first of two entries with one id. */
  Map<String, Standard> byId;

  @BeforeEach
  void read() throws Exception {
    try (InputStream in =
        getClass().getResourceAsStream("/fixtures/ris/nist-techpubs-excerpt.ris")) {
      outcomes = read(in);
    }
    byId = new LinkedHashMap<>();
    for (FeedRecord o : outcomes) {
      if (o instanceof FeedRecord.Mapped m) {
        byId.putIfAbsent(m.standard().id(), m.standard());
      }
    }
  }

  private static List<FeedRecord> read(InputStream in) throws Exception {
    List<FeedRecord> out = new ArrayList<>();
    new RisReader("nist-techpubs").read(in, out::add);
    return out;
  }

  private static List<FeedRecord> read(String text) throws Exception {
    return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyEntryOfTheExcerptIsMappedAndOnlyTheFeedsOwnDuplicatesShareAnId() {
    assertThat(outcomes).hasSize(29).allMatch(o -> o instanceof FeedRecord.Mapped);
    // NBS BH 10 (once without a DOI) and NIST TN 1648 (under two DOIs) are in the feed twice.
    assertThat(byId).hasSize(27).containsKeys("nbs-bh-10", "nist-tn-1648");
    assertThat(outcomes.get(0).where()).isEqualTo("record at line 1");
  }

  @Test
  void aNistPublicationHasTheIdentifierPeopleTypeAndItsDoi() {
    Standard rmf = byId.get("nist-ai-100-1");
    assertThat(rmf.identifier()).isEqualTo("NIST AI 100-1");
    assertThat(rmf.titleIn("en"))
        .isEqualTo("Artificial Intelligence Risk Management Framework (AI RMF 1.0)");
    assertThat(rmf.sdo()).isEqualTo("NIST");
    assertThat(rmf.published()).isEqualTo("2023");
    assertThat(rmf.url()).isEqualTo("https://doi.org/10.6028/NIST.AI.100-1");
    assertThat(rmf.identifiers()).containsExactly(new Identifier("DOI", "10.6028/NIST.AI.100-1"));
    assertThat(rmf.type()).isEqualTo(PublicationType.GUIDE);
    assertThat(rmf.status()).isEqualTo(Status.IN_FORCE);
    assertThat(rmf.stage()).isEqualTo("Final");
    assertThat(rmf.source()).isEqualTo("nist-techpubs");
    assertThat(byId.get("nist-sp-1270").titleIn("en"))
        .isEqualTo(
            "Towards a standard for identifying and managing bias in artificial intelligence");
  }

  @Test
  void aReportNumberSpelledOtherwiseIsKeptAndAGarbledOneIsCleaned() {
    assertThat(byId.get("nist-ir-8343").identifiers())
        .contains(new Identifier("report number", "NISTIR 8343"));
    assertThat(byId.get("nbs-lcirc-17").identifiers())
        .contains(new Identifier("report number", "LCIRC 17"));
    // SN "NIST AI NIST AI 100-2e2023" and "error: NIST CHIPS 1000-2 ipd": cleaned, they are the
    // identifier, and no second spelling is kept.
    assertThat(byId.get("nist-ai-100-2e2023").identifiers())
        .extracting(Identifier::type)
        .containsExactly("DOI");
    assertThat(byId.get("nist-chips-1000-2-ipd").identifiers())
        .extracting(Identifier::type)
        .containsExactly("DOI");
    // No usable DOI shape (10.6028/NISTPUB...): the report number is the identifier.
    assertThat(outcomes)
        .filteredOn(o -> o instanceof FeedRecord.Mapped)
        .extracting(o -> ((FeedRecord.Mapped) o).standard())
        .filteredOn(
            s -> s.identifiers().contains(new Identifier("DOI", "10.6028/NISTPUB.0413171251")))
        .extracting(Standard::identifier)
        .containsExactly("NIST TN 1648");
    // No DOI at all: no url either.
    assertThat(outcomes.get(0))
        .isInstanceOfSatisfying(
            FeedRecord.Mapped.class,
            m -> {
              assertThat(m.standard().identifier()).isEqualTo("NBS BH 10");
              assertThat(m.standard().url()).isNull();
              assertThat(m.standard().identifiers()).isEmpty();
            });
  }

  @Test
  void theTypeFollowsTheSeries() {
    assertThat(byId.get("nist-fips-197").type()).isEqualTo(PublicationType.NATIONAL_STANDARD);
    assertThat(byId.get("nist-fips-197").kind()).isEqualTo(Kind.STANDARD);
    assertThat(byId.get("nbs-cs-1-28").type()).isEqualTo(PublicationType.NATIONAL_STANDARD);
    assertThat(byId.get("nist-sp-800-53r5").type()).isEqualTo(PublicationType.GUIDE);
    assertThat(byId.get("nist-hb-44-2023").type()).isEqualTo(PublicationType.GUIDE);
    assertThat(byId.get("nist-tn-2152").type()).isEqualTo(PublicationType.TECHNICAL_PAPER);
    assertThat(byId.get("nist-ir-8312").type()).isEqualTo(PublicationType.TECHNICAL_REPORT);
    assertThat(byId.get("nist-ir-8312").kind()).isEqualTo(Kind.PUBLICATION);
    assertThat(byId.get("nist-ams-600-1").type()).isEqualTo(PublicationType.TECHNICAL_REPORT);
  }

  @Test
  void publicDraftsAreDraftsAndEverythingElseIsInForce() {
    assertThat(byId.get("nist-ai-100-2e2023-ipd").status()).isEqualTo(Status.DRAFT);
    assertThat(byId.get("nist-ai-100-2e2023-ipd").stage()).isEqualTo("Initial Public Draft");
    assertThat(byId.get("nist-ir-8270-draft2").status()).isEqualTo(Status.DRAFT);
    assertThat(byId.get("nist-ir-8270-draft2").stage()).isEqualTo("Draft");
    assertThat(byId.get("nist-sp-800-218a-ipd").status()).isEqualTo(Status.DRAFT);
    assertThat(byId.values())
        .filteredOn(s -> s.status() == Status.DRAFT)
        .extracting(Standard::id)
        .containsExactlyInAnyOrder(
            "nist-ai-100-2e2023-ipd",
            "nist-chips-1000-2-ipd",
            "nist-ir-8270-draft2",
            "nist-sp-800-218a-ipd",
            "nist-sp-1800-39-ipd");
  }

  @Test
  void aBrokenEntryIsRejectedWithItsLineAndTheNextOneIsRead() throws Exception {
    String text =
        String.join(
            "\n",
            "TI  - An entry without TY", // 1
            "ER  -", // 2
            "", // 3
            "TY  - RPRT", // 4
            "TI  - Never ended", // 5
            "TY  - RPRT", // 6
            "TI  - Good one, whose title", // 7
            "      goes on on a second line", // 8
            "PY  - 2024/05/17/", // 9
            "PB  - National Institute of Standards and Technology", // 10
            "SN  - NIST IR 9999", // 11
            "ER  -", // 12
            "this line is not RIS", // 13
            "TY  - RPRT", // 14
            "TI  - Cut short"); // 15
    List<FeedRecord> out = read(text);

    List<String> rejected =
        out.stream()
            .filter(o -> o instanceof FeedRecord.Rejected)
            .map(o -> o.where() + ": " + ((FeedRecord.Rejected) o).reason())
            .toList();
    assertThat(rejected)
        .satisfiesExactly(
            r -> assertThat(r).startsWith("line 1: ").contains("TI outside an entry", "lines 1-3"),
            r ->
                assertThat(r)
                    .startsWith("record at line 4: ")
                    .contains("no ER before the next TY at line 6"),
            r -> assertThat(r).startsWith("line 13: ").contains("'this line is not RIS'"),
            r ->
                assertThat(r)
                    .startsWith("record at line 14: ")
                    .contains("the file ends before the ER"));
    assertThat(out)
        .filteredOn(o -> o instanceof FeedRecord.Mapped)
        .singleElement()
        .satisfies(
            o -> {
              Standard s = ((FeedRecord.Mapped) o).standard();
              assertThat(o.where()).isEqualTo("record at line 6");
              assertThat(s.identifier()).isEqualTo("NIST IR 9999");
              assertThat(s.titleIn("en"))
                  .isEqualTo("Good one, whose title goes on on a second line");
              assertThat(s.published()).isEqualTo("2024-05-17");
            });
  }

  @Test
  void anEntryThatCannotStandIsRejectedNamingWhatIsMissingAndOneWithoutTitleIsARecord()
      throws Exception {
    String text =
        """
        \uFEFFTY  - RPRT
        SN  - SI 1
        PB  - Some Institute
        ER  -

        TY  - JOUR
        TI  - An article of nobody
        DO  - 10.1000/xyz
        ER  -

        TY - RPRT
        TI - Written with one space, as some exporters do
        DA - 2021/02/30
        PB - Some Institute
        SN - SI 12
        KW - testing
        ER -
        """;
    List<FeedRecord> out = read(text);
    assertThat(out).hasSize(3);
    assertThat(out.get(0))
        .isInstanceOfSatisfying(
            FeedRecord.Mapped.class,
            m -> {
              assertThat(m.standard().identifier()).isEqualTo("SI 1");
              assertThat(m.standard().title()).isEmpty();
            });
    assertThat(out.get(1))
        .isInstanceOfSatisfying(
            FeedRecord.Rejected.class,
            r -> {
              assertThat(r.where()).isEqualTo("record at line 6");
              assertThat(r.reason()).contains("10.1000/xyz", "no publisher (PB)");
            });
    assertThat(out.get(2))
        .isInstanceOfSatisfying(
            FeedRecord.Mapped.class,
            m -> {
              Standard s = m.standard();
              assertThat(s.identifier()).isEqualTo("SI 12");
              assertThat(s.sdo()).isEqualTo("Some Institute");
              assertThat(s.type()).isEqualTo(PublicationType.TECHNICAL_REPORT);
              assertThat(s.keywords()).containsExactly("testing");
              // 30 February is no day: the month is what is known.
              assertThat(s.published()).isEqualTo("2021-02");
            });
  }
}
