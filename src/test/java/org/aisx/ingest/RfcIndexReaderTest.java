package org.aisx.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aisx.catalog.Identifier;
import org.aisx.catalog.Kind;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Relation;
import org.aisx.catalog.RelationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RFC Editor's index, on an excerpt of the real file. */
class RfcIndexReaderTest {
  List<FeedRecord> outcomes = new ArrayList<>();
  Map<String, Standard> byId;

  @BeforeEach
  void read() throws Exception {
    try (var in = getClass().getResourceAsStream("/fixtures/rfc/rfc-index-excerpt.txt")) {
      new RfcIndexReader("rfc-index").read(in, outcomes::add);
    }
    byId =
        outcomes.stream()
            .filter(o -> o instanceof FeedRecord.Mapped)
            .map(o -> ((FeedRecord.Mapped) o).standard())
            .collect(Collectors.toMap(Standard::id, Function.identity()));
  }

  @Test
  void readsEveryIssuedRfcAndSkipsTheHeaderAndNotIssuedNumbers() {
    assertThat(byId.keySet())
        .containsExactlyInAnyOrder("rfc-1707", "rfc-2119", "rfc-6795", "rfc-7231", "rfc-9110");
    assertThat(outcomes).allMatch(o -> o instanceof FeedRecord.Mapped);
  }

  @Test
  void mapsTitleDateStatusAndIdentifiers() {
    Standard s = byId.get("rfc-9110");
    assertThat(s.identifier()).isEqualTo("RFC 9110");
    assertThat(s.titleIn("en")).isEqualTo("HTTP Semantics");
    assertThat(s.sdo()).isEqualTo("IETF");
    assertThat(s.published()).isEqualTo("2022-06");
    assertThat(s.type()).isEqualTo(PublicationType.INTERNATIONAL_STANDARD);
    assertThat(s.status()).isEqualTo(Status.IN_FORCE);
    assertThat(s.stage()).isEqualTo("INTERNET STANDARD");
    assertThat(s.url()).isEqualTo("https://www.rfc-editor.org/info/rfc9110");
    assertThat(s.identifiers())
        .containsExactly(
            new Identifier("STD", "STD 97"), new Identifier("DOI", "10.17487/RFC9110"));
    assertThat(s.relations())
        .hasSize(10)
        .contains(
            Relation.of(RelationType.REPLACES, "RFC 7231"),
            Relation.of(RelationType.UPDATES, "RFC 3864"));
  }

  @Test
  void titlesKeepTheirOwnParenthesesAndHyphenatedLineBreaks() {
    assertThat(byId.get("rfc-7231").titleIn("en"))
        .isEqualTo("Hypertext Transfer Protocol (HTTP/1.1): Semantics and Content");
    assertThat(byId.get("rfc-6795").titleIn("en"))
        .isEqualTo(
            "A Session Initiation Protocol (SIP) Event Package for Session-Specific Policies");
  }

  @Test
  void obsoletedRfcsAreSupersededAndHistoricOnesWithdrawn() {
    Standard old = byId.get("rfc-7231");
    assertThat(old.status()).isEqualTo(Status.SUPERSEDED);
    assertThat(old.relations())
        .contains(
            Relation.of(RelationType.REPLACED_BY, "RFC 9110"),
            Relation.of(RelationType.REPLACES, "RFC 2616"));
    assertThat(byId.get("rfc-1707").status()).isEqualTo(Status.WITHDRAWN);
    assertThat(byId.get("rfc-1707").type()).isEqualTo(PublicationType.OTHER);
  }

  @Test
  void bestCurrentPracticeIsAGuideAndKeepsItsBcpNumber() {
    Standard s = byId.get("rfc-2119");
    assertThat(s.type()).isEqualTo(PublicationType.GUIDE);
    assertThat(s.kind()).isEqualTo(Kind.STANDARD);
    assertThat(s.identifiers()).contains(new Identifier("BCP", "BCP 14"));
    assertThat(s.relations()).containsExactly(Relation.of(RelationType.UPDATED_BY, "RFC 8174"));
    assertThat(s.published()).isEqualTo("1997-03");
  }

  @Test
  void aCitationWithoutATitleIsStillTheRfcsRecord() throws Exception {
    List<FeedRecord> out = new ArrayList<>();
    String text =
        "9999 Fine title. A. Author. May 2020. (Status: INFORMATIONAL)\n\n8888 . (Status: INFORMATIONAL)\n";
    new RfcIndexReader("t")
        .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out::add);
    assertThat(out).hasSize(2);
    assertThat(out.get(1))
        .isInstanceOfSatisfying(
            FeedRecord.Mapped.class,
            m -> {
              assertThat(m.where()).isEqualTo("line 3");
              assertThat(m.standard().identifier()).isEqualTo("RFC 8888");
              assertThat(m.standard().title()).isEmpty();
            });
  }
}
