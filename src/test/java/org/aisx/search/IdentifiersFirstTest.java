package org.aisx.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aisx.App;
import org.aisx.Fixtures;
import org.aisx.catalog.PublicationType;
import org.aisx.catalog.Standard;
import org.aisx.catalog.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The records a query names by identifier come first in the order {@link IdentifierMatch} gives, in
 * a catalogue where several bodies use the same numbers (the misses of the identifier table at the
 * size of the whole shared-feed catalogue, BENCHMARKS.md).
 */
class IdentifiersFirstTest {
  @TempDir static Path dir;
  static App app;

  @BeforeAll
  static void load() {
    app = Fixtures.empty(dir);
    save(
        "ISO/IEC 8183:2023",
        "ISO/IEC",
        "2023-07",
        "Artificial intelligence — Data life cycle framework",
        "ISO/IEC JTC 1/SC 42",
        PublicationType.INTERNATIONAL_STANDARD);
    save(
        "RFC 8183",
        "IETF",
        "2017-07",
        "An Out-of-Band Setup Protocol for Resource Public Key Infrastructure (RPKI) Production Services",
        null,
        PublicationType.INTERNATIONAL_STANDARD);
    save(
        "NIST IR 8183",
        "NIST",
        "2017",
        "Cybersecurity Framework Manufacturing Profile",
        null,
        PublicationType.TECHNICAL_REPORT);
    save(
        "NIST SP 800-53",
        "NIST",
        "2005",
        "Recommended Security Controls for Federal Information Systems",
        null,
        PublicationType.GUIDE);
    save(
        "NIST SP 800-53r5",
        "NIST",
        "2020",
        "Security and Privacy Controls for Information Systems and Organizations",
        null,
        PublicationType.GUIDE);
    save(
        "NIST SP 800-53Ar5",
        "NIST",
        "2022",
        "Assessing Security and Privacy Controls in Information Systems and Organizations",
        null,
        PublicationType.GUIDE);
    save(
        "IEEE 802.11-2020",
        "IEEE",
        "2021-02-25",
        "Wireless LAN Medium Access Control (MAC) and Physical Layer (PHY) Specifications",
        null,
        PublicationType.INTERNATIONAL_STANDARD);
    save(
        "IEEE 802.11-2020 Redline",
        "IEEE",
        "2021-07-29",
        "Wireless LAN Medium Access Control (MAC) and Physical Layer (PHY) Specifications - Redline",
        null,
        PublicationType.INTERNATIONAL_STANDARD);
    save(
        "IEEE 7001-2021",
        "IEEE",
        "2022-03-02",
        "Transparency of Things",
        null,
        PublicationType.INTERNATIONAL_STANDARD);
    save(
        "ISO 7001:2023",
        "ISO",
        "2023-02",
        "Graphical symbols — Public information symbols",
        null,
        PublicationType.INTERNATIONAL_STANDARD);
    save(
        "ITU-T Y.3172 (06/2019)",
        "ITU-T",
        "2019-06-22",
        "Architectural framework for networks",
        null,
        PublicationType.INTERNATIONAL_STANDARD);
    save(
        "RFC 3172",
        "IETF",
        "2021-09",
        "Management Guidelines for the Address and Routing Parameter Area Domain",
        null,
        PublicationType.INTERNATIONAL_STANDARD);
    save(
        "IEEE 7000-2021",
        "IEEE",
        "2021-09-13",
        "Model Process for Addressing Ethical Concerns during System Design",
        null,
        PublicationType.INTERNATIONAL_STANDARD);
    save(
        "ISO/IEC/IEEE 24748-7000:2022",
        "ISO/IEC/IEEE",
        "2022-11",
        "Systems and software engineering — Life cycle management — Part 7000: Standard model process for addressing ethical concerns during system design",
        null,
        PublicationType.INTERNATIONAL_STANDARD);
    save(
        "W3C REC-speech-grammar-20040316",
        "W3C",
        "2004-03-16",
        "Speech Recognition Grammar Specification Version 1.0",
        null,
        PublicationType.INTERNATIONAL_STANDARD);
    save(
        "W3C CR-speech-grammar-20020626",
        "W3C",
        "2002-06-26",
        "Speech Recognition Grammar Specification Version 1.0",
        null,
        PublicationType.INTERNATIONAL_STANDARD);
  }

  private static void save(
      String identifier,
      String sdo,
      String published,
      String title,
      String committee,
      PublicationType type) {
    app.catalog()
        .save(
            Standard.builder(identifier)
                .title(Map.of("en", title))
                .sdo(sdo)
                .committee(committee)
                .type(type)
                .status(identifier.contains("CR-") ? Status.SUPERSEDED : Status.IN_FORCE)
                .published(published)
                .build(),
            "test",
            "test",
            null);
  }

  @AfterAll
  static void close() {
    app.close();
  }

  private static List<String> identifiers(String q, SearchRequest.Mode mode) {
    return app
        .index()
        .search(
            new SearchRequest(q, Map.of(), null, null, SearchRequest.Sort.RELEVANCE, 1, 10, mode))
        .items()
        .stream()
        .map(Hit::identifier)
        .toList();
  }

  @ParameterizedTest(name = "\"{0}\" finds {1} first")
  @CsvSource({
    // a bare number several bodies use: the AI publication
    "8183, ISO/IEC 8183:2023",
    // a base document before its lettered supplement, the newest revision of it
    "SP 800-53, NIST SP 800-53r5",
    // the clean edition before its redline
    "IEEE 802.11, IEEE 802.11-2020",
    // IEEE's P names a project, not any body's number 7001
    "P7001, IEEE 7001-2021",
    // ITU-T's series letter typed with the number is not dropped
    "y3172, ITU-T Y.3172 (06/2019)",
    // the publication numbered 7000, not a part numbered 7000 of another
    "IEEE 7000, IEEE 7000-2021",
    // a W3C short name without a date is read as an identifier
    "REC-speech-grammar, W3C REC-speech-grammar-20040316",
  })
  void aQueryNamingAPublicationPutsItFirst(String q, String first) {
    assertThat(identifiers(q, SearchRequest.Mode.KEYWORD)).first().isEqualTo(first);
  }

  @ParameterizedTest
  @EnumSource(SearchRequest.Mode.class)
  void theOrderHoldsInEveryMode(SearchRequest.Mode mode) {
    assertThat(identifiers("8183", mode)).first().isEqualTo("ISO/IEC 8183:2023");
    assertThat(identifiers("y3172", mode)).first().isEqualTo("ITU-T Y.3172 (06/2019)");
  }
}
