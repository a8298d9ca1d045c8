package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Json;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.StandardReader;
import org.aisx.catalog.Status;
import org.aisx.catalog.Suggestion;
import org.aisx.catalog.UseCase;
import org.aisx.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

/** The CSV template, on the documented example file and on hand-made edge cases. */
class CsvReaderTest {
  private static final Path EXAMPLE =
      Path.of(System.getProperty("basedir", "."), "docs", "csv-template-example.csv");

  private static final String TYPES =
      "international-standard, national-standard, technical-report, technical-specification,"
          + " technical-paper, guide, amendment, corrigendum, other";

  private static List<FeedRecord> read(byte[] bytes) throws IOException {
    List<FeedRecord> out = new ArrayList<>();
    new CsvReader("test").read(new ByteArrayInputStream(bytes), out::add);
    return out;
  }

  private static List<FeedRecord> read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<FeedRecord> readExample() throws IOException {
    List<FeedRecord> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(EXAMPLE)) {
      new CsvReader("example").read(in, out::add);
    }
    return out;
  }

  private static Standard mapped(FeedRecord r) {
    assertThat(r).isInstanceOf(FeedRecord.Mapped.class);
    return ((FeedRecord.Mapped) r).standard();
  }

  private static String reason(FeedRecord r) {
    assertThat(r).isInstanceOf(FeedRecord.Rejected.class);
    return ((FeedRecord.Rejected) r).reason();
  }

  @Test
  void theExampleFileMapsEveryRowWhereItStarts() throws Exception {
    List<FeedRecord> out = readExample();

    // The first row's two abstracts hold blank lines, so it spans lines 2 to 10.
    assertThat(out)
        .extracting(FeedRecord::where)
        .containsExactly("line 2", "line 11", "line 12", "line 13");
    assertThat(out)
        .extracting(r -> mapped(r).identifier())
        .containsExactly(
            "ISO/IEC 22989:2022",
            "ISO/IEC TR 24030:2024",
            "ITU-T Y.3172 (06/2019)",
            "IEEE 7000-2021");

    Standard terms = mapped(out.get(0));
    assertThat(terms.id()).isEqualTo("iso-iec-22989-2022");
    assertThat(terms.title())
        .containsEntry(
            "fr",
            "Technologies de l'information - Intelligence artificielle - Concepts et terminologie"
                + " relatifs à l'intelligence artificielle");
    assertThat(terms.abstractIn("en").split("\n\n")).hasSize(3);
    assertThat(terms.abstractIn("fr"))
        .endsWith(
            "(par exemple: les entreprises commerciales, les organismes publics, les organismes"
                + " à but non lucratif).");
    assertThat(terms.sdo()).isEqualTo("ISO/IEC");
    assertThat(terms.committee()).isEqualTo("ISO/IEC JTC 1/SC 42");
    assertThat(terms.type()).isEqualTo(PublicationType.INTERNATIONAL_STANDARD);
    assertThat(terms.status()).isEqualTo(Status.IN_FORCE);
    assertThat(terms.stage()).isEqualTo("PUBLISHED");
    assertThat(terms.published()).isEqualTo("2022-07-19");
    assertThat(terms.edition()).isEqualTo("1");
    assertThat(terms.kind()).isEqualTo(Kind.STANDARD);
    assertThat(terms.verticals()).containsExactly("cross-sector");
    assertThat(terms.concerns()).containsExactly("terminology");
    assertThat(terms.keywords()).isEmpty();
    assertThat(terms.relations()).isEmpty();
    assertThat(terms.openSource()).isNull();
    assertThat(terms.source()).isEqualTo("example");

    Standard useCases = mapped(out.get(1));
    assertThat(useCases.type()).isEqualTo(PublicationType.TECHNICAL_REPORT);
    assertThat(useCases.kind()).isEqualTo(Kind.PUBLICATION);
    assertThat(useCases.edition()).isEqualTo("2");
    assertThat(useCases.summary().keySet()).containsExactly("en");
    assertThat(useCases.relations())
        .containsExactly(Relation.of(RelationType.REPLACES, "ISO/IEC TR 24030:2021"));

    Standard ml = mapped(out.get(2));
    assertThat(ml.verticals()).containsExactly("telecommunications");
    assertThat(ml.applications()).containsExactly("network-management");
    assertThat(ml.relations()).hasSize(16).allMatch(r -> r.type() == RelationType.COMPLEMENTS);
    assertThat(ml.relations().get(0).target()).isEqualTo("ITU-T Y Suppl. 44 (07/2017)");
    assertThat(ml.relations().get(0).targetId()).isEqualTo("itu-t-y-suppl-44-07-2017");

    Standard ethics = mapped(out.get(3));
    assertThat(ethics.identifiers())
        .containsExactly(
            new Identifier("IEEE", "IEEE Std 7000™-2021"),
            new Identifier("ISBN", "978-1-5044-7687-4"),
            new Identifier("DOI", "10.1109/IEEESTD.2021.9536679"));
    assertThat(ethics.edition()).isNull();
    assertThat(ethics.keywords()).hasSize(17).startsWith("IEEE Standards", "Ethics");
    assertThat(ethics.keywords()).contains("IEEE 7000™", "value prioritization");
    assertThat(ethics.concerns()).containsExactly("governance", "life-cycle");
  }

  @Test
  void theExampleCopiesTheBundledCorpusAndPassesTheCataloguesValidation() throws Exception {
    ObjectMapper json = Json.mapper();
    StandardReader validator = new StandardReader(Taxonomy.bundled(json));
    JsonNode corpus;
    try (InputStream in = getClass().getResourceAsStream("/corpus/starter.json")) {
      corpus = json.readTree(in).get("records");
    }
    for (FeedRecord r : readExample()) {
      Standard s = validator.read(json.valueToTree(mapped(r)));
      JsonNode original = null;
      for (JsonNode c : corpus) {
        if (c.get("identifier").asText().equals(s.identifier())) {
          original = c;
        }
      }
      assertThat(original).as(s.identifier()).isNotNull();
      Standard o = validator.read(original);
      assertThat(s.identifiers()).isEqualTo(o.identifiers());
      assertThat(s.title()).isEqualTo(o.title());
      assertThat(s.summary()).isEqualTo(o.summary());
      assertThat(s.url()).isEqualTo(o.url());
      assertThat(s.keywords()).isEqualTo(o.keywords());
      assertThat(s.published()).isEqualTo(o.published());
      assertThat(s.status()).isEqualTo(o.status());
      assertThat(s.type()).isEqualTo(o.type());
    }
  }

  @Test
  void quotedCellsHoldCommasLineBreaksAndDoubledQuotes() throws Exception {
    String csv =
        "identifier,title_en,sdo,type,status,abstract_en\r\n"
            + "X 1,\"Plain, with a comma\",X,other,draft,\"Says \"\"hi\"\"\r\non two lines\"\r\n"
            + "\"X 2\",\"\"\"Quoted\"\" title\",X,other,draft,\r\n"
            + "X 3,Ends with a quote\"  ,X,other,draft,\"\"\r\n";

    List<FeedRecord> out = read(csv);

    assertThat(out).extracting(FeedRecord::where).containsExactly("line 2", "line 4", "line 5");
    Standard one = mapped(out.get(0));
    assertThat(one.titleIn("en")).isEqualTo("Plain, with a comma");
    assertThat(one.abstractIn("en")).isEqualTo("Says \"hi\"\non two lines");
    Standard two = mapped(out.get(1));
    assertThat(two.identifier()).isEqualTo("X 2");
    assertThat(two.titleIn("en")).isEqualTo("\"Quoted\" title");
    assertThat(two.summary()).isEmpty();
    Standard three = mapped(out.get(2));
    assertThat(three.titleIn("en")).isEqualTo("Ends with a quote\"");
    assertThat(three.summary()).isEmpty();
  }

  @Test
  void aByteOrderMarkAndAnyColumnOrderAreFine() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body =
        "status,type,sdo,title_fr,identifier\nwithdrawn,guide,ISO,Guide de l'ISO,ISO Guide 1\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);

    List<FeedRecord> out = read(all);

    assertThat(out).hasSize(1);
    Standard s = mapped(out.get(0));
    assertThat(s.identifier()).isEqualTo("ISO Guide 1");
    assertThat(s.title()).isEqualTo(Map.of("fr", "Guide de l'ISO"));
    assertThat(s.status()).isEqualTo(Status.WITHDRAWN);
    assertThat(s.type()).isEqualTo(PublicationType.GUIDE);
    assertThat(s.kind()).isNull();
  }

  @Test
  void unknownColumnsAreRefusedUpFrontNamingThem() {
    String csv = "identifier,titel_en,sdo,type,status,Remarks\nX 1,T,X,other,draft,none\n";

    assertThatThrownBy(() -> read(csv))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(
            "line 1 (header): unknown columns 'titel_en', 'Remarks'. The columns are: id,"
                + " identifier, identifiers, title_LANGUAGE, abstract_LANGUAGE, sdo,");
  }

  @Test
  void rowsWithoutATitleAreRecordsWithoutOne() throws Exception {
    // No title column at all, or an empty title cell: a feed's record without a title.
    List<FeedRecord> noColumn = read("identifier,sdo,type,status\nISO 9001:2015,ISO,other,draft\n");
    List<FeedRecord> emptyCell =
        read("identifier,title_en,sdo,type,status\nISO 9001:2015,,ISO,other,draft\n");

    for (List<FeedRecord> out : List.of(noColumn, emptyCell)) {
      assertThat(out).hasSize(1);
      assertThat(mapped(out.get(0)).identifier()).isEqualTo("ISO 9001:2015");
      assertThat(mapped(out.get(0)).title()).isEmpty();
    }
  }

  @Test
  void missingRequiredOrRepeatedColumnsAndEmptyFilesAreRefused() {
    assertThatThrownBy(() -> read("identifier,title_en,type\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing required column(s): sdo, status");
    assertThatThrownBy(() -> read("identifier,title_en,sdo,type,status,SDO\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("column named twice: sdo");
    assertThatThrownBy(() -> read("\n\n"))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("the file is empty");
  }

  @Test
  void aHeaderAloneGivesNoRecords() throws Exception {
    assertThat(read("identifier,title_en,sdo,type,status\r\n")).isEmpty();
  }

  @Test
  void aBadEnumeratedValueRejectsItsRowWithTheLineAndTheOthersStillMap() throws Exception {
    String csv =
        """
        identifier,title_en,sdo,type,status,kind,open_source
        X 1,One,X,Technical-Report,In-Force,Publication,YES

        X 2,Two,X,standard,active,doc,maybe
        X 3,Three,X,other,draft,,no
        """;

    List<FeedRecord> out = read(csv);

    assertThat(out).extracting(FeedRecord::where).containsExactly("line 2", "line 4", "line 5");
    Standard one = mapped(out.get(0));
    assertThat(one.type()).isEqualTo(PublicationType.TECHNICAL_REPORT);
    assertThat(one.status()).isEqualTo(Status.IN_FORCE);
    assertThat(one.kind()).isEqualTo(Kind.PUBLICATION);
    assertThat(one.openSource()).isTrue();
    assertThat(reason(out.get(1)))
        .isEqualTo(
            "column type: 'standard' is not one of "
                + TYPES
                + "; column status: 'active' is not one of in-force, draft, superseded, withdrawn,"
                + " replaced"
                + "; column kind: 'doc' is not one of standard, publication"
                + "; column open_source: 'maybe' is not one of yes, no");
    assertThat(mapped(out.get(2)).openSource()).isFalse();
  }

  @Test
  void listsAndRelationsAreParsed() throws Exception {
    String csv =
        """
        identifier,title_en,sdo,type,status,keywords,concerns,verticals,relations,code_repository
        X 2:2024,T,X,other,in-force, a ; b;;a ;c ,risk-management; governance,,"replaces:ISO/IEC 22989:2022; complements:RFC 9110 ;Amended-By: X 2:2024/Amd 1:2025;",https://github.com/example/x
        X 3,T,X,other,in-force,,,,obsoletes:RFC 1; ISO 9001:2015 ;related:,
        """;

    List<FeedRecord> out = read(csv);

    Standard s = mapped(out.get(0));
    assertThat(s.keywords()).containsExactly("a", "b", "c");
    assertThat(s.concerns()).containsExactly("risk-management", "governance");
    assertThat(s.verticals()).isEmpty();
    assertThat(s.relations())
        .containsExactly(
            Relation.of(RelationType.REPLACES, "ISO/IEC 22989:2022"),
            Relation.of(RelationType.COMPLEMENTS, "RFC 9110"),
            Relation.of(RelationType.AMENDED_BY, "X 2:2024/Amd 1:2025"));
    assertThat(s.relations().get(0).targetId()).isEqualTo("iso-iec-22989-2022");
    assertThat(s.codeRepository()).isEqualTo("https://github.com/example/x");

    assertThat(out.get(1).where()).isEqualTo("line 3");
    assertThat(reason(out.get(1)))
        .isEqualTo(
            "column relations: 'obsoletes' is not one of replaces, replaced-by, amends,"
                + " amended-by, updates, updated-by, adopts, adopted-by, complements, identical,"
                + " related"
                + "; column relations: 'ISO 9001:2015' is not type:target (e.g."
                + " replaces:ISO/IEC 22989:2022)"
                + "; column relations: 'related:' is not type:target (e.g."
                + " replaces:ISO/IEC 22989:2022)");
  }

  @Test
  void brokenRowsAreRejectedAloneAndReadingGoesOn() throws Exception {
    String csv =
        """
        identifier,title_en,sdo,type,status
        X 1,One,X,other
        X 2,"Two" and more,X,other,draft
        ,No identifier,X,other,draft
        X 4,Four,X,other,draft,extra
        ,,,,
        X 6,Six,X,other,draft
        X 7,"Seven
        """;

    List<FeedRecord> out = read(csv);

    assertThat(out)
        .containsExactly(
            new FeedRecord.Rejected(
                "line 2", "4 cells but the header has 5 columns (a quote or a comma missing?)"),
            new FeedRecord.Rejected(
                "line 3",
                "cell 2: text after the closing quote (a quote inside a quoted cell must be"
                    + " doubled: \"\")"),
            new FeedRecord.Rejected("line 4", "column identifier: required"),
            new FeedRecord.Rejected(
                "line 5", "6 cells but the header has 5 columns (a quote or a comma missing?)"),
            out.get(4),
            new FeedRecord.Rejected(
                "line 8",
                "the quoted cell opened on line 8 is not closed (a missing \" ?); the rest of"
                    + " the file is in it"));
    assertThat(mapped(out.get(4)).identifier()).isEqualTo("X 6");
    assertThat(out.get(4).where()).isEqualTo("line 7");
  }

  /** The columns the template once lacked: every field of the record has one. */
  @Test
  void everyFieldOfTheRecordHasAColumnReadAsItsJsonWouldBe() throws Exception {
    String csv =
        """
        Identifier,identifiers,Title_EN,title_ja,abstract_ja,title_zh-Hant,sdo,type,status,status_inferred,suggestions,use_cases,field_sources,revision
        JIS X 0028:1999,"URN:urn:jis:x0028:1999; report number: R 12",Vocabulary,情報処理用語,人工知能に関する用語。,資訊處理,JIS,national-standard,in-force,yes,"{""concern"":[{""concept"":""terminology"",""score"":0.9,""evidence"":""Vocabulary""}]}","[{""description"":""Glossaries; training"",""url"":""https://example.org/g""}]","{""title"":[""relaton-jis""]}",7
        """;

    Standard s = mapped(read(csv).get(0));

    assertThat(s.id()).isEqualTo("jis-x-0028-1999");
    assertThat(s.identifiers())
        .containsExactly(
            new Identifier("URN", "urn:jis:x0028:1999"), new Identifier("report number", "R 12"));
    assertThat(s.title()).isEqualTo(Map.of("en", "Vocabulary", "ja", "情報処理用語", "zh-Hant", "資訊處理"));
    assertThat(s.summary()).isEqualTo(Map.of("ja", "人工知能に関する用語。"));
    assertThat(s.statusInferred()).isTrue();
    assertThat(s.suggestions().get("concern"))
        .containsExactly(new Suggestion("terminology", 0.9, "Vocabulary"));
    assertThat(s.useCases())
        .containsExactly(new UseCase("Glossaries; training", "https://example.org/g"));
    assertThat(s.fieldSources()).isEqualTo(Map.of("title", List.of("relaton-jis")));
    assertThat(s.source()).isEqualTo("test");
  }

  @Test
  void aCellItsFieldCannotHoldRejectsTheRowNamingTheColumn() throws Exception {
    String csv =
        """
        identifier,identifiers,title_en,sdo,type,status,status_inferred,suggestions,use_cases,revision
        X 1,DOI 10.1/x,T,X,other,draft,perhaps,{not json,"{""description"":""x""}",two
        """;

    assertThat(reason(read(csv).get(0)))
        .isEqualTo(
            "column identifiers: 'DOI 10.1/x' is not type:value (e.g."
                + " DOI:10.1109/IEEESTD.2021.9536679)"
                + "; column status_inferred: 'perhaps' is not one of yes, no"
                + "; column suggestions: not JSON (Unexpected character ('n' (code 110)): was"
                + " expecting double-quote to start field name)"
                + "; column revision: 'two' is not a whole number");
    String shapes =
        """
        identifier,title_en,sdo,type,status,use_cases
        X 1,T,X,other,draft,"{""description"":""x""}"
        """;
    assertThat(reason(read(shapes).get(0)))
        .startsWith("column use_cases: not the JSON of useCases");
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() {
    byte[] latin1 =
        "identifier,title_en,sdo,type,status\nX 1,Systèmes,X,other,draft\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> read(latin1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not UTF-8");
  }
}
