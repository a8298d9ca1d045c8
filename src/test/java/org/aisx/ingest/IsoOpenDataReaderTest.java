package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Json;
import org.aisx.catalog.Kind;
import org.aisx.catalog.Problem;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.catalog.Status;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ISO Open Data deliverables, on the real samples of ISO Open Data (see the fixtures' README). */
class IsoOpenDataReaderTest {
  private static final String DIR = "/fixtures/iso-open-data/";

  private static List<FeedRecord> readResource(String name, IsoOpenDataReader reader)
      throws IOException {
    List<FeedRecord> out = new ArrayList<>();
    try (InputStream in = IsoOpenDataReaderTest.class.getResourceAsStream(DIR + name)) {
      assertThat(in).as(name).isNotNull();
      reader.read(in, out::add);
    }
    return out;
  }

  private static List<FeedRecord> readText(String text, IsoOpenDataReader reader)
      throws IOException {
    List<FeedRecord> out = new ArrayList<>();
    reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out::add);
    return out;
  }

  private static IsoOpenDataReader reader() {
    return new IsoOpenDataReader("iso-open-data");
  }

  private static Standard mapped(FeedRecord r) {
    assertThat(r).isInstanceOf(FeedRecord.Mapped.class);
    return ((FeedRecord.Mapped) r).standard();
  }

  @Test
  void aDeliverableWithoutTitleIsARecordWithoutOne() throws Exception {
    // ISO Open Data's deliverables files carry no title: every one of the real samples is still
    // a record, with everything else the feed says of it.
    List<FeedRecord> out = new ArrayList<>(readResource("62085.json", reader()));
    out.addAll(readResource("88821-88915.jsonl", reader()));

    assertThat(out).hasSize(3).allMatch(r -> r instanceof FeedRecord.Mapped);
    assertThat(out)
        .extracting(r -> mapped(r).identifier())
        .containsExactly("ISO 9001:2015", "ISO/TR 7035-2:2024", "ISO/IEC 19566-7:2022/Amd 1:2025");
    for (FeedRecord r : out) {
      Standard s = mapped(r);
      assertThat(s.title()).as(s.identifier()).isEmpty();
      assertThat(s.untitled()).isTrue();
      assertThat(s.nameIn("fr")).isEqualTo(s.identifier());
    }
  }

  @Test
  void mapsTheSingleJsonObject() throws Exception {
    List<FeedRecord> out = readResource("62085.json", reader());

    // One object on one line: where it is, is "line 1" (JSON Lines and one object look alike).
    assertThat(out).hasSize(1);
    assertThat(out.get(0).where()).isEqualTo("line 1");
    Standard s = mapped(out.get(0));
    assertThat(s.identifier()).isEqualTo("ISO 9001:2015");
    assertThat(s.id()).isEqualTo("iso-9001-2015");
    assertThat(s.title()).isEmpty();
    assertThat(s.identifiers()).containsExactly(new Identifier("ISO", "62085"));
    assertThat(s.sdo()).isEqualTo("ISO");
    assertThat(s.committee()).isEqualTo("ISO/TC 176/SC 2");
    assertThat(s.type()).isEqualTo(PublicationType.INTERNATIONAL_STANDARD);
    assertThat(s.kind()).isEqualTo(Kind.STANDARD);
    // 90.92: to be revised, and in force until the revision is out, although replacedBy is set.
    assertThat(s.stage()).isEqualTo("90.92");
    assertThat(s.status()).isEqualTo(Status.IN_FORCE);
    assertThat(s.published()).isEqualTo("2015-09-22");
    assertThat(s.edition()).isEqualTo("5");
    assertThat(s.url()).isEqualTo("https://www.iso.org/standard/62085.html");
    assertThat(s.source()).isEqualTo("iso-open-data");
    assertThat(s.summary().keySet()).containsExactly("en");
    assertThat(s.abstractIn("en"))
        .startsWith(
            "ISO 9001:2015 specifies requirements for a quality management system when an"
                + " organization:\n\na) needs to demonstrate its ability")
        .endsWith("regardless of its type or size, or the products and services it provides.")
        .doesNotContain("<", "\\n");
    assertThat(s.abstractIn("en").split("\n\n")).hasSize(4);
    // Nothing resolves the numeric ids: they stay visible as ISO's numbers.
    assertThat(s.relations())
        .containsExactly(
            Relation.of(RelationType.REPLACES, "ISO #46486"),
            Relation.of(RelationType.REPLACES, "ISO #54538"),
            Relation.of(RelationType.REPLACED_BY, "ISO #88464"));
    assertThat(s.relations().get(0).targetId()).isEqualTo("iso-46486");
  }

  @Test
  void mapsJsonLinesWithTheirLineNumbers() throws Exception {
    List<FeedRecord> out = readResource("88821-88915.jsonl", reader());

    assertThat(out).extracting(FeedRecord::where).containsExactly("line 1", "line 2");

    Standard tr = mapped(out.get(0));
    assertThat(tr.identifier()).isEqualTo("ISO/TR 7035-2:2024");
    assertThat(tr.sdo()).isEqualTo("ISO");
    assertThat(tr.committee()).isEqualTo("ISO/TC 5/SC 2");
    assertThat(tr.type()).isEqualTo(PublicationType.TECHNICAL_REPORT);
    assertThat(tr.kind()).isEqualTo(Kind.PUBLICATION);
    assertThat(tr.stage()).isEqualTo("60.60");
    assertThat(tr.status()).isEqualTo(Status.IN_FORCE);
    assertThat(tr.published()).isEqualTo("2024-09-30");
    assertThat(tr.edition()).isEqualTo("1");
    assertThat(tr.relations()).isEmpty();

    Standard amd = mapped(out.get(1));
    assertThat(amd.identifier()).isEqualTo("ISO/IEC 19566-7:2022/Amd 1:2025");
    assertThat(amd.sdo()).isEqualTo("ISO/IEC");
    assertThat(amd.committee()).isEqualTo("ISO/IEC JTC 1/SC 29");
    assertThat(amd.type()).isEqualTo(PublicationType.INTERNATIONAL_STANDARD);
    assertThat(amd.url()).isEqualTo("https://www.iso.org/standard/88915.html");
    // scope {"en": null}: no abstract rather than an empty one.
    assertThat(amd.summary()).isEmpty();
    assertThat(amd.relations())
        .containsExactly(Relation.of(RelationType.AMENDS, "ISO/IEC 19566-7:2022"));
  }

  @Test
  void wordHtmlInTheScopeBecomesCleanParagraphs() throws Exception {
    // Word writes each list item as a paragraph starting with "—": a list item all the same.
    Standard tr = mapped(readResource("88821-88915.jsonl", reader()).get(0));

    assertThat(tr.abstractIn("en"))
        .isEqualTo(
            "The objective of this document is to assist conceptors, engineering offices, water"
                + " companies or project owners in the design, installation and operation of the"
                + " ductile iron pipeline systems for water supply:\n\n"
                + "• introduce practices for design, installation and operation of new ductile"
                + " iron pipe water supply systems, rehabilitation or renovation;\n\n"
                + "• refers to existing standards that specify products’ design, installation and"
                + " site testing, materials and coatings.\n\n"
                + "This document gives efficient support to ISO/TR 7035-1 which indicates"
                + " chapters here for readers’ reference.");
  }

  @Test
  void mappedRecordsPassTheCataloguesValidationAsAFeedsButNotAsAPersons() throws Exception {
    ObjectMapper json = Json.mapper();
    StandardReader validator = new StandardReader(Taxonomy.bundled(json));
    List<FeedRecord> all = new ArrayList<>(readResource("62085.json", reader()));
    all.addAll(readResource("88821-88915.jsonl", reader()));

    assertThat(all).hasSize(3).allMatch(r -> r instanceof FeedRecord.Mapped);
    for (FeedRecord r : all) {
      Standard s = mapped(r);
      Standard validated = validator.read(s);
      assertThat(validated).isEqualTo(s);
      // The same JSON from a feed (the json import) is a record; from a person it lacks its title.
      assertThat(validator.readFeed(json.valueToTree(s))).isEqualTo(s);
      assertThatThrownBy(() -> validator.read(json.<JsonNode>valueToTree(s)))
          .isInstanceOf(CatalogException.Invalid.class)
          .satisfies(
              e ->
                  assertThat(((CatalogException.Invalid) e).problems())
                      .extracting(Problem::field, Problem::problem)
                      .containsExactly(org.assertj.core.groups.Tuple.tuple("title", "required")));
    }
  }

  /** ISO 9001:2008 withdrawn and replaced, then the 2015 edition from the real sample. */
  private static String editions() throws IOException {
    String y2015;
    try (InputStream in = IsoOpenDataReaderTest.class.getResourceAsStream(DIR + "62085.json")) {
      y2015 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return """
        {"id":46486,"deliverableType":"IS","reference":"ISO 9001:2008","title":{"en":"Quality management systems — Requirements"},"currentStage":9599,"replaces":[21823],"replacedBy":[62085]}
        """
        + y2015.replace(
            "\"scope\":", "\"title\":{\"en\":\"Quality management systems\"},\"scope\":")
        + "\n";
  }

  @Test
  void relationsResolveFromEarlierEntriesThenTheFunctionElseKeepIsosNumber() throws Exception {
    List<Long> asked = new ArrayList<>();
    LongFunction<Optional<String>> catalogue =
        isoId -> {
          asked.add(isoId);
          return isoId == 54538 ? Optional.of("ISO 9001:2008/Cor 1:2009") : Optional.empty();
        };
    List<FeedRecord> out = readText(editions(), new IsoOpenDataReader("iso-open-data", catalogue));

    assertThat(out).extracting(FeedRecord::where).containsExactly("line 1", "line 2");
    Standard y2008 = mapped(out.get(0));
    // Withdrawn (95.99) with a successor: superseded. 62085 comes later in the input.
    assertThat(y2008.stage()).isEqualTo("95.99");
    assertThat(y2008.status()).isEqualTo(Status.SUPERSEDED);
    assertThat(y2008.relations())
        .containsExactly(
            Relation.of(RelationType.REPLACES, "ISO #21823"),
            Relation.of(RelationType.REPLACED_BY, "ISO #62085"));

    Standard y2015 = mapped(out.get(1));
    assertThat(y2015.relations())
        .containsExactly(
            Relation.of(RelationType.REPLACES, "ISO 9001:2008"),
            Relation.of(RelationType.REPLACES, "ISO 9001:2008/Cor 1:2009"),
            Relation.of(RelationType.REPLACED_BY, "ISO #88464"));
    // 46486 was seen earlier in the input, so the catalogue was not asked for it.
    assertThat(asked).containsExactly(21823L, 62085L, 54538L, 88464L);
  }

  @Test
  void aWithdrawnDeliverableWithoutSuccessorIsWithdrawn() throws Exception {
    List<FeedRecord> out =
        readText(
            """
            {"id":1,"deliverableType":"TS","reference":"ISO/TS 1:2000","title":{"en":"T"},"currentStage":9599,"replacedBy":[]}
            {"id":2,"deliverableType":"PAS","reference":"ISO/PAS 2:2024","title":{"en":"<b>Bold</b> title"},"currentStage":"30.98"}
            {"id":3,"deliverableType":"Guide","reference":"ISO/IEC Guide 3:2024","title":{"en":"G","fr":null},"currentStage":4020}
            """,
            new IsoOpenDataReader("x"));

    Standard ts = mapped(out.get(0));
    assertThat(ts.status()).isEqualTo(Status.WITHDRAWN);
    assertThat(ts.type()).isEqualTo(PublicationType.TECHNICAL_SPECIFICATION);
    assertThat(ts.kind()).isEqualTo(Kind.STANDARD);
    Standard pas = mapped(out.get(1));
    assertThat(pas.status()).isEqualTo(Status.WITHDRAWN);
    assertThat(pas.stage()).isEqualTo("30.98");
    assertThat(pas.title()).isEqualTo(Map.of("en", "Bold title"));
    assertThat(pas.type()).isEqualTo(PublicationType.TECHNICAL_SPECIFICATION);
    Standard guide = mapped(out.get(2));
    assertThat(guide.status()).isEqualTo(Status.DRAFT);
    assertThat(guide.stage()).isEqualTo("40.20");
    assertThat(guide.type()).isEqualTo(PublicationType.GUIDE);
    assertThat(guide.kind()).isEqualTo(Kind.PUBLICATION);
    assertThat(guide.sdo()).isEqualTo("ISO/IEC");
    assertThat(guide.title()).isEqualTo(Map.of("en", "G"));
  }

  @ParameterizedTest
  @CsvSource({
    "0, false, DRAFT",
    "1020, false, DRAFT",
    "2098, false, WITHDRAWN",
    "4099, false, DRAFT",
    "5098, false, WITHDRAWN",
    "6000, false, DRAFT",
    "6060, false, IN_FORCE",
    "9020, false, IN_FORCE",
    "9092, true, IN_FORCE",
    "9093, false, IN_FORCE",
    "9099, false, IN_FORCE",
    "9560, false, IN_FORCE",
    "9592, true, IN_FORCE",
    "9599, false, WITHDRAWN",
    "9599, true, SUPERSEDED"
  })
  void stageCodesMapToStatus(int stage, boolean hasSuccessor, Status expected) {
    assertThat(IsoOpenDataReader.statusOf(stage, hasSuccessor)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"7060", "9600", "-1", "15020"})
  void numbersThatAreNoStageCodeAreRefused(int stage) {
    assertThatThrownBy(() -> IsoOpenDataReader.statusOf(stage, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("currentStage: ");
  }

  @ParameterizedTest
  @CsvSource({
    "IS, INTERNATIONAL_STANDARD",
    "TR, TECHNICAL_REPORT",
    "TS, TECHNICAL_SPECIFICATION",
    "PAS, TECHNICAL_SPECIFICATION",
    "Guide, GUIDE",
    "ISP, OTHER",
    "IWA, OTHER",
    "TTA, OTHER"
  })
  void deliverableTypesMapToPublicationTypes(String deliverableType, PublicationType expected) {
    assertThat(IsoOpenDataReader.typeOf(deliverableType)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ISO 9001:2015 | ISO",
        "ISO/TR 7035-2:2024 | ISO",
        "ISO/IEC 19566-7:2022/Amd 1:2025 | ISO/IEC",
        "ISO/IEC TR 24028:2020 | ISO/IEC",
        "ISO/IEC/IEEE 42010:2022 | ISO/IEC/IEEE",
        "ISO/ASTM 52900:2021 | ISO/ASTM",
        "ISO/PAS 8800:2024 | ISO",
        "ISO/IEC Guide 98-3:2008 | ISO/IEC",
        "IWA 14-1:2009 | ISO",
        "ISO/R 1:1951 | ISO"
      })
  void theSdoIsTheReferencesPrefixUpToTheDocumentType(String reference, String sdo) {
    assertThat(IsoOpenDataReader.sdoOf(reference)).isEqualTo(sdo);
  }

  @Test
  void aMalformedLineIsRejectedWithItsLineNumberAndTheOtherLinesStillMap() throws Exception {
    List<FeedRecord> out =
        readText(
            "\uFEFF\n"
                + "{\"id\":1,\"reference\":\"ISO 1:2020\",\"title\":{\"en\":\"One\"},\"currentStage\":6060}\n"
                + "\n"
                + "{\"id\":2,\"reference\":\"ISO 2:2020\",\"title\":{\"en\":\"Tw\n"
                + "{\"id\":3,,\"reference\":\"ISO 3:2020\"}\n"
                + "[1, 2]\n"
                + "{\"id\":4,\"reference\":\"ISO 4:2020\",\"title\":{\"en\":\"Four\"},\"currentStage\":6060} x\n"
                + "{\"id\":5,\"reference\":\"ISO 5:2020\",\"title\":{\"en\":\"Five\"},\"currentStage\":9093}\n",
            new IsoOpenDataReader("x"));

    assertThat(out)
        .extracting(FeedRecord::where)
        .containsExactly("line 2", "line 4", "line 5", "line 6", "line 7", "line 8");
    assertThat(mapped(out.get(0)).identifier()).isEqualTo("ISO 1:2020");
    assertThat(out.get(1)).isInstanceOf(FeedRecord.Rejected.class);
    assertThat(((FeedRecord.Rejected) out.get(1)).reason()).startsWith("malformed JSON: ");
    assertThat(((FeedRecord.Rejected) out.get(2)).reason()).startsWith("malformed JSON: ");
    assertThat(out.get(3)).isEqualTo(new FeedRecord.Rejected("line 6", "not a JSON object"));
    assertThat(((FeedRecord.Rejected) out.get(4)).reason()).startsWith("malformed JSON: ");
    Standard five = mapped(out.get(5));
    assertThat(five.identifier()).isEqualTo("ISO 5:2020");
    assertThat(five.stage()).isEqualTo("90.93");
  }

  @Test
  void aTruncatedFirstLineIsStillReadAsJsonLines() throws Exception {
    List<FeedRecord> out =
        readText(
            "{\"id\":1,\"reference\":\"ISO 1\n"
                + "{\"id\":2,\"reference\":\"ISO 2:2020\",\"title\":{\"en\":\"Two\"},\"currentStage\":6060}\n",
            new IsoOpenDataReader("x"));

    assertThat(out).extracting(FeedRecord::where).containsExactly("line 1", "line 2");
    assertThat(out.get(0)).isInstanceOf(FeedRecord.Rejected.class);
    assertThat(mapped(out.get(1)).identifier()).isEqualTo("ISO 2:2020");
  }

  @Test
  void readsAPrettyPrintedObjectAndArrays() throws Exception {
    List<FeedRecord> one =
        readText(
            """

            {
              "id": 62085,
              "reference": "ISO 9001:2015",
              "title": {"en": "Quality management systems — Requirements", "fr": "Systèmes de management de la qualité — Exigences"},
              "currentStage": 9092
            }
            """,
            new IsoOpenDataReader("x"));
    assertThat(one).extracting(FeedRecord::where).containsExactly("record 1");
    assertThat(mapped(one.get(0)).title())
        .containsEntry("fr", "Systèmes de management de la qualité — Exigences");

    List<FeedRecord> array =
        readText(
            """
            [
              {"id": 1, "reference": "ISO 1:2020", "title": {"en": "One"}, "currentStage": 6060},
              {"id": 2, "title": {"en": "Two"}, "currentStage": 6060},
              "three",
              {"id": 4, "reference": "ISO 4:2020", "title": {"en": "Four"}, "currentStage": 7777},
              {"id": 5, "reference": "ISO 5:2020", "title": {"en": "Five"}},
              {"id": 6, "reference": "ISO 6:2020", "title": {"en": "Six"}, "currentStage": 6060}
            ]
            """,
            new IsoOpenDataReader("x"));
    assertThat(array)
        .containsExactly(
            array.get(0),
            new FeedRecord.Rejected("record 2", "reference: missing"),
            new FeedRecord.Rejected("record 3", "not a JSON object"),
            new FeedRecord.Rejected(
                "record 4", "currentStage: 7777 is not an ISO harmonized stage code"),
            new FeedRecord.Rejected("record 5", "currentStage: missing"),
            array.get(5));
    assertThat(mapped(array.get(0)).identifier()).isEqualTo("ISO 1:2020");
    assertThat(mapped(array.get(5)).identifier()).isEqualTo("ISO 6:2020");
  }

  @Test
  void aBrokenArrayRejectsTheEntryAtTheBreakAndKeepsTheOnesBefore() throws Exception {
    List<FeedRecord> out =
        readText(
            """
            [
              {"id": 1, "reference": "ISO 1:2020", "title": {"en": "One"}, "currentStage": 6060},
              {"id": 2, "reference": "ISO 2:2020" "title": {"en": "Two"}}
            ]
            """,
            new IsoOpenDataReader("x"));

    assertThat(out).hasSize(2);
    assertThat(mapped(out.get(0)).identifier()).isEqualTo("ISO 1:2020");
    assertThat(out.get(1).where()).isEqualTo("record 2");
    assertThat(((FeedRecord.Rejected) out.get(1)).reason())
        .startsWith("malformed JSON at line 3: ")
        .endsWith("; the rest of the input was not read");
  }

  @Test
  void somethingElseThanJsonIsRefusedAndEmptyInputGivesNothing() throws Exception {
    assertThat(readText(" \n\n ", new IsoOpenDataReader("x"))).isEmpty();
    assertThatThrownBy(() -> readText("\nid,reference\n", new IsoOpenDataReader("x")))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("line 2: not ISO Open Data JSON");
  }
}
